/*
 * pdf_break — total-fit (Knuth–Plass) line breaking of one paragraph.
 *
 * Pure computation on abstract items: no fonts, no I/O.  The caller turns
 * text into boxes, glue and penalties, this module chooses the breaks that
 * minimise the total demerits over all feasible sets of breaks, and the
 * caller sets the lines.  It owns the hard rules of a paragraph (tolerance,
 * the longest run of hyphenated lines, no hyphen before the last line);
 * page-level rules belong to the page builder.
 *
 * Conventions: a paragraph ends with a glue of 0 width and very large
 * stretch ("parfillskip", e.g. 1e6) and a forced penalty (-BRK_INF).  A
 * break is legal at a glue that follows a box and at a penalty below
 * BRK_INF.  The break item itself is dropped (a penalty's width is set at
 * the end of its line: the hyphen), and so are the glue and penalties that
 * follow it, up to the next box or forced break.  A stretch or shrink of
 * BRK_INF or more counts as infinite.
 */
#ifndef SALESGEN_PDF_BREAK_H
#define SALESGEN_PDF_BREAK_H

#include <stddef.h>

enum brk_type { BRK_BOX, BRK_GLUE, BRK_PENALTY };

#define BRK_INF 10000.0

struct brk_item {
	enum brk_type	 type;
	double		 width;		/* box/glue natural width; penalty:
					   width added at a break here (the
					   hyphen) */
	double		 stretch, shrink; /* glue */
	double		 penalty;	/* penalty: >= BRK_INF forbids a break,
					   <= -BRK_INF forces one */
	int		 flagged;	/* penalty: a hyphenation break */
	int		 emergency;	/* penalty: a break of last resort
					   inside a word wider than the line
					   (BRK_URL after / . - ? & = _,
					   BRK_ANYWHERE between characters) */
};

enum { BRK_URL = 1, BRK_ANYWHERE = 2 };

struct brk_params {
	double	 width;		/* line width (all lines) */
	double	 first_width;	/* first line width if > 0, else width */
	double	 tolerance;	/* max adjustment ratio allowed, e.g. 2.0 */
	double	 line_penalty;	/* e.g. 10 */
	double	 hyphen_demerits; /* consecutive flagged breaks, e.g. 3000 */
	double	 fitness_demerits; /* adjacent lines in fitness classes
				   more than 1 apart, e.g. 100 */
	int	 max_hyphen_run; /* most consecutive hyphenated lines (a
				   hard limit, e.g. 2); 0 = no limit */
	int	 no_hyphen_last; /* 1: the line right before the last line
				   of the paragraph may not end with a
				   hyphen (a hard rule) */
	int	 prev_run;	/* hyphenated lines in a row right before
				   the first line: a paragraph broken in
				   parts (pdf_inline.c) keeps the hyphen
				   rules across them; 0 for a whole one */
};

/*
 * One line: items [start, end) are on it.  end is the index of the break
 * item; for the last line it is the final forced penalty (n - 1), or n
 * when the items do not end with one.  ratio is the adjustment ratio r:
 * glue is set at width + r * stretch (r > 0) or width + r * shrink (r < 0).
 * A line shorter than the width with infinite stretch (the last) gets 0;
 * one longer than the width shrinks, the last line too, so use its ratio.
 * A fallback line with nothing to stretch or shrink gets +-BRK_INF.
 * A line that ends at an emergency break and would be looser than the
 * tolerance is feasible at ratio 0, set at its natural width (charged by
 * how much of the width it leaves empty): a piece of a word too long for
 * any line cannot be justified, and should not make the whole paragraph
 * ragged.
 * hyphen: the line ends at a flagged penalty.
 */
struct brk_line {
	size_t	 start, end;
	double	 ratio;
	int	 hyphen;
};

struct brk_result {
	struct brk_line	*lines;
	size_t		 n;
	int		 greedy;	/* the lines come from the fallback */
};

/*
 * Breaks items[0..n) into lines.  Returns 0 and fills *out with the breaks
 * of least total demerits among the feasible ones (every line's ratio
 * within [-1, tolerance], the hyphen rules kept).  When there is no
 * feasible solution, returns 1 with the first-fit fallback (lines may be
 * overfull or underfull; out->greedy = 1).  Returns -1, with *out empty,
 * only on invalid input (n == 0 or a NULL argument).  Free *out with
 * brk_result_free().
 */
int	brk_total_fit(const struct brk_item *items, size_t n,
	    const struct brk_params *p, struct brk_result *out);

/*
 * The fallback on its own: first fit, each line taking as many items as
 * fit (down to ratio -1); it keeps the hyphen rules when a break that
 * keeps them fits.  Returns 0 (out->greedy = 1), or -1 as brk_total_fit().
 */
int	brk_first_fit(const struct brk_item *items, size_t n,
	    const struct brk_params *p, struct brk_result *out);

void	brk_result_free(struct brk_result *);

#endif
