/*
 * num — see num.h for the rule.
 */
#include "num.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int
S_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The decimal sign in a language: ',' unless it is English. */
static char
S_dec_sign(const char *lang)
{
	return lang != NULL && lang[0] == 'e' && lang[1] == 'n' &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_') ? '.' : ',';
}

/* 1 when [p, e) is thousands groups separated by grp: the first one to
 * three digits not starting with 0, the others exactly three. */
static int
S_groups(const char *p, const char *e, char grp)
{
	const char *q;
	size_t run = 0, groups = 0;

	if (p == e || *p == '0')
		return 0;
	for (q = p; q <= e; q++) {
		if (q == e || *q == grp) {
			if (groups == 0 ? run < 1 || run > 3 : run != 3)
				return 0;
			groups++;
			run = 0;
		} else if (S_digit(*q))
			run++;
		else
			return 0;
	}
	return 1;
}

/*
 * Splits [p, e) by the rule: sets *dot to the decimal sign's place (e when
 * there is none) and *grp to the thousands mark (0 when there is none).
 * Returns 0, or -1 when [p, e) is not a number.
 */
static int
S_split(const char *p, const char *e, const char *lang, const char **dot,
    char *grp)
{
	const char *q, *lastdot = NULL, *lastcomma = NULL;
	size_t ndot = 0, ncomma = 0;
	char dec = 0, mine = S_dec_sign(lang);

	if (p == NULL || p >= e || !S_digit(p[0]) || !S_digit(e[-1]))
		return -1;
	for (q = p; q < e; q++)
		if (*q == '.') {
			ndot++;
			lastdot = q;
		} else if (*q == ',') {
			ncomma++;
			lastcomma = q;
		} else if (!S_digit(*q))
			return -1;
	*grp = 0;
	if (ndot > 0 && ncomma > 0) {
		dec = lastcomma > lastdot ? ',' : '.';
		*grp = dec == ',' ? '.' : ',';
		if ((dec == ',' ? ncomma : ndot) != 1)
			return -1;
	} else if (ndot > 1 || ncomma > 1)
		*grp = ndot > 1 ? '.' : ',';
	else if (ndot + ncomma == 1) {
		q = ndot ? lastdot : lastcomma;
		if (*q != mine && S_groups(p, e, *q))
			*grp = *q;
		else
			dec = *q;
	}
	*dot = dec == ',' ? lastcomma : dec == '.' ? lastdot : e;
	if (*grp != 0 && !S_groups(p, *dot, *grp))
		return -1;
	return 0;
}

int
num_fixed(const char *p, const char *e, const char *lang, int maxdec,
    int64_t *out)
{
	const char *dot, *q;
	int64_t v = 0;
	int nd = 0;
	char grp;

	if (S_split(p, e, lang, &dot, &grp) != 0)
		return -1;
	for (q = p; q < e; q++) {
		if (q == dot || *q == grp)
			continue;
		if (q > dot && ++nd > maxdec)
			return -1;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *q - '0', &v))
			return -1;
	}
	for (; nd < maxdec; nd++)
		if (__builtin_mul_overflow(v, 10, &v))
			return -1;
	*out = v;
	return 0;
}

int
num_double(const char *p, const char *e, const char *lang, double *out)
{
	const char *dot, *q;
	char grp, num[48];
	size_t k = 0;
	double d;

	if (S_split(p, e, lang, &dot, &grp) != 0 ||
	    (size_t)(e - p) >= sizeof(num) - 8)
		return -1;
	for (q = p; q < e; q++)
		if (q == dot)
			num[k++] = '.';
		else if (*q != grp)
			num[k++] = *q;
	num[k] = '\0';
	/* salesgen never calls setlocale(), so strtod() reads '.' */
	d = strtod(num, NULL);
	if (!isfinite(d))
		return -1;
	*out = d;
	return 0;
}
