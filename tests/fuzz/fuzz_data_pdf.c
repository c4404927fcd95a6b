/*
 * fuzz_data_pdf — libFuzzer target for `salesgen render X.xml -o X.pdf`:
 * a sales data document (hardened XML parsing, the RelaxNG schema, the
 * value tree, datadoc_load), its kind's arithmetic and built-in template,
 * the Markdown the template made, and that document typeset to a PDF in
 * memory by pdf_document_mem(), with the seller's logo and brand colour.
 *
 * The input is XML, then optionally a NUL and an image: the image bytes
 * are written as a.png and a.jpg in the document's folder (fuzz_files.h),
 * so `<logo>a.png</logo>` puts them through the image decoders.  CSV
 * parts (bron=) are not carried (fuzz_xml_data does those).  As in
 * salesgen, a PDF is made only when there was no error, and an error must
 * come with a diagnostic.  Built by tests/fuzz/build.sh (use
 * -dict=tests/fuzz/xml_data.dict); seeds in tests/fuzz/corpus/data_pdf.
 */
#include "buf.h"
#include "datadoc.h"
#include "diag.h"
#include "doc.h"
#include "pdf/pdf.h"
#include "pdf/pdf_font.h"
#include "theme.h"
#include "xml.h"

#include "fuzz_files.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct theme *S_theme;
static struct data_schema *S_schema;
static struct pdf_env *S_env_nl, *S_env_en;

/* At exit, so LeakSanitizer's last look finds nothing of ours (or of
 * fontconfig's) still held. */
static void
S_shutdown(void)
{
	pdf_env_free(S_env_nl);
	pdf_env_free(S_env_en);
	data_schema_free(S_schema);
	theme_free(S_theme);
	fonts_shutdown();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list *dl;
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	struct pdf_env **env = NULL;
	struct buf md = { 0 }, pdf = { 0 }, path = { 0 };
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
		atexit(S_shutdown);
	}
	nul = memchr(data, '\0', size);
	xlen = nul != NULL ? (size_t)(nul - data) : size;
	fuzz_put_image(nul != NULL ? nul + 1 : data, nul != NULL ?
	    size - xlen - 1 : 0);
	/* As file_read() hands it over: NUL-terminated. */
	xml = malloc(xlen + 1);
	if (xml == NULL)
		abort();
	memcpy(xml, data, xlen);
	xml[xlen] = '\0';
	buf_printf(&path, "%s/fuzz.xml", fuzz_dir());

	dl = diag_list_new();
	memset(&d, 0, sizeof(d));
	rc = datadoc_load(&d, xml, xlen, buf_cstr(&path), fuzz_dir(),
	    S_schema, dl);
	root = rc == 0 ? datadoc_doc(&d, S_theme, &md, dl) : NULL;
	if (root == NULL && diag_worst(dl) != DIAG_ERROR)
		abort();	/* a failure always says why */
	if (root != NULL && diag_worst(dl) < DIAG_ERROR) {
		if (strcmp(d.lang, "nl") == 0)
			env = &S_env_nl;
		else if (strcmp(d.lang, "en") == 0)
			env = &S_env_en;
		memset(&po, 0, sizeof(po));
		if (env != NULL && *env == NULL &&
		    (*env = pdf_env_new(d.lang, &po, dl)) == NULL)
			abort();	/* the house fonts must load */
		po.logo = d.logo;
		po.accent = d.colour;
		rc = pdf_document_mem(root, d.title, d.lang, d.path, &po,
		    env ? *env : NULL, &pdf, dl);
		if (rc != 0 && diag_worst(dl) != DIAG_ERROR)
			abort();
		if (rc == 0 && (pdf.len < 8 || memcmp(pdf.data, "%PDF-", 5)))
			abort();
	}
	doc_free(root);
	datadoc_clear(&d);
	buf_free(&md);
	buf_free(&pdf);
	buf_free(&path);
	diag_list_free(dl);
	free(xml);
	return 0;
}
