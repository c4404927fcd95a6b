/* merge — a document per CSV row, on threads (see merge.h). */
#include "merge.h"
#include "buf.h"
#include "csv_load.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "html.h"
#include "mem.h"
#include "pdf.h"
#include "theme.h"
#include "val.h"
#include "xml.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mjob {
	const struct datadoc	*base;
	const struct val	*rows;
	const char		*rows_path;
	const char		*outdir;
	struct theme		*th;
	const struct merge_opts	*o;
	pthread_mutex_t		 lock;
	size_t			 next, done, failed;
	struct diag_list	**dl;	/* per row */
};

/* A file name from a field value: letters, digits, '-', '_' and '.'. */
static void
S_name(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, isalnum((unsigned char)*s) || *s == '-' ||
		    *s == '_' || *s == '.' ? *s : '-');
}

/* Every column must name a field of the document: a misspelt column
 * would otherwise be dropped without a word on every row.  Checked once,
 * against the schema, before anything is written. */
static int
S_columns(const struct val *rows, const char *kind,
    const struct data_schema *schema, const char *src, size_t len,
    const char *path, struct diag_list *dl)
{
	const struct val *r;
	const char *hdr = src, *eol, *hit;
	size_t k, nl;
	int rc = 0, col;

	if (rows->n == 0)
		return 0;
	if (len >= 3 && memcmp(hdr, "\xEF\xBB\xBF", 3) == 0)
		hdr += 3;
	for (eol = hdr; eol < src + len && *eol != '\n' && *eol != '\r'; eol++)
		;
	r = rows->items[0];
	for (k = 0; k < r->n; k++) {
		if (r->keys[k][0] == '_' ||
		    xml_explain_field(data_schema_explain(schema), kind,
		    r->keys[k]))
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
S_row(struct mjob *m, struct pdf_env *env, size_t i, struct diag_list *dl)
{
	const struct val *row = m->rows->items[i];
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	struct buf path = { 0 }, html = { 0 };
	const struct val *nr;
	size_t k;
	int rc = 0;

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
		if (datadoc_set(&d, row->keys[k], row->items[k]->str) != 0) {
			struct buf msg = { 0 };

			buf_printf(&msg, "column '%s' names no field of %s",
			    row->keys[k], d.kind);
			diag_add(dl, DIAG_DATA, NULL, 0, 0, msg.data);
			buf_free(&msg);
			rc = -1;
		}
	}
	datadoc_retitle(&d);
	if (rc == 0 && (root = datadoc_doc(&d, m->th, NULL, dl)) != NULL) {
		nr = val_get(d.data, "nummer");
		buf_printf(&path, "%s/", m->outdir);
		if (nr != NULL && nr->type == VAL_STR && nr->len > 0)
			S_name(&path, nr->str);
		else
			buf_printf(&path, "%s-%zu", d.slug, i + 1);
		if (m->o->pdf) {
			buf_puts(&path, ".pdf");
			memset(&po, 0, sizeof(po));
			po.letter = m->o->letter;
			po.logo = d.logo;
			po.accent = d.colour;
			rc = pdf_document(root, d.title, d.lang, d.path, &po, env,
			    path.data, dl);
		} else {
			struct html_opts ho = { d.lang, 0 };

			buf_puts(&path, ".html");
			buf_printf(&html, "<!DOCTYPE html>\n<html lang=\"%s\">\n"
			    "<head>\n<meta charset=\"utf-8\">\n<title>",
			    d.lang);
			esc_html(&html, d.title, strlen(d.title));
			buf_puts(&html, "</title>\n</head>\n<body>\n<main>\n");
			html_render(root, &ho, &html);
			buf_puts(&html, "</main>\n</body>\n</html>\n");
			rc = file_write(path.data, html.data, html.len, dl);
		}
		doc_free(root);
	} else
		rc = -1;
	datadoc_clear(&d);
	buf_free(&path);
	buf_free(&html);
	return rc;
}

static void *
S_worker(void *arg)
{
	struct mjob *m = arg;
	struct pdf_env *env = NULL;
	struct diag_list *dl;
	size_t i;
	int rc;

	for (;;) {
		pthread_mutex_lock(&m->lock);
		i = m->next++;
		pthread_mutex_unlock(&m->lock);
		if (i >= m->rows->n)
			break;
		dl = m->dl[i];
		if (env == NULL && m->o->pdf)
			env = pdf_env_new(m->base->lang, m->o->pdfo, dl);
		rc = (m->o->pdf && env == NULL) ? -1 : S_row(m, env, i, dl);
		pthread_mutex_lock(&m->lock);
		m->done++;
		if (rc != 0 || diag_worst(dl) >= DIAG_ERROR)
			m->failed++;
		if (m->o->progress) {
			fprintf(stderr, "\rsalesgen: merge %zu/%zu", m->done,
			    m->rows->n);
			fflush(stderr);
		}
		pthread_mutex_unlock(&m->lock);
	}
	pdf_env_free(env);
	return NULL;
}

/* A row's problems are told at its line of the CSV file: that is where
 * the user fixes them. */
static void
S_report(struct mjob *m, size_t i, struct diag_list *dl)
{
	const struct val *l = val_get(m->rows->items[i], "_line");
	int line = l != NULL ? (int)l->num : 0;
	size_t k;

	for (k = 0; k < m->dl[i]->n; k++) {
		const struct diag *d = &m->dl[i]->v[k];

		if (d->level >= DIAG_ERROR)
			diag_add(dl, DIAG_DATA, m->rows_path, line, 0, d->msg);
		else if (d->level == DIAG_WARNING)
			diag_add(dl, DIAG_DATA_WARN, m->rows_path, line, 0,
			    d->msg);
	}
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
	pthread_t tid[64];
	char *src;
	size_t len, i;
	int k, started = 0, jobs;

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
	if (k != 0) {
		data_schema_free(schema);
		datadoc_clear(&base);
		return -1;
	}
	memset(&m, 0, sizeof(m));
	memset(&co, 0, sizeof(co));
	co.diag_code = DIAG_CSV;
	if ((src = file_read(rows, &len, dl)) == NULL ||
	    (m.rows = csv_load(src, len, rows, &co, dl)) == NULL ||
	    S_columns(m.rows, base.kind, schema, src, len, rows, dl) != 0 ||
	    file_mkdirs(outdir, dl) != 0) {
		free(src);
		val_free((struct val *)m.rows);
		data_schema_free(schema);
		datadoc_clear(&base);
		return -1;
	}
	free(src);
	data_schema_free(schema);
	m.base = &base;
	m.rows_path = rows;
	m.outdir = outdir;
	m.th = th;
	m.o = o;
	pthread_mutex_init(&m.lock, NULL);
	m.dl = xcalloc(m.rows->n + 1, sizeof(*m.dl));
	for (i = 0; i < m.rows->n; i++)
		m.dl[i] = diag_list_new();
	jobs = o->jobs < 1 ? 1 : o->jobs > 64 ? 64 : o->jobs;
	for (k = 1; k < jobs; k++)
		if (pthread_create(&tid[k], NULL, S_worker, &m) == 0)
			started = k;
		else
			break;
	S_worker(&m);
	for (k = 1; k <= started; k++)
		pthread_join(tid[k], NULL);
	if (o->progress)
		fputc('\n', stderr);
	for (i = 0; i < m.rows->n; i++) {
		S_report(&m, i, dl);
		diag_list_free(m.dl[i]);
	}
	free(m.dl);
	pthread_mutex_destroy(&m.lock);
	*failed = m.failed;
	*written = m.rows->n - m.failed;
	val_free((struct val *)m.rows);
	datadoc_clear(&base);
	return m.failed > 0 ? -1 : 0;
}
