/*
 * test_tag — pdf_tag.h's structure tree as it is written now, as PDF
 * text into the object streams (tag_pack(), pack_pdf_more()), read back
 * by independent readers.  Documents made through the tag_* calls the
 * layout and drawing code make are saved by libharu, packed with the
 * tree's objects, and checked with qpdf --check and with pikepdf
 * (tests/tools/pdf_struct_dump.py), whose dump of the small document must
 * be the tree written out by hand below, line for line: a heading, a
 * paragraph holding a link (its text's MCID, an OBJR to its annotation,
 * the annotation's /StructParent back), a list, a figure whose /Alt has
 * an accent and a character outside the BMP (UTF-16 with a surrogate
 * pair), a section in English with a title, a paragraph over two pages
 * (marked-content references), a TH with its /Scope, an empty TD that is
 * written all the same, and the ParentTree.  A table of 30,001 rows gets
 * its rows in two TBody groups (30,000 and 1), each row's /P its group.
 * Run from the top of the tree (tests/run.sh does).  One PASS or FAIL
 * line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "diag.h"
#include "pdf/pdf_pack.h"
#include "pdf/pdf_tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

#include "check.h"

static void
S_err(HPDF_STATUS e, HPDF_STATUS d, void *arg)
{
	(void)arg;
	fprintf(stderr, "libharu error %#lx %#lx\n", (unsigned long)e,
	    (unsigned long)d);
}

/* Saves pdf, packs it with t's objects into path; 0 or -1. */
static int
S_save(HPDF_Doc pdf, struct tag_tree *t, const char *path)
{
	struct buf raw = { 0 }, out = { 0 };
	struct diag_list *dl = diag_list_new();
	struct pack_more more;
	HPDF_UINT32 n;
	FILE *f;
	int rc = -1;

	if (HPDF_SaveToStream(pdf) != HPDF_OK)
		return -1;
	n = HPDF_GetStreamSize(pdf);
	buf_grow(&raw, n);
	if (HPDF_ReadFromStream(pdf, (HPDF_BYTE *)raw.data, &n) != HPDF_OK &&
	    HPDF_GetError(pdf) != HPDF_STREAM_EOF)
		goto out;
	raw.len = n;
	tag_pack(t, &more);
	if (more.write == NULL || pack_pdf_more(raw.data, raw.len, &more, &out,
	    path, dl) != 0)
		goto out;
	if ((f = fopen(path, "wb")) == NULL)
		goto out;
	if (fwrite(out.data, 1, out.len, f) == out.len)
		rc = 0;
	if (fclose(f) != 0)
		rc = -1;
out:
	diag_list_free(dl);
	buf_free(&raw);
	buf_free(&out);
	return rc;
}

/* The output of cmd, into b; its exit status. */
static int
S_run(const char *cmd, struct buf *b)
{
	char chunk[4096];
	size_t n;
	FILE *p;

	buf_reset(b);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_put(b, chunk, n);
	return pclose(p);
}

/* The dump of path, its first line (the file's name) left out. */
static int
S_dump(const char *path, struct buf *b)
{
	char cmd[512];
	const char *nl;
	int rc;

	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 "
	    "tests/tools/pdf_struct_dump.py '%s' 2>&1", path);
	rc = S_run(cmd, b);
	if (rc == 0 && (nl = strchr(buf_cstr(b), '\n')) != NULL) {
		size_t skip = (size_t)(nl + 1 - b->data);

		memmove(b->data, b->data + skip, b->len - skip + 1);
		b->len -= skip;
	}
	return rc;
}

static void
S_qpdf(const char *name, const char *path)
{
	char cmd[512];
	struct buf b = { 0 };
	int rc;

	snprintf(cmd, sizeof(cmd), "qpdf --check '%s' 2>&1", path);
	rc = S_run(cmd, &b);
	check_verdict("tag", name, rc == 0, buf_cstr(&b));
	buf_free(&b);
}

/* Finishes the tree, saves and packs pdf into path, and runs qpdf
 * --check on it: the verdicts of tests name-written and name-qpdf-check.
 * Returns whether it was written. */
static int
S_finish(HPDF_Doc pdf, struct tag_tree *t, const char *title,
    const char *path, const char *name)
{
	char test[64];
	int ok;

	ok = tag_finish(t, pdf, title, NULL, NULL, 0) == 0 &&
	    S_save(pdf, t, path) == 0;
	snprintf(test, sizeof(test), "%s-written", name);
	check_verdict("tag", test, ok, "not saved and packed");
	snprintf(test, sizeof(test), "%s-qpdf-check", name);
	if (ok)
		S_qpdf(test, path);
	return ok;
}

/* The tree a reader must find in the small document. */
static const char S_want[] =
    "catalog /MarkInfo <</Marked True>>\n"
    "catalog /Lang None\n"
    "catalog /ViewerPreferences <</DisplayDocTitle True>>\n"
    "root /ParentTreeNextKey 3\n"
    "root /Type /StructTreeRoot\n"
    "el 0 /Document /Lang='nl' /T='Verkoopplan'\n"
    "  K array\n"
    "  el 1 /H1\n"
    "    K single\n"
    "    mcid 0 page 1\n"
    "  el 2 /P\n"
    "    K array\n"
    "    mcid 1 page 1\n"
    "    el 3 /Link\n"
    "      K array\n"
    "      mcid 2 page 1\n"
    "      objr annot 1/0\n"
    "    mcid 3 page 1\n"
    "  el 4 /L\n"
    "    K array\n"
    "    el 5 /LI\n"
    "      K array\n"
    "      el 6 /LBody\n"
    "        K array\n"
    "        el 7 /P\n"
    "          K single\n"
    "          mcid 4 page 1\n"
    "  el 8 /Figure /Alt='Grafiek: omzet \xe2\x82\xac 5 \xf0\x9f\x98\x80 (hoog)'\n"
    "    K single\n"
    "    mcid 5 page 1\n"
    "  el 9 /Sect /Lang='en' /T='Sales plan'\n"
    "    K array\n"
    "    el 10 /P\n"
    "      K single\n"
    "      mcid 6 page 1\n"
    "  el 11 /Table\n"
    "    K array\n"
    "    el 12 /TR\n"
    "      K array\n"
    "      el 13 /TH /A=<</O /Table /Scope /Column>>\n"
    "        K single\n"
    "        mcid 7 page 1\n"
    "      el 14 /TD\n"
    "        K array\n"
    "  el 15 /P\n"
    "    K array\n"
    "    mcr 8 page 1\n"
    "    mcr 0 page 2\n"
    "parent 0 [el 1 el 2 el 3 el 2 el 7 el 8 el 10 el 13 el 15]\n"
    "parent 1 [el 15]\n"
    "parent 2 el 3\n"
    "page 1 StructParents=0 Tabs=/S\n"
    "annot 1/0 StructParent=2 Contents='https://example.nl/plan'\n"
    "page 2 StructParents=1 Tabs=/S\n";

static void
S_small(const char *path)
{
	HPDF_Doc pdf = HPDF_New(S_err, NULL);
	HPDF_Page p1, p2;
	HPDF_Annotation a;
	HPDF_Rect r = { 10, 10, 50, 20 };
	struct tag_tree *t = tag_new("nl");
	struct tag_rows *m = tag_rows_new(t);
	struct buf out = { 0 }, dump = { 0 };
	int link, ok;
	size_t row;

	/* the layout: rows 0..8 */
	tag_leaf(m, tag_heading(m, 1), 0, 1, NULL);
	tag_leaf(m, TAG_P, 1, 2, NULL);
	tag_open(m, TAG_L, 2, NULL);
	tag_open(m, TAG_LI, 2, NULL);
	tag_open(m, TAG_LBODY, 2, NULL);
	tag_leaf(m, TAG_P, 2, 3, NULL);
	tag_close(m, 3);
	tag_close(m, 3);
	tag_close(m, 3);
	tag_leaf(m, TAG_FIGURE, 3, 4,
	    "Grafiek: omzet \xe2\x82\xac 5 \xf0\x9f\x98\x80 (hoog)");
	tag_sect(m, 4, "Sales plan");
	tag_lang(m, "en");
	tag_leaf(m, TAG_P, 4, 5, NULL);
	tag_part(m, 5, -1, NULL);	/* closes the Sect */
	tag_open(m, TAG_TABLE, 5, NULL);
	tag_open(m, TAG_TR, 5, NULL);
	tag_leaf(m, TAG_TH, 5, 6, NULL);
	tag_element(m, TAG_TD, -1);	/* an empty cell */
	tag_close(m, 6);
	tag_close(m, 6);
	tag_leaf(m, TAG_P, 6, 8, NULL);

	/* the drawing: rows 0..6 on page 1, 7 on page 2 */
	p1 = HPDF_AddPage(pdf);
	tag_page(t, p1);
	for (row = 0; row < 7; row++) {
		tag_row(t, m, row, 0, &out);
		if (row != 1)
			continue;
		/* the paragraph's link, then the paragraph goes on */
		link = tag_link(t, m, row, 0, 0, 0, 0, &out);
		a = HPDF_Page_CreateURILinkAnnot(p1, r,
		    "https://example.nl/plan");
		tag_annot(t, pdf, link, a, "https://example.nl/plan", 0);
		tag_row(t, m, row, 0, &out);
	}
	tag_page_end(t, &out);
	p2 = HPDF_AddPage(pdf);
	tag_page(t, p2);
	tag_row(t, m, 7, 0, &out);
	tag_page_end(t, &out);

	if (S_finish(pdf, t, "Verkoopplan", path, "small") &&
	    S_dump(path, &dump) == 0) {
		ok = 
		    strcmp(buf_cstr(&dump), S_want) == 0;
		if (!ok)
			printf("  got:\n%s", buf_cstr(&dump));
		check_verdict("tag", "small-tree-as-read-by-pikepdf", ok,
		    "the dump is not the tree wanted");
	}
	buf_free(&out);
	buf_free(&dump);
	tag_free(t);
	HPDF_Free(pdf);
}

/* Lines of s that contain needle. */
static size_t
S_count(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

static void
S_big(const char *path)
{
	HPDF_Doc pdf = HPDF_New(S_err, NULL);
	struct tag_tree *t = tag_new("nl");
	struct tag_rows *m = tag_rows_new(t);
	struct buf out = { 0 }, dump = { 0 };
	size_t row, rows = 30001;
	char why[200];
	int ok;

	tag_open(m, TAG_TABLE, 0, NULL);
	for (row = 0; row < rows; row++) {
		tag_open(m, TAG_TR, row, NULL);
		tag_leaf(m, TAG_TD, row, row + 1, NULL);
		tag_close(m, row + 1);
	}
	tag_close(m, rows);
	tag_page(t, HPDF_AddPage(pdf));
	for (row = 0; row < rows; row++) {
		tag_row(t, m, row, 0, &out);
		buf_reset(&out);
	}
	tag_page_end(t, &out);
	if (S_finish(pdf, t, "Groot", path, "big") &&
	    S_dump(path, &dump) == 0) {
		snprintf(why, sizeof(why), "%zu TBody, %zu TR, %zu TD, %zu bad "
		    "/P; or a TR not in its TBody",
		    S_count(dump.data, "/TBody\n"), S_count(dump.data,
		    "/TR\n"), S_count(dump.data, "/TD\n"), S_count(dump.data,
		    "BAD-/P"));
		ok = S_count(dump.data, "/TBody\n") == 2 &&
		    S_count(dump.data, "/TR\n") == rows &&
		    S_count(dump.data, "/TD\n") == rows &&
		    S_count(dump.data, "BAD-/P") == 0 &&
		    S_count(dump.data, "\n      el 3 /TR\n") == 1 &&
		    S_count(dump.data, "\n    el 60003 /TBody\n") == 1 &&
		    S_count(dump.data, "\n      el 60004 /TR\n") == 1;
		check_verdict("tag", "big-table-in-two-tbody", ok, why);
	}
	buf_free(&out);
	buf_free(&dump);
	tag_free(t);
	HPDF_Free(pdf);
}

int
main(void)
{
	char dir[] = "/tmp/test_tag.XXXXXX", path[64];

	if (mkdtemp(dir) == NULL) {
		check_verdict("tag", "tmpdir", 0, "mkdtemp failed");
		return check_status();
	}
	snprintf(path, sizeof(path), "%s/small.pdf", dir);
	S_small(path);
	remove(path);
	snprintf(path, sizeof(path), "%s/big.pdf", dir);
	S_big(path);
	remove(path);
	rmdir(dir);
	return check_status();
}
