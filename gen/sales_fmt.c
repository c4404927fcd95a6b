/*
 * sales_fmt — the nl and en notation of money, percentages, quantities,
 * integers and dates (see sales.h).  Fixed conventions instead of the C
 * locale: the output must not depend on the machine that builds the
 * course, and Dutch typography wants a no-break space before % and after €.
 */
#include "sales.h"
#include "buf.h"

#include <ctype.h>
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

/*** Salutations ***/

/* Titles that may stand before a name, with the form they tell: 1 heer,
 * 2 mevrouw. */
static const struct {
	const char	*w;
	int		 form;
} S_titles[] = {
	{ "mr", 1 }, { "mr.", 1 }, { "dhr", 1 }, { "dhr.", 1 },
	{ "heer", 1 }, { "de heer", 1 },
	{ "ms", 2 }, { "ms.", 2 }, { "mrs", 2 }, { "mrs.", 2 },
	{ "mevr", 2 }, { "mevr.", 2 }, { "mevrouw", 2 }, { "mw.", 2 },
};

/* The Dutch tussenvoegsels a surname may start with (lower case when
 * initials or a first name stand before them). */
static const char *const S_tussen[] = {
	"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in",
	"op", "aan", "uit", "bij", "onder", "over", "voor", "la", "le",
	"du", "da", "di", "del", "della", "von", "zu", "'s",
};

static size_t
S_wordlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0' && s[n] != ' ')
		n++;
	return n;
}

static int
S_is(const char *w, size_t n, const char *x)
{
	size_t i;

	if (strlen(x) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)w[i]) != x[i])
			return 0;
	return 1;
}

/* A title at the start of name: its form (0 none) and the name after it. */
static int
S_title(const char **name)
{
	const char *s = *name;
	size_t n = S_wordlen(s), i;

	if (S_is(s, n, "de") && s[n] == ' ' &&
	    S_is(s + n + 1, S_wordlen(s + n + 1), "heer"))
		n += 1 + 4;
	for (i = 0; i < sizeof(S_titles) / sizeof(S_titles[0]); i++)
		if (S_is(s, n, S_titles[i].w)) {
			s += n;
			while (*s == ' ')
				s++;
			*name = s;
			return S_titles[i].form;
		}
	return 0;
}

static int
S_form(const char *form, const char **name)
{
	int t = S_title(name);

	if (form != NULL && (strcmp(form, "heer") == 0 ||
	    strcmp(form, "mr") == 0))
		return 1;
	if (form != NULL && (strcmp(form, "mevrouw") == 0 ||
	    strcmp(form, "ms") == 0))
		return 2;
	return t;
}

/* The surname in name: from its first tussenvoegsel after a given name
 * or initials, else its last word. */
static const char *
S_surname(const char *name)
{
	const char *s = name, *last = name;
	size_t n, i;
	int first = 1;

	/* "Van Dongen" alone is the surname already */
	n = S_wordlen(s);
	for (i = 0; i < sizeof(S_tussen) / sizeof(S_tussen[0]); i++)
		if (S_is(s, n, S_tussen[i]) && s[n] == ' ')
			return s;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		n = S_wordlen(s);
		last = s;
		for (i = 0; !first && i < sizeof(S_tussen) /
		    sizeof(S_tussen[0]); i++)
			if (strncmp(s, S_tussen[i], n) == 0 &&
			    S_tussen[i][n] == '\0')
				return s;
		first = 0;
		s += n;
	}
	return last;
}

void
sales_salutation(struct buf *b, const char *name, const char *form,
    const char *lang)
{
	const char *sur;
	int f, en = S_en(lang);

	if (name == NULL)
		name = "";
	while (*name == ' ')
		name++;
	f = S_form(form, &name);
	if (f == 0 || *name == '\0') {
		buf_puts(b, en ? "Dear Sir or Madam," : "Geachte heer, mevrouw,");
		return;
	}
	buf_puts(b, en ? (f == 1 ? "Dear Mr " : "Dear Ms ") :
	    (f == 1 ? "Geachte heer " : "Geachte mevrouw "));
	sur = S_surname(name);
	/* standing alone, the tussenvoegsel takes the capital */
	buf_putc(b, islower((unsigned char)*sur) ?
	    toupper((unsigned char)*sur) : *sur);
	buf_puts(b, sur + 1);
	buf_putc(b, ',');
}

void
sales_attention(struct buf *b, const char *name, const char *form,
    const char *lang)
{
	int f, en = S_en(lang);

	if (name == NULL)
		return;
	f = S_form(form, &name);
	if (f == 1)
		buf_puts(b, en ? "Mr " : "de heer ");
	else if (f == 2)
		buf_puts(b, en ? "Ms " : "mevrouw ");
	buf_puts(b, name);
}
