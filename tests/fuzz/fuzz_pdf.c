/*
 * fuzz_pdf — libFuzzer target for the PDF path of `salesgen render X.md
 * -o X.pdf`: md_parse, the passes (heading levels, numbering, cross
 * references, teacher edition), then the PDF back end (layout, line
 * breaking, hyphenation, tables, charts, pagination, fonts, images) with
 * the bytes kept in memory by pdf_document_mem(); nothing is written but
 * the image files below.
 *
 * The input is Markdown, then optionally a NUL and an image: the image
 * bytes are written as a.png and a.jpg beside the document (fuzz_files.h),
 * so `![x](a.png)` or `![x](a.jpg)` in the Markdown runs them through the
 * image decoders.  As in salesgen, a PDF is made only when the Markdown
 * gave no error, and an error must come with a diagnostic.  The fonts and
 * hyphenation patterns are loaded once per language (as a mailing does),
 * not once per input.  Built by tests/fuzz/build.sh; seeds in
 * tests/fuzz/corpus/pdf (chapters, and small PNG and JPEG images of each
 * colour type).  Inputs found go to tests/fuzz/crashes, replayed by
 * tests/fuzz.sh as `salesgen render` runs.
 */
#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "md.h"
#include "mem.h"
#include "prep.h"
#include "pdf/pdf.h"
#include "pdf/pdf_font.h"

#include "fuzz_files.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct pdf_env *S_env_nl, *S_env_en;
static int S_registered;

/* At exit, so LeakSanitizer's last look finds nothing of ours (or of
 * fontconfig's) still held. */
static void
S_shutdown(void)
{
	pdf_env_free(S_env_nl);
	pdf_env_free(S_env_en);
	fonts_shutdown();
}

/* What main.c's S_render_images() lets through to the PDF, here: the two
 * files beside the document; any other image is left out (its URL made
 * empty) as a missing or outside one is, so no input reads /dev/stdin or
 * the rest of the machine. */
static void
S_images(struct doc_node *root)
{
	struct doc_node *n;
	const char *u;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_IMAGE || (u = n->url) == NULL)
			continue;
		if (strncmp(u, "./", 2) == 0)
			u += 2;
		if (strcmp(u, "a.png") != 0 && strcmp(u, "a.jpg") != 0) {
			free(n->url);
			n->url = xstrdup("");
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md_opts mo = { 0 };
	struct pdf_opts po;
	struct md_meta meta;
	struct diag_list *dl;
	struct doc_node *root;
	struct pdf_env **env = NULL;
	struct buf title = { 0 }, pdf = { 0 }, path = { 0 };
	const struct doc_node *n;
	const uint8_t *nul;
	const char *lang;
	size_t mlen;
	char *md;
	int rc;

	if (!S_registered) {
		atexit(S_shutdown);
		S_registered = 1;
	}
	nul = memchr(data, '\0', size);
	mlen = nul != NULL ? (size_t)(nul - data) : size;
	fuzz_put_image(nul != NULL ? nul + 1 : data, nul != NULL ?
	    size - mlen - 1 : 0);
	/* As file_read() hands it over: NUL-terminated. */
	md = malloc(mlen + 1);
	if (md == NULL)
		abort();
	memcpy(md, data, mlen);
	md[mlen] = '\0';
	buf_printf(&path, "%s/fuzz.md", fuzz_dir());

	dl = diag_list_new();
	memset(&po, 0, sizeof(po));
	root = md_parse(md, mlen, buf_cstr(&path), &mo, &meta, dl);
	if (root == NULL) {
		if (diag_worst(dl) != DIAG_ERROR)
			abort();	/* a failure always says why */
		goto done;
	}
	lang = meta.lang ? meta.lang : "nl";
	S_images(root);
	/* as render prepares a chapter */
	prep_passes(root, &(struct prep){ .steps = PREP_LEVELS | PREP_NUMBER |
	    PREP_XREF | PREP_EDITION, .path = buf_cstr(&path),
	    .edition = EDITION_TEACHER }, dl);
	if (meta.title)
		buf_puts(&title, meta.title);
	for (n = root->first; title.len == 0 && n; n = n->next)
		if (n->type == DOC_HEADING)
			doc_plain_text(n, &title);
	if (title.len == 0)
		buf_puts(&title, "fuzz.md");
	if (strcmp(lang, "nl") == 0)
		env = &S_env_nl;
	else if (strcmp(lang, "en") == 0)
		env = &S_env_en;
	if (env != NULL && *env == NULL &&
	    (*env = pdf_env_new(lang, &po, dl)) == NULL)
		abort();	/* the house fonts must load */
	if (diag_worst(dl) < DIAG_ERROR) {
		rc = pdf_document_mem(root, buf_cstr(&title), lang,
		    buf_cstr(&path), &po, env ? *env : NULL, &pdf, dl);
		if (rc != 0 && diag_worst(dl) != DIAG_ERROR)
			abort();
		if (rc == 0 && (pdf.len < 8 || memcmp(pdf.data, "%PDF-", 5)))
			abort();
	}
	md_meta_clear(&meta);
	doc_free(root);
done:
	buf_free(&title);
	buf_free(&pdf);
	buf_free(&path);
	diag_list_free(dl);
	free(md);
	return 0;
}
