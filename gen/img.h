/*
 * img — decoding pictures (PNG, JPEG) from memory, checked to the last
 * byte, with our own error handlers: a damaged file is a message, never an
 * abort, never a half picture in a PDF.
 *
 * A decoder turns the bytes of one file into a struct img: size, colour
 * space, and (unless only a check was asked for) 8-bit pixels, top row
 * first, with the alpha channel apart (a PDF takes it as a soft mask).
 * PNG, JPEG, GIF (its first frame), WebP and SVG (rasterised) are read;
 * each has its decoder file img_<format>.c and the same size limit.
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
	IMG_JPEG,
	IMG_GIF,
	IMG_WEBP,
	IMG_SVG
};

/* The colour space of pixels; its value is the bytes per pixel. */
enum img_space {
	IMG_GRAY = 1,
	IMG_RGB = 3,
	IMG_CMYK = 4
};

/* img_decode() flags */
#define IMG_CHECK	1	/* decode everything, keep no pixels */
#define IMG_HEADER	2	/* size and colour space only: no pixel
				   data is read or checked */

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
	int		 inverted;	/* CMYK stored inverted (a JPEG with
					   Adobe's APP14 marker, as Photoshop
					   writes them): a PDF needs
					   Decode [1 0 1 0 1 0 1 0] */
	int		 vector;	/* SVG: drawn at any size asked for */
	char		 why[160];	/* what is wrong, after a failure */
	char		 warn[160];	/* a decoder's warning, or "" */
};

/* What the first bytes say the data is. */
enum img_format img_sniff(const void *data, size_t len);

/* Decodes data (len bytes, any format img_sniff() knows) into *im, which
 * it clears first.  Returns 0, or -1 with the reason for img_error().
 * The pixels and alpha belong to *im: free them with img_clear(). */
int	img_decode(const void *data, size_t len, unsigned flags, struct img *);

/* img_decode() with pixels, at most maxw pixels wide (0: any): an SVG is
 * rasterised maxw pixels wide (its own size when 0), a wider raster
 * picture is downsampled to maxw (img_downsample()).  The same contract. */
int	img_decode_at(const void *data, size_t len, unsigned maxw,
	    struct img *);

/* Scales the pixels (and alpha) of a decoded picture down to w pixels
 * wide and the height in proportion, each new pixel the mean of the
 * source pixels it covers (a box filter).  Nothing when w is not smaller
 * than the width. */
void	img_downsample(struct img *, unsigned w);

/* The size in pixels of the picture in the file at path, from its header
 * (IMG_HEADER), silently: 0, or -1 when it cannot be read or is no
 * picture salesgen decodes (its checks tell why, elsewhere). */
int	img_probe_file(const char *path, unsigned *w, unsigned *h);

/* What is wrong with a picture img_decode() refused, in plain words
 * ("the file ends early"), or NULL when it decoded. */
const char *img_error(const struct img *);

/* Frees the pixels; *im may be decoded again. */
void	img_clear(struct img *);

/* Reads and decodes the file at path with IMG_CHECK.  A damaged picture
 * adds DIAG_IMAGE_BAD "image 'name': why" at src:line:col and returns -1;
 * a decoder's warning adds DIAG_IMAGE_WARN there; a file that cannot be
 * read is file_read()'s error, -1.  A file of a format salesgen does not
 * decode (BMP, TIFF) is left to the back ends: 0. */
int	img_check_file(const char *path, const char *name, const char *src,
	    int line, int col, struct diag_list *);

/* The decoders (img_png.c, img_jpeg.c, img_gif.c, img_webp.c,
 * img_svg.c), called by img_decode() with *im cleared; the same contract.
 * The SVG decoder rasterises maxw pixels wide (0: its own size). */
int	img_png_decode(const unsigned char *, size_t, unsigned, struct img *);
int	img_jpeg_decode(const unsigned char *, size_t, unsigned, struct img *);
int	img_gif_decode(const unsigned char *, size_t, unsigned, struct img *);
int	img_webp_decode(const unsigned char *, size_t, unsigned, struct img *);
int	img_svg_decode(const unsigned char *, size_t, unsigned,
	    unsigned maxw, struct img *);

/* img_fail() and img_check_size(), the decoders' shared helpers, are
 * in img_fail.h: a leaf, so that img.c -> img_png.c -> img.c is no loop. */
#include "img_fail.h"

#endif
