/*
 * line: one line of output assembled in memory and handed to stdio in a
 * single fwrite.  The per-entry dumps (-s, -r) print hundreds of
 * thousands of lines; formatting them with printf, field by field, cost
 * four times what the rest of readelf does.  The fields here are the
 * ones those dumps need, each equal to a printf conversion named beside
 * it, so the output stays byte for byte what printf made.
 *
 * Rule: a line begun with line_* calls is ended with line_end before any
 * other output (out(), fputs, a diagnostic), or it would come out of order.
 * A loop of many lines may end each with line_next instead, which lets
 * them pile up to a batch, and calls line_end after the loop (and before
 * any other output inside it).
 */
#ifndef READELF_LINE_H
#define READELF_LINE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct relf;

/* The line so far: buf[0..len), room for cap bytes. */
struct line {
	char	*buf;
	size_t	 len, cap;
};
extern struct line line;

void	 line_grow(size_t);
void	 line_end(void);
void	 line_next(void);
void	 line_hex(uint64_t, int digits);	/* %0*jx */
void	 line_dec(uint64_t, int width);		/* %*ju */
void	 line_lpad(const char *, int width);	/* %-*s */
void	 line_rpad(const char *, int width);	/* %*s */
void	 line_spaces(size_t);
int	 line_symbol(const struct relf *, int width, const char *,
	    size_t len);

static inline void
line_mem(const void *s, size_t n)
{
	if (n > line.cap - line.len)
		line_grow(n);
	memcpy(line.buf + line.len, s, n);
	line.len += n;
}

static inline void
line_chr(char c)
{
	if (line.len == line.cap)
		line_grow(1);
	line.buf[line.len++] = c;
}

static inline void
line_str(const char *s)
{
	line_mem(s, strlen(s));
}

#endif
