/*
 * test_num — the one number reader (gen/num.c): the same strings read in
 * Dutch and in English, exactly (num_fixed) and as doubles (num_double),
 * and what is not a number in either.  One PASS or FAIL line per test;
 * exit status 1 if any failed.
 */
#include "buf.h"
#include "num.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define NO	INT64_MIN	/* not a number with three decimals */

/* Values in thousandths (num_fixed with maxdec 3). */
static const struct {
	const char	*s;
	int64_t		 nl, en;
} S_tab[] = {
	/* a lone mark before three digits: the language decides */
	{ "1,250", 1250, 1250000 },
	{ "1.250", 1250000, 1250 },
	{ "999,999", 999999, 999999000 },
	/* a lone mark that cannot group is a decimal in both */
	{ "2,5", 2500, 2500 },
	{ "2.5", 2500, 2500 },
	{ "0,250", 250, 250 },		/* no group starts with 0 */
	{ "0.250", 250, 250 },
	{ "1250,5", 1250500, 1250500 },	/* four digits are no group */
	{ "1250.5", 1250500, 1250500 },
	{ "12,50", 12500, 12500 },
	{ "1,2345", NO, NO },		/* four decimals are too many */
	{ "1.2345", NO, NO },
	/* both marks: the last is decimal, in both */
	{ "1.250,5", 1250500, 1250500 },
	{ "1,250.5", 1250500, 1250500 },
	{ "1.250.000,125", 1250000125, 1250000125 },
	/* one mark more than once: it groups, in both */
	{ "1.250.000", 1250000000, 1250000000 },
	{ "1,250,000", 1250000000, 1250000000 },
	/* plain */
	{ "0", 0, 0 },
	{ "007", 7000, 7000 },
	{ "42", 42000, 42000 },
	/* not numbers, in either language */
	{ "", NO, NO }, { ",5", NO, NO }, { ".5", NO, NO }, { "5,", NO, NO },
	{ "5.", NO, NO }, { "1,,5", NO, NO }, { "1..5", NO, NO },
	{ "1.2.3", NO, NO }, { "1,2,3", NO, NO }, { "12.34.567", NO, NO },
	{ "1.25,5", NO, NO }, { "1.250,5,0", NO, NO }, { "1,250.5.0", NO, NO },
	{ "0.250.000", NO, NO }, { "0.250,5", NO, NO }, { "-1", NO, NO },
	{ "1e5", NO, NO }, { "1 250", NO, NO }, { "12a", NO, NO },
	{ "9223372036854776", NO, NO },	/* does not fit in thousandths */
};

static void
S_fixed(void)
{
	struct buf why = { 0 };
	size_t i;
	int l, rc;
	int64_t v, want;

	for (i = 0; i < sizeof(S_tab) / sizeof(S_tab[0]); i++)
		for (l = 0; l < 2; l++) {
			const char *s = S_tab[i].s;

			want = l ? S_tab[i].en : S_tab[i].nl;
			v = -7;
			rc = num_fixed(s, s + strlen(s), l ? "en" : "nl", 3,
			    &v);
			check_why(&why, want == NO ? rc == -1 && v == -7 :
			    rc == 0 && v == want, "%s \"%s\": %d, %lld "
			    "(expected %lld)", l ? "en" : "nl", s, rc,
			    (long long)v, (long long)want);
		}
	check_verdict("num", "num_fixed: Dutch and English readings of the "
	    "same strings", why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

static void
S_double(void)
{
	struct buf why = { 0 };
	size_t i;
	int l, rc;
	int64_t want;
	double d;

	for (i = 0; i < sizeof(S_tab) / sizeof(S_tab[0]); i++)
		for (l = 0; l < 2; l++) {
			const char *s = S_tab[i].s;

			want = l ? S_tab[i].en : S_tab[i].nl;
			if (want == NO)		/* also too many decimals */
				continue;
			d = -7;
			rc = num_double(s, s + strlen(s), l ? "en" : "nl", &d);
			check_why(&why, rc == 0 && d * 1000 > want - 0.5 &&
			    d * 1000 < want + 0.5, "%s \"%s\": %d, %g",
			    l ? "en" : "nl", s, rc, d);
		}
	check_verdict("num", "num_double agrees with num_fixed", why.len == 0,
	    buf_cstr(&why));
	buf_free(&why);
}

static void
S_lang(void)
{
	struct buf why = { 0 };
	int64_t v = 0;
	static const char s[] = "1,250";

	check_why(&why, num_fixed(s, s + 5, NULL, 0, &v) == -1,
	    "NULL is Dutch: 1,250 has a decimal");
	check_why(&why, num_fixed(s, s + 5, "en-GB", 0, &v) == 0 && v == 1250,
	    "en-GB is English");
	check_why(&why, num_fixed(s, s + 5, "de", 3, &v) == 0 && v == 1250,
	    "another language reads as Dutch");
	check_why(&why, num_fixed(s, s + 5, "eng", 3, &v) == 0 && v == 1250,
	    "\"eng\" is not \"en\"");
	check_verdict("num", "languages: NULL, en-GB, others", why.len == 0,
	    buf_cstr(&why));
	buf_free(&why);
}

int
main(void)
{
	S_fixed();
	S_double();
	S_lang();
	return check_status();
}
