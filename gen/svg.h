/*
 * svg — chart geometry as inline SVG for the study site.
 *
 * Writes a struct chart_geom (see chart.h) as one <figure> holding an <svg>
 * element, ready to be embedded in an HTML5 page:
 *
 *	<figure class="chart chart-funnel"><svg xmlns="http://www.w3.org/2000/svg"
 *	 viewBox="0 0 W H" width="100%" role="img" aria-label="TITLE" ...>
 *	<title>TITLE</title><desc>DATA</desc> ...shapes... </svg></figure>
 *
 * The picture scales with its container; its text takes the page's font.
 * It is an image to assistive technology, named by the title (or, when the
 * chart has none, by its data) and described by its data.  Output is
 * deterministic: numbers are written with at most two decimals, trailing
 * zeros dropped, and every text passes esc_html().
 */
#ifndef SALESGEN_SVG_H
#define SALESGEN_SVG_H

#include "buf.h"
#include "chart.h"

/* Appends the figure for g to out; title may be NULL. */
void	svg_render(const struct chart_geom *g, const char *title,
	    struct buf *out);

#endif
