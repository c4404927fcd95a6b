/*
 * version — salesgen's version, in one place: what --version prints and
 * what a document's fingerprint (fingerprint.h) includes.
 */
#ifndef SALESGEN_VERSION_H
#define SALESGEN_VERSION_H

#define SALESGEN_VERSION "0.1.0"

#endif
