/* img — picture decoding: the format switch and the checks (see img.h). */
#include "img.h"
#include "file.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum img_format
img_sniff(const void *data, size_t len)
{
	const unsigned char *m = data;

	if (len >= 8 && memcmp(m, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMG_PNG;
	if (len >= 3 && m[0] == 0xFF && m[1] == 0xD8 && m[2] == 0xFF)
		return IMG_JPEG;
	return IMG_UNKNOWN;
}

int
img_fail(struct img *im, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(im->why, sizeof(im->why), fmt, ap);
	va_end(ap);
	return -1;
}

int
img_check_size(struct img *im, unsigned long w, unsigned long h)
{
	if (w == 0 || h == 0)
		return img_fail(im, "it has no pixels (%lu x %lu)", w, h);
	/* compared by division: w * h may not fit */
	if (w > IMG_MAX_PIXELS || h > IMG_MAX_PIXELS / w)
		return img_fail(im, "it is %lu x %lu pixels, more than the "
		    "limit of %u megapixels", w, h, IMG_MAX_PIXELS / 1000000);
	return 0;
}

int
img_decode(const void *data, size_t len, unsigned flags, struct img *im)
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
	default:
		return img_fail(im, "it is not a PNG or JPEG file");
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
