/* pdf_page — pagination (see pdf_page.h). */
#include "pdf_page.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void
S_put(struct pg_page *pg, size_t *cap, size_t row, double y)
{
	if (pg->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		pg->e = xrealloc(pg->e, *cap * sizeof(*pg->e));
	}
	pg->e[pg->n].row = row;
	pg->e[pg->n].y = y;
	pg->n++;
}

/* May the page end after row r? */
static int
S_breakable(const struct pl_row *r)
{
	return !r->keep && !r->hyphen;
}

/* May the page end after entry k?  Space rows are dropped at the page
 * end, so it is the last row with content that decides. */
static int
S_can_end(const struct layout *l, const struct pg_page *pg, size_t k)
{
	for (;;) {
		const struct pl_row *r = &l->rows[pg->e[k].row];

		if (r->kind != PL_SPACE)
			return S_breakable(r);
		if (k == 0)
			return 1;
		k--;
	}
}

static size_t
S_header_of(const struct layout *l, size_t i)
{
	size_t k = i;

	while (k-- > 0)
		if (l->rows[k].table == l->rows[i].table && l->rows[k].theader)
			return k;
	return (size_t)-1;
}

int
paginate(const struct layout *l, double body_h, struct pages *out)
{
	struct pg_page pg;
	size_t i = 0, cap, k, hdr, best, first;
	double y;
	int cont;

	memset(out, 0, sizeof(*out));
	while (i < l->n) {
		memset(&pg, 0, sizeof(pg));
		cap = 0;
		y = 0;
		while (i < l->n && ((l->rows[i].kind == PL_SPACE &&
		    !l->rows[i].top) || l->rows[i].kind == PL_PAGE))
			i++;
		if (i >= l->n)
			break;
		/* A table running on from the last page repeats its header. */
		if (l->rows[i].table != 0 && !l->rows[i].theader &&
		    (hdr = S_header_of(l, i)) != (size_t)-1) {
			S_put(&pg, &cap, hdr, y);
			y += l->rows[hdr].h;
		}
		cont = 1;
		first = pg.n;	/* entries before this are a repeated header */
		while (cont && i < l->n) {
			const struct pl_row *r = &l->rows[i];

			if (r->kind == PL_PAGE) {
				if (pg.n > 0)
					break;
				i++;
				continue;
			}
			/* A row that does not fit goes to the next page, unless
			 * the page holds nothing of its own yet: then it is
			 * taller than any page, and it stays (overfull) rather
			 * than moving on forever. */
			if (y + r->h > body_h && pg.n > first) {
				/* Find the last row after which the page may
				 * end, keeping the page at least half full. */
				best = (size_t)-1;
				for (k = pg.n; k-- > first;) {
					const struct pl_row *pr =
					    &l->rows[pg.e[k].row];

					if (pg.e[k].y + pr->h < body_h / 2)
						break;
					if (S_can_end(l, &pg, k) &&
					    pg.e[k].row < i) {
						best = k;
						break;
					}
				}
				if (best != (size_t)-1 && best + 1 < pg.n) {
					i = pg.e[best].row + 1;
					pg.n = best + 1;
				}
				cont = 0;
				break;
			}
			S_put(&pg, &cap, i, y);
			y += r->h;
			i++;
		}
		/* Trailing space rows carry nothing. */
		while (pg.n > 0 && l->rows[pg.e[pg.n - 1].row].kind == PL_SPACE)
			pg.n--;
		if (pg.n == 0) {
			free(pg.e);
			continue;
		}
		out->p = xrealloc(out->p, (out->n + 1) * sizeof(*out->p));
		out->p[out->n++] = pg;
	}
	return 0;
}

void
pages_free(struct pages *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		free(ps->p[i].e);
	free(ps->p);
	memset(ps, 0, sizeof(*ps));
}

long
pages_find(const struct layout *l, const struct pages *ps, const char *key)
{
	size_t i, k;
	const char *a;

	for (i = 0; i < ps->n; i++)
		for (k = 0; k < ps->p[i].n; k++) {
			a = l->rows[ps->p[i].e[k].row].anchor;
			if (a != NULL && strcmp(a, key) == 0)
				return (long)i;
		}
	return -1;
}
