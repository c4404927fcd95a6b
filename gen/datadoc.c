/* datadoc — sales documents from data and templates (see datadoc.h). */
#include "datadoc.h"
#include "buf.h"
#include "csv_load.h"
#include "esc.h"
#include "file.h"
#include "fingerprint.h"
#include "img.h"
#include "md.h"
#include "mem.h"
#include "prep.h"
#include "sales_doc.h"
#include "theme.h"
#include "tmpl.h"
#include "val.h"
#include "xml.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *
S_str(const struct val *v, const char *key)
{
	const struct val *x = val_get(v, key);

	if (x == NULL)
		return NULL;
	if (x->type == VAL_MAP)
		x = val_get(x, "tekst");
	return x != NULL && x->type == VAL_STR ? x->str : NULL;
}

/* A file named in a document (a CSV part, a logo), relative to the
 * document, that must lie inside the project.  Returns the path (caller
 * frees) or NULL after a diagnostic at line:col. */
static char *
S_inside(const char *docpath, const char *dir, const char *rel, int line,
    int col, struct diag_list *dl)
{
	struct buf b = { 0 };
	char *out = NULL;

	if (rel[0] == '/' || strchr(rel, ':') != NULL) {
		diag_add(dl, DIAG_PATH_ESCAPE, docpath, line, col, rel);
		return NULL;
	}
	/* the document's folder, with its '/' */
	buf_put(&b, docpath, (size_t)(file_base(docpath) - docpath));
	buf_puts(&b, rel);
	/* out or not is told before whether it exists, so the message
	 * says nothing about what lies outside; a FIFO would hang */
	switch (file_where_in(dir, b.data)) {
	case FILE_OUT:
		diag_add(dl, DIAG_PATH_ESCAPE, docpath, line, col, rel);
		break;
	case FILE_MISSING:
		diag_add(dl, DIAG_NO_FILE, docpath, line, col, rel,
		    "no such file");
		break;
	case FILE_NOT_REG:
		diag_add(dl, DIAG_NOT_REGULAR, docpath, line, col);
		break;
	case FILE_IN:
		out = buf_detach(&b);
		break;
	}
	buf_free(&b);
	return out;
}

int
datadoc_csv(struct datadoc *d, const char *src, size_t len, const char *path,
    const char *key, const char *need, struct diag_list *dl)
{
	struct csv_opts co;
	struct val *rows, *list, *row;
	size_t i;
	int rc = 0, any = 0;

	memset(&co, 0, sizeof(co));
	co.diag_code = DIAG_CSV;
	if ((rows = csv_load(src, len, path, &co, dl)) == NULL)
		return -1;
	list = (struct val *)val_get(d->data, key);
	if (list == NULL || list->type != VAL_LIST)
		list = val_set(d->data, key, val_list());
	for (i = 0; i < rows->n && !any; i++)
		any = val_get(rows->items[i], need) != NULL;
	for (i = 0; i < rows->n; i++) {
		row = rows->items[i];
		if (val_get(row, need) == NULL) {
			if (!any)	/* no row has it: the header lacks it */
				diag_add(dl, DIAG_CSV, path, 1, 1,
				    need[0] == 's' ?
				    "the header has no column 'score' (one answer, 0 to 10, per row)" :
				    "the header has no column 'omzet12' (revenue over the last twelve months)");
			else
				diag_add(dl, DIAG_CSV, path, row->line, 1,
				    need[0] == 's' ?
				    "this row is shorter than the header: it has no 'score'" :
				    "this row is shorter than the header: it has no 'omzet12'");
			rc = -1;
			break;
		}
		val_at(row, path, row->line, row->col);	/* for diagnostics */
		val_push(list, row);
		rows->items[i] = NULL;
	}
	val_free(rows);
	return rc;
}

/* Reads the CSV part (bron="...") of a customer list or a survey. */
static int
S_csv(struct datadoc *d, const char *dir, const char *key,
    const char *need, struct diag_list *dl)
{
	const struct val *bron = val_get(d->data, "bron");
	char *path, *src;
	size_t len;
	int rc;

	if (bron == NULL || bron->type != VAL_STR)
		return 0;
	path = S_inside(d->path, dir, bron->str, d->data->line, d->data->col,
	    dl);
	if (path == NULL)
		return -1;
	if ((src = file_read_in(dir, path, &len, dl)) == NULL) {
		free(path);
		return -1;
	}
	rc = datadoc_csv(d, src, len, path, key, need, dl);
	free(src);
	free(path);
	return rc;
}

static unsigned
S_colour(const char *s)
{
	unsigned v = 0;
	int i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return 0xFF000000u;
	for (i = 1; i < 7; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return 0xFF000000u;
		v = v * 16 + (unsigned)(isdigit((unsigned char)s[i]) ?
		    s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10));
	}
	return v;
}

void
datadoc_retitle(struct datadoc *d)
{
	const struct sales_kind *k = sales_kind(d->kind);
	struct buf t = { 0 };
	const char *s;

	if ((s = S_str(d->data, "titel")) != NULL)
		buf_puts(&t, s);
	else if (k != NULL && k->numbered)
		buf_printf(&t, "%s %s", sales_kind_title(k, d->lang),
		    (s = S_str(d->data, "nummer")) ? s : "");
	else if (k != NULL)
		buf_puts(&t, sales_kind_title(k, d->lang));
	else
		buf_puts(&t, d->kind);
	free(d->title);
	d->title = buf_detach(&t);
}

int
datadoc_load(struct datadoc *d, const char *src, size_t len,
    const char *path, const char *dir, const struct data_schema *schema,
    struct diag_list *dl)
{
	const struct sales_kind *k;
	const char *base, *s;
	const struct val *v;
	size_t n;

	memset(d, 0, sizeof(*d));
	d->colour = 0xFF000000u;
	d->path = xstrdup(path);
	base = file_base(path);
	n = strlen(base);
	d->slug = xstrndup(base, n > 4 && strcmp(base + n - 4, ".xml") == 0 ?
	    n - 4 : n);
	if ((d->data = xml_data_load(src, len, path, schema, &d->kind,
	    dl)) == NULL)
		return -1;
	s = S_str(d->data, "lang");
	d->lang = xstrdup(s ? s : "nl");
	if ((k = sales_kind(d->kind)) != NULL && k->csv_key != NULL &&
	    S_csv(d, dir, k->csv_key, k->csv_need, dl) != 0)
		return -1;
	datadoc_retitle(d);
	if ((v = val_get(d->data, "verkoper")) != NULL) {
		int vl = v->type == VAL_MAP ? v->line : 0;
		int vc = v->type == VAL_MAP ? v->col : 0;

		/* at <verkoper>, as always */
		if ((s = S_str(v, "logo")) != NULL)
			d->logo = S_inside(path, dir, s, vl, vc, dl);
		/* decoded now, before anything is written */
		if (d->logo != NULL && img_check_file(d->logo, s, path, vl,
		    vc, dl) != 0)
			return -1;
		d->colour = S_colour(S_str(v, "kleur"));
	}
	if ((v = val_get(d->data, "voorwaarden")) != NULL &&
	    v->type == VAL_MAP && (s = S_str(v, "bestand")) != NULL) {
		/* the general terms, appended to the letter (datadoc_doc()):
		 * a Markdown file of the project beside the data, read now so
		 * that a bad one stops before anything is written */
		const struct val *b = val_get(v, "bestand");
		struct diag_list *tmp = diag_list_new();
		size_t tl;

		d->terms_path = S_inside(path, dir, s, b->line, b->col, dl);
		if (d->terms_path == NULL) {
			diag_list_free(tmp);
			return -1;
		}
		d->terms = file_read_in(dir, d->terms_path, &tl, tmp);
		if (d->terms == NULL) {
			/* told at the attribute, like the checks above */
			size_t i;

			for (i = 0; i < tmp->n; i++) {
				free(tmp->v[i].file);
				tmp->v[i].file = xstrdup(path);
				tmp->v[i].line = b->line;
				tmp->v[i].col = b->col;
			}
			diag_move(dl, tmp);
			diag_list_free(tmp);
			return -1;
		}
		diag_list_free(tmp);
		/* part of the offer: in the data, so its fingerprint
		 * (fingerprint.h, which skips only the "_" keys) changes
		 * with the file; nothing else reads this key */
		val_set_str((struct val *)v, "bestand-inhoud", d->terms);
	}
	return 0;
}

void
datadoc_clear(struct datadoc *d)
{
	free(d->path);
	free(d->slug);
	free(d->kind);
	free(d->lang);
	free(d->title);
	free(d->logo);
	free(d->terms_path);
	free(d->terms);
	free(d->fingerprint);
	val_free(d->ctx);
	val_free(d->data);
	memset(d, 0, sizeof(*d));
}

int
datadoc_set(struct datadoc *d, const char *path, const char *value,
    const char *file, int line, int col)
{
	struct val *m = d->data, *next;
	const char *p = path, *e;
	char *key;

	for (;;) {
		e = p + strcspn(p, ".@");
		key = xstrndup(p, (size_t)(e - p));
		if (*e == '\0') {
			next = val_set(m, key, val_str(value));
			if (file != NULL) {
				/* as a CSV part's rows carry theirs: a value
				 * that cannot be used is told at its cell,
				 * over the position the XML template gave it
				 * (xml_data.c); the element takes the row's
				 * file and line */
				val_at(m, file, line, m->col);
				val_at(next, file, line, col);
			}
			free(key);
			return 0;
		}
		next = (struct val *)val_get(m, key);
		if (next == NULL)
			next = val_set(m, key, val_map());
		else if (next->type == VAL_STR) {
			/* text becomes the map's "tekst" */
			struct val *mm = val_map();

			val_set_str(mm, "tekst", next->str);
			next = val_set(m, key, mm);
		} else if (next->type != VAL_MAP) {
			free(key);
			return -1;
		}
		free(key);
		m = next;
		p = e + 1;
	}
}

/* Takes n out of root's children and frees it. */
static void
S_unlink(struct doc_node *root, struct doc_node *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else
		root->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else
		root->last = n->prev;
	n->prev = n->next = NULL;
	n->parent = NULL;
	doc_free(n);
}

/* A template's frames: a fenced block ```frame NAME [ARGS]``` (the
 * letterhead, the window of a window envelope, a page's head and foot,
 * salesgen-data(5)) becomes a paragraph of its lines with info "frame
 * NAME ARGS", which the PDF back end places at a fixed position and the
 * HTML back end shows where it stands.  The values in it were escaped
 * for Markdown, which a code block does not read: the backslashes go.
 * The window's paragraph stands at the customer's element in the data
 * (ctx's klant._line, _col; else nowhere): the PDF's warning about an
 * address too long for it points there. */
static void
S_frames(struct doc_node *root, const struct val *ctx)
{
	struct doc_node *n, *p, *t, *next;
	struct buf line = { 0 };
	const char *s, *e;
	int any;

	for (n = root->first; n != NULL; n = next) {
		next = n->next;
		if (n->type != DOC_CODEBLOCK || n->info == NULL ||
		    strncmp(n->info, "frame ", 6) != 0)
			continue;
		if (strcmp(n->info, "frame keep") == 0) {
			/* the paragraphs after it, up to the next block of
			 * another kind, stay on one page (a letter's closing
			 * with the name under it): info "keep", which the
			 * PDF's layout reads and HTML ignores */
			for (p = next; p != NULL && p->type == DOC_PARA &&
			    p->info == NULL; p = p->next)
				p->info = xstrdup("keep");
			S_unlink(root, n);
			continue;
		}
		if (strncmp(n->info, "frame window", 12) == 0 &&
		    (n->info[12] == '\0' || n->info[12] == ' ')) {
			const struct val *k = val_get(ctx, "klant");

			n->line = n->col = 0;
			if (k != NULL && k->type == VAL_MAP &&
			    k->line > 0) {
				n->line = k->line;
				n->col = k->col;
			}
		}
		p = doc_new(DOC_PARA, n->line, n->col);
		p->info = n->info;
		n->info = NULL;
		any = 0;
		for (s = n->text != NULL ? n->text : ""; *s != '\0'; s = e) {
			e = s + strcspn(s, "\n");
			buf_reset(&line);
			for (; s < e; s++) {
				if (*s == '\\' && s + 1 < e &&
				    ispunct((unsigned char)s[1]))
					s++;
				buf_putc(&line, *s);
			}
			if (*e == '\n')
				e++;
			if (line.len == 0)
				continue;	/* an empty value's line */
			if (any)
				doc_append(p, doc_new(DOC_LINEBREAK, n->line,
				    n->col));
			t = doc_new(DOC_TEXT, n->line, n->col);
			t->text = xstrdup(line.data);
			doc_append(p, t);
			any = 1;
		}
		/* in n's place */
		p->parent = root;
		p->prev = n->prev;
		p->next = n->next;
		if (n->prev)
			n->prev->next = p;
		else
			root->first = p;
		if (n->next)
			n->next->prev = p;
		else
			root->last = p;
		n->prev = n->next = NULL;
		n->parent = NULL;
		doc_free(n);
		n = p;
	}
	buf_free(&line);
}

/* The general terms (<voorwaarden bestand>, read by datadoc_load()) after
 * the letter: a thematic break with info "page" (a new page in the PDF,
 * a rule in the HTML), then the file's blocks, under a heading of their
 * own unless the file starts with one.  Its positions are the file's. */
static void
S_terms(const struct datadoc *d, struct doc_node *root,
    struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *t, *n, *h, *x;
	int en = strcmp(d->lang, "en") == 0;

	t = md_parse(d->terms, strlen(d->terms), d->terms_path, &mo, &meta,
	    dl);
	if (t == NULL)
		return;
	md_meta_clear(&meta);
	n = doc_new(DOC_HRULE, 1, 1);
	n->info = xstrdup("page");
	doc_append(root, n);
	if (t->first == NULL || t->first->type != DOC_HEADING) {
		h = doc_new(DOC_HEADING, 1, 1);
		h->level = 2;
		x = doc_new(DOC_TEXT, 1, 1);
		x->text = xstrdup(en ? "Terms and conditions" :
		    "Algemene voorwaarden");
		doc_append(h, x);
		doc_append(root, h);
	}
	while ((n = t->first) != NULL) {
		doc_unlink(n);
		doc_append(root, n);
	}
	doc_free(t);
}

struct doc_node *
datadoc_doc(struct datadoc *d, struct theme *th, struct buf *mdout,
    struct diag_list *dl)
{
	struct tmpl_opts o = { ESC_MD, NULL, NULL, 1 };
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *root = NULL;
	struct buf name = { 0 }, md = { 0 };
	struct val *ctx;
	struct tmpl *t;
	const char *src, *tpath;
	size_t len;

	if ((ctx = sales_context(d->kind, d->data, d->lang, d->path,
	    dl)) == NULL)
		return NULL;
	buf_printf(&name, "%s/%s.md", d->lang, d->kind);
	if ((src = theme_get(th, name.data, &tpath, &len)) == NULL) {
		diag_add(dl, DIAG_DATA_KIND, d->path, 0, 0, d->kind, d->lang);
		goto done;
	}
	if (strcmp(d->kind, "offerte") == 0) {
		/* the same value as a mailing's manifest gives this data */
		unsigned char dg[FP_SIZE];
		char hex[2 * FP_SIZE + 1];

		fp_digest(d->kind, d->data, src, len, dg);
		fp_hex(dg, 2 * FP_SIZE, hex);
		free(d->fingerprint);
		d->fingerprint = xstrdup(hex);
		hex[FP_SHORT] = '\0';
		val_set_str(ctx, "vingerafdruk", hex);
	}
	/* the values are UTF-8 (libxml2 and the CSV loader refuse any
	 * other bytes): a bad byte in the Markdown can come only from the
	 * template, so it is told there */
	md_check_utf8(src, len, tpath, 0, dl);
	mo.generated = 1;
	if ((t = tmpl_parse(src, len, tpath, dl)) == NULL)
		goto done;
	if (tmpl_render(t, ctx, &o, &md, dl) == 0) {
		root = md_parse(buf_cstr(&md), md.len, d->path, &mo, &meta, dl);
		if (root != NULL) {
			md_meta_clear(&meta);
			S_frames(root, ctx);
			if (d->terms != NULL)
				S_terms(d, root, dl);
			prep_passes(root, &(struct prep){ .steps =
			    PREP_NUMBER | PREP_UNNUMBER | PREP_XREF,
			    .path = d->path }, dl);
		}
	}
	tmpl_free(t);
	if (mdout != NULL)
		buf_put(mdout, md.data ? md.data : "", md.len);
done:
	if (d->keep_ctx && root != NULL) {
		val_free(d->ctx);
		d->ctx = ctx;
	} else
		val_free(ctx);
	buf_free(&name);
	buf_free(&md);
	return root;
}
