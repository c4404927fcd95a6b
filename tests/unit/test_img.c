/*
 * test_img — the picture decoders (gen/img.h) on the fixtures in
 * tests/harden/img: whole files decode to the right size, colour space,
 * pixels and alpha; every prefix of a file (a file cut short anywhere) and
 * every one-byte corruption is refused or decoded without a crash, never
 * an abort (run under ASan and valgrind by make check); the size limit
 * holds without overflow.
 *
 * One PASS or FAIL line per test; exit status 1 if any failed.  Run from
 * the top of the repository.
 */
#include "file.h"
#include "img.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void
S_result(const char *name, int ok, const char *why)
{
	check_verdict("img", name, ok, why);
}

static char *
S_load(const char *name, size_t *len)
{
	char path[256];
	struct diag_list *dl = diag_list_new();
	char *data;

	snprintf(path, sizeof(path), "tests/harden/img/%s", name);
	data = file_read(path, len, dl);
	diag_list_free(dl);
	if (data == NULL)
		S_result(name, 0, "cannot read the fixture");
	return data;
}

/* The file decodes to w x h in space, its first pixel near c0 c1 c2,
 * with alpha or not, and with IMG_CHECK to no pixels. */
static void
S_whole(const char *name, unsigned w, unsigned h, enum img_space space,
    const int *first, int alpha)
{
	struct img im;
	char why[200], test[100];
	size_t len;
	char *data = S_load(name, &len);
	int ok, k;

	if (data == NULL)
		return;
	snprintf(test, sizeof(test), "%s decodes", name);
	ok = img_decode(data, len, 0, &im) == 0;
	snprintf(why, sizeof(why), "%s", ok ? "" : img_error(&im));
	if (ok && (im.width != w || im.height != h || im.space != space ||
	    im.bits != 8 || im.pixels == NULL ||
	    (im.alpha != NULL) != alpha)) {
		snprintf(why, sizeof(why), "%ux%u space %d bits %d alpha %d",
		    im.width, im.height, (int)im.space, im.bits,
		    im.alpha != NULL);
		ok = 0;
	}
	for (k = 0; ok && k < (int)space; k++)
		if (abs(im.pixels[k] - first[k]) > 12) {
			snprintf(why, sizeof(why), "component %d is %d, not "
			    "%d", k, im.pixels[k], first[k]);
			ok = 0;
		}
	/* the right half is transparent in the PNG fixtures */
	if (ok && alpha && (im.alpha[0] != 255 || im.alpha[w - 1] != 0)) {
		snprintf(why, sizeof(why), "alpha %d .. %d", im.alpha[0],
		    im.alpha[w - 1]);
		ok = 0;
	}
	S_result(test, ok, why);
	img_clear(&im);

	snprintf(test, sizeof(test), "%s checks without pixels", name);
	ok = img_decode(data, len, IMG_CHECK, &im) == 0 &&
	    im.pixels == NULL && im.alpha == NULL && im.width == w;
	S_result(test, ok, img_error(&im));
	img_clear(&im);
	free(data);
}

/* Bytes at the end of the file being tested that a picture does not
 * need (a GIF's trailer after its first frame, an SVG's last newline):
 * prefixes that keep the rest may decode. */
static size_t tail;

/* Every prefix is refused with a reason; no corruption crashes. */
static void
S_damaged(const char *name)
{
	struct img im;
	char why[300], test[100];
	size_t len, n, i;
	char *data = S_load(name, &len);
	int ok = 1;

	if (data == NULL)
		return;
	for (n = 0; n + tail < len && ok; n++) {
		if (img_decode(data, n, 0, &im) == 0 || img_error(&im) == NULL) {
			snprintf(why, sizeof(why), "the first %zu of %zu bytes "
			    "decode", n, len);
			ok = 0;
		}
		img_clear(&im);
	}
	snprintf(test, sizeof(test), "%s cut short anywhere is refused", name);
	S_result(test, ok, why);
	for (i = 8; i < len; i++) {
		data[i] ^= 0x5A;
		if (img_decode(data, len, 0, &im) != 0 &&
		    img_error(&im) == NULL)
			ok = 0;
		img_clear(&im);
		data[i] ^= 0x5A;
	}
	snprintf(test, sizeof(test), "%s with a byte changed anywhere", name);
	S_result(test, ok, "a refusal without a reason");
	free(data);
}

static void
S_limits(void)
{
	struct img im;

	memset(&im, 0, sizeof(im));
	S_result("limit: 20000 x 20000 is refused",
	    img_check_size(&im, 20000, 20000) != 0 &&
	    strcmp(im.why, "it is 20000 x 20000 pixels, more than the limit "
	    "of 50 megapixels") == 0, im.why);
	memset(&im, 0, sizeof(im));
	S_result("limit: 4294967295 x 4294967295 does not overflow",
	    img_check_size(&im, 4294967295ul, 4294967295ul) != 0, im.why);
	memset(&im, 0, sizeof(im));
	S_result("limit: 0 x 10 is refused",
	    img_check_size(&im, 0, 10) != 0, im.why);
	memset(&im, 0, sizeof(im));
	S_result("limit: 10000 x 5000 is taken",
	    img_check_size(&im, 10000, 5000) == 0, im.why);
	S_result("sniff: text is no picture",
	    img_sniff("hello", 5) == IMG_UNKNOWN, NULL);
}

int
main(void)
{
	static const int red[] = { 220, 30, 30 }, grey[] = { 40 };

	S_whole("red-rgb.jpg", 64, 48, IMG_RGB, red, 0);
	S_whole("red-progressive.jpg", 64, 48, IMG_RGB, red, 0);
	S_whole("grey.jpg", 64, 48, IMG_GRAY, grey, 0);
	S_whole("rgba16-interlaced.png", 64, 48, IMG_RGB, red, 1);
	S_whole("pal-trns.png", 64, 48, IMG_RGB, red, 1);
	S_damaged("red-rgb.jpg");
	S_damaged("red-progressive.jpg");
	S_damaged("rgba16-interlaced.png");
	S_damaged("pal-trns.png");
	/* the decoders of issue 8: GIF, WebP, SVG */
	S_whole("gif-trns.gif", 64, 48, IMG_RGB, red, 1);
	S_whole("lossy.webp", 64, 48, IMG_RGB, red, 0);
	S_whole("alpha-lossless.webp", 64, 48, IMG_RGB, red, 1);
	S_whole("alpha-lossy.webp", 64, 48, IMG_RGB, red, 1);
	S_whole("two.svg", 64, 48, IMG_RGB, red, 0);
	S_damaged("lossy.webp");
	S_damaged("alpha-lossless.webp");
	S_damaged("alpha-lossy.webp");
	tail = 1;
	S_damaged("gif-trns.gif");
	S_damaged("two.svg");
	tail = 0;
	S_limits();
	return check_status();
}
