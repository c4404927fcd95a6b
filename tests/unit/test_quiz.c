/*
 * test_quiz — self-test questions (quiz.h): the hash, seal and answer
 * folding that templates/site/quiz.js must match, and the shape md_parse
 * gives a vraag callout.  One PASS or FAIL line per test; exit status 1
 * if any failed.
 */
#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "md.h"
#include "pass.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void
S_check(const char *name, int ok, const char *got, const char *want)
{
	printf("%s quiz: %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok) {
		failed++;
		printf("  got  '%s'\n  want '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
	}
}

static void
S_str(const char *name, const char *got, const char *want)
{
	S_check(name, got != NULL && strcmp(got, want) == 0, got, want);
}

static void
t_hash(void)
{
	char h[65];
	struct buf b = { 0 };

	quiz_sha256_hex("abc", 3, h);
	S_str("sha256 of abc (FIPS 180-4 example)", h,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* 'h' ^ and 'i' ^ the first two bytes of SHA-256("k:0") */
	quiz_seal("k", "hi", &b);
	S_str("seal: text XOR SHA-256(key \":\" j)", buf_cstr(&b), "1c74");
	buf_reset(&b);
	quiz_norm("  Één \t  EURO\n", strlen("  Één \t  EURO\n"), &b);
	S_str("norm: Latin-1 capitals folded, spaces made one", buf_cstr(&b),
	    "één euro");
	buf_reset(&b);
	quiz_norm("A×B ÞŸ", strlen("A×B ÞŸ"), &b);
	S_str("norm: × and letters past U+00DE stay", buf_cstr(&b), "a×b þŸ");
	buf_free(&b);
}

static struct doc_node *
S_parse(const char *src, struct diag_list *dl)
{
	struct md_opts o = { 0 };
	struct md_meta meta;
	struct doc_node *root;

	root = md_parse(src, strlen(src), "t.md", &o, &meta, dl);
	md_meta_clear(&meta);
	return root;
}

static void
t_shape(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root, *c, *it;
	struct quiz_q *qs = NULL;
	size_t nq;
	char buf[128];

	root = S_parse("> [!vraag]\n> Welke?\n>\n> - [ ] a\n>   > nee\n"
	    "> - [x] b\n>\n> Hoeveel?\n> =: 3 | drie\n>\n> > ja\n", dl);
	c = root->first;
	nq = quiz_list(c, &qs);
	snprintf(buf, sizeof(buf), "%zu questions, %zu diagnostics", nq,
	    dl->n);
	S_str("two questions, no diagnostics", buf,
	    "2 questions, 0 diagnostics");
	if (nq == 2) {
		S_check("one right option: QUIZ_ONE", qs[0].kind == QUIZ_ONE,
		    NULL, NULL);
		it = qs[0].answer->first;
		S_str("option a is wrong", it->info, "wrong");
		S_str("option a's feedback, its quote removed", it->title,
		    "nee");
		S_check("every box empty in print", it->level == 1 &&
		    it->next->level == 1 && it->first->next == NULL, NULL,
		    NULL);
		S_str("short answer's alternatives", qs[1].answer->title,
		    "3\ndrie");
		S_str("short answer's feedback", qs[1].answer->url, "ja");
		S_str("the stem of the second split off its '=:' line",
		    qs[1].stem->first->text, "Hoeveel?");
	}
	free(qs);
	pass_edition(root, EDITION_TEACHER);
	it = root->first->first->next->first;
	S_check("teacher edition ticks the right option",
	    it->level == 1 && it->next->level == 2, NULL, NULL);
	nq = quiz_list(root->first, &qs);
	S_check("teacher edition keeps two questions for the site", nq == 2,
	    NULL, NULL);
	free(qs);
	doc_free(root);
	diag_list_free(dl);
}

int
main(void)
{
	t_hash();
	t_shape();
	return failed ? 1 : 0;
}
