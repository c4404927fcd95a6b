/*
 * dict_filter — the entries of a hunspell dictionary a set of strings
 * needs (see dict_filter.h).
 *
 * An entry is kept unless its core, the root less the most its affix
 * flags (and those flags' continuation classes, two levels deep) may
 * strip from its start and its end, occurs in no string that may be
 * asked.  Everything unsure keeps the entry: a line this module does not
 * parse the way hunspell does, a root no longer than what may be
 * stripped, a root that differs only in ASCII case.  Roots carrying an
 * ICONV output ("ĳ", which hunspell-nl's roots use for the input "ij")
 * are tested piece by piece around it.  Before that, the cheap test
 * that most entries fail: every three bytes in a row of the core (up to
 * an ICONV output; two for a core of two) must occur in a string that
 * may be asked.  The .aff goes to hunspell less what those entries and
 * strings cannot use (dict_cores_select()).
 */
#include "dict_filter.h"
#include "buf.h"
#include "mem.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFLAG	65536	/* a flag of one or two bytes, as a number */
#define ICONV_MAX	16

struct flag {
	uint8_t		 fr, en;	/* most stripped at the start, end */
	uint16_t	*cont;		/* continuation classes */
	size_t		 ncont;
	uint8_t		 fr2, en2;	/* with two levels of them */
	int		 done;
};

struct filt {
	int		 flen;		/* bytes per flag: 1 or 2 */
	struct flag	*f;		/* NFLAG of them */
	char		*iconv[ICONV_MAX];	/* ICONV outputs */
	size_t		 ilen[ICONV_MAX];
	unsigned char	 istart[256];	/* the first bytes of those */
	size_t		 niconv;
	/* every piece of every word: a set of hashes (0 = empty slot; a
	 * collision only keeps an entry more) */
	uint64_t	*set;
	size_t		 cap, n;
	const char	*pre, *post;
	size_t		 lpre, lpost;
	unsigned char	 inpre[256], inpost[256];	/* their bytes */
	/* every two bytes in a row of a string that may be asked, a bit
	 * each, and every three, a bit for a hash of them (TRIPLES): a core
	 * with another pair or three occurs in none (S_grams_may()) */
	uint64_t	 pairs[65536 / 64];
	uint64_t	*triples;
	/* per byte of a root: 0 a letter, or what ends or spoils it */
	unsigned char	 cls[256];
};

/* C_ISTART: a letter an ICONV output may begin with (not a capital) */
enum { C_BYTE, C_SLASH, C_TAB, C_SPACE, C_UNSURE, C_ISTART, C_UPPER };

static char *
S_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	size_t r;

	if (fp == NULL)
		return NULL;
	while ((r = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&b, chunk, r);
	if (ferror(fp)) {
		fclose(fp);
		buf_free(&b);
		return NULL;
	}
	fclose(fp);
	*len = b.len;
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static uint64_t
S_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h | 1;	/* never 0, the empty slot */
}

static void
S_set_add(struct filt *ft, uint64_t h)
{
	size_t i, k;
	uint64_t *old;

	if ((ft->n + 1) * 2 > ft->cap) {
		old = ft->set;
		k = ft->cap;
		ft->cap = ft->cap ? ft->cap * 2 : 4096;
		ft->set = xcalloc(ft->cap, sizeof(*ft->set));
		for (i = 0; i < k; i++)
			if (old[i] != 0) {
				size_t j = old[i] & (ft->cap - 1);

				while (ft->set[j] != 0)
					j = (j + 1) & (ft->cap - 1);
				ft->set[j] = old[i];
			}
		free(old);
	}
	for (i = h & (ft->cap - 1); ft->set[i] != 0; i = (i + 1) & (ft->cap - 1))
		if (ft->set[i] == h)
			return;
	ft->set[i] = h;
	ft->n++;
}

static int
S_set_has(const struct filt *ft, const char *s, size_t n)
{
	uint64_t h = S_hash(s, n);
	size_t i;

	for (i = h & (ft->cap - 1); ft->set[i] != 0; i = (i + 1) & (ft->cap - 1))
		if (ft->set[i] == h)
			return 1;
	return 0;
}

/* Every piece of w (bytes; the empty one too). */
static void
S_pieces(struct filt *ft, const char *w)
{
	size_t n = strlen(w), a, b;

	S_set_add(ft, S_hash("", 0));
	for (a = 0; a < n; a++) {
		uint64_t h = 1469598103934665603ULL;

		for (b = a; b < n; b++) {
			h = (h ^ (unsigned char)w[b]) * 1099511628211ULL;
			S_set_add(ft, h | 1);
		}
	}
}

static unsigned
S_flag_at(const struct filt *ft, const char *s)
{
	return ft->flen == 2 ? ((unsigned)(unsigned char)s[0] << 8) |
	    (unsigned char)s[1] : (unsigned char)s[0];
}

/* The .aff's words on one line, up to NTOK. */
#define NTOK	6
static size_t
S_tokens(char *line, char **tok)
{
	size_t n = 0;
	char *p = line;

	while (n < NTOK) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		tok[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

static int
S_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Reads the .aff: the flags' strips and continuation classes, the ICONV
 * outputs.  -1 for what the filter does not know. */
static int
S_aff(struct filt *ft, char *text)
{
	char *line, *next, *tok[NTOK], *slash;
	size_t n, k, len;
	int rc = 0;

	ft->flen = 1;
	for (line = text; line != NULL && rc == 0; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[len - 1] = '\0';
		if ((n = S_tokens(line, tok)) == 0)
			continue;
		if (strcmp(tok[0], "FLAG") == 0) {
			if (n < 2 || strcmp(tok[1], "long") != 0)
				rc = -1;
			else
				ft->flen = 2;
		} else if (strcmp(tok[0], "AF") == 0 ||
		    strcmp(tok[0], "AM") == 0 || strcmp(tok[0], "IGNORE") == 0)
			rc = -1;
		else if (strcmp(tok[0], "CHECKCOMPOUNDPATTERN") == 0) {
			/* a replacement makes roots that are not in the
			 * word as written */
			if (n >= 4 && tok[3][0] != '#')
				rc = -1;
		} else if (strcmp(tok[0], "ICONV") == 0 && n >= 3 &&
		    tok[2][0] != '#') {
			if (ft->niconv == ICONV_MAX)
				rc = -1;
			else if (tok[2][0] != '\0') {
				ft->ilen[ft->niconv] = strlen(tok[2]);
				ft->istart[(unsigned char)tok[2][0]] = 1;
				ft->iconv[ft->niconv++] = xstrdup(tok[2]);
			}
		} else if ((strcmp(tok[0], "PFX") == 0 ||
		    strcmp(tok[0], "SFX") == 0) && n >= 4) {
			struct flag *f;
			size_t strip;

			if (strlen(tok[1]) != (size_t)ft->flen) {
				rc = -1;
				continue;
			}
			if ((strcmp(tok[2], "Y") == 0 ||
			    strcmp(tok[2], "N") == 0) && S_digits(tok[3]))
				continue;	/* the header */
			f = &ft->f[S_flag_at(ft, tok[1])];
			strip = strcmp(tok[2], "0") == 0 ? 0 :
			    utf8_count(tok[2], strlen(tok[2]));
			if (strip > 60) {
				rc = -1;
				continue;
			}
			if (tok[0][0] == 'P' && strip > f->fr)
				f->fr = (uint8_t)strip;
			if (tok[0][0] == 'S' && strip > f->en)
				f->en = (uint8_t)strip;
			if ((slash = strchr(tok[3], '/')) == NULL)
				continue;
			for (slash++; *slash != '\0' && *slash != '#' &&
			    strlen(slash) >= (size_t)ft->flen;
			    slash += ft->flen) {
				k = S_flag_at(ft, slash);
				f->cont = xrealloc(f->cont,
				    (f->ncont + 1) * sizeof(*f->cont));
				f->cont[f->ncont++] = (uint16_t)k;
			}
		}
	}
	return rc;
}

/* f's strips with two levels of continuation classes. */
static void
S_bound(struct filt *ft, unsigned fl, size_t *fr, size_t *en, int depth)
{
	struct flag *f = &ft->f[fl];
	size_t k, a, b, mf = 0, me = 0;

	if (f->done) {
		*fr = f->fr2;
		*en = f->en2;
		return;
	}
	if (depth < 2)
		for (k = 0; k < f->ncont; k++) {
			S_bound(ft, f->cont[k], &a, &b, depth + 1);
			if (a > mf)
				mf = a;
			if (b > me)
				me = b;
		}
	*fr = f->fr + mf;
	*en = f->en + me;
	if (depth == 0) {
		f->fr2 = (uint8_t)(*fr > 255 ? 255 : *fr);
		f->en2 = (uint8_t)(*en > 255 ? 255 : *en);
		f->done = 1;
	}
}

/* 1 when s[0..n) may be in a string asked: s1 + w + s2 with w a piece of
 * a word, s1 a piece at the end of pre, s2 one at the start of post. */
static int
S_may(const struct filt *ft, const char *s, size_t n)
{
	size_t a, k, na = 0, nk = 0, av[16], kv[16], i, j;

	if (n == 0)
		return 1;
	/* the ways s may begin in pre and end in post, mostly none: its
	 * first byte must be one of pre's, its last one of post's */
	av[na++] = 0;
	for (a = 1; ft->inpre[(unsigned char)s[0]] && a <= ft->lpre &&
	    a <= n && na < 16; a++)
		if (s[0] == ft->pre[ft->lpre - a] &&
		    memcmp(s, ft->pre + ft->lpre - a, a) == 0)
			av[na++] = a;
	kv[nk++] = 0;
	for (k = 1; ft->inpost[(unsigned char)s[n - 1]] && k <= ft->lpost &&
	    k <= n && nk < 16; k++)
		if (s[n - k] == ft->post[0] &&
		    memcmp(s + n - k, ft->post, k) == 0)
			kv[nk++] = k;
	for (i = 0; i < na; i++)
		for (j = 0; j < nk; j++)
			if (av[i] + kv[j] <= n &&
			    S_set_has(ft, s + av[i], n - av[i] - kv[j]))
				return 1;
	/* a piece longer than 16 ways: unsure */
	return na == 16 || nk == 16;
}

/* 1 when the core c[0..n) may be in a string asked: around an ICONV
 * output, each piece on its own.  No ICONV output begins before
 * c[plain]. */
static int
S_core_may(const struct filt *ft, const char *c, size_t n, size_t plain)
{
	size_t i, k, from = 0, m;

	if (plain == n)
		return S_may(ft, c, n);
	for (i = plain; i < n; i++) {
		if (!ft->istart[(unsigned char)c[i]])
			continue;
		for (k = 0; k < ft->niconv; k++) {
			m = ft->ilen[k];
			if (c[i] == ft->iconv[k][0] && i + m <= n &&
			    memcmp(c + i, ft->iconv[k], m) == 0) {
				if (i > from && !S_may(ft, c + from, i - from))
					return 0;
				from = i + m;
				i = from - 1;
				break;
			}
		}
	}
	return from >= n || S_may(ft, c + from, n - from);
}

#define PAIR(a, b)	(((unsigned)(unsigned char)(a) << 8) | \
			    (unsigned char)(b))

static void
S_pair_add(struct filt *ft, unsigned p)
{
	ft->pairs[p >> 6] |= (uint64_t)1 << (p & 63);
}

/* Every pair of bytes in a row that a string asked may hold: within a
 * word, pre or post, and where a piece of one meets the end of pre or
 * the start of post (any byte of them: B), or pre's end post's start. */
static void
S_pairs(struct filt *ft, const char *const *words, size_t n)
{
	unsigned char inb[256] = { 0 };
	const char *w;
	size_t i, k, c;

	for (i = 0; i < n + 2; i++) {
		w = i < n ? words[i] : i == n ? ft->pre : ft->post;
		if (w == NULL)
			continue;
		for (k = 0; w[k] != '\0'; k++) {
			inb[(unsigned char)w[k]] = 1;
			if (w[k + 1] != '\0')
				S_pair_add(ft, PAIR(w[k], w[k + 1]));
		}
	}
	for (c = 0; c < 256; c++) {
		if (!inb[c])
			continue;
		if (ft->lpre > 0)
			S_pair_add(ft, PAIR(ft->pre[ft->lpre - 1], c));
		if (ft->lpost > 0)
			S_pair_add(ft, PAIR(c, ft->post[0]));
	}
	if (ft->lpre > 0 && ft->lpost > 0)
		S_pair_add(ft, PAIR(ft->pre[ft->lpre - 1], ft->post[0]));
}

/* Three bytes as a bit of filt.triples: two triples may share one (a
 * core is then kept for nothing, never dropped). */
#define TRIPLE_BITS	20
#define TRIPLE(a, b, c)	((((unsigned)(unsigned char)(a) << 16 | \
			    (unsigned)(unsigned char)(b) << 8 | \
			    (unsigned char)(c)) * 0x9E3779B1u) >> \
			    (32 - TRIPLE_BITS))

static void
S_triple_add(struct filt *ft, unsigned t)
{
	ft->triples[t >> 6] |= (uint64_t)1 << (t & 63);
}

/* Every three bytes in a row that a string asked may hold, s1 + w + s2
 * as in S_may(): within a word, pre or post; pre's last two and w's
 * first byte (any byte of them, B), or post's first; pre's last, two of
 * w in a row (a pair of S_pairs() within one of them) or one of w and
 * post's first, or post's first two; the same the other way round.
 * After S_pairs(). */
static void
S_triples(struct filt *ft, const char *const *words, size_t n)
{
	unsigned char inb[256] = { 0 };
	const char *w, *pre = ft->pre, *post = ft->post;
	size_t i, k, lpre = ft->lpre, lpost = ft->lpost;
	unsigned c, p;
	uint64_t *own = xcalloc(65536 / 64, sizeof(*own));

	ft->triples = xcalloc(((size_t)1 << TRIPLE_BITS) / 64,
	    sizeof(*ft->triples));
	for (i = 0; i < n + 2; i++) {
		w = i < n ? words[i] : i == n ? pre : post;
		if (w == NULL)
			continue;
		for (k = 0; w[k] != '\0'; k++) {
			inb[(unsigned char)w[k]] = 1;
			if (w[k + 1] == '\0')
				continue;
			p = PAIR(w[k], w[k + 1]);
			own[p >> 6] |= (uint64_t)1 << (p & 63);
			if (w[k + 2] != '\0')
				S_triple_add(ft, TRIPLE(w[k], w[k + 1],
				    w[k + 2]));
		}
	}
	for (p = 0; p < 65536; p++) {
		if (!(own[p >> 6] & ((uint64_t)1 << (p & 63))))
			continue;
		if (lpre > 0)
			S_triple_add(ft, TRIPLE(pre[lpre - 1], p >> 8, p & 0xFF));
		if (lpost > 0)
			S_triple_add(ft, TRIPLE(p >> 8, p & 0xFF, post[0]));
	}
	for (c = 0; c < 256; c++) {
		if (!inb[c])
			continue;
		if (lpre > 1)
			S_triple_add(ft, TRIPLE(pre[lpre - 2], pre[lpre - 1], c));
		if (lpost > 1)
			S_triple_add(ft, TRIPLE(c, post[0], post[1]));
		if (lpre > 0 && lpost > 0)
			S_triple_add(ft, TRIPLE(pre[lpre - 1], c, post[0]));
	}
	if (lpre > 1 && lpost > 0)
		S_triple_add(ft, TRIPLE(pre[lpre - 2], pre[lpre - 1], post[0]));
	if (lpre > 0 && lpost > 1)
		S_triple_add(ft, TRIPLE(pre[lpre - 1], post[0], post[1]));
	free(own);
}

/* 0 when s[0..n), a piece of a core, holds two bytes in a row (n 2) or
 * three (n 3 or more) that no string asked holds: then the core is in
 * none (S_may() would say 0, for less). */
static int
S_grams_may(const struct filt *ft, const char *s, size_t n)
{
	size_t i;
	unsigned t;

	if (n == 2) {
		t = PAIR(s[0], s[1]);
		return (ft->pairs[t >> 6] >> (t & 63)) & 1;
	}
	for (i = 0; i + 2 < n; i++) {
		t = TRIPLE(s[i], s[i + 1], s[i + 2]);
		if (!((ft->triples[t >> 6] >> (t & 63)) & 1))
			return 0;
	}
	return 1;
}

/* The root of the .dic line up to end, copied into core: without its
 * spaces ("aan laat": hunspell forbids the compound of a word pair it
 * lists), ASCII in lower case.  Its length, or -1 when unsure where it
 * ends; *stop gets where it ends, *slash its flags' "/" or NULL. */
static long
S_root_copy(const struct filt *ft, const char *line, const char *end,
    char *core, const char **stop, const char **slash)
{
	const char *p;
	size_t n = 0;
	unsigned char c;

	*slash = NULL;
	for (p = line; p < end; p++) {
		c = (unsigned char)*p;
		switch (ft->cls[c]) {
		case C_BYTE:
		case C_ISTART:
		case C_UPPER:
			core[n++] = (char)(c >= 'A' && c <= 'Z' ?
			    c - 'A' + 'a' : c);
			continue;
		case C_SPACE:
			continue;
		case C_SLASH:
			if (p == line) {
				core[n++] = (char)c;
				continue;
			}
			*slash = p;
			break;
		case C_TAB:
			break;
		default:
			return -1;
		}
		break;
	}
	*stop = p;
	return (long)n;
}

/* The core of the .dic line[0..len), whose end the text's next byte
 * (a line end or its NUL) marks: its length, or -1 when the line is to
 * be kept whatever is asked.  *src gets where its bytes are: the line
 * itself when they are the line's (most are), else copy (room for len
 * bytes), written from its start; the core begins at (*src)[*from].
 * *plain gets the length of its start before the first byte an ICONV
 * output may begin with (all of it when none). */
static long
S_core(struct filt *ft, const char *line, size_t len, char *copy,
    const char **src, size_t *from, size_t *plain)
{
	const char *slash = NULL, *p, *end = line + len, *core = line;
	size_t fr = 0, en = 0, a, b, n, k, chars;
	size_t first = SIZE_MAX;	/* the first C_ISTART byte's */
	int copied = 0;
	const struct flag *f;
	long rn;
	unsigned char c;

	/* the root: up to "/" (not the first byte), a tab or the end; a
	 * root with spaces or capitals is copied the slow way.  The byte
	 * at end is no C_BYTE: the scan needs no bound */
	for (p = line;; p++) {
		while (ft->cls[(unsigned char)*p] == C_BYTE)
			p++;
		if (p == end)
			break;
		c = (unsigned char)*p;
		if (ft->cls[c] == C_ISTART) {
			if (first == SIZE_MAX)
				first = (size_t)(p - line);
			continue;
		}
		if (ft->cls[c] == C_SLASH && p == line) {
			if (ft->istart[c])
				first = 0;
			continue;
		}
		if (ft->cls[c] == C_SLASH)
			slash = p;
		else if (ft->cls[c] != C_TAB) {
			if ((rn = S_root_copy(ft, line, end, copy, &p,
			    &slash)) < 0)
				return -1;
			core = copy;
			copied = 1;
			n = (size_t)rn;
			goto flags;
		}
		break;
	}
	n = (size_t)(p - line);
flags:
	if (slash != NULL) {
		for (p = slash + 1; p < end && *p != ' ' && *p != '\t';
		    p += ft->flen) {
			if (p + ft->flen > end)
				return -1;
			f = &ft->f[S_flag_at(ft, p)];
			if (f->done) {	/* most: no call */
				a = f->fr2;
				b = f->en2;
			} else
				S_bound(ft, S_flag_at(ft, p), &a, &b, 0);
			if (a > fr)
				fr = a;
			if (b > en)
				en = b;
		}
		if (p == slash + 1 || memchr(p, ':', (size_t)(end - p)))
			return -1;	/* "word/" and nothing, fields */
	} else if (memchr(p, ':', (size_t)(end - p)))
		return -1;
	if (fr + en > 0 && (chars = utf8_count(core, n)) <= fr + en)
		return -1;
	if (n == 0)
		return -1;
	/* fr characters off the start, en off the end */
	for (a = 0, k = 0; k < fr; k++)
		for (a++; a < n && ((unsigned char)core[a] & 0xC0) == 0x80; a++)
			;
	for (b = n, k = 0; k < en; k++)
		for (b--; b > 0 && ((unsigned char)core[b] & 0xC0) == 0x80; b--)
			;
	/* where the first ICONV start of the core is, if any */
	if (copied || first < a)
		for (first = a; first < b &&
		    !ft->istart[(unsigned char)core[first]]; first++)
			;
	k = first < b ? first : b;
	*src = core;
	*from = a;
	*plain = k - a;
	return (long)(b - a);
}

/* A .dic line and its core (in dict_cores.core). */
struct dline {
	uint32_t	off, len;	/* in the .dic's text */
	uint32_t	core, clen;	/* clen KEEP: kept whatever is asked */
	uint32_t	plain;		/* S_core()'s *plain */
};

#define KEEP	UINT32_MAX
/* a core's offset with this bit is in dict_cores.core, else in dtext */
#define COPIED	0x80000000u

struct dict_cores {
	char		*dtext;
	struct dline	*v;
	size_t		 n;
	char		*core;
	char		*iconv[ICONV_MAX];
	size_t		 ilen[ICONV_MAX], niconv;
	char		*aff;		/* S_aff_spell()'s */
	size_t		 alen;
	int		 flen;		/* bytes per flag */
	uint64_t	 cont[NFLAG / 64];	/* flags of continuation classes */
};

/* The .aff text (len bytes) less what only hunspell's suggestions read
 * (REP, MAP, KEY, TRY, PHONE: a fifth of hunspell-nl's load), into out.
 * REP stays when CHECKCOMPOUNDREP makes spelling read it. */
static void
S_aff_spell(const char *text, size_t len, struct buf *out)
{
	static const char *drop[] = { "REP", "MAP", "KEY", "TRY", "PHONE" };
	const char *line, *next, *end = text + len, *p;
	size_t i, n, k;
	int rep = 0;

	for (line = text; line < end; line = next) {
		next = memchr(line, '\n', (size_t)(end - line));
		next = next ? next + 1 : end;
		if ((size_t)(next - line) >= 17 &&
		    memcmp(line, "CHECKCOMPOUNDREP", 16) == 0 &&
		    (line[16] == ' ' || line[16] == '\t' || line[16] == '\n' ||
		    line[16] == '\r'))
			rep = 1;
	}
	for (line = text; line < end; line = next) {
		next = memchr(line, '\n', (size_t)(end - line));
		next = next ? next + 1 : end;
		for (p = line; p < next && (*p == ' ' || *p == '\t'); p++)
			;
		for (i = 0; i < sizeof(drop) / sizeof(*drop); i++) {
			n = strlen(drop[i]);
			if (p + n < next && memcmp(p, drop[i], n) == 0 &&
			    (p[n] == ' ' || p[n] == '\t') &&
			    !(i == 0 && rep))
				break;
		}
		if (i == sizeof(drop) / sizeof(*drop)) {
			k = (size_t)(next - line);
			buf_put(out, line, k);
		}
	}
}

/* 1 when the CHECKCOMPOUNDPATTERN line[0..len) may forbid a compound
 * of a string asked: hunspell tests its two strings, less their flags,
 * end to end where a compound's parts meet; with both of them plain
 * letters, their concatenation must be in a string asked.  Anything
 * else (a flag alone, "0", a "." wildcard, a long line) keeps it. */
static int
S_pattern_may(const struct filt *ft, const char *line, size_t len)
{
	char copy[256], *tok[NTOK], lit[256], *sl;
	size_t n, k, m = 0, plain;

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (len >= sizeof(copy))
		return 1;
	memcpy(copy, line, len);
	copy[len] = '\0';
	if ((n = S_tokens(copy, tok)) < 3)
		return 1;
	for (k = 1; k <= 2; k++) {
		if ((sl = strchr(tok[k], '/')) != NULL)
			*sl = '\0';
		if (tok[k][0] == '\0' || tok[k][0] == '0' ||
		    strchr(tok[k], '.') != NULL ||
		    m + strlen(tok[k]) >= sizeof(lit))
			return 1;
		memcpy(lit + m, tok[k], strlen(tok[k]));
		m += strlen(tok[k]);
	}
	for (plain = 0; plain < m && !ft->istart[(unsigned char)lit[plain]];
	    plain++)
		;
	return S_core_may(ft, lit, m, plain);
}

/* 1 when the COMPOUNDRULE line[0..len) may let a string asked be a
 * compound: every flag it needs (not followed by "*" or "?") is one of a
 * kept entry's (has, hunspell tests the roots' flags) or, to be sure, of
 * a continuation class.  Anything but long flags in parentheses keeps
 * it. */
static int
S_rule_may(const struct dict_cores *dc, const uint64_t *has,
    const char *line, size_t len)
{
	char copy[256], *tok[NTOK], *p;
	unsigned fl;

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (len >= sizeof(copy) || dc->flen != 2)
		return 1;
	memcpy(copy, line, len);
	copy[len] = '\0';
	if (S_tokens(copy, tok) < 2)
		return 1;
	for (p = tok[1]; *p != '\0'; p += 4) {
		if (p[0] != '(' || p[1] == '\0' || p[2] == '\0' || p[3] != ')')
			return 1;
		fl = ((unsigned)(unsigned char)p[1] << 8) | (unsigned char)p[2];
		if (p[4] == '*' || p[4] == '?') {
			p++;
			continue;
		}
		if (!((has[fl >> 6] | dc->cont[fl >> 6]) >> (fl & 63) & 1))
			return 0;
	}
	return 1;
}

/* The tables of the .aff that S_aff_select() thins out. */
enum { T_PATTERN, T_RULE, T_N };

/* dc's .aff text (S_aff_spell()) into out, less the CHECKCOMPOUNDPATTERN
 * lines that can forbid no compound of a string asked (S_pattern_may())
 * and the COMPOUNDRULE lines that can make none (S_rule_may(); has: the
 * kept entries' flags): hunspell tries each pattern wherever a compound
 * may split, and tries every word again for the rules.  Each table goes
 * last, its header counting the lines kept (none: no header). */
static void
S_aff_select(const struct dict_cores *dc, const struct filt *ft,
    const uint64_t *has, struct buf *out)
{
	static const char *key[T_N] = { "CHECKCOMPOUNDPATTERN",
	    "COMPOUNDRULE" };
	const char *end = dc->aff + dc->alen, *line, *next;
	char copy[256], *tok[NTOK];
	size_t klen, len, keep[T_N] = { 0 }, n, t;
	struct buf all[T_N] = { { 0 } }, kept[T_N] = { { 0 } };
	int head[T_N] = { 0 }, may;

	for (line = dc->aff; line < end; line = next) {
		next = memchr(line, '\n', (size_t)(end - line));
		next = next ? next + 1 : end;
		len = (size_t)(next - line);
		for (t = 0; t < T_N; t++) {
			klen = strlen(key[t]);
			if (len > klen && memcmp(line, key[t], klen) == 0 &&
			    (line[klen] == ' ' || line[klen] == '\t'))
				break;
		}
		if (t == T_N) {
			buf_put(out, line, len);
			continue;
		}
		buf_put(&all[t], line, len);
		/* the header: "CHECKCOMPOUNDPATTERN 52" */
		if (!head[t] && len < sizeof(copy)) {
			memcpy(copy, line, len);
			copy[len] = '\0';
			copy[strcspn(copy, "\r\n")] = '\0';
			n = S_tokens(copy, tok);
			if (n >= 2 && strspn(tok[1], "0123456789") ==
			    strlen(tok[1]) && (n == 2 || tok[2][0] == '#')) {
				head[t] = 1;
				continue;
			}
		}
		may = t == T_PATTERN ? S_pattern_may(ft, line, len) :
		    S_rule_may(dc, has, line, len);
		if (may) {
			buf_put(&kept[t], line, len);
			keep[t]++;
		}
	}
	for (t = 0; t < T_N; t++) {
		if (!head[t])	/* not as hunspell-nl's: as it was */
			buf_put(out, all[t].data ? all[t].data : "",
			    all[t].len);
		else if (keep[t] > 0) {
			if (out->len > 0 && out->data[out->len - 1] != '\n')
				buf_putc(out, '\n');
			buf_printf(out, "%s %zu\n", key[t], keep[t]);
			buf_put(out, kept[t].data, kept[t].len);
		}
		buf_free(&all[t]);
		buf_free(&kept[t]);
	}
}

/* The flags of the .dic line[0..len) into has: after every "/" but a
 * first byte, up to a space or a tab (more than hunspell reads, never
 * fewer). */
static void
S_line_flags(const struct dict_cores *dc, const char *line, size_t len,
    uint64_t *has)
{
	const char *p, *end = line + len;
	unsigned fl;

	for (p = line + 1; p < end; p++) {
		if (*p != '/')
			continue;
		for (p++; p + dc->flen <= end && *p != ' ' && *p != '\t' &&
		    *p != '/'; p += dc->flen) {
			fl = dc->flen == 2 ? ((unsigned)(unsigned char)p[0] << 8) |
			    (unsigned char)p[1] : (unsigned char)p[0];
			has[fl >> 6] |= (uint64_t)1 << (fl & 63);
		}
		p--;
	}
}

void
dict_cores_free(struct dict_cores *dc)
{
	size_t i;

	if (dc == NULL)
		return;
	free(dc->dtext);
	free(dc->aff);
	free(dc->v);
	free(dc->core);
	for (i = 0; i < dc->niconv; i++)
		free(dc->iconv[i]);
	free(dc);
}

struct dict_cores *
dict_cores_new(const char *aff, const char *dic)
{
	struct dict_cores *dc = NULL;
	struct buf spell = { 0 };
	struct filt ft;
	char *atext, *dtext, *line, *next, *cores = NULL;
	const char *src;
	size_t alen, dlen, i, k, len, cap = 0, ncores = 0, from, plain;
	long cl;

	memset(&ft, 0, sizeof(ft));
	/* escapes, morphological fields ("po:noun"), controls: unsure
	 * where the root ends */
	for (i = 0; i < 0x20; i++)
		ft.cls[i] = C_UNSURE;
	ft.cls['\\'] = ft.cls[':'] = C_UNSURE;
	ft.cls['\t'] = C_TAB;
	ft.cls[' '] = C_SPACE;
	ft.cls['/'] = C_SLASH;
	for (i = 'A'; i <= 'Z'; i++)
		ft.cls[i] = C_UPPER;
	ft.f = xcalloc(NFLAG, sizeof(*ft.f));
	atext = S_slurp(aff, &alen);
	dtext = atext != NULL ? S_slurp(dic, &dlen) : NULL;
	/* before S_aff(), which cuts the text up */
	if (dtext != NULL)
		S_aff_spell(atext, alen, &spell);
	if (dtext == NULL || dlen >= COPIED || S_aff(&ft, atext) != 0) {
		free(dtext);
		goto done;
	}
	for (i = 0; i < 256; i++)
		if (ft.cls[i] == C_BYTE && ft.istart[i])
			ft.cls[i] = C_ISTART;
	dc = xcalloc(1, sizeof(*dc));
	dc->dtext = dtext;
	dc->alen = spell.len;
	buf_putc(&spell, '\0');
	dc->aff = buf_detach(&spell);
	dlen = strlen(dtext);	/* a NUL ends the text, as it always did */
	/* a core is at most its line: room for all of them at once */
	cores = xmalloc(dlen + 1);
	/* the first line is the count: hunspell sizes its table by it */
	line = memchr(dtext, '\n', dlen);
	for (line = line ? line + 1 : dtext + dlen; line < dtext + dlen;
	    line = next) {
		if ((next = memchr(line, '\n', (size_t)(dtext + dlen -
		    line))) == NULL)
			next = dtext + dlen;
		len = (size_t)(next - line);
		if (next < dtext + dlen)
			next++;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		if (dc->n == cap) {
			cap = cap ? cap * 2 : 65536;
			dc->v = xrealloc(dc->v, cap * sizeof(*dc->v));
		}
		cl = S_core(&ft, line, len, cores + ncores, &src, &from,
		    &plain);
		dc->v[dc->n].off = (uint32_t)(line - dtext);
		dc->v[dc->n].len = (uint32_t)len;
		dc->v[dc->n].core = 0;
		if (cl > 0 && src == line)
			dc->v[dc->n].core = (uint32_t)(line - dtext + from);
		else if (cl > 0) {
			dc->v[dc->n].core = COPIED | (uint32_t)(ncores + from);
			ncores += from + (size_t)cl;
		}
		dc->v[dc->n].plain = cl < 0 ? 0 : (uint32_t)plain;
		dc->v[dc->n++].clen = cl < 0 ? KEEP : (uint32_t)cl;
	}
	dc->core = cores;
	cores = NULL;
	for (i = 0; i < ft.niconv; i++) {
		dc->iconv[i] = ft.iconv[i];
		dc->ilen[i] = ft.ilen[i];
	}
	dc->niconv = ft.niconv;
	ft.niconv = 0;
	dc->flen = ft.flen;
	for (i = 0; i < NFLAG; i++)
		for (k = 0; k < ft.f[i].ncont; k++)
			dc->cont[ft.f[i].cont[k] >> 6] |=
			    (uint64_t)1 << (ft.f[i].cont[k] & 63);
done:
	buf_free(&spell);
	free(cores);
	free(atext);
	for (i = 0; i < NFLAG; i++)
		free(ft.f[i].cont);
	free(ft.f);
	for (i = 0; i < ft.niconv; i++)
		free(ft.iconv[i]);
	return dc;
}

void
dict_cores_select(const struct dict_cores *dc, const char *const *words,
    size_t n, const char *pre, const char *post, struct buf *out,
    size_t *kept, struct buf *aff)
{
	struct filt ft;
	struct buf b = { 0 };
	const struct dline *l;
	const char *c;
	size_t i, nk = 0;
	uint64_t *has = aff ? xcalloc(NFLAG / 64, sizeof(*has)) : NULL;

	memset(&ft, 0, sizeof(ft));
	ft.pre = pre;
	ft.post = post;
	ft.lpre = pre ? strlen(pre) : 0;
	ft.lpost = post ? strlen(post) : 0;
	for (i = 0; i < ft.lpre; i++)
		ft.inpre[(unsigned char)pre[i]] = 1;
	for (i = 0; i < ft.lpost; i++)
		ft.inpost[(unsigned char)post[i]] = 1;
	for (i = 0; i < dc->niconv; i++) {
		ft.iconv[i] = dc->iconv[i];
		ft.ilen[i] = dc->ilen[i];
		ft.istart[(unsigned char)dc->iconv[i][0]] = 1;
	}
	ft.niconv = dc->niconv;
	S_pairs(&ft, words, n);
	S_triples(&ft, words, n);
	for (i = 0; i < n; i++)
		S_pieces(&ft, words[i]);
	if (pre != NULL)
		S_pieces(&ft, pre);
	if (post != NULL)
		S_pieces(&ft, post);
	for (i = 0; i < dc->n; i++) {
		l = &dc->v[i];
		c = l->core & COPIED ? dc->core + (l->core & ~COPIED) :
		    dc->dtext + l->core;
		if (l->clen != KEEP && (!S_grams_may(&ft, c, l->plain) ||
		    !S_core_may(&ft, c, l->clen, l->plain)))
			continue;
		buf_put(&b, dc->dtext + l->off, l->len);
		buf_putc(&b, '\n');
		if (has != NULL)
			S_line_flags(dc, dc->dtext + l->off, l->len, has);
		nk++;
	}
	buf_printf(out, "%zu\n", nk);
	buf_put(out, b.data ? b.data : "", b.len);
	*kept = nk;
	if (aff != NULL)
		S_aff_select(dc, &ft, has, aff);
	free(has);
	buf_free(&b);
	free(ft.set);
	free(ft.triples);
}

int
dict_filter(const char *aff, const char *dic, const char *const *words,
    size_t n, const char *pre, const char *post, struct buf *out,
    size_t *kept)
{
	struct dict_cores *dc = dict_cores_new(aff, dic);

	if (dc == NULL)
		return -1;
	dict_cores_select(dc, words, n, pre, post, out, kept, NULL);
	dict_cores_free(dc);
	return 0;
}
