/*
 * search_text — words to index terms (see search_text.h).
 *
 * Every rule here has its twin in templates/site/search.js; change both.
 */
#include "search_text.h"
#include "mem.h"
#include "utf8.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

struct search_text {
	struct sb_stemmer	*sb;
	int			 en;
	char			 out[256];
};

/*** Folding ***/

/* Base letters of U+00C0..U+017F: '*' is folded to two letters (see
 * S_fold_two), '-' is no letter (× ÷). */
static const char S_latin1[] =
    "aaaaaa*ceeeeiiiidnooooo-ouuuuyt*"
    "aaaaaa*ceeeeiiiidnooooo-ouuuuyty";
static const char S_latin_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllll"
    "nnnnnnnnnoooooo**rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";

static const char *
S_fold_two(unsigned cp)
{
	switch (cp) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	default: return "oe";	/* U+0152, U+0153 */
	}
}

/* Decodes one UTF-8 character at s[*i] (advancing *i); a bad byte is
 * U+FFFD, which is no letter. */
static unsigned
S_decode(const unsigned char *s, size_t len, size_t *i)
{
	unsigned c = s[*i], cp, k, n;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	n = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
	if (c >= 0xF5)
		n = 0;
	if (n == 0 || *i + n >= len) {
		(*i)++;
		return 0xFFFD;
	}
	cp = c & (0x3F >> n);
	for (k = 1; k <= n; k++) {
		if ((s[*i + k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[*i + k] & 0x3F);
	}
	*i += n + 1;
	return cp;
}

/* 0: not part of a word; 1: a letter or digit; 2: inside a word but
 * leaves nothing (soft hyphen, combining accents, joiners). */
static int
S_class(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (cp == 0xAD || (cp >= 0x300 && cp <= 0x36F) ||
	    (cp >= 0x200B && cp <= 0x200D))
		return 2;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF20) ||
	    cp == 0xFEFF || cp == 0xFFFD || cp >= 0x1F000 ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return 1;
}

static size_t
S_encode(unsigned cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* 1 for an ASCII letter or digit (S_class() 1); every other ASCII
 * character is class 0. */
static const unsigned char S_alnum[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

int
search_text_word(const char *s, size_t len, size_t *pos, char *word,
    size_t wsize, size_t *start, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *pos, w = 0, at, n;
	unsigned cp;
	const char *two;
	char enc[4];
	int k, full = 0;

	/* to the first letter; ASCII without decoding: the site's text is
	 * mostly ASCII, and the search reads all of it through here (the
	 * register folds ASCII words itself, reg_text_words()) */
	for (;;) {
		while (i < len && u[i] < 0x80 && !S_alnum[u[i]])
			i++;
		if (i >= len) {
			*pos = i;
			return 0;
		}
		at = i;
		if (u[i] < 0x80) {	/* a letter or digit, by the loop */
			cp = u[i++];
			break;
		}
		cp = S_decode(u, len, &i);
		if (S_class(cp) == 1)
			break;
	}
	*start = at;
	for (;;) {
		if (cp < 0x80) {
			/* an ASCII letter or digit (class 1), and the ASCII
			 * ones after it */
			for (;;) {
				if (!full && w + 1 < wsize)
					word[w++] = (char)(cp >= 'A' &&
					    cp <= 'Z' ? cp - 'A' + 'a' : cp);
				else
					full = 1;
				if (i >= len || u[i] >= 0x80 ||
				    !S_alnum[u[i]])
					break;
				cp = u[i++];
			}
			*end = i;
			if (i >= len || u[i] < 0x80)
				break;
			at = i;
			cp = S_decode(u, len, &i);
			if (S_class(cp) == 0) {
				i = at;
				break;
			}
			continue;
		}
		k = S_class(cp);
		if (k == 0)
			break;
		*end = i;
		if (k == 1) {
			two = NULL;
			n = 1;
			if (cp >= 'A' && cp <= 'Z')
				enc[0] = (char)(cp - 'A' + 'a');
			else if (cp < 0x80)
				enc[0] = (char)cp;
			else if (cp >= 0xC0 && cp < 0x100 &&
			    S_latin1[cp - 0xC0] != '*')
				enc[0] = S_latin1[cp - 0xC0];
			else if (cp >= 0x100 && cp < 0x180 &&
			    S_latin_a[cp - 0x100] != '*')
				enc[0] = S_latin_a[cp - 0x100];
			else if (cp >= 0xC0 && cp < 0x180)
				two = S_fold_two(cp), n = 2;
			else
				n = S_encode(cp, enc);
			/* a long word is cut after its last whole letter
			 * that fits, as search.js cuts it */
			if (!full && w + n < wsize) {
				memcpy(word + w, two ? two : enc, n);
				w += n;
			} else
				full = 1;
		}
		if (i >= len)
			break;
		at = i;
		cp = S_decode(u, len, &i);
		if (S_class(cp) == 0) {
			i = at;
			break;
		}
	}
	word[w] = '\0';
	*pos = i;
	return 1;
}

/* Per byte: an ASCII letter or digit as search_text_word() folds it
 * (lower case), 0 for any other ASCII byte, FOLD_MORE beyond ASCII
 * (search_text_word() reads those). */
#define FOLD_MORE	0x80
#define F16(c)	[c] = FOLD_MORE, [c + 1] = FOLD_MORE, [c + 2] = FOLD_MORE, \
	[c + 3] = FOLD_MORE, [c + 4] = FOLD_MORE, [c + 5] = FOLD_MORE, \
	[c + 6] = FOLD_MORE, [c + 7] = FOLD_MORE, [c + 8] = FOLD_MORE, \
	[c + 9] = FOLD_MORE, [c + 10] = FOLD_MORE, [c + 11] = FOLD_MORE, \
	[c + 12] = FOLD_MORE, [c + 13] = FOLD_MORE, [c + 14] = FOLD_MORE, \
	[c + 15] = FOLD_MORE
static const unsigned char S_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
	['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i',
	['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
	['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's',
	['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
	F16(0x80), F16(0x90), F16(0xA0), F16(0xB0), F16(0xC0), F16(0xD0),
	F16(0xE0), F16(0xF0)
};
#undef F16
/* 1 for f = S_fold[byte] of an ASCII letter or digit: 0 and FOLD_MORE
 * fall out in one test. */
#define FOLD_LETTER(f)	((unsigned char)((f) - 1) < FOLD_MORE - 1)

#define HASH_BASIS	14695981039346656037ULL
#define HASH_STEP(h, c)	(((h) ^ (unsigned char)(c)) * 1099511628211ULL)

uint64_t
search_text_hash(const char *s)
{
	uint64_t h = HASH_BASIS;

	while (*s)
		h = HASH_STEP(h, *s++);
	return h;
}

/* An ASCII word ended by an ASCII byte is cut as search_text_word()
 * cuts it; at a byte beyond ASCII, search_text_word() reads on from
 * the start of that word or the gap it is in, as it would from the
 * start of s: its next word depends on where it starts only. */
void
search_text_words(const char *s, size_t len,
    void (*f)(void *, const char *, size_t, uint64_t), void *arg)
{
	const unsigned char *u = (const unsigned char *)s;
	char word[SEARCH_WORD_MAX];
	size_t i = 0, j, n, pos, a, b;
	uint64_t h;
	unsigned c;

	while (i < len) {
		if ((c = S_fold[u[i]]) == 0) {
			i++;
			continue;
		}
		if (c != FOLD_MORE) {
			h = HASH_BASIS;
			for (j = i, n = 0; j < len &&
			    FOLD_LETTER(c = S_fold[u[j]]); j++)
				if (n + 1 < sizeof(word)) {
					word[n++] = (char)c;
					h = HASH_STEP(h, c);
				}
			if (j >= len || c == 0) {
				word[n] = '\0';
				f(arg, word, n, h);
				i = j;
				continue;
			}
		}
		pos = i;
		if (!search_text_word(s, len, &pos, word, sizeof(word), &a,
		    &b))
			break;
		f(arg, word, strlen(word), search_text_hash(word));
		i = pos;
	}
}

/*** Stop words ***/

/* Sorted, for bsearch; the same lists are in search.js. */
static const char *S_stop_nl[] = {
	"aan", "al", "als", "bij", "dan", "dat", "de", "der", "deze", "die",
	"dit", "door", "dus", "een", "en", "er", "ge", "had", "heb", "hem",
	"het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "je", "kan",
	"me", "men", "met", "mij", "mijn", "na", "naar", "niet", "nog", "nu",
	"of", "om", "omdat", "ons", "ook", "op", "over", "te", "tot", "u",
	"uit", "uw", "van", "voor", "want", "was", "wat", "werd", "wie",
	"wil", "wordt", "ze", "zich", "zij", "zijn", "zo", "zou"
};
static const char *S_stop_en[] = {
	"a", "about", "an", "and", "are", "as", "at", "be", "been", "but",
	"by", "can", "did", "do", "does", "for", "from", "had", "has",
	"have", "he", "her", "his", "how", "i", "if", "in", "into", "is",
	"it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she",
	"so", "than", "that", "the", "their", "them", "then", "there",
	"these", "they", "this", "those", "to", "too", "was", "we", "were",
	"what", "when", "where", "which", "who", "why", "will", "with",
	"you", "your"
};

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
search_text_stop(const struct search_text *st, const char *word)
{
	const char **v = st->en ? S_stop_en : S_stop_nl;
	size_t n = st->en ? sizeof(S_stop_en) / sizeof(*S_stop_en) :
	    sizeof(S_stop_nl) / sizeof(*S_stop_nl);

	return bsearch(&word, v, n, sizeof(*v), S_cmp) != NULL;
}

/*** Stemming ***/

struct search_text *
search_text_new(const char *lang)
{
	struct search_text *st = xcalloc(1, sizeof(*st));

	st->en = lang != NULL && strcmp(lang, "en") == 0;
	st->sb = sb_stemmer_new(st->en ? "english" : "dutch", "UTF_8");
	if (st->sb == NULL)
		abort();	/* both are built into libstemmer */
	return st;
}

void
search_text_free(struct search_text *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st);
}

static int
S_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	    c == 'y';
}

const char *
search_text_term(struct search_text *st, const char *word)
{
	char in[256];
	const sb_symbol *r;
	size_t n = strlen(word), k;
	int all_digits = 1;

	if (n < 2 || n >= sizeof(in) || utf8_count(word, n) < 2)
		return NULL;
	for (k = 0; k < n; k++)
		if (word[k] < '0' || word[k] > '9')
			all_digits = 0;
	if (all_digits) {
		memcpy(st->out, word, n + 1);
		return st->out;
	}
	if (search_text_stop(st, word))
		return NULL;
	memcpy(in, word, n + 1);
	/* rule N(a): "offertes", "acties" lose their s, which Snowball
	 * keeps after a vowel and -t-e */
	if (!st->en && utf8_count(in, n) >= 5 && in[n - 1] == 's' &&
	    in[n - 2] == 'e' && strchr("aeos", in[n - 3]) == NULL)
		in[--n] = '\0';
	r = sb_stemmer_stem(st->sb, (const sb_symbol *)in, (int)n);
	n = (size_t)sb_stemmer_length(st->sb);
	if (r == NULL || n >= sizeof(st->out))
		return NULL;
	memcpy(st->out, r, n);
	st->out[n] = '\0';
	if (st->en)
		return st->out;
	/* N(b): "plann" (plannen) is "plan"; Snowball undoubles only
	 * kk, dd and tt */
	if (utf8_count(st->out, n) > 3 && st->out[n - 1] == st->out[n - 2] &&
	    (unsigned char)st->out[n - 1] < 0x80 && !S_vowel(st->out[n - 1]))
		st->out[--n] = '\0';
	/* N(c), N(d): bedrijven → bedrijf, prijzen → prijs */
	if (n > 0 && st->out[n - 1] == 'v')
		st->out[n - 1] = 'f';
	else if (n > 0 && st->out[n - 1] == 'z')
		st->out[n - 1] = 's';
	return st->out;
}
