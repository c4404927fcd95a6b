/*
 * img_fail — what the picture decoders (img_<format>.c) share: the
 * failure reason and the size limit.  A leaf: it calls no other module,
 * so the decoders do not call back into img.c, which calls them.
 */
#ifndef SALESGEN_IMG_FAIL_H
#define SALESGEN_IMG_FAIL_H

struct img;

/* Sets im->why (printf format) and returns -1. */
int	img_fail(struct img *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* -1 (with the reason) when width x height is empty or over
 * IMG_MAX_PIXELS, else 0. */
int	img_check_size(struct img *, unsigned long w, unsigned long h);

#endif
