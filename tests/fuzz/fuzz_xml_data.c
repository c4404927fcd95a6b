/*
 * fuzz_xml_data — libFuzzer target for sales data documents: the input is
 * an XML file taken the way `salesgen render X.xml` takes it (hardened
 * libxml2 parsing, the RelaxNG schema, the value tree, datadoc_load), then
 * datadoc_doc(): the sales arithmetic of its kind, the template context,
 * the built-in template in Markdown and the Markdown parsed into a
 * document.  This is where untrusted numbers, dates and text meet money
 * arithmetic, so overflow and bad values must end as diagnostics.
 *
 * Bytes after a first NUL are a CSV part (as bron="..." would read), added
 * with datadoc_csv() to a klanten or nps document, since CSV values reach
 * the arithmetic without the schema's checks.  Nothing is read from or
 * written to the file system but the project folder's absence: the
 * document lies in a folder that does not exist, so bron= and logo= fail
 * with a diagnostic.  Built by tests/fuzz/build.sh; tests/fuzz/xml_data.dict
 * holds the schema's names and some awkward values for -dict=.  Inputs it
 * found are replayed by tests/unit/test_datadoc.c (tests/fuzz/regress).
 */
#include "buf.h"
#include "datadoc.h"
#include "diag.h"
#include "doc.h"
#include "mem.h"
#include "theme.h"
#include "xml.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define DIR	"/nonexistent/salesgen-fuzz"

static struct theme *S_theme;
static struct data_schema *S_schema;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list *dl;
	struct datadoc d;
	struct doc_node *root;
	struct buf md = { 0 };
	const uint8_t *nul;
	size_t xlen;
	char *xml;
	int rc;

	if (S_theme == NULL) {
		/* Built-in templates and schema only. */
		S_theme = theme_new(NULL);
		dl = diag_list_new();
		if ((S_schema = data_schema_new(S_theme, dl)) == NULL)
			abort();
		diag_list_free(dl);
	}

	/* As file_read() hands it over: NUL-terminated. */
	nul = memchr(data, '\0', size);
	xlen = nul != NULL ? (size_t)(nul - data) : size;
	xml = xmalloc(xlen + 1);
	memcpy(xml, data, xlen);
	xml[xlen] = '\0';

	dl = diag_list_new();
	rc = datadoc_load(&d, xml, xlen, DIR "/fuzz.xml", DIR, S_schema, dl);
	if (rc == 0 && nul != NULL) {
		const char *csv = (const char *)nul + 1;
		size_t clen = size - xlen - 1;

		if (strcmp(d.kind, "klanten") == 0)
			rc = datadoc_csv(&d, csv, clen, DIR "/fuzz.csv",
			    "klant", "omzet12", dl);
		else if (strcmp(d.kind, "nps") == 0)
			rc = datadoc_csv(&d, csv, clen, DIR "/fuzz.csv",
			    "score", "score", dl);
	}
	/* A failure always says why. */
	if (rc != 0 && diag_worst(dl) != DIAG_ERROR)
		abort();
	if (rc == 0) {
		root = datadoc_doc(&d, S_theme, &md, dl);
		if (root == NULL && diag_worst(dl) != DIAG_ERROR)
			abort();
		doc_free(root);
	}
	datadoc_clear(&d);
	buf_free(&md);
	diag_list_free(dl);
	free(xml);
	return 0;
}
