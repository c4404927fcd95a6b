/*
 * md_front — YAML front matter (`---` ... `---` at the top of a chapter),
 * read with libyaml.  Only title, description, lang, order (or weight,
 * sidebar_position, nav_order) and register mean something to salesgen;
 * other keys
 * (Hugo's date, draft, ...) are accepted and
 * ignored, so existing Markdown collections build without edits.
 */
#include "md.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* 1 when s[0..n) holds only blanks; the input need not be terminated. */
static int
S_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Finds the closing "---" or "..." line; returns the offset just past it
 * and counts lines, or 0 when the block is not closed. */
static size_t
S_block_end(const char *src, size_t len, size_t start, int *lines,
    size_t *yaml_end)
{
	size_t i = start, eol;

	*lines = 1;
	while (i < len) {
		eol = i;
		while (eol < len && src[eol] != '\n')
			eol++;
		(*lines)++;
		if (eol - i >= 3 && (strncmp(src + i, "---", 3) == 0 ||
		    strncmp(src + i, "...", 3) == 0) &&
		    S_blank(src + i + 3, eol - i - 3)) {
			*yaml_end = i;
			return eol < len ? eol + 1 : eol;
		}
		i = eol + 1;
	}
	return 0;
}

/* One term of `register:`: text, or "main > sub" with both sides
 * non-empty and one '>' at most (register.h reads it). */
static int
S_reg_term(const char *s)
{
	const char *gt = strchr(s, '>');
	size_t i;

	for (i = 0; s[i] == ' ' || s[i] == '\t'; i++)
		;
	if (s[i] == '\0' || s[i] == '>')
		return -1;
	if (gt == NULL)
		return 0;
	if (strchr(gt + 1, '>') != NULL)
		return -1;
	for (i = 1; gt[i] == ' ' || gt[i] == '\t'; i++)
		;
	return gt[i] == '\0' ? -1 : 0;
}

/* One term of register: (node t), kept in meta when it is one. */
static int
S_register_term(yaml_node_t *t, const char *path, struct md_meta *meta,
    struct diag_list *dl)
{
	const char *s = t->type == YAML_SCALAR_NODE ?
	    (const char *)t->data.scalar.value : NULL;

	if (s == NULL || S_reg_term(s) != 0) {
		diag_add(dl, DIAG_FM_VALUE, path, (int)t->start_mark.line + 2,
		    (int)t->start_mark.column + 1, "register",
		    "a term or 'term > subentry'");
		return -1;
	}
	meta->reg = xrealloc(meta->reg, (meta->nreg + 1) * sizeof(*meta->reg));
	meta->reg[meta->nreg++] = xstrdup(s);
	return 0;
}

/* register: a term or a list of terms, each checked. */
static int
S_register(yaml_document_t *d, yaml_node_t *v, const char *path,
    struct md_meta *meta, struct diag_list *dl)
{
	yaml_node_item_t *it;
	yaml_node_t *t;
	int rc = 0;

	if (v->type == YAML_SCALAR_NODE)
		return S_register_term(v, path, meta, dl);
	if (v->type != YAML_SEQUENCE_NODE) {
		diag_add(dl, DIAG_FM_VALUE, path, (int)v->start_mark.line + 2,
		    (int)v->start_mark.column + 1, "register",
		    "a term or a list of terms");
		return -1;
	}
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++)
		if ((t = yaml_document_get_node(d, *it)) != NULL &&
		    S_register_term(t, path, meta, dl) != 0)
			rc = -1;
	return rc;
}

static void
S_set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

int
md_front(const char *src, size_t len, const char *path,
    struct md_meta *meta, size_t *body, int *lines, struct diag_list *dl)
{
	yaml_parser_t p;
	yaml_document_t d;
	yaml_node_t *root, *k, *v;
	yaml_node_pair_t *pair;
	size_t start, end, yaml_end = 0;
	const char *key, *val;
	char *endp;
	long n;
	int rc = 0, is_order;

	*body = 0;
	*lines = 0;
	start = 0;
	if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		start = 3;	/* a BOM from a Windows editor */
	if (len - start < 4 || strncmp(src + start, "---", 3) != 0 ||
	    (src[start + 3] != '\n' && src[start + 3] != '\r'))
		return 0;
	start += src[start + 3] == '\r' ? 5 : 4;
	if ((end = S_block_end(src, len, start, lines, &yaml_end)) == 0)
		return 0;	/* no closing line: a thematic break, not YAML */

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)src + start,
	    yaml_end - start);
	if (!yaml_parser_load(&p, &d)) {
		diag_add(dl, DIAG_FRONT_MATTER, path,
		    (int)p.problem_mark.line + 2, (int)p.problem_mark.column + 1,
		    p.problem ? p.problem : "malformed YAML");
		yaml_parser_delete(&p);
		return -1;
	}
	root = yaml_document_get_root_node(&d);
	if (root != NULL && root->type != YAML_MAPPING_NODE) {
		diag_add(dl, DIAG_FRONT_MATTER, path, 2, 1,
		    "expected 'key: value' lines");
		rc = -1;
	}
	for (pair = root && rc == 0 ? root->data.mapping.pairs.start : NULL;
	    pair != NULL && pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&d, pair->key);
		v = yaml_document_get_node(&d, pair->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		/* other tools' names for order: Hugo's weight, Docusaurus's
		 * sidebar_position, Just the Docs' nav_order */
		if (strcmp(key, "weight") == 0 ||
		    strcmp(key, "sidebar_position") == 0 ||
		    strcmp(key, "nav_order") == 0)
			is_order = 1;
		else
			is_order = strcmp(key, "order") == 0;
		if (strcmp(key, "register") == 0) {
			if (S_register(&d, v, path, meta, dl) != 0)
				rc = -1;
			continue;
		}
		if (strcmp(key, "title") != 0 && strcmp(key, "description") &&
		    strcmp(key, "lang") != 0 && !is_order)
			continue;
		if (v->type != YAML_SCALAR_NODE) {
			diag_add(dl, DIAG_FM_VALUE, path,
			    (int)v->start_mark.line + 2,
			    (int)v->start_mark.column + 1, key, "a single value");
			rc = -1;
			continue;
		}
		val = (const char *)v->data.scalar.value;
		if (strcmp(key, "title") == 0)
			S_set(&meta->title, val);
		else if (strcmp(key, "description") == 0)
			S_set(&meta->description, val);
		else if (strcmp(key, "lang") == 0) {
			if (strcmp(val, "nl") && strcmp(val, "en")) {
				diag_add(dl, DIAG_FM_VALUE, path,
				    (int)v->start_mark.line + 2,
				    (int)v->start_mark.column + 1, key,
				    "nl or en");
				rc = -1;
			} else
				S_set(&meta->lang, val);
		} else {
			n = strtol(val, &endp, 10);
			if (*val == '\0' || *endp != '\0') {
				diag_add(dl, DIAG_FM_VALUE, path,
				    (int)v->start_mark.line + 2,
				    (int)v->start_mark.column + 1, key,
				    "a whole number");
				rc = -1;
			} else {
				meta->order = (int)n;
				meta->has_order = 1;
			}
		}
	}
	yaml_document_delete(&d);
	yaml_parser_delete(&p);
	*body = end;
	return rc;
}
