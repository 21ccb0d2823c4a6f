/*
 * line: the line buffer of line.h, and its number and padding fields.
 * The buffer grows to the longest line printed and is reused; it is
 * handed to stdout (itself fully buffered by main) with fwrite_unlocked,
 * since readelf has one thread and stdio's lock is pure cost.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "line.h"
#include "xalloc.h"

/* line_next hands the buffer to stdio once it holds this much. */
#define LINE_BATCH	(1 << 16)

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

/*
 * A batch goes straight to write(2) once stdio has written what it holds:
 * copying it into stdio's buffer first would double the bytes moved.
 */
void
line_end(void)
{
	size_t off = 0;
	ssize_t w;

	if (line.len < LINE_BATCH) {
		if (line.len != 0)
			fwrite_unlocked(line.buf, 1, line.len, stdout);
		line.len = 0;
		return;
	}
	if (fflush(stdout) != 0)
		diag_fatal("write error on standard output: %s",
		    strerror(errno));
	while (off < line.len) {
		w = write(STDOUT_FILENO, line.buf + off, line.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			diag_fatal("write error on standard output: %s",
			    strerror(errno));
		off += (size_t)w;
	}
	line.len = 0;
}

void
line_next(void)
{
	if (line.len >= LINE_BATCH)
		line_end();
}

/* n spaces; short runs (nearly all) as one fixed-size copy. */
void
line_spaces(size_t n)
{
	static const char sp[32] = "                                ";

	if (n + sizeof(sp) > line.cap - line.len)
		line_grow(n + sizeof(sp));
	if (n <= sizeof(sp))
		memcpy(line.buf + line.len, sp, sizeof(sp));
	else
		memset(line.buf + line.len, ' ', n);
	line.len += n;
}

/*
 * The eight hex digits of x, most significant first, into d: each
 * nibble is spread into a byte of its own, the bytes are put in
 * printing order, and every byte becomes '0'+n, plus 39 more for n > 9
 * to reach 'a'.
 */
static inline void
hex8(char *d, uint32_t x)
{
	uint64_t y = x;

	y = (y & 0xffff0000ULL) << 16 | (y & 0xffffULL);
	y = (y & 0x0000ff000000ff00ULL) << 8 | (y & 0x000000ff000000ffULL);
	y = (y & 0x00f000f000f000f0ULL) << 4 | (y & 0x000f000f000f000fULL);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	y = __builtin_bswap64(y);
#endif
	y += 0x3030303030303030ULL +
	    (((y + 0x0606060606060606ULL) >> 4 & 0x0101010101010101ULL) *
	    39);
	memcpy(d, &y, 8);
}

/* printf("%0*jx", digits, v): at least digits digits, more if needed. */
void
line_hex(uint64_t v, int digits)
{
	char tmp[16];
	size_t n, pad = 0;

	n = v == 0 ? 1 : (size_t)(67 - __builtin_clzll(v)) / 4;
	if (digits > 16) {
		pad = (size_t)digits - 16;
		digits = 16;
	}
	if ((size_t)digits > n)
		n = (size_t)digits;
	if (pad + 16 > line.cap - line.len)
		line_grow(pad + 16);
	if (pad != 0) {
		memset(line.buf + line.len, '0', pad);
		line.len += pad;
	}
	if (n > 8)
		hex8(tmp, (uint32_t)(v >> 32));
	hex8(tmp + 8, (uint32_t)v);
	memcpy(line.buf + line.len, tmp + 16 - n, n);
	line.len += n;
}

/* printf("%*ju", width, v): right-aligned in width columns. */
void
line_dec(uint64_t v, int width)
{
	static const char d2[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "93949596979899";
	char tmp[20];
	size_t n = 0;

	while (v >= 100) {
		n += 2;
		memcpy(tmp + 20 - n, d2 + v % 100 * 2, 2);
		v /= 100;
	}
	if (v >= 10) {
		n += 2;
		memcpy(tmp + 20 - n, d2 + v * 2, 2);
	} else
		tmp[20 - ++n] = (char)('0' + v);
	if (width > 0 && (size_t)width > n)
		line_spaces((size_t)width - n);
	line_mem(tmp + 20 - n, n);
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
