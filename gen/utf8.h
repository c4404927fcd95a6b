/*
 * utf8 — the one UTF-8 validator for input text.
 *
 * Markdown, CSV and the encoding checks all ask the same question of a
 * byte sequence: is this a well-formed UTF-8 character, and how long is
 * it.  No allocation, no state.
 */
#ifndef SALESGEN_UTF8_H
#define SALESGEN_UTF8_H

#include <stddef.h>

/* The length (1 to 4) of the UTF-8 sequence at s, with n > 0 bytes left;
 * 0 when it is not one: NUL (values and text are C strings), a stray
 * continuation byte, an overlong form, a surrogate, past U+10FFFF, or a
 * sequence cut short by the end. */
size_t	utf8_len(const unsigned char *s, size_t n);

#endif
