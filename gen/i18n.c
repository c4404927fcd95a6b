/*
 * i18n — generated labels per language (see i18n.h).
 *
 * The words live in the per-language templates (templates/nl/labels.txt,
 * templates/en/labels.txt), beside the templates that use the same
 * language, and are read once from the copies built into the binary.
 */
#include "i18n.h"
#include "mem.h"
#include "theme.h"

#include <pthread.h>
#include <string.h>

/* The keys of labels.txt, in the order of enum i18n_key, then the callout
 * kinds from CALLOUT_DEFINITIE on. */
static const char *const S_keys[I18N__MAX] = {
	[I18N_CHAPTER] = "chapter",
	[I18N_TABLE] = "table",
	[I18N_FIGURE] = "figure",
	[I18N_GLOSSARY] = "glossary",
	[I18N_GLOSSARY_FILE] = "glossary-file",
	[I18N_CONTENTS] = "contents",
	[I18N_PREV] = "prev",
	[I18N_NEXT] = "next",
	[I18N_SKIP] = "skip",
	[I18N_DEFINED_IN] = "defined-in",
	[I18N_HOME] = "home",
	[I18N_EXERCISE] = "exercise",
	[I18N_ANSWER] = "answer",
	[I18N_CHAPTERS] = "chapters",
	[I18N_NAV] = "nav",
	[I18N_DOCUMENTS] = "documents",
	[I18N_SECTION] = "section",
	[I18N_REGISTER] = "register",
	[I18N_PART] = "part",
	[I18N_EDITION_TEACHER] = "edition.teacher",
	[I18N_EDITION_STUDENT] = "edition.student",
	[I18N_SEARCH] = "search",
	[I18N_S_PITCH_HOOK] = "sales.pitch.hook",
	[I18N_S_PITCH_WIE] = "sales.pitch.wie",
	[I18N_S_PITCH_VOORWIE] = "sales.pitch.voorwie",
	[I18N_S_PITCH_PROBLEEM] = "sales.pitch.probleem",
	[I18N_S_PITCH_OPLOSSING] = "sales.pitch.oplossing",
	[I18N_S_PITCH_BEWIJS] = "sales.pitch.bewijs",
	[I18N_S_PITCH_ACTIE] = "sales.pitch.actie",
	[I18N_S_MOTIEF_GEWIN] = "sales.motief.gewin",
	[I18N_S_MOTIEF_GEMAK] = "sales.motief.gemak",
	[I18N_S_MOTIEF_GENOT] = "sales.motief.genot",
	[I18N_S_MOTIEF_VEILIGHEID] = "sales.motief.veiligheid",
	[I18N_S_PER_UNIT] = "sales.per-unit",
	[I18N_S_VAT_RATE] = "sales.vat.rate",
	[I18N_S_VAT_REVERSE] = "sales.vat.reverse",
	[I18N_S_VAT_EXEMPT] = "sales.vat.exempt",
	[I18N_S_VAT_ICP] = "sales.vat.icp",
	[I18N_S_VAT_EXPORT] = "sales.vat.export",
	[I18N_S_CELL_RATE] = "sales.vat-cell.rate",
	[I18N_S_CELL_REVERSE] = "sales.vat-cell.reverse",
	[I18N_S_CELL_EXEMPT] = "sales.vat-cell.exempt",
	[I18N_S_CELL_ICP] = "sales.vat-cell.icp",
	[I18N_S_CELL_EXPORT] = "sales.vat-cell.export",
	[I18N_S_PERIOD_ONCE] = "sales.period.once",
	[I18N_S_PERIOD_MONTH] = "sales.period.month",
	[I18N_S_PERIOD_QUARTER] = "sales.period.quarter",
	[I18N_S_PERIOD_YEAR] = "sales.period.year",
	[I18N_S_PER_ONCE] = "sales.per.once",
	[I18N_S_PER_MONTH] = "sales.per.month",
	[I18N_S_PER_QUARTER] = "sales.per.quarter",
	[I18N_S_PER_YEAR] = "sales.per.year",
	[I18N_S_YEAR] = "sales.year",
	[I18N_S_YEARS] = "sales.years",
	[I18N_S_MONTH] = "sales.month",
	[I18N_S_MONTHS] = "sales.months",
	[I18N_S_DAY] = "sales.day",
	[I18N_S_DAYS] = "sales.days",
	[I18N_S_SUBTOTAL] = "sales.subtotal",
	[I18N_S_DISCOUNT] = "sales.discount",
	[I18N_S_NET] = "sales.net",
	[I18N_S_ON] = "sales.on",
	[I18N_S_TOTAL] = "sales.total",
	[I18N_S_CONTRACT] = "sales.contract",
	[I18N_S_DEPOSIT] = "sales.deposit",
	[I18N_S_BALANCE] = "sales.balance",
	[I18N_S_EARLY_PAY] = "sales.early-pay",
	[I18N_S_STAGE_LEAD] = "sales.stage.lead",
	[I18N_S_STAGE_SUSPECT] = "sales.stage.suspect",
	[I18N_S_STAGE_PROSPECT] = "sales.stage.prospect",
	[I18N_S_STAGE_HOT] = "sales.stage.hot",
	[I18N_S_STAGE_CUSTOMER] = "sales.stage.customer",
	[I18N_S_ROLE_INITIATIEFNEMER] = "sales.role.initiatiefnemer",
	[I18N_S_ROLE_GEBRUIKER] = "sales.role.gebruiker",
	[I18N_S_ROLE_BEINVLOEDER] = "sales.role.beinvloeder",
	[I18N_S_ROLE_BEINVLOEDER2] = "sales.role.beïnvloeder",
	[I18N_S_ROLE_INKOPER] = "sales.role.inkoper",
	[I18N_S_ROLE_BESLISSER] = "sales.role.beslisser",
	[I18N_S_ROLE_POORTWACHTER] = "sales.role.poortwachter",
	[I18N_S_ROLE_LAAG] = "sales.role.laag",
	[I18N_S_ROLE_MIDDEN] = "sales.role.midden",
	[I18N_S_ROLE_HOOG] = "sales.role.hoog",
	[I18N_S_ROLE_NEGATIEF] = "sales.role.negatief",
	[I18N_S_ROLE_NEUTRAAL] = "sales.role.neutraal",
	[I18N_S_ROLE_POSITIEF] = "sales.role.positief",
	[I18N_S_ROLE_GROOT] = "sales.role.groot",
	[I18N_S_ROLE_MIDDELGROOT] = "sales.role.middelgroot",
	[I18N_S_ROLE_KLEIN] = "sales.role.klein",
	[I18N_S_PYRAMID] = "sales.pyramid",
	[I18N_S_LEVEL_TOP] = "sales.level.top",
	[I18N_S_LEVEL_LARGE] = "sales.level.large",
	[I18N_S_LEVEL_MEDIUM] = "sales.level.medium",
	[I18N_S_LEVEL_SMALL] = "sales.level.small",
	[I18N_S_LEVEL_CHART_TOP] = "sales.level-chart.top",
	[I18N_S_LEVEL_CHART_LARGE] = "sales.level-chart.large",
	[I18N_S_LEVEL_CHART_MEDIUM] = "sales.level-chart.medium",
	[I18N_S_LEVEL_CHART_SMALL] = "sales.level-chart.small",
	[I18N_S_PYRAMID_RULE] = "sales.pyramid-rule",
	[I18N_S_CRIT_NEGATIVE] = "sales.criterion.negative",
	[I18N_S_CRIT_BEHAVIOUR] = "sales.criterion.behaviour",
	[I18N_S_CRIT_FIT] = "sales.criterion.fit",
	[I18N_S_CLASS_COLD] = "sales.class.cold",
	[I18N_S_CLASS_MQL] = "sales.class.mql",
	[I18N_S_CLASS_SQL] = "sales.class.sql",
	[I18N_S_LEADS] = "sales.leads",
	[I18N_S_ACCEPTED] = "sales.accepted",
	[I18N_S_FINGERPRINT] = "sales.fingerprint",
	[I18N_S_SELECTION] = "sales.selection",
	[I18N_S_QUANTITY] = "sales.quantity",
	[I18N_S_QUANTITY_NOTE] = "sales.quantity-note",
	[I18N_S_CHOOSE_ONE] = "sales.choose-one",
};
static const char *const S_callout_keys[CALLOUT__MAX] = {
	[CALLOUT_DEFINITIE] = "callout.definitie",
	[CALLOUT_VOORBEELD] = "callout.voorbeeld",
	[CALLOUT_OPDRACHT] = "callout.opdracht",
	[CALLOUT_ANTWOORD] = "callout.antwoord",
	[CALLOUT_TIP] = "callout.tip",
	[CALLOUT_LETOP] = "callout.letop",
	[CALLOUT_VRAAG] = "callout.vraag",
};

enum { S_NL, S_EN, S_NLANG };

static const char *const S_files[S_NLANG] = {
	"nl/labels.txt", "en/labels.txt"
};

/* Filled once (S_load) and read-only afterwards, so shared by threads. */
static const char *S_words[S_NLANG][I18N__MAX];
static const char *S_callouts[S_NLANG][CALLOUT__MAX];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

/* The text of key in the built-in labels file src (len bytes), as a new
 * string, or NULL. */
static char *
S_find(const char *src, size_t len, const char *key)
{
	const char *p = src, *e = src + len, *eol, *eq, *a, *b;
	size_t klen = strlen(key);

	for (; p < e; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(e - p))) == NULL)
			eol = e;
		if (*p == '#' || (eq = memchr(p, '=', (size_t)(eol - p))) == NULL)
			continue;
		for (b = eq; b > p && (b[-1] == ' ' || b[-1] == '\t'); b--)
			continue;
		if ((size_t)(b - p) != klen || memcmp(p, key, klen) != 0)
			continue;
		for (a = eq + 1; a < eol && (*a == ' ' || *a == '\t'); a++)
			continue;
		for (b = eol; b > a && (b[-1] == ' ' || b[-1] == '\t' ||
		    b[-1] == '\r'); b--)
			continue;
		return xstrndup(a, (size_t)(b - a));
	}
	return NULL;
}

/* A missing key shows as itself: tests/unit/test_i18n.c fails on it long
 * before a reader could see it. */
static const char *
S_word(const char *src, size_t len, const char *key)
{
	char *w = src != NULL ? S_find(src, len, key) : NULL;

	return w != NULL ? w : key;
}

static void
S_load(void)
{
	const char *src;
	size_t i, k, len;

	for (k = 0; k < S_NLANG; k++) {
		src = NULL;
		len = 0;
		for (i = 0; theme_builtin[i].name != NULL; i++)
			if (strcmp(theme_builtin[i].name, S_files[k]) == 0) {
				src = theme_builtin[i].data;
				len = theme_builtin[i].len;
			}
		for (i = 0; i < I18N__MAX; i++)
			S_words[k][i] = S_word(src, len, S_keys[i]);
		S_callouts[k][CALLOUT_NONE] = "";
		for (i = CALLOUT_NONE + 1; i < CALLOUT__MAX; i++)
			S_callouts[k][i] = S_word(src, len, S_callout_keys[i]);
	}
}

static int
S_lang(const char *lang)
{
	pthread_once(&S_once, S_load);
	return lang != NULL && strcmp(lang, "en") == 0 ? S_EN : S_NL;
}

int
i18n_known(const char *lang)
{
	return lang != NULL && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0);
}

const char *
i18n(const char *lang, enum i18n_key k)
{
	return S_words[S_lang(lang)][k];
}

const char *
i18n_key_name(enum i18n_key k)
{
	return S_keys[k];
}

const char *
i18n_callout(const char *lang, enum callout_kind k)
{
	int l = S_lang(lang);

	if ((int)k < 0 || k >= CALLOUT__MAX)
		return "";
	return S_callouts[l][k];
}
