/*
 * xalloc: malloc and friends that exit on failure, and reallocarray with
 * its overflow check (as OpenBSD has it), so that no caller multiplies a
 * count read from a file by hand.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n != 0 ? n : 1);

	if (p == NULL)
		diag_fatal("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n != 0 ? n : 1, size != 0 ? size : 1);

	if (p == NULL)
		diag_fatal("out of memory");
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		diag_fatal("out of memory");
	p = realloc(old, n * size != 0 ? n * size : 1);
	if (p == NULL)
		diag_fatal("out of memory");
	return p;
}

/*
 * libiberty's demangler calls xrealloc; defining it here keeps the
 * linker from pulling libiberty's xmalloc.o, whose xmalloc and xcalloc
 * would clash with ours.
 */
void *
xrealloc(void *old, size_t size)
{
	return xreallocarray(old, 1, size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
