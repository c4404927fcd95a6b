/*
 * hyph — where a word may be broken at the end of a line.
 *
 * This module owns the hyphenation patterns (libhyphen dictionaries, one
 * struct hyph per language), the project's hyphenation exceptions and the
 * house typesetting rules that decide which of the pattern's breaks may be
 * used.  It does not set text: it only answers, for one word, at which byte
 * offsets a hyphen may go; the line breaker decides which one to take.
 *
 * A word is what the line breaker cut out between spaces.  Opening and
 * closing punctuation around it ("(", "'", "...", ".", ",", "?", ...) is
 * skipped; everything between is the word proper.
 *
 * hyph_word() keeps its scratch on the stack and does not change the struct,
 * so several threads may call it at once on one struct hyph, as long as no
 * hyph_exception() runs at the same time.
 */
#ifndef SALESGEN_HYPH_H
#define SALESGEN_HYPH_H

#include <stddef.h>

struct diag_list;
struct hyph;

/* Longest word proper, in bytes, that patterns and exceptions are tried
 * on; a longer one is broken only at its explicit hyphens. */
#define HYPH_MAXWORD	256

/* Loads the patterns for lang: "nl" (also "nl-BE", "nl_NL": the primary
 * subtag counts; NULL means "nl") gives hyph_nl_NL.dic, "en" gives
 * hyph_en_US.dic, another code gives hyph_<code>.dic with '-' made '_'
 * ("de-DE": hyph_de_DE.dic).  The directory is /usr/share/hyphen, or
 * $SALESGEN_HYPHEN_DIR when set (for tests).  Returns NULL after adding a
 * diagnostic to dl (if not NULL) when the dictionary is missing or
 * unusable (DIAG_NO_FILE; DIAG_CONFIG_VALUE for a lang that is no language
 * code); callers then set text without hyphenation. */
struct hyph *hyph_new(const char *lang, struct diag_list *dl);
void	hyph_free(struct hyph *);

/* A project exception: the word as it must be hyphenated, e.g.
 * "ver-koop-plan", or without hyphens ("salesgen") for a word that is never
 * broken.  Matches the whole word, case-insensitively (ASCII and Latin-1
 * capitals); a later entry for the same word replaces the earlier one.  The
 * house rules (5 letters, 2 before, 3 after) still apply to its breaks.
 * Returns 0, or -1 on a malformed entry: empty, a hyphen at either end or
 * two in a row, anything but letters and hyphens, invalid UTF-8, or longer
 * than HYPH_MAXWORD.  With a NULL struct hyph the entry is only checked. */
int	hyph_exception(struct hyph *, const char *spec);

/* Fills pos[] (ascending) with the UTF-8 byte offsets inside word[0..len)
 * where a hyphen may be inserted, at most max; returns the count.
 * The house rules:
 *  - no breaks in words of fewer than 5 letters;
 *  - at least 2 letters before and 3 after a break (LEFTHYPHENMIN 2,
 *    RIGHTHYPHENMIN 3, counted in letters, not bytes);
 *  - a word holding anything but letters (a hyphen, digit, apostrophe, @,
 *    slash, ...) is broken only just after its explicit hyphens ('-',
 *    U+2010 HYPHEN, U+00AD SOFT HYPHEN), never before its first or after
 *    its last character: "e-mailcampagne" only after "e-".  The caller
 *    looks at the character before the offset to know whether a hyphen
 *    still has to be drawn there (only for the soft hyphen);
 *  - capitalised words are hyphenated like their lowercase form, words in
 *    ALL CAPS (acronyms: "CRM", "KLANTENPIRAMIDE") are not hyphenated;
 *  - exceptions win over patterns;
 *  - for Latin-1 patterns (Dutch), a word with a letter outside Latin-1 gets
 *    no pattern breaks (exceptions still apply).
 * Invalid UTF-8 gives 0.  A NULL struct hyph (no dictionary) has no
 * patterns and no exceptions: only explicit hyphens are returned. */
size_t	hyph_word(const struct hyph *, const char *word, size_t len,
	    size_t *pos, size_t max);

#endif
