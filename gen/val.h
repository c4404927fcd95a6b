/*
 * val — the dynamic values templates are rendered from.
 *
 * A value is null, a boolean, a number, a string, a list or a map (keys in
 * insertion order).  Containers own their children: val_free() releases a
 * whole tree, and the push/set functions take ownership of what they are
 * given.  Course pages, sales documents and the Mustache spec tests all
 * build their context as a val tree.
 *
 * A value read from a file keeps where it was written (line, col and, when
 * not the document's own file, file) as fields of its own, not as map
 * keys, so that a map's keys are the data's names only: a CSV column may
 * be called anything, "_line" too.  A map's position is where its element
 * or row starts; an attribute's, text-only child's or CSV field's is that
 * of the value itself.
 */
#ifndef SALESGEN_VAL_H
#define SALESGEN_VAL_H

#include <stddef.h>

#include "buf.h"

enum val_type {
	VAL_NULL,
	VAL_BOOL,
	VAL_NUM,
	VAL_STR,
	VAL_LIST,
	VAL_MAP
};

struct val {
	enum val_type	  type;
	int		  b;		/* VAL_BOOL */
	double		  num;		/* VAL_NUM */
	char		 *str;		/* VAL_STR, owned, NUL-terminated */
	size_t		  len;		/* VAL_STR length in bytes */
	struct val	**items;	/* VAL_LIST items, VAL_MAP values */
	char		**keys;		/* VAL_MAP keys, parallel to items */
	size_t		  n, cap;
	int		  line, col;	/* where it was written; 0 unknown */
	char		 *file;		/* that file, owned, when it is not the
					   document's own (a CSV part); NULL
					   otherwise */
};

/* Constructors: each returns a new value the caller frees with val_free()
 * (or hands to a container). */
struct val *val_null(void);
struct val *val_bool(int);
struct val *val_num(double);
struct val *val_str(const char *);		/* copies; NULL gives "" */
struct val *val_strn(const char *, size_t);	/* copies n bytes */
struct val *val_str_own(char *);		/* takes a malloc'd string */
struct val *val_list(void);
struct val *val_map(void);
void	val_free(struct val *);

/* Returns a deep copy of v, positions included (NULL gives null); the
 * caller frees it. */
struct val *val_clone(const struct val *v);

/* Appends item to list (ownership passes to list). */
void	val_push(struct val *list, struct val *item);
/* Sets key in map to v, freeing a previous value (ownership passes to map).
 * Returns v, so calls can nest. */
struct val *val_set(struct val *map, const char *key, struct val *v);
/* Shorthands for the common val_set(map, key, val_str(s)) cases. */
void	val_set_str(struct val *map, const char *key, const char *s);
void	val_set_num(struct val *map, const char *key, double);
void	val_set_bool(struct val *map, const char *key, int);

/* Looks key up in map; NULL when map is not a map or has no such key. */
const struct val *val_get(const struct val *map, const char *key);

/* Sets where v was written: line and col (0 unknown) and file (copied;
 * NULL: the document's own).  Returns v, so calls can nest. */
struct val *val_at(struct val *v, const char *file, int line, int col);

/* Mustache truthiness: null, false, 0, "" and the empty list are false. */
int	val_truthy(const struct val *);

/* Appends the interpolated text of a scalar: strings as they are, numbers
 * in their shortest round-trip form (1.21, 42), booleans as true/false,
 * null as nothing.  Lists and maps append nothing. */
void	val_text(const struct val *, struct buf *);

#endif
