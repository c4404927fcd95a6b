/* fingerprint — SHA-256 of a document's canonical form (see fingerprint.h). */
#include "fingerprint.h"
#include "buf.h"
#include "mem.h"
#include "val.h"
#include "version.h"

#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

static int
S_keycmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
S_value(const struct val *v, struct buf *out)
{
	const char **keys;
	size_t i, n;

	if (v == NULL) {
		buf_putc(out, 'n');
		return;
	}
	switch (v->type) {
	case VAL_NULL:
		buf_putc(out, 'n');
		break;
	case VAL_BOOL:
		buf_puts(out, v->b ? "b1" : "b0");
		break;
	case VAL_NUM:
		buf_putc(out, 'd');
		val_text(v, out);
		buf_putc(out, ';');
		break;
	case VAL_STR:
		buf_printf(out, "s%zu:", v->len);
		buf_put(out, v->str, v->len);
		break;
	case VAL_LIST:
		buf_printf(out, "l%zu[", v->n);
		for (i = 0; i < v->n; i++)
			S_value(v->items[i], out);
		buf_putc(out, ']');
		break;
	case VAL_MAP:
		/* byte order, without the positions: see fingerprint.h */
		keys = xcalloc(v->n ? v->n : 1, sizeof(*keys));
		for (i = n = 0; i < v->n; i++)
			if (v->keys[i][0] != '_')
				keys[n++] = v->keys[i];
		qsort(keys, n, sizeof(*keys), S_keycmp);
		buf_printf(out, "m%zu{", n);
		for (i = 0; i < n; i++) {
			buf_printf(out, "k%zu:%s", strlen(keys[i]), keys[i]);
			S_value(val_get(v, keys[i]), out);
		}
		buf_putc(out, '}');
		free(keys);
		break;
	}
}

void
fp_canonical(const char *kind, const struct val *data, const char *tmpl,
    size_t tlen, struct buf *out)
{
	buf_puts(out, "salesgen-fingerprint 1\nversion " SALESGEN_VERSION
	    "\nkind ");
	buf_puts(out, kind != NULL ? kind : "");
	buf_printf(out, "\ntemplate %zu\n", tmpl != NULL ? tlen : 0);
	if (tmpl != NULL)
		buf_put(out, tmpl, tlen);
	buf_puts(out, "\ndata ");
	S_value(data, out);
	buf_putc(out, '\n');
}

void
fp_digest(const char *kind, const struct val *data, const char *tmpl,
    size_t tlen, unsigned char digest[FP_SIZE])
{
	struct sha256_ctx ctx;
	struct buf b = { 0 };

	fp_canonical(kind, data, tmpl, tlen, &b);
	sha256_init(&ctx);
	sha256_update(&ctx, b.len, (const uint8_t *)(b.data ? b.data : ""));
	sha256_digest(&ctx, FP_SIZE, digest);
	buf_free(&b);
}

void
fp_hex(const unsigned char digest[FP_SIZE], size_t ndigits, char *hex)
{
	static const char x[] = "0123456789abcdef";
	size_t i;

	if (ndigits > 2 * FP_SIZE)
		ndigits = 2 * FP_SIZE;
	for (i = 0; i < ndigits; i++)
		hex[i] = x[i % 2 ? digest[i / 2] & 0xF : digest[i / 2] >> 4];
	hex[ndigits] = '\0';
}
