/*
 * fpread — the fingerprint salesgen wrote into an offer, read back for
 * salesgen verify: from a PDF's document information (/SalesgenFingerprint
 * as a literal string) or an HTML page's <meta name="salesgen-fingerprint">.
 *
 * The document may come from anyone, so nothing is parsed: the bytes are
 * scanned for the key, and only what follows it is looked at, within the
 * buffer.  The last occurrence counts (a PDF updated incrementally appends
 * a newer information dictionary).  No allocation, no recursion.
 */
#ifndef SALESGEN_FPREAD_H
#define SALESGEN_FPREAD_H

#include <stddef.h>

/* Finds the fingerprint in doc[0..len) and writes its 64 lower-case hex
 * digits and a NUL to out.  Returns 0, or -1 when there is none (or it is
 * not 64 hex digits). */
int	fpread(const char *doc, size_t len, char out[65]);

#endif
