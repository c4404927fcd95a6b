/*
 * test_pack — pdf_pack.h: hand-made PDFs in libharu's shape are packed
 * and read back by a reader of this file's own (the cross-reference
 * stream inflated, every object found where it says: a loose one at its
 * offset, a packed one in its object stream with the same value as
 * before); a stream without a filter is compressed, inflates with zlib to
 * what it was and its /Length object gives its new length; a stream with
 * a filter, the XMP metadata and one with a direct /Length, the
 * catalogue and the information dictionary stay loose and byte for byte;
 * pdf_zip.h: each kind of stream, compressed twice (the second time from
 * the cache, for the kinds it keeps), inflates with zlib to its input, and
 * an input that differs in one byte from one kept is not taken for it;
 * many objects are spread over several object
 * streams; the output is the same every time; a damaged file gives a
 * diagnostic and no output.  Every file in tests/fuzz/corpus/pack and
 * tests/fuzz/crashes/pack (run from the top of the tree, as tests/run.sh
 * does) is packed too: no crash, and a packed result reads back.  One
 * PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "diag.h"
#include "pdf/pdf_pack.h"
#include "pdf/pdf_zip.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "check.h"

/* *** Making a PDF as libharu writes it *** */

struct mk {
	struct buf	 b;
	size_t		 off[1100];
	size_t		 n;		/* objects 1..n */
};

static void
S_obj(struct mk *m, const char *body)
{
	m->n++;
	m->off[m->n] = m->b.len;
	buf_printf(&m->b, "%zu 0 obj\n%s\nendobj\n", m->n, body);
}

static void
S_finish(struct mk *m, const char *trailer_extra)
{
	size_t i, x = m->b.len;

	buf_printf(&m->b, "xref\n0 %zu\n0000000000 65535 f\r\n", m->n + 1);
	for (i = 1; i <= m->n; i++)
		buf_printf(&m->b, "%010zu 00000 n\r\n", m->off[i]);
	buf_printf(&m->b, "trailer\n<<\n/ID [ <00112233445566778899AABBCCDDEEFF>"
	    " <00112233445566778899AABBCCDDEEFF> ]\n/Root 1 0 R\n/Info 6 0 R\n"
	    "%s/Size %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", trailer_extra,
	    m->n + 1, x);
}

static const char S_content[] = "BT /F1 12 Tf 72 720 Td (endobj) Tj ET";

/* Catalogue, pages, page, a content stream with its length as object 5
 * (dict4: the keys of its dictionary besides /Length, may be ""), the
 * information (6), and extra small objects up to n in all. */
static void
S_make4(struct mk *m, size_t n, const char *trailer_extra, const char *dict4)
{
	char tmp[256];

	memset(m, 0, sizeof(*m));
	buf_puts(&m->b, "%PDF-1.7\n%\xb7\xbe\xad\xaa\n");
	S_obj(m, "<<\n/Type /Catalog\n/Pages 2 0 R\n/Lang (nl)\n>>");
	S_obj(m, "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>");
	S_obj(m, "<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n"
	    "/Tabs /S\n/MediaBox [ 0 0 595 842 ]\n>>");
	if (strstr(dict4, "/Length ") != NULL)
		snprintf(tmp, sizeof(tmp), "<<\n%s>>\nstream\r\n%s\r\n"
		    "endstream", dict4, S_content);
	else
		snprintf(tmp, sizeof(tmp), "<<\n/Length 5 0 R\n%s>>\nstream"
		    "\r\n%s\r\nendstream", dict4, S_content);
	S_obj(m, tmp);
	snprintf(tmp, sizeof(tmp), "%zu", strlen(S_content) + 2);
	S_obj(m, tmp);
	S_obj(m, "<<\n/Title (Een \\(titel\\) met endobj en stream)\n"
	    "/SalesgenFingerprint (abc)\n>>");
	/* structure elements whose text reads like PDF syntax */
	while (m->n < n) {
		snprintf(tmp, sizeof(tmp), "<<\n/Type /StructElem\n/S /P\n"
		    "/Alt (x endobj %zu 0 obj \\) stream)\n/K [ 0 <<\n/Type "
		    "/MCR\n>> ]\n/P 1 0 R\n>>", m->n + 1);
		S_obj(m, tmp);
	}
	S_finish(m, trailer_extra);
}

static void
S_make(struct mk *m, size_t n, const char *trailer_extra)
{
	S_make4(m, n, trailer_extra, "");
}

/* *** Reading the packed PDF back *** */

struct rd {
	const char	*s;
	size_t		 len;
	int		 type[1200];
	size_t		 f2[1200], f3[1200];
	size_t		 size;
	char		 why[256];
};

static int
S_rfail(struct rd *r, const char *why, size_t n)
{
	snprintf(r->why, sizeof(r->why), "%s (%zu)", why, n);
	return -1;
}

static const char *
S_find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* The stream of the object at off, inflated into out. */
static int
S_stream(struct rd *r, size_t off, struct buf *out, const char **dict)
{
	const char *p = r->s + off, *l, *d;
	unsigned long n, zn;
	uLongf dn;

	d = S_find(p, r->len - off, "stream\n");
	l = S_find(p, r->len - off, "/Length ");
	if (d == NULL || l == NULL || l > d)
		return S_rfail(r, "no stream at", off);
	*dict = p;
	zn = strtoul(l + 8, NULL, 10);
	d += 7;
	if ((size_t)(d - r->s) + zn > r->len)
		return S_rfail(r, "stream past the end at", off);
	for (n = 65536; ; n *= 2) {
		buf_reset(out);
		buf_grow(out, n + 1);
		dn = n;
		if (uncompress((Bytef *)out->data, &dn, (const Bytef *)d,
		    zn) == Z_OK)
			break;
		if (n > (1ul << 26))
			return S_rfail(r, "no Flate stream at", off);
	}
	out->len = dn;
	out->data[dn] = '\0';
	return 0;
}

/* Reads the cross-reference stream into r. */
static int
S_xref(struct rd *r)
{
	struct buf x = { 0 };
	const char *p, *dict, *w;
	size_t off, i, e, v;
	int w1, w2, w3, k;

	p = S_find(r->s + r->len - 40, 40, "startxref\n");
	if (p == NULL)
		return S_rfail(r, "no startxref", 0);
	off = strtoul(p + 10, NULL, 10);
	if (off >= r->len || S_stream(r, off, &x, &dict) != 0) {
		buf_free(&x);
		return S_rfail(r, "no xref stream at", off);
	}
	if (S_find(dict, 200, "/Type /XRef") == NULL ||
	    (w = S_find(dict, 200, "/W [ ")) == NULL ||
	    sscanf(w + 5, "%d %d %d", &w1, &w2, &w3) != 3 ||
	    (p = S_find(dict, 200, "/Size ")) == NULL) {
		buf_free(&x);
		return S_rfail(r, "a bad xref stream dictionary at", off);
	}
	r->size = strtoul(p + 6, NULL, 10);
	if (r->size > 1200 || x.len != r->size * (size_t)(w1 + w2 + w3)) {
		buf_free(&x);
		return S_rfail(r, "xref stream of the wrong length", x.len);
	}
	for (i = e = 0; i < r->size; i++) {
		int wv[3] = { w1, w2, w3 };
		size_t f[3];

		for (k = 0; k < 3; k++) {
			for (v = 0; wv[k] > 0; wv[k]--)
				v = v << 8 | (unsigned char)x.data[e++];
			f[k] = v;
		}
		r->type[i] = (int)f[0];
		r->f2[i] = f[1];
		r->f3[i] = f[2];
	}
	buf_free(&x);
	return 0;
}

/* The value of object num as the packed file gives it, into val (loose:
 * the whole "N 0 obj ... endobj"). */
static int
S_get(struct rd *r, size_t num, struct buf *val)
{
	struct buf os = { 0 };
	const char *dict, *p;
	char head[32];
	size_t first, n, i, onum, ooff, next;
	int used;

	buf_reset(val);
	if (num >= r->size)
		return S_rfail(r, "object past /Size", num);
	if (r->type[num] == 1) {
		snprintf(head, sizeof(head), "%zu 0 obj\n", num);
		if (r->f2[num] + strlen(head) > r->len ||
		    memcmp(r->s + r->f2[num], head, strlen(head)) != 0)
			return S_rfail(r, "loose object not at its offset", num);
		p = S_find(r->s + r->f2[num], r->len - r->f2[num],
		    "\nendobj\n");
		if (p == NULL)
			return S_rfail(r, "loose object without endobj", num);
		buf_put(val, r->s + r->f2[num], (size_t)(p + 8 -
		    (r->s + r->f2[num])));
		return 0;
	}
	if (r->type[num] != 2 || r->f2[num] >= r->size ||
	    r->type[r->f2[num]] != 1)
		return S_rfail(r, "object neither loose nor packed", num);
	if (S_stream(r, r->f2[r->f2[num]], &os, &dict) != 0) {
		buf_free(&os);
		return -1;
	}
	if (S_find(dict, 120, "/Type /ObjStm") == NULL ||
	    (p = S_find(dict, 120, "/First ")) == NULL) {
		buf_free(&os);
		return S_rfail(r, "not an object stream", r->f2[num]);
	}
	first = strtoul(p + 7, NULL, 10);
	p = S_find(dict, 120, "/N ");
	n = p != NULL ? strtoul(p + 3, NULL, 10) : 0;
	used = n <= PACK_OBJSTM_MAX && r->f3[num] < n;
	p = os.data;
	for (i = 0; used && i <= r->f3[num]; i++) {
		char *q;

		onum = strtoul(p, &q, 10);
		ooff = strtoul(q, &q, 10);
		p = q;
		if (i == r->f3[num]) {
			next = i + 1 < n ? strtoul(p, &q, 10) : 0;
			next = i + 1 < n ? strtoul(q, NULL, 10) :
			    os.len - first;
			if (onum != num || first + next > os.len ||
			    ooff > next)
				used = 0;
			else
				buf_put(val, os.data + first + ooff,
				    next - ooff);
		}
	}
	buf_free(&os);
	if (!used)
		return S_rfail(r, "not in its object stream", num);
	/* the value as it stood, without the separator */
	while (val->len > 0 && val->data[val->len - 1] == '\n')
		val->data[--val->len] = '\0';
	return 0;
}

/* *** The tests *** */

/* Object 4 as the packer compressed it: its dictionary says so, its data
 * inflates with zlib to what S_make4() wrote, and object 5 (packed)
 * gives the length of its data. */
static int
S_zipped(struct rd *r, char *why, size_t nwhy)
{
	static const char head[] = "/Filter /FlateDecode\n>>\nstream\n";
	static const char tail[] = "\nendstream\nendobj\n";
	struct buf v = { 0 }, l = { 0 }, raw = { 0 };
	const char *d;
	char want[128], *e;
	size_t n, len;
	uLongf dn;
	int ok = 0;

	if (S_get(r, 4, &v) != 0 || S_get(r, 5, &l) != 0) {
		snprintf(why, nwhy, "%s", r->why);
		goto done;
	}
	d = S_find(v.data, v.len, head);
	if (d == NULL || v.len < sizeof(tail) - 1 || memcmp(v.data + v.len -
	    (sizeof(tail) - 1), tail, sizeof(tail) - 1) != 0) {
		snprintf(why, nwhy, "object 4 is no compressed stream: '%.80s'",
		    v.data);
		goto done;
	}
	d += sizeof(head) - 1;
	n = (size_t)(v.data + v.len - (sizeof(tail) - 1) - d);
	len = strtoul(l.data, &e, 10);
	if (*e != '\0' || len != n) {
		snprintf(why, nwhy, "object 5 is '%s' for %zu bytes", l.data, n);
		goto done;
	}
	snprintf(want, sizeof(want), "%s\r\n", S_content);
	buf_grow(&raw, 4096);
	dn = 4096;
	if (uncompress((Bytef *)raw.data, &dn, (const Bytef *)d, n) != Z_OK ||
	    dn != strlen(want) || memcmp(raw.data, want, dn) != 0) {
		snprintf(why, nwhy, "object 4 does not inflate to its content");
		goto done;
	}
	ok = 1;
done:
	buf_free(&v);
	buf_free(&l);
	buf_free(&raw);
	return ok ? 0 : -1;
}

/* Packs the PDF of S_make4(nobj, dict4) and reads it back; zipped: its
 * stream (object 4) is to be compressed, else to stay as it was. */
static void
S_round_trip(const char *name, size_t nobj, const char *dict4, int zipped)
{
	struct mk m;
	struct buf out = { 0 }, again = { 0 }, v = { 0 };
	struct diag_list *dl = diag_list_new();
	struct rd r;
	char why[512], want[300];
	size_t i, nstm = 0, packed = 0;
	int ok = 1;
	const char *p;

	S_make4(&m, nobj, "", dict4);
	why[0] = '\0';
	if (pack_pdf(m.b.data, m.b.len, &out, "t.pdf", dl) != 0) {
		check_verdict("pack", name, 0, "pack_pdf failed");
		check_diags(dl);
		goto done;
	}
	pack_pdf(m.b.data, m.b.len, &again, "t.pdf", dl);
	if (again.len != out.len || memcmp(again.data, out.data, out.len))
		ok = 0, snprintf(why, sizeof(why), "not the same bytes twice");
	memset(&r, 0, sizeof(r));
	r.s = out.data;
	r.len = out.len;
	if (ok && S_xref(&r) != 0)
		ok = 0, snprintf(why, sizeof(why), "%s", r.why);
	/* objects 1..n, then the object streams, then the xref stream */
	for (i = m.n + 1; ok && i < r.size; i++)
		if (r.type[i] != 1)
			ok = 0, snprintf(why, sizeof(why), "new object %zu "
			    "not loose", i);
	if (ok && (r.type[0] != 0 || r.f3[0] != 65535))
		ok = 0, snprintf(why, sizeof(why), "object 0 not free");
	for (i = 1; ok && i <= m.n; i++) {
		if (S_get(&r, i, &v) != 0) {
			ok = 0, snprintf(why, sizeof(why), "%s", r.why);
			break;
		}
		if (r.type[i] == 2) {
			packed++;
			if (r.f2[i] + 1 > m.n + 1 + nstm)
				nstm = r.f2[i] + 1 - (m.n + 1);
			if (i == 5 && zipped)
				continue;	/* S_zipped() */
			/* the same value as in the input */
			snprintf(want, sizeof(want), "%zu 0 obj\n", i);
			p = m.b.data + m.off[i] + strlen(want);
			if (strncmp(p, v.data, v.len) != 0 ||
			    strncmp(p + v.len, "\nendobj", 7) != 0)
				ok = 0, snprintf(why, sizeof(why), "object %zu "
				    "packed as '%.60s'", i, v.data);
		} else if (i != 1 && i != 4 && i != 6)
			ok = 0, snprintf(why, sizeof(why), "object %zu "
			    "loose", i);
		else if (i == 4 && zipped)
			continue;	/* S_zipped() */
		else if (strncmp(m.b.data + m.off[i], v.data, v.len) != 0)
			ok = 0, snprintf(why, sizeof(why), "object %zu "
			    "changed", i);
	}
	if (ok && (packed != m.n - 3 || r.size != m.n + 1 + nstm + 1 ||
	    nstm != (packed + PACK_OBJSTM_MAX - 1) / PACK_OBJSTM_MAX))
		ok = 0, snprintf(why, sizeof(why), "%zu packed in %zu streams, "
		    "/Size %zu", packed, nstm, r.size);
	if (ok && (memcmp(out.data, m.b.data, m.off[1]) != 0 ||
	    S_find(out.data, out.len, "/Root 1 0 R /Info 6 0 R /ID [ <0011")
	    == NULL))
		ok = 0, snprintf(why, sizeof(why), "header or trailer keys "
		    "lost");
	if (ok && zipped && S_zipped(&r, why, sizeof(why)) != 0)
		ok = 0;
	if (ok && dl->n != 0)
		ok = 0, snprintf(why, sizeof(why), "diagnostics");
	check_verdict("pack", name, ok, why);
	if (!ok)
		check_diags(dl);
done:
	buf_free(&m.b);
	buf_free(&out);
	buf_free(&again);
	buf_free(&v);
	diag_list_free(dl);
}

/* Does z (compressed at out[from..]) inflate to in[0..n)? */
static int
S_inflates(const struct buf *z, size_t from, const char *in, size_t n)
{
	struct buf raw = { 0 };
	uLongf dn = n + 1;
	int ok;

	buf_grow(&raw, n + 1);
	ok = uncompress((Bytef *)raw.data, &dn, (const Bytef *)z->data + from,
	    z->len - from) == Z_OK && dn == n && memcmp(raw.data, in, n) == 0;
	buf_free(&raw);
	return ok;
}

/* Every kind of stream, small and larger than the cache keeps, twice;
 * then the same input with one byte changed. */
static void
S_zip_kinds(void)
{
	static const size_t sizes[] = { 1, 5591, 300000 };
	struct zip z = { 0 };
	struct buf in = { 0 }, a = { 0 }, b = { 0 };
	char why[200];
	size_t i, s, k;
	int ok = 1;

	for (i = 0; i < 300000; i++)	/* text-like, compressible */
		buf_putc(&in, "stream endobj 0123456789 "[(i * i + i / 7) % 25]);
	why[0] = '\0';
	for (k = 0; k < ZIP__MAX && ok; k++)
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]) && ok; s++) {
			buf_reset(&a);
			buf_reset(&b);
			buf_puts(&b, "x");	/* appended to what is there */
			if (zip_put(&z, (enum zip_kind)k, in.data, sizes[s],
			    &a) != 0 || zip_put(&z, (enum zip_kind)k, in.data,
			    sizes[s], &b) != 0 || b.data[0] != 'x' ||
			    a.len + 1 != b.len ||
			    memcmp(a.data, b.data + 1, a.len) != 0 ||
			    !S_inflates(&a, 0, in.data, sizes[s]))
				ok = 0, snprintf(why, sizeof(why), "kind %zu, "
				    "%zu bytes", k, sizes[s]);
			in.data[sizes[s] / 2] ^= 1;
			buf_reset(&b);
			if (ok && (zip_put(&z, (enum zip_kind)k, in.data,
			    sizes[s], &b) != 0 ||
			    !S_inflates(&b, 0, in.data, sizes[s])))
				ok = 0, snprintf(why, sizeof(why), "kind %zu, "
				    "%zu bytes, one byte changed", k, sizes[s]);
			in.data[sizes[s] / 2] ^= 1;
		}
	check_verdict("pack", "zip-every-kind-inflates", ok, why);
	zip_free(&z);
	buf_free(&in);
	buf_free(&a);
	buf_free(&b);
}

/* A damaged file: -1, the diagnostic, out as it was. */
static void
S_damaged(const char *name, const char *from, const char *to,
    const char *extra, const char *msg)
{
	struct mk m;
	struct buf in = { 0 }, out = { 0 };
	struct diag_list *dl = diag_list_new();
	const char *p;
	char why[512], want[300];
	int rc, ok;

	S_make(&m, 12, extra);
	p = from != NULL ? S_find(m.b.data, m.b.len, from) : NULL;
	if (from != NULL && p == NULL) {
		check_verdict("pack", name, 0, "test input lacks the text");
		goto done;
	}
	if (p != NULL) {
		buf_put(&in, m.b.data, (size_t)(p - m.b.data));
		buf_puts(&in, to);
		buf_puts(&in, p + strlen(from));
	} else	/* cut short */
		buf_put(&in, m.b.data, m.b.len - 30);
	buf_puts(&out, "kept");
	rc = pack_pdf(in.data, in.len, &out, "t.pdf", dl);
	snprintf(want, sizeof(want), "cannot put the object streams into the "
	    "PDF: %s", msg);
	ok = rc == -1 && strcmp(buf_cstr(&out), "kept") == 0 &&
	    dl->n == 1 && dl->v[0].code == DIAG_PDF &&
	    dl->v[0].level == DIAG_ERROR && strcmp(dl->v[0].msg, want) == 0 &&
	    dl->v[0].file != NULL && strcmp(dl->v[0].file, "t.pdf") == 0;
	snprintf(why, sizeof(why), "rc %d, want '%s'", rc, want);
	check_verdict("pack", name, ok, why);
	if (!ok)
		check_diags(dl);
done:
	buf_free(&m.b);
	buf_free(&in);
	buf_free(&out);
	diag_list_free(dl);
}

/* Every file of a fuzz folder: packed without a crash, and what was
 * packed reads back. */
static void
S_replay(const char *dir)
{
	DIR *d;
	struct dirent *e;
	char path[1024], why[600];
	struct buf in = { 0 }, out = { 0 }, v = { 0 };
	struct diag_list *dl;
	struct rd r;
	FILE *f;
	size_t n, i;
	char *exact;
	int ok, rc;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		buf_reset(&in);
		buf_reset(&out);
		for (;;) {
			buf_grow(&in, 65536);
			n = fread(in.data + in.len, 1, 65536, f);
			if (n == 0)
				break;
			in.len += n;
		}
		fclose(f);
		dl = diag_list_new();
		ok = 1;
		why[0] = '\0';
		/* a copy that ends where the file does, so that a read
		 * past its end is an ASan error, as in fuzz_pack */
		exact = malloc(in.len > 0 ? in.len : 1);
		if (exact == NULL)
			abort();
		memcpy(exact, in.data, in.len);
		rc = pack_pdf(exact, in.len, &out, path, dl);
		free(exact);
		if (rc == 0) {
			memset(&r, 0, sizeof(r));
			r.s = out.data;
			r.len = out.len;
			/* the small files this reader handles */
			if (S_xref(&r) != 0)
				ok = 0, snprintf(why, sizeof(why), "%s", r.why);
			for (i = 1; ok && i < r.size; i++)
				if (r.type[i] != 0 && S_get(&r, i, &v) != 0)
					ok = 0, snprintf(why, sizeof(why), "%s",
					    r.why);
		} else if (dl->n != 1 || dl->v[0].code != DIAG_PDF)
			ok = 0, snprintf(why, sizeof(why), "failed without "
			    "its one diagnostic");
		check_verdict("pack", path, ok, why);
		diag_list_free(dl);
	}
	closedir(d);
	buf_free(&in);
	buf_free(&out);
	buf_free(&v);
}

int
main(void)
{
	char direct[64];

	S_round_trip("round-trip", 12, "", 1);
	S_round_trip("many-objects-several-streams", 1050, "", 1);
	S_round_trip("font-stream-compressed", 12, "/Length1 39\n", 1);
	S_round_trip("filtered-stream-kept", 12, "/Filter /FlateDecode\n", 0);
	S_round_trip("metadata-kept", 12, "/Type /Metadata\n/Subtype /XML\n",
	    0);
	snprintf(direct, sizeof(direct), "/Length %zu\n",
	    strlen(S_content) + 2);
	S_round_trip("direct-length-kept", 12, direct, 0);
	S_zip_kinds();
	S_damaged("truncated", NULL, NULL, "",
	    "no 'startxref' at its end");
	S_damaged("xref-offset-wrong", "startxref\n", "startxref\n1", "",
	    "'startxref' gives no offset in the file");
	S_damaged("object-number-wrong", "3 0 obj", "9 0 obj", "",
	    "object 3 at byte 134 does not begin with '3 0 obj'");
	S_damaged("endobj-missing", ">>\nendobj\n4 0 obj", ">>\nendobx\n4 0 obj",
	    "", "object 3 does not end in 'endobj'");
	S_damaged("string-unclosed", "\\) stream)", "\\) stream\\", "",
	    "object 7 holds no value it can read");
	S_damaged("two-values", "/Count 1\n>>", "/Count 1>>1", "",
	    "object 2 holds more than one value");
	S_damaged("dictionary-unclosed", "/Count 1\n>>", "/Count 1\n> ",
	    "", "object 2 holds no value it can read");
	S_damaged("encrypt-key", "/Root 1 0 R\n", "/Root 1 0 R\n/Encrypt 7 0 R\n",
	    "", "the trailer has /Encrypt");
	S_damaged("entries-short", "/Size 13", "/Size 14", "",
	    "the cross-reference table has 13 entries for /Size 14");
	S_damaged("root-missing", "/Root 1 0 R", "/Root 99 0 R", "",
	    "the trailer's /Root is no object");
	S_replay("tests/fuzz/corpus/pack");
	S_replay("tests/fuzz/crashes/pack");
	return check_failed ? 1 : 0;
}
