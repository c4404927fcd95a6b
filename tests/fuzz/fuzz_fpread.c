/*
 * fuzz_fpread — libFuzzer target for fpread, the reader salesgen verify
 * runs on a document anyone may hand it: the input is the document, read
 * from a copy that ends exactly where the input does (so a read past the
 * end is an ASan error); a fingerprint found must be 64 lower-case hex
 * digits.  Built by tests/fuzz/build.sh, or alone:
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Igen \
 *	    gen/fpread.c tests/fuzz/fuzz_fpread.c
 */
#include "fpread.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[65], *copy;
	size_t i;

	copy = malloc(size > 0 ? size : 1);
	if (copy == NULL)
		return 0;
	if (size > 0)
		memcpy(copy, data, size);
	memset(out, 'x', sizeof(out));
	if (fpread(copy, size, out) == 0) {
		for (i = 0; i < 64; i++)
			if (!((out[i] >= '0' && out[i] <= '9') ||
			    (out[i] >= 'a' && out[i] <= 'f')))
				abort();
		if (out[64] != '\0')
			abort();
	}
	free(copy);
	return 0;
}
