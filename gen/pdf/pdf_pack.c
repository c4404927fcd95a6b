/*
 * pdf_pack — object streams and a cross-reference stream for a saved PDF
 * (pdf_pack.h says what is kept and what is packed).
 *
 * The file is read through its cross-reference table, the only index it
 * has: each object runs from its offset to the next object's, so text in
 * an object (a title reading "endobj") never decides where it ends.  What
 * an object holds is tokenised only as far as needed to tell one value
 * from a stream, and a stream's dictionary as far as needed to tell
 * whether to compress it.  Nothing recurses, every read is bounded by the
 * buffer, and nothing is written to the output until the whole file has
 * passed.
 */
#include "pdf_pack.h"
#include "pdf_zip.h"
#include "buf.h"
#include "diag.h"
#include "mem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest object number a PDF may use (PDF 1.7, Annex C), and the
 * deepest nesting of arrays and dictionaries in one object that the
 * tokeniser follows: libharu's objects nest two or three deep. */
#define PACK_NUM_MAX	8388607u
#define PACK_DEPTH_MAX	64

enum pack_kind {
	PACK_FREE = 0,		/* no object of that number */
	PACK_LOOSE,		/* copied as it stands */
	PACK_IN_STREAM		/* in an object stream */
};

struct pack_obj {
	size_t		 num;
	size_t		 off;	/* of "N G obj" in the input */
	size_t		 end;	/* just past its "endobj" */
	size_t		 v0, v1; /* its value, when packed */
	unsigned	 gen;
	int		 used;	/* 'n' in the table */
	enum pack_kind	 kind;
	size_t		 where;	/* loose: new offset; packed: the number of
				   its object stream */
	size_t		 idx;	/* packed: its index in that stream */
	/* a stream the packer compresses (zip): where its dictionary's
	 * ">>" stands, its data s0..s0 + slen, the object that holds its
	 * /Length (lenobj) and the kind of stream it is */
	int		 zip;
	size_t		 d1, s0, slen, lenobj;
	enum zip_kind	 zkind;
	/* a /Length object: streams that refer to it; once its stream is
	 * compressed (lenset), the length that it now gives */
	unsigned	 lenrefs;
	int		 lenset;
	size_t		 newlen;
};

struct pack {
	const char	*s;
	size_t		 len;
	char		 why[160];	/* the reason, for the diagnostic */
	struct pack_obj	*obj;		/* by number, size of them */
	size_t		 size;		/* the trailer's /Size */
	size_t		*order;		/* numbers of used objects, by offset */
	size_t		 nused;
	size_t		 xoff;		/* of "xref" */
	size_t		 root, info;	/* object numbers; info 0 = none */
	unsigned	 root_gen, info_gen;
	size_t		 id0, id1;	/* the /ID array's text; empty = none */
	struct zip	 z;		/* the compressors, for every stream */
};

static int
S_fail(struct pack *k, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
S_fail(struct pack *k, const char *fmt, ...)
{
	va_list ap;

	if (k->why[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(k->why, sizeof(k->why), fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* *** Tokens *** */

/* The character classes of PDF syntax (7.2.2), looked up rather than
 * compared: every byte of every packed object passes through here. */
#define PACK_WS		1
#define PACK_DELIM	2
static const unsigned char S_class[256] = {
	[0] = PACK_WS, ['\t'] = PACK_WS, ['\n'] = PACK_WS, ['\f'] = PACK_WS,
	['\r'] = PACK_WS, [' '] = PACK_WS,
	['('] = PACK_DELIM, [')'] = PACK_DELIM, ['<'] = PACK_DELIM,
	['>'] = PACK_DELIM, ['['] = PACK_DELIM, [']'] = PACK_DELIM,
	['{'] = PACK_DELIM, ['}'] = PACK_DELIM, ['/'] = PACK_DELIM,
	['%'] = PACK_DELIM
};

static int
S_is_ws(int c)
{
	return S_class[c & 0xff] == PACK_WS;
}

static int
S_is_regular(int c)
{
	return S_class[c & 0xff] == 0;
}

/* Past white space and comments, up to end. */
static size_t
S_ws(const char *s, size_t p, size_t end)
{
	while (p < end) {
		if (S_is_ws((unsigned char)s[p]))
			p++;
		else if (s[p] == '%')
			while (p < end && s[p] != '\n' && s[p] != '\r')
				p++;
		else
			break;
	}
	return p;
}

/* Reads a number of decimal digits at *pp (at least one) no larger than
 * max; the digits must end at a non-regular character or at end. */
static int
S_uint(const char *s, size_t *pp, size_t end, size_t max, size_t *v)
{
	size_t p = *pp, n = 0;

	if (p >= end || s[p] < '0' || s[p] > '9')
		return -1;
	while (p < end && s[p] >= '0' && s[p] <= '9') {
		if (n > (max - (size_t)(s[p] - '0')) / 10)
			return -1;
		n = n * 10 + (size_t)(s[p] - '0');
		p++;
	}
	if (p < end && S_is_regular((unsigned char)s[p]))
		return -1;
	*pp = p;
	*v = n;
	return 0;
}

/* Does the keyword kw stand at p, ending before end or a non-regular
 * character? */
static int
S_kw(const char *s, size_t p, size_t end, const char *kw)
{
	size_t n = strlen(kw);

	return p <= end && end - p >= n && memcmp(s + p, kw, n) == 0 &&
	    (p + n == end || !S_is_regular((unsigned char)s[p + n]));
}

/* Moves *pp past one value — a number, keyword, name, string, array or
 * dictionary; a reference "N G R" is three values — within end.  Arrays
 * and dictionaries are followed on a stack of their openers, not by
 * recursion. */
static int
S_value(const char *s, size_t *pp, size_t end)
{
	char stack[PACK_DEPTH_MAX];
	size_t p = *pp, depth = 0, nest;
	int c;

	do {
		p = S_ws(s, p, end);
		if (p >= end)
			return -1;
		c = (unsigned char)s[p];
		if (c == '(') {
			for (nest = 1, p++; p < end && nest > 0; p++)
				if (s[p] == '\\')
					p++;
				else if (s[p] == '(')
					nest++;
				else if (s[p] == ')')
					nest--;
			if (nest > 0 || p > end)
				return -1;
		} else if (c == '<' && p + 1 < end && s[p + 1] == '<') {
			if (depth == PACK_DEPTH_MAX)
				return -1;
			stack[depth++] = '<';
			p += 2;
		} else if (c == '<') {
			for (p++; p < end && s[p] != '>'; p++)
				if (!S_is_ws((unsigned char)s[p]) &&
				    strchr("0123456789abcdefABCDEF",
				    s[p]) == NULL)
					return -1;
			if (p >= end)
				return -1;
			p++;
		} else if (c == '>') {
			if (p + 1 >= end || s[p + 1] != '>' || depth == 0 ||
			    stack[depth - 1] != '<')
				return -1;
			depth--;
			p += 2;
		} else if (c == '[') {
			if (depth == PACK_DEPTH_MAX)
				return -1;
			stack[depth++] = '[';
			p++;
		} else if (c == ']') {
			if (depth == 0 || stack[depth - 1] != '[')
				return -1;
			depth--;
			p++;
		} else if (c == '/') {
			for (p++; p < end && S_is_regular((unsigned char)s[p]);
			    p++)
				continue;
		} else if (S_is_regular(c)) {
			while (p < end && S_is_regular((unsigned char)s[p]))
				p++;
		} else
			return -1;	/* ')', '{', '}' */
	} while (depth > 0);
	*pp = p;
	return 0;
}

/* A reference "N G R" that is all of s[p..end). */
static int
S_ref(const char *s, size_t p, size_t end, size_t *num, unsigned *gen)
{
	size_t g;

	if (S_uint(s, &p, end, PACK_NUM_MAX, num) != 0)
		return -1;
	p = S_ws(s, p, end);
	if (S_uint(s, &p, end, 65535, &g) != 0)
		return -1;
	p = S_ws(s, p, end);
	if (!S_kw(s, p, end, "R"))
		return -1;
	*gen = (unsigned)g;
	return S_ws(s, p + 1, end) == end ? 0 : -1;
}

/* One entry of a dictionary at *pp (just after its "<<" or after an
 * entry), within end: the key's name k0..k1 (without the '/') and its
 * value v0..v1, a reference "N G R" taken as one value.  Returns 0 and
 * moves *pp past the entry; 1 at the closing ">>" (*pp at it); -1 when
 * neither stands there. */
static int
S_entry(const char *s, size_t *pp, size_t end, size_t *k0, size_t *k1,
    size_t *v0, size_t *v1)
{
	size_t p = S_ws(s, *pp, end), q, dummy;

	if (p + 2 <= end && memcmp(s + p, ">>", 2) == 0) {
		*pp = p;
		return 1;
	}
	if (p >= end || s[p] != '/')
		return -1;
	*k0 = p + 1;
	for (p++; p < end && S_is_regular((unsigned char)s[p]); p++)
		continue;
	*k1 = p;
	*v0 = S_ws(s, p, end);
	p = *v0;
	if (S_value(s, &p, end) != 0)
		return -1;
	/* a reference: two more values, the second 'R' */
	q = *v0;
	if (S_uint(s, &q, end, PACK_NUM_MAX, &dummy) == 0) {
		q = S_ws(s, p, end);
		if (S_uint(s, &q, end, 65535, &dummy) == 0) {
			q = S_ws(s, q, end);
			if (S_kw(s, q, end, "R"))
				p = q + 1;
		}
	}
	*v1 = p;
	*pp = p;
	return 0;
}

/* Is the key k0..k1 name? */
static int
S_key(const char *s, size_t k0, size_t k1, const char *name)
{
	return k1 - k0 == strlen(name) && memcmp(s + k0, name, k1 - k0) == 0;
}

/* *** Reading the file *** */

/* The offset that "startxref" near the end gives. */
static int
S_startxref(struct pack *k)
{
	const char *s = k->s;
	size_t p, lo;

	lo = k->len > 1024 ? k->len - 1024 : 0;
	for (p = k->len >= 9 ? k->len - 9 : 0; ; p--) {
		if (memcmp(s + p, "startxref", 9) == 0)
			break;
		if (p == lo)
			return S_fail(k, "no 'startxref' at its end");
	}
	p = S_ws(s, p + 9, k->len);
	if (S_uint(s, &p, k->len, SIZE_MAX, &k->xoff) != 0 ||
	    k->xoff >= k->len)
		return S_fail(k, "'startxref' gives no offset in the file");
	return 0;
}

/* The classic cross-reference table at k->xoff: its entries go into
 * k->obj (allocated once the trailer gives /Size; until then they are
 * counted), p is left at "trailer". */
static int
S_table(struct pack *k, size_t *pp, int fill, size_t *count)
{
	const char *s = k->s;
	size_t p = k->xoff, first, n, i, off, gen;
	struct pack_obj *o;

	if (!S_kw(s, p, k->len, "xref"))
		return S_fail(k, "no cross-reference table at byte %zu",
		    k->xoff);
	p += 4;
	*count = 0;
	for (;;) {
		p = S_ws(s, p, k->len);
		if (S_kw(s, p, k->len, "trailer"))
			break;
		if (S_uint(s, &p, k->len, PACK_NUM_MAX, &first) != 0 ||
		    (p = S_ws(s, p, k->len),
		    S_uint(s, &p, k->len, PACK_NUM_MAX, &n)) != 0 ||
		    n > PACK_NUM_MAX + 1 - first)
			return S_fail(k, "a bad subsection heading in the "
			    "cross-reference table at byte %zu", p);
		/* the line ends, then 20-byte entries */
		while (p < k->len && (s[p] == ' ' || s[p] == '\r'))
			p++;
		if (p >= k->len || s[p] != '\n')
			return S_fail(k, "a bad subsection heading in the "
			    "cross-reference table at byte %zu", p);
		p++;
		if (n > (k->len - p) / 20)
			return S_fail(k, "the cross-reference table runs "
			    "past the end of the file");
		for (i = 0; i < n; i++, p += 20) {
			size_t q = p;

			if (S_uint(s, &q, p + 10, SIZE_MAX, &off) != 0 ||
			    q != p + 10 || s[p + 10] != ' ' ||
			    (q = p + 11, S_uint(s, &q, p + 16, 65535,
			    &gen)) != 0 || q != p + 16 || s[p + 16] != ' ' ||
			    (s[p + 17] != 'n' && s[p + 17] != 'f') ||
			    !S_is_ws((unsigned char)s[p + 18]) ||
			    !S_is_ws((unsigned char)s[p + 19]))
				return S_fail(k, "a bad entry in the "
				    "cross-reference table at byte %zu", p);
			(*count)++;
			if (!fill)
				continue;
			if (first + i >= k->size)
				return S_fail(k, "object %zu is past the "
				    "trailer's /Size %zu", first + i, k->size);
			o = &k->obj[first + i];
			if (o->num != SIZE_MAX)
				return S_fail(k, "object %zu is in the "
				    "cross-reference table twice", first + i);
			o->num = first + i;
			o->gen = (unsigned)gen;
			o->used = s[p + 17] == 'n';
			o->off = off;
		}
	}
	*pp = p;
	return 0;
}

/* The trailer dictionary at p ("trailer"): /Size, /Root, /Info, /ID and
 * nothing else (an /Encrypt or /Prev would mean a file the packer does
 * not know). */
static int
S_trailer(struct pack *k, size_t p)
{
	const char *s = k->s;
	size_t k0, k1, v0, v1, q;
	int have_size = 0, have_root = 0, rc;

	p = S_ws(s, p + 7, k->len);
	if (p + 2 > k->len || memcmp(s + p, "<<", 2) != 0)
		return S_fail(k, "no trailer dictionary");
	p += 2;
	while ((rc = S_entry(s, &p, k->len, &k0, &k1, &v0, &v1)) != 1) {
		if (rc != 0)
			return S_fail(k, "a bad trailer dictionary");
#define KEY(name) S_key(s, k0, k1, name)
		if (KEY("Size")) {
			q = v0;
			if (S_uint(s, &q, v1, PACK_NUM_MAX + 1, &k->size) != 0
			    || q != v1)
				return S_fail(k, "a bad /Size in the trailer");
			have_size = 1;
		} else if (KEY("Root")) {
			if (S_ref(s, v0, v1, &k->root, &k->root_gen) != 0)
				return S_fail(k, "a bad /Root in the trailer");
			have_root = 1;
		} else if (KEY("Info")) {
			if (S_ref(s, v0, v1, &k->info, &k->info_gen) != 0 ||
			    k->info == 0)
				return S_fail(k, "a bad /Info in the trailer");
		} else if (KEY("ID")) {
			if (s[v0] != '[')
				return S_fail(k, "a bad /ID in the trailer");
			k->id0 = v0;
			k->id1 = v1;
		} else
			return S_fail(k, "the trailer has /%.*s",
			    (int)(k1 - k0 > 40 ? 40 : k1 - k0), s + k0);
#undef KEY
	}
	if (!have_size || !have_root)
		return S_fail(k, "the trailer lacks /Size or /Root");
	return 0;
}

/*
 * Is the stream of object o (its dictionary o->v0..o->v1, "stream" at p)
 * one to compress?  One without a /Filter, as libharu writes the streams
 * it is told not to compress (pdf.c): its /Length a reference, its data
 * that many bytes after the end of line that follows "stream", then an
 * optional end of line and "endstream".  The XMP metadata stays as it is
 * (PDF/A wants it readable), and so does an empty stream.  The length is
 * read in S_zip_check(), when every object is known.
 */
static void
S_zip_scan(struct pack *k, struct pack_obj *o, size_t p)
{
	const char *s = k->s;
	size_t q = o->v0 + 2, k0, k1, v0, v1, num;
	unsigned gen;
	int rc, len = 0;

	o->zkind = ZIP_OTHER;
	while ((rc = S_entry(s, &q, o->v1, &k0, &k1, &v0, &v1)) == 0) {
		if (S_key(s, k0, k1, "Filter") ||
		    S_key(s, k0, k1, "DecodeParms") ||
		    (S_key(s, k0, k1, "Type") && S_kw(s, v0, v1, "/Metadata")))
			return;
		if (S_key(s, k0, k1, "Length")) {
			if (S_ref(s, v0, v1, &num, &gen) != 0 || gen != 0 ||
			    num >= k->size || len)
				return;
			len = 1;
			o->lenobj = num;
		} else if (S_key(s, k0, k1, "Length1"))
			o->zkind = ZIP_FONT;
		else if (S_key(s, k0, k1, "Subtype") &&
		    S_kw(s, v0, v1, "/Image"))
			o->zkind = ZIP_IMAGE;
	}
	if (rc != 1 || !len)
		return;
	k->obj[o->lenobj].lenrefs++;
	o->d1 = q;
	p += 6;
	if (p < o->end && s[p] == '\r')
		p++;
	if (p >= o->end || s[p] != '\n')
		return;
	o->s0 = p + 1;
	o->zip = 1;
}

/* The streams S_zip_scan() chose whose /Length is an object of their
 * own, packed, holding a plain number that ends their data where
 * "endstream" follows: compressed, with the new length in that object.
 * Any other stays as it is. */
static void
S_zip_check(struct pack *k)
{
	const char *s = k->s;
	struct pack_obj *o, *l;
	size_t i, p, e;

	for (i = 0; i < k->nused; i++) {
		o = &k->obj[k->order[i]];
		if (!o->zip)
			continue;
		o->zip = 0;
		l = &k->obj[o->lenobj];
		p = l->v0;
		if (!l->used || l->kind != PACK_IN_STREAM || l->lenrefs != 1 ||
		    S_uint(s, &p, l->v1, SIZE_MAX, &o->slen) != 0 ||
		    p != l->v1 || o->slen == 0 || o->slen > o->end - o->s0)
			continue;
		p = o->s0 + o->slen;
		e = o->end - 6;		/* "endobj" */
		if (p < e && s[p] == '\r')
			p++;
		if (p < e && s[p] == '\n')
			p++;
		if (!S_kw(s, p, e, "endstream"))
			continue;
		o->zip = 1;
	}
}

/* The used objects are put in file order as (offset, number) pairs. */
struct pack_pair {
	size_t	off, num;
};

static int
S_pair_cmp(const void *a, const void *b)
{
	const struct pack_pair *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->num < y->num ? -1 : x->num > y->num;
}

/* Where each used object starts and ends, and whether it is packed. */
static int
S_objects(struct pack *k)
{
	const char *s = k->s;
	struct pack_pair *pr;
	struct pack_obj *o;
	size_t i, n, p, e, v, num, gen, lim;

	pr = xmalloc((k->size > 0 ? k->size : 1) * sizeof(*pr));
	for (i = n = 0; i < k->size; i++)
		if (k->obj[i].used) {
			pr[n].off = k->obj[i].off;
			pr[n++].num = i;
		}
	/* libharu writes them in the order of their numbers: sorted */
	for (i = 1; i < n && pr[i - 1].off < pr[i].off; i++)
		continue;
	if (i < n)
		qsort(pr, n, sizeof(*pr), S_pair_cmp);
	k->order = xmalloc((n > 0 ? n : 1) * sizeof(*k->order));
	k->nused = n;
	for (i = 0; i < n; i++)
		k->order[i] = pr[i].num;
	free(pr);
	if (n == 0)
		return S_fail(k, "no objects");
	/* sorted, so every object then lies between header and table */
	if (k->obj[k->order[n - 1]].off >= k->xoff)
		return S_fail(k, "object %zu is not before the "
		    "cross-reference table", k->order[n - 1]);
	if (k->obj[k->order[0]].off < 8 ||
	    memcmp(s, "%PDF-", 5) != 0)
		return S_fail(k, "no PDF header before the first object");
	for (i = 0; i < n; i++) {
		o = &k->obj[k->order[i]];
		lim = i + 1 < n ? k->obj[k->order[i + 1]].off : k->xoff;
		if (o->off >= lim)
			return S_fail(k, "object %zu does not end before the "
			    "next begins", o->num);
		p = o->off;
		if (S_uint(s, &p, lim, PACK_NUM_MAX, &num) != 0 ||
		    num != o->num ||
		    (p = S_ws(s, p, lim), S_uint(s, &p, lim, 65535,
		    &gen)) != 0 || gen != o->gen ||
		    (p = S_ws(s, p, lim), !S_kw(s, p, lim, "obj")))
			return S_fail(k, "object %zu at byte %zu does not "
			    "begin with '%zu %u obj'", o->num, o->off,
			    o->num, o->gen);
		p += 3;
		/* its end: "endobj" before the next object */
		for (e = lim; e > p && S_is_ws((unsigned char)s[e - 1]); e--)
			continue;
		if (e - p < 6 || memcmp(s + e - 6, "endobj", 6) != 0 ||
		    S_is_regular((unsigned char)s[e - 7]))
			return S_fail(k, "object %zu does not end in 'endobj'",
			    o->num);
		o->end = e;
		e -= 6;
		v = S_ws(s, p, e);
		p = v;
		if (S_value(s, &p, e) != 0)
			return S_fail(k, "object %zu holds no value it can "
			    "read", o->num);
		o->v0 = v;
		o->v1 = p;
		p = S_ws(s, p, e);
		if (s[v] == '<' && S_kw(s, p, e, "stream")) {
			o->kind = PACK_LOOSE;
			S_zip_scan(k, o, p);
		} else if (p != e)
			return S_fail(k, "object %zu holds more than one "
			    "value", o->num);
		else if (o->gen != 0 || o->num == k->root ||
		    o->num == k->info)
			o->kind = PACK_LOOSE;
		else
			o->kind = PACK_IN_STREAM;
	}
	if (k->root >= k->size || !k->obj[k->root].used ||
	    k->obj[k->root].gen != k->root_gen)
		return S_fail(k, "the trailer's /Root is no object");
	if (k->info != 0 && (k->info >= k->size || !k->obj[k->info].used ||
	    k->obj[k->info].gen != k->info_gen))
		return S_fail(k, "the trailer's /Info is no object");
	S_zip_check(k);
	return 0;
}

static int
S_read(struct pack *k)
{
	size_t p, count, i;

	if (k->len < 16)
		return S_fail(k, "too short for a PDF");
	if (S_startxref(k) != 0 || S_table(k, &p, 0, &count) != 0 ||
	    S_trailer(k, p) != 0)
		return -1;
	/* every number below /Size has its entry, once: /Size is bounded
	 * by the table's length, so by the file's */
	if (count != k->size)
		return S_fail(k, "the cross-reference table has %zu entries "
		    "for /Size %zu", count, k->size);
	k->obj = xcalloc(k->size > 0 ? k->size : 1, sizeof(*k->obj));
	for (i = 0; i < k->size; i++)
		k->obj[i].num = SIZE_MAX;
	if (S_table(k, &p, 1, &count) != 0)
		return -1;
	return S_objects(k);
}

/* *** Writing *** */

/* Appends in[0..n) Flate-compressed as a stream of kind to out. */
static int
S_deflate(struct pack *k, struct buf *out, enum zip_kind kind,
    const char *in, size_t n)
{
	if (zip_put(&k->z, kind, in, n, out) != 0)
		return S_fail(k, "could not compress a stream");
	return 0;
}

/* Appends v in decimal and a space: once per packed object, where
 * printf's parsing of its format showed. */
static void
S_dec(struct buf *b, size_t v)
{
	char d[24];
	size_t n = sizeof(d);

	d[--n] = ' ';
	do
		d[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	buf_put(b, d + n, sizeof(d) - n);
}

static void
S_be(struct buf *b, size_t v, int w)
{
	while (w-- > 0)
		buf_putc(b, (int)((v >> (8 * w)) & 0xff));
}

/* The values of more (pdf_pack.h), written once the file's /Size is
 * known: into x, value i ending at xend[i]. */
static int
S_more(struct pack *k, const struct pack_more *more, struct buf *x,
    size_t **xend)
{
	size_t i, nv;

	*xend = NULL;
	if (more == NULL)
		return 0;
	if (more->replace != 0 && (more->replace >= k->size ||
	    !k->obj[more->replace].used ||
	    k->obj[more->replace].kind != PACK_IN_STREAM))
		return S_fail(k, "object %zu, to be replaced, is not in an "
		    "object stream", more->replace);
	if (more->n > PACK_NUM_MAX - k->size)
		return S_fail(k, "too many objects to add");
	nv = more->n + (more->replace != 0);
	*xend = xcalloc(nv > 0 ? nv : 1, sizeof(**xend));
	buf_grow(x, 1);		/* x->data is never NULL */
	if (more->write(more->arg, k->size, x, *xend) != 0)
		return S_fail(k, "the objects to add could not be written");
	for (i = 0; i < nv; i++)
		if ((*xend)[i] < (i > 0 ? (*xend)[i - 1] : 0) ||
		    (*xend)[i] > x->len)
			return S_fail(k, "the objects to add are out of order");
	return 0;
}

/* Appends object num's value to the object stream being made: its
 * offset to the header, its text to raw. */
static void
S_stm_put(struct buf *hd, struct buf *raw, size_t num, const char *v,
    size_t n)
{
	S_dec(hd, num);
	S_dec(hd, raw->len);
	buf_put(raw, v, n);
	buf_putc(raw, '\n');
}

static int
S_write(struct pack *k, const struct pack_more *more, struct buf *out,
    size_t start)
{
	const char *s = k->s;
	struct buf raw = { 0 }, hd = { 0 }, z = { 0 }, x = { 0 };
	struct pack_obj *o;
	size_t i, j, n, first, nstm, xnum, xpos, maxv, *stmoff = NULL;
	size_t npacked = 0, nnew = more != NULL ? more->n : 0;
	size_t rep = more != NULL ? more->replace : 0, *xend = NULL, xi, x0;
	char num[24];
	int w2, rc = -1;

	if (S_more(k, more, &x, &xend) != 0)
		goto out;
	/* the header as libharu wrote it (the binary comment too), then
	 * the loose objects as they were */
	buf_put(out, s, k->obj[k->order[0]].off);
	for (i = 0; i < k->nused; i++) {
		o = &k->obj[k->order[i]];
		if (o->kind != PACK_LOOSE) {
			npacked++;
			continue;
		}
		o->where = out->len - start;
		if (!o->zip) {
			buf_put(out, s + o->off, o->end - o->off);
			buf_putc(out, '\n');
			continue;
		}
		/* its dictionary up to the ">>", the filter, the data
		 * compressed; the length goes into its object */
		buf_put(out, s + o->off, o->d1 - o->off);
		buf_puts(out, "/Filter /FlateDecode\n>>\nstream\n");
		x0 = out->len;
		if (S_deflate(k, out, o->zkind, s + o->s0, o->slen) != 0)
			goto out;
		k->obj[o->lenobj].newlen = out->len - x0;
		k->obj[o->lenobj].lenset = 1;
		buf_puts(out, "\nendstream\nendobj\n");
	}
	/* the object streams, numbered after the last object and the
	 * added ones: the file's objects in the order of the file, then
	 * the added ones (new object i is packed value npacked + i) */
	nstm = (npacked + nnew + PACK_OBJSTM_MAX - 1) / PACK_OBJSTM_MAX;
	stmoff = xmalloc((nstm > 0 ? nstm : 1) * sizeof(*stmoff));
	xi = 0;
	for (i = j = 0; j < nstm; j++) {
		buf_reset(&hd);
		buf_reset(&raw);
		for (n = 0; n < PACK_OBJSTM_MAX && i < k->nused; i++) {
			o = &k->obj[k->order[i]];
			if (o->kind != PACK_IN_STREAM)
				continue;
			o->where = k->size + nnew + j;
			o->idx = n++;
			if (o->num == rep)
				S_stm_put(&hd, &raw, o->num, x.data, xend[0]);
			else if (o->lenset) {
				snprintf(num, sizeof(num), "%zu", o->newlen);
				S_stm_put(&hd, &raw, o->num, num, strlen(num));
			} else
				S_stm_put(&hd, &raw, o->num, s + o->v0,
				    o->v1 - o->v0);
		}
		for (; n < PACK_OBJSTM_MAX && xi < nnew; xi++, n++) {
			x0 = xi + (rep != 0) > 0 ? xend[xi + (rep != 0) - 1] : 0;
			S_stm_put(&hd, &raw, k->size + xi, x.data + x0,
			    xend[xi + (rep != 0)] - x0);
		}
		/* the offsets, then the objects: one stream */
		first = hd.len;
		buf_put(&hd, raw.data, raw.len);
		buf_reset(&z);
		if (S_deflate(k, &z, ZIP_OBJSTM, hd.data, hd.len) != 0)
			goto out;
		stmoff[j] = out->len - start;
		buf_printf(out, "%zu 0 obj\n<< /Type /ObjStm /N %zu /First %zu "
		    "/Filter /FlateDecode /Length %zu >>\nstream\n",
		    k->size + nnew + j, n, first, z.len);
		buf_put(out, z.data, z.len);
		buf_puts(out, "\nendstream\nendobj\n");
	}
	/* the cross-reference stream: type, offset (or object stream) and
	 * generation (or index), the middle field as wide as the largest
	 * value needs; it is the last object and lists itself */
	xnum = k->size + nnew + nstm;
	xpos = out->len - start;
	maxv = xpos > xnum ? xpos : xnum;
	for (w2 = 1; w2 < 8 && (maxv >> (8 * w2)) != 0; w2++)
		continue;
	buf_reset(&raw);
	for (j = 0; j <= xnum; j++) {
		o = j < k->size ? &k->obj[j] : NULL;
		if (o == NULL && j < k->size + nnew) {
			/* an added object */
			buf_putc(&raw, 2);
			S_be(&raw, k->size + nnew + (npacked + j - k->size) /
			    PACK_OBJSTM_MAX, w2);
			S_be(&raw, (npacked + j - k->size) % PACK_OBJSTM_MAX, 2);
		} else if (o == NULL) {
			buf_putc(&raw, 1);
			S_be(&raw, j == xnum ? xpos : stmoff[j - k->size -
			    nnew], w2);
			S_be(&raw, 0, 2);
		} else if (!o->used) {
			buf_putc(&raw, 0);
			S_be(&raw, 0, w2);
			S_be(&raw, o->gen, 2);
		} else {
			buf_putc(&raw, o->kind == PACK_LOOSE ? 1 : 2);
			S_be(&raw, o->where, w2);
			S_be(&raw, o->kind == PACK_LOOSE ? o->gen : o->idx, 2);
		}
	}
	buf_reset(&z);
	if (S_deflate(k, &z, ZIP_XREF, raw.data, raw.len) != 0)
		goto out;
	buf_printf(out, "%zu 0 obj\n<< /Type /XRef /Size %zu /W [ 1 %d 2 ] "
	    "/Root %zu %u R", xnum, xnum + 1, w2, k->root, k->root_gen);
	if (k->info != 0)
		buf_printf(out, " /Info %zu %u R", k->info, k->info_gen);
	if (k->id1 > k->id0) {
		buf_puts(out, " /ID ");
		buf_put(out, s + k->id0, k->id1 - k->id0);
	}
	buf_printf(out, " /Filter /FlateDecode /Length %zu >>\nstream\n",
	    z.len);
	buf_put(out, z.data, z.len);
	buf_printf(out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
	    xpos);
	rc = 0;
out:
	free(stmoff);
	free(xend);
	buf_free(&raw);
	buf_free(&hd);
	buf_free(&z);
	buf_free(&x);
	return rc;
}

int
pack_pdf(const char *in, size_t len, struct buf *out, const char *src,
    struct diag_list *dl)
{
	return pack_pdf_more(in, len, NULL, out, src, dl);
}

int
pack_pdf_more(const char *in, size_t len, const struct pack_more *more,
    struct buf *out, const char *src, struct diag_list *dl)
{
	struct pack k;
	size_t start = out->len;
	int rc;

	memset(&k, 0, sizeof(k));
	k.s = in;
	k.len = len;
	rc = S_read(&k);
	if (rc == 0)
		rc = S_write(&k, more, out, start);
	if (rc != 0) {
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
		diag_add(dl, DIAG_PDF, src, 0, 0, "the object streams", k.why);
	}
	zip_free(&k.z);
	free(k.obj);
	free(k.order);
	return rc;
}
