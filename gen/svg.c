/*
 * svg — chart geometry as inline SVG (see svg.h).
 *
 * Owns nothing but the mapping from shapes to SVG elements.  Layout is
 * chart.c's; escaping is esc.c's.  Each element goes on a line of its own
 * so golden files diff line by line; no blank line is ever written, so a
 * Markdown renderer that meets the figure as an HTML block keeps it whole.
 */
#include "svg.h"
#include "esc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A coordinate with at most two decimals and no trailing zeros ("12.5",
 * "3", never "-0"), the same on every platform. */
static void
S_num(struct buf *out, double v)
{
	char tmp[64];
	size_t n;

	if (!isfinite(v))
		v = 0;
	snprintf(tmp, sizeof(tmp), "%.2f", v);
	n = strlen(tmp);
	while (n > 0 && tmp[n - 1] == '0')
		n--;
	if (n > 0 && tmp[n - 1] == '.')
		n--;
	tmp[n] = '\0';
	buf_puts(out, strcmp(tmp, "-0") == 0 ? "0" : tmp);
}

static void
S_attr_num(struct buf *out, const char *name, double v)
{
	buf_printf(out, " %s=\"", name);
	S_num(out, v);
	buf_putc(out, '"');
}

static void
S_text(struct buf *out, const char *s)
{
	if (s != NULL)
		esc_html(out, s, strlen(s));
}

static void
S_shape(struct buf *out, const struct shape *s)
{
	static const char *const anchor[] = { NULL, "middle", "end" };
	int i;

	switch (s->type) {
	case SHAPE_POLY:
		buf_puts(out, "<polygon points=\"");
		for (i = 0; i < s->npt && i < 4; i++) {
			if (i > 0)
				buf_putc(out, ' ');
			S_num(out, s->pt[2 * i]);
			buf_putc(out, ',');
			S_num(out, s->pt[2 * i + 1]);
		}
		buf_printf(out, "\" fill=\"#%06x\"/>\n",
		    (unsigned)(s->fill & 0xffffff));
		break;
	case SHAPE_LINE:
		buf_puts(out, "<line");
		S_attr_num(out, "x1", s->pt[0]);
		S_attr_num(out, "y1", s->pt[1]);
		S_attr_num(out, "x2", s->pt[2]);
		S_attr_num(out, "y2", s->pt[3]);
		buf_printf(out, " stroke=\"#%06x\"",
		    (unsigned)(s->fill & 0xffffff));
		S_attr_num(out, "stroke-width", CHART_LINE_WIDTH);
		buf_puts(out, "/>\n");
		break;
	case SHAPE_TEXT:
		buf_puts(out, "<text");
		S_attr_num(out, "x", s->x);
		S_attr_num(out, "y", s->y);
		S_attr_num(out, "font-size", s->size);
		if (s->anchor == 1 || s->anchor == 2)
			buf_printf(out, " text-anchor=\"%s\"",
			    anchor[s->anchor]);
		if (s->bold)
			buf_puts(out, " font-weight=\"bold\"");
		buf_printf(out, " fill=\"#%06x\">",
		    (unsigned)(s->fill & 0xffffff));
		S_text(out, s->text);
		buf_puts(out, "</text>\n");
		break;
	}
}

void
svg_render(const struct chart_geom *g, const char *title, struct buf *out)
{
	const char *name;
	size_t i;

	/* role="img" needs a name: the title, else the data itself. */
	if (title != NULL && title[0] != '\0')
		name = title;
	else if (g->desc != NULL && g->desc[0] != '\0')
		name = g->desc;
	else
		name = chart_kind_name(g->kind);
	buf_printf(out, "<figure class=\"chart chart-%s\">",
	    chart_kind_name(g->kind));
	buf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 ");
	S_num(out, g->w);
	buf_putc(out, ' ');
	S_num(out, g->h);
	buf_puts(out, "\" width=\"100%\" role=\"img\" aria-label=\"");
	S_text(out, name);
	buf_puts(out, "\" font-family=\"inherit\">\n<title>");
	S_text(out, name);
	buf_puts(out, "</title>\n");
	if (g->desc != NULL && g->desc[0] != '\0' && name != g->desc) {
		buf_puts(out, "<desc>");
		S_text(out, g->desc);
		buf_puts(out, "</desc>\n");
	}
	for (i = 0; i < g->n; i++)
		S_shape(out, &g->s[i]);
	buf_puts(out, "</svg></figure>\n");
}
