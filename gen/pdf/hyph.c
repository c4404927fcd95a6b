/* hyph — hyphenation over libhyphen with the house rules (see hyph.h). */
#include "hyph.h"
#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "utf8.h"

#include <hyphen.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HYPH_DIR	"/usr/share/hyphen"

/* The house rules, in letters. */
#define MINWORD		5
#define LEFTMIN		2
#define RIGHTMIN	3

struct exc {
	char	*key;	/* lowercased UTF-8, hyphens removed */
	char	*mask;	/* one byte per character: '1' = break after it */
};

struct hyph {
	HyphenDict	*dict;
	int		 utf8;	/* patterns are UTF-8, else Latin-1 */
	struct exc	*exc;	/* sorted by key, for the binary search */
	size_t		 nexc, excap;
};

enum cls {
	C_LOWER,	/* ASCII or Latin-1 small letter */
	C_UPPER,	/* ASCII or Latin-1 capital */
	C_FOREIGN,	/* beyond Latin-1: a letter, case unknown */
	C_HYPHEN,	/* a break is allowed just after it */
	C_OTHER		/* digit, apostrophe, @, /, punctuation, space */
};

/*
 * Decodes the UTF-8 sequence at s[0..n) into *cp; returns its length, or 0
 * for a truncated, overlong or surrogate sequence.  Everything is checked
 * once up front so that no offset can land inside a character and no
 * garbage reaches libhyphen.
 */
static size_t
S_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	uint32_t c;
	size_t len;

	/* 0 for nothing: a caller that looks past the end sees no letter */
	*cp = (len = utf8_decode(s, n, &c)) != 0 ? c : 0;
	return len;
}

static enum cls
S_class(unsigned long c)
{
	if (c >= 'a' && c <= 'z')
		return C_LOWER;
	if (c >= 'A' && c <= 'Z')
		return C_UPPER;
	if (c == '-' || c == 0x2010 || c == 0xad)
		return C_HYPHEN;
	if (c < 0xc0 || c == 0xd7 || c == 0xf7)
		return C_OTHER;
	if (c <= 0xde)
		return C_UPPER;
	if (c <= 0xff)
		return C_LOWER;
	/*
	 * Latin Extended, Greek, Cyrillic, combining marks...: we cannot
	 * tell case or letterhood without tables, and calling them letters
	 * only matters for counting.  From General Punctuation (U+2000)
	 * on it is dashes, quotes and symbols.
	 */
	return c >= 0x2000 ? C_OTHER : C_FOREIGN;
}

/* Punctuation that opens or closes a word and is not part of it. */
static int
S_opening(unsigned long c)
{
	return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' ||
	    c == 0xa1 || c == 0xab || c == 0xbf || c == 0x2018 ||
	    c == 0x201a || c == 0x201c || c == 0x201e;
}

static int
S_closing(unsigned long c)
{
	return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' ||
	    c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	    c == '?' || c == 0xbb || c == 0x2019 || c == 0x201d ||
	    c == 0x2026;
}

/*
 * Lowercases the ASCII and Latin-1 capitals of valid UTF-8 in place.  The
 * byte length does not change (C3 80..9E become C3 A0..BE), so an offset
 * found in the copy holds in the original.
 */
static void
S_lower(char *p, size_t n)
{
	unsigned char *s = (unsigned char *)p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] += 'a' - 'A';
		else if (s[i] == 0xc3 && i + 1 < n && s[i + 1] <= 0x9e &&
		    s[i + 1] != 0x97) {
			s[i + 1] += 0x20;
			i++;
		}
	}
}

/* Appends the dictionary's file name; 0 if lang cannot be part of one. */
static int
S_dictfile(struct buf *b, const char *lang)
{
	size_t i, sub = strcspn(lang, "-_");

	if (sub == 2 && strncasecmp(lang, "nl", 2) == 0) {
		buf_puts(b, "hyph_nl_NL.dic");
		return 1;
	}
	if (sub == 2 && strncasecmp(lang, "en", 2) == 0) {
		buf_puts(b, "hyph_en_US.dic");
		return 1;
	}
	if (sub < 2 || sub > 3 || strlen(lang) > 16)
		return 0;
	buf_puts(b, "hyph_");
	for (i = 0; lang[i] != '\0'; i++) {
		if (lang[i] == '-' || lang[i] == '_')
			buf_putc(b, '_');
		else if ((lang[i] >= 'a' && lang[i] <= 'z') ||
		    (lang[i] >= 'A' && lang[i] <= 'Z'))
			buf_putc(b, lang[i]);
		else
			return 0;
	}
	buf_puts(b, ".dic");
	return 1;
}

struct hyph *
hyph_new(const char *lang, struct diag_list *dl)
{
	struct buf path = { 0 };
	struct hyph *h = NULL;
	HyphenDict *d;
	const char *dir, *cset;
	FILE *f;
	int err;

	if (lang == NULL)
		lang = "nl";
	dir = getenv("SALESGEN_HYPHEN_DIR");
	if (dir == NULL || *dir == '\0')
		dir = HYPH_DIR;
	buf_printf(&path, "%s/", dir);
	if (!S_dictfile(&path, lang)) {
		if (dl != NULL)
			diag_add(dl, DIAG_CONFIG_VALUE, NULL, 0, 0, lang,
			    "the hyphenation language",
			    "a language code such as nl or en");
		goto out;
	}
	/* Our own fopen, not hnj_hyphen_load(), to have errno. */
	if ((f = fopen(path.data, "r")) == NULL) {
		if (dl != NULL)
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path.data,
			    strerror(errno));
		goto out;
	}
	errno = 0;
	d = hnj_hyphen_load_file(f);
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (d == NULL || err != 0) {
		if (dl != NULL)
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path.data,
			    strerror(err ? err : EINVAL));
		if (d != NULL)
			hnj_hyphen_free(d);
		goto out;
	}
	/*
	 * The words are converted for the patterns, so the encoding must be
	 * one we can convert to: ISO8859-15 and the like differ from
	 * Latin-1 in letters and would silently give wrong breaks.
	 */
	cset = d->cset;
	if (strcmp(cset, "UTF-8") != 0 && strcasecmp(cset, "ISO8859-1") != 0 &&
	    strcasecmp(cset, "ISO-8859-1") != 0) {
		if (dl != NULL) {
			struct buf why = { 0 };

			buf_printf(&why, "unsupported character set '%s' "
			    "(expected UTF-8 or ISO8859-1)", cset);
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path.data,
			    why.data);
			buf_free(&why);
		}
		hnj_hyphen_free(d);
		goto out;
	}
	h = xcalloc(1, sizeof(*h));
	h->dict = d;
	h->utf8 = d->utf8;
out:
	buf_free(&path);
	return h;
}

void
hyph_free(struct hyph *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->nexc; i++) {
		free(h->exc[i].key);
		free(h->exc[i].mask);
	}
	free(h->exc);
	hnj_hyphen_free(h->dict);
	free(h);
}

/*
 * Binary search for key among the exceptions; returns the index where it
 * is or would go, and sets *found.
 */
static size_t
S_find(const struct hyph *h, const char *key, int *found)
{
	size_t lo = 0, hi = h->nexc, mid;
	int cmp;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(key, h->exc[mid].key);
		if (cmp == 0) {
			*found = 1;
			return mid;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int
hyph_exception(struct hyph *h, const char *spec)
{
	const unsigned char *s = (const unsigned char *)spec;
	char key[HYPH_MAXWORD + 1], mask[HYPH_MAXWORD + 1];
	size_t i, n, len, klen = 0, nch = 0, at;
	unsigned long c;
	enum cls cl;
	int afterhy = 1, found;

	if (spec == NULL)
		return -1;
	len = strlen(spec);
	for (i = 0; i < len; i += n) {
		if ((n = S_decode(s + i, len - i, &c)) == 0)
			return -1;
		if (c == '-') {
			/* Leading or doubled: there is no letter to break after. */
			if (afterhy)
				return -1;
			mask[nch - 1] = '1';
			afterhy = 1;
			continue;
		}
		cl = S_class(c);
		if (cl != C_LOWER && cl != C_UPPER && cl != C_FOREIGN)
			return -1;
		if (klen + n > HYPH_MAXWORD)
			return -1;
		memcpy(key + klen, s + i, n);
		klen += n;
		mask[nch++] = '0';
		afterhy = 0;
	}
	if (afterhy)
		return -1;
	key[klen] = '\0';
	mask[nch] = '\0';
	S_lower(key, klen);
	if (h == NULL)
		return 0;

	at = S_find(h, key, &found);
	if (found) {
		free(h->exc[at].mask);
		h->exc[at].mask = xstrdup(mask);
		return 0;
	}
	if (h->nexc == h->excap) {
		h->excap = h->excap ? h->excap * 2 : 16;
		h->exc = xrealloc(h->exc, h->excap * sizeof(*h->exc));
	}
	memmove(h->exc + at + 1, h->exc + at,
	    (h->nexc - at) * sizeof(*h->exc));
	h->exc[at].key = xstrdup(key);
	h->exc[at].mask = xstrdup(mask);
	h->nexc++;
	return 0;
}

/*
 * A word holding something other than letters (compounds, e-mail
 * addresses, "auto's", "A4-formaat") is not the patterns' business: it
 * breaks only after its own hyphens, and not after one that opens or
 * closes it or is followed by another.
 */
static size_t
S_explicit(const unsigned char *s, size_t b, size_t e, size_t *pos,
    size_t max)
{
	unsigned long c, next;
	size_t i, n, np = 0;

	for (i = b; i < e && np < max; i += n) {
		n = S_decode(s + i, e - i, &c);
		if (S_class(c) != C_HYPHEN || i == b || i + n >= e)
			continue;
		S_decode(s + i + n, e - i - n, &next);
		if (S_class(next) != C_HYPHEN)
			pos[np++] = i + n;
	}
	return np;
}

/*
 * Runs the patterns over lw, the lowercased word of n bytes, and fills hy
 * with one byte per character, odd where a break may follow it.  Returns
 * 0 when the patterns cannot take the word.
 */
static int
S_patterns(const struct hyph *h, const char *lw, size_t n, int foreign,
    char *hy)
{
	char enc[HYPH_MAXWORD + 1];
	const char *w = lw;
	char **rep = NULL;
	int *rpos = NULL, *cut = NULL;
	size_t i, k, nb = n, len;
	unsigned long c;
	int rc;

	if (!h->utf8) {
		/* Latin-1 patterns (Dutch): one byte a character. */
		if (foreign)
			return 0;
		for (i = k = 0; i < n; i += len) {
			len = S_decode((const unsigned char *)lw + i, n - i, &c);
			enc[k++] = (char)c;
		}
		enc[k] = '\0';
		w = enc;
		nb = k;
	}
	/*
	 * libhyphen counts hyphenmin in characters; the house values are
	 * passed here and checked again on our side, which is what counts
	 * for exceptions too.  For UTF-8 patterns it returns hy indexed by
	 * character, as for Latin-1, so both come out the same.  It mallocs
	 * a few small buffers of its own per call; that we cannot avoid.
	 */
	rc = hnj_hyphen_hyphenate3(h->dict, w, (int)nb, hy, NULL,
	    &rep, &rpos, &cut, LEFTMIN, RIGHTMIN, 0, 0);
	if (rep != NULL) {
		/*
		 * A non-standard break changes the letters around it
		 * (Dutch "omaatje", oma-tje); an offset cannot say that, so
		 * such a break is left out.
		 */
		for (i = 0; i < nb; i++)
			if (rep[i] != NULL) {
				free(rep[i]);
				hy[i] = '0';
			}
	}
	free(rep);
	free(rpos);
	free(cut);
	return rc == 0;
}

/*
 * Turns a per-character break mask over the word s[b..e) of nch letters
 * into byte offsets, keeping LEFTMIN letters before and RIGHTMIN after.
 */
static size_t
S_collect(const unsigned char *s, size_t b, size_t e, size_t nch,
    const char *mask, size_t *pos, size_t max)
{
	unsigned long c;
	size_t i, k, n, np = 0;

	for (i = b, k = 0; i < e && np < max; i += n) {
		n = S_decode(s + i, e - i, &c);
		k++;		/* letters up to and including this one */
		if ((mask[k - 1] & 1) && k >= LEFTMIN && nch - k >= RIGHTMIN)
			pos[np++] = i + n;
	}
	return np;
}

size_t
hyph_word(const struct hyph *h, const char *word, size_t len, size_t *pos,
    size_t max)
{
	const unsigned char *s = (const unsigned char *)word;
	char lw[HYPH_MAXWORD + 1], hy[HYPH_MAXWORD + 5];
	const char *mask;
	size_t i, n, b, e, nch = 0, lower = 0, upper = 0, foreign = 0;
	unsigned long c;
	int plain = 1, lead = 1, found;

	if (word == NULL || len == 0 || max == 0)
		return 0;

	/* Validate, and find the word proper inside its punctuation. */
	b = e = 0;
	for (i = 0; i < len; i += n) {
		if ((n = S_decode(s + i, len - i, &c)) == 0)
			return 0;
		if (lead && !S_opening(c)) {
			lead = 0;
			b = i;
		}
		if (!lead && !S_closing(c))
			e = i + n;
	}
	if (lead || e <= b)
		return 0;

	for (i = b; i < e; i += n) {
		n = S_decode(s + i, e - i, &c);
		switch (S_class(c)) {
		case C_LOWER:
			lower++;
			break;
		case C_UPPER:
			upper++;
			break;
		case C_FOREIGN:
			foreign++;
			break;
		default:
			plain = 0;
			break;
		}
		nch++;
	}
	if (lower + upper + foreign < MINWORD)
		return 0;
	if (!plain)
		return S_explicit(s, b, e, pos, max);
	/*
	 * No lowercase letter among five or more: an acronym in capitals
	 * (or a script whose case we cannot tell, which no Latin pattern
	 * would match anyway).
	 */
	if (h == NULL || lower == 0 || e - b > HYPH_MAXWORD)
		return 0;

	/*
	 * Lowercasing keeps byte lengths (see S_lower), so the mask's
	 * characters are the word's characters and offsets carry over.
	 */
	memcpy(lw, word + b, e - b);
	lw[e - b] = '\0';
	S_lower(lw, e - b);
	i = S_find(h, lw, &found);
	if (found)
		mask = h->exc[i].mask;
	else if (S_patterns(h, lw, e - b, foreign > 0, hy))
		mask = hy;
	else
		return 0;
	return S_collect(s, b, e, nch, mask, pos, max);
}
