/*
 * xml_data — sales data documents: parsed the safe way (xml_read.c),
 * validated against the RelaxNG schema that ships in templates/schema,
 * and turned into the value tree the computations and templates read.
 *
 * The tree follows the document: an element with attributes or children
 * is a map (attributes and children by name, its own text under "tekst"),
 * an element with only text is a string, and the elements that repeat by
 * nature (regel, stap, lid, ...) are always lists, so a proposal with one
 * line reads like one with forty.  Every map records the line and column
 * of its start tag in its position (val.h) for later diagnostics, and each
 * attribute and text-only child in its own (a list of text-only children
 * the first one's), so a value the computations cannot use is told where
 * it stands.  The children of the elements whose
 * order matters across names (<regels>, <sectie>, <keuze>: lines, text
 * lines, sections, choices) are always maps and carry their place among
 * their siblings under "_seq".
 */
#include "xml.h"
#include "xml_err.h"
#include "buf.h"
#include "file.h"
#include "mem.h"
#include "theme.h"
#include "val.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define NS	"urn:salesgen:1"

struct data_schema {
	xmlRelaxNGPtr		 rng;
	struct xml_explain	*ex;	/* NULL: libxml2's messages only */
};

/* Elements that repeat by nature, under their parent: always lists. */
static const char *S_lists[][2] = {
	{ "regels", "regel" }, { "sellogram", "regel" }, { "funnel", "stap" },
	{ "dmu", "lid" }, { "historie", "jaar" }, { "doelstellingen", "doel" },
	{ "activiteiten", "activiteit" }, { "acties", "actie" },
	{ "budget", "post" }, { "swot", "sterkte" }, { "swot", "zwakte" },
	{ "swot", "kans" }, { "swot", "bedreiging" }, { "klanten", "klant" },
	{ "nps", "score" }, { "leads", "criterium" }, { "leads", "lead" },
	{ "lead", "heeft" }
};

/*
 * A project's schema may include other schema files (<include href>,
 * <externalRef href>), and libxml2 would fetch them from anywhere, the
 * network too.  They are checked before the schema is compiled (at the
 * element's line), and the loader below refuses, as a second line, every
 * resource but a regular file inside the folder being compiled for
 * (S_root, per thread: only set while a schema is compiled).  Nothing
 * else salesgen parses loads anything, so it refuses all then.
 */
static _Thread_local const char *S_root;
static pthread_once_t S_loader_once = PTHREAD_ONCE_INIT;

static xmlParserInputPtr
S_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	if (S_root == NULL || url == NULL || strchr(url, ':') != NULL ||
	    file_where_in(S_root, url) != FILE_IN)
		return NULL;
	return xmlNewInputFromFile(ctxt, url);
}

static void
S_loader_init(void)
{
	xmlSetExternalEntityLoader(S_loader);
}

/* 0 when every file the schema doc names lies inside root (relative to
 * the schema's own folder); else -1 after DIAG_PATH_ESCAPE at the
 * naming element.  Walks the whole tree (includes may stand deep). */
static int
S_includes_inside(xmlNodePtr n, const char *path, const char *root,
    struct diag_list *dl)
{
	xmlChar *href;
	char *dir, *p;
	int rc = 0, ok;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((xmlStrEqual(n->name, BAD_CAST "include") ||
		    xmlStrEqual(n->name, BAD_CAST "externalRef")) &&
		    (href = xmlGetProp(n, BAD_CAST "href")) != NULL) {
			dir = file_dir(path);
			p = file_join(dir, (char *)href);
			/* a URL, an absolute path, or a built-in schema
			 * (no project to stay in) include nothing */
			ok = root != NULL && href[0] != '/' &&
			    strchr((char *)href, ':') == NULL &&
			    file_where_in(root, p) == FILE_IN;
			if (!ok) {
				diag_add(dl, DIAG_PATH_ESCAPE, path,
				    (int)xmlGetLineNo(n), 0, (char *)href);
				rc = -1;
			}
			free(p);
			free(dir);
			xmlFree(href);
		}
		if (S_includes_inside(n->children, path, root, dl) != 0)
			rc = -1;
	}
	return rc;
}

struct data_schema *
data_schema_new(struct theme *th, struct diag_list *dl)
{
	struct data_schema *s;
	xmlRelaxNGParserCtxtPtr pc;
	xmlDocPtr doc;
	const char *src, *path, *root = theme_root(th);
	size_t len;
	struct xml_err_catch ctx;

	pthread_once(&S_loader_once, S_loader_init);
	if ((src = theme_get(th, "schema/salesgen.rng", &path, &len)) == NULL) {
		diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
		    "schema/salesgen.rng");
		return NULL;
	}
	ctx.path = path;
	ctx.dl = dl;
	ctx.code = DIAG_SCHEMA;
	ctx.n = 0;
	if (len > 0x7fffffff)
		return NULL;
	/* Read with the schema's path as its base, so its includes are
	 * found beside it; libxml2's messages come to xml_err_tell (an
	 * error in a file the schema includes told at that file), none to
	 * standard error. */
	xmlSetStructuredErrorFunc(&ctx, xml_err_tell);
	doc = xmlReadMemory(src, (int)len, path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || S_includes_inside(xmlDocGetRootElement(doc), path,
	    strncmp(path, "<built-in>", 10) ? root : NULL, dl) != 0) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		if (doc == NULL && ctx.n == 0)
			diag_add(dl, DIAG_SCHEMA, path, 0, 0,
			    "the schema does not parse");
		xmlFreeDoc(doc);
		return NULL;
	}
	pc = xmlRelaxNGNewDocParserCtxt(doc);
	xmlRelaxNGSetParserStructuredErrors(pc, xml_err_tell, &ctx);
	s = xcalloc(1, sizeof(*s));
	S_root = root;
	s->rng = xmlRelaxNGParse(pc);
	S_root = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeParserCtxt(pc);
	xmlFreeDoc(doc);
	if (s->rng == NULL) {
		if (ctx.n == 0)
			diag_add(dl, DIAG_SCHEMA, path, 0, 0,
			    "the schema does not parse");
		free(s);
		return NULL;
	}
	s->ex = xml_explain_new(src, len);
	return s;
}

const struct xml_explain *
data_schema_explain(const struct data_schema *s)
{
	return s != NULL ? s->ex : NULL;
}

void
data_schema_free(struct data_schema *s)
{
	if (s == NULL)
		return;
	xmlRelaxNGFree(s->rng);
	xml_explain_free(s->ex);
	free(s);
}

static int
S_listy(const char *parent, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(S_lists) / sizeof(S_lists[0]); i++)
		if (strcmp(S_lists[i][0], parent) == 0 &&
		    strcmp(S_lists[i][1], name) == 0)
			return 1;
	return 0;
}

/* The text of an element, trimmed, with inner blank lines kept (they
 * separate paragraphs) and other runs of white space folded. */
static char *
S_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	struct buf b = { 0 };
	const char *p;
	int nl = 0, sp = 0;

	for (p = t ? (const char *)t : ""; *p; p++) {
		if (*p == '\n') {
			nl++;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			sp = 1;
			continue;
		}
		if (b.len > 0) {
			if (nl >= 2)
				buf_puts(&b, "\n\n");
			else if (nl == 1 || sp)
				buf_putc(&b, ' ');
		}
		nl = sp = 0;
		buf_putc(&b, *p);
	}
	if (t)
		xmlFree(t);
	return buf_detach(&b);
}

static int
S_has_elements(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Parents whose children keep their order across names. */
static int
S_ordered(const char *name)
{
	return strcmp(name, "regels") == 0 || strcmp(name, "sectie") == 0 ||
	    strcmp(name, "keuze") == 0;
}

/* Converts an element; seq >= 0 makes it a map with its place under
 * "_seq".  Data documents are shallow (a handful of levels), and the
 * schema has already bounded their shape, so recursion is fine. */
static struct val *
S_convert(xmlNodePtr n, const char *src, size_t len, int seq)
{
	struct val *m, *v, *slot;
	xmlAttrPtr a;
	xmlChar *av;
	xmlNodePtr c;
	const char *name;
	int line, col, k = 0, ordered;

	xml_locate(n, NULL, src, len, &line, &col);
	if (n->properties == NULL && !S_has_elements(n) && seq < 0)
		return val_at(val_str_own(S_text(n)), NULL, line, col);
	m = val_at(val_map(), NULL, line, col);
	if (seq >= 0)
		val_set_num(m, "_seq", (double)seq);
	for (a = n->properties; a != NULL; a = a->next) {
		av = xmlNodeListGetString(n->doc, a->children, 1);
		xml_locate(n, (const char *)a->name, src, len, &line, &col);
		val_at(val_set(m, (const char *)a->name,
		    val_str(av ? (char *)av : "")), NULL, line, col);
		if (av)
			xmlFree(av);
	}
	if (!S_has_elements(n)) {
		char *t = S_text(n);

		if (*t)
			val_set(m, "tekst", val_str_own(t));
		else
			free(t);
		return m;
	}
	ordered = S_ordered((const char *)n->name);
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)c->name;
		v = S_convert(c, src, len, ordered ? k++ : -1);
		slot = (struct val *)val_get(m, name);
		if (S_listy((const char *)n->name, name) || slot != NULL) {
			if (slot == NULL)
				slot = val_set(m, name, val_list());
			else if (slot->type != VAL_LIST) {
				/* a second one: the first becomes a list */
				struct val *l = val_list();
				size_t i;

				for (i = 0; i < m->n; i++)
					if (m->items[i] == slot)
						break;
				val_push(l, slot);
				m->items[i] = l;
				slot = l;
			}
			/* text-only children: where the first one is */
			if (slot->n == 0 && v->type == VAL_STR)
				val_at(slot, NULL, v->line, v->col);
			else if (slot->n == 1 && slot->line == 0 &&
			    slot->items[0]->type == VAL_STR)
				val_at(slot, NULL, slot->items[0]->line,
				    slot->items[0]->col);
			val_push(slot, v);
		} else
			val_set(m, name, v);
	}
	return m;
}

/* libxml2's validation messages, kept until the whole document is seen:
 * the explanation replaces them element by element. */
struct verr {
	xmlNodePtr	 node;
	int		 line;
	char		*msg;
};

struct vlist {
	struct verr	*v;
	size_t		 n, cap;
};

static void
S_collect_error(void *arg, xmlErrorPtr e)
{
	struct vlist *l = arg;

	if (e == NULL || l->n >= 64)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].node = e->node;
	l->v[l->n].line = e->line;
	l->v[l->n].msg = xml_err_text(e, "invalid document");
	l->n++;
}

/* libxml2's follow-on messages, which say only that something inside
 * failed; dropped once anything more precise has been said. */
static int
S_generic(const char *msg)
{
	return strstr(msg, "failed to validate content") != NULL ||
	    strstr(msg, " in interleave") != NULL ||
	    strstr(msg, "failed to validate attributes") != NULL;
}

/* Validates doc; on failure adds diagnostics and returns -1. */
static int
S_validate(const struct data_schema *schema, xmlDocPtr doc, const char *src,
    size_t len, const char *path, struct diag_list *dl)
{
	xmlRelaxNGValidCtxtPtr vc;
	struct vlist l = { 0 };
	size_t i, j, said = 0, said_explained = 0;
	int bad, specific = 0;

	vc = xmlRelaxNGNewValidCtxt(schema->rng);
	xmlRelaxNGSetValidStructuredErrors(vc, S_collect_error, &l);
	bad = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (bad == 0) {
		for (i = 0; i < l.n; i++)
			free(l.v[i].msg);
		free(l.v);
		return 0;
	}
	/* Explain each element once, in the order libxml2 met them. */
	for (i = 0; i < l.n; i++) {
		int n = 0;

		for (j = 0; j < i; j++)
			if (l.v[j].node == l.v[i].node)
				break;
		if (j < i)	/* explained with its first message */
			continue;
		if (l.v[i].node != NULL)
			n = xml_explain_node(schema->ex, l.v[i].node, src, len,
			    path, dl);
		/* libxml2 names an element whose own content is fine when
		 * the fault is its place in the parent (a second <logo>):
		 * the parent's children explain it */
		if (n == 0 && l.v[i].node != NULL &&
		    ((xmlNodePtr)l.v[i].node)->parent != NULL &&
		    ((xmlNodePtr)l.v[i].node)->parent->type == XML_ELEMENT_NODE)
			n = xml_explain_node(schema->ex,
			    ((xmlNodePtr)l.v[i].node)->parent, src, len, path,
			    dl);
		if (n > 0) {
			said += (size_t)n;
			said_explained += (size_t)n;
			for (j = i + 1; j < l.n; j++)
				if (l.v[j].node == l.v[i].node)
					l.v[j].line = -1;
			l.v[i].line = -1;
		}
	}
	for (i = 0; i < l.n; i++)
		if (l.v[i].line >= 0 && !S_generic(l.v[i].msg))
			specific = 1;
	for (i = 0; i < l.n; i++) {
		/* once something is explained, libxml2's other messages
		 * follow from it: its validator, lost after the first fault
		 * in a content model, blames the elements after it */
		if (l.v[i].line >= 0 && said_explained == 0 &&
		    !(specific && S_generic(l.v[i].msg))) {
			int line = l.v[i].line, col = 0;

			if (l.v[i].node != NULL)
				xml_locate(l.v[i].node, NULL, src, len, &line,
				    &col);
			diag_add(dl, DIAG_SCHEMA, path, line, col, l.v[i].msg);
			said++;
		}
		free(l.v[i].msg);
	}
	free(l.v);
	if (said == 0)
		diag_add(dl, DIAG_SCHEMA, path, 0, 0, "does not match the schema");
	return -1;
}

struct val *
xml_data_load(const char *src, size_t len, const char *path,
    const struct data_schema *schema, char **kind, struct diag_list *dl)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	struct val *v;
	struct xml_pos *pos;

	*kind = NULL;
	if ((doc = xml_read(src, len, path, dl)) == NULL)
		return NULL;
	pos = xml_positions(doc, src, len);
	root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, NS) != 0) {
		int line = 1, col = 0;

		if (root != NULL)
			xml_locate(root, NULL, src, len, &line, &col);
		diag_add(dl, DIAG_DATA_NS, path, line, col,
		    root ? (const char *)root->name : "", NS);
		xmlFreeDoc(doc);
		free(pos);
		return NULL;
	}
	if (schema != NULL && S_validate(schema, doc, src, len, path, dl) != 0) {
		xmlFreeDoc(doc);
		free(pos);
		return NULL;
	}
	*kind = xstrdup((const char *)root->name);
	v = S_convert(root, src, len, -1);
	if (v->type != VAL_MAP) {
		struct val *m = val_map();

		val_set(m, "tekst", v);
		v = m;
	}
	xmlFreeDoc(doc);
	free(pos);
	return v;
}
