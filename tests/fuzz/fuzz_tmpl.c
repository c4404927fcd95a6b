/*
 * fuzz_tmpl — libFuzzer target for tmpl.
 *
 * Parses the input as a template and renders it against a small fixed
 * context, with every partial name resolving to the input itself, so
 * recursion, indentation and delimiter resets are all reachable.  Build
 * with -DTMPL_MAX_STEPS=200000 so runaway expansions stop quickly, e.g.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined \
 *	    -DTMPL_MAX_STEPS=200000 -Igen gen/tmpl.c gen/val.c gen/buf.c \
 *	    gen/mem.c gen/diag.c gen/esc.c tests/fuzz/fuzz_tmpl.c -lm
 */
#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "tmpl.h"
#include "val.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct val *ctx;

static const char *
S_partial(void *arg, const char *name, const char **path)
{
	(void)name;
	*path = "self";
	return arg;
}

static struct val *
S_ctx(void)
{
	struct val *c = val_map(), *l, *m;

	val_set_str(c, "name", "<b>&\"'</b>\n\n# x");
	val_set_num(c, "num", 1.25);
	val_set_bool(c, "t", 1);
	val_set_bool(c, "f", 0);
	val_set(c, "n", val_null());
	val_set(c, "e", val_list());
	l = val_set(c, "list", val_list());
	val_push(l, val_num(1));
	val_push(l, val_str("two"));
	m = val_map();
	val_set_str(m, "name", "inner");
	val_set(m, "list", val_list());
	val_push(l, m);
	m = val_set(c, "a", val_map());
	m = val_set(m, "b", val_map());
	val_set_str(m, "c", "deep");
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_opts opts;
	struct diag_list *dl;
	struct buf out = { 0 };
	struct tmpl *t;
	char *self;

	if (ctx == NULL)
		ctx = S_ctx();
	/* The loader hands out C strings: a NUL ends the partial early. */
	self = xmalloc(size + 1);
	memcpy(self, data, size);
	self[size] = '\0';

	dl = diag_list_new();
	t = tmpl_parse((const char *)data, size, "fuzz", dl);
	if (t != NULL) {
		memset(&opts, 0, sizeof(opts));
		opts.esc = size > 0 && (data[0] & 1) ? ESC_MD : ESC_HTML;
		opts.partial = S_partial;
		opts.partial_arg = self;
		opts.warn_missing = 1;
		tmpl_render(t, ctx, &opts, &out, dl);
	}
	tmpl_free(t);
	buf_free(&out);
	diag_list_free(dl);
	free(self);
	return 0;
}
