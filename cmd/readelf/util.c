/*
 * util: the printing conventions every dump shares.  GNU readelf pads
 * names to a column and, unless -W or -T, cuts a long one to width-5
 * characters followed by "[...]"; control characters show as ^X.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <demangle.h>

#include "diag.h"
#include "line.h"
#include "readelf.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

static const char *printable_name(const char *);

/*
 * Print name in a field of |width| columns (padded on the right when
 * width is negative).  Returns the number of columns used.
 */
int
out_symbol(const struct relf *f, int width, const char *name)
{
	int r;

	if (name == NULL)
		name = "";
	r = line_symbol(f, width, name, strlen(name));
	line_end();
	return r;
}

/* Whether any of the eight bytes in x is below 0x20 or is 0x7f. */
static inline bool
has_control(uint64_t x)
{
	uint64_t y = x ^ (ONES * 0x7f);

	return (((x - ONES * 0x20) & ~x) | ((y - ONES) & ~y)) & HIGHS;
}

/*
 * Copy s[0..n) to d, control characters as ^X, in at most room columns;
 * returns the columns (bytes) written.  Runs of eight plain bytes are
 * copied whole: names are long and almost never hold a control byte.
 */
static size_t
copy_visible(char *d, const unsigned char *s, size_t n, size_t room)
{
	size_t i = 0, used = 0;
	uint64_t x;
	unsigned char c;

	while (i < n && used < room) {
		if (n - i >= 8 && room - used >= 8) {
			memcpy(&x, s + i, 8);
			if (!has_control(x)) {
				memcpy(d + used, s + i, 8);
				i += 8;
				used += 8;
				continue;
			}
		}
		c = s[i++];
		if (c < 0x20 || c == 0x7f) {
			if (used + 2 > room)
				break;
			d[used++] = '^';
			d[used++] = (char)(c == 0x7f ? '?' : c + 0x40);
		} else
			d[used++] = (char)c;
	}
	return used;
}

/*
 * out_symbol's work, appended to the current line; len is strlen(name),
 * which the caller often knows already.
 */
int
line_symbol(const struct relf *f, int width, const char *name, size_t len)
{
	bool pad = width < 0, dots = false;
	size_t room, used, n = len, w;
	char *dem = NULL;

	if (width == 0)
		return 0;
	w = width < 0 ? 0 - (size_t)width : (size_t)width;
	/* GNU measures the mangled name, then prints the demangled one. */
	if (f->opts->demangle && len != 0 && (dem = cplus_demangle(name,
	    DMGL_AUTO | DMGL_PARAMS | DMGL_ANSI)) != NULL) {
		name = dem;
		n = strlen(dem);
	}
	if (f->opts->wide)
		room = SIZE_MAX;
	else {
		room = w;
		if (!f->opts->silent_truncation && len > room) {
			room = room > 5 ? room - 5 : 0;
			dots = true;
		}
	}
	if (n > SIZE_MAX / 4 - w)
		diag_fatal("out of memory");
	if (2 * n + 5 + w > line.cap - line.len)
		line_grow(2 * n + 5 + w);
	used = copy_visible(line.buf + line.len, (const unsigned char *)name,
	    n, room);
	line.len += used;
	if (dots) {
		line_mem("[...]", 5);
		used += 5;
	}
	if (pad && used < w) {
		line_spaces(w - used);
		used = w;
	}
	free(dem);
	return (int)used;
}

/* An address or size as a zero-padded field of the class's width. */
void
out_hexfield(const struct relf *f, uint64_t v)
{
	if (f->is64)
		out("%16.16jx", (uintmax_t)v);
	else
		out("%8.8jx", (uintmax_t)v);
}

/* A section name as GNU prints one: "<no-strings>", "<corrupt>". */
const char *
secname_print(const struct relf *f, size_t idx)
{
	const char *s;

	if (idx >= f->shnum)
		return "<corrupt>";
	if (f->shstr.data == NULL)
		return "<no-strings>";
	s = relf_string_span(f->shstr, f->sh[idx].sh_name);
	return s != NULL ? s : "<corrupt>";
}

/* A section name where GNU prints it through its fixed buffer (-g, -t). */
const char *
secname_short(const struct relf *f, size_t idx)
{
	return printable_name(secname_print(f, idx));
}

/*
 * GNU shows section names through a 256-character buffer, control
 * characters as ^X: a longer name is cut there.
 */
static const char *
printable_name(const char *s)
{
	static char buf[257];
	size_t n = 0;
	unsigned char c;

	if (strlen(s) < 128 && strpbrk(s, "\x01\x02\x03\x04\x05\x06\x07"
	    "\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
	    "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") == NULL)
		return s;
	for (; (c = (unsigned char)*s) != '\0' && n < 256; s++) {
		if (c < 0x20 || c == 0x7f) {
			if (n + 2 > 256)
				break;
			buf[n++] = '^';
			buf[n++] = (char)(c == 0x7f ? '?' : c + 0x40);
		} else
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return buf;
}

