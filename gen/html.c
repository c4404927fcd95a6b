/* html — the HTML back end (see html.h). */
#include "html.h"
#include "chart.h"
#include "esc.h"
#include "i18n.h"
#include "quiz_html.h"
#include "svg.h"

#include <string.h>

struct hr {
	const struct html_opts	*o;
	struct buf		*out;
	/* tables named by their section's heading (S_table_wrap): the
	 * last such heading (NULL: none, the name "Tabel") and how many
	 * tables took its name, so that each region's name is unique */
	const struct doc_node	*tab_head;
	int			 tab_k;
	/* the language of the passage being written (doc_passage():
	 * an English document in a Dutch chapter), NULL: o->lang */
	const char		*plang;
};

/* The language of the text being written, for its labels. */
static const char *
S_lang(const struct hr *h)
{
	return h->plang != NULL ? h->plang : h->o->lang;
}

static void S_walk(struct hr *, const struct doc_node *root);

/* quiz_html renders a question's Markdown through these. */
static const struct quiz_render S_quiz_render = {
	html_render, html_render_blocks
};

static void
S_text(struct hr *h, const char *s)
{
	if (s != NULL)
		esc_html(h->out, s, strlen(s));
}

static void
S_attr_id(struct hr *h, const struct doc_node *n)
{
	if (n->id == NULL)
		return;
	buf_puts(h->out, " id=\"");
	S_text(h, n->id);
	buf_putc(h->out, '"');
}

static int
S_tight(const struct doc_node *para)
{
	const struct doc_node *item = para->parent;

	return item != NULL && item->type == DOC_ITEM && item->parent != NULL &&
	    item->parent->tight;
}


static const char *
S_align(const struct doc_node *cell)
{
	const struct doc_node *table = cell->parent ? cell->parent->parent : NULL;
	int i = cell->start;	/* the column, set by md_parse */

	if (table == NULL || table->align == NULL || i >= table->ncols)
		return NULL;
	switch (table->align[i]) {
	case 'l': return "l";
	case 'c': return "c";
	case 'r': return "r";
	default: return NULL;
	}
}

/* The box a wide table scrolls in.  A keyboard user can only scroll what
 * takes focus (WCAG 2.1.1), and a screen reader announces a focused box by
 * its role and name: so tabindex 0, a region, and as its name the
 * caption's plain text ("Tabel 2.1 Omzet per segment"); a business
 * document's tables have none, so there the heading of the section the
 * table stands in ("Prijsopgave"), and "Tabel" before any heading, with
 * a count from the second table on. */
static void
S_table_wrap(struct hr *h, const struct doc_node *table,
    const struct doc_node *caption)
{
	struct buf name = { 0 };
	const struct doc_node *p, *s = NULL;

	if (table->number == NULL && caption == NULL) {
		for (p = table; p != NULL && s == NULL; p = p->parent)
			for (s = p->prev; s != NULL; s = s->prev)
				if (s->type == DOC_HEADING)
					break;
		if (s != NULL)
			doc_plain_text(s, &name);
		if (name.len == 0)
			buf_puts(&name, i18n(S_lang(h), I18N_TABLE));
		/* screen readers list regions by name: a second table in
		 * the same section is "Prijsopgave (2)" */
		if (h->tab_k > 0 && s == h->tab_head)
			buf_printf(&name, " (%d)", ++h->tab_k);
		else {
			h->tab_head = s;
			h->tab_k = 1;
		}
	}
	if (table->number != NULL) {
		buf_puts(&name, i18n(S_lang(h), I18N_TABLE));
		buf_putc(&name, ' ');
		buf_puts(&name, table->number);
	}
	if (caption != NULL) {
		if (name.len > 0)
			buf_putc(&name, ' ');
		doc_plain_text(caption, &name);
	}
	buf_puts(h->out, "<div class=\"table-wrap\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\"");
	S_text(h, buf_cstr(&name));
	buf_puts(h->out, "\">\n");
	buf_free(&name);
}

/* Returns 1 when n's children must not be walked (enter wrote them all). */
static int
S_enter(struct hr *h, const struct doc_node *n)
{
	struct buf *o = h->out;
	const struct doc_node *c;
	const char *al;
	struct buf alt = { 0 };

	switch (n->type) {
	case DOC_PARA:
		if (n->level == 1 && n->parent && n->parent->type == DOC_TABLE)
			return 1;	/* the caption, written with the table */
		if (!S_tight(n))
			buf_puts(o, "<p>");
		break;
	case DOC_HEADING:
		buf_printf(o, "<h%d", n->level);
		S_attr_id(h, n);
		buf_putc(o, '>');
		if (n->title != NULL) {
			/* a MyST label: an anchor beside the heading's id */
			buf_puts(o, "<span id=\"");
			S_text(h, n->title);
			buf_puts(o, "\"></span>");
		}
		if (n->number != NULL) {
			buf_puts(o, "<span class=\"num\">");
			S_text(h, n->number);
			buf_puts(o, "</span> ");
		}
		break;
	case DOC_BLOCKQUOTE:
		buf_puts(o, "<blockquote>\n");
		break;
	case DOC_CALLOUT:
		buf_printf(o, "<aside class=\"callout callout-%s\"",
		    callout_name(n->ckind));
		S_attr_id(h, n);
		buf_puts(o, ">\n<p class=\"callout-title\"><span class=\"label\">");
		S_text(h, i18n_callout(h->o->lang, n->ckind));
		if (n->number != NULL) {
			buf_putc(o, ' ');
			S_text(h, n->number);
		}
		buf_puts(o, "</span>");
		if (n->text != NULL) {
			buf_puts(o, n->ckind == CALLOUT_DEFINITIE ?
			    " <dfn>" : " ");
			S_text(h, n->text);
			if (n->ckind == CALLOUT_DEFINITIE)
				buf_puts(o, "</dfn>");
		}
		buf_puts(o, "</p>\n");
		if (n->ckind == CALLOUT_VRAAG) {
			/* forms, not the printed questions (quiz_html.c) */
			quiz_html(n, h->o, &S_quiz_render, o);
			return 1;
		}
		break;
	case DOC_LIST:
		if (n->ordered && n->start != 1)
			buf_printf(o, "<ol start=\"%d\">\n", n->start);
		else
			buf_puts(o, n->ordered ? "<ol>\n" : "<ul>\n");
		break;
	case DOC_ITEM:
		buf_puts(o, "<li>");
		/* a task: a box to see, not to tick on a page of text */
		if (n->level == 1)
			buf_puts(o, "<input type=\"checkbox\" disabled> ");
		else if (n->level == 2)
			buf_puts(o, "<input type=\"checkbox\" checked "
			    "disabled> ");
		break;
	case DOC_FOOTREF:
		buf_puts(o, "<sup class=\"fnref\"><a href=\"#fn-");
		S_text(h, n->number);
		buf_puts(o, "\">");
		S_text(h, n->number);
		buf_puts(o, "</a></sup>");
		break;
	case DOC_FOOTDEF:
		if (n->prev == NULL || n->prev->type != DOC_FOOTDEF)
			buf_puts(o, "<section class=\"footnotes\">\n<ol>\n");
		buf_puts(o, "<li id=\"fn-");
		S_text(h, n->number);
		buf_puts(o, "\">\n");
		break;
	case DOC_DEFLIST:
		buf_puts(o, "<dl>\n");
		break;
	case DOC_DEFTERM:
		buf_puts(o, "<dt>");
		break;
	case DOC_DEFDESC:
		buf_puts(o, "<dd>");
		break;
	case DOC_CODEBLOCK:
		buf_puts(o, "<pre><code");
		if (n->info != NULL) {
			size_t k = strcspn(n->info, " \t");

			buf_puts(o, " class=\"language-");
			esc_html(o, n->info, k);
			buf_putc(o, '"');
		}
		buf_putc(o, '>');
		S_text(h, n->text);
		buf_puts(o, "</code></pre>\n");
		break;
	case DOC_HTMLBLOCK:
		if (n->id != NULL) {
			/* an <a name> target: our own, raw or not */
			buf_puts(o, "<span id=\"");
			S_text(h, n->id);
			buf_puts(o, "\"></span>\n");
		} else if (doc_passage_lang(n) != NULL) {
			/* a passage's <div lang> is ours (doc.h) */
			buf_puts(o, n->text);
			h->plang = n->level == 1 ? doc_passage_lang(n) : NULL;
		} else if (h->o->raw_html)
			buf_puts(o, n->text);
		else {
			buf_puts(o, "<p class=\"raw-html\">");
			S_text(h, n->text);
			buf_puts(o, "</p>\n");
		}
		break;
	case DOC_HRULE:
		buf_puts(o, "<hr>\n");
		break;
	case DOC_CHART: {
		/* md_parse checked the data; the same geometry as the PDF */
		struct chart ch;
		struct chart_geom g;
		struct diag_list *quiet = diag_list_new();

		if (chart_parse(n->info, n->text ? n->text : "", h->o->lang,
		    "", n->line, DIAG_CHART, &ch, quiet) == 0) {
			chart_layout(&ch, 480, NULL, NULL, &g);
			svg_render(&g, ch.title, o);
			chart_geom_clear(&g);
			chart_clear(&ch);
		}
		diag_list_free(quiet);
		return 1;
	}
	case DOC_TABLE:
		for (c = n->first; c != NULL; c = c->next)
			if (c->type == DOC_PARA && c->level == 1)
				break;
		S_table_wrap(h, n, c);
		buf_puts(o, "<table");
		S_attr_id(h, n);
		buf_puts(o, ">\n");
		/* an unnumbered table (a business document's) has no
		 * "Tabel" label, and without a caption no caption */
		if (n->number == NULL && c == NULL)
			break;
		buf_puts(o, "<caption>");
		if (n->number != NULL) {
			buf_puts(o, "<span class=\"label\">");
			S_text(h, i18n(S_lang(h), I18N_TABLE));
			buf_putc(o, ' ');
			S_text(h, n->number);
			buf_puts(o, "</span>");
		}
		for (c = n->first; c != NULL; c = c->next)
			if (c->type == DOC_PARA && c->level == 1) {
				if (n->number != NULL)
					buf_putc(o, ' ');
				S_walk(h, c);
			}
		buf_puts(o, "</caption>\n");
		break;
	case DOC_TROW:
		if (n->level)
			buf_puts(o, "<thead>\n");
		else if (n->prev == NULL || n->prev->level)
			buf_puts(o, "<tbody>\n");
		buf_puts(o, "<tr>");
		break;
	case DOC_TCELL:
		buf_puts(o, n->parent && n->parent->level ? "<th" : "<td");
		if ((al = S_align(n)) != NULL)
			buf_printf(o, " class=\"%s\"", al);
		buf_putc(o, '>');
		break;
	case DOC_FIGURE:
		buf_puts(o, "<figure");
		S_attr_id(h, n);
		buf_puts(o, ">\n");
		break;
	case DOC_TEXT:
		S_text(h, n->text);
		break;
	case DOC_SOFTBREAK:
		buf_putc(o, '\n');
		break;
	case DOC_LINEBREAK:
		buf_puts(o, "<br>\n");
		break;
	case DOC_CODE:
		buf_puts(o, "<code>");
		S_text(h, n->text);
		buf_puts(o, "</code>");
		break;
	case DOC_HTMLINLINE:
		if (n->id != NULL) {
			buf_puts(o, "<span id=\"");
			S_text(h, n->id);
			buf_puts(o, "\"></span>");
		} else if (h->o->raw_html)
			buf_puts(o, n->text);
		else
			S_text(h, n->text);
		break;
	case DOC_EMPH:
		buf_puts(o, "<em>");
		break;
	case DOC_STRONG:
		buf_puts(o, "<strong>");
		break;
	case DOC_STRIKE:
		buf_puts(o, "<del>");
		break;
	case DOC_LINK:
		if (n->url == NULL || n->url[0] == '\0')
			break;		/* a dropped unsafe target: text only */
		buf_puts(o, "<a href=\"");
		esc_url(o, n->url, strlen(n->url));
		buf_putc(o, '"');
		if (n->title != NULL) {
			buf_puts(o, " title=\"");
			S_text(h, n->title);
			buf_putc(o, '"');
		}
		buf_putc(o, '>');
		break;
	case DOC_IMAGE:
		doc_plain_text(n, &alt);
		buf_puts(o, "<img src=\"");
		esc_url(o, n->url ? n->url : "", n->url ? strlen(n->url) : 0);
		buf_puts(o, "\" alt=\"");
		S_text(h, buf_cstr(&alt));
		buf_putc(o, '"');
		if (n->title != NULL) {
			buf_puts(o, " title=\"");
			S_text(h, n->title);
			buf_putc(o, '"');
		}
		buf_putc(o, '>');
		if (n->parent && n->parent->type == DOC_FIGURE) {
			buf_puts(o, "\n<figcaption><span class=\"label\">");
			S_text(h, i18n(S_lang(h), I18N_FIGURE));
			if (n->parent->number) {
				buf_putc(o, ' ');
				S_text(h, n->parent->number);
			}
			buf_puts(o, "</span> ");
			S_text(h, buf_cstr(&alt));
			buf_puts(o, "</figcaption>");
		}
		buf_free(&alt);
		return 1;
	default:
		break;
	}
	return 0;
}

static void
S_exit(struct hr *h, const struct doc_node *n)
{
	struct buf *o = h->out;

	switch (n->type) {
	case DOC_PARA:
		if (n->level == 1 && n->parent && n->parent->type == DOC_TABLE)
			break;
		buf_puts(o, S_tight(n) ? "" : "</p>");
		if (!S_tight(n) || n->next != NULL)
			buf_putc(o, '\n');
		break;
	case DOC_HEADING:
		if (n->id != NULL) {
			buf_puts(o, " <a class=\"anchor\" href=\"#");
			esc_url(o, n->id, strlen(n->id));
			buf_puts(o, "\">#</a>");
		}
		buf_printf(o, "</h%d>\n", n->level);
		break;
	case DOC_BLOCKQUOTE:
		buf_puts(o, "</blockquote>\n");
		break;
	case DOC_CALLOUT:
		buf_puts(o, "</aside>\n");
		break;
	case DOC_LIST:
		buf_puts(o, n->ordered ? "</ol>\n" : "</ul>\n");
		break;
	case DOC_ITEM:
		buf_puts(o, "</li>\n");
		break;
	case DOC_FOOTDEF:
		buf_puts(o, "</li>\n");
		if (n->next == NULL || n->next->type != DOC_FOOTDEF)
			buf_puts(o, "</ol>\n</section>\n");
		break;
	case DOC_DEFLIST:
		buf_puts(o, "</dl>\n");
		break;
	case DOC_DEFTERM:
		buf_puts(o, "</dt>\n");
		break;
	case DOC_DEFDESC:
		buf_puts(o, "</dd>\n");
		break;
	case DOC_TABLE:
		if (n->first && n->first->next &&
		    n->first->next->type == DOC_TROW)
			buf_puts(o, "</tbody>\n");
		buf_puts(o, "</table>\n</div>\n");
		break;
	case DOC_TROW:
		buf_puts(o, "</tr>\n");
		if (n->level)
			buf_puts(o, "</thead>\n");
		break;
	case DOC_TCELL:
		buf_puts(o, n->parent && n->parent->level ? "</th>" : "</td>");
		break;
	case DOC_FIGURE:
		buf_puts(o, "\n</figure>\n");
		break;
	case DOC_EMPH:
		buf_puts(o, "</em>");
		break;
	case DOC_STRONG:
		buf_puts(o, "</strong>");
		break;
	case DOC_STRIKE:
		buf_puts(o, "</del>");
		break;
	case DOC_LINK:
		if (n->url != NULL && n->url[0] != '\0')
			buf_puts(o, "</a>");
		break;
	default:
		break;
	}
}

/* Walks root's children: enter, children, exit, with no recursion. */
static void
S_walk(struct hr *h, const struct doc_node *root)
{
	const struct doc_node *n = root->first;

	while (n != NULL) {
		if (!S_enter(h, n) && n->first != NULL) {
			n = n->first;
			continue;
		}
		/* A leaf or a skipped subtree: close it, then climb. */
		for (;;) {
			S_exit(h, n);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == root || n == NULL) {
				n = NULL;
				break;
			}
		}
	}
}

void
html_render(const struct doc_node *root, const struct html_opts *o,
    struct buf *out)
{
	struct hr h = { o, out, NULL, 0 };

	S_walk(&h, root);
}

void
html_render_blocks(const struct doc_node *first, const struct doc_node *end,
    const struct html_opts *o, struct buf *out)
{
	struct hr h = { o, out };
	const struct doc_node *n, *top;

	/* S_walk's loop, over a run of siblings instead of all children */
	for (top = first; top != NULL && top != end; top = top->next) {
		if (quiz_shown(top))
			continue;
		n = top;
		while (n != NULL) {
			if (!S_enter(&h, n) && n->first != NULL) {
				n = n->first;
				continue;
			}
			for (;;) {
				S_exit(&h, n);
				if (n == top) {
					n = NULL;
					break;
				}
				if (n->next != NULL) {
					n = n->next;
					break;
				}
				n = n->parent;	/* closed, then checked, above */
			}
		}
	}
}
