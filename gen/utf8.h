/*
 * utf8 — the one UTF-8 decoder and encoder.
 *
 * Markdown, CSV, XML, charts, hyphenation, the sales model and the PDF
 * fonts all ask the same question of a byte sequence: is this a
 * well-formed UTF-8 character, which one, and how long is it.  They ask it
 * here, so that every stage agrees on what is malformed.  No allocation,
 * no state.
 *
 * Well-formed (RFC 3629): the shortest form of a code point from U+0000 to
 * U+10FFFF that is not a surrogate (U+D800 to U+DFFF).  Overlong forms,
 * surrogates, code points past U+10FFFF, stray continuation bytes and
 * sequences cut short by the end are not.
 */
#ifndef SALESGEN_UTF8_H
#define SALESGEN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s, with n bytes left: sets *cp and returns its
 * length (1 to 4), or returns 0 (leaving *cp alone) when n is 0 or the
 * bytes are not a well-formed character.  NUL is a character here (length
 * 1, code point 0). */
size_t	utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* The length (1 to 4) of the UTF-8 sequence at s, with n > 0 bytes left;
 * 0 when it is not one: NUL (values and text are C strings), or not
 * well-formed as above. */
size_t	utf8_len(const unsigned char *s, size_t n);

/* The characters in s[0..n): the bytes that do not continue one (a
 * count for well-formed UTF-8; each stray continuation byte of other
 * text is counted with the character before it). */
size_t	utf8_count(const char *s, size_t n);

/* 1 for a noncharacter (U+FDD0 to U+FDEF, and U+xFFFE, U+xFFFF in every
 * plane), which HTML forbids; 0 otherwise. */
int	utf8_nonchar(uint32_t cp);

/* Writes cp (at most U+10FFFF, not a surrogate) as UTF-8 into out and
 * returns the length, 1 to 4; 0 (nothing written) for any other cp. */
size_t	utf8_encode(uint32_t cp, unsigned char out[4]);

#endif
