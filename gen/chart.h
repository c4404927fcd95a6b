/*
 * chart — charts from the sales curriculum, described once, drawn twice.
 *
 * A chart is written in Markdown as a fenced block whose info string is
 * "chart KIND":
 *
 *	```chart funnel
 *	title: Verkooptrechter 2024
 *	# stage; number of contacts
 *	lead; 1.475
 *	suspect; 800
 *	klant; 42
 *	```
 *
 * One "label; value" line per item; empty lines and lines starting with '#'
 * are ignored; an optional first line "title: ..." gives the title.  The
 * value is split off at the last ';', so a label may hold any text.  Values
 * are numbers in the document's language (see chart_parse_number()); they
 * are shown as written.
 *
 * chart_parse() turns such a block into a struct chart; chart_layout()
 * turns a chart into geometry: polygons, lines and text in points, origin
 * top-left, y down.  svg.c writes the geometry as inline SVG for the site
 * and the PDF back end paints the same shapes with libharu, so both show
 * the same picture.  The geometry holds no language-dependent words: every
 * text is a label, a value as written, a score or a percentage.
 *
 * Kinds:
 *	funnel	 sales funnel: centred trapezoids narrowing downward, top
 *		 widths proportional to the values (to their square roots
 *		 when the largest is over CHART_SQRT_RATIO times the smallest
 *		 non-zero value); labels left, values right
 *	pyramid	 klantenpiramide: a triangle, apex up, cut into bands of equal
 *		 height, first line at the apex; label, value and (unless the
 *		 values are written as percentages) share beside each band
 *	bar	 horizontal bars: label left, bar, value right
 *	nps	 Net Promoter Score: labels are the scores 0..10 (each at most
 *		 once; a missing score counts 0), values the number of
 *		 answers; 11 vertical bars coloured by group, counts above,
 *		 the NPS and the share of each group in a caption
 */
#ifndef SALESGEN_CHART_H
#define SALESGEN_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

enum chart_kind {
	CHART_FUNNEL,
	CHART_PYRAMID,
	CHART_BAR,
	CHART_NPS
};

struct chart {
	enum chart_kind	  kind;
	char		 *title;	/* NULL: none */
	size_t		  n;
	char		**labels;	/* valid UTF-8, no control characters */
	double		 *values;	/* finite, >= 0 */
	char		**value_text;	/* the value as written, for display */
};

/* Funnel widths follow square roots beyond this ratio of largest to
 * smallest non-zero value, so the bottom stages stay readable. */
#define CHART_SQRT_RATIO	50.0
/* No shape is narrower (or, in an nps chart, lower) than this, so a zero or
 * a value dwarfed by the others still shows as a hairline. */
#define CHART_MIN_SIZE		1.5
/* More items than this are an error: the chart would be unreadable and,
 * from a runaway data file, huge. */
#define CHART_MAX_ITEMS		200
/* Lines (axes, leaders) are stroked this wide, in points. */
#define CHART_LINE_WIDTH	0.75

/*
 * Parses the info string's kind word ("funnel", "pyramid", "bar", "nps")
 * and the body; values are read in language lang (see
 * chart_parse_number()).  first_line is the line number of the body's first line:
 * body line i (from 0) is reported at first_line + i; problems with the
 * chart as a whole (unknown kind, no data) at first_line - 1, the fence.
 * Every problem is added to dl with code diag_code, whose format must take
 * one string ("chart: %s"), and then -1 is returned with *out empty.
 * Returns 0 on success; free *out with chart_clear().
 */
int	chart_parse(const char *kind, const char *body, const char *lang,
	    const char *path, int first_line, int diag_code, struct chart *out,
	    struct diag_list *dl);
void	chart_clear(struct chart *);

/* "funnel", "pyramid", "bar" or "nps". */
const char *chart_kind_name(enum chart_kind);

/*
 * Reads a chart value in language lang ("nl", "en"; NULL is Dutch) by the
 * rule of num.h: "1.475" is 1475 in Dutch and 1.475 in English, "1,475"
 * the reverse; "2,5" and "2.5" are 2.5, "1.475.000", "1.475,50" and
 * "1,475.50" mean what they say in both.  Spaces may group digits
 * ("1 475"), and a leading currency sign (€ $ £) or a trailing '%' is
 * allowed.  No signs, no exponents.  Returns 0 and sets *v, or -1.  Which
 * strings are numbers does not depend on the language, only their values.
 */
int	chart_parse_number(const char *s, const char *lang, double *v);

enum shape_type {
	SHAPE_POLY,	/* filled polygon, no outline */
	SHAPE_TEXT,	/* one line of text, baseline at y */
	SHAPE_LINE	/* CHART_LINE_WIDTH wide, in colour fill */
};

struct shape {
	enum shape_type	 type;
	double		 pt[8];	/* polygon points x,y pairs (3 or 4 points)
				   or line endpoints x0,y0,x1,y1 */
	int		 npt;	/* points used: 3 or 4 (poly), 2 (line) */
	uint32_t	 fill;	/* 0xRRGGBB: fill, text or stroke colour */
	char		*text;	/* owned */
	double		 x, y, size;	/* text position (baseline) and size */
	int		 anchor;	/* 0 start, 1 middle, 2 end */
	int		 bold;
};

struct chart_geom {
	double		 w, h;
	struct shape	*s;	/* in painting order */
	size_t		 n;
	enum chart_kind	 kind;	/* for the renderer's class names */
	char		*desc;	/* the data as one line of plain text, for
				   readers that do not see the picture */
};

/* Measures text in points; bold is 0 or 1. */
typedef double (*chart_measure_fn)(void *arg, const char *text, double size,
    int bold);

/*
 * Lays c out in a box width points wide (at least 120; the height is chosen
 * by the chart), measuring text with measure (NULL: 0.55 em per character).
 * Labels too wide for their column are shortened with an ellipsis.  The
 * title, when there is one, is drawn as the first text.  Free out with
 * chart_geom_clear().
 */
void	chart_layout(const struct chart *c, double width,
	    chart_measure_fn measure, void *arg, struct chart_geom *out);
void	chart_geom_clear(struct chart_geom *);

#endif
