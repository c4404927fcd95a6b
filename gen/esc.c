/* esc — context-sensitive escaping (see esc.h). */
#include "esc.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

void
esc_html(struct buf *out, const char *s, size_t n)
{
	size_t i, start = 0;
	const char *rep;
	size_t rlen;

	buf_grow(out, n);
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; rlen = 5; break;
		case '<': rep = "&lt;"; rlen = 4; break;
		case '>': rep = "&gt;"; rlen = 4; break;
		case '"': rep = "&quot;"; rlen = 6; break;
		case '\'': rep = "&#39;"; rlen = 5; break;
		default: continue;
		}
		buf_put(out, s + start, i - start);
		buf_put(out, rep, rlen);
		start = i + 1;
	}
	buf_put(out, s + start, n - start);
}

void
esc_url(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '&')
			buf_puts(out, "&amp;");
		else if (c == '%' || (c > 0x20 && c < 0x7f && c != '"' &&
		    c != '\'' && c != '<' && c != '>' && c != '\\' &&
		    c != '`' && c != '{' && c != '}' && c != '|' && c != '^'))
			buf_putc(out, c);
		else {
			buf_putc(out, '%');
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		}
	}
}

void
esc_url_path(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (isalnum(c) || c == '-' || c == '.' || c == '_' ||
		    c == '~' || c == '/')
			buf_putc(out, c);
		else {
			buf_putc(out, '%');
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		}
	}
}

static int
S_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void
esc_url_decode(struct buf *out, const char *s, size_t n)
{
	size_t i;
	int h, l;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (h = S_hex((unsigned char)s[i + 1])) >= 0 &&
		    (l = S_hex((unsigned char)s[i + 2])) >= 0) {
			buf_putc(out, h * 16 + l);
			i += 2;
		} else
			buf_putc(out, s[i]);
	}
}

void
esc_md(struct buf *out, const char *s, size_t n)
{
	size_t i, j;
	unsigned char c;

	/* Leading blanks would open an indented code block. */
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'); i++)
		;
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '\r')
			continue;
		if (c == '\n') {
			/* A blank line (only white space between two
			 * newlines) keeps its paragraph break. */
			for (j = i + 1; j < n && (s[j] == ' ' || s[j] == '\t' ||
			    s[j] == '\r'); j++)
				;
			if (j < n && s[j] == '\n') {
				buf_puts(out, "\n\n");
				while (j < n && isspace((unsigned char)s[j]))
					j++;
				i = j - 1;
			} else {
				buf_putc(out, ' ');
				i = j - 1;
			}
			continue;
		}
		if (c == '\t') {
			buf_putc(out, ' ');
			continue;
		}
		if (c < 0x80 && ispunct(c))
			buf_putc(out, '\\');
		buf_putc(out, c);
	}
}

void
esc_ctx(struct buf *out, enum esc_ctx ctx, const char *s, size_t n)
{
	switch (ctx) {
	case ESC_HTML:
		esc_html(out, s, n);
		break;
	case ESC_MD:
		esc_md(out, s, n);
		break;
	default:
		buf_put(out, s, n);
		break;
	}
}

int
esc_url_safe(const char *url)
{
	static const char *bad[] = { "javascript:", "vbscript:", "file:",
	    "data:" };
	static const char *okdata[] = { "data:image/png", "data:image/gif",
	    "data:image/jpeg", "data:image/webp" };
	size_t i;

	while (*url == ' ' || *url == '\t')
		url++;
	for (i = 0; i < sizeof(okdata) / sizeof(okdata[0]); i++)
		if (strncasecmp(url, okdata[i], strlen(okdata[i])) == 0)
			return 1;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return 0;
	return 1;
}
