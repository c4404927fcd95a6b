/*
 * test_kinds — every kind of sales document in sales_kinds[] (sales_doc.c)
 * is known everywhere a person meets it: named in the usage text (--help),
 * in salesgen(1) (.Cm KIND) and with its own section in salesgen-data(5)
 * (.Ss KIND), and its starting file (salesgen new KIND) validates and
 * renders through its Dutch and its English template without an error.
 * The table drives the test: a kind added to it is checked here without a
 * line more.  Run from the top of the repository.  One PASS or FAIL line
 * per check; exit status 1 if any failed.
 */
#include "buf.h"
#include "build.h"
#include "datadoc.h"
#include "diag.h"
#include "doc.h"
#include "file.h"
#include "html.h"
#include "mem.h"
#include "sales_doc.h"
#include "theme.h"
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void
S_result(int ok, const char *what, const char *kind, const char *why)
{
	if (ok)
		printf("PASS kinds: %s: %s\n", kind, what);
	else {
		printf("FAIL kinds: %s: %s\n  %s\n", kind, what, why);
		failed++;
	}
}

/* 1 when text holds word with no letter either side. */
static int
S_has_word(const char *text, const char *word)
{
	const char *p = text;
	size_t n = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		if ((p == text || !(p[-1] >= 'a' && p[-1] <= 'z')) &&
		    !(p[n] >= 'a' && p[n] <= 'z'))
			return 1;
		p += n;
	}
	return 0;
}

/* 1 when the page calls macro on word: "MACRO word" at the start of a
 * line (".Cm offerte ,") or inside one (".Pf ( Cm offerte ,"); what
 * follows is punctuation or the end of the line.  macro without its dot. */
static int
S_has_line(const char *page, const char *macro, const char *word)
{
	struct buf b = { 0 };
	const char *p;
	int found = 0;

	buf_printf(&b, "%s %s", macro, word);
	for (p = page; !found && (p = strstr(p, b.data)) != NULL; p++)
		found = p > page && (p[-1] == ' ' || (p[-1] == '.' &&
		    (p - 1 == page || p[-2] == '\n'))) &&
		    (p[b.len] == '\n' || p[b.len] == ' ');
	buf_free(&b);
	return found;
}

/* The starting file of k through its template in lang. */
static void
S_render(const struct sales_kind *k, const char *lang, struct theme *th,
    const struct data_schema *schema)
{
	struct diag_list *dl = diag_list_new();
	struct datadoc d;
	struct doc_node *root = NULL;
	struct html_opts ho = { lang, 0 };
	struct buf html = { 0 }, what = { 0 }, why = { 0 };
	const char *src, *path;
	size_t len;
	FILE *f;
	char *s = NULL;
	size_t slen = 0;

	memset(&d, 0, sizeof(d));
	buf_printf(&what, "%s renders in %s", k->starter, lang);
	if ((src = theme_get(th, k->starter, &path, &len)) != NULL &&
	    datadoc_load(&d, src, len, path, ".", schema, dl) == 0) {
		free(d.lang);
		d.lang = xstrdup(lang);
		if (strcmp(d.kind, k->name) != 0)
			diag_add(dl, DIAG_USAGE, path, 0, 0, "not its kind");
		else if ((root = datadoc_doc(&d, th, NULL, dl)) != NULL)
			html_render(root, &ho, &html);
	}
	if ((f = open_memstream(&s, &slen)) != NULL) {
		diag_print(dl, f);
		fclose(f);
	}
	buf_puts(&why, src == NULL ? "no starting file" : s ? s : "");
	S_result(root != NULL && html.len > 0 && diag_worst(dl) < DIAG_ERROR,
	    what.data, k->name, why.data);
	free(s);
	doc_free(root);
	datadoc_clear(&d);
	buf_free(&html);
	buf_free(&what);
	buf_free(&why);
	diag_list_free(dl);
}

int
main(void)
{
	struct diag_list *dl = diag_list_new();
	struct theme *th = theme_new(NULL);
	struct data_schema *schema = data_schema_new(th, dl);
	struct buf usage = { 0 };
	char *man1, *man5;
	size_t i, len;

	build_usage(&usage);
	man1 = file_read("man/salesgen.1", &len, dl);
	man5 = file_read("man/salesgen-data.5", &len, dl);
	if (schema == NULL || man1 == NULL || man5 == NULL) {
		printf("FAIL kinds: the schema or the man pages cannot be read "
		    "(run from the top of the repository)\n");
		return 1;
	}
	S_result(sales_nkinds > 0, "the table has kinds", "all", "none");
	for (i = 0; i < sales_nkinds; i++) {
		const struct sales_kind *k = &sales_kinds[i];

		S_result(sales_kind(k->name) == k, "found by its name",
		    k->name, "sales_kind() finds another or none");
		S_result(S_has_word(usage.data, k->name), "in the usage text",
		    k->name, usage.data);
		S_result(S_has_line(man1, "Cm", k->name),
		    "in salesgen.1 (.Cm)", k->name, "no .Cm line names it");
		S_result(S_has_line(man5, "Ss", k->name),
		    "in salesgen-data.5 (.Ss)", k->name,
		    "no section of DOCUMENT KINDS is named after it");
		S_render(k, "nl", th, schema);
		S_render(k, "en", th, schema);
	}
	free(man1);
	free(man5);
	buf_free(&usage);
	data_schema_free(schema);
	theme_free(th);
	diag_list_free(dl);
	return failed ? 1 : 0;
}
