/*
 * fuzz_pack — libFuzzer target for pdf_pack, the packer every tagged PDF
 * goes through: the input is the saved PDF, read from a copy that ends
 * exactly where the input does (so a read past the end is an ASan error).
 * pack_pdf must return 0 with a PDF that begins with the input's header
 * and ends with %%EOF, or -1 with one diagnostic and the output as it
 * was.  Built by tests/fuzz/build.sh; its seeds are in
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
	if (pack_pdf(copy, size, &out, "f.pdf", dl) == 0) {
		if (dl->n != 0 || out.len < 1 + 5 + 6 ||
		    memcmp(out.data + 1, "%PDF-", 5) != 0 ||
		    memcmp(out.data + out.len - 6, "%%EOF\n", 6) != 0)
			abort();
	} else if (dl->n != 1 || out.len != 1 || dl->v[0].code != DIAG_PDF)
		abort();
	buf_free(&out);
	diag_list_free(dl);
	free(copy);
	return 0;
}
