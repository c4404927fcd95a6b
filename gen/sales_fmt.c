/*
 * sales_fmt — the nl and en notation of money, percentages, quantities,
 * integers and dates (see sales.h).  Fixed conventions instead of the C
 * locale: the output must not depend on the machine that builds the
 * course, and Dutch typography wants a no-break space before % and after €.
 */
#include "sales.h"
#include "buf.h"

#include <stdint.h>
#include <string.h>

#define S_NBSP	"\xc2\xa0"
#define S_EURO	"\xe2\x82\xac"

static int
S_en(const char *lang)
{
	return lang != NULL && strncmp(lang, "en", 2) == 0 &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* |v| without the overflow of -INT64_MIN. */
static uint64_t
S_mag(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/*
 * Appends mag / 10^scale: the integer part grouped by three, then the
 * scale decimals, with trailing zeros dropped when trim is set.
 */
static void
S_decimal(struct buf *b, uint64_t mag, int scale, int trim, int en)
{
	char digits[24];
	uint64_t pow = 1, ip, fp;
	int n = 0, i;

	for (i = 0; i < scale; i++)
		pow *= 10;
	ip = mag / pow;
	fp = mag % pow;
	do {
		digits[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	for (i = n - 1; i >= 0; i--) {
		buf_putc(b, digits[i]);
		if (i > 0 && i % 3 == 0)
			buf_putc(b, en ? ',' : '.');
	}
	for (n = scale; trim && n > 0 && fp % 10 == 0; n--)
		fp /= 10;
	if (n == 0)
		return;
	buf_putc(b, en ? '.' : ',');
	for (i = n - 1; i >= 0; i--) {
		digits[i] = (char)('0' + fp % 10);
		fp /= 10;
	}
	buf_put(b, digits, (size_t)n);
}

void
sales_fmt_money(struct buf *b, int64_t cents, const char *lang)
{
	if (S_en(lang)) {
		buf_puts(b, cents < 0 ? "-" S_EURO : S_EURO);
		S_decimal(b, S_mag(cents), 2, 0, 1);
	} else {
		buf_puts(b, cents < 0 ? S_EURO S_NBSP "-" : S_EURO S_NBSP);
		S_decimal(b, S_mag(cents), 2, 0, 0);
	}
}

void
sales_fmt_amount(struct buf *b, int64_t cents, const char *lang)
{
	if (cents < 0)
		buf_putc(b, '-');
	S_decimal(b, S_mag(cents), 2, 0, S_en(lang));
}

void
sales_fmt_pct(struct buf *b, int64_t bp, const char *lang, int decimals)
{
	int64_t v;
	int en = S_en(lang);

	if (decimals < 0)
		decimals = 0;
	if (decimals > 2)
		decimals = 2;
	/* Round first, so -0,4 % shown without decimals is "0 %", not
	 * "-0 %"; dividing by at most 100 cannot fail. */
	sales_round_div(bp, decimals == 0 ? 100 : decimals == 1 ? 10 : 1, &v);
	if (v < 0)
		buf_putc(b, '-');
	S_decimal(b, S_mag(v), decimals, 1, en);
	buf_puts(b, en ? "%" : S_NBSP "%");
}

void
sales_fmt_int(struct buf *b, int64_t n, const char *lang)
{
	if (n < 0)
		buf_putc(b, '-');
	S_decimal(b, S_mag(n), 0, 0, S_en(lang));
}

void
sales_fmt_qty(struct buf *b, int64_t thousandths, const char *lang)
{
	if (thousandths < 0)
		buf_putc(b, '-');
	S_decimal(b, S_mag(thousandths), 3, 1, S_en(lang));
}

int
sales_fmt_date(struct buf *b, int y, int m, int d, const char *lang)
{
	static const char *const nl[12] = {
		"januari", "februari", "maart", "april", "mei", "juni",
		"juli", "augustus", "september", "oktober", "november",
		"december"
	};
	static const char *const en[12] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December"
	};
	const char *const *month = S_en(lang) ? en : nl;

	if (sales_date_check(y, m, d) == -1)
		return -1;
	buf_printf(b, "%d %s %d", d, month[m - 1], y);
	return 0;
}
