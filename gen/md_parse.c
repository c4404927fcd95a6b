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
#include "md_compat.h"
#include "quiz.h"
#include "mem.h"
#include "utf8.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
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
	case CMARK_NODE_FOOTNOTE_REFERENCE: return DOC_FOOTREF;
	case CMARK_NODE_FOOTNOTE_DEFINITION: return DOC_FOOTDEF;
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
	/* Every extension enabled has its type above, so this is
	 * unreachable today; an unknown node becomes an empty text whose
	 * children no renderer looks at, rather than misrendered markup. */
	*skip = 1;
	return DOC_TEXT;
}

static struct doc_node *
S_convert(cmark_node *doc, const char *path, int line_off,
    const struct md_compat_map *map, struct diag_list *dl)
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
		/* columns of a rewritten line back to the source's */
		n = doc_new(t, cmark_node_get_start_line(cn) + line_off,
		    md_compat_col(map, cmark_node_get_start_line(cn),
		    cmark_node_get_start_column(cn)));
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
		case DOC_FOOTREF:
		case DOC_FOOTDEF:
			/* a footnote's literal is its label */
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
		case DOC_ITEM:
			if (strcmp(cmark_node_get_type_string(cn), "tasklist") == 0)
				n->level = cmark_gfm_extensions_get_tasklist_item_checked(cn) ? 2 : 1;
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
	{
		/* Quarto: `: Caption {#tbl-x}` names the table */
		struct doc_node *last = p->last;
		char *open;
		size_t n;

		if (last != NULL && last->type == DOC_TEXT &&
		    (n = strlen(last->text)) > 3 && last->text[n - 1] == '}' &&
		    (open = strrchr(last->text, '{')) != NULL &&
		    open[1] == '#' && strcspn(open + 2, " }") > 0) {
			free(table->info);
			table->info = xstrndup(open + 2, strcspn(open + 2, " }"));
			while (open > last->text && open[-1] == ' ')
				open--;
			*open = '\0';
		}
	}
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
	/* which values are numbers does not depend on the language (NULL),
	 * only what they are worth, which the back ends read in theirs */
	if (chart_parse(kind, code->text ? code->text : "", NULL, path,
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

/*** Other tools' inline conventions ***/

/* Puts n before ref, among ref's siblings. */
static void
S_insert_before(struct doc_node *ref, struct doc_node *n)
{
	n->parent = ref->parent;
	n->prev = ref->prev;
	n->next = ref;
	if (ref->prev != NULL)
		ref->prev->next = n;
	else if (ref->parent != NULL)
		ref->parent->first = n;
	ref->prev = n;
}

/* Splits a role's content "Title <target>" into its parts. */
static void
S_role_parts(const char *s, char **title, char **target)
{
	size_t n = strlen(s);
	const char *lt;

	if (n > 2 && s[n - 1] == '>' && (lt = strrchr(s, '<')) != NULL &&
	    lt > s) {
		*title = S_trim(s, (size_t)(lt - s));
		*target = S_trim(lt + 1, n - (size_t)(lt - s) - 2);
		if (**title != '\0')
			return;
		free(*title);
	} else
		*target = S_trim(s, n);
	*title = NULL;
}

/*
 * A MyST role: `{name}` at the end of a text, a code span right after it.
 * {doc} becomes a link to that chapter (a .md link, which pass_xref
 * resolves and checks), {ref} to that anchor, {term} to the glossary
 * (pass_xref knows where the glossary is); {download} a plain link; the
 * others that only mark text ({numref}, {eq}, {abbr}, ...) keep it.
 */
static void
S_role(struct doc_node *text, const char *path, struct diag_list *dl)
{
	static const char *keep[] = { "numref", "eq", "abbr", "sub", "sup",
	    "kbd", "guilabel", "menuselection", "command", "file",
	    "program", "samp", "dfn", "index", "cite" };
	struct doc_node *code = text->next, *link, *t;
	char *name, *title, *target, *brace;
	size_t n = strlen(text->text), nn, i;
	int col;

	if (code == NULL || code->type != DOC_CODE || n < 3 ||
	    text->text[n - 1] != '}' ||
	    (brace = strrchr(text->text, '{')) == NULL)
		return;
	nn = (size_t)(text->text + n - 1 - brace - 1);
	if (nn == 0)
		return;
	for (i = 0; i < nn; i++)
		if (!isalnum((unsigned char)brace[1 + i]) &&
		    brace[1 + i] != '-' && brace[1 + i] != ':')
			return;
	name = xstrndup(brace + 1, nn);
	col = text->col + (int)(brace - text->text);
	*brace = '\0';		/* the marker goes; the text before stays */
	if (strcmp(name, "math") == 0) {
		free(name);
		return;		/* a formula stays in its code face */
	}
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (strcmp(name, keep[i]) == 0)
			break;
	S_role_parts(code->text, &title, &target);
	if (i < sizeof(keep) / sizeof(keep[0])) {
		code->type = DOC_TEXT;	/* its words, in the text's face */
		free(code->text);
		code->text = xstrdup(title != NULL ? title : target);
	} else if (strcmp(name, "doc") == 0 || strcmp(name, "ref") == 0 ||
	    strcmp(name, "term") == 0 || strcmp(name, "download") == 0) {
		struct buf u = { 0 };

		link = doc_new(DOC_LINK, code->line, code->col);
		if (name[0] == 'd' && name[1] == 'o' && name[2] == 'c') {
			buf_puts(&u, target[0] == '/' ? target + 1 : target);
			if (u.len < 3 || strcmp(buf_cstr(&u) + u.len - 3, ".md"))
				buf_puts(&u, ".md");
		} else if (name[0] == 'r') {
			/* a label is the whole book's: pass_xref finds its
			 * chapter */
			buf_putc(&u, '#');
			buf_puts(&u, target);
			link->info = xstrdup("ref");
		} else if (name[0] == 't') {
			buf_puts(&u, target);
			link->info = xstrdup("term");
		} else
			buf_puts(&u, target);
		link->url = buf_detach(&u);
		t = doc_new(DOC_TEXT, code->line, code->col + 1);
		t->text = xstrdup(title != NULL ? title : target);
		doc_append(link, t);
		S_insert_before(code, link);
		doc_unlink(code);
		doc_free(code);
	} else {
		diag_add(dl, DIAG_COMPAT_ROLE, path, text->line, col, name);
	}
	free(title);
	free(target);
	free(name);
}

/* `(label)=` alone in a paragraph: MyST's name for the heading after it,
 * an anchor beside the heading's own (title holds it). */
static int
S_target(struct doc_node *para)
{
	struct doc_node *t = para->first, *h = para->next;
	size_t n;

	if (t == NULL || t->type != DOC_TEXT || t->next != NULL ||
	    (n = strlen(t->text)) < 4 || t->text[0] != '(' ||
	    strcmp(t->text + n - 2, ")=") != 0 ||
	    strcspn(t->text, " \t") != n)
		return 0;
	if (h != NULL && h->type == DOC_HEADING) {
		/* an extra anchor: the heading keeps its own id, so links
		 * written before the label was added still land, as in
		 * Jupyter Book */
		free(h->title);
		h->title = xstrndup(t->text + 1, n - 3);
	}
	return 1;
}

/*
 * Pandoc and Quarto attributes, `{#sec-rollen .unnumbered}`, at the end
 * of a heading: the braces are markup, not title text, and an `#id` in
 * them names the heading (as a MyST target does), so that links written
 * for Quarto (`dmu.md#sec-rollen`, `{ref}`) land.  Only a brace group
 * whose every word is `#id`, `.class`, `-` or `key=value` counts.
 */
static void
S_heading_attrs(struct doc_node *h)
{
	struct doc_node *t = h->first;
	char *open, *p, *id = NULL;
	size_t n;

	while (t != NULL && t->next != NULL)
		t = t->next;
	if (t == NULL || t->type != DOC_TEXT || (n = strlen(t->text)) < 3 ||
	    t->text[n - 1] != '}' || (open = strrchr(t->text, '{')) == NULL)
		return;
	for (p = open + 1; *p != '}';) {
		size_t w;

		while (*p == ' ')
			p++;
		if (*p == '}')
			break;
		w = strcspn(p, " }");
		if (*p == '#' && w > 1 && id == NULL)
			id = xstrndup(p + 1, w - 1);
		else if (!(*p == '.' && w > 1) && !(*p == '-' && w == 1) &&
		    memchr(p, '=', w) == NULL) {
			free(id);
			return;		/* ordinary text in braces */
		}
		p += w;
	}
	while (open > t->text && open[-1] == ' ')
		open--;
	*open = '\0';
	if (id != NULL && h->info == NULL)
		h->info = id;		/* Quarto's id replaces the slug */
	else
		free(id);
}

/* `{#fig-doelen width=50%}` right after a picture: Pandoc's attributes,
 * dropped (the size is the layout's to choose); the id is kept in the
 * image's info, for the figure's anchor. */
static void
S_image_attrs(struct doc_node *img)
{
	struct doc_node *t = img->next;
	char *close;

	if (t == NULL || t->type != DOC_TEXT || t->text[0] != '{' ||
	    (close = strchr(t->text, '}')) == NULL ||
	    memchr(t->text, '\n', (size_t)(close - t->text)) != NULL ||
	    (t->text[1] != '#' && t->text[1] != '.' &&
	    strchr(t->text, '=') == NULL))
		return;
	if (t->text[1] == '#' && img->info == NULL) {
		/* Quarto's `#fig-x` names the figure, for @fig-x */
		size_t k = strcspn(t->text + 2, " }");

		if (k > 0)
			img->info = xstrndup(t->text + 2, k);
	}
	t->col += (int)(close + 1 - t->text);
	memmove(t->text, close + 1, strlen(close + 1) + 1);
	if (t->text[0] == '\0') {
		doc_unlink(t);	/* a figure is a paragraph of one picture */
		doc_free(t);
	}
}

/* Does the line starting at inline c begin with ": " (a definition)? */
static int
S_def_line(const struct doc_node *c)
{
	return c != NULL && c->type == DOC_TEXT && c->text[0] == ':' &&
	    (c->text[1] == ' ' || c->text[1] == '\t');
}

/* Drops the ": " of a definition line's first text. */
static void
S_def_strip(struct doc_node *c)
{
	size_t k = 1;

	while (c->text[k] == ' ' || c->text[k] == '\t')
		k++;
	memmove(c->text, c->text + k, strlen(c->text + k) + 1);
	c->col += (int)k;
}

/* Moves the inlines from c up to (not with) the next soft break into
 * parent; returns that break (NULL at the end). */
static struct doc_node *
S_move_line(struct doc_node *c, struct doc_node *parent)
{
	struct doc_node *nx;

	for (; c != NULL && c->type != DOC_SOFTBREAK; c = nx) {
		nx = c->next;
		doc_unlink(c);
		doc_append(parent, c);
	}
	return c;
}

/*
 * Definition lists, PHP Markdown Extra and pandoc style: a paragraph of
 * term lines followed by `: uitleg` lines, or a one-line paragraph and a
 * paragraph of `: uitleg` lines after a blank line.  Returns the list
 * the paragraph became or joined, or NULL.
 */
static struct doc_node *
S_deflist(struct doc_node *para)
{
	struct doc_node *c, *brk, *dl, *d = NULL, *p = NULL, *prev = para->prev;
	int terms = 1;

	if (para->first == NULL || (para->parent != NULL &&
	    para->parent->type == DOC_TABLE))
		return NULL;
	if (S_def_line(para->first)) {
		/* definitions after a blank line: of the paragraph before,
		 * or more of the list before */
		if (prev == NULL || (prev->type != DOC_DEFLIST &&
		    (prev->type != DOC_PARA || prev->level == 1)))
			return NULL;
		if (prev->type == DOC_PARA) {
			for (c = prev->first; c != NULL; c = c->next)
				if (c->type == DOC_SOFTBREAK ||
				    c->type == DOC_LINEBREAK)
					return NULL;
		}
		terms = 0;
	} else {
		for (c = para->first; c != NULL; c = c->next)
			if (c->type == DOC_SOFTBREAK && S_def_line(c->next))
				break;
		if (c == NULL)
			return NULL;
	}
	if (prev != NULL && prev->type == DOC_DEFLIST)
		dl = prev;
	else {
		dl = doc_new(DOC_DEFLIST, para->line, para->col);
		if (!terms) {
			/* the one-line paragraph before is the term */
			struct doc_node *t = doc_new(DOC_DEFTERM, prev->line,
			    prev->col);

			S_insert_before(prev, dl);
			S_move_line(prev->first, t);
			doc_append(dl, t);
			doc_unlink(prev);
			doc_free(prev);
		} else
			S_insert_before(para, dl);
	}
	/* line by line: terms until the first ": ", then definitions,
	 * other lines continuing the definition before them */
	c = para->first;
	while (c != NULL) {
		if (S_def_line(c)) {
			terms = 0;
			S_def_strip(c);
			d = doc_new(DOC_DEFDESC, c->line, c->col);
			p = doc_new(DOC_PARA, c->line, c->col);
			doc_append(d, p);
			doc_append(dl, d);
			brk = S_move_line(c, p);
		} else if (terms || p == NULL) {
			struct doc_node *t = doc_new(DOC_DEFTERM, c->line,
			    c->col);

			doc_append(dl, t);
			brk = S_move_line(c, t);
		} else {
			doc_append(p, doc_new(DOC_SOFTBREAK, c->line, c->col));
			brk = S_move_line(c, p);
		}
		if (brk == NULL)
			break;
		c = brk->next;
		doc_unlink(brk);
		doc_free(brk);
	}
	doc_unlink(para);
	doc_free(para);
	return dl;
}

/*** Quarto cross-references ***/

static int
S_idchar(int c)
{
	return isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
}

/* Where a Quarto reference starts in s ("@sec-", "@fig-", "@tbl-" not
 * inside a word, so an e-mail address is none), and its id's length in
 * *n; NULL when there is none. */
static char *
S_qref_find(char *s, size_t *n)
{
	char *p;
	size_t k;

	for (p = s; (p = strchr(p, '@')) != NULL; p++) {
		if (p > s && (isalnum((unsigned char)p[-1]) ||
		    strchr("._-+%/", p[-1]) != NULL))
			continue;
		if (strncmp(p + 1, "sec-", 4) != 0 &&
		    strncmp(p + 1, "fig-", 4) != 0 &&
		    strncmp(p + 1, "tbl-", 4) != 0)
			continue;
		for (k = 5; S_idchar((unsigned char)p[k]); k++)
			;
		while (k > 5 && (p[k - 1] == '.' || p[k - 1] == ':'))
			k--;	/* the sentence's full stop */
		if (k == 5)
			continue;
		*n = k - 1;
		return p;
	}
	return NULL;
}

/*
 * Quarto's `@sec-rollen`, `@fig-x`, `@tbl-x` in text: a link to that
 * label ("#sec-rollen", marked "qref"), whose text pass_xref sets to the
 * section's, figure's or table's number once every chapter is numbered.
 * Text inside a link (an e-mail autolink) and code are not looked at.
 */
static void
S_qrefs(struct doc_node *root)
{
	struct doc_node *n, *p, *link, *t, *rest;
	char *at;
	size_t k;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_TEXT || strchr(n->text, '@') == NULL)
			continue;
		for (p = n->parent; p != NULL && p->type != DOC_LINK &&
		    p->type != DOC_IMAGE; p = p->parent)
			;
		if (p != NULL || (at = S_qref_find(n->text, &k)) == NULL)
			continue;
		link = doc_new(DOC_LINK, n->line, n->col + (int)(at - n->text));
		link->info = xstrdup("qref");
		link->url = xstrndup(at, k + 1);
		link->url[0] = '#';
		t = doc_new(DOC_TEXT, link->line, link->col);
		t->text = xstrndup(at, k + 1);
		doc_append(link, t);
		rest = doc_new(DOC_TEXT, link->line, link->col + (int)k + 1);
		rest->text = xstrdup(at + k + 1);
		*at = '\0';
		if (n->next != NULL) {
			struct doc_node *nx = n->next;

			S_insert_before(nx, link);
			S_insert_before(nx, rest);
		} else {
			doc_append(n->parent, link);
			doc_append(n->parent, rest);
		}
		/* the next node is the link; its text is skipped above, and
		 * the rest is looked at after it */
	}
}

/*** HTML inside Markdown ***/

/* 1 when the raw HTML s is one or more comments and space, nothing else;
 * else the comments are cut out of s in place. */
static int
S_uncomment(char *s)
{
	char *o = s, *p = s, *e;

	while (*p != '\0') {
		if (strncmp(p, "<!--", 4) == 0) {
			e = strstr(p + 4, "-->");
			p = e != NULL ? e + 3 : p + strlen(p);
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
	for (p = s; *p != '\0'; p++)
		if (!isspace((unsigned char)*p))
			return 0;
	return 1;
}

/* The tag name at s ("<b>", "</sup>", "<br/>") into n->info, lower case,
 * and whether it opens, closes or stands alone into n->level. */
static void
S_tag(struct doc_node *n, const char *s)
{
	static const char *void_tags[] = { "br", "img", "hr", "wbr",
	    "input", "iframe", "source", "embed" };
	const char *p = s;
	size_t k, i;
	char *name;

	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '<')
		return;
	n->level = 1;
	if (*p == '/')
		p++, n->level = 2;
	for (k = 0; isalnum((unsigned char)p[k]); k++)
		;
	if (k == 0)
		return;
	name = xstrndup(p, k);
	for (i = 0; i < k; i++)
		name[i] = (char)tolower((unsigned char)name[i]);
	free(n->info);
	n->info = name;
	for (i = 0; i < sizeof(void_tags) / sizeof(void_tags[0]); i++)
		if (strcmp(name, void_tags[i]) == 0 && n->level == 1)
			n->level = 3;
	p = strchr(p, '>');
	if (p != NULL && p > s && p[-1] == '/' && n->level == 1)
		n->level = 3;
}

/* The value of attribute name in the tag at s, or NULL; caller frees. */
static char *
S_attr(const char *s, const char *name)
{
	size_t k = strlen(name);
	const char *p, *e, *end = strchr(s, '>');
	char q;

	for (p = s; (p = strstr(p, name)) != NULL && (end == NULL || p < end);
	    p += k) {
		if (p == s || !isspace((unsigned char)p[-1]) || p[k] != '=')
			continue;
		q = p[k + 1];
		if (q != '"' && q != '\'')
			continue;
		if ((e = strchr(p + k + 2, q)) == NULL)
			return NULL;
		return xstrndup(p + k + 2, (size_t)(e - p - k - 2));
	}
	return NULL;
}

/* The inline tags the PDF renders as a style (pdf_inline.c). */
static int
S_pdf_tag(const char *name)
{
	static const char *tags[] = { "b", "strong", "i", "em", "u", "ins",
	    "sub", "sup", "kbd", "code", "tt", "br", "s", "del", "strike" };
	size_t i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp(name, tags[i]) == 0)
			return 1;
	return 0;
}

/*
 * `<a name="x"></a>` or `<a id="x">` (npm's READMEs, old HTML habits): a
 * link target, whatever the raw setting.  The node keeps only the id
 * (pass_number counts it, the renderers write their own empty anchor);
 * a `</a>` right after it, in the same node or the next, goes with it.
 * Returns 1 when n was such an anchor.
 */
static int
S_anchor(struct doc_node *n)
{
	const char *s = n->text, *gt, *p;
	char *id;

	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "<a", 2) != 0 || !isspace((unsigned char)s[2]) ||
	    (gt = strchr(s, '>')) == NULL)
		return 0;
	if ((id = S_attr(s, "href")) != NULL) {
		free(id);
		return 0;	/* a link, not a target */
	}
	if ((id = S_attr(s, "id")) == NULL && (id = S_attr(s, "name")) == NULL)
		return 0;
	p = gt + 1;
	while (isspace((unsigned char)*p))
		p++;
	if (strncasecmp(p, "</a>", 4) == 0)
		for (p += 4; isspace((unsigned char)*p); p++)
			;
	if (*p != '\0' || id[0] == '\0' || strcspn(id, " \t\n") != strlen(id)) {
		free(id);
		return 0;	/* more than an anchor: left as it was */
	}
	free(n->id);
	n->id = id;
	n->text[0] = '\0';
	free(n->info);
	n->info = NULL;
	if (n->type == DOC_HTMLINLINE && n->next != NULL &&
	    n->next->type == DOC_HTMLINLINE &&
	    strncasecmp(n->next->text, "</a>", 4) == 0 &&
	    n->next->text[4 + strspn(n->next->text + 4, " \t\n")] == '\0') {
		struct doc_node *c = n->next;

		doc_unlink(c);
		doc_free(c);
	}
	return 1;
}

/*
 * Comments go, whatever the raw setting: a note for teachers must not
 * reach the student edition, or any reader.  With raw HTML passed
 * through, each tag is named (info) for the PDF, which renders the
 * styles it knows, an iframe as a link and leaves the rest out, saying
 * so once per file.
 */
static void
S_html(struct doc_node *root, const char *path, int raw,
    struct diag_list *dl)
{
	struct doc_node *n, *nx;
	int noted = 0;

	for (n = root; n != NULL; n = nx) {
		nx = doc_next(root, n, 0);
		if (n->type != DOC_HTMLBLOCK && n->type != DOC_HTMLINLINE)
			continue;
		if (S_uncomment(n->text)) {
			nx = doc_next(root, n, 1);
			doc_unlink(n);
			doc_free(n);
			continue;
		}
		if (S_anchor(n)) {
			nx = doc_next(root, n, 1);
			continue;
		}
		if (!raw)
			continue;
		S_tag(n, n->text);
		if (n->info == NULL)
			n->info = xstrdup("");
		if (strcmp(n->info, "iframe") == 0) {
			n->url = S_attr(n->text, "src");
			n->title = S_attr(n->text, "title");
			if (n->url == NULL)
				n->url = xstrdup("");
		} else if ((n->type == DOC_HTMLBLOCK || !S_pdf_tag(n->info)) &&
		    !noted) {
			diag_add(dl, DIAG_HTML_PDF, path, n->line, n->col,
			    n->info);
			noted = 1;
		}
	}
}

/*** Footnotes ***/

/* cmark-gfm gathers the definitions at the end, in the order of their
 * first reference, drops the ones never referred to, and gives each
 * reference the number of its note as its text: the notes are numbered
 * in their order, which is that number. */
static void
S_footnotes(struct doc_node *root)
{
	struct doc_node *n;
	size_t nv = 0;
	char num[24];

	for (n = root->first; n != NULL; n = n->next)
		if (n->type == DOC_FOOTDEF) {
			snprintf(num, sizeof(num), "%zu", ++nv);
			n->number = xstrdup(num);
		}
	if (nv == 0)
		return;
	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_FOOTREF)
			n->number = xstrdup(n->text);
}

static void
S_conventions(struct doc_node *root, const char *path, int raw,
    struct diag_list *dl)
{
	struct doc_node *n, *nx, *l;
	int noted = raw, quiz = 0;

	S_html(root, path, raw, dl);
	S_footnotes(root);
	S_qrefs(root);
	/* attributes first: a figure or a (label)= target is judged on
	 * what is left */
	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_HEADING)
			S_heading_attrs(n);
		else if (n->type == DOC_IMAGE)
			S_image_attrs(n);
	/* Post-order would suit callouts inside callouts, but a marker is
	 * found on the blockquote itself, before its children: pre-order. */
	for (n = root; n != NULL; n = nx) {
		if (n->type == DOC_PARA && n->level != 1 && S_target(n)) {
			/* the target is markup, not text */
			nx = doc_next(root, n, 1);
			doc_unlink(n);
			doc_free(n);
			continue;
		}
		if (n->type == DOC_PARA && n->level != 1 &&
		    (l = S_deflist(n)) != NULL) {
			nx = doc_next(root, l, 0);
			continue;
		}
		if (n->type == DOC_TEXT && n->next != NULL &&
		    n->next->type == DOC_CODE)
			S_role(n, path, dl);
		if (n->type == DOC_BLOCKQUOTE) {
			S_callout(n, path, dl);
			quiz |= n->type == DOC_CALLOUT &&
			    n->ckind == CALLOUT_VRAAG;
		} else if (n->type == DOC_TABLE)
			S_caption(n);
		else if (n->type == DOC_CODEBLOCK)
			S_chart(n, path, dl);
		else if (n->type == DOC_PARA && n->parent &&
		    n->parent->type != DOC_ITEM)
			S_figure(n);
		else if ((n->type == DOC_HTMLBLOCK ||
		    n->type == DOC_HTMLINLINE) && n->id == NULL && !noted) {
			/* once per file: the reader needs to know why the
			 * tags show, not where every one of them is */
			diag_add(dl, DIAG_RAW_HTML, path, n->line, n->col);
			noted = 1;
		}
		nx = doc_next(root, n, 0);
	}
	/* questions last: their options' quotes are plain quotes by now
	 * (a second walk only where there are questions) */
	for (n = quiz ? root : NULL; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_CALLOUT && n->ckind == CALLOUT_VRAAG)
			quiz_shape(n, path, dl);
}

static pthread_mutex_t S_inline_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t S_registered = PTHREAD_ONCE_INIT;

/*** Encoding ***/


/* The offset of the first NUL or byte that is not UTF-8 text in s, or
 * len when there is none: RFC 3629, as cmark's CMARK_OPT_VALIDATE_UTF8
 * judges (no overlong forms, no surrogates, nothing past U+10FFFF).
 * Eight bytes at a time while they are ASCII and none is NUL (a
 * chapter's text mostly is); a call for any other character. */
static size_t
S_utf8_bad(const unsigned char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	uint64_t w;
	size_t i = 0, n;

	while (i < len) {
		if (len - i >= 8) {
			memcpy(&w, s + i, 8);
			/* a byte >= 0x80, or (w - ones) & ~w: a zero byte */
			if (((w | ((w - ones) & ~w)) & highs) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] != 0 && s[i] < 0x80)
			i++;
		else if ((n = utf8_len(s + i, len - i)) == 0)
			return i;
		else
			i += n;
	}
	return len;
}

/* cmark turns a byte that is not UTF-8 text into U+FFFD without a word,
 * where a CSV file with the same byte is refused: the first one of the
 * body is told, at its line and byte column as cmark counts them, so the
 * reader knows why a '?' in a box appears.  Once a file: a file in
 * another encoding has one on every other line. */
int
md_check_utf8(const char *src, size_t len, const char *path, int line_off,
    struct diag_list *dl)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i, k, bol = 0;
	int line = 1;

	/* the lines are counted only for a file that has a bad byte (a
	 * line break is never inside a character, so the bytes before it
	 * tell) */
	if ((i = S_utf8_bad(s, len)) >= len)
		return 0;
	for (k = 0; k < i; k++)
		if (s[k] == '\n' || (s[k] == '\r' && s[k + 1] != '\n')) {
			line++;
			bol = k + 1;
		}
	if (line > INT_MAX - line_off || i - bol >= INT_MAX)
		line = 0;	/* past what a position holds */
	if (s[i] == 0)
		diag_add(dl, DIAG_MD_NUL, path, line ? line + line_off : 0,
		    line ? (int)(i - bol) + 1 : 0);
	else
		diag_add(dl, DIAG_MD_UTF8, path, line ? line + line_off : 0,
		    line ? (int)(i - bol) + 1 : 0, (unsigned)s[i]);
	return 1;
}

static void
S_register(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

struct doc_node *
md_parse(const char *src, size_t len, const char *path,
    const struct md_opts *opts, struct md_meta *meta, struct diag_list *dl)
{
	static const char *exts[] = { "table", "strikethrough", "autolink",
	    "tasklist" };
	struct md_compat_map map;
	char *copy;
	size_t clen = 0;
	cmark_parser *p;
	cmark_syntax_extension *ext;
	cmark_node *doc;
	struct doc_node *root;
	size_t body, i;
	int lines, copts, bad;

	memset(meta, 0, sizeof(*meta));
	if (opts != NULL && opts->front != NULL) {
		/* read already, from the same bytes */
		*meta = opts->front->meta;
		memset(&opts->front->meta, 0, sizeof(opts->front->meta));
		body = opts->front->body;
		lines = opts->front->lines;
	} else if (md_front(src, len, path, meta, &body, &lines, dl) != 0) {
		md_meta_clear(meta);
		return NULL;
	}
	/* cmark's own check (CMARK_OPT_VALIDATE_UTF8) would scan every
	 * byte again to replace the bad ones by U+FFFD; it is asked for
	 * only when there is one to replace.  A generated text was checked
	 * in its template, not here: cmark checks it. */
	bad = opts != NULL && opts->generated ? 1 :
	    md_check_utf8(src + body, len - body, path, lines, dl);
	/* other tools' admonitions become ours, line for line (their
	 * rewrite cuts lines at ASCII bytes only; checked all the same,
	 * it is rare) */
	copy = md_compat_rewrite(src + body, len - body, path, lines, &map,
	    &clen, dl);
	if (copy != NULL && !bad)
		bad = S_utf8_bad((const unsigned char *)copy, clen) < clen;
	pthread_once(&S_registered, S_register);
	S_cm = xcalloc(1, sizeof(*S_cm));
	S_cm->a = arena_new();
	copts = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES;
	if (bad)
		copts |= CMARK_OPT_VALIDATE_UTF8;
	if (opts != NULL && opts->raw_html)
		copts |= CMARK_OPT_UNSAFE;
	p = cmark_parser_new_with_mem(copts, &S_cm_mem);
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if ((ext = cmark_find_syntax_extension(exts[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	if (copy != NULL)
		cmark_parser_feed(p, copy, clen);
	else
		cmark_parser_feed(p, src + body, len - body);
	free(copy);
	/* cmark-gfm keeps the extensions' special characters ('~', 'w', ':')
	 * in one table for the whole process, set when an inline pass starts
	 * and cleared when it ends: a chapter finishing on one thread would
	 * hide strikethrough and autolinks from a chapter in its inline pass
	 * on another.  The block pass above runs in parallel; the inline
	 * pass, one at a time. */
	pthread_mutex_lock(&S_inline_lock);
	doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&S_inline_lock);
	root = S_convert(doc, path, lines, &map, dl);
	md_compat_map_clear(&map);
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
	while (m->nreg > 0)
		free(m->reg[--m->nreg]);
	free(m->reg);
	memset(m, 0, sizeof(*m));
}
