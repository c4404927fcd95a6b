/*
 * img_png — PNG decoding with libpng (see img.h).
 *
 * libpng's default error handler prints and aborts the process; ours
 * records the reason in plain words and jumps back here, and its warnings
 * become the picture's warning instead of lines on standard error.  Every
 * kind of PNG comes out as 8-bit grey or RGB with the alpha apart: 16-bit
 * channels are scaled, palettes and low bit depths expanded, a tRNS chunk
 * becomes alpha, interlaced pictures are put together.
 */
#include "img.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

/* What our reader raises when the data runs out. */
static const char S_EOF[] = "salesgen: end of data";

struct src {
	const unsigned char	*p;
	size_t			 len, off;
	struct img		*im;
	unsigned char		*row;	/* IMG_CHECK: one row, reused */
	png_bytep		*rows;	/* the rows of the whole picture */
	jmp_buf			 jb;
};

/* libpng's reasons in plain words; its own text stays as the detail
 * where the words would not tell which part is broken. */
static void
S_reason(struct img *im, const char *msg)
{
	if (strcmp(msg, S_EOF) == 0)
		img_fail(im, "the file ends early (it is cut short)");
	else if (strstr(msg, "CRC error") != NULL)
		img_fail(im, "the data is damaged (a checksum does not match "
		    "in '%.4s')", msg);
	else if (strstr(msg, "Not enough image data") != NULL ||
	    strstr(msg, "Read Error") != NULL)
		img_fail(im, "the picture data ends early (it is cut short)");
	else if (strstr(msg, "chunk") != NULL)
		img_fail(im, "a part of the file is damaged (%s)", msg);
	else if (strstr(msg, "IHDR") != NULL)
		img_fail(im, "its header is damaged (%s)", msg);
	else if (strstr(msg, "Too much image data") != NULL ||
	    strstr(msg, "Extra compressed data") != NULL ||
	    strstr(msg, "too far back") != NULL ||
	    strstr(msg, "incorrect header check") != NULL ||
	    strstr(msg, "invalid") != NULL || strstr(msg, "bad ") != NULL)
		img_fail(im, "the compressed picture data is damaged (%s)",
		    msg);
	else
		img_fail(im, "it is not a valid PNG file (%s)", msg);
}

static void
S_error(png_structp png, png_const_charp msg)
{
	struct src *s = png_get_error_ptr(png);

	S_reason(s->im, msg);
	longjmp(s->jb, 1);
}

static void
S_warning(png_structp png, png_const_charp msg)
{
	struct src *s = png_get_error_ptr(png);

	if (s->im->warn[0] == '\0')
		snprintf(s->im->warn, sizeof(s->im->warn), "a damaged or "
		    "unusual part of the file is ignored (%s)", msg);
}

static void
S_read(png_structp png, png_bytep out, size_t n)
{
	struct src *s = png_get_io_ptr(png);

	if (n > s->len - s->off)
		png_error(png, S_EOF);
	memcpy(out, s->p + s->off, n);
	s->off += n;
}

/* Moves the alpha of interleaved pixels (ch channels, the last alpha)
 * into im->alpha and packs the colours in place; an alpha that is opaque
 * everywhere is dropped. */
static void
S_split(struct img *im, int ch)
{
	size_t i, n = (size_t)im->width * im->height, k, c = (size_t)ch - 1;
	unsigned char *p = im->pixels, *a;
	int opaque = 1;

	if ((a = malloc(n)) == NULL)
		return;		/* cannot happen after the larger buffer */
	for (i = 0; i < n; i++) {
		for (k = 0; k < c; k++)
			p[i * c + k] = p[i * (size_t)ch + k];
		a[i] = p[i * (size_t)ch + c];
		opaque &= a[i] == 0xFF;
	}
	if (opaque)
		free(a);
	else
		im->alpha = a;
	if ((p = realloc(im->pixels, n * c)) != NULL)
		im->pixels = p;
}

static unsigned long
S_be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

int
img_png_decode(const unsigned char *data, size_t len, unsigned flags,
    struct img *im)
{
	struct src s;
	png_structp png;
	png_infop info;
	png_uint_32 w, h, y;
	int depth, type, ilace, passes, ch, pass;
	volatile int rc = -1;
	size_t rowbytes;

	/* The size from the header itself, before libpng reads the chunks
	 * that follow it (which may be many, or missing). */
	if (len >= 24 && memcmp(data + 12, "IHDR", 4) == 0 &&
	    img_check_size(im, S_be32(data + 16), S_be32(data + 20)) != 0)
		return -1;
	memset(&s, 0, sizeof(s));
	s.p = data;
	s.len = len;
	s.im = im;
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, S_error,
	    S_warning);
	if (png == NULL)
		return img_fail(im, "out of memory");
	if ((info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		return img_fail(im, "out of memory");
	}
	if (setjmp(s.jb) != 0)
		goto out;
	png_set_read_fn(png, &s, S_read);
	/* Our own limit decides the size (img_check_size); libpng's
	 * million-pixel sides would only word it differently. */
	png_set_user_limits(png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
#ifdef PNG_SKIP_sRGB_CHECK_PROFILE
	/* the colour profile is not used: do not warn about it */
	png_set_option(png, PNG_SKIP_sRGB_CHECK_PROFILE, PNG_OPTION_ON);
#endif
	png_read_info(png, info);
	png_get_IHDR(png, info, &w, &h, &depth, &type, &ilace, NULL, NULL);
	if (img_check_size(im, w, h) != 0)
		goto out;
	im->width = w;
	im->height = h;
	im->bits = 8;
	im->interlaced = ilace != PNG_INTERLACE_NONE;
	if (depth == 16)
		png_set_scale_16(png);
	if (type == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (type == PNG_COLOR_TYPE_GRAY && depth < 8)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	passes = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	ch = png_get_channels(png, info);
	rowbytes = png_get_rowbytes(png, info);
	if (ch < 1 || ch > 4 || rowbytes != (size_t)w * (size_t)ch) {
		img_fail(im, "it has a pixel layout salesgen does not read");
		goto out;
	}
	im->space = ch <= 2 ? IMG_GRAY : IMG_RGB;
	im->has_alpha = ch == 2 || ch == 4;
	if (flags & IMG_HEADER) {
		rc = 0;
		goto out;
	}
	if (flags & IMG_CHECK) {
		/* Every row of every pass through one row: all the data
		 * is checked, no picture is kept. */
		if ((s.row = malloc(rowbytes)) == NULL) {
			img_fail(im, "out of memory");
			goto out;
		}
		for (pass = 0; pass < passes; pass++)
			for (y = 0; y < h; y++)
				png_read_row(png, s.row, NULL);
	} else {
		if ((im->pixels = malloc(rowbytes * h)) == NULL ||
		    (s.rows = malloc(h * sizeof(*s.rows))) == NULL) {
			img_fail(im, "out of memory (%lu x %lu pixels)",
			    (unsigned long)w, (unsigned long)h);
			goto out;
		}
		for (y = 0; y < h; y++)
			s.rows[y] = im->pixels + (size_t)y * rowbytes;
		png_read_image(png, s.rows);
	}
	/* the chunks after the picture, to the end marker */
	png_read_end(png, NULL);
	if (!(flags & IMG_CHECK) && im->has_alpha)
		S_split(im, ch);
	rc = 0;
out:
	png_destroy_read_struct(&png, &info, NULL);
	free(s.row);
	free(s.rows);
	return rc;
}
