/*
 * test_utf8 — the one UTF-8 decoder and encoder (gen/utf8.c): what is
 * well-formed and what is not (overlong forms, surrogates, truncation,
 * past U+10FFFF, stray continuation bytes), and that encoding and decoding
 * are each other's inverse; md_check_utf8 (gen/md_parse.c), which reads
 * eight ASCII bytes at a time, finds the same first bad byte as the
 * decoder wherever it lies.  One PASS or FAIL line per test; exit status 1
 * if any failed.
 */
#include "buf.h"
#include "md.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static const struct {
	const char	*in;	/* bytes; the case's length is strlen, or 1
				   for the NUL case */
	size_t		 len;	/* what utf8_decode returns */
	uint32_t	 cp;
} S_cases[] = {
	{ "A", 1, 0x41 },
	{ "\x7f", 1, 0x7F },
	{ "\xc2\x80", 2, 0x80 },
	{ "\xc3\xa9", 2, 0xE9 },			/* é */
	{ "\xdf\xbf", 2, 0x7FF },
	{ "\xe0\xa0\x80", 3, 0x800 },
	{ "\xe2\x82\xac", 3, 0x20AC },			/* € */
	{ "\xed\x9f\xbf", 3, 0xD7FF },			/* below the surrogates */
	{ "\xee\x80\x80", 3, 0xE000 },			/* above them */
	{ "\xef\xbf\xbd", 3, 0xFFFD },
	{ "\xf0\x90\x80\x80", 4, 0x10000 },
	{ "\xf0\x9f\x98\x80", 4, 0x1F600 },
	{ "\xf4\x8f\xbf\xbf", 4, 0x10FFFF },
	/* overlong forms */
	{ "\xc0\x80", 0, 0 },
	{ "\xc1\xbf", 0, 0 },
	{ "\xe0\x80\x80", 0, 0 },
	{ "\xe0\x9f\xbf", 0, 0 },
	{ "\xf0\x80\x80\x80", 0, 0 },
	{ "\xf0\x8f\xbf\xbf", 0, 0 },
	/* surrogates */
	{ "\xed\xa0\x80", 0, 0 },
	{ "\xed\xbf\xbf", 0, 0 },
	/* past U+10FFFF */
	{ "\xf4\x90\x80\x80", 0, 0 },
	{ "\xf5\x80\x80\x80", 0, 0 },
	{ "\xf7\xbf\xbf\xbf", 0, 0 },
	{ "\xf8\x88\x80\x80\x80", 0, 0 },
	{ "\xff", 0, 0 },
	/* stray continuation bytes, a lead byte without its continuation */
	{ "\x80", 0, 0 },
	{ "\xbf", 0, 0 },
	{ "\xc3\x41", 0, 0 },
	{ "\xe2\x82\x41", 0, 0 },
	/* truncated: the sequence runs into the end */
	{ "\xc3", 0, 0 },
	{ "\xe2\x82", 0, 0 },
	{ "\xf0\x9f\x98", 0, 0 },
};

static void
S_decode(void)
{
	struct buf why = { 0 };
	size_t i, n, got;
	uint32_t cp;

	for (i = 0; i < sizeof(S_cases) / sizeof(S_cases[0]); i++) {
		n = strlen(S_cases[i].in);
		cp = 0xDEAD;
		got = utf8_decode((const unsigned char *)S_cases[i].in, n, &cp);
		check_why(&why, got == S_cases[i].len &&
		    (got == 0 ? cp == 0xDEAD : cp == S_cases[i].cp),
		    "case %zu: length %zu, U+%04X (expected %zu, U+%04X)", i,
		    got, (unsigned)cp, S_cases[i].len,
		    (unsigned)S_cases[i].cp);
		check_why(&why, utf8_len((const unsigned char *)S_cases[i].in,
		    n) == S_cases[i].len, "case %zu: utf8_len differs", i);
	}
	check_verdict("utf8", "decode: well-formed, overlong, surrogates, "
	    "past U+10FFFF, stray and truncated sequences", why.len == 0,
	    buf_cstr(&why));
	buf_free(&why);
}

static void
S_nul_and_empty(void)
{
	struct buf why = { 0 };
	uint32_t cp = 7;

	check_why(&why, utf8_decode((const unsigned char *)"", 1, &cp) == 1 &&
	    cp == 0, "NUL decodes as U+0000, length 1");
	check_why(&why, utf8_len((const unsigned char *)"", 1) == 0,
	    "utf8_len refuses NUL");
	check_why(&why, utf8_decode((const unsigned char *)"A", 0, &cp) == 0,
	    "nothing left is not a character");
	/* n counts, not the NUL: a sequence cut by n is truncated */
	check_why(&why, utf8_decode((const unsigned char *)"\xc3\xa9", 1,
	    &cp) == 0, "n cuts a sequence short");
	check_verdict("utf8", "NUL, nothing left, n shorter than the sequence",
	    why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

static void
S_roundtrip(void)
{
	struct buf why = { 0 };
	unsigned char b[4];
	uint32_t cp, back;
	size_t n;

	for (cp = 0; cp <= 0x10FFFF + 1; cp++) {
		n = utf8_encode(cp, b);
		if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
			check_why(&why, n == 0, "U+%04X encoded", (unsigned)cp);
			continue;
		}
		if (n == 0 || utf8_decode(b, n, &back) != n || back != cp) {
			check_why(&why, 0, "U+%04X does not round-trip",
			    (unsigned)cp);
			break;
		}
	}
	check_verdict("utf8", "encode then decode: every code point, nothing "
	    "for surrogates and past U+10FFFF", why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

static void
S_nonchar(void)
{
	struct buf why = { 0 };

	check_why(&why, utf8_nonchar(0xFDD0) && utf8_nonchar(0xFDEF) &&
	    utf8_nonchar(0xFFFE) && utf8_nonchar(0xFFFF) &&
	    utf8_nonchar(0x1FFFE) && utf8_nonchar(0x10FFFF),
	    "noncharacters");
	check_why(&why, !utf8_nonchar(0xFDCF) && !utf8_nonchar(0xFDF0) &&
	    !utf8_nonchar(0xFFFD) && !utf8_nonchar(0x41),
	    "characters taken for noncharacters");
	check_verdict("utf8", "noncharacters", why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

/* Each case after p ASCII bytes and before t more, and a NUL there: the
 * check warns exactly for a case the decoder refuses, at column p + 1
 * (every offset within and across the eight-byte steps, a bad byte in
 * the last bytes too). */
static void
S_check_md(void)
{
	struct buf why = { 0 };
	struct diag_list *dl;
	char s[64];
	size_t i, n, p, t;
	int got, bad;

	for (i = 0; i <= sizeof(S_cases) / sizeof(S_cases[0]); i++)
		for (p = 0; p < 20; p++)
			for (t = 0; t < 10; t++) {
				/* the last round: a NUL */
				n = i < sizeof(S_cases) / sizeof(S_cases[0]) ?
				    strlen(S_cases[i].in) : 1;
				memset(s, 'a', sizeof(s));
				memcpy(s + p, i < sizeof(S_cases) /
				    sizeof(S_cases[0]) ? S_cases[i].in : "",
				    n);
				bad = i == sizeof(S_cases) / sizeof(S_cases[0]) ||
				    S_cases[i].len == 0;
				dl = diag_list_new();
				got = md_check_utf8(s, p + n + t, "t.md", 0, dl);
				check_why(&why, got == bad && dl->n ==
				    (size_t)bad && (!bad || (dl->v[0].line ==
				    1 && dl->v[0].col == (int)p + 1)),
				    "case %zu at %zu, %zu after: %d, %zu "
				    "diagnostics, column %d", i, p, t, got,
				    dl->n, dl->n ? dl->v[0].col : 0);
				diag_list_free(dl);
			}
	check_verdict("utf8", "md_check_utf8: the first bad byte at every "
	    "offset", why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

int
main(void)
{
	S_decode();
	S_check_md();
	S_nul_and_empty();
	S_roundtrip();
	S_nonchar();
	return check_status();
}
