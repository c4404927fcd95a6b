/*
 * test_register — the register's Dutch order, its page ranges and the
 * words it counts as its terms (gen/register.c).  PASS/FAIL lines.
 */
#include "register.h"
#include "buf.h"
#include "course.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void
S_check(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) == 0) {
		printf("PASS register/%s\n", name);
		return;
	}
	printf("FAIL register/%s:\n  got  %s\n  want %s\n", name, got, want);
	failed = 1;
}

/* The register of one chapter listing terms, its entries in order. */
static struct reg *
S_reg(const char **terms, size_t n, struct course *c, struct chapter *ch)
{
	memset(c, 0, sizeof(*c));
	memset(ch, 0, sizeof(*ch));
	c->lang = "nl";
	c->ch = ch;
	c->nch = 1;
	ch->reg = (char **)terms;
	ch->nreg = n;
	return reg_new(c);
}

static void
S_order(void)
{
	/* shuffled; the order a Dutch register wants */
	static const char *in[] = {
		"zo'n", "IJzer", "ik", "'s-Hertogenbosch", "iets", "café",
		"Één-op-één", "80/20-regel", "huis", "ijs", "3D-printing",
		"cabine", "handel", "\xc4\xb2ssel", "eenheid", "Cafe",
		"piramide > klanten-", "piramide", "piramide > -model",
		"zon", "Zoë",
	};
	static const char *want =
	    "3D-printing|80/20-regel|cabine|Cafe|café|eenheid|Één-op-één|"
	    "handel|'s-Hertogenbosch|huis|iets|ijs|\xc4\xb2ssel|IJzer|ik|"
	    "piramide|piramide > klanten-|piramide > -model|Zoë|zo'n|zon";
	struct course c;
	struct chapter ch;
	struct reg *r = S_reg(in, sizeof(in) / sizeof(in[0]), &c, &ch);
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (i > 0)
			buf_putc(&b, '|');
		buf_puts(&b, r->e[i].term);
		if (r->e[i].sub != NULL)
			buf_printf(&b, " > %s", r->e[i].sub);
	}
	S_check("dutch-order", buf_cstr(&b), want);
	buf_free(&b);
	reg_free(r);
}

static void
S_ranges(void)
{
	static const long pages[] = { 3, 4, 5, 7, 8, 9, 12 };
	struct reg_entry e;
	struct buf b = { 0 };
	long from[8], to[8];
	size_t i, n;

	memset(&e, 0, sizeof(e));
	e.pages = (long *)pages;
	e.npages = sizeof(pages) / sizeof(pages[0]);
	e.bold = 4;
	n = reg_ranges(&e, from, to);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s%ld%s", i ? ", " : "",
		    from[i] == e.bold ? "*" : "", from[i],
		    from[i] == e.bold ? "*" : "");
		if (to[i] != from[i])
			buf_printf(&b, "-%ld", to[i]);
	}
	/* the definition's page stands alone, in bold */
	S_check("ranges", buf_cstr(&b), "3, *4*, 5, 7-9, 12");
	buf_free(&b);
}

/* Which of the pages (one text each) the term is found on: by
 * reg_count() and reg_page() one page at a time, or read once
 * (reg_text_words()) and matched all at once (reg_match()). */
static void
S_found_by(const char *term, const char *const *page, const char *want,
    int at_once)
{
	const char *in[1] = { term };
	struct course c;
	struct chapter ch;
	struct reg *r = S_reg(in, 1, &c, &ch);
	struct buf b = { 0 };
	char name[64];
	size_t i;

	if (at_once) {
		struct reg_text *t = reg_text_new();
		long first = 1;

		for (i = 0; page[i] != NULL; i++) {
			reg_text_words(t, page[i], strlen(page[i]));
			reg_text_page(t);
		}
		reg_match(r, &t, &first, 1);
		reg_text_free(t);
	} else {
		for (i = 0; page[i] != NULL; i++)
			reg_count(r, page[i], strlen(page[i]));
		for (i = 0; page[i] != NULL; i++)
			reg_page(r, page[i], strlen(page[i]), (long)i + 1);
	}
	for (i = 0; i < r->e[0].npages; i++)
		buf_printf(&b, "%s%ld", i ? " " : "", r->e[0].pages[i]);
	snprintf(name, sizeof(name), "found-%s%s", at_once ? "pages-" : "",
	    term);
	S_check(name, buf_cstr(&b), want);
	buf_free(&b);
	reg_free(r);
}

static void
S_found(const char *term, const char *const *page, const char *want)
{
	S_found_by(term, page, want, 0);
	S_found_by(term, page, want, 1);
}

int
main(void)
{
	static const char *const pages[] = {
		"De prijzen stijgen en het plan staat.",
		"Het verkoopplan en de verkoopplannen.",
		"Positioneren is iets anders. Klantgericht werken ook.",
		"De positionering en klantgerichtheid van het merk.",
		"Onze klantenpiramide. Een piramide van klanten.",
		"Unique selling points, en een unique selling point.",
		NULL
	};

	S_order();
	S_ranges();
	S_found("prijs", pages, "1");
	S_found("plan", pages, "1 2");
	S_found("positionering", pages, "4");
	S_found("klantgerichtheid", pages, "4");
	S_found("piramide > klanten-", pages, "5");
	S_found("unique selling point", pages, "6");
	return failed;
}
