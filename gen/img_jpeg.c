/*
 * img_jpeg — JPEG decoding with libjpeg (see img.h).
 *
 * libjpeg's default error_exit prints and exits, and a file cut short is
 * only a warning to it ("Premature end of JPEG file"): it fills the rest
 * with grey.  Here an error jumps back with the reason, and a warning
 * about damaged data is an error too, so a PDF never embeds a broken
 * picture.  The PDF back end embeds a checked JPEG's own bytes (the
 * viewer decodes them), so it asks for a check only.
 */
#include "img.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

struct err {
	struct jpeg_error_mgr	 pub;	/* first: libjpeg's pointer is ours */
	struct img		*im;
	jmp_buf			 jb;
};

/* libjpeg's reasons in plain words, its own text as the detail. */
static void
S_reason(j_common_ptr cinfo)
{
	struct err *e = (struct err *)cinfo->err;
	char msg[JMSG_LENGTH_MAX];
	int code = e->pub.msg_code;

	e->pub.format_message(cinfo, msg);
	if (code == JWRN_JPEG_EOF)
		img_fail(e->im, "the file ends early (it is cut short)");
	else if (code == JERR_NO_SOI || code == JERR_NO_IMAGE)
		img_fail(e->im, "it is not a valid JPEG file (%s)", msg);
	else if (code == JERR_BAD_PRECISION ||
	    code == JERR_NOT_COMPILED || code == JERR_BAD_J_COLORSPACE ||
	    code == JERR_CONVERSION_NOTIMPL)
		img_fail(e->im, "it is a kind of JPEG salesgen does not read "
		    "(%s)", msg);
	else
		img_fail(e->im, "the JPEG data is damaged (%s)", msg);
}

static void
S_error_exit(j_common_ptr cinfo)
{
	struct err *e = (struct err *)cinfo->err;

	S_reason(cinfo);
	longjmp(e->jb, 1);
}

/* Level -1 is a warning, and libjpeg's warnings are about damaged data:
 * a stop, like an error.  Higher levels are trace messages: nothing. */
static void
S_emit(j_common_ptr cinfo, int level)
{
	struct err *e = (struct err *)cinfo->err;

	if (level < 0) {
		S_reason(cinfo);
		longjmp(e->jb, 1);
	}
}

/* Nothing is printed: a message goes through img_error(). */
static void
S_output(j_common_ptr cinfo)
{
	(void)cinfo;
}

int
img_jpeg_decode(const unsigned char *data, size_t len, unsigned flags,
    struct img *im)
{
	struct jpeg_decompress_struct cinfo;
	struct err e;
	JSAMPROW row[1];
	unsigned char *volatile line = NULL;
	size_t stride;
	volatile int rc = -1;

	memset(&cinfo, 0, sizeof(cinfo));
	cinfo.err = jpeg_std_error(&e.pub);
	e.pub.error_exit = S_error_exit;
	e.pub.emit_message = S_emit;
	e.pub.output_message = S_output;
	e.im = im;
	if (setjmp(e.jb) != 0)
		goto out;
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, data, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	if (img_check_size(im, cinfo.image_width, cinfo.image_height) != 0)
		goto out;
	im->width = cinfo.image_width;
	im->height = cinfo.image_height;
	im->bits = 8;
	im->interlaced = cinfo.progressive_mode;
	switch (cinfo.jpeg_color_space) {
	case JCS_GRAYSCALE:
		im->space = IMG_GRAY;
		break;
	case JCS_CMYK:
	case JCS_YCCK:
		/* Adobe's inverted CMYK, as a PDF viewer expects it */
		cinfo.out_color_space = JCS_CMYK;
		im->space = IMG_CMYK;
		/* Photoshop stores CMYK inverted and says so with Adobe's
		 * marker; libjpeg hands the values over as stored */
		im->inverted = cinfo.saw_Adobe_marker;
		break;
	default:
		cinfo.out_color_space = JCS_RGB;
		im->space = IMG_RGB;
		break;
	}
	if (flags & IMG_HEADER) {
		rc = 0;
		goto out;
	}
	jpeg_start_decompress(&cinfo);
	stride = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
	if ((size_t)cinfo.output_components != (size_t)im->space) {
		img_fail(im, "it has a colour layout salesgen does not read");
		goto out;
	}
	if (!(flags & IMG_CHECK) &&
	    (im->pixels = malloc(stride * im->height)) == NULL) {
		img_fail(im, "out of memory");
		goto out;
	}
	if ((flags & IMG_CHECK) && (line = malloc(stride)) == NULL) {
		img_fail(im, "out of memory");
		goto out;
	}
	while (cinfo.output_scanline < cinfo.output_height) {
		row[0] = im->pixels != NULL ? im->pixels +
		    (size_t)cinfo.output_scanline * stride : line;
		jpeg_read_scanlines(&cinfo, row, 1);
	}
	/* to the end marker: data cut short after the last row shows here */
	jpeg_finish_decompress(&cinfo);
	rc = 0;
out:
	jpeg_destroy_decompress(&cinfo);
	free(line);
	return rc;
}
