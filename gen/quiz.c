/* quiz — self-test questions in a vraag callout (see quiz.h). */
#include "quiz.h"
#include "mem.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The line a student edition prints for a short answer: a line to write
 * on, without a word, so it needs no translation. */
#define QUIZ_LINE "________________________________________"

int
quiz_shown(const struct doc_node *n)
{
	return n->info != NULL && strcmp(n->info, "quiz-shown") == 0;
}

static int
S_is_answer(const struct doc_node *n)
{
	return n->type == DOC_PARA && n->info != NULL &&
	    strcmp(n->info, "quiz-answer") == 0;
}

/* An item's box: 1 open, 2 ticked, 0 none.  cmark-gfm's task list
 * extension sees no box in a list inside a block quote, which every
 * question is: there the "[ ] " or "[x] " is still the item's text. */
static int
S_box(const struct doc_node *it, int strip)
{
	struct doc_node *t;
	int box;

	if (it->level == 1 || it->level == 2)
		return it->level;
	if (it->first == NULL || it->first->type != DOC_PARA ||
	    (t = it->first->first) == NULL || t->type != DOC_TEXT ||
	    t->text == NULL || t->text[0] != '[' || t->text[2] != ']' ||
	    (t->text[3] != ' ' && t->text[3] != '\0'))
		return 0;
	if (t->text[1] == ' ')
		box = 1;
	else if (t->text[1] == 'x' || t->text[1] == 'X')
		box = 2;
	else
		return 0;
	if (strip)
		memmove(t->text, t->text + 3 + (t->text[3] == ' '),
		    strlen(t->text + 3 + (t->text[3] == ' ')) + 1);
	return box;
}

static int
S_is_options(const struct doc_node *n)
{
	const struct doc_node *i;

	if (n->type != DOC_LIST)
		return 0;
	for (i = n->first; i != NULL; i = i->next)
		if (i->type == DOC_ITEM && (i->info != NULL || S_box(i, 0)))
			return 1;
	return 0;
}

void
quiz_plain(const struct doc_node *first, const struct doc_node *end,
    struct buf *out)
{
	const struct doc_node *n, *r;
	size_t start, sp;

	for (r = first; r != NULL && r != end; r = r->next) {
		if (quiz_shown(r))
			continue;
		for (n = r; n != NULL; n = doc_next(r, n, 0)) {
			if (n->type != DOC_PARA && n->type != DOC_CODEBLOCK &&
			    n->type != DOC_HEADING && n->type != DOC_TCELL)
				continue;
			start = out->len;
			if (out->len > 0)
				buf_putc(out, ' ');
			sp = out->len;
			if (n->type == DOC_CODEBLOCK && n->text != NULL)
				buf_puts(out, n->text);
			else
				doc_plain_text(n, out);
			if (out->len == sp)
				out->len = start;	/* nothing in it */
			if (out->data != NULL)
				out->data[out->len] = '\0';
		}
	}
	/* a code block's last newline, and any around, go */
	while (out->len > 0 && (out->data[out->len - 1] == '\n' ||
	    out->data[out->len - 1] == ' '))
		out->data[--out->len] = '\0';
}

/*** Shaping (md_parse) ***/

/* The feedback quotes in item (or the quote q) as plain text, removed. */
static char *
S_take_quote(struct doc_node *q)
{
	struct buf b = { 0 };

	quiz_plain(q->first, NULL, &b);
	doc_unlink(q);
	doc_free(q);
	return buf_detach(&b);
}

static void
S_choice(struct doc_node *list, const char *path, struct diag_list *dl)
{
	struct doc_node *it, *c, *cx;
	struct buf fb = { 0 }, label = { 0 };
	char *t;
	size_t nopt = 0, nright = 0;

	for (it = list->first; it != NULL; it = it->next) {
		if (it->type != DOC_ITEM)
			continue;
		it->level = S_box(it, 1);
		if (it->level != 1 && it->level != 2)
			diag_add(dl, DIAG_QUIZ_NOT_TASK, path, it->line,
			    it->col);
		nopt++;
		if (it->level == 2)
			nright++;
		free(it->info);
		it->info = xstrdup(it->level == 2 ? "right" : "wrong");
		it->level = 1;
		buf_reset(&fb);
		for (c = it->first; c != NULL; c = cx) {
			cx = c->next;
			if (c->type != DOC_BLOCKQUOTE)
				continue;
			t = S_take_quote(c);
			if (fb.len > 0 && t[0] != '\0')
				buf_putc(&fb, ' ');
			buf_puts(&fb, t);
			free(t);
		}
		free(it->title);
		it->title = fb.len > 0 ? xstrdup(buf_cstr(&fb)) : NULL;
		buf_reset(&label);
		quiz_plain(it->first, NULL, &label);
		if (label.len == 0)
			diag_add(dl, DIAG_QUIZ_EMPTY, path, it->line, it->col,
			    "the option");
	}
	if (nopt < 2)
		diag_add(dl, DIAG_QUIZ_OPTIONS, path, list->line, list->col);
	else if (nright == 0)
		diag_add(dl, DIAG_QUIZ_NO_RIGHT, path, list->line, list->col);
	buf_free(&fb);
	buf_free(&label);
}

/* The '=:' line of para: its first inline, or the one after a line
 * break; NULL when there is none. */
static struct doc_node *
S_answer_line(const struct doc_node *para)
{
	struct doc_node *c;

	for (c = para->first; c != NULL; c = c->next)
		if (c->type == DOC_TEXT && c->text != NULL &&
		    strncmp(c->text, "=:", 2) == 0 &&
		    (c->prev == NULL || c->prev->type == DOC_SOFTBREAK ||
		    c->prev->type == DOC_LINEBREAK))
			return c;
	return NULL;
}

/* Makes the '=:' line at c (in para) a short answer; returns its node. */
static struct doc_node *
S_short(struct doc_node *para, struct doc_node *c, const char *path,
    struct diag_list *dl)
{
	struct doc_node *ans, *x, *nx, *t;
	struct buf all = { 0 }, alts = { 0 };
	const char *s, *e, *bar;
	int line = para->line, col = para->col;

	/* the line's text, from after '=:' to the end of the paragraph */
	for (x = c; x != NULL; x = x->next)
		if (x->type == DOC_SOFTBREAK || x->type == DOC_LINEBREAK)
			buf_putc(&all, ' ');
		else if ((x->type == DOC_TEXT || x->type == DOC_CODE) &&
		    x->text != NULL)
			buf_puts(&all, x->text);
		else
			doc_plain_text(x, &all);
	if (c->prev != NULL) {
		/* the stem's lines stay a paragraph of their own */
		ans = doc_new(DOC_PARA, c->line ? c->line : para->line,
		    c->col ? c->col : para->col);
		line = ans->line, col = ans->col;
		for (x = c->prev; x != NULL && (x->type == DOC_SOFTBREAK ||
		    x->type == DOC_LINEBREAK); x = nx) {
			nx = x->prev;
			doc_unlink(x);
			doc_free(x);
		}
		for (x = c; x != NULL; x = nx) {
			nx = x->next;
			doc_unlink(x);
			doc_free(x);
		}
		/* after para */
		ans->parent = para->parent;
		ans->prev = para;
		ans->next = para->next;
		if (para->next != NULL)
			para->next->prev = ans;
		else
			para->parent->last = ans;
		para->next = ans;
	} else {
		ans = para;
		while ((x = ans->first) != NULL) {
			doc_unlink(x);
			doc_free(x);
		}
	}
	free(ans->info);
	ans->info = xstrdup("quiz-answer");
	for (s = buf_cstr(&all) + 2; ; s = bar + 1) {
		if ((bar = strchr(s, '|')) == NULL)
			bar = s + strlen(s);
		while (s < bar && (*s == ' ' || *s == '\t'))
			s++;
		for (e = bar; e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		if (e == s)
			diag_add(dl, DIAG_QUIZ_EMPTY, path, line, col,
			    "an answer after '=:'");
		else {
			if (alts.len > 0)
				buf_putc(&alts, '\n');
			buf_put(&alts, s, (size_t)(e - s));
		}
		if (*bar == '\0')
			break;
	}
	free(ans->title);
	ans->title = buf_detach(&alts);
	t = doc_new(DOC_TEXT, line, col);
	t->text = xstrdup(QUIZ_LINE);
	doc_append(ans, t);
	/* a quote right after it: the feedback for a right answer */
	if (ans->next != NULL && ans->next->type == DOC_BLOCKQUOTE)
		ans->url = S_take_quote(ans->next);
	buf_free(&all);
	return ans;
}

void
quiz_shape(struct doc_node *c, const char *path, struct diag_list *dl)
{
	struct doc_node *n, *nx, *stem = NULL, *a;
	int nq = 0;

	for (n = c->first; n != NULL; n = nx) {
		nx = n->next;
		if (S_is_options(n)) {
			if (stem == NULL)
				diag_add(dl, DIAG_QUIZ_NO_STEM, path, n->line,
				    n->col);
			S_choice(n, path, dl);
			stem = NULL;
			nq++;
		} else if (n->type == DOC_PARA && n->info == NULL &&
		    (a = S_answer_line(n)) != NULL) {
			if (stem == NULL && a->prev == NULL)
				diag_add(dl, DIAG_QUIZ_NO_STEM, path, n->line,
				    n->col);
			a = S_short(n, a, path, dl);
			nx = a->next;
			stem = NULL;
			nq++;
		} else if (stem == NULL)
			stem = n;
	}
	if (stem != NULL)
		diag_add(dl, DIAG_QUIZ_NO_ANSWER, path, stem->line, stem->col);
	else if (nq == 0)
		diag_add(dl, DIAG_QUIZ_NO_ANSWER, path, c->line, c->col);
}

/*** Reading back ***/

size_t
quiz_list(const struct doc_node *c, struct quiz_q **qs)
{
	const struct doc_node *n, *stem = NULL, *i;
	struct quiz_q *v = NULL;
	size_t nq = 0, right;

	for (n = c->first; n != NULL; n = n->next) {
		if (quiz_shown(n))
			continue;
		if (!S_is_options(n) && !S_is_answer(n)) {
			if (stem == NULL)
				stem = n;
			continue;
		}
		v = xrealloc(v, (nq + 1) * sizeof(*v));
		v[nq].stem = stem;
		v[nq].answer = n;
		v[nq].nopt = 0;
		right = 0;
		if (S_is_answer(n))
			v[nq].kind = QUIZ_SHORT;
		else {
			for (i = n->first; i != NULL; i = i->next)
				if (i->type == DOC_ITEM) {
					v[nq].nopt++;
					if (i->info != NULL &&
					    strcmp(i->info, "right") == 0)
						right++;
				}
			v[nq].kind = right > 1 ? QUIZ_MANY : QUIZ_ONE;
		}
		nq++;
		stem = NULL;
	}
	*qs = v;
	return nq;
}

/*** The teacher edition ***/

/* A paragraph of shown text, marked so the site leaves it out. */
static struct doc_node *
S_shown_para(const struct doc_node *at, const char *text, int strong)
{
	struct doc_node *p = doc_new(DOC_PARA, at->line, at->col);
	struct doc_node *w = doc_new(strong ? DOC_STRONG : DOC_EMPH,
	    at->line, at->col);
	struct doc_node *t = doc_new(DOC_TEXT, at->line, at->col);

	p->info = xstrdup("quiz-shown");
	t->text = xstrdup(text);
	doc_append(w, t);
	doc_append(p, w);
	return p;
}

static void
S_insert_after(struct doc_node *at, struct doc_node *n)
{
	n->parent = at->parent;
	n->prev = at;
	n->next = at->next;
	if (at->next != NULL)
		at->next->prev = n;
	else
		at->parent->last = n;
	at->next = n;
}

static void
S_reveal(struct doc_node *c)
{
	struct doc_node *n, *nx, *i, *x;
	struct buf b = { 0 };
	const char *s;

	for (n = c->first; n != NULL; n = nx) {
		nx = n->next;
		if (S_is_options(n)) {
			for (i = n->first; i != NULL; i = i->next) {
				if (i->info != NULL &&
				    strcmp(i->info, "right") == 0)
					i->level = 2;
				if (i->title != NULL)
					doc_append(i, S_shown_para(i,
					    i->title, 0));
			}
			/* paragraphs under the boxes: not a tight list */
			n->tight = 0;
		} else if (S_is_answer(n) && n->title != NULL) {
			while ((x = n->first) != NULL) {
				doc_unlink(x);
				doc_free(x);
			}
			buf_reset(&b);
			for (s = n->title; *s; s++)
				if (*s == '\n')
					buf_puts(&b, " | ");
				else
					buf_putc(&b, *s);
			x = S_shown_para(n, buf_cstr(&b), 1);
			/* its strong text becomes the answer paragraph's */
			i = x->first;
			doc_unlink(i);
			doc_append(n, i);
			doc_free(x);
			if (n->url != NULL) {
				x = S_shown_para(n, n->url, 0);
				S_insert_after(n, x);
				nx = x->next;
			}
		}
	}
	buf_free(&b);
}

void
quiz_reveal(struct doc_node *root)
{
	struct doc_node *n;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_CALLOUT && n->ckind == CALLOUT_VRAAG)
			S_reveal(n);
}

/*** Hashing ***/

void
quiz_norm(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	int space = 0;

	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	for (; p < e; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = 0;
		if (*p >= 'A' && *p <= 'Z')
			buf_putc(out, *p + 32);
		else if (*p == 0xC3 && p + 1 < e && p[1] >= 0x80 &&
		    p[1] <= 0x9E && p[1] != 0x97) {
			/* U+00C0..U+00DE: À..Þ, but × */
			buf_putc(out, 0xC3);
			buf_putc(out, *++p + 0x20);
		} else
			buf_putc(out, *p);
	}
}

void
quiz_sha256_hex(const char *s, size_t n, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, n, (const uint8_t *)s);
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void
quiz_seal(const char *key, const char *text, struct buf *out)
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	char num[24];
	size_t i, n = strlen(text);
	unsigned long j;

	for (i = 0, j = 0; i < n; i++) {
		if (i % SHA256_DIGEST_SIZE == 0) {
			snprintf(num, sizeof(num), ":%lu", j++);
			sha256_init(&ctx);
			sha256_update(&ctx, strlen(key), (const uint8_t *)key);
			sha256_update(&ctx, strlen(num), (const uint8_t *)num);
			sha256_digest(&ctx, sizeof(d), d);
		}
		buf_printf(out, "%02x", (unsigned char)text[i] ^
		    d[i % SHA256_DIGEST_SIZE]);
	}
}
