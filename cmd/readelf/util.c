/*
 * util: the printing conventions every dump shares.  GNU readelf pads
 * names to a column and, unless -W or -T, cuts a long one to width-5
 * characters followed by "[...]"; control characters show as ^X.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <demangle.h>

#include "readelf.h"
#include "xalloc.h"

static const char *printable_name(const char *);

/*
 * Print name in a field of |width| columns (padded on the right when
 * width is negative).  Returns the number of columns used.
 */
int
out_symbol(const struct relf *f, int width, const char *name)
{
	bool pad = width < 0, dots = false;
	size_t room, used = 0, len;
	unsigned char c;
	char *dem = NULL;
	int r;

	size_t w;

	if (width == 0)
		return 0;
	w = width < 0 ? 0 - (size_t)width : (size_t)width;
	if (name == NULL)
		name = "";
	/* GNU measures the mangled name, then prints the demangled one. */
	len = strlen(name);
	if (f->opts->demangle && *name != '\0' && (dem = cplus_demangle(name,
	    DMGL_AUTO | DMGL_PARAMS | DMGL_ANSI)) != NULL)
		name = dem;
	if (f->opts->wide)
		room = SIZE_MAX;
	else {
		room = w;
		if (!f->opts->silent_truncation && len > room) {
			room = room > 5 ? room - 5 : 0;
			dots = true;
		}
	}
	for (; (c = (unsigned char)*name) != '\0' && used < room; name++) {
		if (c < 0x20 || c == 0x7f) {
			if (used + 2 > room)
				break;
			putchar('^');
			putchar(c == 0x7f ? '?' : c + 0x40);
			used += 2;
		} else {
			putchar(c);
			used++;
		}
	}
	if (dots) {
		fputs("[...]", stdout);
		used += 5;
	}
	for (; pad && used < w; used++)
		putchar(' ');
	r = (int)used;
	free(dem);
	return r;
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

