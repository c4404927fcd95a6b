/*
 * esc — escaping, in one place, for every output context.
 *
 * Data values and text never reach an output without passing one of these.
 * Each appends the escaped form of s[0..n) to out.
 */
#ifndef SALESGEN_ESC_H
#define SALESGEN_ESC_H

#include <stddef.h>

#include "buf.h"

enum esc_ctx {
	ESC_NONE,	/* raw: only where a template asks for {{{x}}} */
	ESC_HTML,	/* HTML text and attribute values: & < > " ' */
	ESC_MD		/* Markdown source: the value reads as literal text */
};

void	esc_html(struct buf *out, const char *s, size_t n);
/* A URL inside an HTML attribute: percent-encodes bytes outside the safe
 * set (spaces, quotes, control and non-ASCII bytes), then HTML-escapes &. */
void	esc_url(struct buf *out, const char *s, size_t n);
/* Backslash-escapes ASCII punctuation so CommonMark reads the value as plain
 * text; a blank line stays a paragraph break, other line breaks become
 * spaces, so data cannot open a heading, list, code block or table row. */
void	esc_md(struct buf *out, const char *s, size_t n);
/* Percent-encodes a path or fragment we generate ourselves (a chapter
 * file "b c" becomes "b%20c"): everything but unreserved characters and
 * '/', '.', '-'.  The result still needs esc_html in an attribute. */
void	esc_url_path(struct buf *out, const char *s, size_t n);
/* Decodes %XX escapes of s[0..n) (as a browser does before matching a
 * file or an id); malformed escapes stay as they are. */
void	esc_url_decode(struct buf *out, const char *s, size_t n);
/* Dispatches on ctx. */
void	esc_ctx(struct buf *out, enum esc_ctx ctx, const char *s, size_t n);

/* 1 if url may be emitted as a link target: no javascript:, vbscript:,
 * file: or data: (except data:image/png|gif|jpeg|webp), as cmark decides. */
int	esc_url_safe(const char *url);

#endif
