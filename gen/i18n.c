/* i18n — generated labels per language (see i18n.h). */
#include "i18n.h"

#include <string.h>

static const char *S_nl[I18N__MAX] = {
	[I18N_CHAPTER] = "Hoofdstuk",
	[I18N_TABLE] = "Tabel",
	[I18N_FIGURE] = "Figuur",
	[I18N_GLOSSARY] = "Begrippenlijst",
	[I18N_GLOSSARY_FILE] = "begrippenlijst",
	[I18N_CONTENTS] = "Inhoud",
	[I18N_PREV] = "Vorige",
	[I18N_NEXT] = "Volgende",
	[I18N_SKIP] = "Naar de inhoud",
	[I18N_DEFINED_IN] = "Gedefinieerd in",
	[I18N_HOME] = "Start",
	[I18N_EXERCISE] = "Opdracht",
	[I18N_ANSWER] = "Antwoord",
	[I18N_CHAPTERS] = "Hoofdstukken",
	[I18N_NAV] = "Navigatie",
	[I18N_DOCUMENTS] = "Documenten",
	[I18N_SECTION] = "paragraaf",
};

static const char *S_en[I18N__MAX] = {
	[I18N_CHAPTER] = "Chapter",
	[I18N_TABLE] = "Table",
	[I18N_FIGURE] = "Figure",
	[I18N_GLOSSARY] = "Glossary",
	[I18N_GLOSSARY_FILE] = "glossary",
	[I18N_CONTENTS] = "Contents",
	[I18N_PREV] = "Previous",
	[I18N_NEXT] = "Next",
	[I18N_SKIP] = "Skip to content",
	[I18N_DEFINED_IN] = "Defined in",
	[I18N_HOME] = "Home",
	[I18N_EXERCISE] = "Exercise",
	[I18N_ANSWER] = "Answer",
	[I18N_CHAPTERS] = "Chapters",
	[I18N_NAV] = "Navigation",
	[I18N_DOCUMENTS] = "Documents",
	[I18N_SECTION] = "Section",
};

static const char *S_callout_nl[CALLOUT__MAX] = {
	"", "Definitie", "Voorbeeld", "Opdracht", "Antwoord", "Tip", "Let op",
	"Vraag"
};
static const char *S_callout_en[CALLOUT__MAX] = {
	"", "Definition", "Example", "Exercise", "Answer", "Tip", "Caution",
	"Question"
};

static int
S_en_p(const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0;
}

int
i18n_known(const char *lang)
{
	return lang != NULL && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0);
}

const char *
i18n(const char *lang, enum i18n_key k)
{
	return (S_en_p(lang) ? S_en : S_nl)[k];
}

const char *
i18n_callout(const char *lang, enum callout_kind k)
{
	if ((int)k < 0 || k >= CALLOUT__MAX)
		return "";
	return (S_en_p(lang) ? S_callout_en : S_callout_nl)[k];
}
