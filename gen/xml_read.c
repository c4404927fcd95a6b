/* xml_read — hardened libxml2 parsing (see xml.h). */
#include "xml.h"
#include "xml_err.h"
#include "buf.h"
#include "mem.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct errctx {
	const char		*path;
	struct diag_list	*dl;
	int			 n;
	const char		*src;	/* the text parsed, for positions */
	size_t			 len;
	int			 stop;	/* a structural error was told */
	int			 errors;
};

/*** Parser errors in our words ***/

/*
 * libxml2 says "xmlParseEntityRef: no name" for "Van Dongen & Zonen" and
 * points after the fault.  Each error it can give for a data document or
 * salesgen.xml is told here in the words of the catalogue, at the
 * character that causes it.  After an error that breaks the structure
 * (a tag that does not end, a missing end tag) libxml2 goes on with
 * follow-ons that only repeat it ("attributes construct error", "Extra
 * content at the end of the document"): nothing after such an error is
 * told.  Errors that stay local (an entity, a character reference, an
 * attribute given twice) do not stop the report, so a file with three
 * bare ampersands gets three messages.
 */

/* The byte libxml2's line and column (counted in characters) point at. */
static const char *
S_at(const struct errctx *c, int line, int col)
{
	const char *p = c->src, *lim = c->src + c->len;
	int l = 1;

	if (p == NULL)
		return NULL;
	while (l < line && p < lim)
		if (*p++ == '\n')
			l++;
	for (; col > 1 && p < lim && *p != '\n'; col--)
		for (p++; p < lim && ((unsigned char)*p & 0xC0) == 0x80; p++)
			;
	return p;
}

/* line and column (in bytes, as xml_locate counts) of p */
static void
S_where(const struct errctx *c, const char *p, int *line, int *col)
{
	const char *q, *bol = c->src;

	*line = 1;
	for (q = c->src; q < p; q++)
		if (*q == '\n') {
			(*line)++;
			bol = q + 1;
		}
	*col = (int)(p - bol) + 1;
}

/* Where s last starts at or before p on p's line; p if nowhere. */
static const char *
S_back(const struct errctx *c, const char *p, const char *s)
{
	const char *q;
	size_t n = strlen(s);

	for (q = p; q >= c->src && (q == p || *q != '\n'); q--)
		if ((size_t)(c->src + c->len - q) >= n && memcmp(q, s, n) == 0)
			return q;
	return p;
}

static int
S_namechar(int ch)
{
	return ch == '_' || ch == '-' || ch == '.' || ch == ':' ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

/* The name that starts at p (to the end of the text), copied. */
static char *
S_name_at(const struct errctx *c, const char *p)
{
	const char *q, *lim = c->src + c->len;

	for (q = p; q < lim && S_namechar(*q); q++)
		;
	return xstrndup(p, (size_t)(q - p));
}

/* Entities of HTML people type into XML, with their characters. */
static const char *S_html[][2] = {
	{ "nbsp", "U+00A0 (a no-break space)" }, { "copy", "\xC2\xA9" },
	{ "reg", "\xC2\xAE" }, { "trade", "\xE2\x84\xA2" },
	{ "euro", "\xE2\x82\xAC" }, { "eacute", "\xC3\xA9" },
	{ "egrave", "\xC3\xA8" }, { "euml", "\xC3\xAB" },
	{ "iuml", "\xC3\xAF" }, { "ouml", "\xC3\xB6" }, { "uuml", "\xC3\xBC" },
	{ "auml", "\xC3\xA4" }, { "agrave", "\xC3\xA0" },
	{ "ccedil", "\xC3\xA7" }, { "ndash", "\xE2\x80\x93" },
	{ "mdash", "\xE2\x80\x94" }, { "hellip", "\xE2\x80\xA6" },
	{ "lsquo", "\xE2\x80\x98" }, { "rsquo", "\xE2\x80\x99" },
	{ "ldquo", "\xE2\x80\x9C" }, { "rdquo", "\xE2\x80\x9D" },
	{ "laquo", "\xC2\xAB" }, { "raquo", "\xC2\xBB" },
	{ "deg", "\xC2\xB0" }, { "times", "\xC3\x97" },
	{ "middot", "\xC2\xB7" }, { "bull", "\xE2\x80\xA2" },
	{ "sect", "\xC2\xA7" }, { "para", "\xC2\xB6" }, { "frac12", "\xC2\xBD" }
};

static int
S_predefined(const char *name)
{
	return strcmp(name, "amp") == 0 || strcmp(name, "lt") == 0 ||
	    strcmp(name, "gt") == 0 || strcmp(name, "quot") == 0 ||
	    strcmp(name, "apos") == 0;
}

/* The name of the attribute whose value the parser stopped in at p: the
 * name before the last '=' before p in the tag. */
static char *
S_attr_before(const struct errctx *c, const char *p)
{
	const char *q, *e;

	for (q = p > c->src ? p - 1 : p; q > c->src && *q != '=' && *q != '<';
	    q--)
		;
	if (*q != '=')
		return xstrdup("?");
	for (e = q; e > c->src && strchr(" \t\r\n", e[-1]) != NULL; e--)
		;
	for (q = e; q > c->src && S_namechar(q[-1]); q--)
		;
	return xstrndup(q, (size_t)(e - q));
}

/* Where the second 'name' attribute of the start tag around p stands. */
static const char *
S_second_attr(const struct errctx *c, const char *p, const char *name)
{
	const char *q, *lim = c->src + c->len;
	size_t n = strlen(name);
	char quote = 0;
	int seen = 0;

	for (q = p; q > c->src && *q != '<'; q--)
		;
	for (q++; q < lim && (quote || *q != '>'); q++) {
		if (quote) {
			if (*q == quote)
				quote = 0;
			continue;
		}
		if (*q == '"' || *q == '\'') {
			quote = *q;
			continue;
		}
		if (strchr(" \t\r\n", q[-1]) != NULL && (size_t)(lim - q) > n &&
		    memcmp(q, name, n) == 0 && !S_namechar(q[n]) && seen++ == 1)
			return q;
	}
	return p;
}

/* Tells e in the catalogue's words; returns 0 if it has no words for it
 * (libxml2's message is kept), 1 if told and the parse may go on being
 * reported, 2 if told and nothing after it is worth telling. */
static int
S_explain(struct errctx *c, xmlErrorPtr e)
{
	const char *at = S_at(c, e->line, e->int2), *q;
	const char *m = e->message != NULL ? e->message : "";
	const char *lim = c->src != NULL ? c->src + c->len : NULL;
	int line, col, rc = 1;
	char *a = NULL, *b = NULL;

	if (at == NULL)
		return 0;
	switch (e->code) {
	case XML_ERR_NAME_REQUIRED:
		if (strncmp(m, "xmlParseEntityRef", 17) == 0) {
			q = S_back(c, at, "&");
			S_where(c, q, &line, &col);
			diag_add(c->dl, DIAG_XML_AMP, c->path, line, col);
		} else if (strncmp(m, "StartTag: invalid element name", 30) == 0) {
			q = S_back(c, at, "<");
			S_where(c, q, &line, &col);
			diag_add(c->dl, DIAG_XML_LT, c->path, line, col);
			rc = 2;
		} else
			return 0;
		break;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		q = S_back(c, at, "&");
		S_where(c, q, &line, &col);
		a = S_name_at(c, q + 1);
		if (S_predefined(a))
			diag_add(c->dl, DIAG_XML_AMP_SEMI, c->path, line, col, a,
			    a);
		else
			diag_add(c->dl, DIAG_XML_AMP, c->path, line, col);
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY: {
		size_t i;

		q = S_back(c, at, "&");
		S_where(c, q, &line, &col);
		a = S_name_at(c, q + 1);
		for (i = 0; i < sizeof(S_html) / sizeof(S_html[0]); i++)
			if (strcmp(S_html[i][0], a) == 0)
				break;
		if (i < sizeof(S_html) / sizeof(S_html[0]))
			diag_add(c->dl, DIAG_XML_ENTITY_HTML, c->path, line, col,
			    a, S_html[i][1]);
		else
			diag_add(c->dl, DIAG_XML_ENTITY, c->path, line, col, a);
		break;
	}
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
		if (strncmp(m, "xmlParseCharRef", 15) != 0 &&
		    e->code == XML_ERR_INVALID_CHAR)
			return 0;
		q = S_back(c, at, "&#");
		S_where(c, q, &line, &col);
		{
			const char *r = q;

			while (r < lim && *r != ';' && r - q < 16 &&
			    !strchr(" \t\r\n<", *r))
				r++;
			a = xstrndup(q, (size_t)(r - q) + (r < lim && *r == ';'));
		}
		diag_add(c->dl, DIAG_XML_CHARREF, c->path, line, col, a);
		break;
	case XML_ERR_ATTRIBUTE_REDEFINED: {
		char *full;

		if (e->str1 == NULL)
			return 0;
		/* str1 is the name, or the prefix with the name in str2 */
		if (e->str2 != NULL) {
			size_t n = strlen(e->str1) + strlen(e->str2) + 2;

			full = xmalloc(n);
			snprintf(full, n, "%s:%s", e->str1, e->str2);
		} else
			full = xstrdup(e->str1);
		q = S_second_attr(c, at, full);
		S_where(c, q, &line, &col);
		for (q = S_back(c, q, "<") + 1; q < lim && *q == '/'; q++)
			;
		b = S_name_at(c, q);
		diag_add(c->dl, DIAG_XML_ATTR_TWICE, c->path, line, col, b,
		    full);
		free(full);
		break;
	}
	case XML_ERR_TAG_NAME_MISMATCH:
		if (e->str1 == NULL || e->str2 == NULL)
			return 0;
		q = S_back(c, at, "</");
		S_where(c, q, &line, &col);
		diag_add(c->dl, DIAG_XML_END_TAG, c->path, line, col, e->str2,
		    e->str1, e->str1, e->int1);
		rc = 2;
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		if (e->str1 == NULL)
			return 0;
		/* at the end of the text, where the end tag is missing */
		S_where(c, lim, &line, &col);
		diag_add(c->dl, DIAG_XML_UNCLOSED, c->path, line, col, e->str1,
		    e->int1, e->str1);
		rc = 2;
		break;
	case XML_ERR_DOCUMENT_END: {
		xmlParserCtxtPtr p = e->ctxt;
		xmlNodePtr root = p != NULL && p->myDoc != NULL ?
		    xmlDocGetRootElement(p->myDoc) : NULL;

		if (root == NULL || strncmp(m, "Extra content", 13) != 0)
			return 0;
		S_where(c, at, &line, &col);
		if (*at == '<' && at + 1 < lim && S_namechar(at[1]) &&
		    at[1] != '-' && at[1] != '.') {
			a = S_name_at(c, at + 1);
			diag_add(c->dl, DIAG_XML_SECOND_ROOT, c->path, line, col,
			    a, (const char *)root->name);
		} else
			diag_add(c->dl, DIAG_XML_AFTER_ROOT, c->path, line, col,
			    (const char *)root->name, (const char *)root->name);
		rc = 2;
		break;
	}
	case XML_ERR_DOCUMENT_EMPTY:
		for (q = at; q < lim && strchr(" \t\r\n", *q) != NULL; q++)
			;
		if (strncmp(m, "Document is empty", 17) == 0 || q >= lim)
			diag_add(c->dl, DIAG_XML_EMPTY, c->path,
			    e->line > 0 ? e->line : 1, 1);
		else {
			S_where(c, at, &line, &col);
			diag_add(c->dl, DIAG_XML_NO_ROOT, c->path, line, col);
		}
		rc = 2;
		break;
	case XML_ERR_LT_IN_ATTRIBUTE:
		S_where(c, at, &line, &col);
		a = S_attr_before(c, at);
		diag_add(c->dl, DIAG_XML_LT_ATTR, c->path, line, col, a);
		rc = 2;
		break;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		S_where(c, at, &line, &col);
		a = S_attr_before(c, at);
		diag_add(c->dl, DIAG_XML_QUOTE, c->path, line, col, a, a);
		rc = 2;
		break;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		if (e->str1 == NULL)
			return 0;
		S_where(c, at, &line, &col);
		diag_add(c->dl, DIAG_XML_NO_VALUE, c->path, line, col, e->str1,
		    e->str1);
		rc = 2;
		break;
	case XML_ERR_GT_REQUIRED:
		/* the tag that does not end: its "<" may stand lines up */
		for (q = at < lim ? at : lim - 1; q > c->src && *q != '<'; q--)
			;
		if (*q != '<')
			return 0;
		S_where(c, q, &line, &col);
		a = xstrndup(q, (size_t)((q[1] == '/' ? q + 2 : q + 1) - q));
		b = S_name_at(c, q + strlen(a));
		{
			size_t n = strlen(a) + strlen(b) + 1;
			char *t = xmalloc(n);

			snprintf(t, n, "%s%s", a, b);
			diag_add(c->dl, DIAG_XML_GT, c->path, line, col, t);
			free(t);
		}
		rc = 2;
		break;
	case XML_ERR_SPACE_REQUIRED:
		if (strncmp(m, "attributes construct error", 26) != 0)
			return 0;
		S_where(c, at, &line, &col);
		diag_add(c->dl, DIAG_XML_ATTR_SYNTAX, c->path, line, col);
		rc = 2;
		break;
	case XML_ERR_RESERVED_XML_NAME:
		q = S_back(c, at, "<?");
		S_where(c, q, &line, &col);
		diag_add(c->dl, DIAG_XML_DECL_PLACE, c->path, line, col);
		rc = 2;
		break;
	case XML_ERR_HYPHEN_IN_COMMENT:
		S_where(c, at, &line, &col);
		diag_add(c->dl, DIAG_XML_COMMENT_DASH, c->path, line, col);
		rc = 2;
		break;
	case XML_ERR_MISPLACED_CDATA_END:
		q = S_back(c, at, "]]>");
		S_where(c, q, &line, &col);
		diag_add(c->dl, DIAG_XML_CDATA_END, c->path, line, col);
		break;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		if (e->str1 == NULL || e->str2 == NULL)
			return 0;
		{
			size_t n = strlen(e->str1) + strlen(e->str2) + 2;

			b = xmalloc(n);
			snprintf(b, n, "%s:%s", e->str1, e->str2);
		}
		/* libxml2 points at the end of the tag: find the name in it */
		q = S_back(c, at, "<");
		{
			const char *r;
			size_t n = strlen(b);

			for (r = q; r < at && r < lim; r++)
				if ((size_t)(lim - r) > n && memcmp(r, b, n) == 0 &&
				    !S_namechar(r[-1]) && !S_namechar(r[n]))
					break;
			if (r < at)
				q = r;
		}
		S_where(c, q, &line, &col);
		diag_add(c->dl, DIAG_XML_NS_PREFIX, c->path, line, col,
		    e->str1, b);
		break;
	default:
		return 0;
	}
	free(a);
	free(b);
	return rc;
}

static void
S_error(void *arg, xmlErrorPtr e)
{
	struct errctx *ctx = arg;
	char *msg;
	int told;

	if (e == NULL || e->level == XML_ERR_WARNING || ctx->stop ||
	    ctx->n++ > 20)
		return;
	ctx->errors++;
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
		ctx->stop = 1;
		return;
	}
	if ((told = S_explain(ctx, e)) != 0) {
		if (told == 2)
			ctx->stop = 1;
		return;
	}
	/* one diagnostic, one line ("... UTF-8, indicate encoding !\nBytes:") */
	msg = xml_err_text(e, "malformed XML");
	diag_add(ctx->dl, DIAG_XML, ctx->path, e->line, e->int2 > 0 ? e->int2 : 0,
	    msg);
	free(msg);
	/* what libxml2 says after an error it has no words of ours for
	 * follows from it, as often as not */
	ctx->stop = 1;
}

/*** libxml2's errors, for every xml_*.c (xml_err.h) ***/

char *
xml_err_text(const xmlError *e, const char *dflt)
{
	char *msg = xstrdup(e->message != NULL ? e->message : dflt), *q;
	size_t len = strlen(msg);

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	for (q = msg; *q != '\0'; q++)
		if (*q == '\n')
			*q = ' ';
	return msg;
}

void
xml_err_tell(void *arg, xmlErrorPtr e)
{
	struct xml_err_catch *c = arg;
	char *msg;

	if (e == NULL || c->n++ >= XML_ERR_MAX)
		return;
	msg = xml_err_text(e, "invalid document");
	diag_add(c->dl, c->code, e->file != NULL ? e->file : c->path,
	    e->line, e->int2 > 0 ? e->int2 : 0, msg);
	free(msg);
}

/*** Encodings ***/

/* Windows-1252's characters 0x80 to 0x9F (0 where it has none), as in
 * csv_load.c; from 0xA0 on it is Latin-1, the code point being the byte. */
static const unsigned short S_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* ISO-8859-15 is Latin-1 with eight letters changed. */
static unsigned
S_latin9(unsigned b)
{
	switch (b) {
	case 0xA4: return 0x20AC;
	case 0xA6: return 0x0160;
	case 0xA8: return 0x0161;
	case 0xB4: return 0x017D;
	case 0xB8: return 0x017E;
	case 0xBC: return 0x0152;
	case 0xBD: return 0x0153;
	case 0xBE: return 0x0178;
	default: return b;
	}
}

/* 1 when the n bytes at s are UTF-8 throughout (ASCII included). */
static int
S_is_utf8(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t i = 0, k;

	for (i = 0; i < n; i += k)
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
	return 1;
}

/* The single-byte encodings read by conversion: 1 Latin-1 (read as
 * Windows-1252, as browsers do: its 0x80-0x9F are controls no one
 * types), 2 Windows-1252, 3 Latin-9; 0 for any other name. */
static int
S_single_byte(const char *name)
{
	static const struct { const char *name; int enc; } t[] = {
		{ "ISO-8859-1", 1 }, { "ISO8859-1", 1 }, { "ISO_8859-1", 1 },
		{ "LATIN1", 1 }, { "LATIN-1", 1 }, { "L1", 1 },
		{ "WINDOWS-1252", 2 }, { "CP1252", 2 }, { "WIN-1252", 2 },
		{ "ISO-8859-15", 3 }, { "ISO8859-15", 3 }, { "ISO_8859-15", 3 },
		{ "LATIN-9", 3 }, { "LATIN9", 3 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcasecmp(name, t[i].name) == 0)
			return t[i].enc;
	return 0;
}

/* The text s (n bytes) in single-byte encoding enc as UTF-8 in out; line
 * ends are ASCII, so every line stays where it was.  -1 at a byte the
 * encoding has no character for (*bad its offset). */
static int
S_to_utf8(const unsigned char *s, size_t n, int enc, struct buf *out,
    size_t *bad)
{
	unsigned char u8[4];
	unsigned cp;
	size_t i;

	for (i = 0; i < n; i++) {
		cp = s[i];
		if (enc == 3)
			cp = S_latin9(cp);
		else if (cp >= 0x80 && cp < 0xA0 &&
		    (cp = S_cp1252[cp - 0x80]) == 0) {
			*bad = i;
			return -1;
		}
		buf_put(out, u8, utf8_encode(cp, u8));
	}
	return 0;
}

/*
 * An encoding other than UTF-8 named in the XML declaration.  Files
 * written on Windows or by old tools say ISO-8859-1 or windows-1252,
 * often while holding nothing but ASCII: such a file (or one that is
 * UTF-8 after all) is read as it is, with a note that the declaration is
 * ignored; one in that encoding indeed is converted to UTF-8 into conv,
 * with a note, as the mailing CSV reader does.  Any other encoding is an
 * error (at the encoding's name): a file in UTF-16 or Shift_JIS would be
 * misread.  Returns -1 after an error, 1 when conv holds the text to
 * read, else 0.
 */
static int
S_encoding(const char *src, size_t len, const char *path, struct buf *conv,
    struct diag_list *dl)
{
	const char *p = src, *lim = src + len, *q, *e, *bol;
	char *name;
	int line = 1, enc, rc;
	size_t bad = 0;
	char quote;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if ((size_t)(lim - p) < 6 || memcmp(p, "<?xml", 5) != 0 ||
	    strchr(" \t\r\n", p[5]) == NULL)
		return 0;
	for (e = p; e + 1 < lim && memcmp(e, "?>", 2) != 0; e++)
		;
	for (q = p + 5; q + 8 < e; q++)
		if (memcmp(q, "encoding", 8) == 0 && strchr(" \t\r\n", q[-1]))
			break;
	if (q + 8 >= e)
		return 0;
	for (q += 8; q < e && strchr(" \t\r\n=", *q) != NULL; q++)
		;
	if (q >= e || (*q != '"' && *q != '\''))
		return 0;
	quote = *q++;
	for (e = q; e < lim && *e != quote && *e != '?' && *e != '\n'; e++)
		;
	name = xstrndup(q, (size_t)(e - q));
	if (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0 ||
	    strcasecmp(name, "US-ASCII") == 0 || strcasecmp(name, "ASCII") == 0) {
		free(name);
		return 0;
	}
	for (bol = src, e = src; e < q; e++)
		if (*e == '\n') {
			line++;
			bol = e + 1;
		}
	rc = -1;
	if ((enc = S_single_byte(name)) != 0) {
		if (S_is_utf8((const unsigned char *)src, len)) {
			diag_add(dl, DIAG_XML_ENCODING_UTF8, path, line,
			    (int)(q - bol) + 1, name);
			rc = 0;
		} else if (S_to_utf8((const unsigned char *)src, len, enc,
		    conv, &bad) == 0) {
			diag_add(dl, DIAG_XML_ENCODING_READ, path, line,
			    (int)(q - bol) + 1, name);
			rc = 1;
		} else
			buf_reset(conv);
	}
	if (rc < 0)
		diag_add(dl, DIAG_XML_ENCODING, path, line, (int)(q - bol) + 1,
		    name, name);
	free(name);
	return rc;
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
	struct errctx ctx = { path, dl, 0, src, len, 0, 0 };
	struct buf conv = { 0 };
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
	switch (S_encoding(src, len, path, &conv, dl)) {
	case -1:
		return NULL;
	case 1:
		/* the converted text has the same lines; libxml2 reads it
		 * as UTF-8, its declaration overridden below */
		src = conv.data;
		len = conv.len;
		ctx.src = src;
		ctx.len = len;
		break;
	default:
		break;
	}
	p = xmlNewParserCtxt();
	if (p == NULL) {
		buf_free(&conv);
		diag_add(dl, DIAG_XML, path, 0, 0, "cannot create XML parser");
		return NULL;
	}
	xmlSetStructuredErrorFunc(&ctx, S_error);
	doc = xmlCtxtReadMemory(p, src, (int)len, path, "UTF-8", opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	buf_free(&conv);
	/* a namespace error leaves the document well-formed, but what is
	 * checked after it would only follow from it */
	if (doc != NULL && (!p->wellFormed || ctx.errors > 0)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(p);
	if (doc == NULL) {
		if (ctx.errors == 0)
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

/* Past the markup that starts at p (a tag with its quoted values, a
 * comment, a processing instruction, a CDATA section): where the text
 * after it begins. */
static const char *
S_skip_markup(const char *p, const char *lim)
{
	char quote = 0;

	if ((size_t)(lim - p) >= 4 && memcmp(p, "<!--", 4) == 0) {
		for (p += 4; p + 3 <= lim && memcmp(p, "-->", 3) != 0; p++)
			;
		return p + 3 <= lim ? p + 3 : lim;
	}
	if ((size_t)(lim - p) >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
		for (p += 9; p + 3 <= lim && memcmp(p, "]]>", 3) != 0; p++)
			;
		return p + 3 <= lim ? p + 3 : lim;
	}
	if ((size_t)(lim - p) >= 2 && p[1] == '?') {
		for (p += 2; p + 2 <= lim && memcmp(p, "?>", 2) != 0; p++)
			;
		return p + 2 <= lim ? p + 2 : lim;
	}
	for (p++; p < lim && (quote || *p != '>'); p++)
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
	return p < lim ? p + 1 : lim;
}

/*
 * A text node's first character that is not blank.  libxml2 keeps no
 * position for text; its place among the parent's children is found by
 * walking the parent's content in the source: each element (with all
 * inside it), comment and processing instruction is one node, and the
 * text between them (CDATA and references included, as parsed with
 * XML_PARSE_NOCDATA) is one.  0, or -1 if the text is not found.
 */
static int
S_locate_text(xmlNodePtr n, const char *src, size_t len, int *line, int *col)
{
	const struct xml_pos *pos = n->parent->_private;
	const char *p, *lim = src + len, *bol, *q;
	xmlNodePtr k;
	size_t want = 0, at = 0;
	int depth, intext = 0;

	for (k = n->parent->children; k != NULL && k != n; k = k->next)
		want++;
	if (k == NULL || pos->off >= len)
		return -1;
	p = S_skip_markup(src + pos->off, lim);
	if (p[-1] == '>' && p - 2 >= src && p[-2] == '/')
		return -1;	/* <x/>: no content */
	while (p < lim) {
		if (*p != '<' || ((size_t)(lim - p) >= 9 &&
		    memcmp(p, "<![CDATA[", 9) == 0)) {
			if (!intext) {
				intext = 1;
				if (at == want)
					break;
			}
			p = *p == '<' ? S_skip_markup(p, lim) : p + 1;
			continue;
		}
		if (intext) {
			intext = 0;
			at++;
		}
		if (p + 1 < lim && p[1] == '/')
			return -1;	/* the parent's end tag */
		if (p + 1 < lim && (p[1] == '!' || p[1] == '?')) {
			p = S_skip_markup(p, lim);
			at++;
			continue;
		}
		/* an element: skip it whole */
		depth = 0;
		do {
			q = S_skip_markup(p, lim);
			if (p[1] == '/')
				depth--;
			else if (p[1] != '!' && p[1] != '?' && q[-1] == '>' &&
			    q[-2] != '/')
				depth++;
			for (p = q; p < lim && *p != '<'; p++)
				;
		} while (depth > 0 && p < lim);
		p = q;
		at++;
	}
	if (p >= lim || at != want)
		return -1;
	/* the first character that is not blank */
	for (; p < lim && *p != '<' && strchr(" \t\r\n", *p) != NULL; p++)
		;
	*line = 1;
	for (bol = src, q = src; q < p; q++)
		if (*q == '\n') {
			(*line)++;
			bol = q + 1;
		}
	*col = (int)(p - bol) + 1;
	return 0;
}

void
xml_locate(struct _xmlNode *n, const char *attr, const char *src, size_t len,
    int *line, int *col)
{
	const struct xml_pos *pos = n->_private;
	const char *p, *lim = src + len, *bol;
	size_t al;
	char quote = 0;

	if (n->type == XML_TEXT_NODE && n->parent != NULL &&
	    n->parent->type == XML_ELEMENT_NODE && n->parent->_private != NULL &&
	    S_locate_text(n, src, len, line, col) == 0)
		return;
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
