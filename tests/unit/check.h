/*
 * check — the verdicts of the unit tests (tests/unit/test_*.c), in one
 * shape: one "PASS area: name" or "FAIL area: name" line per test, the
 * reasons and diagnostics of a failure indented under it, and exit status
 * 1 when anything failed (check_status()).
 *
 * Each test program includes this once; the count of failures is that
 * program's own (static).  The functions are static inline so that a
 * program may leave any of them unused.
 */
#ifndef SALESGEN_TESTS_CHECK_H
#define SALESGEN_TESTS_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

static int check_failed;

/* Counts one failure, for a test that prints its own FAIL line. */
static inline void
check_fail(void)
{
	check_failed++;
}

/* Prints the verdict of test name in area; a failure is counted and its
 * reasons (NULL, or lines) are printed under it, two spaces in. */
static inline void
check_verdict(const char *area, const char *name, int ok, const char *reasons)
{
	const char *p, *q;

	printf("%s %s: %s\n", ok ? "PASS" : "FAIL", area, name);
	if (ok)
		return;
	check_failed++;
	for (p = reasons; p != NULL && *p != '\0'; p = *q ? q + 1 : q) {
		q = p + strcspn(p, "\n");
		while (p < q && *p == ' ')
			p++;
		if (p < q)
			printf("  %.*s\n", (int)(q - p), p);
	}
}

/* The diagnostics in dl (NULL: none), under a failure. */
static inline void
check_diags(const struct diag_list *dl)
{
	size_t i;

	for (i = 0; dl != NULL && i < dl->n; i++)
		printf("  diag: %s:%d:%d: %s: %s\n", dl->v[i].file ?
		    dl->v[i].file : "-", dl->v[i].line, dl->v[i].col,
		    diag_level_name(dl->v[i].level), dl->v[i].msg);
}

/* Adds a line to out when cond is false (a check that failed). */
static inline void
check_why(struct buf *out, int cond, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline void
check_why(struct buf *out, int cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
		return;
	va_start(ap, fmt);
	buf_vprintf(out, fmt, ap);
	va_end(ap);
	buf_putc(out, '\n');
}

/* The program's exit status: 1 when a test failed, else 0. */
static inline int
check_status(void)
{
	return check_failed > 0;
}

#endif
