/*
 * test_datadoc — replays the inputs fuzz_xml_data found (tests/fuzz/regress):
 * each <case>.xml goes through datadoc_load() and datadoc_doc() as
 * `salesgen render` takes it, with <case>.csv, when there is one, added as
 * the CSV part of a klanten or nps document, and the diagnostics must be
 * those in <case>.err, columns aside.  Under the sanitizer build this also
 * checks that the inputs no longer overflow.  Run from the top of the
 * repository.  One PASS or FAIL line per case; exit status 1 if any failed.
 */
#include "buf.h"
#include "datadoc.h"
#include "diag.h"
#include "doc.h"
#include "file.h"
#include "mem.h"
#include "sales_doc.h"
#include "theme.h"
#include "xml.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDIR	"tests/fuzz/regress"

#include "check.h"

static int
S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Drops the column from "file:line:col: " at the start of each line, in
 * place: the cases are about what is reported and on which line. */
static void
S_nocol(char *s)
{
	char *p = s, *w = s, *c;

	while (*p != '\0') {
		c = strchr(p, ':');
		if (c != NULL && c[1] >= '0' && c[1] <= '9') {
			c += 1 + strspn(c + 1, "0123456789");
			if (c[0] == ':' && c[1] >= '0' && c[1] <= '9') {
				memmove(w, p, (size_t)(c - p));
				w += c - p;
				p = c + 1 + strspn(c + 1, "0123456789");
			}
		}
		while (*p != '\0' && *p != '\n')
			*w++ = *p++;
		if (*p == '\n')
			*w++ = *p++;
	}
	*w = '\0';
}

/* Diagnostics as salesgen prints them. */
static char *
S_diags(struct diag_list *dl)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	if (f == NULL)
		abort();
	diag_print(dl, f);
	fclose(f);
	return s;
}

static void
S_case(const char *name, struct theme *th, const struct data_schema *schema)
{
	struct diag_list *dl = diag_list_new(), *quiet = diag_list_new();
	const struct sales_kind *k;
	struct datadoc d;
	struct doc_node *root = NULL;
	struct buf path = { 0 }, md = { 0 };
	char *src, *csv, *want, *got;
	size_t len, clen, n = strlen(name) - 4;
	int rc;

	buf_printf(&path, RDIR "/%s", name);
	if ((src = file_read(path.data, &len, dl)) == NULL)
		abort();
	/* Diagnostics name the file as written in the folder. */
	rc = datadoc_load(&d, src, len, name, RDIR, schema, dl);
	buf_reset(&path);
	buf_printf(&path, RDIR "/%.*s.csv", (int)n, name);
	if (rc == 0 && (csv = file_read(path.data, &clen, quiet)) != NULL) {
		buf_reset(&path);
		buf_printf(&path, "%.*s.csv", (int)n, name);
		/* the CSV part of its kind, klanten's when it has none */
		k = sales_kind(d.kind);
		if (k == NULL || k->csv_key == NULL)
			k = sales_kind("klanten");
		rc = datadoc_csv(&d, csv, clen, path.data, k->csv_key,
		    k->csv_need, dl);
		free(csv);
	}
	if (rc == 0)
		root = datadoc_doc(&d, th, &md, dl);
	got = S_diags(dl);
	buf_reset(&path);
	buf_printf(&path, RDIR "/%.*s.err", (int)n, name);
	if ((want = file_read(path.data, &len, quiet)) == NULL)
		want = xstrdup("");
	S_nocol(got);
	S_nocol(want);
	if (strcmp(got, want) == 0 && (root != NULL) == (rc == 0 &&
	    diag_worst(dl) < DIAG_ERROR))
		printf("PASS datadoc: %s\n", name);
	else {
		printf("FAIL datadoc: %s\n  expected:\n%s  got:\n%s", name,
		    want, got);
		check_fail();
	}
	doc_free(root);
	datadoc_clear(&d);
	free(want);
	free(got);
	free(src);
	buf_free(&md);
	buf_free(&path);
	diag_list_free(dl);
	diag_list_free(quiet);
}

int
main(void)
{
	struct theme *th = theme_new(NULL);
	struct diag_list *dl = diag_list_new();
	struct data_schema *schema = data_schema_new(th, dl);
	struct dirent *e;
	DIR *dir;
	char **names = NULL;
	size_t n = 0, i, len;

	if (schema == NULL || (dir = opendir(RDIR)) == NULL) {
		printf("FAIL datadoc: cannot read the schema or " RDIR "\n");
		return 1;
	}
	while ((e = readdir(dir)) != NULL) {
		len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
			names = xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), S_name_cmp);
	for (i = 0; i < n; i++) {
		S_case(names[i], th, schema);
		free(names[i]);
	}
	if (n == 0) {
		printf("FAIL datadoc: no cases in " RDIR "\n");
		check_fail();
	}
	free(names);
	data_schema_free(schema);
	diag_list_free(dl);
	theme_free(th);
	return check_status();
}
