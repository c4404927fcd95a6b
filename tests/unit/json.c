/* json — strict JSON reader for the tests (see json.h). */
#include "json.h"
#include "buf.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper documents are rejected rather than risking the C stack. */
#define JSON_MAX_DEPTH	256

struct jp {
	const char	*s;
	size_t		 len, pos;
	int		 depth;
};

static struct val *S_value(struct jp *);

static void
S_ws(struct jp *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' ||
	    p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
	    p->s[p->pos] == '\r'))
		p->pos++;
}

static int
S_lit(struct jp *p, const char *word)
{
	size_t n = strlen(word);

	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return 0;
	p->pos += n;
	return 1;
}

static int
S_hex4(struct jp *p, unsigned *out)
{
	unsigned v = 0;
	size_t i;
	int c;

	if (p->len - p->pos < 4)
		return 0;
	for (i = 0; i < 4; i++) {
		c = (unsigned char)p->s[p->pos + i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	p->pos += 4;
	*out = v;
	return 1;
}

static void
S_utf8(struct buf *b, unsigned cp)
{
	if (cp < 0x80)
		buf_putc(b, (int)cp);
	else if (cp < 0x800) {
		buf_putc(b, (int)(0xC0 | (cp >> 6)));
		buf_putc(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		buf_putc(b, (int)(0xE0 | (cp >> 12)));
		buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		buf_putc(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		buf_putc(b, (int)(0xF0 | (cp >> 18)));
		buf_putc(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
		buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		buf_putc(b, (int)(0x80 | (cp & 0x3F)));
	}
}

/* Reads a string after its opening quote into b. */
static int
S_string(struct jp *p, struct buf *b)
{
	unsigned cp, lo;
	int c;

	buf_reset(b);
	buf_grow(b, 0);
	b->data[0] = '\0';
	while (p->pos < p->len) {
		c = (unsigned char)p->s[p->pos++];
		if (c == '"')
			return 1;
		if (c < 0x20)
			return 0;
		if (c != '\\') {
			buf_putc(b, c);
			continue;
		}
		if (p->pos >= p->len)
			return 0;
		switch (p->s[p->pos++]) {
		case '"': buf_putc(b, '"'); break;
		case '\\': buf_putc(b, '\\'); break;
		case '/': buf_putc(b, '/'); break;
		case 'b': buf_putc(b, '\b'); break;
		case 'f': buf_putc(b, '\f'); break;
		case 'n': buf_putc(b, '\n'); break;
		case 'r': buf_putc(b, '\r'); break;
		case 't': buf_putc(b, '\t'); break;
		case 'u':
			if (!S_hex4(p, &cp))
				return 0;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return 0;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (!S_lit(p, "\\u") || !S_hex4(p, &lo) ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return 0;
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
			}
			S_utf8(b, cp);
			break;
		default:
			return 0;
		}
	}
	return 0;
}

static int
S_digits(struct jp *p)
{
	size_t start = p->pos;

	while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
		p->pos++;
	return p->pos > start;
}

static struct val *
S_number(struct jp *p)
{
	size_t start = p->pos;
	char *tmp;
	double d;

	if (p->pos < p->len && p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0')
		p->pos++;
	else if (!S_digits(p))
		return NULL;
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		if (!S_digits(p))
			return NULL;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' ||
		    p->s[p->pos] == '-'))
			p->pos++;
		if (!S_digits(p))
			return NULL;
	}
	/* strtod wants a terminated string; the input need not be one. */
	tmp = xstrndup(p->s + start, p->pos - start);
	d = strtod(tmp, NULL);
	free(tmp);
	return val_num(d);
}

static struct val *
S_array(struct jp *p)
{
	struct val *list = val_list(), *item;

	S_ws(p);
	if (p->pos < p->len && p->s[p->pos] == ']') {
		p->pos++;
		return list;
	}
	for (;;) {
		if ((item = S_value(p)) == NULL)
			break;
		val_push(list, item);
		S_ws(p);
		if (p->pos >= p->len)
			break;
		if (p->s[p->pos] == ']') {
			p->pos++;
			return list;
		}
		if (p->s[p->pos++] != ',')
			break;
	}
	val_free(list);
	return NULL;
}

static struct val *
S_object(struct jp *p)
{
	struct val *map = val_map(), *item;
	struct buf key = { 0 };

	S_ws(p);
	if (p->pos < p->len && p->s[p->pos] == '}') {
		p->pos++;
		return map;
	}
	for (;;) {
		S_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != '"')
			break;
		p->pos++;
		if (!S_string(p, &key))
			break;
		S_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != ':')
			break;
		p->pos++;
		if ((item = S_value(p)) == NULL)
			break;
		val_set(map, buf_cstr(&key), item);
		S_ws(p);
		if (p->pos >= p->len)
			break;
		if (p->s[p->pos] == '}') {
			p->pos++;
			buf_free(&key);
			return map;
		}
		if (p->s[p->pos++] != ',')
			break;
	}
	buf_free(&key);
	val_free(map);
	return NULL;
}

static struct val *
S_value(struct jp *p)
{
	struct buf b = { 0 };
	struct val *v = NULL;

	S_ws(p);
	if (p->pos >= p->len)
		return NULL;
	switch (p->s[p->pos]) {
	case '{':
	case '[':
		if (p->depth >= JSON_MAX_DEPTH)
			return NULL;
		p->depth++;
		v = p->s[p->pos++] == '{' ? S_object(p) : S_array(p);
		p->depth--;
		return v;
	case '"':
		p->pos++;
		if (S_string(p, &b))
			v = val_strn(b.data, b.len);
		buf_free(&b);
		return v;
	case 't':
		return S_lit(p, "true") ? val_bool(1) : NULL;
	case 'f':
		return S_lit(p, "false") ? val_bool(0) : NULL;
	case 'n':
		return S_lit(p, "null") ? val_null() : NULL;
	default:
		return S_number(p);
	}
}

struct val *
json_parse(const char *s, size_t len, size_t *erroff)
{
	struct jp p = { s, len, 0, 0 };
	struct val *v;

	v = S_value(&p);
	if (v != NULL) {
		S_ws(&p);
		if (p.pos == len)
			return v;
		val_free(v);
	}
	if (erroff != NULL)
		*erroff = p.pos;
	return NULL;
}

struct val *
json_load(const char *path)
{
	struct buf b = { 0 };
	struct val *v;
	char chunk[8192];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		buf_free(&b);
		return NULL;
	}
	fclose(fp);
	v = json_parse(buf_cstr(&b), b.len, NULL);
	buf_free(&b);
	return v;
}
