/*
 * fuzz_md — libFuzzer target for the Markdown path: md_parse (front matter,
 * cmark-gfm, callouts, figures, captions), the passes and the HTML back end.
 *
 * The input is parsed twice, with raw HTML off and on; each tree is
 * numbered as chapter 1 (filling a table of contents and anchors),
 * rewritten by pass_xref without a course, cut to the student edition and
 * rendered; then everything is freed.  md_parse() takes a length, so the
 * input is handed over in an exact-size copy with no NUL after it: a read
 * past the end is an ASan report.  Built by tests/fuzz/build.sh; with the
 * macro FUZZ_MD_NUL defined (through FUZZ_CFLAGS) the copy ends in a NUL,
 * as salesgen's own file_read() gives it, to fuzz on past such a read.
 */
#include "buf.h"
#include "course.h"
#include "diag.h"
#include "doc.h"
#include "html.h"
#include "md.h"
#include "mem.h"
#include "prep.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
S_chapter_clear(struct chapter *ch)
{
	size_t i;

	for (i = 0; i < ch->ntoc; i++) {
		free(ch->toc[i].number);
		free(ch->toc[i].title);
		free(ch->toc[i].id);
	}
	free(ch->toc);
	for (i = 0; i < ch->nanchors; i++)
		free(ch->anchors[i]);
	free(ch->anchors);
	free(ch->title);
	memset(ch, 0, sizeof(*ch));
}

static void
S_one(const char *src, size_t len, int raw)
{
	struct md_opts mo = { raw };
	struct html_opts ho = { raw ? "en" : "nl", raw };
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	struct md_meta meta;
	struct chapter ch;
	struct doc_node *root;

	memset(&ch, 0, sizeof(ch));
	root = md_parse(src, len, "fuzz.md", &mo, &meta, dl);
	if (root != NULL) {
		prep_passes(root, &(struct prep){ .steps = PREP_NUMBER |
		    PREP_XREF | PREP_EDITION, .path = "fuzz.md", .chapter = 1,
		    .ch = &ch, .edition = EDITION_STUDENT }, dl);
		html_render(root, &ho, &out);
		md_meta_clear(&meta);
		doc_free(root);
	}
	S_chapter_clear(&ch);
	buf_free(&out);
	diag_list_free(dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_MD_NUL
	char *src = xmalloc(size + 1);

	src[size] = '\0';
#else
	char *src = xmalloc(size);	/* no terminating NUL on purpose */
#endif

	if (size > 0)
		memcpy(src, data, size);
	S_one(src, size, 0);
	S_one(src, size, 1);
	free(src);
	return 0;
}
