/*
 * json — a small strict JSON reader for the tests.
 *
 * Builds a val tree (val.h): objects become VAL_MAP, arrays VAL_LIST,
 * strings VAL_STR (\uXXXX and surrogate pairs decoded to UTF-8), numbers
 * VAL_NUM, true/false VAL_BOOL, null VAL_NULL.  Anything RFC 8259 does not
 * allow (trailing commas, comments, leading zeros, control characters in
 * strings, lone surrogates, trailing garbage) makes it return NULL.
 */
#ifndef SALESGEN_TEST_JSON_H
#define SALESGEN_TEST_JSON_H

#include <stddef.h>

#include "val.h"

/* Parses s[0..len).  Returns a new tree the caller frees with val_free(),
 * or NULL; then *erroff (if not NULL) is the byte offset of the problem. */
struct val *json_parse(const char *s, size_t len, size_t *erroff);

/* Reads and parses a whole file; NULL if it cannot be read or parsed. */
struct val *json_load(const char *path);

#endif
