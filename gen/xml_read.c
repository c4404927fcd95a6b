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
	diag_add(ctx->dl, DIAG_XML, ctx->path, e->line, e->int2 > 0 ? e->int2 : 0,
	    msg);
	free(msg);
}

xmlDocPtr
xml_read(const char *src, size_t len, const char *path, struct diag_list *dl)
{
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
		/* libxml2 keeps no line for a DTD: find it in the text. */
		const char *d = strstr(src, "<!DOCTYPE");
		int line = 1;
		const char *q;

		for (q = src; d != NULL && q < d; q++)
			line += *q == '\n';
		diag_add(dl, DIAG_XML, path, line, 1,
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
