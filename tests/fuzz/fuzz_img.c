/*
 * fuzz_img — libFuzzer target for the picture decoders (gen/img.h): any
 * bytes through img_decode() with and without pixels, and through
 * img_decode_at() (an SVG rasterised, a picture downsampled).  A refusal
 * must come with a reason.  Seeds: tests/fuzz/corpus/img (the fixtures of
 * tests/harden/img).
 */
#include "img.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct img im;

	if (img_decode(data, len, IMG_CHECK, &im) != 0 &&
	    img_error(&im) == NULL)
		abort();
	img_clear(&im);
	if (img_decode(data, len, IMG_HEADER, &im) != 0 &&
	    img_error(&im) == NULL)
		abort();
	img_clear(&im);
	if (img_decode_at(data, len, 32, &im) != 0 && img_error(&im) == NULL)
		abort();
	img_clear(&im);
	return 0;
}
