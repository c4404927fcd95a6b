/*
 * num — the one reader of numbers as people write them, in Dutch or in
 * English.  Charts, CSV cells and the sales documents' amounts, quantities
 * and percentages all read the digits through here, so "1,250" means the
 * same thing wherever it stands in a document of one language.  What may
 * stand around the digits (a sign, €, %, blanks) is the caller's business.
 *
 * The number is digits with '.' and ',' as marks, starting and ending with
 * a digit.  Which mark is the decimal sign:
 *   - both occur: the one that occurs last, and it may occur only once;
 *     the other groups thousands ("1.250,50" and "1,250.50" are 1250.5 in
 *     both languages);
 *   - one mark occurs more than once: it groups thousands ("1.250.000" and
 *     "1,250,000" are a million in both languages);
 *   - one mark occurs once: the language decides.  Dutch writes ',' for
 *     the decimal sign and '.' between thousands, English the reverse.
 *     The language's decimal sign is always decimal.  Its thousands sign
 *     groups when the digits can be groups (one to three digits not
 *     starting with 0, then exactly three); otherwise nothing else can be
 *     meant than a decimal.  So, in Dutch, "1,250" is 1.25, "1.250" is
 *     1250, "12.5" and "0.250" are decimals; in English "1,250" is 1250,
 *     "1.250" is 1.25, "2,5" and "0,250" are decimals.
 * Thousands groups: the first has one to three digits and does not start
 * with 0, every later one has exactly three ("1.2.3,4" and "12.34.567" are
 * not numbers).  No signs, exponents or spaces inside.
 *
 * A language is its code from the settings or the document ("nl", "en",
 * "en-GB"); anything but English reads as Dutch, the default language.
 */
#ifndef SALESGEN_NUM_H
#define SALESGEN_NUM_H

#include <stddef.h>
#include <stdint.h>

/* The number in [p, e) times 10^maxdec, exactly: a fraction longer than
 * maxdec decimals is refused, not rounded ("1,2345" is not money).
 * Returns 0 and sets *out, or -1 (leaving *out alone) for anything that is
 * not a number by the rule above or does not fit int64_t. */
int	num_fixed(const char *p, const char *e, const char *lang, int maxdec,
	    int64_t *out);

/* The number in [p, e) as a double.  At most 40 digits (a spreadsheet
 * writes 15).  Returns 0 and sets *out, or -1 leaving *out alone. */
int	num_double(const char *p, const char *e, const char *lang,
	    double *out);

#endif
