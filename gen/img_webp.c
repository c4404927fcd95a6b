/*
 * img_webp — WebP decoding with libwebp (see img.h): lossy, lossless and
 * either with alpha; an animated file is refused by libwebp's simple
 * decoder (its first frame would need the demuxer), in plain words.
 * libwebp prints nothing and never aborts: its status codes are our
 * reasons.
 */
#include "img.h"

#include <stdlib.h>
#include <string.h>

#include <webp/decode.h>

static int
S_fail(struct img *im, VP8StatusCode st)
{
	switch (st) {
	case VP8_STATUS_NOT_ENOUGH_DATA:
		return img_fail(im, "the file ends early (it is cut short)");
	case VP8_STATUS_OUT_OF_MEMORY:
		return img_fail(im, "out of memory");
	case VP8_STATUS_UNSUPPORTED_FEATURE:
		return img_fail(im, "it is a kind of WebP salesgen does not "
		    "read (an animation?)");
	case VP8_STATUS_BITSTREAM_ERROR:
		return img_fail(im, "the WebP data is damaged");
	default:
		return img_fail(im, "it is not a valid WebP file");
	}
}

int
img_webp_decode(const unsigned char *data, size_t len, unsigned flags,
    struct img *im)
{
	WebPDecoderConfig cfg;
	VP8StatusCode st;
	size_t n, i;
	int ch, opaque = 1;
	unsigned char *p;

	if (!WebPInitDecoderConfig(&cfg))
		return img_fail(im, "the WebP library does not match");
	if ((st = WebPGetFeatures(data, len, &cfg.input)) != VP8_STATUS_OK)
		return S_fail(im, st);
	if (img_check_size(im, (unsigned long)cfg.input.width,
	    (unsigned long)cfg.input.height) != 0)
		return -1;
	if (cfg.input.has_animation)
		return S_fail(im, VP8_STATUS_UNSUPPORTED_FEATURE);
	im->width = (unsigned)cfg.input.width;
	im->height = (unsigned)cfg.input.height;
	im->space = IMG_RGB;
	im->bits = 8;
	im->has_alpha = cfg.input.has_alpha;
	if (flags & IMG_HEADER)
		return 0;
	ch = im->has_alpha ? 4 : 3;
	n = (size_t)im->width * im->height;
	if ((im->pixels = malloc(n * (size_t)ch)) == NULL)
		return img_fail(im, "out of memory");
	/* into our buffer: nothing of libwebp's to free */
	cfg.output.colorspace = ch == 4 ? MODE_RGBA : MODE_RGB;
	cfg.output.is_external_memory = 1;
	cfg.output.u.RGBA.rgba = im->pixels;
	cfg.output.u.RGBA.stride = (int)im->width * ch;
	cfg.output.u.RGBA.size = n * (size_t)ch;
	if ((st = WebPDecode(data, len, &cfg)) != VP8_STATUS_OK) {
		WebPFreeDecBuffer(&cfg.output);
		return S_fail(im, st);
	}
	WebPFreeDecBuffer(&cfg.output);
	if (ch == 4) {
		/* the alpha apart, the colours packed in place */
		if ((im->alpha = malloc(n)) == NULL)
			return img_fail(im, "out of memory");
		p = im->pixels;
		for (i = 0; i < n; i++) {
			memmove(p + i * 3, p + i * 4, 3);
			im->alpha[i] = p[i * 4 + 3];
			opaque &= im->alpha[i] == 0xFF;
		}
		if (opaque) {
			free(im->alpha);
			im->alpha = NULL;
		}
	}
	if (flags & IMG_CHECK) {
		free(im->pixels);
		free(im->alpha);
		im->pixels = im->alpha = NULL;
	}
	return 0;
}
