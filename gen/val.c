/* val — template values (see val.h). */
#include "val.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct val *
S_new(enum val_type t)
{
	struct val *v = xcalloc(1, sizeof(*v));

	v->type = t;
	return v;
}

struct val *val_null(void) { return S_new(VAL_NULL); }
struct val *val_list(void) { return S_new(VAL_LIST); }
struct val *val_map(void) { return S_new(VAL_MAP); }

struct val *
val_bool(int b)
{
	struct val *v = S_new(VAL_BOOL);

	v->b = b != 0;
	return v;
}

struct val *
val_num(double d)
{
	struct val *v = S_new(VAL_NUM);

	v->num = d;
	return v;
}

struct val *
val_str_own(char *s)
{
	struct val *v = S_new(VAL_STR);

	v->str = s ? s : xstrdup("");
	v->len = strlen(v->str);
	return v;
}

struct val *
val_strn(const char *s, size_t n)
{
	struct val *v = S_new(VAL_STR);

	v->str = xstrndup(s ? s : "", s ? n : 0);
	v->len = s ? n : 0;
	return v;
}

struct val *
val_str(const char *s)
{
	return val_strn(s, s ? strlen(s) : 0);
}

void
val_free(struct val *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++) {
		val_free(v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->file);
	free(v->str);
	free(v);
}

static void
S_reserve(struct val *v)
{
	if (v->n < v->cap)
		return;
	v->cap = v->cap ? v->cap * 2 : 8;
	v->items = xrealloc(v->items, v->cap * sizeof(*v->items));
	if (v->type == VAL_MAP)
		v->keys = xrealloc(v->keys, v->cap * sizeof(*v->keys));
}

void
val_push(struct val *list, struct val *item)
{
	S_reserve(list);
	list->items[list->n++] = item;
}

struct val *
val_set(struct val *map, const char *key, struct val *v)
{
	size_t i;

	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0) {
			val_free(map->items[i]);
			map->items[i] = v;
			return v;
		}
	S_reserve(map);
	map->keys[map->n] = xstrdup(key);
	map->items[map->n++] = v;
	return v;
}

void
val_set_str(struct val *map, const char *key, const char *s)
{
	val_set(map, key, val_str(s));
}

void
val_set_num(struct val *map, const char *key, double d)
{
	val_set(map, key, val_num(d));
}

void
val_set_bool(struct val *map, const char *key, int b)
{
	val_set(map, key, val_bool(b));
}

const struct val *
val_get(const struct val *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != VAL_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

int
val_truthy(const struct val *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case VAL_NULL:
		return 0;
	case VAL_BOOL:
		return v->b;
	case VAL_NUM:
		return v->num != 0;
	case VAL_STR:
		return v->len > 0;
	case VAL_LIST:
		return v->n > 0;
	case VAL_MAP:
		return 1;
	}
	return 0;
}

void
val_text(const struct val *v, struct buf *out)
{
	char tmp[64];
	int prec;

	if (v == NULL)
		return;
	switch (v->type) {
	case VAL_STR:
		buf_put(out, v->str, v->len);
		break;
	case VAL_BOOL:
		buf_puts(out, v->b ? "true" : "false");
		break;
	case VAL_NUM:
		if (!isfinite(v->num)) {
			buf_puts(out, isnan(v->num) ? "NaN" :
			    v->num < 0 ? "-Infinity" : "Infinity");
			break;
		}
		/* Whole numbers as such (130, not 1.3e+02); otherwise the
		 * shortest precision that reads back to the same double. */
		if (v->num == (double)(long long)v->num &&
		    v->num > -1e15 && v->num < 1e15) {
			snprintf(tmp, sizeof(tmp), "%lld", (long long)v->num);
			buf_puts(out, tmp);
			break;
		}
		for (prec = 1; prec <= 17; prec++) {
			snprintf(tmp, sizeof(tmp), "%.*g", prec, v->num);
			if (strtod(tmp, NULL) == v->num)
				break;
		}
		buf_puts(out, tmp);
		break;
	default:
		break;
	}
}

struct val *
val_clone(const struct val *v)
{
	struct val *c;
	size_t i;

	if (v == NULL)
		return val_null();
	switch (v->type) {
	case VAL_STR:
		c = val_strn(v->str, v->len);
		break;
	case VAL_NUM:
		c = val_num(v->num);
		break;
	case VAL_BOOL:
		c = val_bool(v->b);
		break;
	case VAL_LIST:
		c = val_list();
		for (i = 0; i < v->n; i++)
			val_push(c, val_clone(v->items[i]));
		break;
	case VAL_MAP:
		c = val_map();
		for (i = 0; i < v->n; i++)
			val_set(c, v->keys[i], val_clone(v->items[i]));
		break;
	default:
		c = val_null();
		break;
	}
	return val_at(c, v->file, v->line, v->col);
}

struct val *
val_at(struct val *v, const char *file, int line, int col)
{
	v->line = line;
	v->col = col;
	if (file != v->file) {
		free(v->file);
		v->file = file != NULL ? xstrdup(file) : NULL;
	}
	return v;
}
