/*
 * ldcache_fuzz: libFuzzer harness for ldconfig -p, the reader of glibc's
 * ld.so.cache in all three formats (cmd/ldconfig/print.c, built here
 * whole: the reader lives in ldconfig, not in common/).  Any input must
 * be listed or refused without a read outside it; the listing goes to
 * /dev/null.  Run it with -close_fd_mask=2 to keep the messages quiet.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cmd/ldconfig/print.c"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diag_init("ldcache_fuzz");
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct span s;
	unsigned char *copy;

	/* A private copy of the exact size, so that overreads are caught. */
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	s.data = copy;
	s.size = size;
	(void)cache_print_span(s, "fuzz", "fuzz");
	free(copy);
	return 0;
}
