/*
 * fuzz_csv — libFuzzer target for csv_load: the input is read as a CSV file
 * (separator detected), csv_number runs on every value it yields and on the
 * input itself, and everything is freed again.  Built by tests/fuzz/build.sh
 * (which needs -lcsv in the Makefile's LDLIBS), or alone:
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Igen \
 *	    gen/csv_load.c gen/val.c gen/buf.c gen/mem.c gen/diag.c \
 *	    tests/fuzz/fuzz_csv.c -lcsv -lm
 */
#include "csv_load.h"
#include "diag.h"
#include "mem.h"
#include "val.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_opts o = { DIAG_CSV, 0 };
	struct diag_list *dl;
	const struct val *row;
	struct val *l;
	char *s;
	size_t i, k;
	double d;

	dl = diag_list_new();
	l = csv_load((const char *)data, size, "fuzz.csv", &o, dl);
	/* Either a list, or NULL with an error to say why. */
	if ((l == NULL) != (diag_worst(dl) == DIAG_ERROR))
		abort();
	for (i = 0; l != NULL && i < l->n; i++) {
		row = l->items[i];
		if (row->type != VAL_MAP || row->n == 0 ||
		    strcmp(row->keys[row->n - 1], "_line") != 0)
			abort();
		for (k = 0; k + 1 < row->n; k++)
			(void)csv_number(row->items[k]->str, &d);
	}
	val_free(l);
	diag_list_free(dl);

	s = xstrndup((const char *)data, size);
	(void)csv_number(s, &d);
	free(s);
	return 0;
}
