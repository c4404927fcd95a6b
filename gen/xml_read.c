/* xml_read — hardened libxml2 parsing (see xml.h). */
#include "xml.h"
#include "buf.h"
#include "mem.h"

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
