/* xml_read — hardened libxml2 parsing (see xml.h). */
#include "xml.h"
#include "buf.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct errctx {
	const char		*path;
	struct diag_list	*dl;
	int			 n;
};

static void
S_error(void *arg, xmlErrorPtr e)
{
	struct errctx *ctx = arg;
	char *msg;
	size_t len;

	if (e == NULL || e->level == XML_ERR_WARNING || ctx->n++ > 20)
		return;
	if (e->code == XML_ERR_INVALID_CHAR && e->message != NULL &&
	    (strncmp(e->message, "Input is not proper UTF-8", 25) == 0 ||
	    (e->int1 == 0 && strncmp(e->message, "Char 0x0 ", 9) == 0))) {
		/* Told in the words a CSV file's bad byte is told in, and
		 * alone: what libxml2 says after it (a NUL "breaks" the tag it
		 * stands in) only follows from it. */
		const char *b = strstr(e->message, "Bytes: 0x");
		unsigned byte = 0;

		if (b != NULL)
			byte = (unsigned)strtoul(b + 9, NULL, 16);
		if (e->message[0] == 'C')
			diag_add(ctx->dl, DIAG_XML_NUL, ctx->path, e->line,
			    e->int2 > 0 ? e->int2 : 0);
		else
			diag_add(ctx->dl, DIAG_XML_UTF8, ctx->path, e->line,
			    e->int2 > 0 ? e->int2 : 0, byte);
		ctx->n = 100;
		return;
	}
	msg = xstrdup(e->message ? e->message : "malformed XML");
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	/* one diagnostic, one line ("... UTF-8, indicate encoding !\nBytes:") */
	for (char *q = msg; *q; q++)
		if (*q == '\n')
			*q = ' ';
	diag_add(ctx->dl, DIAG_XML, ctx->path, e->line, e->int2 > 0 ? e->int2 : 0,
	    msg);
	free(msg);
}

/* Where a DOCTYPE starts, or NULL: one can only stand in the prolog, after
 * the XML declaration, comments, processing instructions and blanks.
 * Refusing it before libxml2 reads it keeps entity tricks (XXE, "billion
 * laughs") from reaching the parser at all. */
static const char *
S_doctype(const char *p, const char *end)
{
	const char *q;

	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
			continue;
		}
		if ((size_t)(end - p) >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3;
			continue;
		}
		if ((size_t)(end - p) >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
			return p;
		if ((size_t)(end - p) >= 4 && memcmp(p, "<!--", 4) == 0) {
			for (q = p + 4; q + 3 <= end && memcmp(q, "-->", 3); q++)
				;
			p = q + 3;
			continue;
		}
		if ((size_t)(end - p) >= 2 && memcmp(p, "<?", 2) == 0) {
			for (q = p + 2; q + 2 <= end && memcmp(q, "?>", 2); q++)
				;
			p = q + 2;
			continue;
		}
		break;
	}
	return NULL;
}

static void
S_no_doctype(const char *src, const char *d, const char *path,
    struct diag_list *dl)
{
	const char *q, *bol = src;
	int line = 1;

	for (q = src; q < d; q++)
		if (*q == '\n') {
			line++;
			bol = q + 1;
		}
	diag_add(dl, DIAG_XML, path, line, (int)(d - bol) + 1,
	    "a DOCTYPE is not allowed (no DTDs or entities in salesgen data)");
}

xmlDocPtr
xml_read(const char *src, size_t len, const char *path, struct diag_list *dl)
{
	const char *dt;
	struct errctx ctx = { path, dl, 0 };
	xmlParserCtxtPtr p;
	xmlDocPtr doc;
	int opts;

	/* No XML_PARSE_NOENT (no substitution), no DTDLOAD/DTDATTR (nothing
	 * fetched), NONET for good measure, no HUGE (libxml2's own limits on
	 * amplification stay on). */
	opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_NOCDATA;
	if (len > (size_t)0x7fffffff) {
		diag_add(dl, DIAG_XML, path, 0, 0, "file too large");
		return NULL;
	}
	if ((dt = S_doctype(src, src + len)) != NULL) {
		S_no_doctype(src, dt, path, dl);
		return NULL;
	}
	p = xmlNewParserCtxt();
	if (p == NULL) {
		diag_add(dl, DIAG_XML, path, 0, 0, "cannot create XML parser");
		return NULL;
	}
	xmlSetStructuredErrorFunc(&ctx, S_error);
	doc = xmlCtxtReadMemory(p, src, (int)len, path, "UTF-8", opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && !p->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(p);
	if (doc == NULL) {
		if (ctx.n == 0)
			diag_add(dl, DIAG_XML, path, 0, 0, "malformed XML");
		return NULL;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		/* S_doctype missed it (it cannot, but the parser decides) */
		diag_add(dl, DIAG_XML, path, 1, 1,
		    "a DOCTYPE is not allowed (no DTDs or entities in salesgen data)");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

void
xml_doc_free(xmlDocPtr doc)
{
	if (doc != NULL)
		xmlFreeDoc(doc);
}

/*** Positions ***/

/* libxml2 keeps the line a start tag ends on and no column: one forward
 * scan over the text finds where each element's "<" is, in document
 * order, skipping comments, CDATA and processing instructions. */
struct cursor {
	const char	*src, *p, *lim, *bol;
	int		 line;
};

static void
S_advance(struct cursor *c, const char *to)
{
	for (; c->p < to; c->p++)
		if (*c->p == '\n') {
			c->line++;
			c->bol = c->p + 1;
		}
}

static const char *
S_skip_to(const struct cursor *c, const char *from, const char *s)
{
	size_t n = strlen(s);
	const char *p;

	for (p = from; p + n <= c->lim; p++)
		if (memcmp(p, s, n) == 0)
			return p + n;
	return c->lim;
}

/* Moves c past the start tag of n, filling *pos; 0, or -1 if not found. */
static int
S_seek(struct cursor *c, xmlNodePtr n, struct xml_pos *pos)
{
	const char *p, *q, *name = (const char *)n->name;
	const char *pre = n->ns && n->ns->prefix ? (const char *)n->ns->prefix :
	    NULL;
	size_t nl = strlen(name), pl = pre ? strlen(pre) : 0;

	for (p = c->p; p < c->lim; p++) {
		if (*p != '<')
			continue;
		if ((size_t)(c->lim - p) >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = S_skip_to(c, p + 4, "-->") - 1;
			continue;
		}
		if ((size_t)(c->lim - p) >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			p = S_skip_to(c, p + 9, "]]>") - 1;
			continue;
		}
		if ((size_t)(c->lim - p) >= 2 && p[1] == '?') {
			p = S_skip_to(c, p + 2, "?>") - 1;
			continue;
		}
		q = p + 1;
		if (pre != NULL) {
			if ((size_t)(c->lim - q) <= pl || memcmp(q, pre, pl) != 0 ||
			    q[pl] != ':')
				continue;
			q += pl + 1;
		}
		if ((size_t)(c->lim - q) > nl && memcmp(q, name, nl) == 0 &&
		    q[nl] != '\0' && strchr(" \t\r\n/>", q[nl]) != NULL) {
			S_advance(c, p);
			pos->off = (size_t)(p - c->src);
			pos->line = c->line;
			pos->col = (int)(p - c->bol) + 1;
			S_advance(c, q);
			return 0;
		}
	}
	return -1;
}

/* Elements in document order; the table has room for all of them. */
static void
S_walk(xmlNodePtr n, struct cursor *c, struct xml_pos *v, size_t *k)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		n->_private = S_seek(c, n, &v[*k]) == 0 ? &v[(*k)++] : NULL;
		S_walk(n->children, c, v, k);
	}
}

static size_t
S_count(xmlNodePtr n)
{
	size_t k = 0;

	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			k += 1 + S_count(n->children);
	return k;
}

struct xml_pos *
xml_positions(xmlDocPtr doc, const char *src, size_t len)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct cursor c = { src, src, src + len, src, 1 };
	struct xml_pos *v;
	size_t k = 0;

	v = xcalloc(S_count(root) + 1, sizeof(*v));
	S_walk(root, &c, v, &k);
	return v;
}

void
xml_locate(struct _xmlNode *n, const char *attr, const char *src, size_t len,
    int *line, int *col)
{
	const struct xml_pos *pos = n->_private;
	const char *p, *lim = src + len, *bol;
	size_t al;
	char quote = 0;

	if (pos == NULL) {
		*line = (int)xmlGetLineNo(n);
		*col = 0;
		return;
	}
	*line = pos->line;
	*col = pos->col;
	if (attr == NULL)
		return;
	/* the attribute: inside the tag, outside quoted values */
	al = strlen(attr);
	for (p = src + pos->off + 1; p < lim && (quote || *p != '>'); p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			quote = *p;
			continue;
		}
		if (strchr(" \t\r\n", p[-1]) != NULL &&
		    (size_t)(lim - p) > al && strncmp(p, attr, al) == 0 &&
		    strchr(" \t\r\n=", p[al]) != NULL)
			break;
	}
	if (p >= lim || *p == '>')
		return;
	/* an attribute may stand lines below the tag's "<" */
	for (bol = src + pos->off; bol < p; bol++)
		*line += *bol == '\n';
	for (bol = p; bol > src && bol[-1] != '\n'; bol--)
		;
	*col = (int)(p - bol) + 1;
}
