/*
 * test_i18n — the generated labels come from templates/<lang>/labels.txt:
 * every key is there in both languages, with the words salesgen has always
 * put on its pages (so moving them out of the C code changed no output);
 * the sales documents' words only that they are there, as their goldens
 * (tests/regress/data, nl and en) pin the words.
 * One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "doc.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static const char *const S_nl[I18N__MAX] = {
	[I18N_CHAPTER] = "Hoofdstuk", [I18N_TABLE] = "Tabel",
	[I18N_FIGURE] = "Figuur", [I18N_GLOSSARY] = "Begrippenlijst",
	[I18N_GLOSSARY_FILE] = "begrippenlijst", [I18N_CONTENTS] = "Inhoud",
	[I18N_PREV] = "Vorige", [I18N_NEXT] = "Volgende",
	[I18N_SKIP] = "Naar de inhoud", [I18N_DEFINED_IN] = "Gedefinieerd in",
	[I18N_HOME] = "Start", [I18N_EXERCISE] = "Opdracht",
	[I18N_ANSWER] = "Antwoord", [I18N_CHAPTERS] = "Hoofdstukken",
	[I18N_NAV] = "Navigatie", [I18N_DOCUMENTS] = "Documenten",
	[I18N_SECTION] = "paragraaf",
	[I18N_REGISTER] = "Register", [I18N_PART] = "Deel",
	[I18N_EDITION_TEACHER] = "Docenteneditie",
	[I18N_EDITION_STUDENT] = "Studenteneditie",
	[I18N_SEARCH] = "Zoeken",
};
static const char *const S_en[I18N__MAX] = {
	[I18N_CHAPTER] = "Chapter", [I18N_TABLE] = "Table",
	[I18N_FIGURE] = "Figure", [I18N_GLOSSARY] = "Glossary",
	[I18N_GLOSSARY_FILE] = "glossary", [I18N_CONTENTS] = "Contents",
	[I18N_PREV] = "Previous", [I18N_NEXT] = "Next",
	[I18N_SKIP] = "Skip to content", [I18N_DEFINED_IN] = "Defined in",
	[I18N_HOME] = "Home", [I18N_EXERCISE] = "Exercise",
	[I18N_ANSWER] = "Answer", [I18N_CHAPTERS] = "Chapters",
	[I18N_NAV] = "Navigation", [I18N_DOCUMENTS] = "Documents",
	[I18N_SECTION] = "Section",
	[I18N_REGISTER] = "Index", [I18N_PART] = "Part",
	[I18N_EDITION_TEACHER] = "Teacher's edition",
	[I18N_EDITION_STUDENT] = "Student edition",
	[I18N_SEARCH] = "Search",
};
static const char *const S_callout_nl[CALLOUT__MAX] = {
	"", "Definitie", "Voorbeeld", "Opdracht", "Antwoord", "Tip", "Let op",
	"Vraag"
};
static const char *const S_callout_en[CALLOUT__MAX] = {
	"", "Definition", "Example", "Exercise", "Answer", "Tip", "Caution",
	"Question"
};

static void
S_lang(const char *lang, const char *const *words,
    const char *const *callouts, const char *name)
{
	struct buf why = { 0 };
	const char *got;
	size_t i;

	for (i = 0; i < I18N__MAX; i++) {
		got = i18n(lang, (enum i18n_key)i);
		/* a key missing from the file shows as its own name */
		check_why(&why, strcmp(got, i18n_key_name((enum i18n_key)i)),
		    "key %s: not in the file", i18n_key_name((enum i18n_key)i));
		/* the sales documents' words are pinned by their goldens */
		if (i >= I18N_S_PITCH_HOOK)
			continue;
		check_why(&why, words[i] != NULL && strcmp(got, words[i]) == 0,
		    "key %zu: \"%s\", expected \"%s\"", i, got,
		    words[i] ? words[i] : "(none)");
	}
	for (i = 0; i < CALLOUT__MAX; i++) {
		got = i18n_callout(lang, (enum callout_kind)i);
		check_why(&why, strcmp(got, callouts[i]) == 0,
		    "callout %zu: \"%s\", expected \"%s\"", i, got,
		    callouts[i]);
	}
	check_verdict("i18n", name, why.len == 0, buf_cstr(&why));
	buf_free(&why);
}

int
main(void)
{
	S_lang("nl", S_nl, S_callout_nl, "nl/labels.txt: every label, the "
	    "words of old");
	S_lang("en", S_en, S_callout_en, "en/labels.txt: every label, the "
	    "words of old");
	S_lang(NULL, S_nl, S_callout_nl, "no language is Dutch");
	S_lang("fr", S_nl, S_callout_nl, "an unknown language is Dutch");
	return check_status();
}
