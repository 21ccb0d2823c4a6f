/*
 * line: the line buffer of line.h, and its number and padding fields.
 * The buffer grows to the longest line printed and is reused; it is
 * handed to stdout (itself fully buffered by main) with fwrite_unlocked,
 * since readelf has one thread and stdio's lock is pure cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "line.h"
#include "xalloc.h"

struct line line;

void
line_grow(size_t n)
{
	size_t cap = line.cap != 0 ? line.cap : 256;

	if (n > SIZE_MAX / 2 - line.len)
		diag_fatal("out of memory");
	while (cap - line.len < n)
		cap *= 2;
	line.buf = xrealloc(line.buf, cap);
	line.cap = cap;
}

void
line_end(void)
{
	if (line.len != 0)
		fwrite_unlocked(line.buf, 1, line.len, stdout);
	line.len = 0;
}

void
line_spaces(size_t n)
{
	if (n > line.cap - line.len)
		line_grow(n);
	memset(line.buf + line.len, ' ', n);
	line.len += n;
}

/* printf("%0*jx", digits, v): at least digits digits, more if needed. */
void
line_hex(uint64_t v, int digits)
{
	static const char hx[] = "0123456789abcdef";
	char tmp[16];
	size_t n = 0, pad;

	do {
		tmp[15 - n++] = hx[v & 15];
		v >>= 4;
	} while (v != 0);
	pad = digits > 0 && (size_t)digits > n ? (size_t)digits - n : 0;
	if (pad + n > line.cap - line.len)
		line_grow(pad + n);
	memset(line.buf + line.len, '0', pad);
	memcpy(line.buf + line.len + pad, tmp + 16 - n, n);
	line.len += pad + n;
}

/* printf("%*ju", width, v): right-aligned in width columns. */
void
line_dec(uint64_t v, int width)
{
	char tmp[20];
	size_t n = 0, pad;

	do {
		tmp[19 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
	if (pad + n > line.cap - line.len)
		line_grow(pad + n);
	memset(line.buf + line.len, ' ', pad);
	memcpy(line.buf + line.len + pad, tmp + 20 - n, n);
	line.len += pad + n;
}

/* printf("%-*s", width, s). */
void
line_lpad(const char *s, int width)
{
	size_t n = strlen(s);

	line_mem(s, n);
	if (width > 0 && (size_t)width > n)
		line_spaces((size_t)width - n);
}

/* printf("%*s", width, s). */
void
line_rpad(const char *s, int width)
{
	size_t n = strlen(s);

	if (width > 0 && (size_t)width > n)
		line_spaces((size_t)width - n);
	line_mem(s, n);
}
