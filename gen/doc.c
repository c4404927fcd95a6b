/* doc — the document model (see doc.h). */
#include "doc.h"
#include "buf.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct doc_node *
doc_new(enum doc_type t, int line, int col)
{
	struct doc_node *n = xcalloc(1, sizeof(*n));

	n->type = t;
	n->line = line;
	n->col = col;
	return n;
}

static void
S_free_one(struct doc_node *n)
{
	free(n->text);
	free(n->url);
	free(n->title);
	free(n->info);
	free(n->id);
	free(n->number);
	free(n->align);
	free(n);
}

/*
 * Iterative: splice each node's children in front of the remaining
 * siblings, as cmark does, so the depth of the tree never reaches the stack.
 */
void
doc_free(struct doc_node *n)
{
	struct doc_node *cur, *nx;

	if (n == NULL)
		return;
	doc_unlink(n);
	cur = n;
	while (cur != NULL) {
		if (cur->first != NULL) {
			cur->last->next = cur->next;
			cur->next = cur->first;
		}
		nx = cur->next;
		S_free_one(cur);
		cur = nx;
	}
}

static struct doc_node *
S_copy_one(const struct doc_node *n)
{
	struct doc_node *c = xmalloc(sizeof(*c));

	*c = *n;
	c->text = xstrdup(n->text);
	c->url = xstrdup(n->url);
	c->title = xstrdup(n->title);
	c->info = xstrdup(n->info);
	c->id = xstrdup(n->id);
	c->number = xstrdup(n->number);
	c->align = n->align ? xstrndup(n->align, (size_t)n->ncols) : NULL;
	c->parent = c->first = c->last = c->prev = c->next = NULL;
	return c;
}

struct doc_node *
doc_clone(const struct doc_node *n)
{
	const struct doc_node *src = n;
	struct doc_node *root, *dst;

	root = dst = S_copy_one(n);
	/* Walk the source in pre-order, keeping dst at the copy of src. */
	while (src != NULL) {
		if (src->first != NULL) {
			src = src->first;
			doc_append(dst, S_copy_one(src));
			dst = dst->last;
			continue;
		}
		while (src != n && src->next == NULL) {
			src = src->parent;
			dst = dst->parent;
		}
		if (src == n)
			break;
		src = src->next;
		doc_append(dst->parent, S_copy_one(src));
		dst = dst->parent->last;
	}
	return root;
}

void
doc_append(struct doc_node *parent, struct doc_node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
doc_unlink(struct doc_node *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else if (n->parent)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

struct doc_node *
doc_next(const struct doc_node *root, const struct doc_node *n,
    int skip_children)
{
	if (!skip_children && n->first != NULL)
		return n->first;
	while (n != NULL && n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

struct doc_node *
doc_passage(int start, const char *lang, int line, int col)
{
	struct doc_node *n = doc_new(DOC_HTMLBLOCK, line, col);
	struct buf b = { 0 };
	const char *s;

	n->info = xstrdup("div");
	n->level = start ? 1 : 2;
	n->title = xstrdup(lang);
	if (start) {
		/* only what a language tag holds reaches the attribute */
		buf_puts(&b, "<div lang=\"");
		for (s = lang; *s != '\0'; s++)
			if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' &&
			    *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-')
				buf_putc(&b, *s);
		buf_puts(&b, "\">\n");
	} else
		buf_puts(&b, "</div>\n");
	n->text = buf_detach(&b);
	return n;
}

const char *
doc_passage_lang(const struct doc_node *n)
{
	if (n == NULL || n->type != DOC_HTMLBLOCK || n->info == NULL ||
	    strcmp(n->info, "div") != 0 || n->title == NULL ||
	    (n->level != 1 && n->level != 2))
		return NULL;
	return n->title;
}

void
doc_plain_text(const struct doc_node *n, struct buf *out)
{
	const struct doc_node *c;

	for (c = n->first ? n->first : NULL; c != NULL; c = doc_next(n, c, 0)) {
		switch (c->type) {
		case DOC_TEXT:
		case DOC_CODE:
			if (c->text)
				buf_puts(out, c->text);
			break;
		case DOC_SOFTBREAK:
		case DOC_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
}

const char *
doc_type_name(enum doc_type t)
{
	static const char *names[] = {
		"root", "para", "heading", "blockquote", "callout", "list",
		"item", "codeblock", "htmlblock", "hrule", "table", "trow",
		"tcell", "figure", "chart", "text", "softbreak", "linebreak", "code",
		"htmlinline", "emph", "strong", "strike", "link", "image",
		"footref", "footdef", "deflist", "defterm", "defdesc"
	};

	return (size_t)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

/*** Callout kinds ***/

static const struct {
	const char		*name;
	enum callout_kind	 kind;
} S_callouts[] = {
	{ "definitie", CALLOUT_DEFINITIE },
	{ "voorbeeld", CALLOUT_VOORBEELD },
	{ "opdracht", CALLOUT_OPDRACHT },
	{ "antwoord", CALLOUT_ANTWOORD },
	{ "tip", CALLOUT_TIP },
	{ "let-op", CALLOUT_LETOP },
	{ "vraag", CALLOUT_VRAAG },
	/* English, and GitHub's own alert names, so such files build as they are */
	{ "definition", CALLOUT_DEFINITIE },
	{ "example", CALLOUT_VOORBEELD },
	{ "exercise", CALLOUT_OPDRACHT },
	{ "assignment", CALLOUT_OPDRACHT },
	{ "answer", CALLOUT_ANTWOORD },
	{ "solution", CALLOUT_ANTWOORD },
	{ "hint", CALLOUT_TIP },
	{ "note", CALLOUT_TIP },
	{ "letop", CALLOUT_LETOP },
	{ "warning", CALLOUT_LETOP },
	{ "caution", CALLOUT_LETOP },
	{ "important", CALLOUT_LETOP },
	{ "question", CALLOUT_VRAAG },
	{ "quiz", CALLOUT_VRAAG },
};

enum callout_kind
callout_lookup(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(S_callouts) / sizeof(S_callouts[0]); i++)
		if (strlen(S_callouts[i].name) == len &&
		    strncasecmp(S_callouts[i].name, name, len) == 0)
			return S_callouts[i].kind;
	return CALLOUT_NONE;
}

const char *
callout_name(enum callout_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(S_callouts) / sizeof(S_callouts[0]); i++)
		if (S_callouts[i].kind == k)
			return S_callouts[i].name;
	return "";
}
