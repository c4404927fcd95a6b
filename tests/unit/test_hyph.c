/*
 * test_hyph — the hyphenation module against the installed dictionaries.
 *
 * Expected breaks are written as the word with '=' at each offset
 * hyph_word() returns ("ver=koop=plan"; "e-=mailcampagne" for a break just
 * after an explicit hyphen).  The Dutch ones are what hyph_nl_NL.dic gives
 * under the house rules, kept only where that is also right by the
 * Woordenlijst; words the patterns get wrong (accountmanagement,
 * salesfunnel, benchmark, prospect, ...) are exceptions' business and one of
 * them is tested as such.  Every answer is also checked for being
 * ascending, inside the word and on character boundaries.
 *
 * One PASS or FAIL line per test; exit status 1 if any failed.
 * Needs hyphen-nl and hyphen-en-us (/usr/share/hyphen).
 */
#include "buf.h"
#include "diag.h"
#include "pdf/hyph.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXPOS	64

#include "check.h"

static void
S_verdict(const char *name, int ok, const char *why)
{
	check_verdict("hyph", name, ok, why);
}

/* The word with '=' at each position, or a complaint about the positions. */
static void
S_show(struct buf *out, const char *w, size_t len, const size_t *pos,
    size_t n)
{
	size_t i, j;

	for (j = 0; j < n; j++) {
		if (pos[j] == 0 || pos[j] >= len ||
		    (j > 0 && pos[j] <= pos[j - 1])) {
			buf_printf(out, "bad position %zu (#%zu) ", pos[j], j);
			return;
		}
		if (((unsigned char)w[pos[j]] & 0xc0) == 0x80) {
			buf_printf(out, "position %zu splits a character ",
			    pos[j]);
			return;
		}
	}
	for (i = j = 0; i < len; i++) {
		if (j < n && pos[j] == i) {
			buf_putc(out, '=');
			j++;
		}
		buf_putc(out, w[i]);
	}
}

/* Hyphenates w (max MAXPOS) and compares the shown form with want. */
static void
S_expect(const struct hyph *h, const char *name, const char *w,
    const char *want)
{
	struct buf got = { 0 }, why = { 0 };
	size_t pos[MAXPOS], n;
	int ok;

	n = hyph_word(h, w, strlen(w), pos, MAXPOS);
	S_show(&got, w, strlen(w), pos, n);
	ok = strcmp(buf_cstr(&got), want) == 0;
	if (!ok)
		buf_printf(&why, "%s: got '%s', want '%s'", w, buf_cstr(&got),
		    want);
	S_verdict(name, ok, why.data);
	buf_free(&got);
	buf_free(&why);
}

/* One test per word, named after the word. */
static void
S_words(const struct hyph *h, const char *prefix, const char *const *v)
{
	struct buf name = { 0 };
	size_t i;

	for (i = 0; v[i] != NULL; i += 2) {
		buf_reset(&name);
		buf_printf(&name, "%s %s", prefix, v[i]);
		S_expect(h, buf_cstr(&name), v[i], v[i + 1]);
	}
	buf_free(&name);
}

/* Checks that dl holds exactly one diagnostic, of code, mentioning text. */
static void
S_expect_diag(const char *name, struct diag_list *dl, enum diag_code code,
    const char *text)
{
	struct buf why = { 0 };
	int ok;

	ok = dl->n == 1 && dl->v[0].code == code &&
	    strstr(dl->v[0].msg, text) != NULL;
	if (!ok) {
		buf_printf(&why, "%zu diagnostics", dl->n);
		if (dl->n > 0)
			buf_printf(&why, "; first (code %d): %s",
			    (int)dl->v[0].code, dl->v[0].msg);
		buf_printf(&why, "; want code %d with '%s'", (int)code, text);
	}
	S_verdict(name, ok, why.data);
	buf_free(&why);
}

/* Linguistically right as the nl patterns give them (house rules on). */
static const char *const S_dutch[] = {
	"verkoopplan",		"ver=koop=plan",
	"klantenpiramide",	"klan=ten=pi=ra=mide",
	"waardepropositie",	"waar=de=pro=po=si=tie",
	"aanbesteding",		"aan=be=ste=ding",
	"klanttevredenheid",	"klant=te=vre=den=heid",
	"leadgeneratie",	"lead=ge=ne=ra=tie",
	"beïnvloedingsprincipes", "be=ïn=vloe=dings=prin=ci=pes",
	"organisatie",		"or=ga=ni=sa=tie",
	"commissie",		"com=mis=sie",
	"onderhandeling",	"on=der=han=de=ling",
	"klantrelatie",		"klant=re=la=tie",
	"acquisitie",		"ac=qui=si=tie",
	"relatiebeheer",	"re=la=tie=be=heer",
	"segmentatie",		"seg=men=ta=tie",
	"omzetdoelstelling",	"om=zet=doel=stel=ling",
	"verkoopgesprek",	"ver=koop=ge=sprek",
	"gesprekstechniek",	"ge=spreks=tech=niek",
	"vertegenwoordiger",	"ver=te=gen=woor=di=ger",
	"contractverlenging",	"con=tract=ver=len=ging",
	"beslissingsbevoegdheid", "be=slis=sings=be=voegd=heid",
	"leveranciers",		"le=ve=ran=ciers",
	"geïnteresseerd",	"ge=ïn=te=res=seerd",
	"coöperatie",		"co=ö=pe=ra=tie",
	"financiële",		"fi=nan=ci=ële",
	"beëindigen",		"be=ëin=di=gen",
	"één",			"één",
	NULL
};

/* The house rules, on pattern breaks. */
static const char *const S_rules[] = {
	/* 4 letters: never; 5 is enough. */
	"plan",			"plan",
	"hotel",		"ho=tel",
	/* fer=te and i=dee=ën would leave 1 or 2 letters. */
	"offerte",		"of=ferte",
	/* 'ën' is 3 bytes but 2 letters: counted in letters. */
	"ideeën",		"ideeën",
	NULL
};

static const char *const S_case[] = {
	"Verkoopplan",		"Ver=koop=plan",
	"Beïnvloeding",		"Be=ïn=vloe=ding",
	"Éénheid",		"Één=heid",
	"CRM",			"CRM",
	"NPS",			"NPS",
	"KLANTENPIRAMIDE",	"KLANTENPIRAMIDE",
	"VERKOOPPLAN",		"VERKOOPPLAN",
	"ÉÉNHEID",		"ÉÉNHEID",
	NULL
};

static const char *const S_explicit[] = {
	"e-mailcampagne",	"e-=mailcampagne",
	"CRM-systeem",		"CRM-=systeem",
	"half-om-half",		"half-=om-=half",
	"T-shirt",		"T-=shirt",
	"x-as",			"x-as",		/* 3 letters */
	"klant-",		"klant-",	/* nothing after */
	"-achtig",		"-achtig",	/* nothing before */
	"klant--relatie",	"klant--=relatie",
	"e\xe2\x80\x90mailcampagne", "e\xe2\x80\x90=mailcampagne", /* U+2010 */
	"ver\xc2\xadkoop\xc2\xadplan", "ver\xc2\xad=koop\xc2\xad=plan", /* SHY */
	"24-uursservice",	"24-=uursservice",
	"A4-formaat",		"A4-=formaat",
	"kwartaal2024",		"kwartaal2024",
	"auto's",		"auto's",
	"klant’s",		"klant’s",
	"info@salesgen.nl",	"info@salesgen.nl",
	"klant/prospect",	"klant/prospect",
	NULL
};

static const char *const S_punct[] = {
	"verkoopplan,",		"ver=koop=plan,",
	"(klantenpiramide)",	"(klan=ten=pi=ra=mide)",
	"“klanttevredenheid”.",	"“klant=te=vre=den=heid”.",
	"'aanbesteding'?",	"'aan=be=ste=ding'?",
	"...",			"...",
	NULL
};

static const char *const S_english[] = {
	"hyphenation",		"hy=phen=ation",
	"Presentation",		"Pre=sen=ta=tion",
	"relationship",		"re=la=tion=ship",
	"management",		"man=age=ment",
	"procurement",		"pro=cure=ment",
	"negotiation",		"ne=go=ti=a=tion",
	"CUSTOMER",		"CUSTOMER",
	"follow-up",		"follow-=up",
	NULL
};

static void
S_test_exceptions(struct hyph *nl)
{
	static const char *const bad[] = {
		"", "-ver", "ver-", "ver--koop", "ver koop", "auto's",
		"ver1koop", "ver\xffkoop", "e\xe2\x80\x90mail", NULL
	};
	struct buf why = { 0 }, lng = { 0 };
	size_t i;
	int ok;

	ok = hyph_exception(nl, "sel-lo-gram") == 0;
	S_verdict("exception accepted", ok, NULL);
	S_expect(nl, "exception sel-lo-gram", "sellogram", "sel=lo=gram");
	S_expect(nl, "exception, capitalised word", "Sellogram",
	    "Sel=lo=gram");
	hyph_exception(nl, "sello-gram");
	S_expect(nl, "exception replaced by a later one", "sellogram",
	    "sello=gram");

	/* The patterns say sa=les=gen. */
	hyph_exception(nl, "salesgen");
	S_expect(nl, "exception without hyphens: never broken", "salesgen",
	    "salesgen");
	S_expect(nl, "exception without hyphens, capitalised", "Salesgen",
	    "Salesgen");

	/* The patterns say ma=na=ge=ment, against the Woordenlijst. */
	hyph_exception(nl, "ac-count-ma-nage-ment");
	S_expect(nl, "exception wins over patterns", "Accountmanagement",
	    "Ac=count=ma=nage=ment");
	S_expect(nl, "exception is for the whole word", "sellogrammen",
	    "sel=lo=gram=men");

	/* Entry in capitals matches lowercase; É is 2 bytes, 1 letter. */
	hyph_exception(nl, "É-TA-GES");
	S_expect(nl, "exception case-insensitive, Latin-1, letters",
	    "étages", "éta=ges");
	hyph_exception(nl, "a-b-c-d-e-f-g");
	S_expect(nl, "exception obeys 2 before / 3 after", "abcdefg",
	    "ab=c=d=efg");
	hyph_exception(nl, "ka-to");
	S_expect(nl, "exception obeys 5 letters", "kato", "kato");

	for (i = 0; bad[i] != NULL; i++)
		if (hyph_exception(nl, bad[i]) != -1)
			buf_printf(&why, "'%s' accepted; ", bad[i]);
	for (i = 0; i < HYPH_MAXWORD; i++)
		buf_putc(&lng, i % 7 == 6 ? '-' : 'a');
	if (hyph_exception(nl, lng.data) != 0)
		buf_puts(&why, "a long entry under the limit refused; ");
	buf_reset(&lng);
	for (i = 0; i <= HYPH_MAXWORD; i++)
		buf_putc(&lng, 'a');
	if (hyph_exception(nl, lng.data) != -1)
		buf_puts(&why, "an entry over HYPH_MAXWORD accepted; ");
	if (hyph_exception(NULL, "ver-koop") != 0 ||
	    hyph_exception(NULL, "ver-") != -1)
		buf_puts(&why, "checking without a struct hyph wrong; ");
	S_verdict("malformed exceptions refused", why.len == 0, why.data);
	buf_free(&why);
	buf_free(&lng);
}

static void
S_test_edges(const struct hyph *nl)
{
	struct buf w = { 0 }, why = { 0 };
	size_t pos[MAXPOS], n, i;
	char *p;

	n = hyph_word(nl, "beïnvloedingsprincipes",
	    strlen("beïnvloedingsprincipes"), pos, MAXPOS);
	S_verdict("UTF-8 byte offsets around ï",
	    n == 6 && pos[0] == 2 && pos[1] == 5 && pos[2] == 9 &&
	    pos[3] == 14 && pos[4] == 18 && pos[5] == 20, NULL);

	n = hyph_word(nl, "beïnvloedingsprincipes",
	    strlen("beïnvloedingsprincipes"), pos, 3);
	S_verdict("at most max positions",
	    n == 3 && pos[0] == 2 && pos[1] == 5 && pos[2] == 9, NULL);
	S_verdict("max 0", hyph_word(nl, "verkoopplan", 11, pos, 0) == 0,
	    NULL);

	/* Exactly len bytes, no NUL: ASan sees any read past the end. */
	p = xmalloc(11);
	memcpy(p, "verkoopplannen", 11);
	n = hyph_word(nl, p, 11, pos, MAXPOS);
	S_verdict("reads only word[0..len)",
	    n == 2 && pos[0] == 3 && pos[1] == 7, NULL);
	free(p);

	S_verdict("invalid UTF-8 not hyphenated",
	    hyph_word(nl, "verkoop\xffplan", 12, pos, MAXPOS) == 0 &&
	    hyph_word(nl, "verkoopplan\xc3", 12, pos, MAXPOS) == 0 &&
	    hyph_word(nl, "ver\xc0\xafkoopplan", 13, pos, MAXPOS) == 0 &&
	    hyph_word(nl, "ver\xed\xa0\x80koopplan", 14, pos, MAXPOS) == 0,
	    NULL);

	S_expect(nl, "letter outside Latin-1: no Dutch patterns",
	    "Łódźverkoop", "Łódźverkoop");
	S_expect(nl, "decomposed ï (combining mark): no Dutch patterns",
	    "bei\xcc\x88nvloeding", "bei\xcc\x88nvloeding");

	for (i = 0; i < 30; i++)
		buf_puts(&w, "verkoopplan");
	S_verdict("word over HYPH_MAXWORD: no pattern breaks",
	    hyph_word(nl, w.data, w.len, pos, MAXPOS) == 0, NULL);
	buf_reset(&w);
	for (i = 0; i < 30; i++)
		buf_puts(&w, i ? "-verkoopplan" : "verkoopplan");
	n = hyph_word(nl, w.data, w.len, pos, MAXPOS);
	for (i = 0; i < n; i++)
		if (pos[i] != 12 * (i + 1))
			break;
	S_verdict("long word still breaks at its hyphens",
	    n == 29 && i == n, NULL);

	n = hyph_word(NULL, "e-mailcampagne", 14, pos, MAXPOS);
	if (n != 1 || pos[0] != 2)
		buf_puts(&why, "e-mailcampagne wrong; ");
	if (hyph_word(NULL, "verkoopplan", 11, pos, MAXPOS) != 0)
		buf_puts(&why, "verkoopplan hyphenated; ");
	S_verdict("no dictionary: explicit hyphens only", why.len == 0,
	    why.data);
	buf_free(&w);
	buf_free(&why);
}

/* A scratch directory for dictionaries; "" when it cannot be made. */
static char S_dir[64];

static void
S_file(const char *name, const char *text)
{
	struct buf path = { 0 };
	FILE *f;

	buf_printf(&path, "%s/%s", S_dir, name);
	if ((f = fopen(path.data, "w")) != NULL) {
		fputs(text, f);
		fclose(f);
	}
	buf_free(&path);
}

static void
S_unlink(const char *name)
{
	struct buf path = { 0 };

	buf_printf(&path, "%s/%s", S_dir, name);
	unlink(path.data);
	buf_free(&path);
}

static void
S_test_load(void)
{
	struct diag_list *dl;
	struct hyph *h;

	setenv("SALESGEN_HYPHEN_DIR", "/nonexistent", 1);
	dl = diag_list_new();
	h = hyph_new("nl", dl);
	S_verdict("missing dictionary gives NULL", h == NULL, NULL);
	S_expect_diag("missing dictionary gives a diagnostic", dl,
	    DIAG_NO_FILE, "/nonexistent/hyph_nl_NL.dic");
	hyph_free(h);
	diag_list_free(dl);

	dl = diag_list_new();
	h = hyph_new("de-DE", dl);
	S_expect_diag("other language: hyph_xx_YY.dic", dl, DIAG_NO_FILE,
	    "/nonexistent/hyph_de_DE.dic");
	hyph_free(h);
	diag_list_free(dl);

	dl = diag_list_new();
	h = hyph_new("../../etc/passwd", dl);
	S_verdict("language that is no code gives NULL", h == NULL, NULL);
	S_expect_diag("language that is no code gives a diagnostic", dl,
	    DIAG_CONFIG_VALUE, "../../etc/passwd");
	hyph_free(h);
	diag_list_free(dl);

	snprintf(S_dir, sizeof(S_dir), "/tmp/test_hyph.XXXXXX");
	if (mkdtemp(S_dir) == NULL) {
		S_verdict("scratch directory", 0, "mkdtemp failed");
		unsetenv("SALESGEN_HYPHEN_DIR");
		return;
	}
	setenv("SALESGEN_HYPHEN_DIR", S_dir, 1);

	/* The dictionary's own LEFTHYPHENMIN 1 does not beat the house's. */
	S_file("hyph_en_US.dic", "UTF-8\nLEFTHYPHENMIN 1\n"
	    "RIGHTHYPHENMIN 1\n1b1\n");
	dl = diag_list_new();
	h = hyph_new("en", dl);
	S_verdict("SALESGEN_HYPHEN_DIR is used", h != NULL && dl->n == 0,
	    NULL);
	S_expect(h, "house minima beat the dictionary's", "ababab",
	    "ab=a=bab");
	hyph_free(h);
	diag_list_free(dl);

	S_file("hyph_nl_NL.dic", "KOI8-R\n1b1\n");
	dl = diag_list_new();
	h = hyph_new("nl", dl);
	S_verdict("unsupported character set gives NULL", h == NULL, NULL);
	S_expect_diag("unsupported character set gives a diagnostic", dl,
	    DIAG_NO_FILE, "unsupported character set 'KOI8-R'");
	hyph_free(h);
	diag_list_free(dl);

	S_unlink("hyph_en_US.dic");
	S_unlink("hyph_nl_NL.dic");
	rmdir(S_dir);
	unsetenv("SALESGEN_HYPHEN_DIR");
}

int
main(void)
{
	struct diag_list *dl = diag_list_new();
	struct hyph *nl, *en;

	unsetenv("SALESGEN_HYPHEN_DIR");
	nl = hyph_new("nl", dl);
	en = hyph_new("en", dl);
	S_verdict("nl and en dictionaries load",
	    nl != NULL && en != NULL && dl->n == 0,
	    dl->n ? dl->v[0].msg : "no dictionary");
	if (nl == NULL || en == NULL) {
		hyph_free(nl);
		hyph_free(en);
		diag_list_free(dl);
		return 1;
	}

	S_words(nl, "nl", S_dutch);
	S_words(nl, "rule", S_rules);
	S_words(nl, "case", S_case);
	S_words(nl, "explicit", S_explicit);
	S_words(nl, "punctuation", S_punct);
	S_words(en, "en", S_english);
	S_test_edges(nl);
	S_test_exceptions(nl);
	S_expect(en, "exceptions are per language", "accountmanagement",
	    "ac=count=man=age=ment");
	S_test_load();

	hyph_free(nl);
	hyph_free(en);
	diag_list_free(dl);
	return check_status();
}
