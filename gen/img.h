/*
 * img — decoding pictures (PNG, JPEG) from memory, checked to the last
 * byte, with our own error handlers: a damaged file is a message, never an
 * abort, never a half picture in a PDF.
 *
 * A decoder turns the bytes of one file into a struct img: size, colour
 * space, and (unless only a check was asked for) 8-bit pixels, top row
 * first, with the alpha channel apart (a PDF takes it as a soft mask).
 * Another format is one more enum img_format member, a sniff in
 * img_sniff() and one decoder of this shape (img_<format>_decode).
 */
#ifndef SALESGEN_IMG_H
#define SALESGEN_IMG_H

#include <stddef.h>

#include "diag.h"

/* The largest picture decoded, in pixels, checked from the header before
 * any pixel memory is taken: 50 megapixels is more than a camera's photo
 * and keeps a decode under 250 MB (RGB plus alpha).  salesgen(1), CAVEATS. */
#define IMG_MAX_PIXELS	50000000u

enum img_format {
	IMG_UNKNOWN = 0,	/* not a format salesgen decodes */
	IMG_PNG,
	IMG_JPEG
};

/* The colour space of pixels; its value is the bytes per pixel. */
enum img_space {
	IMG_GRAY = 1,
	IMG_RGB = 3,
	IMG_CMYK = 4
};

/* img_decode() flags */
#define IMG_CHECK	1	/* decode everything, keep no pixels */

struct img {
	enum img_format	 format;
	unsigned	 width, height;
	enum img_space	 space;
	int		 bits;		/* per component of pixels: 8 */
	int		 interlaced;	/* PNG Adam7, progressive JPEG */
	unsigned char	*pixels;	/* owned: height rows of width * space
					   bytes; NULL with IMG_CHECK */
	unsigned char	*alpha;		/* owned: height rows of width bytes;
					   NULL when opaque or IMG_CHECK */
	int		 has_alpha;	/* an alpha channel or tRNS was there */
	char		 why[160];	/* what is wrong, after a failure */
	char		 warn[160];	/* a decoder's warning, or "" */
};

/* What the first bytes say the data is. */
enum img_format img_sniff(const void *data, size_t len);

/* Decodes data (len bytes, any format img_sniff() knows) into *im, which
 * it clears first.  Returns 0, or -1 with the reason for img_error().
 * The pixels and alpha belong to *im: free them with img_clear(). */
int	img_decode(const void *data, size_t len, unsigned flags, struct img *);

/* What is wrong with a picture img_decode() refused, in plain words
 * ("the file ends early"), or NULL when it decoded. */
const char *img_error(const struct img *);

/* Frees the pixels; *im may be decoded again. */
void	img_clear(struct img *);

/* Reads and decodes the file at path with IMG_CHECK.  A damaged picture
 * adds DIAG_IMAGE_BAD "image 'name': why" at src:line:col and returns -1;
 * a decoder's warning adds DIAG_IMAGE_WARN there; a file that cannot be
 * read is file_read()'s error, -1.  A file of a format salesgen does not
 * decode (SVG, GIF) is left to the back ends: 0. */
int	img_check_file(const char *path, const char *name, const char *src,
	    int line, int col, struct diag_list *);

/* The decoders (img_png.c, img_jpeg.c), called by img_decode() with *im
 * cleared; the same contract. */
int	img_png_decode(const unsigned char *, size_t, unsigned, struct img *);
int	img_jpeg_decode(const unsigned char *, size_t, unsigned, struct img *);

/* For the decoders: sets im->why (printf format) and returns -1. */
int	img_fail(struct img *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* For the decoders: -1 (with the reason) when width x height is empty or
 * over IMG_MAX_PIXELS, else 0. */
int	img_check_size(struct img *, unsigned long w, unsigned long h);

#endif
