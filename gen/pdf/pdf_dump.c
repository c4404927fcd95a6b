/* pdf_dump — a text dump of what is drawn (see pdf_dump.h). */
#include "pdf_dump.h"
#include "buf.h"
#include "mem.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_dump {
	struct buf	 out;
	unsigned	 page;	/* the page being drawn, from 1 */
};

/* The faces by name: the dump says which of the document's fonts, not
 * which file (the files are the machine's). */
static const char *const S_face[FACE__MAX] = {
	"regular", "bold", "italic", "bolditalic", "mono", "sans-bold",
	"fallback"
};

/* Documents drawn at once (a course's handouts) append whole. */
static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;

struct pdf_dump *
dump_open(void)
{
	const char *p = getenv("SALESGEN_LAYOUT_DUMP");

	if (p == NULL || p[0] == '\0')
		return NULL;
	return xcalloc(1, sizeof(struct pdf_dump));
}

void
dump_close(struct pdf_dump *d, int keep)
{
	const char *p = getenv("SALESGEN_LAYOUT_DUMP");
	FILE *f;

	if (d == NULL)
		return;
	if (keep && p != NULL && p[0] != '\0' && d->out.len > 0) {
		pthread_mutex_lock(&S_lock);
		if ((f = fopen(p, "a")) != NULL) {
			fwrite(d->out.data, 1, d->out.len, f);
			fclose(f);
		}
		pthread_mutex_unlock(&S_lock);
	}
	buf_free(&d->out);
	free(d);
}

/* " v" with v rounded to 0.01 and always two decimals, without "-0.00"
 * and whatever the locale's decimal point. */
static void
S_num(struct buf *b, double v)
{
	long long n = llround(v * 100);
	unsigned long long u = n < 0 ? (unsigned long long)-n :
	    (unsigned long long)n;

	buf_printf(b, " %s%llu.%02llu", n < 0 ? "-" : "", u / 100, u % 100);
}

static void
S_head(struct pdf_dump *d, const char *what)
{
	buf_printf(&d->out, "%u %s", d->page, what);
}

static void
S_color(struct buf *b, uint32_t c)
{
	buf_printf(b, " #%06x", (unsigned)(c & 0xFFFFFF));
}

/* " s": a line end or other control character as a space, so one
 * drawing call stays one line. */
static void
S_str(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_putc(b, ' ');
	for (i = 0; i < n; i++)
		buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
	buf_putc(b, '\n');
}

void
dump_page(struct pdf_dump *d, double w, double h)
{
	if (d == NULL)
		return;
	d->page++;
	S_head(d, "page");
	S_num(&d->out, w);
	S_num(&d->out, h);
	buf_putc(&d->out, '\n');
}

void
dump_text(struct pdf_dump *d, enum font_face face, double size,
    uint32_t color, double x, double y, const char *s, size_t n)
{
	if (d == NULL)
		return;
	S_head(d, "text");
	S_num(&d->out, x);
	S_num(&d->out, y);
	buf_printf(&d->out, " %s", (unsigned)face < FACE__MAX ?
	    S_face[face] : "?");
	S_num(&d->out, size);
	S_color(&d->out, color);
	S_str(&d->out, s, n);
}

void
dump_rect(struct pdf_dump *d, double x, double y, double w, double h,
    uint32_t color)
{
	if (d == NULL)
		return;
	S_head(d, "rect");
	S_num(&d->out, x);
	S_num(&d->out, y);
	S_num(&d->out, w);
	S_num(&d->out, h);
	S_color(&d->out, color);
	buf_putc(&d->out, '\n');
}

void
dump_image(struct pdf_dump *d, double x, double y, double w, double h,
    const char *file)
{
	const char *p;

	if (d == NULL)
		return;
	S_head(d, "image");
	S_num(&d->out, x);
	S_num(&d->out, y);
	S_num(&d->out, w);
	S_num(&d->out, h);
	/* the name only: the folder is the machine's (a temporary one) */
	if (file == NULL)
		file = "?";
	for (p = file; *p != '\0'; p++)
		if (*p == '/')
			file = p + 1;
	S_str(&d->out, file, (size_t)(p - file));
}

void
dump_path(struct pdf_dump *d, uint32_t color, const double *pt, int npt,
    double x, double top)
{
	int k;

	if (d == NULL)
		return;
	S_head(d, "path");
	S_color(&d->out, color);
	for (k = 0; k < npt; k++) {
		S_num(&d->out, x + pt[2 * k]);
		S_num(&d->out, top - pt[2 * k + 1]);
	}
	buf_putc(&d->out, '\n');
}

void
dump_link(struct pdf_dump *d, double x, double y, double w, double h,
    const char *target)
{
	if (d == NULL)
		return;
	S_head(d, "link");
	S_num(&d->out, x);
	S_num(&d->out, y);
	S_num(&d->out, w);
	S_num(&d->out, h);
	S_str(&d->out, target, strlen(target));
}
