/*
 * fuzz_pack — libFuzzer target for pdf_pack, the packer every tagged PDF
 * goes through: the input is the saved PDF, read from a copy that ends
 * exactly where the input does (so a read past the end is an ASan error).
 * pack_pdf must return 0 with a PDF that begins with the input's header
 * and ends with %%EOF, or -1 with one diagnostic and the output as it
 * was.  The same holds with objects to add (pack_pdf_more(), as the
 * structure tree is written): a replacement for object 2 and three new
 * objects that refer to each other and to object 1.  Built by
 * tests/fuzz/build.sh; its seeds are in
 * tests/fuzz/corpus/pack, and what it finds goes to
 * tests/fuzz/crashes/pack, which tests/unit/test_pack.c replays.
 */
#include "buf.h"
#include "diag.h"
#include "pdf/pdf_pack.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* pack_more's write(): value 0 replaces object 2, values 1..3 are new
 * objects base..base + 2. */
static int
S_more(void *arg, size_t base, struct buf *b, size_t *end)
{
	(void)arg;
	buf_printf(b, "<</Type/StructTreeRoot/K %zu 0 R>>", base);
	end[0] = b->len;
	buf_printf(b, "<</S/Document/P 2 0 R/K[%zu 0 R]>>", base + 1);
	end[1] = b->len;
	buf_printf(b, "<</S/P/P %zu 0 R/Pg 1 0 R/K 0>>", base);
	end[2] = b->len;
	buf_printf(b, "<</Nums[0 [%zu 0 R]]>>", base + 1);
	end[3] = b->len;
	return 0;
}

/* One packing's result as pdf_pack.h promises it, else abort(). */
static void
S_check(int rc, const struct buf *out, const struct diag_list *dl)
{
	if (rc == 0) {
		if (dl->n != 0 || out->len < 1 + 5 + 6 ||
		    memcmp(out->data + 1, "%PDF-", 5) != 0 ||
		    memcmp(out->data + out->len - 6, "%%EOF\n", 6) != 0)
			abort();
	} else if (dl->n != 1 || out->len != 1 || dl->v[0].code != DIAG_PDF)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack_more more = { 3, 2, S_more, NULL };
	struct buf out = { 0 };
	struct diag_list *dl;
	char *copy;

	copy = malloc(size > 0 ? size : 1);
	if (copy == NULL)
		return 0;
	if (size > 0)
		memcpy(copy, data, size);
	dl = diag_list_new();
	buf_puts(&out, "x");
	S_check(pack_pdf(copy, size, &out, "f.pdf", dl), &out, dl);
	buf_free(&out);
	diag_list_free(dl);
	dl = diag_list_new();
	buf_puts(&out, "x");
	S_check(pack_pdf_more(copy, size, &more, &out, "f.pdf", dl), &out, dl);
	buf_free(&out);
	diag_list_free(dl);
	free(copy);
	return 0;
}
