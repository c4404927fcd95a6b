/*
 * md_parse — cmark-gfm's tree into the document model (see md.h).
 *
 * The conversion walks cmark's iterator, which is not recursive, so the
 * nesting depth of the input never reaches the C stack.  After conversion
 * three syntax conventions are folded in: callouts, figures, table captions.
 */
#include "md.h"
#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "mem.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/*** cmark's memory ***/

/*
 * cmark allocates every node and string of a parse one by one and frees
 * them one by one again; all of it dies with the parse.  So a parse takes
 * its memory from an arena of its own (cmark's allocator has no context
 * argument: the thread's current arena is found through a thread-local
 * pointer), and the whole tree is dropped at once.  Each block is
 * preceded by its capacity, for realloc.
 *
 * What cmark frees during the parse is not lost, though: the table
 * extension's row data, the inline parser's delimiters and the strings
 * that grow by realloc are freed again and again, and an arena that only
 * grew held 150 times a 100,000-row table's size.  A freed block goes on
 * a list by size class (16-byte steps up to 256 bytes, powers of two
 * above) and the next allocation of that class takes it.
 */
#define CM_HDR		sizeof(max_align_t)
#define CM_SMALL	256
#define CM_CLASSES	64

struct cm_heap {
	struct arena	*a;
	void		*free[CM_CLASSES];	/* blocks (their data) by class */
};

static _Thread_local struct cm_heap *S_cm;

/* The class of a block for n bytes, and its capacity in *cap. */
static unsigned
S_cm_class(size_t n, size_t *cap)
{
	unsigned k;
	size_t c;

	if (n <= CM_SMALL) {
		k = n == 0 ? 0 : (unsigned)((n - 1) / 16);
		*cap = (k + 1) * 16;
		return k;
	}
	for (k = CM_SMALL / 16, c = 2 * CM_SMALL; c < n && k < CM_CLASSES - 1;
	    k++)
		c *= 2;
	*cap = c < n ? n : c;
	return k;
}

static void *
S_cm_block(size_t n)
{
	unsigned char *h;
	size_t cap;
	unsigned k;
	void *p;

	if (n > (size_t)-1 / 4)
		n = (size_t)-1 - CM_HDR;	/* arena_alloc exits on it */
	k = S_cm_class(n, &cap);
	if ((p = S_cm->free[k]) != NULL && k < CM_CLASSES - 1) {
		memcpy(&S_cm->free[k], p, sizeof(void *));
		return p;
	}
	h = arena_alloc(S_cm->a, CM_HDR + cap);
	*(size_t *)(void *)h = cap;
	return h + CM_HDR;
}

static void *
S_cm_calloc(size_t nmemb, size_t size)
{
	size_t n = nmemb * size;
	void *p;

	if (size != 0 && n / size != nmemb)
		n = (size_t)-1;
	p = S_cm_block(n);
	memset(p, 0, n);
	return p;
}

static void
S_cm_free(void *p)
{
	unsigned char *h;
	size_t cap, c;
	unsigned k;

	if (p == NULL)
		return;
	h = (unsigned char *)p - CM_HDR;
	cap = *(size_t *)(void *)h;
	k = S_cm_class(cap, &c);
	if (c != cap || k == CM_CLASSES - 1)
		return;		/* not of a class: left to the arena */
	memcpy(p, &S_cm->free[k], sizeof(void *));
	S_cm->free[k] = p;
}

static void *
S_cm_realloc(void *p, size_t n)
{
	unsigned char *h;
	size_t old;
	void *q;

	if (p == NULL)
		return S_cm_block(n);
	h = (unsigned char *)p - CM_HDR;
	old = *(size_t *)(void *)h;
	if (n <= old)
		return p;
	q = S_cm_block(n);
	memcpy(q, p, old);
	S_cm_free(p);
	return q;
}

static cmark_mem S_cm_mem = { S_cm_calloc, S_cm_realloc, S_cm_free };

/*** cmark to doc ***/

static enum doc_type
S_type(cmark_node *n, int *skip)
{
	const char *ts;

	*skip = 0;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT: return DOC_ROOT;
	case CMARK_NODE_BLOCK_QUOTE: return DOC_BLOCKQUOTE;
	case CMARK_NODE_LIST: return DOC_LIST;
	case CMARK_NODE_ITEM: return DOC_ITEM;
	case CMARK_NODE_CODE_BLOCK: return DOC_CODEBLOCK;
	case CMARK_NODE_HTML_BLOCK: return DOC_HTMLBLOCK;
	case CMARK_NODE_PARAGRAPH: return DOC_PARA;
	case CMARK_NODE_HEADING: return DOC_HEADING;
	case CMARK_NODE_THEMATIC_BREAK: return DOC_HRULE;
	case CMARK_NODE_TEXT: return DOC_TEXT;
	case CMARK_NODE_SOFTBREAK: return DOC_SOFTBREAK;
	case CMARK_NODE_LINEBREAK: return DOC_LINEBREAK;
	case CMARK_NODE_CODE: return DOC_CODE;
	case CMARK_NODE_HTML_INLINE: return DOC_HTMLINLINE;
	case CMARK_NODE_EMPH: return DOC_EMPH;
	case CMARK_NODE_STRONG: return DOC_STRONG;
	case CMARK_NODE_LINK: return DOC_LINK;
	case CMARK_NODE_IMAGE: return DOC_IMAGE;
	default:
		break;
	}
	ts = cmark_node_get_type_string(n);
	if (strcmp(ts, "table") == 0)
		return DOC_TABLE;
	if (strcmp(ts, "table_header") == 0 || strcmp(ts, "table_row") == 0)
		return DOC_TROW;
	if (strcmp(ts, "table_cell") == 0)
		return DOC_TCELL;
	if (strcmp(ts, "strikethrough") == 0)
		return DOC_STRIKE;
	/* Footnotes and the other extensions are not enabled, so this is
	 * unreachable today; an unknown node becomes an empty text whose
	 * children no renderer looks at, rather than misrendered markup. */
	*skip = 1;
	return DOC_TEXT;
}

static struct doc_node *
S_convert(cmark_node *doc, const char *path, int line_off,
    struct diag_list *dl)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *cn;
	struct doc_node *root = NULL, *cur = NULL, *n;
	const char *s;
	uint8_t *al;
	enum doc_type t;
	int skip, i;

	(void)path;
	(void)dl;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cn = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			if (cur != NULL && cur != root)
				cur = cur->parent;
			continue;
		}
		t = S_type(cn, &skip);
		n = doc_new(t, cmark_node_get_start_line(cn) + line_off,
		    cmark_node_get_start_column(cn));
		switch (t) {
		case DOC_HEADING:
			n->level = cmark_node_get_heading_level(cn);
			break;
		case DOC_LIST:
			n->ordered = cmark_node_get_list_type(cn) ==
			    CMARK_ORDERED_LIST;
			n->start = cmark_node_get_list_start(cn);
			n->tight = cmark_node_get_list_tight(cn);
			break;
		case DOC_CODEBLOCK:
			s = cmark_node_get_fence_info(cn);
			n->info = xstrdup(s && *s ? s : NULL);
			/* FALLTHROUGH */
		case DOC_TEXT:
		case DOC_CODE:
		case DOC_HTMLBLOCK:
		case DOC_HTMLINLINE:
			n->text = xstrdup(cmark_node_get_literal(cn));
			if (n->text == NULL)
				n->text = xstrdup("");
			break;
		case DOC_LINK:
		case DOC_IMAGE:
			n->url = xstrdup(cmark_node_get_url(cn));
			s = cmark_node_get_title(cn);
			n->title = xstrdup(s && *s ? s : NULL);
			break;
		case DOC_TABLE:
			n->ncols = cmark_gfm_extensions_get_table_columns(cn);
			al = cmark_gfm_extensions_get_table_alignments(cn);
			n->align = xcalloc((size_t)n->ncols + 1, 1);
			for (i = 0; al != NULL && i < n->ncols; i++)
				n->align[i] = (char)(al[i] ? al[i] : ' ');
			break;
		case DOC_TROW:
			n->level = cmark_gfm_extensions_get_table_row_is_header(cn);
			break;
		case DOC_TCELL:
			/* the column, counted once here rather than by each
			 * renderer walking back over the siblings */
			n->start = cur->ncols++;
			break;
		default:
			break;
		}
		if (root == NULL)
			root = cur = n;
		else
			doc_append(cur, n);
		if (skip)
			n->text = xstrdup("");
		/* cmark's iterator sends an EXIT for every node that is not
		 * a leaf, even an empty one: descend into exactly those. */
		switch (cmark_node_get_type(cn)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			break;
		default:
			cur = n;
			break;
		}
	}
	cmark_iter_free(it);
	return root;
}

/*** Syntax conventions on the converted tree ***/

/* The plain text of a paragraph's first line, and the last inline of it. */
static struct doc_node *
S_first_line(struct doc_node *para, struct buf *out)
{
	struct doc_node *c;

	for (c = para->first; c != NULL; c = c->next) {
		if (c->type == DOC_SOFTBREAK || c->type == DOC_LINEBREAK)
			return c;
		if (c->type == DOC_TEXT)
			buf_puts(out, c->text);
		else {
			/* markup: its text counts, but it cannot hold the
			 * [!kind] marker itself */
			buf_putc(out, '\x01');
			if (c->text != NULL)
				buf_puts(out, c->text);
			doc_plain_text(c, out);
		}
	}
	return NULL;
}

static char *
S_trim(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* A blockquote whose first line reads `[!kind] Title` becomes a callout. */
static void
S_callout(struct doc_node *bq, const char *path, struct diag_list *dl)
{
	struct doc_node *para = bq->first, *brk, *c, *nx;
	struct buf line = { 0 };
	const char *s, *e;

	if (para == NULL || para->type != DOC_PARA)
		return;
	brk = S_first_line(para, &line);
	s = buf_cstr(&line);
	if (strncmp(s, "[!", 2) != 0 || (e = strchr(s, ']')) == NULL ||
	    e == s + 2 || memchr(s, '\x01', (size_t)(e - s)) != NULL) {
		buf_free(&line);
		return;
	}
	bq->type = DOC_CALLOUT;
	bq->ckind = callout_lookup(s + 2, (size_t)(e - s - 2));
	if (bq->ckind == CALLOUT_NONE) {
		char *kind = xstrndup(s + 2, (size_t)(e - s - 2));

		diag_add(dl, DIAG_CALLOUT_KIND, path, bq->line, bq->col + 2,
		    kind);
		free(kind);
		bq->type = DOC_BLOCKQUOTE;	/* keep the text visible */
		buf_free(&line);
		return;
	}
	{
		/* the title is plain text: markup in it keeps its words */
		struct buf t = { 0 };
		const char *q;

		for (q = e + 1; *q; q++)
			if (*q != '\x01')
				buf_putc(&t, *q);
		bq->text = S_trim(buf_cstr(&t), t.len);
		buf_free(&t);
	}
	if (bq->text[0] == '\0') {
		free(bq->text);
		bq->text = NULL;
		if (bq->ckind == CALLOUT_DEFINITIE)
			diag_add(dl, DIAG_DEF_NO_TERM, path, bq->line,
			    bq->col);
	}
	/* Drop the marker line from the paragraph. */
	for (c = para->first; c != NULL; c = nx) {
		nx = c->next;
		doc_unlink(c);
		doc_free(c);
		if (c == brk)
			break;
	}
	if (para->first == NULL) {
		doc_unlink(para);
		doc_free(para);
	}
	buf_free(&line);
}

/* `Tabel: caption` right after a table (pandoc's `Table:` and `:` too). */
static void
S_caption(struct doc_node *table)
{
	struct doc_node *p = table->next, *t;
	static const char *marks[] = { "Tabel:", "Table:", ":" };
	size_t i, ml;

	if (p == NULL || p->type != DOC_PARA || (t = p->first) == NULL ||
	    t->type != DOC_TEXT)
		return;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		ml = strlen(marks[i]);
		if (strncmp(t->text, marks[i], ml) == 0)
			break;
	}
	if (i == sizeof(marks) / sizeof(marks[0]))
		return;
	/* The caption keeps its inline markup: move the paragraph's
	 * inlines under the table as a caption paragraph. */
	memmove(t->text, t->text + ml, strlen(t->text + ml) + 1);
	while (t->text[0] == ' ')
		memmove(t->text, t->text + 1, strlen(t->text));
	doc_unlink(p);
	p->level = 1;		/* marks the caption paragraph */
	table->text = xstrdup("");
	doc_append(table, p);
}

/* A fenced block whose info string reads "chart KIND" is a chart; its
 * data are checked here, so a broken chart is reported like any other
 * input error (and stays visible as code). */
static void
S_chart(struct doc_node *code, const char *path, struct diag_list *dl)
{
	struct chart c;
	char *kind;
	size_t n;

	if (code->info == NULL || strncmp(code->info, "chart", 5) != 0 ||
	    (code->info[5] != ' ' && code->info[5] != '\0'))
		return;
	kind = code->info + 5;
	while (*kind == ' ')
		kind++;
	n = strcspn(kind, " \t");
	kind = xstrndup(kind, n);
	if (chart_parse(kind, code->text ? code->text : "", path,
	    code->line + 1, DIAG_CHART, &c, dl) == 0) {
		code->type = DOC_CHART;
		free(code->info);
		code->info = kind;
		chart_clear(&c);
	} else
		free(kind);
}

/* An image alone in a paragraph is a figure. */
static void
S_figure(struct doc_node *para)
{
	struct doc_node *c = para->first;

	if (c != NULL && c->type == DOC_IMAGE && c->next == NULL)
		para->type = DOC_FIGURE;
}

static void
S_conventions(struct doc_node *root, const char *path, int raw,
    struct diag_list *dl)
{
	struct doc_node *n;
	int noted = raw;

	/* Post-order would suit callouts inside callouts, but a marker is
	 * found on the blockquote itself, before its children: pre-order. */
	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type == DOC_BLOCKQUOTE)
			S_callout(n, path, dl);
		else if (n->type == DOC_TABLE)
			S_caption(n);
		else if (n->type == DOC_CODEBLOCK)
			S_chart(n, path, dl);
		else if (n->type == DOC_PARA && n->parent &&
		    n->parent->type != DOC_ITEM)
			S_figure(n);
		else if ((n->type == DOC_HTMLBLOCK ||
		    n->type == DOC_HTMLINLINE) && !noted) {
			/* once per file: the reader needs to know why the
			 * tags show, not where every one of them is */
			diag_add(dl, DIAG_RAW_HTML, path, n->line, n->col);
			noted = 1;
		}
	}
}

static pthread_mutex_t S_inline_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t S_registered = PTHREAD_ONCE_INIT;

static void
S_register(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

struct doc_node *
md_parse(const char *src, size_t len, const char *path,
    const struct md_opts *opts, struct md_meta *meta, struct diag_list *dl)
{
	static const char *exts[] = { "table", "strikethrough", "autolink" };
	cmark_parser *p;
	cmark_syntax_extension *ext;
	cmark_node *doc;
	struct doc_node *root;
	size_t body, i;
	int lines, copts;

	memset(meta, 0, sizeof(*meta));
	if (md_front(src, len, path, meta, &body, &lines, dl) != 0) {
		md_meta_clear(meta);
		return NULL;
	}
	pthread_once(&S_registered, S_register);
	S_cm = xcalloc(1, sizeof(*S_cm));
	S_cm->a = arena_new();
	copts = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
	if (opts != NULL && opts->raw_html)
		copts |= CMARK_OPT_UNSAFE;
	p = cmark_parser_new_with_mem(copts, &S_cm_mem);
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if ((ext = cmark_find_syntax_extension(exts[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, src + body, len - body);
	/* cmark-gfm keeps the extensions' special characters ('~', 'w', ':')
	 * in one table for the whole process, set when an inline pass starts
	 * and cleared when it ends: a chapter finishing on one thread would
	 * hide strikethrough and autolinks from a chapter in its inline pass
	 * on another.  The block pass above runs in parallel; the inline
	 * pass, one at a time. */
	pthread_mutex_lock(&S_inline_lock);
	doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&S_inline_lock);
	root = S_convert(doc, path, lines, dl);
	/* cmark's tree and parser live in the arena: no need to walk them
	 * to free each piece */
	arena_free(S_cm->a);
	free(S_cm);
	S_cm = NULL;
	S_conventions(root, path, opts != NULL && opts->raw_html, dl);
	return root;
}

void
md_meta_clear(struct md_meta *m)
{
	free(m->title);
	free(m->description);
	free(m->lang);
	memset(m, 0, sizeof(*m));
}
