/*
 * xml_explain — schema violations in plain words, with a column.
 *
 * libxml2's RelaxNG validator knows that a <regel> "failed to validate
 * attributes" but not which attribute, nor what it wanted instead, and it
 * keeps no columns.  When a document fails, xml_data.c hands each element
 * libxml2 complained about to xml_explain_node(), which walks the schema
 * itself (the RNG document, read once) along the element's path and says
 * what is wrong: an attribute or child the element does not take (and the
 * ones it does), a value that is not of its type (described by the
 * sg:expect note on the schema's define, or by the list of allowed
 * values), a required attribute or child that is missing.  Positions are
 * found in the source text: the element's start tag, or the attribute
 * inside it.
 *
 * The walk understands the patterns salesgen.rng uses (element, attribute,
 * ref, group, interleave, choice, optional, zeroOrMore, oneOrMore, data
 * with pattern/minLength/maxLength, value, list, text, empty); anything
 * else counts as "allowed", so an unexplained failure falls back to
 * libxml2's own message rather than to a wrong one.
 */
#include "xml.h"
#include "buf.h"
#include "mem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#define RNG_NS		"http://relaxng.org/ns/structure/1.0"
#define NOTE_NS		"urn:salesgen:schema-notes"
#define MAX_DEPTH	48	/* ref chains; salesgen.rng needs a handful */
#define MAX_CAND	8

struct xml_explain {
	xmlDocPtr	 rng;
	xmlNodePtr	 start;		/* the grammar's <start> */
	xmlNodePtr	*defs;		/* the grammar's <define>s */
	size_t		 ndefs;
};

/* A name the schema allows here (attribute or child element). */
struct slot {
	const char	*name;		/* points into the schema document */
	xmlNodePtr	 pat;		/* <attribute> or <element> */
	int		 required;
	int		 many;		/* may appear more than once */
	int		 meant;		/* suggested for a misspelt name: its
					   absence is not told again */
};

struct slots {
	struct slot	*v;
	size_t		 n, cap;
};

static int
S_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, RNG_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
S_rng(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, RNG_NS) == 0;
}

/* The name="" of a schema element, without copying (libxml2 keeps the
 * attribute's text node; RNG names are plain text). */
static const char *
S_name(xmlNodePtr n)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, "name") == 0 &&
		    a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
	return NULL;
}

static xmlNodePtr
S_define(const struct xml_explain *x, const char *name)
{
	size_t i;
	const char *d;

	for (i = 0; name != NULL && i < x->ndefs; i++)
		if ((d = S_name(x->defs[i])) != NULL && strcmp(d, name) == 0)
			return x->defs[i];
	return NULL;
}

struct xml_explain *
xml_explain_new(const char *src, size_t len)
{
	struct xml_explain *x;
	xmlNodePtr g, c;
	size_t cap = 0;

	if (len > 0x7fffffff)
		return NULL;
	x = xcalloc(1, sizeof(*x));
	x->rng = xmlReadMemory(src, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	if (x->rng == NULL || (g = xmlDocGetRootElement(x->rng)) == NULL ||
	    !S_is(g, "grammar")) {
		xml_explain_free(x);
		return NULL;
	}
	for (c = g->children; c != NULL; c = c->next) {
		if (S_is(c, "start"))
			x->start = c;
		else if (S_is(c, "define")) {
			if (x->ndefs == cap) {
				cap = cap ? cap * 2 : 64;
				x->defs = xrealloc(x->defs, cap * sizeof(*x->defs));
			}
			x->defs[x->ndefs++] = c;
		}
	}
	if (x->start == NULL) {
		xml_explain_free(x);
		return NULL;
	}
	return x;
}

void
xml_explain_free(struct xml_explain *x)
{
	if (x == NULL)
		return;
	if (x->rng != NULL)
		xmlFreeDoc(x->rng);
	free(x->defs);
	free(x);
}

/* ------------------------------------------------------ schema walking */

/* S_collect's flags: inside an optional part, inside a repeated part. */
#define SL_OPT	1
#define SL_MANY	2

static void
S_slot_add(struct slots *s, const char *name, xmlNodePtr pat, int flags)
{
	int required = !(flags & SL_OPT), many = (flags & SL_MANY) != 0;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0) {
			/* required anywhere it is offered counts as required
			 * only if every offer requires it */
			s->v[i].required = s->v[i].required && required;
			/* offered in two places: it may stand twice */
			s->v[i].many = 1;
			return;
		}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n].name = name;
	s->v[s->n].pat = pat;
	s->v[s->n].required = required;
	s->v[s->n].many = many;
	s->v[s->n].meant = 0;
	s->n++;
}

static const struct slot *
S_slot_find(const struct slots *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

/* Collects what the content pattern p offers directly: the attributes
 * (want "attribute") or the child elements (want "element"), without
 * entering those children.  flags: SL_OPT inside an optional part,
 * SL_MANY inside a repeated one. */
static void
S_collect(const struct xml_explain *x, xmlNodePtr p, const char *want,
    int opt, int depth, struct slots *out)
{
	xmlNodePtr c;
	const char *name;

	if (depth > MAX_DEPTH)
		return;
	for (c = p->children; c != NULL; c = c->next) {
		if (!S_rng(c))
			continue;
		if (S_is(c, "element") || S_is(c, "attribute")) {
			if (strcmp((const char *)c->name, want) == 0 &&
			    (name = S_name(c)) != NULL)
				S_slot_add(out, name, c, opt);
		} else if (S_is(c, "ref")) {
			xmlNodePtr d = S_define(x, S_name(c));

			if (d != NULL)
				S_collect(x, d, want, opt, depth + 1, out);
		} else if (S_is(c, "optional") || S_is(c, "choice"))
			S_collect(x, c, want, opt | SL_OPT, depth + 1, out);
		else if (S_is(c, "zeroOrMore"))
			S_collect(x, c, want, opt | SL_OPT | SL_MANY, depth + 1,
			    out);
		else if (S_is(c, "oneOrMore"))
			S_collect(x, c, want, opt | SL_MANY, depth + 1, out);
		else if (S_is(c, "group") || S_is(c, "interleave") ||
		    S_is(c, "mixed"))
			S_collect(x, c, want, opt, depth + 1, out);
	}
}

/* The first value pattern of an element's content (data, value, choice
 * of values, list, text, empty), through refs and groups; NULL when the
 * content is made of elements. */
static xmlNodePtr
S_value_pattern(const struct xml_explain *x, xmlNodePtr p, int depth)
{
	xmlNodePtr c, r;

	if (depth > MAX_DEPTH)
		return NULL;
	for (c = p->children; c != NULL; c = c->next) {
		if (!S_rng(c) || S_is(c, "attribute"))
			continue;
		if (S_is(c, "element"))
			return NULL;
		if (S_is(c, "data") || S_is(c, "value") || S_is(c, "list") ||
		    S_is(c, "text") || S_is(c, "empty"))
			return c;
		if (S_is(c, "choice")) {
			xmlNodePtr a;

			for (a = c->children; a != NULL; a = a->next)
				if (S_is(a, "element"))
					return NULL;
			return c;
		}
		if (S_is(c, "ref")) {
			xmlNodePtr d = S_define(x, S_name(c));

			/* a ref to a value type (t.geld) is the value */
			if (d != NULL && (r = S_value_pattern(x, d, depth + 1)))
				return c;
			if (d != NULL) {
				/* a ref to a group of attributes: go on */
				struct slots el = { 0 };

				S_collect(x, d, "element", 0, depth + 1, &el);
				free(el.v);
				if (el.n > 0)
					return NULL;
			}
			continue;
		}
		if (S_is(c, "group") || S_is(c, "interleave") ||
		    S_is(c, "optional")) {
			if ((r = S_value_pattern(x, c, depth + 1)) != NULL)
				return r;
		}
	}
	return NULL;
}

/* Finds the schema <element>s named name that pattern p offers directly
 * (through refs and groupings, not into other elements). */
static void
S_find_elements(const struct xml_explain *x, xmlNodePtr p, const char *name,
    int depth, xmlNodePtr *cand, size_t *ncand)
{
	xmlNodePtr c;
	const char *n;

	for (c = p->children; c != NULL && *ncand < MAX_CAND; c = c->next) {
		if (!S_rng(c) || S_is(c, "attribute"))
			continue;
		if (S_is(c, "element")) {
			if ((n = S_name(c)) != NULL && strcmp(n, name) == 0)
				cand[(*ncand)++] = c;
		} else if (depth < MAX_DEPTH) {
			xmlNodePtr d = S_is(c, "ref") ?
			    S_define(x, S_name(c)) : c;

			if (d != NULL)
				S_find_elements(x, d, name, depth + 1, cand,
				    ncand);
		}
	}
}

/* ------------------------------------------------------- value checks */

/* XML Schema whiteSpace="collapse": trimmed, inner runs as one blank. */
static char *
S_collapse(const char *s)
{
	struct buf b = { 0 };
	int sp = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = 1;
			continue;
		}
		if (sp && b.len > 0)
			buf_putc(&b, ' ');
		sp = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

static char *
S_prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s = xstrdup(v ? (const char *)v : "");

	if (v)
		xmlFree(v);
	return s;
}

static int	S_check(const struct xml_explain *, xmlNodePtr, const char *,
		    int);

static int
S_check_data(xmlNodePtr p, const char *value)
{
	char *type = S_prop(p, "type");
	char *v = strcmp(type, "string") == 0 ? xstrdup(value) :
	    S_collapse(value);
	xmlSchemaTypePtr t;
	xmlNodePtr c;
	int ok = 1;

	t = xmlSchemaGetPredefinedType((const xmlChar *)type,
	    (const xmlChar *)"http://www.w3.org/2001/XMLSchema");
	if (t != NULL && xmlSchemaValPredefTypeNode(t, (const xmlChar *)v,
	    NULL, NULL) != 0)
		ok = 0;
	for (c = p->children; ok && c != NULL; c = c->next) {
		char *pn, *pv;

		if (!S_is(c, "param"))
			continue;
		pn = S_prop(c, "name");
		pv = (char *)xmlNodeGetContent(c);
		if (strcmp(pn, "pattern") == 0 && pv != NULL) {
			xmlRegexpPtr re = xmlRegexpCompile((const xmlChar *)pv);

			if (re != NULL) {
				ok = xmlRegexpExec(re, (const xmlChar *)v) == 1;
				xmlRegFreeRegexp(re);
			}
		} else if (strcmp(pn, "minLength") == 0 && pv != NULL)
			ok = xmlUTF8Strlen((const xmlChar *)v) >= atoi(pv);
		else if (strcmp(pn, "maxLength") == 0 && pv != NULL)
			ok = xmlUTF8Strlen((const xmlChar *)v) <= atoi(pv);
		else if (strcmp(pn, "minInclusive") == 0 && pv != NULL)
			ok = strtod(v, NULL) >= strtod(pv, NULL);
		else if (strcmp(pn, "maxInclusive") == 0 && pv != NULL)
			ok = strtod(v, NULL) <= strtod(pv, NULL);
		free(pn);
		if (pv)
			xmlFree(pv);
	}
	free(type);
	free(v);
	return ok;
}

static int
S_check_value(xmlNodePtr p, const char *value)
{
	char *type = S_prop(p, "type");
	xmlChar *want = xmlNodeGetContent(p);
	char *a, *b;
	int ok;

	if (strcmp(type, "string") == 0) {
		a = xstrdup(value);
		b = xstrdup(want ? (const char *)want : "");
	} else {
		a = S_collapse(value);
		b = S_collapse(want ? (const char *)want : "");
	}
	ok = strcmp(a, b) == 0;
	free(a);
	free(b);
	free(type);
	if (want)
		xmlFree(want);
	return ok;
}

/* Whether value matches pattern p. */
static int
S_check(const struct xml_explain *x, xmlNodePtr p, const char *value,
    int depth)
{
	xmlNodePtr c;

	if (p == NULL || depth > MAX_DEPTH)
		return 1;
	if (S_is(p, "ref"))
		return S_check(x, S_define(x, S_name(p)), value, depth + 1);
	if (S_is(p, "data"))
		return S_check_data(p, value);
	if (S_is(p, "value"))
		return S_check_value(p, value);
	if (S_is(p, "empty"))
		return value[strspn(value, " \t\r\n")] == '\0';
	if (S_is(p, "text"))
		return 1;
	if (S_is(p, "choice")) {
		for (c = p->children; c != NULL; c = c->next)
			if (S_rng(c) && S_check(x, c, value, depth + 1))
				return 1;
		return 0;
	}
	if (S_is(p, "list")) {
		char *v = S_collapse(value), *tok, *save = NULL;
		xmlNodePtr item = NULL;
		int ok = *v != '\0';

		/* list > oneOrMore|zeroOrMore > the item pattern */
		for (c = p->children; c != NULL && item == NULL; c = c->next)
			if (S_rng(c))
				item = c;
		while (item != NULL && (S_is(item, "oneOrMore") ||
		    S_is(item, "zeroOrMore"))) {
			xmlNodePtr i = item->children;

			while (i != NULL && !S_rng(i))
				i = i->next;
			item = i;
		}
		for (tok = strtok_r(v, " ", &save); ok && tok != NULL;
		    tok = strtok_r(NULL, " ", &save))
			ok = S_check(x, item, tok, depth + 1);
		free(v);
		return ok;
	}
	/* define, optional, group, ...: their first pattern */
	for (c = p->children; c != NULL; c = c->next)
		if (S_rng(c))
			return S_check(x, c, value, depth + 1);
	return 1;
}

/* What pattern p wants, in words: the define's sg:expect note, else the
 * allowed values, else a generic phrase. */
static void
S_describe(const struct xml_explain *x, xmlNodePtr p, struct buf *out,
    int depth)
{
	xmlNodePtr c;
	xmlChar *note;
	size_t n = 0;

	if (p == NULL || depth > MAX_DEPTH) {
		buf_puts(out, "a value of the form the schema gives");
		return;
	}
	if (S_is(p, "ref")) {
		xmlNodePtr d = S_define(x, S_name(p));

		if (d != NULL && (note = xmlGetNsProp(d,
		    (const xmlChar *)"expect", (const xmlChar *)NOTE_NS))) {
			buf_puts(out, (const char *)note);
			xmlFree(note);
			return;
		}
		S_describe(x, d, out, depth + 1);
		return;
	}
	if (S_is(p, "define") || S_is(p, "attribute") ||
	    S_is(p, "element") || S_is(p, "optional")) {
		for (c = p->children; c != NULL; c = c->next)
			if (S_rng(c)) {
				S_describe(x, c, out, depth + 1);
				return;
			}
	}
	if (S_is(p, "choice") || S_is(p, "list")) {
		xmlNodePtr q = p;

		if (S_is(p, "list")) {
			/* list > oneOrMore > choice */
			while (q != NULL && !S_is(q, "choice")) {
				for (c = q->children; c && !S_rng(c); c = c->next)
					;
				q = c;
			}
			if (q == NULL) {
				buf_puts(out, "a list of words");
				return;
			}
		}
		for (c = q->children; c != NULL; c = c->next)
			if (S_is(c, "value"))
				n++;
		if (n > 0) {
			size_t i = 0;

			buf_puts(out, S_is(p, "list") ?
			    "one or more of " : "one of ");
			for (c = q->children; c != NULL; c = c->next) {
				xmlChar *v;

				if (!S_is(c, "value"))
					continue;
				v = xmlNodeGetContent(c);
				if (i > 0)
					buf_puts(out, i + 1 == n ? " or " : ", ");
				buf_puts(out, v ? (const char *)v : "");
				if (v)
					xmlFree(v);
				i++;
			}
			if (S_is(p, "list"))
				buf_puts(out, ", separated by blanks");
			return;
		}
	}
	if (S_is(p, "value")) {
		xmlChar *v = xmlNodeGetContent(p);

		buf_printf(out, "'%s'", v ? (const char *)v : "");
		if (v)
			xmlFree(v);
		return;
	}
	if (S_is(p, "data")) {
		char *t = S_prop(p, "type");

		char *lo = NULL, *hi = NULL;

		for (c = p->children; c != NULL; c = c->next) {
			char *pn;

			if (!S_is(c, "param"))
				continue;
			pn = S_prop(c, "name");
			if (strcmp(pn, "minInclusive") == 0 && lo == NULL)
				lo = (char *)xmlNodeGetContent(c);
			else if (strcmp(pn, "maxInclusive") == 0 && hi == NULL)
				hi = (char *)xmlNodeGetContent(c);
			free(pn);
		}
		if (lo != NULL && hi != NULL)
			buf_printf(out, "a %s from %s to %s",
			    strcmp(t, "integer") == 0 ? "whole number" : "number",
			    lo, hi);
		else if (strcmp(t, "date") == 0)
			buf_puts(out, "a date such as 2026-11-26");
		else if (strcmp(t, "positiveInteger") == 0)
			buf_puts(out, "a whole number of 1 or more");
		else if (strcmp(t, "integer") == 0)
			buf_puts(out, "a whole number");
		else
			buf_printf(out, "a value of type %s", t);
		if (lo)
			xmlFree(lo);
		if (hi)
			xmlFree(hi);
		free(t);
		return;
	}
	if (S_is(p, "empty")) {
		buf_puts(out, "nothing (an empty element)");
		return;
	}
	buf_puts(out, "a value of the form the schema gives");
}

static void
S_names(const struct slots *s, struct buf *out)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (i > 0)
			buf_puts(out, i + 1 == s->n ? " and " : ", ");
		buf_puts(out, s->v[i].name);
	}
	if (s->n == 0)
		buf_puts(out, "none");
}

/* ----------------------------------------------------------- positions */

/* ---------------------------------------------------------- explaining */

struct ctx {
	const struct xml_explain *x;
	const char		*src;
	size_t			 len;
	const char		*path;
	struct diag_list	*dl;	/* NULL: count only */
	int			 found;
};

static void
S_say(struct ctx *c, xmlNodePtr n, const char *attr, enum diag_code code,
    ...)
{
	/* every catalogue entry used here takes three or four strings */
	const char *a[4];
	va_list ap;
	int line, col, i;

	c->found++;
	if (c->dl == NULL)
		return;
	va_start(ap, code);
	for (i = 0; i < 4; i++)
		a[i] = va_arg(ap, const char *);
	va_end(ap);
	xml_locate(n, attr, c->src, c->len, &line, &col);
	diag_add(c->dl, code, c->path, line, col, a[0], a[1], a[2], a[3]);
}

static char *
S_elem_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = xstrdup(t ? (const char *)t : "");

	if (t)
		xmlFree(t);
	return s;
}

static int
S_has_children(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* A value shortened for a message: the reader needs to recognise it. */
static char *
S_short(const char *v)
{
	char *c = S_collapse(v);
	size_t n = strlen(c);

	if (n > 40) {
		n = 37;
		while (n > 0 && ((unsigned char)c[n] & 0xC0) == 0x80)
			n--;
		memcpy(c + n, "...", 4);
	}
	return c;
}

/* How many earlier siblings share n's name. */
static size_t
S_rank(xmlNodePtr n)
{
	xmlNodePtr p;
	size_t k = 0;

	for (p = n->prev; p != NULL; p = p->prev)
		if (p->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)p->name, (const char *)n->name) == 0)
			k++;
	return k;
}

/* ------------------------------------------------------- did you mean */

/* Edit distance with adjacent transpositions counted as one edit
 * ("kortnig" is one away from "korting"); names are short. */
static size_t
S_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[33][33];

	if (la > 32 || lb > 32)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1], v;

			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/* The name in s closest to name, if close enough to be a misspelling of
 * it (one edit in a short name, two in a longer one); NULL if none.
 * Names for which taken() says yes are passed over; the one returned is
 * marked meant. */
static const char *
S_closest(struct slots *s, const char *name,
    int (*taken)(const struct slot *, void *), void *arg)
{
	size_t i, k = 0, d, best = 99, most = strlen(name) <= 4 ? 1 : 2;
	const char *r = NULL;

	for (i = 0; i < s->n; i++) {
		if (taken != NULL && taken(&s->v[i], arg))
			continue;
		d = S_distance(name, s->v[i].name);
		if (d <= most && d < best && d < strlen(s->v[i].name)) {
			best = d;
			r = s->v[i].name;
			k = i;
		}
	}
	if (r != NULL)
		s->v[k].meant = 1;
	return r;
}

/* An element the parent has already and takes once is no suggestion for
 * another child: that would be a second one. */
static int
S_child_taken(const struct slot *sl, void *arg)
{
	xmlNodePtr k;

	if (sl->many)
		return 0;
	for (k = ((xmlNodePtr)arg)->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)k->name, sl->name) == 0)
			return 1;
	return 0;
}

static int
S_attr_taken(const struct slot *sl, void *arg)
{
	return xmlHasNsProp((xmlNodePtr)arg, (const xmlChar *)sl->name,
	    NULL) != NULL;
}

/* ------------------------------------------------------------- order */

/*
 * libxml2 reports elements in the wrong order as "Element offerte has
 * extra content: voorwaarden" or "Expecting element inleiding, got
 * regels", at whichever element it gave up on.  Each child the content
 * model offers gets a rank, its place in the model's sequence; the
 * members of an interleave, a choice or a repeated part share one (they
 * may stand in any order among themselves, so nothing is claimed about
 * them).  The children that are out of place are those outside the
 * longest run of children in rank order: the fewest moves that put the
 * element right.
 */
static void
S_order(const struct xml_explain *x, xmlNodePtr p, int depth, int *rank,
    int shared, struct slots *out)
{
	xmlNodePtr c;
	const char *name;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	for (c = p->children; c != NULL; c = c->next) {
		if (!S_rng(c) || S_is(c, "attribute"))
			continue;
		if (S_is(c, "element")) {
			if ((name = S_name(c)) == NULL)
				continue;
			for (i = 0; i < out->n; i++)
				if (strcmp(out->v[i].name, name) == 0)
					break;
			if (i < out->n) {
				/* offered at two places: no rank */
				if (out->v[i].required != *rank)
					out->v[i].required = -1;
			} else {
				S_slot_add(out, name, c, 0);
				out->v[out->n - 1].required = *rank;
			}
			if (!shared)
				(*rank)++;
		} else if (S_is(c, "ref")) {
			xmlNodePtr d = S_define(x, S_name(c));

			if (d != NULL)
				S_order(x, d, depth + 1, rank, shared, out);
		} else if (S_is(c, "group") || S_is(c, "optional"))
			S_order(x, c, depth + 1, rank, shared, out);
		else {
			/* interleave, choice, zeroOrMore, oneOrMore, mixed */
			S_order(x, c, depth + 1, rank, 1, out);
			if (!shared)
				(*rank)++;
		}
	}
}

/* Whether the content of pattern p lets text stand among its elements. */
static int
S_allows_text(const struct xml_explain *x, xmlNodePtr p, int depth)
{
	xmlNodePtr c;

	if (depth > MAX_DEPTH)
		return 1;
	for (c = p->children; c != NULL; c = c->next) {
		if (!S_rng(c) || S_is(c, "element") || S_is(c, "attribute"))
			continue;
		if (S_is(c, "text") || S_is(c, "mixed") || S_is(c, "data") ||
		    S_is(c, "value") || S_is(c, "list"))
			return 1;
		if (S_is(c, "ref")) {
			xmlNodePtr d = S_define(x, S_name(c));

			if (d != NULL && S_allows_text(x, d, depth + 1))
				return 1;
		} else if (S_allows_text(x, c, depth + 1))
			return 1;
	}
	return 0;
}

static int	S_in_ns(xmlNodePtr, xmlNodePtr);

/* Says which children of n stand out of the order of schema element e
 * (whose children are el). */
static void
S_explain_order(struct ctx *c, xmlNodePtr n, xmlNodePtr e,
    const struct slots *el)
{
	const struct slot *t;
	struct slots ord = { 0 };
	struct run {
		xmlNodePtr	 k, last;	/* first and last of the run */
		int		 rank, n;	/* n: elements in the run */
		int		 len, prev, keep;
	} *r = NULL;
	size_t nr = 0, cap = 0, i, j, end = 0;
	xmlNodePtr k;
	int rank = 0;

	S_order(c->x, e, 0, &rank, 0, &ord);
	for (k = n->children; k != NULL; k = k->next) {
		const struct slot *s;

		if (k->type != XML_ELEMENT_NODE || !S_in_ns(n, k) ||
		    (s = S_slot_find(&ord, (const char *)k->name)) == NULL ||
		    s->required < 0)
			continue;
		/* a second one of a kind is told as such */
		if (S_rank(k) > 0 && ((t = S_slot_find(el,
		    (const char *)k->name)) == NULL || !t->many))
			continue;
		if (nr > 0 && r[nr - 1].rank == s->required) {
			r[nr - 1].last = k;	/* the same run */
			r[nr - 1].n++;
			r[nr - 1].len++;
			continue;
		}
		if (nr == 512)
			goto out;	/* too many to weigh; libxml2 says it */
		if (nr == cap) {
			cap = cap ? cap * 2 : 16;
			r = xrealloc(r, cap * sizeof(*r));
		}
		r[nr].k = r[nr].last = k;
		r[nr].rank = s->required;
		r[nr].n = r[nr].len = 1;
		r[nr].prev = -1;
		r[nr].keep = 0;
		nr++;
	}
	/* the most children in rank order; ties keep the earlier ones */
	for (i = 0; i < nr; i++) {
		for (j = 0; j < i; j++)
			if (r[j].rank <= r[i].rank &&
			    r[j].len + r[i].n > r[i].len) {
				r[i].len = r[j].len + r[i].n;
				r[i].prev = (int)j;
			}
		if (r[i].len > r[end].len)
			end = i;
	}
	for (i = end; nr > 0; i = (size_t)r[i].prev) {
		r[i].keep = 1;
		if (r[i].prev < 0)
			break;
	}
	for (i = 0; i < nr; i++) {
		const char *name = (const char *)r[i].k->name;

		if (r[i].keep)
			continue;
		for (j = 0; j < i; j++)
			if (r[j].keep && r[j].rank > r[i].rank)
				break;
		if (j < i) {
			S_say(c, r[i].k, NULL, DIAG_SCHEMA_BEFORE, name,
			    (const char *)r[j].k->name, NULL, NULL);
			continue;
		}
		for (j = nr; j-- > i + 1;)
			if (r[j].keep && r[j].rank < r[i].rank)
				break;
		if (j > i && j < nr)
			S_say(c, r[i].k, NULL, DIAG_SCHEMA_AFTER, name,
			    (const char *)r[j].last->name, NULL, NULL);
	}
out:
	free(r);
	free(ord.v);
}

/* Whether child k is in parent n's namespace (the document's). */
static int
S_in_ns(xmlNodePtr n, xmlNodePtr k)
{
	if (n->ns == NULL || k->ns == NULL)
		return n->ns == k->ns;
	return strcmp((const char *)n->ns->href, (const char *)k->ns->href) == 0;
}

/* Checks element n against schema element e; returns the findings. */
static void
S_explain(struct ctx *c, xmlNodePtr n, xmlNodePtr e)
{
	struct slots at = { 0 }, el = { 0 };
	const char *name = (const char *)n->name;
	xmlAttrPtr a;
	xmlNodePtr k, vp;
	size_t i;
	struct buf b = { 0 };

	S_collect(c->x, e, "attribute", 0, 0, &at);
	S_collect(c->x, e, "element", 0, 0, &el);

	for (a = n->properties; a != NULL; a = a->next) {
		const struct slot *s;
		xmlChar *v;

		if (a->ns != NULL)
			continue;
		if ((s = S_slot_find(&at, (const char *)a->name)) == NULL) {
			const char *mean = S_closest(&at, (const char *)a->name,
			    S_attr_taken, n);

			if (mean != NULL) {
				S_say(c, n, (const char *)a->name,
				    DIAG_SCHEMA_ATTR_MEAN, name,
				    (const char *)a->name, mean, NULL);
				continue;
			}
			buf_reset(&b);
			S_names(&at, &b);
			S_say(c, n, (const char *)a->name, DIAG_SCHEMA_ATTR,
			    name, (const char *)a->name, buf_cstr(&b), NULL);
			continue;
		}
		v = xmlNodeListGetString(n->doc, a->children, 1);
		if (!S_check(c->x, s->pat, v ? (const char *)v : "", 0)) {
			char *sv = S_short(v ? (const char *)v : "");

			buf_reset(&b);
			S_describe(c->x, s->pat, &b, 0);
			S_say(c, n, (const char *)a->name, DIAG_SCHEMA_VALUE,
			    name, (const char *)a->name, sv, buf_cstr(&b));
			free(sv);
		}
		if (v)
			xmlFree(v);
	}
	for (i = 0; i < at.n; i++)
		if (at.v[i].required && !at.v[i].meant &&
		    xmlHasNsProp(n, (const xmlChar *)at.v[i].name, NULL) == NULL) {
			buf_reset(&b);
			S_describe(c->x, at.v[i].pat, &b, 0);
			S_say(c, n, NULL, DIAG_SCHEMA_NEED_ATTR, name,
			    at.v[i].name, buf_cstr(&b), NULL);
		}

	if (!S_has_children(n) && el.n == 0 &&
	    (vp = S_value_pattern(c->x, e, 0)) != NULL) {
		char *t = S_elem_text(n);

		if (!S_check(c->x, vp, t, 0)) {
			char *st = S_short(t);

			buf_reset(&b);
			S_describe(c->x, vp, &b, 0);
			S_say(c, n, NULL, DIAG_SCHEMA_TEXT, name, st, buf_cstr(&b),
			    NULL);
			free(st);
		}
		free(t);
	}
	if (el.n > 0 && !S_allows_text(c->x, e, 0))
		for (k = n->children; k != NULL; k = k->next) {
			char *t, *st;

			if (k->type != XML_TEXT_NODE)
				continue;
			t = S_elem_text(k);
			if (t[strspn(t, " \t\r\n")] != '\0') {
				st = S_short(t);
				S_say(c, k, NULL, DIAG_SCHEMA_STRAY_TEXT, name, st,
				    NULL, NULL);
				free(st);
			}
			free(t);
		}
	for (k = n->children; k != NULL; k = k->next) {
		const struct slot *s;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!S_in_ns(n, k)) {
			const char *ns = k->ns != NULL ?
			    (const char *)k->ns->href : NULL;

			buf_reset(&b);
			if (ns != NULL)
				buf_printf(&b, "namespace '%s'", ns);
			else
				buf_puts(&b, "no namespace");
			S_say(c, k, NULL, DIAG_SCHEMA_NS, (const char *)k->name,
			    buf_cstr(&b), n->ns != NULL ?
			    (const char *)n->ns->href : "", NULL);
		} else if ((s = S_slot_find(&el, (const char *)k->name)) == NULL) {
			const char *mean = S_closest(&el, (const char *)k->name,
			    S_child_taken, n);

			buf_reset(&b);
			if (mean != NULL)
				S_say(c, k, NULL, DIAG_SCHEMA_CHILD_MEAN,
				    (const char *)k->name, name, mean, NULL);
			else if (el.n == 0 &&
			    S_value_pattern(c->x, e, 0) != NULL)
				S_say(c, k, NULL, DIAG_SCHEMA_TEXT_ONLY,
				    (const char *)k->name, name, NULL, NULL);
			else {
				S_names(&el, &b);
				S_say(c, k, NULL, DIAG_SCHEMA_CHILD,
				    (const char *)k->name, name, buf_cstr(&b),
				    NULL);
			}
		} else if (!s->many && S_rank(k) == 1)
			/* the second of a kind; a third adds nothing new */
			S_say(c, k, NULL, DIAG_SCHEMA_REPEAT,
			    (const char *)k->name, name, NULL, NULL);
	}
	for (i = 0; i < el.n; i++) {
		if (!el.v[i].required || el.v[i].meant)
			continue;
		for (k = n->children; k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)k->name, el.v[i].name) == 0)
				break;
		if (k == NULL)
			S_say(c, n, NULL, DIAG_SCHEMA_NEED_CHILD, name,
			    el.v[i].name, NULL, NULL);
	}
	if (el.n > 1)
		S_explain_order(c, n, e, &el);
	buf_free(&b);
	free(at.v);
	free(el.v);
}

int
xml_explain_node(const struct xml_explain *x, struct _xmlNode *n,
    const char *src, size_t len, const char *path, struct diag_list *dl)
{
	xmlNodePtr chain[64], p, at, cand[MAX_CAND], best;
	size_t depth = 0, ncand, i;
	struct ctx c = { x, src, len, path, dl, 0 };
	int fewest;

	if (x == NULL || n == NULL || n->type != XML_ELEMENT_NODE)
		return 0;
	for (p = n; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (depth < sizeof(chain) / sizeof(chain[0]))
			chain[depth++] = p;
		else
			return 0;
	/* chain[depth-1] is the root; walk down from <start> */
	at = x->start;
	for (i = depth; i-- > 0;) {
		ncand = 0;
		S_find_elements(x, at, (const char *)chain[i]->name, 0, cand,
		    &ncand);
		if (ncand == 0) {
			struct slots el = { 0 };
			struct buf b = { 0 };

			if (i + 1 < depth)	/* explain the parent instead */
				break;
			S_collect(x, at, "element", 0, 0, &el);
			S_names(&el, &b);
			S_say(&c, chain[i], NULL, DIAG_SCHEMA_ROOT,
			    (const char *)chain[i]->name, buf_cstr(&b), NULL, NULL);
			buf_free(&b);
			free(el.v);
			return c.found;
		}
		if (i == 0 || ncand == 1) {
			best = cand[0];
			if (ncand > 1) {
				/* several definitions (the funnel's steps):
				 * explain by the one that fits best */
				struct ctx q = c;
				size_t j;

				q.dl = NULL;
				fewest = -1;
				for (j = 0; j < ncand; j++) {
					q.found = 0;
					S_explain(&q, chain[i], cand[j]);
					/* a tie goes to the definition at the
					 * element's place among its namesakes */
					if (fewest < 0 || q.found < fewest ||
					    (q.found == fewest &&
					    j == S_rank(chain[i]))) {
						fewest = q.found;
						best = cand[j];
					}
				}
			}
			if (i == 0) {
				S_explain(&c, chain[0], best);
				return c.found;
			}
			at = best;
		} else
			at = cand[0];
	}
	/* chain[i] is not offered by its parent: explain the parent */
	if (i + 1 < depth) {
		ncand = 0;
		/* at is the parent's schema element */
		S_explain(&c, chain[i + 1], at);
	}
	return c.found;
}

/* A field path of a document of this kind ("klant.contact@naam", "nummer",
 * "korting"): elements separated by '.', the last part an element or an
 * attribute, an attribute after '@'.  With value, also checks it against
 * the field's type. */
int
xml_explain_field(const struct xml_explain *x, const char *kind,
    const char *path, const char *value, struct buf *want)
{
	xmlNodePtr cand[MAX_CAND], at, vp = NULL;
	size_t ncand = 0;
	struct slots at_s = { 0 }, el_s = { 0 };
	const struct slot *sl = NULL;
	const char *p = path, *e;
	char *name;
	int rc = 0, attr_only = 0;

	if (x == NULL)
		return 1;
	S_find_elements(x, x->start, kind, 0, cand, &ncand);
	if (ncand == 0)
		return 0;
	at = cand[0];
	for (;;) {
		e = p + strcspn(p, attr_only ? "" : ".@");
		name = xstrndup(p, (size_t)(e - p));
		if (*e == '\0') {
			S_collect(x, at, "attribute", 0, 0, &at_s);
			if (!attr_only)
				S_collect(x, at, "element", 0, 0, &el_s);
			if (*name != '\0' &&
			    (sl = S_slot_find(&at_s, name)) != NULL)
				vp = sl->pat;
			else if (*name != '\0' &&
			    (sl = S_slot_find(&el_s, name)) != NULL)
				vp = S_value_pattern(x, sl->pat, 0);
			rc = sl != NULL;
			free(name);
			break;
		}
		ncand = 0;
		S_find_elements(x, at, name, 0, cand, &ncand);
		free(name);
		if (ncand == 0)
			break;
		at = cand[0];
		attr_only = *e == '@';
		p = e + 1;
	}
	/* an element made of elements takes any text: no type to check */
	if (rc == 1 && value != NULL && vp != NULL && !S_check(x, vp, value, 0)) {
		if (want != NULL)
			S_describe(x, vp, want, 0);
		rc = -1;
	}
	free(at_s.v);
	free(el_s.v);
	return rc;
}
