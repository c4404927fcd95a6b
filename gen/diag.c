/* diag — the diagnostics list and its catalogue (see diag.h). */
#include "diag.h"
#include "buf.h"
#include "mem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	enum diag_level	 level;
	const char	*fmt;
} S_catalog[DIAG__MAX] = {
#define D(code, lvl, f) [code] = { lvl, f },
#include "diag_catalog.h"
#undef D
};

struct diag_list *
diag_list_new(void)
{
	struct diag_list *l = xcalloc(1, sizeof(*l));

	l->min_print = DIAG_NOTE;
	return l;
}

void
diag_list_free(struct diag_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].msg);
	}
	free(l->v);
	free(l->seen);
	free(l);
}

const char *
diag_format(enum diag_code c)
{
	return S_catalog[c].fmt;
}

enum diag_level
diag_default_level(enum diag_code c)
{
	return S_catalog[c].level;
}

enum diag_level
diag_level_of(const struct diag_list *l, enum diag_code c)
{
	enum diag_level lv = S_catalog[c].level;

	if (l != NULL && l->strict && lv == DIAG_WARNING)
		lv = DIAG_ERROR;
	return lv;
}

const char *
diag_level_name(enum diag_level lv)
{
	switch (lv) {
	case DIAG_NOTE:
		return "note";
	case DIAG_WARNING:
		return "warning";
	case DIAG_ERROR:
		return "error";
	default:
		return "none";
	}
}

static size_t
S_hash(const struct diag *d)
{
	size_t h = 1469598103934665603ULL ^ (size_t)d->code;
	const char *p;

	for (p = d->file ? d->file : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ (size_t)d->line) * 1099511628211ULL;
	h = (h ^ (size_t)d->col) * 1099511628211ULL;
	for (p = d->msg; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

static int
S_same(const struct diag *a, const struct diag *b)
{
	return a->code == b->code && a->line == b->line && a->col == b->col &&
	    ((a->file == NULL && b->file == NULL) || (a->file && b->file &&
	    strcmp(a->file, b->file) == 0)) && strcmp(a->msg, b->msg) == 0;
}

/* Returns 1 when d is already listed; otherwise notes that it will be at
 * index l->n. */
static int
S_seen(struct diag_list *l, const struct diag *d)
{
	size_t i, k;

	if (2 * (l->n + 1) > l->nseen) {
		free(l->seen);
		l->nseen = l->nseen ? l->nseen * 4 : 64;
		l->seen = xcalloc(l->nseen, sizeof(*l->seen));
		for (k = 0; k < l->n; k++) {
			i = S_hash(&l->v[k]) & (l->nseen - 1);
			while (l->seen[i] != 0)
				i = (i + 1) & (l->nseen - 1);
			l->seen[i] = k + 1;
		}
	}
	i = S_hash(d) & (l->nseen - 1);
	while (l->seen[i] != 0) {
		if (S_same(&l->v[l->seen[i] - 1], d))
			return 1;
		i = (i + 1) & (l->nseen - 1);
	}
	l->seen[i] = l->n + 1;
	return 0;
}

static void
S_push(struct diag_list *l, struct diag *d)
{
	if (S_seen(l, d)) {
		free(d->file);
		free(d->msg);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = *d;
}

void
diag_add(struct diag_list *l, enum diag_code code,
    const char *file, int line, int col, ...)
{
	struct buf b = { 0 };
	struct diag d;
	va_list ap;

	va_start(ap, col);
	buf_vprintf(&b, S_catalog[code].fmt, ap);
	va_end(ap);
	d.code = code;
	d.level = diag_level_of(l, code);
	d.file = xstrdup(file);
	d.line = line;
	d.col = col;
	d.msg = buf_detach(&b);
	S_push(l, &d);
}

enum diag_level
diag_worst(const struct diag_list *l)
{
	enum diag_level w = DIAG_NONE;
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->v[i].level > w)
			w = l->v[i].level;
	return w;
}

size_t
diag_count(const struct diag_list *l, enum diag_level lv)
{
	size_t i, n = 0;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->v[i].level == lv)
			n++;
	return n;
}

void
diag_print(struct diag_list *l, FILE *fp)
{
	const struct diag *d;

	for (; l->printed < l->n; l->printed++) {
		d = &l->v[l->printed];
		if ((int)d->level < l->min_print)
			continue;
		if (d->file == NULL)
			fprintf(fp, "salesgen: ");
		else if (d->line > 0 && d->col > 0)
			fprintf(fp, "%s:%d:%d: ", d->file, d->line, d->col);
		else if (d->line > 0)
			fprintf(fp, "%s:%d: ", d->file, d->line);
		else
			fprintf(fp, "%s: ", d->file);
		fprintf(fp, "%s: %s\n", diag_level_name(d->level), d->msg);
	}
	fflush(fp);
}

void
diag_copy(struct diag_list *l, const struct diag *d)
{
	struct diag c = *d;

	c.file = xstrdup(d->file);
	c.msg = xstrdup(d->msg);
	S_push(l, &c);
}

void
diag_move(struct diag_list *dst, struct diag_list *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		S_push(dst, &src->v[i]);
	src->n = src->printed = 0;
	free(src->seen);
	src->seen = NULL;
	src->nseen = 0;
}
