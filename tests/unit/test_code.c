/*
 * test_code — the code-block helpers of pdf_code.c that need no fonts:
 * tab expansion (stops counted in characters, not bytes; every width; a
 * tab right at a stop; the default for a width below 1) and the choice of
 * where a wrapped row ends (after a space or punctuation in the row's
 * second half, never before a space or a closing mark, else the row as
 * full as it goes).
 * One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "pdf/pdf_code.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static void
S_verdict(const char *name, int ok)
{
	check_verdict("code", name, ok, NULL);
}

/* Expands in at tab width tabs; 1 when the result is want and the width
 * in columns is cols. */
static int
S_expand(const char *in, int tabs, const char *want, size_t cols)
{
	struct buf b = { 0 };
	size_t got;
	int ok;

	got = code_expand_tabs(in, strlen(in), tabs, &b);
	ok = strcmp(buf_cstr(&b), want) == 0 && got == cols;
	if (!ok)
		printf("  expand \"%s\" at %d: \"%s\" (%zu columns), expected "
		    "\"%s\" (%zu)\n", in, tabs, buf_cstr(&b), got, want, cols);
	buf_free(&b);
	return ok;
}

static int
S_break(const char *s, size_t fit, size_t want)
{
	size_t got = code_break(s, fit);

	if (got != want)
		printf("  break \"%s\" fitting %zu: at %zu, expected %zu\n", s,
		    fit, got, want);
	return got == want;
}

int
main(void)
{
	int ok;

	ok = S_expand("a\tb", 4, "a   b", 5);
	ok &= S_expand("ab\tb", 4, "ab  b", 5);
	ok &= S_expand("abcd\tb", 4, "abcd    b", 9);
	ok &= S_expand("\t\tx", 4, "        x", 9);
	ok &= S_expand("x\t", 8, "x       ", 8);
	ok &= S_expand("ab\tcd\te", 3, "ab cd e", 7);
	ok &= S_expand("no tabs", 4, "no tabs", 7);
	ok &= S_expand("", 4, "", 0);
	ok &= S_expand("a\tb", 0, "a   b", 5);	/* default */
	ok &= S_expand("a\tb", 1, "a b", 3);
	ok &= S_expand("\t", 20, "                    ", 20);
	S_verdict("tabs go to the next stop", ok);

	/* é and € are 2 and 3 bytes, one column each */
	ok = S_expand("\xC3\xA9\tx", 4, "\xC3\xA9   x", 5);
	ok &= S_expand("\xE2\x82\xAC\xE2\x82\xAC\tx", 4,
	    "\xE2\x82\xAC\xE2\x82\xAC  x", 5);
	ok &= S_expand("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\tx", 4,
	    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9    x", 9);
	S_verdict("columns are characters, not bytes", ok);

	/* "total(klant, korting)": fit 16 ends in "korting" */
	ok = S_break("total(klant, korting) + btw", 16, 13);
	ok &= S_break("a = b + c + dddddddd", 17, 12);
	ok &= S_break("offerte.totaal(klant)", 18, 15);
	/* nothing in the second half: the row as full as it goes */
	ok &= S_break("a bcdefghijklmnop", 14, 14);
	ok &= S_break("abcdefghijklmnop", 10, 10);
	/* never before a blank: the row would end and the next start blank */
	ok &= S_break("abcdef,  ghij", 8, 8);
	ok &= S_break("abcdef, ghij", 8, 8);
	/* a quote or backslash is not a place to break after */
	ok &= S_break("abc\"defgh", 6, 6);
	ok &= S_break("abc\\defgh", 6, 6);
	ok &= S_break("x", 0, 0);
	/* not before a mark that closes what is before it */
	ok &= S_break("xx(aaaa, bbbb);", 14, 9);
	ok &= S_break("a = l->bron", 6, 4);
	S_verdict("rows end after a space or punctuation", ok);
	return check_status();
}
