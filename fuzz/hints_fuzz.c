/*
 * hints_fuzz: libFuzzer harness for common/hints.c.  Any input must
 * either be refused with a reason or yield a structure that can be
 * walked without further checks: every name and path NUL-terminated
 * inside the input, every chain ending within nbucket steps.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hints.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hints h;
	struct span s;
	uint64_t i, steps;
	int32_t k;
	unsigned char *copy;

	/* A private copy, so that reads past the end are caught. */
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	s.data = copy;
	s.size = size;
	if (hints_read(&h, s) == 0) {
		if (h.dirlist != NULL)
			(void)strlen(h.dirlist);
		for (i = 0; h.kind == HINTS_AOUT && i < h.nbucket; i++) {
			(void)strlen(h.v[i].name);
			(void)strlen(h.v[i].path);
			steps = 0;
			for (k = (int32_t)i; k >= 0; k = h.v[k].next)
				if (++steps > h.nbucket)
					abort();
		}
		hints_free(&h);
	}
	free(copy);
	return 0;
}
