/*
 * test_page — the paginator, paginate(), on hand-built columns of rows
 * (layout_init with no fonts, layout_row, layout_space): pages filled up to
 * the text height, rows that keep with the next and hyphenated lines never
 * last on a page unless the page would be under half full, space dropped
 * at the top of a page, forced breaks, a 300-row table whose header row
 * comes back at the top of every page it runs on to, random columns whose
 * every row must come out once and in order, and a table row too tall to
 * share a page with its header.  Every test runs in a child process under
 * a time limit (and, outside sanitizer and valgrind runs, a memory limit),
 * so a paginator that loops fails the test instead of hanging the suite.
 * One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "mem.h"
#include "pdf/pdf_layout.h"
#include "pdf/pdf_page.h"

#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static char why[8192];
static size_t nwhy;

static void
S_why(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Adds a line of detail to the verdict (the first 30 lines are kept). */
static void
S_why(const char *fmt, ...)
{
	static int lines;
	va_list ap;
	int k;

	if (nwhy == 0)
		lines = 0;
	if (++lines > 30 || nwhy >= sizeof(why) - 2)
		return;
	va_start(ap, fmt);
	k = vsnprintf(why + nwhy, sizeof(why) - nwhy - 1, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	nwhy += (size_t)k < sizeof(why) - nwhy - 1 ? (size_t)k :
	    sizeof(why) - nwhy - 2;
	why[nwhy++] = '\n';
	why[nwhy] = '\0';
}

/* --- building columns --- */

static void
S_init(struct layout *l)
{
	layout_init(l, NULL, NULL, NULL, NULL);
}

/* A text row of height h; returns its index. */
static size_t
S_line(struct layout *l, double h, int keep, int hyphen)
{
	struct pl_row *r = layout_row(l, PL_LINE, h);

	r->keep = keep;
	r->hyphen = hyphen;
	return l->n - 1;
}

static size_t
S_space(struct layout *l, double h, int keep)
{
	layout_space(l, h);
	l->rows[l->n - 1].keep = keep;
	return l->n - 1;
}

static size_t
S_trow(struct layout *l, double h, int table, int header)
{
	struct pl_row *r = layout_row(l, PL_LINE, h);

	r->table = table;
	r->theader = header;
	r->keep = header;	/* as pdf_table.c sets them */
	return l->n - 1;
}

static void
S_forced(struct layout *l)
{
	layout_row(l, PL_PAGE, 0);
}

/* --- looking at the result --- */

static const struct pl_row *
S_row(const struct layout *l, const struct pg_page *pg, size_t k)
{
	return &l->rows[pg->e[k].row];
}

static double
S_bottom(const struct layout *l, const struct pg_page *pg, size_t k)
{
	return pg->e[k].y + S_row(l, pg, k)->h;
}

/* Entry k of page i is a repeated table header: the first entry, a header
 * row, that came before the last row of the page before. */
static int
S_is_copy(const struct layout *l, const struct pages *ps, size_t i, size_t k)
{
	const struct pg_page *pg = &ps->p[i], *prev;

	if (k != 0 || i == 0 || pg->n == 0 || !S_row(l, pg, 0)->theader)
		return 0;
	prev = &ps->p[i - 1];
	return prev->n > 0 && pg->e[0].row < prev->e[prev->n - 1].row;
}

static void
S_dump(const struct layout *l, const struct pages *ps)
{
	size_t i, k;
	char b[160];
	int n;

	for (i = 0; i < ps->n && i < 12; i++) {
		n = snprintf(b, sizeof(b), "page %zu:", i + 1);
		for (k = 0; k < ps->p[i].n && n < 130; k++)
			n += snprintf(b + n, sizeof(b) - (size_t)n, " %zu%s",
			    ps->p[i].e[k].row,
			    S_row(l, &ps->p[i], k)->kind == PL_SPACE ? "s" :
			    S_row(l, &ps->p[i], k)->keep ? "k" :
			    S_row(l, &ps->p[i], k)->hyphen ? "h" : "");
		if (k < ps->p[i].n)
			snprintf(b + n, sizeof(b) - (size_t)n, " ... (%zu rows)",
			    ps->p[i].n);
		S_why("%s", b);
	}
}

/*
 * What holds for any column: no page is empty, starts or ends with space,
 * or holds a forced break; rows sit one below the other from the top; no
 * page runs past body_h unless one row alone (after a repeated header)
 * does; every text row comes out exactly once and in order, with repeated
 * table headers as the only extra rows.
 */
static void
S_invariants(const struct layout *l, double body_h, const struct pages *ps)
{
	size_t i, k, last = 0, *seen;
	int have = 0, bad = 0;

	seen = xcalloc(l->n ? l->n : 1, sizeof(*seen));
	for (i = 0; i < ps->n; i++) {
		const struct pg_page *pg = &ps->p[i];
		double y = 0;

		if (pg->n == 0) {
			S_why("page %zu is empty", i + 1);
			continue;
		}
		if (S_row(l, pg, 0)->kind == PL_SPACE)
			S_why("page %zu starts with space (row %zu)", i + 1,
			    pg->e[0].row);
		if (S_row(l, pg, pg->n - 1)->kind == PL_SPACE)
			S_why("page %zu ends with space (row %zu)", i + 1,
			    pg->e[pg->n - 1].row);
		for (k = 0; k < pg->n; k++) {
			const struct pl_row *r = S_row(l, pg, k);

			if (pg->e[k].row >= l->n) {
				S_why("page %zu: row %zu does not exist",
				    i + 1, pg->e[k].row);
				bad = 1;
				break;
			}
			if (r->kind == PL_PAGE)
				S_why("page %zu holds the forced break %zu",
				    i + 1, pg->e[k].row);
			if (pg->e[k].y < y - 1e-9 || pg->e[k].y > y + 1e-9)
				S_why("page %zu, row %zu: y %.2f, expected "
				    "%.2f", i + 1, pg->e[k].row, pg->e[k].y, y);
			y += r->h;
			if (S_is_copy(l, ps, i, k)) {
				if (pg->n < 2 || S_row(l, pg, 1)->table !=
				    r->table || S_row(l, pg, 1)->theader)
					S_why("page %zu: repeated header %zu "
					    "is not over a row of its table",
					    i + 1, pg->e[k].row);
				continue;
			}
			if (have && pg->e[k].row <= last)
				S_why("page %zu: row %zu after row %zu", i + 1,
				    pg->e[k].row, last);
			last = pg->e[k].row;
			have = 1;
			seen[pg->e[k].row]++;
		}
		if (y > body_h + 1e-9) {
			size_t first = S_is_copy(l, ps, i, 0) ? 1 : 0;

			if (pg->n - first > 1)
				S_why("page %zu is %.2f high, more than %.2f",
				    i + 1, y, body_h);
		}
	}
	for (k = 0; !bad && k < l->n; k++) {
		if (l->rows[k].kind == PL_LINE && seen[k] != 1)
			S_why("row %zu is on %zu pages", k, seen[k]);
		if (l->rows[k].kind != PL_LINE && seen[k] > 1)
			S_why("space %zu is on %zu pages", k, seen[k]);
	}
	free(seen);
}

/* Did page i end because a forced break came next (or the column ended)? */
static int
S_ended_by_force(const struct layout *l, const struct pages *ps, size_t i)
{
	size_t r;

	if (i + 1 >= ps->n)
		return 1;
	for (r = ps->p[i].e[ps->p[i].n - 1].row + 1; r < l->n; r++) {
		if (l->rows[r].kind == PL_PAGE)
			return 1;
		if (l->rows[r].kind != PL_SPACE)
			return 0;
	}
	return 1;
}

/*
 * A page that ends by running full ends after a row that allows a break
 * (not keep, not hyphen), unless no such row on it would leave the page at
 * least half full.
 */
static void
S_break_rules(const struct layout *l, double body_h, const struct pages *ps)
{
	size_t i, k;

	for (i = 0; i < ps->n; i++) {
		const struct pg_page *pg = &ps->p[i];
		const struct pl_row *r;

		if (pg->n == 0 || S_ended_by_force(l, ps, i))
			continue;
		r = S_row(l, pg, pg->n - 1);
		if (!r->keep && !r->hyphen)
			continue;
		for (k = pg->n - 1; k-- > 0;) {
			const struct pl_row *q = S_row(l, pg, k);

			if (!q->keep && !q->hyphen && q->kind == PL_LINE &&
			    S_bottom(l, pg, k) >= body_h / 2) {
				S_why("page %zu ends after row %zu (%s), but "
				    "could end after row %zu at %.1f of %.1f",
				    i + 1, pg->e[pg->n - 1].row, r->keep ?
				    "keep" : "hyphen", pg->e[k].row,
				    S_bottom(l, pg, k), body_h);
				break;
			}
		}
	}
}

/* --- running tests --- */

#include "check.h"

/* A test fills in why[] (nothing: it passed). */
typedef void (*test_fn)(void);

static void
S_limits(unsigned secs)
{
	struct rlimit rl;

	alarm(secs);
	/* A runaway paginator allocates about a gigabyte a second; keep it
	 * small where the address space can be limited at all. */
	if (!SANITIZED && getenv("VALGRIND") == NULL) {
		rl.rlim_cur = rl.rlim_max = (rlim_t)1 << 30;
		setrlimit(RLIMIT_AS, &rl);
	}
}

/* Runs fn in a child process with a time (and memory) limit, and prints
 * the verdict. */
static void
S_run(const char *name, test_fn fn, unsigned secs)
{
	int fd[2], st;
	pid_t pid;
	char buf[sizeof(why)];
	size_t n = 0;
	ssize_t k;
	const char *p, *q;

	fflush(stdout);
	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		printf("FAIL page: %s\n  cannot fork\n", name);
		check_fail();
		return;
	}
	if (pid == 0) {
		close(fd[0]);
		/* what the library says on stderr (out of memory) becomes a
		 * detail of the verdict */
		fflush(stderr);
		dup2(fd[1], 2);
		S_limits(secs);
		nwhy = 0;
		why[0] = '\0';
		fn();
		if (nwhy > 0 && write(fd[1], why, nwhy) < 0)
			_exit(3);
		_exit(nwhy > 0 ? 1 : 0);
	}
	close(fd[1]);
	while (n < sizeof(buf) - 1 &&
	    (k = read(fd[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += (size_t)k;
	buf[n] = '\0';
	close(fd[0]);
	while (waitpid(pid, &st, 0) < 0)
		;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		printf("PASS page: %s\n", name);
		return;
	}
	check_fail();
	printf("FAIL page: %s\n", name);
	for (p = buf; *p != '\0'; p = q + 1) {
		if ((q = strchr(p, '\n')) == NULL)
			q = p + strlen(p);
		printf("  %.*s\n", (int)(q - p), p);
		if (*q == '\0')
			break;
	}
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
		printf("  paginate() did not return within %u s\n", secs);
	else if (WIFSIGNALED(st))
		printf("  killed by signal %d\n", WTERMSIG(st));
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 2)
		printf("  out of memory (paginate() does not stop adding "
		    "pages)\n");
	else if (WIFEXITED(st) && WEXITSTATUS(st) != 1)
		printf("  exit status %d\n", WEXITSTATUS(st));
}

static uint64_t rnd_state;

static uint32_t
S_rand(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)(rnd_state >> 11);
}

/* --- the tests --- */

/* 25 rows of 10 on pages of 100: 10, 10, 5, each from y = 0. */
static void
T_fill(void)
{
	struct layout l;
	struct pages ps;
	size_t i, k;

	S_init(&l);
	for (i = 0; i < 25; i++)
		S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	if (ps.n != 3 || ps.p[0].n != 10 || ps.p[1].n != 10 || ps.p[2].n != 5) {
		S_why("expected pages of 10, 10 and 5 rows");
		S_dump(&l, &ps);
	}
	for (i = 0; i < ps.n; i++)
		for (k = 0; k < ps.p[i].n; k++)
			if (ps.p[i].e[k].row != i * 10 + k ||
			    ps.p[i].e[k].y != 10.0 * (double)k)
				S_why("page %zu, entry %zu: row %zu at %.1f",
				    i + 1, k, ps.p[i].e[k].row, ps.p[i].e[k].y);
	S_invariants(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Rows of random heights, no rules: every page is as full as it can be
 * (its first row on the next page would not have fitted). */
static void
T_fill_random(void)
{
	struct layout l;
	struct pages ps;
	size_t i, k;
	double y;

	rnd_state = 0x9E3779B97F4A7C15u;
	S_init(&l);
	for (i = 0; i < 2000; i++)
		S_line(&l, 5 + S_rand() % 40, 0, 0);
	paginate(&l, 700, &ps);
	for (i = 0; i + 1 < ps.n; i++) {
		for (y = 0, k = 0; k < ps.p[i].n; k++)
			y += S_row(&l, &ps.p[i], k)->h;
		if (y + S_row(&l, &ps.p[i + 1], 0)->h <= 700)
			S_why("page %zu is %.0f high; row %zu (%.0f) would "
			    "have fitted", i + 1, y, ps.p[i + 1].e[0].row,
			    S_row(&l, &ps.p[i + 1], 0)->h);
	}
	S_invariants(&l, 700, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Row 9 would end page 1 but keeps with the next: it goes over. */
static void
T_keep(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 20; i++)
		S_line(&l, 10, i == 9, 0);
	paginate(&l, 100, &ps);
	if (ps.n < 2 || ps.p[0].n != 9 || ps.p[1].e[0].row != 9) {
		S_why("expected page 1 to end after row 8, page 2 to start "
		    "with row 9");
		S_dump(&l, &ps);
	}
	S_invariants(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);

	/* a chain of keeps: rows 6, 7, 8 and 9 go over together */
	S_init(&l);
	for (i = 0; i < 20; i++)
		S_line(&l, 10, i >= 6 && i <= 9, 0);
	paginate(&l, 100, &ps);
	if (ps.n < 2 || ps.p[0].n != 6 || ps.p[1].e[0].row != 6) {
		S_why("chain: expected page 1 to end after row 5");
		S_dump(&l, &ps);
	}
	S_invariants(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* When keeping would leave the page under half full, the page is filled
 * instead: rows 3 to 12 all keep with the next. */
static void
T_keep_half(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 20; i++)
		S_line(&l, 10, i >= 3 && i <= 12, 0);
	paginate(&l, 100, &ps);
	if (ps.n < 2 || ps.p[0].n != 10) {
		S_why("expected a full first page of 10 rows (a break after "
		    "row 2 leaves it 30 %% full)");
		S_dump(&l, &ps);
	}
	/* exactly half full is enough: rows 5 to 12 keep, a break after
	 * row 4 leaves 50 of 100 */
	pages_free(&ps);
	layout_free(&l);
	S_init(&l);
	for (i = 0; i < 20; i++)
		S_line(&l, 10, i >= 5 && i <= 12, 0);
	paginate(&l, 100, &ps);
	if (ps.n < 2 || ps.p[0].n != 5) {
		S_why("expected page 1 to end after row 4 (half full)");
		S_dump(&l, &ps);
	}
	S_invariants(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* A line that ends in a hyphen does not end a page. */
static void
T_hyphen(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 30; i++)
		S_line(&l, 10, 0, i == 9 || i == 18 || i == 19);
	paginate(&l, 100, &ps);
	if (ps.n < 3 || ps.p[0].n != 9 || ps.p[1].e[0].row != 9 ||
	    ps.p[1].n != 9 || ps.p[2].e[0].row != 18) {
		S_why("expected pages to start with rows 0, 9 and 18");
		S_dump(&l, &ps);
	}
	S_invariants(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Keep and hyphen rows at random (heights of 1 to 3 lines, spaces that
 * keep when the row before does, as the builders make them): the rules
 * hold on every page, every row comes out once. */
static void
T_rules_random(void)
{
	struct layout l;
	struct pages ps;
	size_t i;
	int round, prev_keep;

	rnd_state = 0x2545F4914F6CDD1Du;
	for (round = 0; round < 50; round++) {
		S_init(&l);
		prev_keep = 0;
		for (i = 0; i < 400; i++) {
			uint32_t x = S_rand() % 100;

			if (x < 10) {
				S_space(&l, 4 + S_rand() % 10, prev_keep);
				continue;
			}
			prev_keep = x < 35;
			S_line(&l, 13.2 * (1 + S_rand() % 3), x < 25,
			    x >= 25 && x < 35);
		}
		paginate(&l, 700, &ps);
		S_invariants(&l, 700, &ps);
		S_break_rules(&l, 700, &ps);
		pages_free(&ps);
		layout_free(&l);
		if (nwhy > 0) {
			S_why("(round %d)", round);
			break;
		}
	}
}

/* A heading (keep) followed by space that does not keep: the page must not
 * end after the space either, which would leave the heading last. */
static void
T_keep_then_space(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 8; i++)
		S_line(&l, 10, 0, 0);
	S_line(&l, 10, 1, 0);		/* row 8: a heading, at 80..90 */
	S_space(&l, 4, 0);		/* row 9: space after it */
	for (i = 0; i < 10; i++)
		S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	S_invariants(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);

	/* the same after a hyphenated line */
	S_init(&l);
	for (i = 0; i < 9; i++)
		S_line(&l, 10, 0, i == 8);
	S_space(&l, 4, 0);
	for (i = 0; i < 10; i++)
		S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	S_break_rules(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Space at the top of a page goes: at the start of the column, after a
 * page that ran full, after a forced break. */
static void
T_space_top(void)
{
	struct layout l;
	struct pages ps;
	size_t i, s1, s2, s3, s4;

	S_init(&l);
	s1 = S_space(&l, 20, 0);	/* start of the column */
	for (i = 0; i < 10; i++)
		S_line(&l, 10, 0, 0);	/* rows 1..10 fill page 1 */
	s2 = S_space(&l, 8, 0);		/* would open page 2 */
	s3 = S_space(&l, 8, 0);
	for (i = 0; i < 3; i++)
		S_line(&l, 10, 0, 0);
	S_forced(&l);
	s4 = S_space(&l, 30, 0);	/* after a forced break */
	S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	if (ps.n != 3) {
		S_why("expected 3 pages, got %zu", ps.n);
		S_dump(&l, &ps);
	} else {
		if (ps.p[0].e[0].row != s1 + 1 || ps.p[0].n != 10)
			S_why("page 1 should be rows 1..10 from the top");
		if (ps.p[1].e[0].row != s3 + 1 || ps.p[1].e[0].y != 0)
			S_why("page 2 should start with row %zu at 0, not "
			    "row %zu at %.1f", s3 + 1, ps.p[1].e[0].row,
			    ps.p[1].e[0].y);
		if (ps.p[2].e[0].row != s4 + 1 || ps.p[2].e[0].y != 0)
			S_why("page 3 should start with row %zu at 0",
			    s4 + 1);
		if (nwhy > 0)
			S_dump(&l, &ps);
	}
	(void)s2;
	S_invariants(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);

	/* a space that fits at the bottom of a page is not carried over,
	 * and the page does not end in it */
	S_init(&l);
	for (i = 0; i < 9; i++)
		S_line(&l, 10, 0, 0);
	S_space(&l, 6, 0);
	for (i = 0; i < 5; i++)
		S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	if (ps.n != 2 || ps.p[0].n != 9 || ps.p[1].e[0].row != 10)
		S_dump(&l, &ps);
	S_invariants(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* A forced break starts a page; one at the top of a page, two in a row,
 * or one at the end make no empty page. */
static void
T_forced(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 3; i++)
		S_line(&l, 10, 0, 0);
	S_forced(&l);			/* row 3 */
	for (i = 0; i < 4; i++)
		S_line(&l, 10, 1, 0);	/* keep rows may end a page by force */
	S_forced(&l);			/* row 8 */
	S_forced(&l);			/* row 9 */
	S_line(&l, 10, 0, 0);		/* row 10 */
	S_forced(&l);
	paginate(&l, 100, &ps);
	if (ps.n != 3 || ps.p[0].n != 3 || ps.p[1].e[0].row != 4 ||
	    ps.p[1].n != 4 || ps.p[2].e[0].row != 10 || ps.p[2].n != 1) {
		S_why("expected pages of rows 0-2, 4-7 and 10");
		S_dump(&l, &ps);
	}
	S_invariants(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);

	/* a forced break at the start of the column */
	S_init(&l);
	S_forced(&l);
	S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	if (ps.n != 1 || ps.p[0].n != 1)
		S_why("a forced break before everything: %zu pages", ps.n);
	pages_free(&ps);
	layout_free(&l);
}

/* A caption (keep), a header row and 300 rows of 1 to 3 lines: the header
 * opens every page the table runs on to, no row is cut, the rows come in
 * order, and the text after the table follows. */
static void
T_table(void)
{
	struct layout l;
	struct pages ps;
	size_t i, k, hdr, first, last, pages_with_rows = 0;
	int table = 1;

	rnd_state = 0xD1B54A32D192ED03u;
	S_init(&l);
	for (i = 0; i < 30; i++)
		S_line(&l, 13.2, 0, 0);
	S_space(&l, 6, 0);
	S_line(&l, 13.2, 1, 0);		/* caption */
	S_space(&l, 3, 1);
	hdr = S_trow(&l, 19.7, table, 1);
	first = l.n;
	for (i = 0; i < 300; i++)
		S_trow(&l, 8 + 11.7 * (double)(1 + S_rand() % 3), table, 0);
	last = l.n - 1;
	S_space(&l, 10, 0);
	for (i = 0; i < 10; i++)
		S_line(&l, 13.2, 0, 0);
	paginate(&l, 700, &ps);
	S_invariants(&l, 700, &ps);
	for (i = 0; i < ps.n; i++) {
		const struct pg_page *pg = &ps.p[i];
		int has_rows = 0, has_hdr = 0;

		for (k = 0; k < pg->n; k++) {
			has_rows |= pg->e[k].row >= first &&
			    pg->e[k].row <= last;
			has_hdr |= pg->e[k].row == hdr;
		}
		if (!has_rows)
			continue;
		pages_with_rows++;
		if (!has_hdr)
			S_why("page %zu has table rows but no header",
			    i + 1);
		else if (pg->e[0].row != hdr &&
		    !(pg->e[0].row < hdr && pages_with_rows == 1))
			S_why("page %zu: the header is not at the top (row "
			    "%zu is)", i + 1, pg->e[0].row);
		if (pages_with_rows > 1 && pg->n > 1 &&
		    (pg->e[1].row < first || pg->e[1].row > last))
			S_why("page %zu: no table row under the header",
			    i + 1);
		/* the header is never the last row of a page */
		if (pg->e[pg->n - 1].row == hdr)
			S_why("page %zu ends with the table header", i + 1);
	}
	if (pages_with_rows < 5)
		S_why("the table spans %zu pages, expected at least 5",
		    pages_with_rows);
	if (nwhy > 0)
		S_dump(&l, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Two tables on the same pages: each repeats its own header. */
static void
T_two_tables(void)
{
	struct layout l;
	struct pages ps;
	size_t i, h1, h2;

	S_init(&l);
	h1 = S_trow(&l, 10, 1, 1);
	for (i = 0; i < 25; i++)
		S_trow(&l, 10, 1, 0);
	S_space(&l, 5, 0);
	h2 = S_trow(&l, 10, 2, 1);
	for (i = 0; i < 25; i++)
		S_trow(&l, 10, 2, 0);
	paginate(&l, 100, &ps);
	S_invariants(&l, 100, &ps);
	for (i = 1; i < ps.n; i++) {
		const struct pl_row *r = S_row(&l, &ps.p[i], 0);
		size_t want = r->table == 1 ? h1 : h2;

		if (ps.p[i].n > 1 && S_row(&l, &ps.p[i], 1)->table !=
		    r->table)
			S_why("page %zu: header of table %d over a row of "
			    "table %d", i + 1, r->table,
			    S_row(&l, &ps.p[i], 1)->table);
		if (ps.p[i].e[0].row != want)
			S_why("page %zu starts with row %zu, not the header "
			    "%zu", i + 1, ps.p[i].e[0].row, want);
	}
	if (nwhy > 0)
		S_dump(&l, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* Columns of everything at random: text, space, forced breaks, keeps,
 * hyphens, tables; every row once and in order, the break rules. */
static void
T_random(void)
{
	struct layout l;
	struct pages ps;
	size_t i;
	int round, table = 0, in_table = 0, prev_keep = 0;
	double body_h;

	rnd_state = 0x5851F42D4C957F2Du;
	for (round = 0; round < 200; round++) {
		S_init(&l);
		in_table = prev_keep = 0;
		for (i = 0; i < 300; i++) {
			uint32_t x = S_rand() % 100;

			if (in_table) {
				/* a table ends after at least one row */
				if (x < 5 && l.rows[l.n - 1].theader == 0) {
					in_table = 0;
					S_space(&l, 10, 0);
					prev_keep = 0;
				} else
					S_trow(&l, 8 + 11.7 * (double)(1 +
					    S_rand() % 3), table, 0);
				continue;
			}
			if (x < 2) {
				S_forced(&l);
				prev_keep = 0;
			} else if (x < 12)
				S_space(&l, 2 + S_rand() % 20, prev_keep);
			else if (x < 15) {
				S_trow(&l, 19.7, ++table, 1);
				in_table = 1;
			} else {
				prev_keep = x < 40;
				S_line(&l, 13.2, x < 30, x >= 30 && x < 40);
			}
		}
		body_h = 300 + S_rand() % 400;
		paginate(&l, body_h, &ps);
		S_invariants(&l, body_h, &ps);
		S_break_rules(&l, body_h, &ps);
		pages_free(&ps);
		layout_free(&l);
		if (nwhy > 0) {
			S_why("(round %d)", round);
			break;
		}
	}
}

/* A table row taller than the page less its header: it has to go
 * somewhere (on a page of its own, or overrunning one), and paginate()
 * has to return. */
static void
T_tall_row(void)
{
	struct layout l;
	struct pages ps;
	size_t i;

	S_init(&l);
	for (i = 0; i < 3; i++)
		S_line(&l, 10, 0, 0);
	S_trow(&l, 30, 1, 1);
	S_trow(&l, 10, 1, 0);
	S_trow(&l, 80, 1, 0);		/* 30 + 80 > 100 */
	S_trow(&l, 10, 1, 0);
	S_line(&l, 10, 0, 0);
	paginate(&l, 100, &ps);
	S_invariants(&l, 100, &ps);
	pages_free(&ps);
	layout_free(&l);
}

/* pages_find: the page that holds an anchor's row. */
static void
T_find(void)
{
	struct layout l;
	struct pages ps;
	size_t i;
	long p;

	S_init(&l);
	for (i = 0; i < 35; i++)
		S_line(&l, 10, 0, 0);
	l.rows[25].anchor = xstrdup("slug#id");
	paginate(&l, 100, &ps);
	if ((p = pages_find(&l, &ps, "slug#id")) != 2)
		S_why("pages_find: page index %ld, expected 2", p);
	if ((p = pages_find(&l, &ps, "slug#nope")) != -1)
		S_why("pages_find of a missing key: %ld, expected -1", p);
	pages_free(&ps);
	layout_free(&l);

	/* an empty column: no pages */
	S_init(&l);
	S_space(&l, 10, 0);
	paginate(&l, 100, &ps);
	if (ps.n != 0)
		S_why("a column of space only gives %zu pages", ps.n);
	pages_free(&ps);
	layout_free(&l);
}

int
main(void)
{
	unsigned secs = getenv("VALGRIND") != NULL ? 120 : 20;

	S_run("rows fill pages up to the text height", T_fill, secs);
	S_run("random heights: no page ends early", T_fill_random, secs);
	S_run("a keep row is not last on a page", T_keep, secs);
	S_run("keeps give way to a page under half full", T_keep_half, secs);
	S_run("a hyphenated line is not last on a page", T_hyphen, secs);
	S_run("random keeps and hyphens", T_rules_random, secs);
	S_run("a keep row followed by space is not last on a page",
	    T_keep_then_space, secs);
	S_run("space at the top of a page is dropped", T_space_top, secs);
	S_run("forced page breaks", T_forced, secs);
	S_run("300-row table: header on every page, rows whole",
	    T_table, secs);
	S_run("two tables repeat their own headers", T_two_tables, secs);
	S_run("random columns: every row once, in order", T_random, secs);
	/* a runaway loop here allocates fast: a short leash */
	S_run("a table row taller than the page less its header",
	    T_tall_row, SANITIZED ? 1 : getenv("VALGRIND") ? 10 : 3);
	S_run("pages_find", T_find, secs);
	return check_status();
}
