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
	I18N__MAX
};

const char *i18n(const char *lang, enum i18n_key);
/* The heading shown on a callout box of this kind ("Definitie", "Tip"). */
const char *i18n_callout(const char *lang, enum callout_kind);
/* 1 for a language salesgen has labels for. */
int	i18n_known(const char *lang);

#endif
