/* merge — a document per CSV row, on threads (see merge.h). */
#include "merge.h"
#include "buf.h"
#include "csv_load.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "file_tmp.h"
#include "html.h"
#include "mem.h"
#include "pdf.h"
#include "theme.h"
#include "val.h"
#include "xml.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row waiting for a worker: the map and its place in the file. */
struct qrow {
	struct val	*row;
	size_t		 index;
};

/* What a row left to report, kept only for rows that have something. */
struct report {
	size_t			 index;
	struct diag_list	*dl;
};

/*
 * Rows stream from the CSV reader (the calling thread) through a small
 * queue to the workers, so a mailing holds a handful of rows at a time
 * however long the file: memory stays flat in the number of rows.  Only
 * the rows with diagnostics are remembered, to be told in file order at
 * the end.
 */
struct mjob {
	const struct datadoc	*base;
	const char		*rows_path;
	const char		*outdir;
	struct theme		*th;
	const struct merge_opts	*o;
	const struct data_schema *schema;
	const char		*src;	/* the CSV text, for the header */
	size_t			 len;
	struct diag_list	*dl;	/* the caller's */
	pthread_mutex_t		 lock;
	pthread_cond_t		 more, room;
	struct qrow		 q[16];
	size_t			 qhead, qn, qcap;
	int			 eof;	/* the reader is done */
	int			 refused;	/* bad header: write nothing */
	size_t			 nrows, done, failed;
	struct report		*rep;
	size_t			 nrep, caprep;
	const unsigned char	*clash;	/* rows not to write (struct names) */
	size_t			 nclash;
};

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
 * collects every row's name in a hash set (the names in one buffer, a
 * slot per name: some 40 bytes a row) before anything is written.  Names
 * are compared without case, since a mailing folder opened on macOS or
 * Windows holds one of 'X-1.pdf' and 'x-1.pdf'; S_name() leaves only
 * ASCII, so ASCII case is all there is.  Neither row of a clash is
 * written: which of two customers should get the file is the user's
 * decision, and a proposal sent to the wrong one cannot be taken back.
 */
struct nslot {
	size_t	 off;		/* into names, + 1; 0 = empty */
	size_t	 index;		/* the first row with the name */
	int	 line;
};

struct names {
	const struct datadoc	*base;
	const char		*rows_path;
	int			 pdf;
	size_t			 nrows;
	struct buf		 names;	/* NUL-separated */
	struct nslot		*slot;
	size_t			 nslot, used;
	unsigned char		*clash;	/* a bit per row: not written */
	size_t			 nclash;	/* bytes */
	struct report		*rep;	/* the clashes' diagnostics */
	size_t			 nrep, caprep;
};

static size_t
S_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
		    1099511628211ULL;
	return (size_t)h;
}

static int
S_same(const char *a, const char *b)
{
	for (; *a && tolower((unsigned char)*a) ==
	    tolower((unsigned char)*b); a++, b++)
		;
	return *a == '\0' && *b == '\0';
}

static void
S_mark(struct names *nm, size_t i)
{
	if (i / 8 >= nm->nclash) {
		size_t n = nm->nclash ? nm->nclash : 64;

		while (i / 8 >= n)
			n *= 2;
		nm->clash = xrealloc(nm->clash, n);
		memset(nm->clash + nm->nclash, 0, n - nm->nclash);
		nm->nclash = n;
	}
	nm->clash[i / 8] |= (unsigned char)(1u << (i % 8));
}

static int
S_marked(const unsigned char *clash, size_t nclash, size_t i)
{
	return i / 8 < nclash && (clash[i / 8] >> (i % 8) & 1);
}

/* Finds name's slot: the one holding it (without case) or an empty one. */
static struct nslot *
S_slot(struct names *nm, const char *name)
{
	size_t h = S_hash(name) & (nm->nslot - 1);

	while (nm->slot[h].off != 0 &&
	    !S_same(nm->names.data + nm->slot[h].off - 1, name))
		h = (h + 1) & (nm->nslot - 1);
	return &nm->slot[h];
}

static void
S_grow(struct names *nm)
{
	struct nslot *old = nm->slot, *to;
	size_t n = nm->nslot, k;

	nm->nslot = n ? n * 2 : 256;
	nm->slot = xcalloc(nm->nslot, sizeof(*nm->slot));
	for (k = 0; k < n; k++)
		if (old[k].off != 0) {
			to = S_slot(nm, nm->names.data + old[k].off - 1);
			*to = old[k];
		}
	free(old);
}

/* csv_load's row callback in the first reading: counts the row and
 * checks its file name against those of the rows before it. */
static int
S_collect(void *arg, struct val *row)
{
	struct names *nm = arg;
	struct buf name = { 0 };
	struct nslot *sl;
	const struct val *l = val_get(row, "_line"), *c;
	size_t i = nm->nrows++;
	int line = l != NULL ? (int)l->num : 0, col = 1;

	S_outname(nm->base, row, i, nm->pdf, &name);
	if (2 * (nm->used + 1) > nm->nslot)
		S_grow(nm);
	sl = S_slot(nm, buf_cstr(&name));
	if (sl->off == 0) {
		sl->off = nm->names.len + 1;
		sl->index = i;
		sl->line = line;
		buf_put(&nm->names, name.data, name.len + 1);
		nm->used++;
	} else {
		struct diag_list *dl = diag_list_new();

		/* at the nummer cell when the row has one */
		if ((c = val_get(row, "_col.nummer")) != NULL &&
		    val_get(row, "nummer") != NULL)
			col = (int)c->num;
		diag_add(dl, DIAG_MERGE_CLASH, nm->rows_path, line, col,
		    name.data, sl->line, nm->names.data + sl->off - 1);
		S_mark(nm, sl->index);
		S_mark(nm, i);
		if (nm->nrep == nm->caprep) {
			nm->caprep = nm->caprep ? nm->caprep * 2 : 16;
			nm->rep = xrealloc(nm->rep, nm->caprep *
			    sizeof(*nm->rep));
		}
		nm->rep[nm->nrep].index = i;
		nm->rep[nm->nrep++].dl = dl;
	}
	buf_free(&name);
	val_free(row);
	return 0;
}

/* Every column must name a field of the document: a misspelt column
 * would otherwise be dropped without a word on every row.  Checked once,
 * against the schema, before anything is written. */
static int
S_columns(const struct val *r, const char *kind,
    const struct data_schema *schema, const char *src, size_t len,
    const char *path, struct diag_list *dl)
{
	const char *hdr = src, *eol, *hit;
	size_t k, nl;
	int rc = 0, col;

	if (len >= 3 && memcmp(hdr, "\xEF\xBB\xBF", 3) == 0)
		hdr += 3;
	for (eol = hdr; eol < src + len && *eol != '\n' && *eol != '\r'; eol++)
		;
	for (k = 0; k < r->n; k++) {
		if (r->keys[k][0] == '_' ||
		    xml_explain_field(data_schema_explain(schema), kind,
		    r->keys[k], NULL, NULL))
			continue;
		/* the column's place in the header line, for the column */
		nl = strlen(r->keys[k]);
		col = 1;
		for (hit = hdr; hit + nl <= eol; hit++)
			if (memcmp(hit, r->keys[k], nl) == 0) {
				col = (int)(hit - hdr) + 1;
				break;
			}
		diag_add(dl, DIAG_MERGE_COLUMN, path, 1, col, r->keys[k], kind);
		rc = -1;
	}
	return rc;
}

static int
S_row(struct mjob *m, struct pdf_env *env, const struct val *row, size_t i,
    struct diag_list *dl)
{
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	struct buf path = { 0 }, html = { 0 };
	const struct val *col, *l = val_get(row, "_line");
	size_t k;
	int rc = 0, cn, line = l != NULL ? (int)l->num : 0;

	d = *m->base;
	d.data = val_clone(m->base->data);
	d.path = xstrdup(m->base->path);
	d.slug = xstrdup(m->base->slug);
	d.kind = xstrdup(m->base->kind);
	d.lang = xstrdup(m->base->lang);
	d.title = xstrdup(m->base->title);
	d.logo = m->base->logo ? xstrdup(m->base->logo) : NULL;
	for (k = 0; k < row->n; k++) {
		if (row->keys[k][0] == '_' || row->items[k]->type != VAL_STR)
			continue;
		buf_reset(&path);
		buf_printf(&path, "_col.%s", row->keys[k]);
		col = val_get(row, buf_cstr(&path));
		cn = col != NULL ? (int)col->num : 1;
		/* the schema's types hold for a cell as for the template
		 * (an empty cell empties the field, as before) */
		buf_reset(&path);
		if (row->items[k]->len > 0 &&
		    xml_explain_field(data_schema_explain(m->schema), d.kind,
		    row->keys[k], row->items[k]->str, &path) < 0) {
			diag_add(dl, DIAG_DATA_VALUE, m->rows_path, line, cn,
			    row->keys[k], row->items[k]->str, buf_cstr(&path));
			rc = -1;
			continue;
		}
		if (datadoc_set(&d, row->keys[k], row->items[k]->str,
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
	if (rc == 0 && (root = datadoc_doc(&d, m->th, NULL, dl)) != NULL) {
		buf_printf(&path, "%s/", m->outdir);
		S_outname(m->base, row, i, m->o->pdf, &path);
		if (m->o->pdf) {
			memset(&po, 0, sizeof(po));
			po.letter = m->o->letter;
			po.ragged = m->o->pdfo != NULL && m->o->pdfo->ragged;
			po.logo = d.logo;
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
	return rc;
}

/* A row's problems are told at its line of the CSV file: that is where
 * the user fixes them.  A value the row gave is already told at its cell
 * (datadoc_set()); anything else, at the row. */
static struct diag_list *
S_retell(const struct mjob *m, const struct val *row, struct diag_list *in)
{
	const struct val *l = val_get(row, "_line");
	struct diag_list *out = diag_list_new();
	int line = l != NULL ? (int)l->num : 0;
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

static void *
S_worker(void *arg)
{
	struct mjob *m = arg;
	struct pdf_env *env = NULL;
	struct diag_list *dl = diag_list_new(), *told;
	struct qrow r;
	int rc;

	for (;;) {
		pthread_mutex_lock(&m->lock);
		while (m->qn == 0 && !m->eof)
			pthread_cond_wait(&m->more, &m->lock);
		if (m->qn == 0) {
			pthread_mutex_unlock(&m->lock);
			break;
		}
		r = m->q[m->qhead];
		m->qhead = (m->qhead + 1) % m->qcap;
		m->qn--;
		pthread_cond_signal(&m->room);
		pthread_mutex_unlock(&m->lock);

		if (env == NULL && m->o->pdf)
			env = pdf_env_new(m->base->lang, m->o->pdfo, dl);
		rc = (m->o->pdf && env == NULL) ? -1 :
		    S_row(m, env, r.row, r.index, dl);
		told = dl->n > 0 ? S_retell(m, r.row, dl) : NULL;
		val_free(r.row);

		pthread_mutex_lock(&m->lock);
		m->done++;
		if (rc != 0 || diag_worst(dl) >= DIAG_ERROR)
			m->failed++;
		if (told != NULL) {
			if (m->nrep == m->caprep) {
				m->caprep = m->caprep ? m->caprep * 2 : 16;
				m->rep = xrealloc(m->rep,
				    m->caprep * sizeof(*m->rep));
			}
			m->rep[m->nrep].index = r.index;
			m->rep[m->nrep++].dl = told;
		}
		if (m->o->progress) {
			fprintf(stderr, "\rsalesgen: merge %zu", m->done);
			fflush(stderr);
		}
		pthread_mutex_unlock(&m->lock);
		diag_list_free(dl);
		dl = diag_list_new();
	}
	diag_list_free(dl);
	pdf_env_free(env);
	return NULL;
}

/* csv_load's row callback: the first row's columns are checked before
 * anything is queued; then each row waits for room in the queue. */
static int
S_feed(void *arg, struct val *row)
{
	struct mjob *m = arg;

	if (m->nrows == 0 && S_columns(row, m->base->kind, m->schema, m->src,
	    m->len, m->rows_path, m->dl) != 0) {
		m->refused = 1;
		val_free(row);
		return -1;
	}
	if (S_marked(m->clash, m->nclash, m->nrows)) {
		/* told in the first reading */
		val_free(row);
		pthread_mutex_lock(&m->lock);
		m->nrows++;
		m->done++;
		m->failed++;
		pthread_mutex_unlock(&m->lock);
		return 0;
	}
	pthread_mutex_lock(&m->lock);
	while (m->qn == m->qcap)
		pthread_cond_wait(&m->room, &m->lock);
	m->q[(m->qhead + m->qn) % m->qcap].row = row;
	m->q[(m->qhead + m->qn) % m->qcap].index = m->nrows++;
	m->qn++;
	pthread_cond_signal(&m->more);
	pthread_mutex_unlock(&m->lock);
	return 0;
}

static int
S_report_cmp(const void *a, const void *b)
{
	const struct report *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
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
	struct val *none;
	pthread_t tid[64];
	char *src;
	size_t len, i;
	int k, started = 0, jobs, rc = 0;

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
	/* The first reading checks the whole file, so that a CSV syntax
	 * error anywhere writes nothing, and finds the rows whose
	 * documents would have one name. */
	memset(&nm, 0, sizeof(nm));
	nm.base = &base;
	nm.rows_path = rows;
	nm.pdf = o->pdf;
	memset(&co, 0, sizeof(co));
	co.diag_code = DIAG_CSV;
	co.row = S_collect;
	co.arg = &nm;
	none = csv_load(src, len, rows, &co, dl);
	free(nm.slot);
	buf_free(&nm.names);
	if (none == NULL || (nm.nrows > 0 && file_mkdirs(outdir, dl) != 0)) {
		for (i = 0; i < nm.nrep; i++)
			diag_list_free(nm.rep[i].dl);
		free(nm.rep);
		free(nm.clash);
		val_free(none);
		free(src);
		data_schema_free(schema);
		datadoc_clear(&base);
		return -1;
	}
	val_free(none);
	/* what a killed run left here would be taken for documents */
	file_tmp_clean(outdir, 0, dl);

	memset(&m, 0, sizeof(m));
	m.base = &base;
	m.rows_path = rows;
	m.outdir = outdir;
	m.th = th;
	m.o = o;
	m.schema = schema;
	m.src = src;
	m.len = len;
	m.dl = dl;
	m.rep = nm.rep;
	m.nrep = nm.nrep;
	m.caprep = nm.caprep;
	m.clash = nm.clash;
	m.nclash = nm.nclash;
	m.qcap = sizeof(m.q) / sizeof(m.q[0]);
	pthread_mutex_init(&m.lock, NULL);
	pthread_cond_init(&m.more, NULL);
	pthread_cond_init(&m.room, NULL);
	/* jobs workers; this thread reads the file and mostly waits */
	jobs = o->jobs < 1 ? 1 : o->jobs > 64 ? 64 : o->jobs;
	for (k = 0; k < jobs; k++)
		if (pthread_create(&tid[k], NULL, S_worker, &m) == 0)
			started = k + 1;
		else
			break;
	co.row = S_feed;
	co.arg = &m;
	if (started > 0)
		val_free(csv_load(src, len, rows, &co, dl));
	pthread_mutex_lock(&m.lock);
	m.eof = 1;
	pthread_cond_broadcast(&m.more);
	pthread_mutex_unlock(&m.lock);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	if (started == 0)
		diag_add(dl, DIAG_DATA, NULL, 0, 0, "cannot start a thread");
	if (o->progress && m.done > 0)
		fputc('\n', stderr);
	if (m.nrep > 1)
		qsort(m.rep, m.nrep, sizeof(*m.rep), S_report_cmp);
	for (i = 0; i < m.nrep; i++) {
		/* a refused header is the one thing to fix first: the
		 * clashes of a misspelt 'nummer' would only bury it */
		if (!m.refused)
			diag_move(dl, m.rep[i].dl);
		diag_list_free(m.rep[i].dl);
	}
	free(m.rep);
	free(nm.clash);
	pthread_cond_destroy(&m.more);
	pthread_cond_destroy(&m.room);
	pthread_mutex_destroy(&m.lock);
	*failed = m.failed;
	*written = m.done - m.failed;
	if (m.refused || started == 0 || m.failed > 0)
		rc = -1;
	free(src);
	data_schema_free(schema);
	datadoc_clear(&base);
	return rc;
}
