/*
 * out: nm's standard output, one large buffer written with write(2)
 * when full.  Listing libLLVM's 100,000 symbols is mostly formatting
 * and copying; stdio's per-call locking and printf's format parsing
 * would dominate it.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "nm.h"

#define OUT_SIZE	(1 << 18)

static char	 buf[OUT_SIZE];
static size_t	 used;

void
out_flush(void)
{
	size_t off = 0;
	ssize_t w;

	while (off < used) {
		w = write(STDOUT_FILENO, buf + off, used - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			diag_fatal("write error on standard output: %s",
			    strerror(errno));
		off += (size_t)w;
	}
	used = 0;
}

void
out_mem(const char *s, size_t n)
{
	if (n > OUT_SIZE - used) {
		out_flush();
		if (n > OUT_SIZE) {
			for (; n > OUT_SIZE; s += OUT_SIZE, n -= OUT_SIZE) {
				memcpy(buf, s, OUT_SIZE);
				used = OUT_SIZE;
				out_flush();
			}
		}
	}
	memcpy(buf + used, s, n);
	used += n;
}

void
out_str(const char *s)
{
	out_mem(s, strlen(s));
}

void
out_chr(char c)
{
	if (used == OUT_SIZE)
		out_flush();
	buf[used++] = c;
}

/* v in lower-case hex, zero-padded to digits (more if it needs them). */
void
out_hex(uint64_t v, int digits)
{
	static const char hx[] = "0123456789abcdef";
	char tmp[16];
	int n = 0;

	do {
		tmp[15 - n++] = hx[v & 15];
		v >>= 4;
	} while (v != 0);
	if (used + 32 > OUT_SIZE)
		out_flush();
	for (; digits > n; digits--)
		buf[used++] = '0';
	memcpy(buf + used, tmp + 16 - n, (size_t)n);
	used += (size_t)n;
}
