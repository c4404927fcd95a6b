/*
 * test_pass — the passes over a document tree (numbering and anchors,
 * glossary collation, editions, cross-references), the escaping functions
 * that feed them, callout kinds, and freeing hostile trees.  One PASS or
 * FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "course.h"
#include "diag.h"
#include "doc.h"
#include "esc.h"
#include "html.h"
#include "md.h"
#include "mem.h"
#include "pass.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Prints the verdict; on failure the reasons and the diagnostics. */
static void
S_verdict(const char *name, const struct buf *why,
    const struct diag_list *dl)
{
	check_verdict("pass", name, why->len == 0, buf_cstr(why));
	if (why->len > 0)
		check_diags(dl);
}

/* Records a failed check in why. */
static void
S_check(struct buf *why, int ok, const char *what)
{
	if (!ok)
		buf_printf(why, "  %s\n", what);
}

/* Compares strings (NULL is a value of its own). */
static void
S_eq(struct buf *why, const char *what, const char *got, const char *want)
{
	if (got == NULL && want == NULL)
		return;
	if (got != NULL && want != NULL && strcmp(got, want) == 0)
		return;
	buf_printf(why, "  %s: expected %s%s%s, got %s%s%s\n", what,
	    want ? "\"" : "", want ? want : "NULL", want ? "\"" : "",
	    got ? "\"" : "", got ? got : "NULL", got ? "\"" : "");
}

static void
S_eq_int(struct buf *why, const char *what, long got, long want)
{
	if (got != want)
		buf_printf(why, "  %s: expected %ld, got %ld\n", what, want,
		    got);
}

static struct doc_node *
S_parse(const char *src, int raw_html, struct diag_list *dl)
{
	struct md_opts o = { raw_html };
	struct md_meta meta;
	struct doc_node *root;

	root = md_parse(src, strlen(src), "t.md", &o, &meta, dl);
	md_meta_clear(&meta);
	return root;
}

/* The k-th (0-based) node of type t in document order. */
static struct doc_node *
S_nth(struct doc_node *root, enum doc_type t, int k)
{
	struct doc_node *n;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == t && k-- == 0)
			return n;
	return NULL;
}

static size_t
S_count(struct doc_node *root, enum doc_type t)
{
	struct doc_node *n;
	size_t k = 0;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == t)
			k++;
	return k;
}

static const char *
S_num(struct doc_node *n)
{
	return n ? n->number : "<missing node>";
}

static const char *
S_id(struct doc_node *n)
{
	return n ? n->id : "<missing node>";
}

static void
S_chapter_free(struct chapter *ch)
{
	size_t j;

	for (j = 0; j < ch->ntoc; j++) {
		free(ch->toc[j].number);
		free(ch->toc[j].title);
		free(ch->toc[j].id);
	}
	free(ch->toc);
	for (j = 0; j < ch->nanchors; j++)
		free(ch->anchors[j]);
	free(ch->anchors);
	free(ch->title);
	memset(ch, 0, sizeof(*ch));
}

/*** Numbering ***/

static const char S_headings[] =
    "# Klant centraal\n\n"
    "Inleiding.\n\n"
    "## De klant\n\n"
    "### Wie is de klant?\n\n"
    "### Behoeften\n\n"
    "#### Diep\n\n"
    "## Het gesprek\n\n"
    "### Vragen stellen\n";

static void
t_number_chapter(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(S_headings, 0, dl);
	struct buf why = { 0 };

	pass_number(root, 3, NULL);
	S_eq(&why, "h1", S_num(S_nth(root, DOC_HEADING, 0)), "3");
	S_eq(&why, "first h2", S_num(S_nth(root, DOC_HEADING, 1)), "3.1");
	S_eq(&why, "first h3", S_num(S_nth(root, DOC_HEADING, 2)), "3.1.1");
	S_eq(&why, "second h3", S_num(S_nth(root, DOC_HEADING, 3)), "3.1.2");
	S_eq(&why, "h4", S_num(S_nth(root, DOC_HEADING, 4)), NULL);
	S_eq(&why, "second h2", S_num(S_nth(root, DOC_HEADING, 5)), "3.2");
	S_eq(&why, "h3 after second h2", S_num(S_nth(root, DOC_HEADING, 6)),
	    "3.2.1");
	S_verdict("number: chapter 3 headings 3, 3.1, 3.1.1, 3.2", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_number_standalone(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "# Offerte\n\n## Aanleiding\n\n### Context\n\n## Voorstel\n\n"
	    "# Bijlage\n", 0, dl);
	struct buf why = { 0 };

	pass_number(root, 0, NULL);
	S_eq(&why, "title h1", S_num(S_nth(root, DOC_HEADING, 0)), NULL);
	S_eq(&why, "first h2", S_num(S_nth(root, DOC_HEADING, 1)), "1");
	S_eq(&why, "h3", S_num(S_nth(root, DOC_HEADING, 2)), "1.1");
	S_eq(&why, "second h2", S_num(S_nth(root, DOC_HEADING, 3)), "2");
	S_eq(&why, "second h1 counts as a section",
	    S_num(S_nth(root, DOC_HEADING, 4)), "3");
	S_eq(&why, "title id", S_id(S_nth(root, DOC_HEADING, 0)), "offerte");
	S_verdict("number: standalone, title unnumbered, then 1, 1.1, 2", &why,
	    dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_number_ids(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "# Intro\n\n## Intro\n\n## Intro\n\n## Intro 1\n\n"
	    "## Wat kost het? (€ 1.000,-)\n\n"
	    "## Klant–leverancier “relatie”\n\n"
	    "## snake_case and-dash\n\n"
	    "## `code` *nadruk* [link](x.md)\n\n"
	    "## !!!\n\n## ???\n", 0, dl);
	struct buf why = { 0 };

	pass_number(root, 1, NULL);
	S_eq(&why, "first", S_id(S_nth(root, DOC_HEADING, 0)), "intro");
	S_eq(&why, "second", S_id(S_nth(root, DOC_HEADING, 1)), "intro-1");
	S_eq(&why, "third", S_id(S_nth(root, DOC_HEADING, 2)), "intro-2");
	/* "Intro 1" slugs to intro-1, which is taken: it must not clash. */
	S_eq(&why, "'Intro 1' after two duplicates",
	    S_id(S_nth(root, DOC_HEADING, 3)), "intro-1-1");
	S_eq(&why, "punctuation and euro dropped",
	    S_id(S_nth(root, DOC_HEADING, 4)), "wat-kost-het--1000-");
	S_eq(&why, "en dash and curly quotes dropped",
	    S_id(S_nth(root, DOC_HEADING, 5)), "klantleverancier-relatie");
	S_eq(&why, "underscore and hyphen kept",
	    S_id(S_nth(root, DOC_HEADING, 6)), "snake_case-and-dash");
	S_eq(&why, "inline markup: its text only",
	    S_id(S_nth(root, DOC_HEADING, 7)), "code-nadruk-link");
	S_eq(&why, "nothing left: fallback", S_id(S_nth(root, DOC_HEADING, 8)),
	    "sectie");
	S_eq(&why, "fallback deduplicated", S_id(S_nth(root, DOC_HEADING, 9)),
	    "sectie-1");
	S_verdict("number: GitHub slugs, duplicates get -1, -2", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_slug_accents(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "Één klant", "één-klant" },
		{ "ÀÉÎÕÜ Ç Ñ", "àéîõü-ç-ñ" },
		{ "Überzeugen Ø", "überzeugen-ø" },
		{ "café crème", "café-crème" },
		{ "Straße", "straße" },
		{ "ĲSSELMONDE Ωmega", "ĳsselmonde-ωmega" },
	};
	struct buf why = { 0 }, b = { 0 };
	const unsigned char *p;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		pass_slug(cases[i].in, &b);
		/* Sane: no ASCII capitals, spaces or punctuation but - _. */
		for (p = (const unsigned char *)buf_cstr(&b); *p; p++)
			if ((*p >= 'A' && *p <= 'Z') || *p == ' ' ||
			    (*p < 0x80 && *p != '-' && *p != '_' &&
			    !(*p >= 'a' && *p <= 'z') &&
			    !(*p >= '0' && *p <= '9'))) {
				buf_printf(&why, "  slug of \"%s\" = \"%s\" has "
				    "byte 0x%02x\n", cases[i].in, buf_cstr(&b),
				    *p);
				break;
			}
		if (i < 5)
			S_eq(&why, cases[i].in, buf_cstr(&b), cases[i].want);
	}
	buf_free(&b);
	S_verdict("slug: accents kept, Latin-1 capitals folded (\"Één klant\" "
	    "-> \"één-klant\")", &why, NULL);
	buf_free(&why);
}

/* "punctuation dropped" (pass.h) holds for ASCII, the dashes, the curly
 * quotes and the euro sign, but not for the rest of Latin-1's signs:
 * GitHub drops × « » ¿ ¡ © ® ° · § ¶, pass_slug() keeps them, so a
 * link written for GitHub ("#prijs-incl-btw") misses "Prijs «incl. btw»". */
static void
t_slug_latin1_punct(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "Prijs «incl. btw»", "prijs-incl-btw" },
		{ "¿Qué? ¡Sí!", "qué-sí" },
		{ "3 × 4", "3--4" },
		{ "Merk® © 2024", "merk--2024" },
		{ "Middag·pauze § 2 ¶", "middagpauze--2-" },
		{ "Temperatuur 20°", "temperatuur-20" },
	};
	struct buf why = { 0 }, b = { 0 };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		pass_slug(cases[i].in, &b);
		S_eq(&why, cases[i].in, buf_cstr(&b), cases[i].want);
	}
	buf_free(&b);
	S_verdict("slug: Latin-1 punctuation and signs (« » ¿ ¡ × © ° · §) "
	    "dropped as GitHub does", &why, NULL);
	buf_free(&why);
}

/* Non-Latin-1 capitals (Ĳ, Ω) are not folded: GitHub would fold them, so a
 * link written for GitHub to "#ĳsselmonde" misses.  Reported, not fixed
 * here; the test records the current behaviour so a change is noticed. */
static void
t_slug_beyond_latin1(void)
{
	struct buf why = { 0 }, b = { 0 };

	pass_slug("Ωmega", &b);
	S_check(&why, strcmp(buf_cstr(&b), "Ωmega") == 0 ||
	    strcmp(buf_cstr(&b), "ωmega") == 0, "Ωmega slugs to itself or "
	    "folded");
	buf_reset(&b);
	pass_slug("Ĳzer", &b);
	S_check(&why, strcmp(buf_cstr(&b), "Ĳzer") == 0 ||
	    strcmp(buf_cstr(&b), "ĳzer") == 0, "Ĳzer keeps its letters");
	buf_free(&b);
	S_verdict("slug: letters beyond Latin-1 kept", &why, NULL);
	buf_free(&why);
}

static void
t_number_tables_figures(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "# Targets\n\n"
	    "| Kwartaal | Omzet |\n|---|--:|\n| Q1 | 10 |\n\n"
	    "Tabel: Omzet per kwartaal\n\n"
	    "![Trechter](img/funnel.png)\n\n"
	    "Tekst met ![inline](x.png) beeld.\n\n"
	    "| A |\n|---|\n| b |\n\n"
	    "![Tweede](img/twee.png \"Titel\")\n", 0, dl);
	struct doc_node *t1, *t2, *f1, *f2, *cap;
	struct buf why = { 0 }, txt = { 0 };

	pass_number(root, 3, NULL);
	t1 = S_nth(root, DOC_TABLE, 0);
	t2 = S_nth(root, DOC_TABLE, 1);
	f1 = S_nth(root, DOC_FIGURE, 0);
	f2 = S_nth(root, DOC_FIGURE, 1);
	S_eq(&why, "table 1", S_num(t1), "3.1");
	S_eq(&why, "table 2", S_num(t2), "3.2");
	S_eq(&why, "table 1 id", S_id(t1), "tabel-3.1");
	S_eq(&why, "table 2 id", S_id(t2), "tabel-3.2");
	S_eq(&why, "figure 1", S_num(f1), "3.1");
	S_eq(&why, "figure 2", S_num(f2), "3.2");
	S_eq(&why, "figure 1 id", S_id(f1), "figuur-3.1");
	S_eq(&why, "figure 2 id", S_id(f2), "figuur-3.2");
	S_eq_int(&why, "figures (inline image is none)",
	    (long)S_count(root, DOC_FIGURE), 2);
	cap = t1 ? t1->last : NULL;
	S_check(&why, cap != NULL && cap->type == DOC_PARA && cap->level == 1,
	    "table 1 has a caption paragraph");
	if (cap != NULL && cap->type == DOC_PARA)
		doc_plain_text(cap, &txt);
	S_eq(&why, "caption text", buf_cstr(&txt), "Omzet per kwartaal");
	S_eq(&why, "table 1 alignment", t1 && t1->align ? t1->align : NULL,
	    " r");
	buf_free(&txt);
	S_verdict("number: tables 3.1, 3.2 and figures, with captions", &why,
	    dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_number_callouts(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "# Waardepropositie\n\n"
	    "> [!antwoord]\n> Een antwoord zonder opdracht.\n\n"
	    "> [!opdracht] Klantprofiel\n> Maak een profiel.\n\n"
	    "> [!antwoord]\n> Het profiel.\n\n"
	    "> [!definitie] Customer Lifetime Value\n> De waarde.\n\n"
	    "> [!definitie] Één-op-één\n> Persoonlijk.\n\n"
	    "> [!opdracht]\n> Tweede.\n\n"
	    "> [!tip] Eerste tip\n> a\n\n"
	    "> [!tip]\n> b\n\n"
	    "> [!Exercise] English\n> c\n\n"
	    "> [!solution]\n> d\n\n"
	    "> [!let-op]\n> e\n\n"
	    "> [!voorbeeld] Een *mooi* `CRM`-voorbeeld\n> f\n\n"
	    "> [!definitie]\n> Geen term.\n", 0, dl);
	struct doc_node *c;
	struct buf why = { 0 };
	static const struct {
		enum callout_kind kind;
		const char *num, *id, *title;
	} want[] = {
		{ CALLOUT_ANTWOORD, NULL, "antwoord", NULL },
		{ CALLOUT_OPDRACHT, "2.1", "opdracht-2.1", "Klantprofiel" },
		{ CALLOUT_ANTWOORD, "2.1", "antwoord-2.1", NULL },
		{ CALLOUT_DEFINITIE, NULL, "def-customer-lifetime-value",
		    "Customer Lifetime Value" },
		{ CALLOUT_DEFINITIE, NULL, "def-één-op-één", "Één-op-één" },
		{ CALLOUT_OPDRACHT, "2.2", "opdracht-2.2", NULL },
		{ CALLOUT_TIP, NULL, "tip", "Eerste tip" },
		{ CALLOUT_TIP, NULL, "tip-1", NULL },
		{ CALLOUT_OPDRACHT, "2.3", "opdracht-2.3", "English" },
		{ CALLOUT_ANTWOORD, "2.3", "antwoord-2.3", NULL },
		{ CALLOUT_LETOP, NULL, "let-op", NULL },
		{ CALLOUT_VOORBEELD, NULL, "voorbeeld",
		    "Een mooi CRM-voorbeeld" },
		{ CALLOUT_DEFINITIE, NULL, "definitie", NULL },
	};
	size_t i, n = sizeof(want) / sizeof(want[0]);
	char what[64];

	pass_number(root, 2, NULL);
	S_eq_int(&why, "callouts", (long)S_count(root, DOC_CALLOUT), (long)n);
	for (i = 0; i < n; i++) {
		if ((c = S_nth(root, DOC_CALLOUT, (int)i)) == NULL)
			break;
		snprintf(what, sizeof(what), "callout %zu kind", i + 1);
		S_eq_int(&why, what, c->ckind, want[i].kind);
		snprintf(what, sizeof(what), "callout %zu number", i + 1);
		S_eq(&why, what, c->number, want[i].num);
		snprintf(what, sizeof(what), "callout %zu id", i + 1);
		S_eq(&why, what, c->id, want[i].id);
		snprintf(what, sizeof(what), "callout %zu title", i + 1);
		S_eq(&why, what, c->text, want[i].title);
	}
	/* The marker line is gone from the body. */
	c = S_nth(root, DOC_CALLOUT, 1);
	S_check(&why, c != NULL && c->first != NULL &&
	    c->first->type == DOC_PARA && c->first->first != NULL &&
	    c->first->first->type == DOC_TEXT &&
	    strcmp(c->first->first->text, "Maak een profiel.") == 0,
	    "opdracht body starts at the line after the marker");
	/* Only the definition without a term is reported (by md_parse). */
	S_eq_int(&why, "diagnostics", (long)dl->n, 1);
	if (dl->n == 1) {
		S_eq_int(&why, "diagnostic code", dl->v[0].code,
		    DIAG_DEF_NO_TERM);
		S_eq_int(&why, "diagnostic line", dl->v[0].line, 39);
	}
	S_verdict("number: opdracht n.k, antwoord takes its number, def-<slug> "
	    "ids", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_number_callout_unknown(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "# T\n\n> [!defintie] Typo\n> Tekst.\n\n> Gewoon citaat.\n", 0, dl);
	struct buf why = { 0 };

	S_eq_int(&why, "callouts", (long)S_count(root, DOC_CALLOUT), 0);
	S_eq_int(&why, "blockquotes", (long)S_count(root, DOC_BLOCKQUOTE), 2);
	S_eq_int(&why, "diagnostics", (long)dl->n, 1);
	if (dl->n >= 1) {
		S_eq_int(&why, "code", dl->v[0].code, DIAG_CALLOUT_KIND);
		S_eq_int(&why, "line", dl->v[0].line, 3);
		S_eq_int(&why, "col", dl->v[0].col, 3);
		S_check(&why, strstr(dl->v[0].msg, "'defintie'") != NULL,
		    "message names the kind");
	}
	S_verdict("md: unknown callout kind is an error and stays a quote",
	    &why, NULL);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_number_toc(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(S_headings, 0, dl);
	struct chapter ch;
	struct buf why = { 0 };
	static const struct {
		int level;
		const char *num, *title, *id;
	} want[] = {
		{ 1, "3", "Klant centraal", "klant-centraal" },
		{ 2, "3.1", "De klant", "de-klant" },
		{ 3, "3.1.1", "Wie is de klant?", "wie-is-de-klant" },
		{ 3, "3.1.2", "Behoeften", "behoeften" },
		{ 2, "3.2", "Het gesprek", "het-gesprek" },
		{ 3, "3.2.1", "Vragen stellen", "vragen-stellen" },
	};
	static const char *anchors[] = { "behoeften", "de-klant", "diep",
	    "het-gesprek", "klant-centraal", "vragen-stellen",
	    "wie-is-de-klant" };
	size_t i, n = sizeof(want) / sizeof(want[0]);
	char what[64];

	memset(&ch, 0, sizeof(ch));
	pass_number(root, 3, &ch);
	S_eq(&why, "chapter title", ch.title, "Klant centraal");
	S_eq_int(&why, "toc entries (h4 left out)", (long)ch.ntoc, (long)n);
	for (i = 0; i < n && i < ch.ntoc; i++) {
		snprintf(what, sizeof(what), "toc %zu level", i);
		S_eq_int(&why, what, ch.toc[i].level, want[i].level);
		snprintf(what, sizeof(what), "toc %zu number", i);
		S_eq(&why, what, ch.toc[i].number, want[i].num);
		snprintf(what, sizeof(what), "toc %zu title", i);
		S_eq(&why, what, ch.toc[i].title, want[i].title);
		snprintf(what, sizeof(what), "toc %zu id", i);
		S_eq(&why, what, ch.toc[i].id, want[i].id);
	}
	S_eq_int(&why, "anchors", (long)ch.nanchors,
	    (long)(sizeof(anchors) / sizeof(anchors[0])));
	for (i = 0; i < ch.nanchors && i < sizeof(anchors) /
	    sizeof(anchors[0]); i++) {
		snprintf(what, sizeof(what), "anchor %zu", i);
		S_eq(&why, what, ch.anchors[i], anchors[i]);
	}
	S_chapter_free(&ch);

	/* A preset title is kept; every id lands in the sorted anchors. */
	doc_free(root);
	root = S_parse("# Kop\n\n| a |\n|---|\n| b |\n\n![f](f.png)\n\n"
	    "> [!opdracht]\n> x\n\n> [!definitie] CLV\n> y\n", 0, dl);
	memset(&ch, 0, sizeof(ch));
	ch.title = xstrdup("Uit front matter");
	pass_number(root, 7, &ch);
	S_eq(&why, "preset title", ch.title, "Uit front matter");
	S_eq_int(&why, "anchors of all kinds", (long)ch.nanchors, 5);
	if (ch.nanchors == 5) {
		S_eq(&why, "anchor 0", ch.anchors[0], "def-clv");
		S_eq(&why, "anchor 1", ch.anchors[1], "figuur-7.1");
		S_eq(&why, "anchor 2", ch.anchors[2], "kop");
		S_eq(&why, "anchor 3", ch.anchors[3], "opdracht-7.1");
		S_eq(&why, "anchor 4", ch.anchors[4], "tabel-7.1");
	}
	for (i = 1; i < ch.nanchors; i++)
		S_check(&why, strcmp(ch.anchors[i - 1], ch.anchors[i]) < 0,
		    "anchors sorted and unique");
	S_chapter_free(&ch);
	S_verdict("number: chapter toc, title and sorted anchors", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

/* Many identical headings: ids stay unique.  (How long it takes for
 * 100,000 of them is measured by tests/patho.sh.) */
static void
t_number_many_dups(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf src = { 0 }, why = { 0 };
	struct doc_node *root, *n;
	struct chapter ch;
	size_t i, k = 0;

	for (i = 0; i < 1000; i++)
		buf_puts(&src, "## Zelfde\n\n");
	root = S_parse(buf_cstr(&src), 0, dl);
	memset(&ch, 0, sizeof(ch));
	pass_number(root, 1, &ch);
	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_HEADING) {
			char want[32];

			if (k == 0)
				snprintf(want, sizeof(want), "zelfde");
			else
				snprintf(want, sizeof(want), "zelfde-%zu", k);
			if (n->id == NULL || strcmp(n->id, want) != 0) {
				buf_printf(&why, "  heading %zu: id %s, want "
				    "%s\n", k, n->id ? n->id : "NULL", want);
				break;
			}
			k++;
		}
	S_eq_int(&why, "headings", (long)k, 1000);
	S_eq_int(&why, "anchors", (long)ch.nanchors, 1000);
	for (i = 1; i < ch.nanchors; i++)
		if (strcmp(ch.anchors[i - 1], ch.anchors[i]) >= 0) {
			S_check(&why, 0, "anchors sorted and unique");
			break;
		}
	S_chapter_free(&ch);
	S_verdict("number: 1,000 identical headings get unique ids", &why, dl);
	buf_free(&why);
	buf_free(&src);
	doc_free(root);
	diag_list_free(dl);
}

/*** Glossary ***/

static void
t_gloss_key(void)
{
	static const struct {
		const char *a, *b;
		int want;	/* sign of strcmp(key(a), key(b)) */
	} cases[] = {
		{ "Één", "een", 0 },
		{ "e-mail", "email", 0 },
		{ "E-Mail", "email", 0 },
		{ "Account plan", "accountplan", 0 },
		{ "CRM", "crm", 0 },
		{ "café", "cafe", 0 },
		{ "Ærø", "aero", 0 },
		{ "Straße", "strasse", 0 },
		{ "ijzer", "ihk", 1 },
		{ "ijzer", "ik", -1 },
		{ "IJsberg", "ijsberg", 0 },
		{ "ijsberg", "index", -1 },
		{ "ijsberg", "iets", 1 },
		{ "2e gesprek", "aanbod", -1 },
		{ "e-mail", "eMail", 0 },
		{ "9", "a", -1 },
		{ "B2B", "Bedrijf", -1 },	/* '2' before 'e' */
		{ "zakelijk", "Één", 1 },
		{ "(Pre)sales", "presales", 0 },
		{ "“Quote”", "quote", 1 },	/* not Latin-1: kept, after */
		{ "ü", "u", 0 },
		{ "Ø", "o", 0 },
		{ "3×4", "34", 0 },		/* × is not a letter */
	};
	struct buf why = { 0 };
	char *ka, *kb;
	size_t i;
	int r;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ka = pass_gloss_key(cases[i].a);
		kb = pass_gloss_key(cases[i].b);
		r = strcmp(ka, kb);
		r = r < 0 ? -1 : r > 0;
		if (r != cases[i].want)
			buf_printf(&why, "  key(\"%s\") = \"%s\" vs key(\"%s\") "
			    "= \"%s\": expected %s\n", cases[i].a, ka,
			    cases[i].b, kb, cases[i].want < 0 ? "before" :
			    cases[i].want > 0 ? "after" : "equal");
		free(ka);
		free(kb);
	}
	ka = pass_gloss_key("");
	S_eq(&why, "empty term", ka, "");
	free(ka);
	ka = pass_gloss_key("Één-op-één");
	S_eq(&why, "Één-op-één", ka, "eenopeen");
	free(ka);
	S_verdict("gloss: Dutch collation key (case, accents, punctuation; "
	    "ij = i+j; digits first)", &why, NULL);
	buf_free(&why);
}

static void
S_gloss_add(struct course *c, const char *term)
{
	struct gloss_entry *e;

	c->gloss = xrealloc(c->gloss, (c->ngloss + 1) * sizeof(*c->gloss));
	e = &c->gloss[c->ngloss++];
	memset(e, 0, sizeof(*e));
	e->term = xstrdup(term);
	e->key = pass_gloss_key(term);
	e->text = xstrdup("");
	e->id = xstrdup("x");
	e->file = xstrdup("x.md");
}

static void
t_gloss_sort(void)
{
	/* Equal keys fall back to the bytes of the term: capitals and
	 * punctuation decide ("CRM" < "crm", "Email" < "e-mail"). */
	static const char *in[] = { "Zakelijk", "accountplan", "Één-op-één",
	    "Customer lifetime value", "CLV", "ijsberg", "Index", "crm",
	    "CRM", "e-mail", "Email", "IJzer", "ihk", "ik", "24/7",
	    "Accountmanager", "één", "Zakelijke markt" };
	static const char *want[] = { "24/7", "Accountmanager", "accountplan",
	    "CLV", "CRM", "crm", "Customer lifetime value", "één",
	    "Één-op-één", "Email", "e-mail", "ihk", "ijsberg", "IJzer", "ik",
	    "Index", "Zakelijk", "Zakelijke markt" };
	struct course *c = xcalloc(1, sizeof(*c));
	struct buf why = { 0 }, got = { 0 }, exp = { 0 };
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		S_gloss_add(c, in[i]);
	pass_gloss_sort(c);
	for (i = 0; i < c->ngloss; i++)
		buf_printf(&got, "%s%s", i ? " | " : "", c->gloss[i].term);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		buf_printf(&exp, "%s%s", i ? " | " : "", want[i]);
	S_eq(&why, "order", buf_cstr(&got), buf_cstr(&exp));
	buf_free(&got);
	buf_free(&exp);
	S_verdict("gloss: sort order (Van Dale style)", &why, NULL);
	buf_free(&why);
	course_free(c);
}

/* A course of two chapters built by hand, each parsed and numbered. */
static void
S_course_chapter(struct course *c, const char *path)
{
	struct chapter *ch;

	c->ch = xrealloc(c->ch, (c->nch + 1) * sizeof(*c->ch));
	ch = &c->ch[c->nch++];
	memset(ch, 0, sizeof(*ch));
	ch->path = xstrdup(path);
	ch->file = xstrdup(strrchr(path, '/') + 1);
	ch->slug = xstrndup(ch->file, strlen(ch->file) - 3);
	ch->number = (int)c->nch;
}

static void
t_gloss_collect(void)
{
	static const char *src[2] = {
	    "# Een\n\n> [!definitie] CLV\n> Customer lifetime value: de "
	    "*totale* waarde.\n>\n> Tweede alinea.\n\n"
	    "> [!definitie] Accountplan\n> Plan per klant.\n",
	    "# Twee\n\nTekst.\n\n> [!definitie] Lead\n> Een kans.\n\n"
	    "> [!definitie] CLV\n> Nog eens.\n\n> [!definitie]\n> Zonder term.\n"
	};
	struct diag_list *dl = diag_list_new();
	struct course *c = xcalloc(1, sizeof(*c));
	struct doc_node *root;
	struct buf why = { 0 };
	size_t i, dup = 0, noterm = 0;

	S_course_chapter(c, "content/01-een.md");
	S_course_chapter(c, "content/02-twee.md");
	for (i = 0; i < 2; i++) {
		root = S_parse(src[i], 0, dl);
		pass_number(root, (int)i + 1, &c->ch[i]);
		pass_gloss_collect(root, c, i, dl);
		doc_free(root);
	}
	pass_gloss_sort(c);
	S_eq_int(&why, "terms", (long)c->ngloss, 3);
	if (c->ngloss == 3) {
		S_eq(&why, "term 0", c->gloss[0].term, "Accountplan");
		S_eq(&why, "term 1", c->gloss[1].term, "CLV");
		S_eq(&why, "term 2", c->gloss[2].term, "Lead");
		S_eq(&why, "CLV text (first paragraph, plain)", c->gloss[1].text,
		    "Customer lifetime value: de totale waarde.");
		S_eq_int(&why, "CLV chapter", (long)c->gloss[1].chapter, 0);
		S_eq(&why, "CLV id", c->gloss[1].id, "def-clv");
		S_eq(&why, "CLV file", c->gloss[1].file, "content/01-een.md");
		S_eq_int(&why, "CLV line", c->gloss[1].line, 3);
		S_eq_int(&why, "Lead chapter", (long)c->gloss[2].chapter, 1);
		S_eq(&why, "Lead key", c->gloss[2].key, "lead");
	}
	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].code == DIAG_DUP_TERM) {
			dup++;
			S_eq_int(&why, "duplicate level", dl->v[i].level,
			    DIAG_WARNING);
			S_eq(&why, "duplicate file", dl->v[i].file,
			    "content/02-twee.md");
			S_eq_int(&why, "duplicate line", dl->v[i].line, 8);
			S_eq(&why, "duplicate message", dl->v[i].msg,
			    "term 'CLV' is defined twice (first at "
			    "content/01-een.md:3)");
		} else if (dl->v[i].code == DIAG_DEF_NO_TERM)
			noterm++;
		else
			S_check(&why, 0, "unexpected diagnostic");
	}
	S_eq_int(&why, "duplicate-term warnings", (long)dup, 1);
	S_eq_int(&why, "no-term warnings", (long)noterm, 1);
	S_verdict("gloss: collect across chapters, duplicate term warns", &why,
	    dl);
	buf_free(&why);
	course_free(c);
	diag_list_free(dl);
}

/*** Editions ***/

static const char S_edition_src[] =
    "# H\n\n> [!opdracht]\n> Vraag.\n\n> [!antwoord]\n> Geheim.\n\n"
    "- lijst\n\n  > [!antwoord]\n  > In een lijst.\n\n"
    "> [!tip]\n> Buiten.\n>\n> > [!answer]\n> > Genest.\n\n"
    "> [!antwoord]\n> Laatste.\n";

static int
S_contains_text(struct doc_node *root, const char *s)
{
	struct doc_node *n;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_TEXT && n->text && strstr(n->text, s))
			return 1;
	return 0;
}

static void
t_edition(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root;
	struct buf why = { 0 }, html = { 0 };
	struct html_opts ho = { "nl", 0 };
	size_t nc;

	root = S_parse(S_edition_src, 0, dl);
	pass_number(root, 1, NULL);
	nc = S_count(root, DOC_CALLOUT);
	S_eq_int(&why, "callouts parsed", (long)nc, 6);
	pass_edition(root, EDITION_TEACHER);
	S_eq_int(&why, "teacher keeps all", (long)S_count(root, DOC_CALLOUT),
	    (long)nc);
	S_check(&why, S_contains_text(root, "Geheim."), "teacher keeps answer");
	pass_edition(root, EDITION_STUDENT);
	S_eq_int(&why, "student: callouts left",
	    (long)S_count(root, DOC_CALLOUT), 2);
	S_check(&why, !S_contains_text(root, "Geheim.") &&
	    !S_contains_text(root, "In een lijst.") &&
	    !S_contains_text(root, "Genest.") &&
	    !S_contains_text(root, "Laatste."), "student: no answer text");
	S_check(&why, S_contains_text(root, "Vraag.") &&
	    S_contains_text(root, "Buiten.") && S_contains_text(root, "lijst"),
	    "student: the rest stays");
	/* The tree is still well formed: render it. */
	html_render(root, &ho, &html);
	S_check(&why, strstr(buf_cstr(&html), "antwoord") == NULL,
	    "student HTML has no antwoord");
	S_check(&why, strstr(buf_cstr(&html), "Vraag.") != NULL,
	    "student HTML has the exercise");
	buf_free(&html);
	S_verdict("edition: student drops antwoord callouts, teacher keeps them",
	    &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

/*** Cross-references ***/

static void
t_xref_no_course(void)
{
	struct diag_list *dl = diag_list_new();
	struct doc_node *root = S_parse(
	    "[a](x.md#a) [b](https://a.md) [c](#frag) [d](javascript:alert(1))\n"
	    "[e](../dir/05-funnel.md) [f](mailto:a@b.nl) [g](x.md?q=1)\n"
	    "[h](<  JavaScript:alert(1)>) [i](&#106;avascript:alert(1))\n"
	    "[j](data:text/html,x) [k](VBScript:x) [l](file:///etc/passwd)\n"
	    "![m](data:image/png;base64,AA) ![n](plaatje.md) [o](.md)\n"
	    "[p](//cdn.example/x.md) <https://example.com/y.md>\n", 0, dl);
	static const char *want[] = { "x.html#a", "https://a.md", "#frag", "",
	    "../dir/05-funnel.html", "mailto:a@b.nl", "x.md?q=1", "", "", "",
	    "", "", "data:image/png;base64,AA", "plaatje.md", ".md",
	    "//cdn.example/x.md", "https://example.com/y.md" };
	struct buf why = { 0 };
	struct doc_node *n;
	size_t i = 0, k, warn = 0;
	char what[32];

	pass_xref(root, NULL, "t.md", dl);
	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_LINK && n->type != DOC_IMAGE)
			continue;
		if (i < sizeof(want) / sizeof(want[0])) {
			snprintf(what, sizeof(what), "link %zu", i);
			S_eq(&why, what, n->url, want[i]);
		}
		i++;
	}
	S_eq_int(&why, "links", (long)i, (long)(sizeof(want) / sizeof(want[0])));
	for (k = 0; k < dl->n; k++)
		if (dl->v[k].code == DIAG_UNSAFE_URL &&
		    dl->v[k].level == DIAG_WARNING)
			warn++;
	S_eq_int(&why, "unsafe-URL warnings", (long)warn, 6);
	S_eq_int(&why, "diagnostics", (long)dl->n, 6);
	if (dl->n > 0) {
		S_eq_int(&why, "first warning line", dl->v[0].line, 1);
		S_eq(&why, "first warning file", dl->v[0].file, "t.md");
		S_eq(&why, "first warning message", dl->v[0].msg,
		    "link target 'javascript:alert(1)' uses a scheme that is "
		    "not allowed and is dropped");
	}
	S_verdict("xref: without a course, x.md -> x.html; unsafe schemes "
	    "dropped with a warning", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

/* Collecting and checking through an index of chapters alone, no
 * course: a link to a chapter that is not there is an error at its
 * line:col, to an anchor a chapter lacks too; one without .md that names
 * no chapter is no link to check; a link to the landing page lands. */
static void
t_xref_check_index(void)
{
	static char *a1[] = { "dmu", "intro" };
	struct diag_list *dl = diag_list_new();
	struct chapter ch[2];
	struct xref_index idx = { ch, 2, "content", "content/index.md", "nl" };
	struct xref_list links = { 0 };
	struct doc_node *root;
	struct buf why = { 0 };

	memset(ch, 0, sizeof(ch));
	ch[0].path = "content/01-een.md";
	ch[0].slug = "01-een";
	ch[1].path = "content/05-funnel.md";
	ch[1].slug = "05-funnel";
	ch[1].anchors = a1;
	ch[1].nanchors = 2;
	root = S_parse("[a](05-funnel.md#dmu) [b](05-funnel.md#weg)\n\n"
	    "[c](06-weg.md) [d](los) [e](index.md) [f](05-funnel#intro)\n",
	    0, dl);
	pass_xref_collect(root, "content/01-een.md", &links, dl);
	S_eq_int(&why, "collected", (long)links.n, 6);
	pass_xref_check(&idx, &links, dl);
	S_eq_int(&why, "list emptied", (long)links.n, 0);
	S_eq_int(&why, "diagnostics", (long)dl->n, 2);
	if (dl->n == 2) {
		S_eq_int(&why, "anchor line", dl->v[0].line, 1);
		S_eq_int(&why, "anchor col", dl->v[0].col, 23);
		S_eq_int(&why, "anchor code", dl->v[0].code,
		    DIAG_XREF_ANCHOR);
		S_eq_int(&why, "chapter line", dl->v[1].line, 3);
		S_eq_int(&why, "chapter col", dl->v[1].col, 1);
		S_eq_int(&why, "chapter code", dl->v[1].code,
		    DIAG_XREF_CHAPTER);
		S_eq(&why, "chapter file", dl->v[1].file, "content/01-een.md");
	}
	pass_xref(root, &idx, "content/01-een.md", dl);
	S_eq(&why, "to the landing page", S_nth(root, DOC_LINK, 4)->url,
	    "index.html");
	S_eq(&why, "bare, to a chapter", S_nth(root, DOC_LINK, 5)->url,
	    "05-funnel.html#intro");
	S_verdict("xref: collect, check and rewrite through an index of "
	    "chapters, without a course", &why, dl);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

static void
t_xref_course(void)
{
	struct diag_list *dl = diag_list_new();
	struct course *c = xcalloc(1, sizeof(*c));
	struct doc_node *root;
	struct buf why = { 0 };
	struct xref_list links = { 0 };
	struct xref_index idx;

	c->content = xstrdup("content");
	S_course_chapter(c, "content/01-een.md");
	S_course_chapter(c, "content/05-funnel.md");
	S_course_chapter(c, "content/deel/06-x.md");
	free(c->ch[1].slug);
	c->ch[1].slug = xstrdup("hoofdstuk-5");
	free(c->ch[2].slug);
	c->ch[2].slug = xstrdup("deel/06-x");
	root = S_parse("[a](05-funnel.md#dmu) [b](#lokaal) [c](sub/05-funnel.md)"
	    " [d](onbekend.md#x) [e](https://x.nl/05-funnel.md)"
	    " [f](deel/06-x.md) [g](/deel/06-x.md) [h](deel/06-x)\n", 0, dl);
	course_xref_index(c, &idx);
	pass_xref_collect(root, "content/01-een.md", &links, dl);
	S_eq_int(&why, "collected", (long)links.n, 7);
	if (links.n == 7) {
		S_eq(&why, "xref 0", links.v[0].target, "05-funnel.md#dmu");
		S_eq(&why, "xref 1", links.v[1].target, "#lokaal");
		S_eq(&why, "xref 3", links.v[3].target, "onbekend.md#x");
		S_eq(&why, "xref file", links.v[0].file, "content/01-een.md");
		S_eq(&why, "bare link, as a chapter", links.v[6].target,
		    "deel/06-x.md");
		S_eq_int(&why, "bare link is soft", links.v[6].soft, 1);
	}
	pass_xref_list_free(&links);
	S_eq(&why, "collect leaves urls",
	    S_nth(root, DOC_LINK, 0)->url, "05-funnel.md#dmu");
	pass_xref(root, &idx, "content/01-een.md", dl);
	S_eq(&why, "rewritten to the chapter slug",
	    S_nth(root, DOC_LINK, 0)->url, "hoofdstuk-5.html#dmu");
	S_eq(&why, "fragment alone", S_nth(root, DOC_LINK, 1)->url, "#lokaal");
	S_eq(&why, "the path decides, not the base name",
	    S_nth(root, DOC_LINK, 2)->url, "sub/05-funnel.html");
	S_eq(&why, "unknown chapter", S_nth(root, DOC_LINK, 3)->url,
	    "onbekend.html#x");
	S_eq(&why, "absolute", S_nth(root, DOC_LINK, 4)->url,
	    "https://x.nl/05-funnel.md");
	S_eq(&why, "into a folder", S_nth(root, DOC_LINK, 5)->url,
	    "deel/06-x.html");
	S_eq(&why, "from content/", S_nth(root, DOC_LINK, 6)->url,
	    "deel/06-x.html");
	S_eq(&why, "without .md", S_nth(root, DOC_LINK, 7)->url,
	    "deel/06-x.html");
	doc_free(root);
	/* from a folder: up and across */
	root = S_parse("[a](../05-funnel.md) [b](../deel/06-x.md#y)\n", 0, dl);
	pass_xref(root, &idx, "content/deel/06-x.md", dl);
	S_eq(&why, "up from a folder", S_nth(root, DOC_LINK, 0)->url,
	    "../hoofdstuk-5.html");
	S_eq(&why, "same folder", S_nth(root, DOC_LINK, 1)->url,
	    "06-x.html#y");
	S_eq_int(&why, "diagnostics", (long)dl->n, 0);
	S_verdict("xref: with a course, collect then rewrite to pages, from "
	    "the linking chapter's folder", &why, dl);
	buf_free(&why);
	doc_free(root);
	course_free(c);
	diag_list_free(dl);
}

/*** Escaping ***/

/* esc_md(value) parsed as Markdown: one paragraph, plain text == value,
 * and (unless links_ok) nothing but text in it. */
static void
S_md_check(struct buf *why, const char *value, const char *want_text,
    int links_ok)
{
	struct diag_list *dl = diag_list_new();
	struct buf e = { 0 }, txt = { 0 };
	struct doc_node *root, *p, *c;

	esc_md(&e, value, strlen(value));
	root = S_parse(buf_cstr(&e), 0, dl);
	if (root == NULL) {
		buf_printf(why, "  \"%s\": escaped \"%s\" did not parse\n",
		    value, buf_cstr(&e));
		goto out;
	}
	p = root->first;
	if (p == NULL || p->next != NULL || p->type != DOC_PARA) {
		buf_printf(why, "  \"%s\": escaped \"%s\" gives %s%s, not one "
		    "paragraph\n", value, buf_cstr(&e),
		    p ? doc_type_name(p->type) : "nothing",
		    p && p->next ? " and more" : "");
		goto out;
	}
	doc_plain_text(p, &txt);
	if (strcmp(buf_cstr(&txt), want_text) != 0)
		buf_printf(why, "  \"%s\": escaped \"%s\" reads \"%s\"\n",
		    value, buf_cstr(&e), buf_cstr(&txt));
	for (c = p->first; c != NULL; c = doc_next(p, c, 0))
		if (c->type != DOC_TEXT && c->type != DOC_SOFTBREAK &&
		    !(links_ok && c->type == DOC_LINK)) {
			buf_printf(why, "  \"%s\": escaped \"%s\" has a %s "
			    "node\n", value, buf_cstr(&e),
			    doc_type_name(c->type));
			break;
		}
out:
	doc_free(root);
	buf_free(&e);
	buf_free(&txt);
	diag_list_free(dl);
}

static void
S_md_roundtrip(struct buf *why, const char *value, const char *want_text)
{
	S_md_check(why, value, want_text, 0);
}

static void
t_esc_md(void)
{
	static const char *values[] = {
		"*a* _b_ <script> [x](y) # h | c \\` ~~s~~ 1. 2)",
		"# kop",
		"- lijst",
		"+ plus",
		"1. genummerd",
		"2) ook",
		"> citaat",
		"| a | b |",
		"```",
		"~~~",
		"---",
		"***",
		"===",
		"<div>x</div>",
		"<!-- c -->",
		"&amp; &#60; &copy;",
		"[ref]: http://x",
		"![img](a.png)",
		"https://www.example.com en www.example.com",
		"\\",
		"a\\",
		"[!tip] geen callout",
		"\"Aanhalingstekens\" en 'enkel' -- en --- ...",
		"Één café — 100% “goed” €",
		"**vet** __ook__",
		"`code`",
		"a\\*b",
		"x\\\\*y*",
	};
	struct buf why = { 0 };
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		S_md_roundtrip(&why, values[i], values[i]);
	/* Line breaks inside a value become spaces: still one paragraph. */
	S_md_roundtrip(&why, "regel\n# kop\n- item\n===", "regel # kop - item ===");
	S_md_roundtrip(&why, "a\r\nb", "a b");
	S_md_roundtrip(&why, "a\tb", "a b");
	S_verdict("esc_md: escaped value parses as one paragraph of its own text",
	    &why, NULL);
	buf_free(&why);
}

static void
t_esc_md_blank_line(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf e = { 0 }, why = { 0 };
	struct doc_node *root;
	const char *v = "eerste\n\n\n  # tweede\n \t\n- derde";

	esc_md(&e, v, strlen(v));
	root = S_parse(buf_cstr(&e), 0, dl);
	S_eq_int(&why, "paragraphs", (long)S_count(root, DOC_PARA), 3);
	S_eq_int(&why, "top-level blocks", (long)(S_count(root, DOC_PARA) +
	    S_count(root, DOC_HEADING) + S_count(root, DOC_LIST)), 3);
	S_verdict("esc_md: blank lines stay paragraph breaks, nothing else opens",
	    &why, dl);
	buf_free(&e);
	buf_free(&why);
	doc_free(root);
	diag_list_free(dl);
}

/* The GFM autolink extension finds e-mail addresses in the text after
 * parsing, escapes or not: "a\@b\.nl" still becomes a mailto: link.  The
 * text is intact, which is what this test holds to; the link is allowed. */
static void
t_esc_md_email(void)
{
	struct buf why = { 0 };

	S_md_check(&why, "a@b.nl", "a@b.nl", 1);
	S_md_check(&why, "Mail verkoop@bedrijf.nl of bel", "Mail "
	    "verkoop@bedrijf.nl of bel", 1);
	S_verdict("esc_md: an e-mail address keeps its text (GFM may autolink "
	    "it)", &why, NULL);
	buf_free(&why);
}

/* Leading blanks are data too: four of them must not open a code block. */
static void
t_esc_md_indent(void)
{
	struct buf why = { 0 };

	S_md_roundtrip(&why, "    inspringing", "inspringing");
	S_md_roundtrip(&why, "\tinspringing", "inspringing");
	S_md_roundtrip(&why, "   drie", "drie");
	S_verdict("esc_md: leading blanks do not open an indented code block",
	    &why, NULL);
	buf_free(&why);
}

static void
t_esc_html(void)
{
	struct buf b = { 0 }, why = { 0 };
	const char s[] = "<a href=\"x\">'&'</a> é\0<";

	esc_html(&b, s, strlen(s));
	S_eq(&why, "specials", buf_cstr(&b),
	    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; é");
	buf_reset(&b);
	esc_html(&b, s, sizeof(s) - 1);
	S_eq_int(&why, "length with NUL", (long)b.len,
	    (long)strlen("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
	    " é") + 1 + 4);
	buf_reset(&b);
	esc_html(&b, "plain", 5);
	S_eq(&why, "plain", buf_cstr(&b), "plain");
	buf_reset(&b);
	esc_html(&b, "", 0);
	S_eq(&why, "empty", buf_cstr(&b), "");
	buf_reset(&b);
	esc_html(&b, "abc<def", 3);
	S_eq(&why, "length bound", buf_cstr(&b), "abc");
	buf_reset(&b);
	esc_ctx(&b, ESC_HTML, "<", 1);
	esc_ctx(&b, ESC_MD, "<", 1);
	esc_ctx(&b, ESC_NONE, "<", 1);
	S_eq(&why, "esc_ctx", buf_cstr(&b), "&lt;\\<<");
	buf_free(&b);
	S_verdict("esc_html: & < > \" ' escaped, length respected", &why, NULL);
	buf_free(&why);
}

static void
t_esc_url(void)
{
	struct buf b = { 0 }, why = { 0 };
	const char *s = "a b\"c<d>&e%20é'`{|}^\\\x01\x7f/?#=:";

	esc_url(&b, s, strlen(s));
	S_eq(&why, "encoded", buf_cstr(&b),
	    "a%20b%22c%3Cd%3E&amp;e%20%C3%A9%27%60%7B%7C%7D%5E%5C%01%7F/?#=:");
	buf_reset(&b);
	esc_url(&b, "https://x.nl/p?a=1&b=2#f", 24);
	S_eq(&why, "ordinary URL", buf_cstr(&b),
	    "https://x.nl/p?a=1&amp;b=2#f");
	buf_free(&b);
	S_check(&why, !esc_url_safe("javascript:alert(1)"), "javascript:");
	S_check(&why, !esc_url_safe("  JaVaScRiPt:alert(1)"),
	    "spaced JavaScript:");
	S_check(&why, !esc_url_safe("vbscript:x"), "vbscript:");
	S_check(&why, !esc_url_safe("FILE:///etc/passwd"), "file:");
	S_check(&why, !esc_url_safe("data:text/html;base64,PHNjcmlwdD4="),
	    "data:text/html");
	S_check(&why, !esc_url_safe("data:image/svg+xml,<svg onload=x>"),
	    "data:image/svg+xml");
	S_check(&why, esc_url_safe("data:image/png;base64,AAAA"),
	    "data:image/png allowed");
	S_check(&why, esc_url_safe("DATA:image/JPEG;base64,AAAA"),
	    "data:image/jpeg allowed");
	S_check(&why, esc_url_safe("https://x.nl/javascript:"), "https");
	S_check(&why, esc_url_safe("x.md#a"), "relative");
	S_check(&why, esc_url_safe(""), "empty");
	S_verdict("esc_url: percent-encoding, & escaped, unsafe schemes", &why,
	    NULL);
	buf_free(&why);
}

/*** Callout kinds ***/

static void
t_callout_lookup(void)
{
	static const struct {
		const char *name;
		enum callout_kind kind;
	} cases[] = {
		{ "definitie", CALLOUT_DEFINITIE },
		{ "Definition", CALLOUT_DEFINITIE },
		{ "DEFINITIE", CALLOUT_DEFINITIE },
		{ "voorbeeld", CALLOUT_VOORBEELD },
		{ "example", CALLOUT_VOORBEELD },
		{ "opdracht", CALLOUT_OPDRACHT },
		{ "Exercise", CALLOUT_OPDRACHT },
		{ "assignment", CALLOUT_OPDRACHT },
		{ "antwoord", CALLOUT_ANTWOORD },
		{ "answer", CALLOUT_ANTWOORD },
		{ "solution", CALLOUT_ANTWOORD },
		{ "tip", CALLOUT_TIP },
		{ "hint", CALLOUT_TIP },
		{ "NOTE", CALLOUT_TIP },
		{ "let-op", CALLOUT_LETOP },
		{ "letop", CALLOUT_LETOP },
		{ "LetOp", CALLOUT_LETOP },
		{ "warning", CALLOUT_LETOP },
		{ "caution", CALLOUT_LETOP },
		{ "IMPORTANT", CALLOUT_LETOP },
		{ "defintie", CALLOUT_NONE },
		{ "defini", CALLOUT_NONE },
		{ "definitiex", CALLOUT_NONE },
		{ "let op", CALLOUT_NONE },
		{ "", CALLOUT_NONE },
		{ "tips", CALLOUT_NONE },
	};
	struct buf why = { 0 };
	size_t i;
	char what[64];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(what, sizeof(what), "\"%s\"", cases[i].name);
		S_eq_int(&why, what, callout_lookup(cases[i].name,
		    strlen(cases[i].name)), cases[i].kind);
	}
	/* The length decides, not the NUL. */
	S_eq_int(&why, "\"tipx\" length 3", callout_lookup("tipx", 3),
	    CALLOUT_TIP);
	S_eq_int(&why, "\"ti\" length 2", callout_lookup("tip", 2),
	    CALLOUT_NONE);
	S_eq(&why, "name definitie", callout_name(CALLOUT_DEFINITIE),
	    "definitie");
	S_eq(&why, "name voorbeeld", callout_name(CALLOUT_VOORBEELD),
	    "voorbeeld");
	S_eq(&why, "name opdracht", callout_name(CALLOUT_OPDRACHT), "opdracht");
	S_eq(&why, "name antwoord", callout_name(CALLOUT_ANTWOORD), "antwoord");
	S_eq(&why, "name tip", callout_name(CALLOUT_TIP), "tip");
	S_eq(&why, "name let-op", callout_name(CALLOUT_LETOP), "let-op");
	S_eq(&why, "name none", callout_name(CALLOUT_NONE), "");
	S_verdict("callout_lookup: Dutch, English and GitHub names, any case",
	    &why, NULL);
	buf_free(&why);
}

/*** Hostile trees ***/

#define DEEP 200000

struct deep_job {
	int		 done;
	size_t		 nodes, html_len;
};

/* Runs on a small stack: any recursion in depth would overflow it. */
static void *
S_deep_thread(void *arg)
{
	struct deep_job *j = arg;
	struct doc_node *root, *cur, *n, *t;
	struct html_opts ho = { "nl", 0 };
	struct buf out = { 0 };
	int i;

	root = cur = doc_new(DOC_ROOT, 1, 1);
	for (i = 0; i < DEEP; i++) {
		n = doc_new(i % 3 == 2 ? DOC_ITEM : i % 3 == 1 ? DOC_LIST :
		    DOC_BLOCKQUOTE, i + 1, 1);
		doc_append(cur, n);
		cur = n;
	}
	n = doc_new(DOC_PARA, DEEP + 1, 1);
	doc_append(cur, n);
	t = doc_new(DOC_TEXT, DEEP + 1, 1);
	t->text = xstrdup("bodem");
	doc_append(n, t);
	for (n = root; n != NULL; n = doc_next(root, n, 0))
		j->nodes++;
	pass_number(root, 1, NULL);
	pass_edition(root, EDITION_STUDENT);
	html_render(root, &ho, &out);
	j->html_len = out.len;
	buf_free(&out);
	doc_free(root);

	/* And a deep chain of inlines. */
	root = cur = doc_new(DOC_PARA, 1, 1);
	for (i = 0; i < DEEP; i++) {
		n = doc_new(i & 1 ? DOC_STRONG : DOC_EMPH, 1, i + 1);
		doc_append(cur, n);
		cur = n;
	}
	doc_free(root);
	j->done = 1;
	return NULL;
}

static void
t_doc_free_deep(void)
{
	struct deep_job j = { 0 };
	struct buf why = { 0 };
	pthread_attr_t a;
	pthread_t th;
	int rc;

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 256 * 1024);
	rc = pthread_create(&th, &a, S_deep_thread, &j);
	pthread_attr_destroy(&a);
	if (rc != 0)	/* no threads: the main stack will do */
		S_deep_thread(&j);
	else
		pthread_join(th, NULL);
	S_check(&why, j.done, "finished");
	S_eq_int(&why, "nodes walked", (long)j.nodes, DEEP + 3);
	S_check(&why, j.html_len > 0, "rendered");
	S_verdict("doc_free: 200,000-deep tree on a 256 KiB stack (walk, "
	    "passes, render, free)", &why, NULL);
	buf_free(&why);
}

/* Unlinking and freeing a middle subtree keeps the siblings linked. */
static void
t_doc_unlink(void)
{
	struct doc_node *r = doc_new(DOC_ROOT, 1, 1), *a, *b, *c, *x;
	struct buf why = { 0 };

	a = doc_new(DOC_PARA, 1, 1);
	b = doc_new(DOC_PARA, 2, 1);
	c = doc_new(DOC_PARA, 3, 1);
	doc_append(r, a);
	doc_append(r, b);
	doc_append(r, c);
	x = doc_new(DOC_TEXT, 2, 1);
	x->text = xstrdup("x");
	doc_append(b, x);
	doc_free(b);
	S_check(&why, r->first == a && a->next == c && c->prev == a &&
	    r->last == c, "middle removed");
	doc_free(a);
	S_check(&why, r->first == c && r->last == c && c->prev == NULL,
	    "first removed");
	doc_free(c);
	S_check(&why, r->first == NULL && r->last == NULL, "last removed");
	doc_free(r);
	doc_free(NULL);
	S_verdict("doc_free: a subtree is unlinked from its siblings", &why,
	    NULL);
	buf_free(&why);
}

int
main(void)
{
	t_number_chapter();
	t_number_standalone();
	t_number_ids();
	t_slug_accents();
	t_slug_latin1_punct();
	t_slug_beyond_latin1();
	t_number_tables_figures();
	t_number_callouts();
	t_number_callout_unknown();
	t_number_toc();
	t_number_many_dups();
	t_gloss_key();
	t_gloss_sort();
	t_gloss_collect();
	t_edition();
	t_xref_no_course();
	t_xref_course();
	t_xref_check_index();
	t_esc_md();
	t_esc_md_blank_line();
	t_esc_md_email();
	t_esc_md_indent();
	t_esc_html();
	t_esc_url();
	t_callout_lookup();
	t_doc_free_deep();
	t_doc_unlink();
	return check_status();
}
