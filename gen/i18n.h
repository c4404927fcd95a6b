/*
 * i18n — the words salesgen itself puts on a page, per language.
 *
 * Content is written by the user in any language; these are only the
 * generated labels ("Tabel 1.1", "Begrippenlijst", "Vorige").  Dutch is the
 * default; an unknown language falls back to it.  The words come from the
 * per-language templates, templates/<lang>/labels.txt as built into the
 * binary, read once on first use (safe from any thread); the strings
 * returned live as long as the program.
 */
#ifndef SALESGEN_I18N_H
#define SALESGEN_I18N_H

#include "doc.h"

enum i18n_key {
	I18N_CHAPTER,
	I18N_TABLE,
	I18N_FIGURE,
	I18N_GLOSSARY,
	I18N_GLOSSARY_FILE,	/* output file stem of the glossary page */
	I18N_CONTENTS,
	I18N_PREV,
	I18N_NEXT,
	I18N_SKIP,
	I18N_DEFINED_IN,
	I18N_HOME,
	I18N_EXERCISE,
	I18N_ANSWER,
	I18N_CHAPTERS,
	I18N_NAV,
	I18N_DOCUMENTS,
	I18N_SECTION,		/* a Quarto @sec- reference: "paragraaf 2.1" */
	I18N_REGISTER,		/* the back-of-book index */
	I18N_PART,		/* "Deel 2" on a part's page */
	I18N_EDITION_TEACHER,	/* the handouts' title pages */
	I18N_EDITION_STUDENT,
	I18N_SEARCH,		/* the site's search box and page */
	/* The sales documents' words; each run (pitch parts, VAT kinds in
	 * the order of enum sales_vat_kind, periods in the order of enum
	 * sales_period, stages, roles, levels) is consecutive, so a kind
	 * indexes it from its first key. */
	I18N_S_PITCH_HOOK,
	I18N_S_PITCH_WIE,
	I18N_S_PITCH_VOORWIE,
	I18N_S_PITCH_PROBLEEM,
	I18N_S_PITCH_OPLOSSING,
	I18N_S_PITCH_BEWIJS,
	I18N_S_PITCH_ACTIE,
	I18N_S_MOTIEF_GEWIN,
	I18N_S_MOTIEF_GEMAK,
	I18N_S_MOTIEF_GENOT,
	I18N_S_MOTIEF_VEILIGHEID,
	I18N_S_PER_UNIT,
	I18N_S_VAT_RATE,
	I18N_S_VAT_REVERSE,
	I18N_S_VAT_EXEMPT,
	I18N_S_VAT_ICP,
	I18N_S_VAT_EXPORT,
	I18N_S_CELL_RATE,
	I18N_S_CELL_REVERSE,
	I18N_S_CELL_EXEMPT,
	I18N_S_CELL_ICP,
	I18N_S_CELL_EXPORT,
	I18N_S_PERIOD_ONCE,
	I18N_S_PERIOD_MONTH,
	I18N_S_PERIOD_QUARTER,
	I18N_S_PERIOD_YEAR,
	I18N_S_PER_ONCE,
	I18N_S_PER_MONTH,
	I18N_S_PER_QUARTER,
	I18N_S_PER_YEAR,
	I18N_S_YEAR,
	I18N_S_YEARS,
	I18N_S_MONTH,
	I18N_S_MONTHS,
	I18N_S_DAY,
	I18N_S_DAYS,
	I18N_S_SUBTOTAL,
	I18N_S_DISCOUNT,
	I18N_S_NET,
	I18N_S_ON,
	I18N_S_TOTAL,
	I18N_S_CONTRACT,
	I18N_S_DEPOSIT,
	I18N_S_BALANCE,
	I18N_S_EARLY_PAY,
	I18N_S_STAGE_LEAD,
	I18N_S_STAGE_SUSPECT,
	I18N_S_STAGE_PROSPECT,
	I18N_S_STAGE_HOT,
	I18N_S_STAGE_CUSTOMER,
	I18N_S_ROLE_INITIATIEFNEMER,
	I18N_S_ROLE_GEBRUIKER,
	I18N_S_ROLE_BEINVLOEDER,
	I18N_S_ROLE_BEINVLOEDER2,
	I18N_S_ROLE_INKOPER,
	I18N_S_ROLE_BESLISSER,
	I18N_S_ROLE_POORTWACHTER,
	I18N_S_ROLE_LAAG,
	I18N_S_ROLE_MIDDEN,
	I18N_S_ROLE_HOOG,
	I18N_S_ROLE_NEGATIEF,
	I18N_S_ROLE_NEUTRAAL,
	I18N_S_ROLE_POSITIEF,
	I18N_S_ROLE_GROOT,
	I18N_S_ROLE_MIDDELGROOT,
	I18N_S_ROLE_KLEIN,
	I18N_S_PYRAMID,
	I18N_S_LEVEL_TOP,
	I18N_S_LEVEL_LARGE,
	I18N_S_LEVEL_MEDIUM,
	I18N_S_LEVEL_SMALL,
	I18N_S_LEVEL_CHART_TOP,
	I18N_S_LEVEL_CHART_LARGE,
	I18N_S_LEVEL_CHART_MEDIUM,
	I18N_S_LEVEL_CHART_SMALL,
	I18N_S_PYRAMID_RULE,
	I18N_S_CRIT_NEGATIVE,
	I18N_S_CRIT_BEHAVIOUR,
	I18N_S_CRIT_FIT,
	I18N_S_CLASS_COLD,
	I18N_S_CLASS_MQL,
	I18N_S_CLASS_SQL,
	I18N_S_LEADS,
	I18N_S_ACCEPTED,
	I18N_S_FINGERPRINT,
	I18N_S_SELECTION,
	I18N_S_QUANTITY,
	I18N_S_QUANTITY_NOTE,
	I18N_S_CHOOSE_ONE,
	I18N__MAX
};

const char *i18n(const char *lang, enum i18n_key);
/* The key's name in labels.txt ("sales.vat.rate"). */
const char *i18n_key_name(enum i18n_key);
/* The heading shown on a callout box of this kind ("Definitie", "Tip"). */
const char *i18n_callout(const char *lang, enum callout_kind);
/* 1 for a language salesgen has labels for. */
int	i18n_known(const char *lang);

#endif
