/* docpage — a document on its own as an HTML page (see docpage.h). */
#include "docpage.h"
#include "buf.h"
#include "file.h"
#include "html.h"
#include "ohtml.h"
#include "tmpl.h"
#include "val.h"

int
docpage_html(const struct doc_node *root, const char *title,
    const char *desc, const char *lang, int fragment, const char *path,
    struct diag_list *dl)
{
	struct html_opts ho;
	struct theme *th;
	struct tmpl *t;
	struct tmpl_opts to = { ESC_HTML, NULL, NULL, 1 };
	struct buf body = { 0 }, page = { 0 };
	struct val *ctx;
	const char *src_t, *tpath;
	size_t tlen;
	int rc = 0;

	if (diag_worst(dl) >= DIAG_ERROR)
		return -1;	/* nothing is written from bad input */
	ho.lang = lang;
	ho.raw_html = 0;
	html_render(root, &ho, &body);
	if (fragment) {
		rc = file_write(path, buf_cstr(&body),
		    body.len, dl);
		buf_free(&body);
		return rc;
	}
	th = theme_new(".");
	src_t = theme_check(th, dl) != 0 ? NULL :
	    theme_get(th, "site/document.html", &tpath, &tlen);
	if (src_t == NULL && diag_worst(dl) >= DIAG_ERROR)
		rc = -1;
	else if (src_t == NULL) {
		diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
		    "site/document.html");
		rc = -1;
	} else if ((t = tmpl_parse(src_t, tlen, tpath, dl)) == NULL)
		rc = -1;
	else {
		ctx = val_map();
		val_set_str(ctx, "lang", lang);
		val_set_str(ctx, "title", title);
		val_set_str(ctx, "body", buf_cstr(&body));
		if (desc != NULL)
			val_set_str(ctx, "description", desc);
		rc = tmpl_render(t, ctx, &to, &page, dl);
		if (rc == 0 && diag_worst(dl) < DIAG_ERROR)
			rc = file_write(path,
			    buf_cstr(&page), page.len, dl);
		val_free(ctx);
		tmpl_free(t);
	}
	theme_free(th);
	buf_free(&body);
	buf_free(&page);
	return rc;
}

int
docpage_offer(const struct datadoc *d, const struct doc_node *root,
    const char *top, struct theme *th, const char *path,
    struct diag_list *dl)
{
	struct html_opts ho = { d->lang, 0 };
	struct buf body = { 0 }, page = { 0 };
	int rc = -1;

	if (diag_worst(dl) >= DIAG_ERROR)
		return -1;	/* nothing is written from bad input */
	html_render(root, &ho, &body);
	if (ohtml_page(d, buf_cstr(&body), top, th, &page, dl) == 0 &&
	    diag_worst(dl) < DIAG_ERROR)
		rc = file_write(path, buf_cstr(&page),
		    page.len, dl);
	buf_free(&body);
	buf_free(&page);
	return rc;
}
