/* quiz_html — a vraag callout's questions as forms (see quiz_html.h). */
#include "quiz_html.h"
#include "esc.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

struct labels {
	const char	*check, *answer, *right, *wrong, *question;
};

static const struct labels S_nl = {
	"Controleer", "Antwoord", "Goed!", "Niet goed. Probeer het nog eens.",
	"Vraag"
};
static const struct labels S_en = {
	"Check", "Answer", "Right!", "Not right. Try again.", "Question"
};

static void
S_attr(struct buf *o, const char *name, const char *v)
{
	buf_printf(o, " %s=\"", name);
	esc_html(o, v, strlen(v));
	buf_putc(o, '"');
}

/* The salt: from what the question says and where, so the same page
 * gives the same bytes, and two questions never share their hashes. */
static void
S_salt(const char *qid, const struct quiz_q *q, char salt[17])
{
	struct buf b = { 0 };
	char h[65];

	buf_printf(&b, "salesgen-quiz 1\n%s\n", qid);
	quiz_plain(q->stem, q->answer, &b);
	buf_putc(&b, '\n');
	quiz_plain(q->answer, q->answer->next, &b);
	quiz_sha256_hex(b.data, b.len, h);
	memcpy(salt, h, 16);
	salt[16] = '\0';
	buf_free(&b);
}

static void
S_tag(const char *key, char tag[17])
{
	char h[65];

	quiz_sha256_hex(key, strlen(key), h);
	memcpy(tag, h, 16);
	tag[16] = '\0';
}

static void
S_options(const struct quiz_q *q, const char *qid, const char *salt,
    const struct html_opts *ho, const struct quiz_render *r, struct buf *o)
{
	const struct doc_node *it;
	struct buf key = { 0 }, seal = { 0 };
	char tag[17];
	int i = 0, right;

	buf_puts(o, "<div class=\"quiz-options\">\n");
	for (it = q->answer->first; it != NULL; it = it->next) {
		if (it->type != DOC_ITEM)
			continue;
		right = it->info != NULL && strcmp(it->info, "right") == 0;
		buf_reset(&key);
		buf_printf(&key, "%s:%d:%d", salt, i, right);
		S_tag(buf_cstr(&key), tag);
		buf_printf(o, "<div class=\"quiz-option\"><input type=\"%s\"",
		    q->kind == QUIZ_MANY ? "checkbox" : "radio");
		S_attr(o, "name", qid);
		buf_printf(o, " id=\"%s-%d\" value=\"%d\"", qid, i, i);
		S_attr(o, "data-t", tag);
		if (it->title != NULL) {
			buf_puts(&key, ":f");
			buf_reset(&seal);
			quiz_seal(buf_cstr(&key), it->title, &seal);
			S_attr(o, "data-f", buf_cstr(&seal));
		}
		buf_printf(o, "> <label for=\"%s-%d\">", qid, i);
		/* the option's own words; a tight item has no <p> */
		if (it->first != NULL && it->first->type == DOC_PARA)
			r->children(it->first, ho, o);
		buf_puts(o, "</label></div>\n");
		i++;
	}
	buf_puts(o, "</div>\n");
	buf_free(&key);
	buf_free(&seal);
}

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
S_short(const struct quiz_q *q, const char *qid, const char *salt,
    const struct labels *l, struct buf *o)
{
	const struct doc_node *a = q->answer;
	const char *s, *e;
	struct buf key = { 0 }, norm = { 0 }, v = { 0 };
	char tag[17];
	char **ent = NULL;
	size_t n = 0, i;

	for (s = a->title ? a->title : ""; *s; s = *e ? e + 1 : e) {
		if ((e = strchr(s, '\n')) == NULL)
			e = s + strlen(s);
		buf_reset(&norm);
		quiz_norm(s, (size_t)(e - s), &norm);
		buf_reset(&key);
		buf_printf(&key, "%s:%s", salt, buf_cstr(&norm));
		S_tag(buf_cstr(&key), tag);
		buf_reset(&v);
		buf_puts(&v, tag);
		if (a->url != NULL) {
			buf_putc(&v, '.');
			buf_puts(&key, ":f");
			quiz_seal(buf_cstr(&key), a->url, &v);
		}
		ent = xrealloc(ent, (n + 1) * sizeof(*ent));
		ent[n++] = xstrdup(buf_cstr(&v));
	}
	/* in hash order: the order the teacher wrote them says nothing */
	if (n > 1)
		qsort(ent, n, sizeof(*ent), S_cmp);
	buf_reset(&v);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&v, ' ');
		buf_puts(&v, ent[i]);
		free(ent[i]);
	}
	free(ent);
	buf_printf(o, "<p class=\"quiz-short\"><label for=\"%s-a\">", qid);
	esc_html(o, l->answer, strlen(l->answer));
	buf_printf(o, "</label> <input type=\"text\" id=\"%s-a\" "
	    "autocomplete=\"off\" spellcheck=\"false\"", qid);
	S_attr(o, "data-a", buf_cstr(&v));
	buf_puts(o, "></p>\n");
	buf_free(&key);
	buf_free(&norm);
	buf_free(&v);
}

void
quiz_html(const struct doc_node *c, const struct html_opts *ho,
    const struct quiz_render *r, struct buf *o)
{
	const struct labels *l = ho->lang != NULL &&
	    strcmp(ho->lang, "en") == 0 ? &S_en : &S_nl;
	struct quiz_q *qs;
	size_t nq, k;
	const struct doc_node *stem;
	struct buf qid = { 0 };
	char salt[17];

	nq = quiz_list(c, &qs);
	for (k = 0; k < nq; k++) {
		buf_reset(&qid);
		buf_printf(&qid, "%s-%zu", c->id != NULL ? c->id : "vraag",
		    k + 1);
		S_salt(buf_cstr(&qid), &qs[k], salt);
		buf_printf(o, "<form class=\"quiz\" data-kind=\"%s\" "
		    "data-salt=\"%s\"", qs[k].kind == QUIZ_SHORT ? "short" :
		    qs[k].kind == QUIZ_MANY ? "many" : "one", salt);
		S_attr(o, "data-right", l->right);
		S_attr(o, "data-wrong", l->wrong);
		buf_puts(o, ">\n<fieldset>\n<legend>");
		/* the question's first paragraph is its legend, which a
		 * screen reader says with every control of the set */
		stem = qs[k].stem;
		if (stem != NULL && stem->type == DOC_PARA) {
			r->children(stem, ho, o);
			stem = stem->next;
		} else
			buf_printf(o, "%s %zu", l->question, k + 1);
		buf_puts(o, "</legend>\n");
		if (stem != NULL && stem != qs[k].answer)
			r->blocks(stem, qs[k].answer, ho, o);
		if (qs[k].kind == QUIZ_SHORT)
			S_short(&qs[k], buf_cstr(&qid), salt, l, o);
		else
			S_options(&qs[k], buf_cstr(&qid), salt, ho, r, o);
		buf_puts(o, "<p class=\"quiz-actions\"><button type=\"submit\">");
		esc_html(o, l->check, strlen(l->check));
		buf_puts(o, "</button></p>\n<div class=\"quiz-feedback\" "
		    "role=\"status\" aria-live=\"polite\"></div>\n"
		    "</fieldset>\n</form>\n");
	}
	free(qs);
	buf_free(&qid);
}
