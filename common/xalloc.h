/*
 * xalloc: allocation that cannot fail.  Out of memory is the one error no
 * tool can carry on from, so these print "prog: out of memory" and exit 1.
 */
#ifndef OBJKIT_XALLOC_H
#define OBJKIT_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

#endif
