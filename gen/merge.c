/* merge — a document per CSV row, on threads (see merge.h). */
#include "merge.h"
#include "arena.h"
#include "buf.h"
#include "csv_load.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "file_tmp.h"
#include "fingerprint.h"
#include "html.h"
#include "mem.h"
#include "pdf/pdf.h"
#include "pdf/pdf_fcache.h"
#include "pool.h"
#include "progress.h"
#include "strmap.h"
#include "theme.h"
#include "utf8.h"
#include "val.h"
#include "xml.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row as a job of the pool (pool.h): the map and its place in the file
 * in, what became of it out. */
struct rowjob {
	struct mjob		*m;
	struct val		*row;	/* the work frees it */
	size_t			 index;
	struct buf		 name;
	char			 fp[FP_SHORT + 1];
	int			 line, bad;
	struct diag_list	*told;	/* to report, or NULL */
};

/* What a row left to report, kept only for rows that have something;
 * other is the first row of a name clash (SIZE_MAX: none), whose shard
 * tells it too. */
struct report {
	size_t			 index;
	size_t			 other;
	struct diag_list	*dl;
};

/* A row's line of the manifest, kept until the end to be written in file
 * order: some 40 bytes and the file name a row. */
struct mrow {
	size_t		 index;
	int		 line;
	char		 status;	/* MAN_WRITTEN, ... */
	char		 fp[FP_SHORT + 1];	/* "" unless written */
	char		*file;		/* NULL for a row of the wrong width */
};

#define MAN_WRITTEN	'w'
#define MAN_ERROR	'e'	/* told at this row's line */
#define MAN_SKIPPED	's'	/* told at another row's (a name clash) */

/*
 * Rows stream from the CSV reader (the calling thread) to the pool's
 * workers, which hold at most its window of rows at a time however long
 * the file: memory stays flat in the number of rows.  What became of a
 * row is recorded on the calling thread, in file order (the pool's done
 * callbacks), so nothing here is shared between threads but the
 * read-only template and options.  Only the rows with diagnostics are
 * remembered, to be told in file order at the end.
 */
struct mjob {
	struct progress		*pg;	/* the terminal's line, or NULL */
	const struct datadoc	*base;
	const char		*rows_path;
	const char		*outdir;
	struct theme		*th;
	const struct merge_opts	*o;
	const struct data_schema *schema;
	struct diag_list	*dl;	/* the caller's */
	struct pool		*pool;
	struct pdf_env		**env;	/* per worker, made on first use */
	struct fcache		*fonts;	/* the workers' shared font work */
	const unsigned char	*keep;	/* the rows' characters (names) */
	size_t			 nrows, done, failed;
	struct report		*rep;
	size_t			 nrep, caprep;
	const unsigned char	*clash;	/* rows not to write (struct names) */
	size_t			 nclash;
	const unsigned char	*told;	/* of those, the ones told at their
					   own line */
	size_t			 ntold;
	const char		*tmpl;	/* the kind's template, for the */
	size_t			 tlen;	/* fingerprint; NULL if none */
	struct mrow		*man;
	size_t			 nman, capman;
};

/* The most bytes of subsets and font programs a mailing keeps: some 20 to
 * 60 KB each; a few subsets per face, and font programs as varied as the
 * glyphs the rows draw in the faces that show a single field (those kept
 * first: the body face's come early).  Memory stays flat however many
 * rows. */
#define MERGE_FONT_CACHE	(2u << 20)

/* Whether row k (0-based, every data row counted) is this run's. */
static int
S_own(const struct merge_opts *o, size_t k)
{
	return o->nshards == 0 || k % o->nshards == o->shard;
}

/* Whether a column is left unused: '_' first, or named by --ignore. */
static int
S_ignored(const struct merge_opts *o, const char *name)
{
	size_t i;

	if (name[0] == '_')
		return 1;
	for (i = 0; i < o->nignore; i++)
		if (strcmp(o->ignore[i], name) == 0)
			return 1;
	return 0;
}

static void
S_report(struct report **rep, size_t *nrep, size_t *cap, size_t index,
    size_t other, struct diag_list *dl)
{
	if (*nrep == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rep = xrealloc(*rep, *cap * sizeof(**rep));
	}
	(*rep)[*nrep].index = index;
	(*rep)[*nrep].other = other;
	(*rep)[(*nrep)++].dl = dl;
}

/* Adds a manifest line (on the calling thread, as every record is). */
static void
S_manifest_add(struct mjob *m, size_t index, int line, char status,
    const char *fp, const char *file)
{
	struct mrow *r;

	if (m->nman == m->capman) {
		m->capman = m->capman ? m->capman * 2 : 64;
		m->man = xrealloc(m->man, m->capman * sizeof(*m->man));
	}
	r = &m->man[m->nman++];
	r->index = index;
	r->line = line;
	r->status = status;
	snprintf(r->fp, sizeof(r->fp), "%s", fp != NULL ? fp : "");
	r->file = file != NULL ? xstrdup(file) : NULL;
}

/* A file name from a field value: letters, digits, '-', '_' and '.'. */
static void
S_name(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, isalnum((unsigned char)*s) || *s == '-' ||
		    *s == '_' || *s == '.' ? *s : '-');
}

/* The file a row's document is written to, without the folder: named
 * after its nummer (the row's, else the template's), else after the
 * template and the row's number.  The one place that decides it, for the
 * clash check and for the writing alike. */
static void
S_outname(const struct datadoc *base, const struct val *row, size_t i,
    int pdf, struct buf *b)
{
	const struct val *nr = val_get(row, "nummer");

	/* a row's cell replaces the template's value, an empty one too */
	if (nr == NULL || nr->type != VAL_STR)
		nr = val_get(base->data, "nummer");
	if (nr != NULL && nr->type == VAL_STR && nr->len > 0)
		S_name(b, nr->str);
	else
		buf_printf(b, "%s-%zu", base->slug, i + 1);
	buf_puts(b, pdf ? ".pdf" : ".html");
}

/*** Clashes: two rows, one file ***/

/*
 * Two rows whose documents get one name would overwrite each other, the
 * survivor depending on the threads.  The first reading of the file
 * collects every row's name in a string map (the names in an arena, the
 * first row of each in an array: some 60 bytes a row) before anything is
 * written.  Names
 * are compared without case, since a mailing folder opened on macOS or
 * Windows holds one of 'X-1.pdf' and 'x-1.pdf'; S_name() leaves only
 * ASCII, so ASCII case is all there is.  Neither row of a clash is
 * written: which of two customers should get the file is the user's
 * decision, and a proposal sent to the wrong one cannot be taken back.
 */

/* The first row with a name. */
struct nfirst {
	const char	*name;		/* in names */
	size_t		 index;
	int		 line;
};

struct names {
	const struct datadoc	*base;
	const char		*rows_path;
	int			 pdf;
	size_t			 nrows;
	struct arena		*names;	/* the names, kept in place */
	struct strmap		 seen;	/* name, without case -> first */
	struct nfirst		*first;
	size_t			 nfirst, capfirst;
	unsigned char		*clash;	/* a bit per row: not written */
	size_t			 nclash;	/* bytes */
	unsigned char		*told;	/* a bit per row: the clash is told
					   at its line */
	size_t			 ntold;
	struct report		*rep;	/* the clashes' diagnostics */
	size_t			 nrep, caprep;
	/* every character in the cells of every row (a bit each, of the
	 * BMP): the glyphs each document keeps (merge_run) */
	unsigned char		*chars;
	/* the header's check */
	const struct data_schema *schema;
	const struct merge_opts	*o;
	struct diag_list	*dl;
	int			 refused;
};

/* Sets bit i of the set v (n bytes, grown as needed). */
static void
S_mark(unsigned char **v, size_t *nv, size_t i)
{
	if (i / 8 >= *nv) {
		size_t n = *nv ? *nv : 64;

		while (i / 8 >= n)
			n *= 2;
		*v = xrealloc(*v, n);
		memset(*v + *nv, 0, n - *nv);
		*nv = n;
	}
	(*v)[i / 8] |= (unsigned char)(1u << (i % 8));
}

static int
S_marked(const unsigned char *clash, size_t nclash, size_t i)
{
	return i / 8 < nclash && (clash[i / 8] >> (i % 8) & 1);
}

/* Marks the characters of the row's cells in bits: of every row, in
 * every shard, so that all agree. */
static void
S_chars(unsigned char *bits, const struct merge_opts *o, const struct val *row)
{
	const unsigned char *s;
	size_t k, i, n, adv;
	uint32_t c;

	for (k = 0; k < row->n; k++) {
		if (S_ignored(o, row->keys[k]) ||
		    row->items[k]->type != VAL_STR)
			continue;
		s = (const unsigned char *)row->items[k]->str;
		n = row->items[k]->len;
		for (i = 0; i < n; i += adv) {
			if ((adv = utf8_decode(s + i, n - i, &c)) == 0) {
				adv = 1;
				continue;
			}
			if (c <= 0xFFFF)
				bits[c >> 3] |= (unsigned char)(1u << (c & 7));
		}
	}
}

/* csv_load's row callback in the first reading: counts the row, notes
 * its characters and checks its file name against those of the rows
 * before it. */
static int
S_collect(void *arg, struct val *row)
{
	struct names *nm = arg;
	struct buf name = { 0 };
	struct nfirst *f;
	size_t *at;
	char *kept;
	int added;
	const struct val *c;
	size_t i = nm->nrows++;
	int line = row->line, col = 1;

	S_chars(nm->chars, nm->o, row);
	S_outname(nm->base, row, i, nm->pdf, &name);
	kept = arena_alloc(nm->names, name.len + 1);
	memcpy(kept, name.data, name.len + 1);
	at = strmap_put(&nm->seen, kept, &added);
	if (added) {
		if (nm->nfirst == nm->capfirst) {
			nm->capfirst = nm->capfirst ? nm->capfirst * 2 : 256;
			nm->first = xrealloc(nm->first, nm->capfirst *
			    sizeof(*nm->first));
		}
		*at = nm->nfirst;
		f = &nm->first[nm->nfirst++];
		f->name = kept;
		f->index = i;
		f->line = line;
	} else {
		struct diag_list *dl = diag_list_new();

		/* at the nummer cell when the row has one */
		if ((c = val_get(row, "nummer")) != NULL)
			col = c->col;
		diag_add(dl, DIAG_MERGE_CLASH, nm->rows_path, line, col,
		    name.data, nm->first[*at].line, nm->first[*at].name);
		S_mark(&nm->clash, &nm->nclash, nm->first[*at].index);
		S_mark(&nm->clash, &nm->nclash, i);
		S_mark(&nm->told, &nm->ntold, i);
		S_report(&nm->rep, &nm->nrep, &nm->caprep, i,
		    nm->first[*at].index, dl);
	}
	buf_free(&name);
	val_free(row);
	return 0;
}

/* csv_load's width callback in the first reading: a row all the same,
 * so that rows are numbered alike in both readings; it is told in the
 * second, by its shard. */
static int
S_collect_width(void *arg, int line, int col, size_t n, size_t nh)
{
	struct names *nm = arg;

	(void)line;
	(void)col;
	(void)n;
	(void)nh;
	nm->nrows++;
	return 0;
}

/*** The header: every column names a field, or is ignored ***/

/* The optimal string alignment distance between a and b, without ASCII
 * case (Damerau-Levenshtein where a swapped pair is one edit): what a
 * misspelt column name is from the one meant. */
static size_t
S_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i, j, c, best, *d;

	d = xcalloc((na + 1) * (nb + 1), sizeof(*d));
#define D(i, j) d[(i) * (nb + 1) + (j)]
	for (i = 0; i <= na; i++)
		D(i, 0) = i;
	for (j = 0; j <= nb; j++)
		D(0, j) = j;
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			c = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			best = D(i - 1, j - 1) + c;
			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	best = D(na, nb);
#undef D
	free(d);
	return best;
}

/* The fields of the template document, as a column names them
 * ("klant.contact@naam"), into best when nearer to col than *dist.  The
 * value tree does not say whether a name was an attribute: the schema
 * does.  Lists (the lines of <regels>) hold no field a column can set. */
static void
S_nearest(const struct xml_explain *x, const char *kind, const struct val *m,
    const char *prefix, const char *col, struct buf *best, size_t *dist)
{
	struct buf p = { 0 };
	const struct val *v;
	size_t k, dd;

	for (k = 0; k < m->n; k++) {
		v = m->items[k];
		if (m->keys[k][0] == '_' || v->type == VAL_LIST ||
		    strcmp(m->keys[k], "tekst") == 0)
			continue;
		buf_reset(&p);
		if (*prefix != '\0' && v->type == VAL_STR) {
			buf_printf(&p, "%s@%s", prefix, m->keys[k]);
			if (xml_explain_field(x, kind, buf_cstr(&p), NULL,
			    NULL) != 1) {
				buf_reset(&p);
				buf_printf(&p, "%s.%s", prefix, m->keys[k]);
			}
		} else if (*prefix != '\0')
			buf_printf(&p, "%s.%s", prefix, m->keys[k]);
		else
			buf_puts(&p, m->keys[k]);
		if (v->type == VAL_MAP) {
			S_nearest(x, kind, v, buf_cstr(&p), col, best, dist);
			if (val_get(v, "tekst") == NULL)
				continue;
		}
		if (xml_explain_field(x, kind, buf_cstr(&p), NULL, NULL) != 1)
			continue;
		if ((dd = S_distance(col, buf_cstr(&p))) < *dist) {
			*dist = dd;
			buf_reset(best);
			buf_put(best, p.data, p.len);
		}
	}
	buf_free(&p);
}

/* csv_load's header callback in the first reading.  Every column must
 * name a field of the document: a misspelt column would otherwise be
 * dropped without a word on every row.  The message names the nearest
 * field of the template, when one is near enough to be a typing error,
 * and how to keep a column of notes.  Checked before anything is
 * written. */
static int
S_head(void *arg, int line, char *const *names, const int *cols, size_t n)
{
	struct names *nm = arg;
	const struct merge_opts *o = nm->o;
	const struct xml_explain *x = data_schema_explain(nm->schema);
	const char *kind = nm->base->kind;
	struct buf near = { 0 }, mean = { 0 }, how = { 0 };
	size_t k, j, dist;

	for (k = 0; k < n; k++) {
		if (S_ignored(o, names[k]) ||
		    xml_explain_field(x, kind, names[k], NULL, NULL))
			continue;
		buf_reset(&near);
		buf_reset(&mean);
		buf_reset(&how);
		dist = SIZE_MAX;
		if (nm->base->data != NULL && nm->base->data->type == VAL_MAP)
			S_nearest(x, kind, nm->base->data, "", names[k], &near,
			    &dist);
		/* near enough to be a slip of the keyboard: a third of
		 * the name, at least two edits */
		if (near.len > 0 && (dist <= 2 || 3 * dist <= strlen(names[k])))
			buf_printf(&mean, " (did you mean %s?)", near.data);
		if (o->cmdline)
			buf_printf(&how, " or give --ignore '%s'", names[k]);
		diag_add(nm->dl, DIAG_MERGE_COLUMN, nm->rows_path, line,
		    cols[k], names[k], kind, buf_cstr(&mean), buf_cstr(&how));
		nm->refused = 1;
	}
	for (j = 0; j < o->nignore && !nm->refused; j++) {
		for (k = 0; k < n && strcmp(names[k], o->ignore[j]) != 0; k++)
			;
		if (k == n)
			diag_add(nm->dl, DIAG_MERGE_IGNORE, nm->rows_path, line,
			    1, o->ignore[j]);
	}
	buf_free(&near);
	buf_free(&mean);
	buf_free(&how);
	return nm->refused ? -1 : 0;
}

/*** Dutch dates ***/

/* A date as Dutch Excel writes it: day-month-year ("10-3-2026",
 * "10-03-2026", also with '/'), the year in four digits.  Returns 1 with
 * iso set to "2026-03-10", 0 when s has not that form, -1 when it has but
 * names no day of the calendar, with why set. */
static int
S_nldate(const char *s, char iso[16], struct buf *why)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	int v[3] = { 0, 0, 0 }, nd, f, dim;
	char sep = 0;

	for (f = 0; f < 3; f++) {
		for (nd = 0; *s >= '0' && *s <= '9' && nd < 5; s++, nd++)
			v[f] = v[f] * 10 + (*s - '0');
		if (f == 2 && nd == 2 && *s == '\0' && sep != 0) {
			buf_puts(why, "write the year in four digits");
			return -1;
		}
		if (f < 2 ? nd < 1 || nd > 2 : nd != 4)
			return 0;
		if (f == 2)
			break;
		if ((*s != '-' && *s != '/') || (sep != 0 && *s != sep))
			return 0;
		sep = *s++;
	}
	if (*s != '\0')
		return 0;
	if (v[1] < 1 || v[1] > 12) {
		buf_printf(why, "there is no month %d", v[1]);
		return -1;
	}
	dim = mdays[v[1] - 1] + (v[1] == 2 && v[2] % 4 == 0 &&
	    (v[2] % 100 != 0 || v[2] % 400 == 0));
	if (v[0] < 1 || v[0] > dim) {
		buf_printf(why, "month %d of %04d has %d days", v[1], v[2],
		    dim);
		return -1;
	}
	/* by hand: the compiler cannot see that the parts are short */
	iso[0] = (char)('0' + v[2] / 1000);
	iso[1] = (char)('0' + v[2] / 100 % 10);
	iso[2] = (char)('0' + v[2] / 10 % 10);
	iso[3] = (char)('0' + v[2] % 10);
	iso[4] = iso[7] = '-';
	iso[5] = (char)('0' + v[1] / 10);
	iso[6] = (char)('0' + v[1] % 10);
	iso[8] = (char)('0' + v[0] / 10);
	iso[9] = (char)('0' + v[0] % 10);
	iso[10] = '\0';
	return 1;
}

/* Makes row i's document; sets name to its file name and fp to its
 * fingerprint (hex, FP_SHORT digits; "" when the row's values are bad). */
static int
S_row(struct mjob *m, struct pdf_env *env, const struct val *row, size_t i,
    struct buf *name, char fp[FP_SHORT + 1], struct diag_list *dl)
{
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	struct buf path = { 0 }, html = { 0 }, why = { 0 };
	const struct xml_explain *x = data_schema_explain(m->schema);
	unsigned char dg[FP_SIZE];
	const char *v;
	char iso[16];
	size_t k;
	int rc = 0, cn, nd, line = row->line;

	d = *m->base;
	d.data = val_clone(m->base->data);
	d.path = xstrdup(m->base->path);
	d.slug = xstrdup(m->base->slug);
	d.kind = xstrdup(m->base->kind);
	d.lang = xstrdup(m->base->lang);
	d.title = xstrdup(m->base->title);
	d.logo = m->base->logo ? xstrdup(m->base->logo) : NULL;
	d.terms_path = m->base->terms_path ? xstrdup(m->base->terms_path) :
	    NULL;
	d.terms = m->base->terms ? xstrdup(m->base->terms) : NULL;
	fp[0] = '\0';
	S_outname(m->base, row, i, m->o->pdf, name);
	for (k = 0; k < row->n; k++) {
		if (S_ignored(m->o, row->keys[k]) ||
		    row->items[k]->type != VAL_STR)
			continue;
		v = row->items[k]->str;
		cn = row->items[k]->col > 0 ? row->items[k]->col : 1;
		/* the schema's types hold for a cell as for the template
		 * (an empty cell empties the field, as before) */
		buf_reset(&path);
		if (row->items[k]->len > 0 && xml_explain_field(x, d.kind,
		    row->keys[k], v, &path) < 0) {
			/* a date as Dutch Excel writes it, for a date field
			 * of a Dutch document: read, then checked as ISO */
			buf_reset(&why);
			nd = strcmp(d.lang, "nl") == 0 ? S_nldate(v, iso, &why) :
			    0;
			if (nd > 0 && xml_explain_field(x, d.kind, row->keys[k],
			    iso, NULL) == 1)
				v = iso;
			else if (nd < 0 && xml_explain_field(x, d.kind,
			    row->keys[k], "2026-01-01", NULL) == 1) {
				diag_add(dl, DIAG_MERGE_DATE, m->rows_path,
				    line, cn, row->keys[k], v, buf_cstr(&why));
				rc = -1;
				continue;
			} else {
				diag_add(dl, DIAG_DATA_VALUE, m->rows_path,
				    line, cn, row->keys[k], v,
				    buf_cstr(&path));
				rc = -1;
				continue;
			}
		}
		if (datadoc_set(&d, row->keys[k], v,
		    m->rows_path, line, cn) != 0) {
			struct buf msg = { 0 };

			buf_printf(&msg, "column '%s' names no field of %s",
			    row->keys[k], d.kind);
			diag_add(dl, DIAG_DATA, NULL, 0, 0, msg.data);
			buf_free(&msg);
			rc = -1;
		}
	}
	buf_reset(&path);
	datadoc_retitle(&d);
	if (rc == 0) {
		fp_digest(d.kind, d.data, m->tmpl, m->tlen, dg);
		fp_hex(dg, FP_SHORT, fp);
	}
	if (rc == 0 && (root = datadoc_doc(&d, m->th, NULL, dl)) != NULL) {
		buf_printf(&path, "%s/%s", m->outdir, buf_cstr(name));
		if (m->o->pdf) {
			memset(&po, 0, sizeof(po));
			po.letter = m->o->letter;
			po.ragged = m->o->pdfo != NULL && m->o->pdfo->ragged;
			po.standard = m->o->pdfo != NULL ?
			    m->o->pdfo->standard : 0;
			po.tabs = m->o->pdfo != NULL ? m->o->pdfo->tabs : 0;
			po.logo = d.logo;
			po.fingerprint = d.fingerprint;
			po.accent = d.colour;
			rc = pdf_document(root, d.title, d.lang, d.path, &po, env,
			    path.data, dl);
		} else {
			struct html_opts ho = { d.lang, 0 };

			buf_printf(&html, "<!DOCTYPE html>\n<html lang=\"%s\">\n"
			    "<head>\n<meta charset=\"utf-8\">\n<title>",
			    d.lang);
			esc_html(&html, d.title, strlen(d.title));
			buf_puts(&html, "</title>\n</head>\n<body>\n<main>\n");
			html_render(root, &ho, &html);
			buf_puts(&html, "</main>\n</body>\n</html>\n");
			rc = file_write_sync(path.data, html.data, html.len, dl);
		}
		doc_free(root);
	} else
		rc = -1;
	datadoc_clear(&d);
	buf_free(&path);
	buf_free(&html);
	buf_free(&why);
	if (rc != 0)
		fp[0] = '\0';
	return rc;
}

/* A row's problems are told at its line of the CSV file: that is where
 * the user fixes them.  A value the row gave is already told at its cell
 * (datadoc_set()); anything else, at the row. */
static struct diag_list *
S_retell(const struct mjob *m, const struct val *row, struct diag_list *in)
{
	struct diag_list *out = diag_list_new();
	int line = row->line;
	size_t k;

	for (k = 0; k < in->n; k++) {
		const struct diag *d = &in->v[k];

		if (d->level < DIAG_WARNING)
			continue;
		if (d->file != NULL && strcmp(d->file, m->rows_path) == 0)
			diag_copy(out, d);
		else
			diag_add(out, d->level >= DIAG_ERROR ? DIAG_DATA :
			    DIAG_DATA_WARN, m->rows_path, line, 1, d->msg);
	}
	return out;
}

/* A row, on one of the pool's threads: its document and its
 * diagnostics, told at its line. */
static void
S_row_work(void *arg, int worker)
{
	struct rowjob *j = arg;
	struct mjob *m = j->m;
	struct pdf_env **env = &m->env[worker];
	struct diag_list *dl = diag_list_new();
	int rc;

	if (*env == NULL && m->o->pdf) {
		*env = pdf_env_new(m->base->lang, m->o->pdfo, dl);
		pdf_env_share(*env, m->fonts, m->keep);
	}
	j->fp[0] = '\0';
	if (m->o->pdf && *env == NULL) {
		rc = -1;
		S_outname(m->base, j->row, j->index, m->o->pdf, &j->name);
	} else
		rc = S_row(m, *env, j->row, j->index, &j->name, j->fp, dl);
	j->told = dl->n > 0 ? S_retell(m, j->row, dl) : NULL;
	j->line = j->row->line;
	val_free(j->row);
	j->row = NULL;
	j->bad = rc != 0 || diag_worst(dl) >= DIAG_ERROR;
	diag_list_free(dl);
}

/* The row's outcome, on the calling thread in file order. */
static void
S_row_done(void *arg)
{
	struct rowjob *j = arg;
	struct mjob *m = j->m;

	m->done++;
	if (j->bad)
		m->failed++;
	S_manifest_add(m, j->index, j->line, j->bad ? MAN_ERROR : MAN_WRITTEN,
	    j->bad ? NULL : j->fp, buf_cstr(&j->name));
	if (j->told != NULL)
		S_report(&m->rep, &m->nrep, &m->caprep, j->index, SIZE_MAX,
		    j->told);
	progress_step(m->pg, 1);
	buf_free(&j->name);
	free(j);
}

/* csv_load's width callback in the second reading: a row with fewer
 * cells than the header would get the template's values in the others
 * (a letter to its placeholder customer), one with more has lost a
 * value's separator: either way not the letter meant, so it is told and
 * left out. */
static int
S_width(void *arg, int line, int col, size_t n, size_t nh)
{
	struct mjob *m = arg;
	struct diag_list *dl;
	size_t k = m->nrows++;

	if (!S_own(m->o, k))
		return 0;
	dl = diag_list_new();
	diag_add(dl, n < nh ? DIAG_MERGE_SHORT : DIAG_MERGE_LONG,
	    m->rows_path, line, col, n, nh);
	m->done++;
	m->failed++;
	S_manifest_add(m, k, line, MAN_ERROR, NULL, NULL);
	S_report(&m->rep, &m->nrep, &m->caprep, k, SIZE_MAX, dl);
	return 0;
}

/* csv_load's row callback in the second reading: each row of this run's
 * share waits for room in the pool's window. */
static int
S_feed(void *arg, struct val *row)
{
	struct mjob *m = arg;
	struct buf name = { 0 };
	struct rowjob *j;
	size_t k = m->nrows;

	if (!S_own(m->o, k)) {
		/* another shard's */
		val_free(row);
		m->nrows++;
		return 0;
	}
	if (S_marked(m->clash, m->nclash, k)) {
		/* told in the first reading */
		S_outname(m->base, row, k, m->o->pdf, &name);
		m->nrows++;
		m->done++;
		m->failed++;
		S_manifest_add(m, k, row->line,
		    S_marked(m->told, m->ntold, k) ? MAN_ERROR : MAN_SKIPPED,
		    NULL, buf_cstr(&name));
		val_free(row);
		buf_free(&name);
		return 0;
	}
	j = xcalloc(1, sizeof(*j));
	j->m = m;
	j->row = row;
	j->index = m->nrows++;
	pool_submit(m->pool, S_row_work, S_row_done, j);
	return 0;
}

static int
S_report_cmp(const void *a, const void *b)
{
	const struct report *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

static int
S_mrow_cmp(const void *a, const void *b)
{
	const struct mrow *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

/* The manifest, in file order: "line;file;fingerprint;status", a CSV file
 * Dutch Excel opens as it is (file names hold no ';' or quote).  A shard's
 * is named after it, so that shards writing into one folder keep theirs
 * apart; their lines together are the unsharded manifest's. */
static int
S_manifest_write(struct mjob *m, struct diag_list *dl)
{
	struct buf b = { 0 }, path = { 0 };
	const struct mrow *r;
	size_t i;
	int rc;

	if (m->nman > 1)
		qsort(m->man, m->nman, sizeof(*m->man), S_mrow_cmp);
	buf_puts(&b, "line;file;fingerprint;status\n");
	for (i = 0; i < m->nman; i++) {
		r = &m->man[i];
		buf_printf(&b, "%d;%s;%s;%s\n", r->line,
		    r->file != NULL ? r->file : "", r->fp,
		    r->status == MAN_WRITTEN ? "written" :
		    r->status == MAN_SKIPPED ? "skipped" : "error");
	}
	if (m->o->nshards > 0)
		buf_printf(&path, "%s/manifest-%zu-of-%zu.csv", m->outdir,
		    m->o->shard, m->o->nshards);
	else
		buf_printf(&path, "%s/manifest.csv", m->outdir);
	rc = file_write(path.data, b.data, b.len, dl);
	buf_free(&b);
	buf_free(&path);
	return rc;
}

int
merge_run(const char *tmpl, const char *rows, const char *dir,
    const char *outdir, struct theme *th, const struct merge_opts *o,
    size_t *written, size_t *failed, struct diag_list *dl)
{
	struct data_schema *schema;
	struct datadoc base;
	struct csv_opts co;
	struct mjob m;
	struct names nm;
	struct buf tname = { 0 };
	struct val *none;
	const char *tpath;
	char *src;
	size_t len, i;
	int k, nw, rc = 0;

	*written = *failed = 0;
	memset(&base, 0, sizeof(base));
	if ((schema = data_schema_new(th, dl)) == NULL)
		return -1;
	if ((src = file_read(tmpl, &len, dl)) == NULL) {
		data_schema_free(schema);
		return -1;
	}
	k = datadoc_load(&base, src, len, tmpl, dir, schema, dl);
	free(src);
	if (k != 0 || (src = file_read(rows, &len, dl)) == NULL) {
		data_schema_free(schema);
		datadoc_clear(&base);
		return -1;
	}
	/* The first reading checks the header and the whole file, so that
	 * a misspelt column or a CSV syntax error anywhere writes nothing,
	 * and finds the rows whose documents would have one name: every
	 * row, whichever shard it is in, so that each shard finds the same
	 * clashes. */
	memset(&nm, 0, sizeof(nm));
	nm.names = arena_new();
	strmap_init(&nm.seen, STRMAP_NOCASE);
	nm.base = &base;
	nm.rows_path = rows;
	nm.pdf = o->pdf;
	nm.schema = schema;
	nm.o = o;
	nm.dl = dl;
	nm.chars = xcalloc(65536 / 8, 1);
	memset(&co, 0, sizeof(co));
	co.diag_code = DIAG_CSV;
	co.row = S_collect;
	co.head = S_head;
	co.width = S_collect_width;
	co.cp1252 = 1;
	co.arg = &nm;
	none = csv_load(src, len, rows, &co, dl);
	strmap_free(&nm.seen);
	free(nm.first);
	arena_free(nm.names);
	if (none == NULL || nm.refused ||
	    (nm.nrows > 0 && file_mkdirs(outdir, dl) != 0)) {
		/* a refused header is the one thing to fix first: the
		 * clashes of a misspelt 'nummer' would only bury it */
		for (i = 0; i < nm.nrep; i++)
			diag_list_free(nm.rep[i].dl);
		free(nm.rep);
		free(nm.clash);
		free(nm.told);
		free(nm.chars);
		val_free(none);
		free(src);
		data_schema_free(schema);
		datadoc_clear(&base);
		return -1;
	}
	val_free(none);
	/* what a killed run left here would be taken for documents */
	if (nm.nrows > 0)
		file_tmp_clean(outdir, 0, dl);

	memset(&m, 0, sizeof(m));
	m.base = &base;
	m.rows_path = rows;
	m.outdir = outdir;
	m.th = th;
	m.o = o;
	m.schema = schema;
	m.dl = dl;
	m.rep = nm.rep;
	m.nrep = nm.nrep;
	m.caprep = nm.caprep;
	m.clash = nm.clash;
	m.nclash = nm.nclash;
	m.told = nm.told;
	m.ntold = nm.ntold;
	/* the kind's template, as datadoc_doc() will find it */
	buf_printf(&tname, "%s/%s.md", base.lang, base.kind);
	m.tmpl = theme_get(th, tname.data, &tpath, &m.tlen);
	buf_free(&tname);
	/* o->jobs workers; this thread reads the file, records what
	 * became of each row and mostly waits */
	/* this run's rows: every row, or a shard's share of them */
	if (o->progress)
		m.pg = progress_begin("rows", o->nshards == 0 ? nm.nrows :
		    nm.nrows > o->shard ?
		    (nm.nrows - o->shard - 1) / o->nshards + 1 : 0, 1);
	/* A mailing's documents differ in a few fields: most of them
	 * embed the same subsets, which are made once and shared (the same
	 * bytes as each making its own, so a row's document does not
	 * depend on the others).  The glyphs a document keeps of a subset
	 * would differ with the letters of its row; every document keeps
	 * those of all rows' characters its subsets have instead, so that
	 * one font program serves them all.  That depends on the whole
	 * file, which every shard reads: a row's PDF is the same whatever
	 * -j and --shard. */
	if (o->pdf) {
		m.fonts = fcache_new(MERGE_FONT_CACHE);
		m.keep = nm.chars;
	}
	m.pool = pool_new(o->jobs);
	m.env = xcalloc((size_t)pool_threads(m.pool), sizeof(*m.env));
	co.row = S_feed;
	co.head = NULL;
	co.width = S_width;
	co.arg = &m;
	val_free(csv_load(src, len, rows, &co, dl));
	nw = pool_threads(m.pool);
	pool_free(m.pool);
	for (k = 0; k < nw; k++)
		pdf_env_free(m.env[k]);
	free(m.env);
	fcache_free(m.fonts);
	progress_end(m.pg);
	if (m.nrep > 1)
		qsort(m.rep, m.nrep, sizeof(*m.rep), S_report_cmp);
	for (i = 0; i < m.nrep; i++) {
		/* a shard tells its own rows, and a clash with one of them */
		if (S_own(o, m.rep[i].index) || (m.rep[i].other != SIZE_MAX &&
		    S_own(o, m.rep[i].other)))
			diag_move(dl, m.rep[i].dl);
		diag_list_free(m.rep[i].dl);
	}
	/* the manifest, once every document is in place */
	if (nm.nrows > 0 && S_manifest_write(&m, dl) != 0)
		rc = -1;
	for (i = 0; i < m.nman; i++)
		free(m.man[i].file);
	free(m.man);
	free(m.rep);
	free(nm.clash);
	free(nm.told);
	free(nm.chars);
	*failed = m.failed;
	*written = m.done - m.failed;
	if (m.failed > 0)
		rc = -1;
	free(src);
	data_schema_free(schema);
	datadoc_clear(&base);
	return rc;
}

/* --shard I/N: decimal I and N, 0 <= I < N (I 0-based, as Kubernetes'
 * JOB_COMPLETION_INDEX).  Returns 1, or 0 when s is not of that form. */
int
merge_shard_parse(const char *s, size_t *i, size_t *n)
{
	unsigned long long v[2] = { 0, 0 };
	int k, nd;

	for (k = 0; k < 2; k++) {
		for (nd = 0; *s >= '0' && *s <= '9'; s++, nd++) {
			if (nd == 9)
				return 0;	/* a billion shards is no plan */
			v[k] = v[k] * 10 + (unsigned)(*s - '0');
		}
		if (nd == 0 || *s != (k == 0 ? '/' : '\0'))
			return 0;
		s++;
	}
	if (v[1] == 0 || v[0] >= v[1])
		return 0;
	*i = (size_t)v[0];
	*n = (size_t)v[1];
	return 1;
}
