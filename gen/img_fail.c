/* img_fail — the decoders' failure reason and size limit (see img_fail.h). */
#include "img.h"
#include "img_fail.h"

#include <stdarg.h>
#include <stdio.h>

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
