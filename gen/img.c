/* img — picture decoding: the format switch and the checks (see img.h). */
#include "img.h"
#include "file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An SVG is XML whose first element is <svg>: after a byte order mark,
 * white space, an XML declaration, comments and a doctype, within the
 * first few kilobytes. */
static int
S_svg(const unsigned char *m, size_t len)
{
	size_t i = 0, lim = len < 4096 ? len : 4096;
	const char *end;

	if (lim >= 3 && memcmp(m, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim) {
		while (i < lim && (m[i] == ' ' || m[i] == '\t' ||
		    m[i] == '\r' || m[i] == '\n'))
			i++;
		if (i >= lim || m[i] != '<')
			return 0;
		if (lim - i >= 4 && memcmp(m + i, "<svg", 4) == 0)
			return lim - i == 4 || strchr(" \t\r\n>/:",
			    m[i + 4]) != NULL;
		if (lim - i >= 2 && (m[i + 1] == '?' || m[i + 1] == '!')) {
			end = memchr(m + i, '>', lim - i);
			if (end == NULL)
				return 0;
			i = (size_t)((const unsigned char *)end - m) + 1;
			continue;
		}
		return 0;
	}
	return 0;
}

enum img_format
img_sniff(const void *data, size_t len)
{
	const unsigned char *m = data;

	if (len >= 8 && memcmp(m, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMG_PNG;
	if (len >= 3 && m[0] == 0xFF && m[1] == 0xD8 && m[2] == 0xFF)
		return IMG_JPEG;
	if (len >= 6 && (memcmp(m, "GIF87a", 6) == 0 ||
	    memcmp(m, "GIF89a", 6) == 0))
		return IMG_GIF;
	if (len >= 12 && memcmp(m, "RIFF", 4) == 0 &&
	    memcmp(m + 8, "WEBP", 4) == 0)
		return IMG_WEBP;
	return S_svg(m, len) ? IMG_SVG : IMG_UNKNOWN;
}

static int
S_decode(const void *data, size_t len, unsigned flags, unsigned maxw,
    struct img *im)
{
	int rc;

	memset(im, 0, sizeof(*im));
	switch ((im->format = img_sniff(data, len))) {
	case IMG_PNG:
		rc = img_png_decode(data, len, flags, im);
		break;
	case IMG_JPEG:
		rc = img_jpeg_decode(data, len, flags, im);
		break;
	case IMG_GIF:
		rc = img_gif_decode(data, len, flags, im);
		break;
	case IMG_WEBP:
		rc = img_webp_decode(data, len, flags, im);
		break;
	case IMG_SVG:
		rc = img_svg_decode(data, len, flags, maxw, im);
		break;
	default:
		return img_fail(im, "it is not a PNG, JPEG, GIF, WebP or SVG "
		    "file");
	}
	if (rc != 0) {
		free(im->pixels);
		free(im->alpha);
		im->pixels = im->alpha = NULL;
		if (im->why[0] == '\0')
			img_fail(im, "it cannot be decoded");
	}
	return rc;
}

int
img_decode(const void *data, size_t len, unsigned flags, struct img *im)
{
	return S_decode(data, len, flags, 0, im);
}

int
img_decode_at(const void *data, size_t len, unsigned maxw, struct img *im)
{
	if (S_decode(data, len, 0, maxw, im) != 0)
		return -1;
	if (maxw > 0)
		img_downsample(im, maxw);
	return 0;
}

/* One plane (ch bytes a pixel) of w x h into nw x nh: each new pixel is
 * the mean of the source rectangle it covers, whole source pixels (a box
 * filter; enough for a reduction, which is all this does).  Returns the
 * new plane, or NULL out of memory. */
static unsigned char *
S_box(const unsigned char *src, size_t w, size_t h, size_t ch, size_t nw,
    size_t nh)
{
	unsigned char *dst;
	unsigned long *sum;
	size_t x, y, k, x0, x1, y0, y1, sx, sy, cnt;

	if ((dst = malloc(nw * nh * ch)) == NULL)
		return NULL;
	if ((sum = malloc(ch * sizeof(*sum))) == NULL) {
		free(dst);
		return NULL;
	}
	for (y = 0; y < nh; y++) {
		y0 = y * h / nh;
		y1 = (y + 1) * h / nh;
		if (y1 <= y0)
			y1 = y0 + 1;
		for (x = 0; x < nw; x++) {
			x0 = x * w / nw;
			x1 = (x + 1) * w / nw;
			if (x1 <= x0)
				x1 = x0 + 1;
			memset(sum, 0, ch * sizeof(*sum));
			for (sy = y0; sy < y1; sy++)
				for (sx = x0; sx < x1; sx++)
					for (k = 0; k < ch; k++)
						sum[k] += src[(sy * w + sx) *
						    ch + k];
			cnt = (y1 - y0) * (x1 - x0);
			for (k = 0; k < ch; k++)
				dst[(y * nw + x) * ch + k] = (unsigned char)
				    ((sum[k] + cnt / 2) / cnt);
		}
	}
	free(sum);
	return dst;
}

void
img_downsample(struct img *im, unsigned w)
{
	size_t nw, nh;
	unsigned char *p, *a = NULL;

	if (im->pixels == NULL || w == 0 || w >= im->width)
		return;
	nw = w;
	nh = ((size_t)im->height * nw + im->width / 2) / im->width;
	if (nh == 0)
		nh = 1;
	if ((p = S_box(im->pixels, im->width, im->height, im->space, nw,
	    nh)) == NULL)
		return;		/* the picture as it is: larger, not wrong */
	if (im->alpha != NULL && (a = S_box(im->alpha, im->width,
	    im->height, 1, nw, nh)) == NULL) {
		free(p);
		return;
	}
	free(im->pixels);
	im->pixels = p;
	if (im->alpha != NULL) {
		free(im->alpha);
		im->alpha = a;
	}
	im->width = (unsigned)nw;
	im->height = (unsigned)nh;
}

int
img_probe_file(const char *path, unsigned *w, unsigned *h)
{
	struct diag_list *dl = diag_list_new();
	struct img im;
	char *data;
	size_t len;
	int rc = -1;

	memset(&im, 0, sizeof(im));
	if ((data = file_read(path, &len, dl)) != NULL &&
	    img_decode(data, len, IMG_HEADER, &im) == 0) {
		*w = im.width;
		*h = im.height;
		rc = 0;
	}
	img_clear(&im);
	free(data);
	diag_list_free(dl);
	return rc;
}

const char *
img_error(const struct img *im)
{
	return im->why[0] != '\0' ? im->why : NULL;
}

void
img_clear(struct img *im)
{
	free(im->pixels);
	free(im->alpha);
	im->pixels = im->alpha = NULL;
}

int
img_check_file(const char *path, const char *name, const char *src,
    int line, int col, struct diag_list *dl)
{
	struct img im;
	char *data;
	size_t len;
	int rc = 0;

	/* the path was resolved: a file that cannot be read (too large,
	 * say) is an error of its own */
	if ((data = file_read(path, &len, dl)) == NULL)
		return -1;
	if (img_sniff(data, len) != IMG_UNKNOWN) {
		if (img_decode(data, len, IMG_CHECK, &im) != 0) {
			diag_add(dl, DIAG_IMAGE_BAD, src, line, col, name,
			    img_error(&im));
			rc = -1;
		} else if (im.warn[0] != '\0')
			diag_add(dl, DIAG_IMAGE_WARN, src, line, col, name,
			    im.warn);
		img_clear(&im);
	}
	free(data);
	return rc;
}
