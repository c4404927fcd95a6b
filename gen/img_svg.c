/*
 * img_svg — SVG drawings rasterised with librsvg and cairo (see img.h).
 *
 * A PDF cannot take SVG as it is; the drawing is rendered into pixels at
 * the size the caller asks for (the PDF back end: 300 dpi of its printed
 * size), its own size otherwise (its width and height at 96 per inch, or
 * its viewBox).  The handle is made from the bytes alone, with no base
 * file: librsvg then loads nothing an href names (no file, no URL; only
 * data: URLs inside the drawing), so a drawing cannot pull a file from
 * outside the project into a PDF.
 */
#include "img.h"

#include "dl.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

/* librsvg's, cairo's and GLib's functions, found when the first drawing
 * is decoded (dl.h): their 40-odd libraries are loaded by the runs that
 * draw an SVG, not by every run.  __typeof__ gives each pointer the type
 * its header declares, so a call through it is checked as a direct one. */
static struct {
	__typeof__(&rsvg_handle_new_from_data) rsvg_handle_new_from_data;
	__typeof__(&rsvg_handle_set_dpi) rsvg_handle_set_dpi;
	__typeof__(&rsvg_handle_get_intrinsic_size_in_pixels) rsvg_handle_get_intrinsic_size_in_pixels;
	__typeof__(&rsvg_handle_get_intrinsic_dimensions) rsvg_handle_get_intrinsic_dimensions;
	__typeof__(&rsvg_handle_render_document) rsvg_handle_render_document;
	__typeof__(&cairo_image_surface_create) cairo_image_surface_create;
	__typeof__(&cairo_surface_status) cairo_surface_status;
	__typeof__(&cairo_create) cairo_create;
	__typeof__(&cairo_destroy) cairo_destroy;
	__typeof__(&cairo_surface_flush) cairo_surface_flush;
	__typeof__(&cairo_image_surface_get_data) cairo_image_surface_get_data;
	__typeof__(&cairo_image_surface_get_stride) cairo_image_surface_get_stride;
	__typeof__(&cairo_surface_destroy) cairo_surface_destroy;
	__typeof__(&g_error_free) g_error_free;
	__typeof__(&g_object_unref) g_object_unref;
} R;

#define S_SYM(f)	{ #f, &R.f }
static const struct dl_sym S_syms[] = {
	S_SYM(rsvg_handle_new_from_data),
	S_SYM(rsvg_handle_set_dpi),
	S_SYM(rsvg_handle_get_intrinsic_size_in_pixels),
	S_SYM(rsvg_handle_get_intrinsic_dimensions),
	S_SYM(rsvg_handle_render_document),
	S_SYM(cairo_image_surface_create),
	S_SYM(cairo_surface_status),
	S_SYM(cairo_create),
	S_SYM(cairo_destroy),
	S_SYM(cairo_surface_flush),
	S_SYM(cairo_image_surface_get_data),
	S_SYM(cairo_image_surface_get_stride),
	S_SYM(cairo_surface_destroy),
	S_SYM(g_error_free),
	S_SYM(g_object_unref),
	{ NULL, NULL }
};
#undef S_SYM

/* the ABI of the librsvg-2.0 headers this file is compiled with */
static struct dl_lib S_lib = { "librsvg-2.so.2", S_syms, 0, "" };

/* glib's message, cut to what fits the reason. */
static int
S_gerror(struct img *im, GError *e, const char *what)
{
	img_fail(im, "%s (%.100s)", what, e != NULL && e->message != NULL ?
	    e->message : "librsvg");
	if (e != NULL)
		R.g_error_free(e);
	return -1;
}

/* The drawing's own size in pixels, or -1 when it has none. */
static int
S_size(RsvgHandle *h, double *w, double *ht)
{
	gboolean hw, hh, hv;
	RsvgLength lw, lh;
	RsvgRectangle vb;

	if (R.rsvg_handle_get_intrinsic_size_in_pixels(h, w, ht) &&
	    *w > 0 && *ht > 0)
		return 0;
	/* width and height in percent, or none: the viewBox is the size */
	R.rsvg_handle_get_intrinsic_dimensions(h, &hw, &lw, &hh, &lh, &hv, &vb);
	if (hv && vb.width > 0 && vb.height > 0) {
		*w = vb.width;
		*ht = vb.height;
		return 0;
	}
	return -1;
}

int
img_svg_decode(const unsigned char *data, size_t len, unsigned flags,
    unsigned maxw, struct img *im)
{
	RsvgHandle *h;
	RsvgRectangle vp;
	GError *e = NULL;
	cairo_surface_t *sf = NULL;
	cairo_t *cr;
	double w, ht;
	unsigned long pw, ph;
	unsigned char *row, *px;
	size_t n, x, y, at;
	unsigned a;
	uint32_t v;
	int stride, rc = -1, opaque = 1;

	if (dl_load(&S_lib) != 0)
		return img_fail(im, "SVG drawings need librsvg, which cannot "
		    "be loaded (%.150s)", S_lib.why);
	if ((h = R.rsvg_handle_new_from_data(data, len, &e)) == NULL)
		return S_gerror(im, e, "it is not a valid SVG file");
	R.rsvg_handle_set_dpi(h, 96);
	if (S_size(h, &w, &ht) != 0) {
		img_fail(im, "it has no size (no width and height, no "
		    "viewBox)");
		goto out;
	}
	/* the pixels asked for, the height in proportion */
	pw = (unsigned long)ceil(w - 0.001);
	if (maxw > 0)
		pw = maxw;
	if (w > 1e7 || ht > 1e7) {
		img_fail(im, "it is %.0f x %.0f pixels, more than the limit of "
		    "%u megapixels", w, ht, IMG_MAX_PIXELS / 1000000);
		goto out;
	}
	ph = (unsigned long)ceil(ht * (double)pw / w - 0.001);
	if (pw == 0)
		pw = 1;
	if (ph == 0)
		ph = 1;
	if (img_check_size(im, pw, ph) != 0)
		goto out;
	im->width = (unsigned)pw;
	im->height = (unsigned)ph;
	im->space = IMG_RGB;
	im->bits = 8;
	im->vector = 1;
	if (flags & (IMG_HEADER | IMG_CHECK)) {
		rc = 0;
		goto out;
	}
	sf = R.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)pw, (int)ph);
	if (R.cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
		img_fail(im, "out of memory (%lu x %lu pixels)", pw, ph);
		goto out;
	}
	cr = R.cairo_create(sf);
	vp.x = vp.y = 0;
	vp.width = (double)pw;
	vp.height = (double)ph;
	if (!R.rsvg_handle_render_document(h, cr, &vp, &e)) {
		R.cairo_destroy(cr);
		S_gerror(im, e, "the drawing cannot be rendered");
		goto out;
	}
	R.cairo_destroy(cr);
	R.cairo_surface_flush(sf);
	n = (size_t)pw * ph;
	if ((im->pixels = malloc(n * 3)) == NULL ||
	    (im->alpha = malloc(n)) == NULL) {
		img_fail(im, "out of memory");
		goto out;
	}
	/* cairo's ARGB32 is premultiplied, one native-endian word a pixel */
	row = R.cairo_image_surface_get_data(sf);
	stride = R.cairo_image_surface_get_stride(sf);
	for (y = 0; y < ph; y++)
		for (x = 0; x < pw; x++) {
			memcpy(&v, row + y * (size_t)stride + x * 4, 4);
			at = y * pw + x;
			a = v >> 24;
			px = im->pixels + at * 3;
			if (a == 0)
				px[0] = px[1] = px[2] = 0xFF;
			else {
				px[0] = (unsigned char)((((v >> 16) & 0xFF) *
				    255 + a / 2) / a);
				px[1] = (unsigned char)((((v >> 8) & 0xFF) *
				    255 + a / 2) / a);
				px[2] = (unsigned char)(((v & 0xFF) * 255 +
				    a / 2) / a);
			}
			im->alpha[at] = (unsigned char)a;
			opaque &= a == 0xFF;
		}
	im->has_alpha = !opaque;
	if (opaque) {
		free(im->alpha);
		im->alpha = NULL;
	}
	rc = 0;
out:
	if (sf != NULL)
		R.cairo_surface_destroy(sf);
	R.g_object_unref(h);
	return rc;
}
