/*
 * libFuzzer harness for common/arread: read the bytes as an archive of
 * any flavour, walk every member, decode the symbol index and look up
 * the member at each index offset, as nm -s and ar do.  Thin archives
 * name external files; the harness runs in a directory of its own, so
 * lookups simply fail.  Any out-of-bounds read is an ASan report.
 *
 * Run: make fuzz && build/fuzz/arread_fuzz DIR
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arread.h"
#include "filetype.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile unsigned sink;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arindex_sym *syms;
	struct armember m;
	struct arread ar;
	struct span s;
	size_t n, i, guard;
	unsigned char *copy;

	if ((copy = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	s.data = copy;
	s.size = size;
	if (filetype_detect(s) == FT_UNKNOWN) {
		free(copy);
		return 0;
	}
	if (arread_open(&ar, "fuzz.a", s) == -1) {
		/* A failed open may hold the name buffer: close frees it. */
		arread_close(&ar);
		free(copy);
		return 0;
	}
	for (guard = 0; guard < 100000 && arread_next(&ar, &m) == 1; guard++)
		sink += (unsigned char)m.name[0] + (unsigned)m.data.size;
	if (arread_index(&ar, &syms, &n) == 0) {
		for (i = 0; i < n && i < 1000; i++) {
			sink += (unsigned char)syms[i].name[0];
			if (arread_member_at(&ar, syms[i].offset, &m) == 1)
				sink += (unsigned char)m.name[0];
		}
		free(syms);
	}
	arread_close(&ar);
	free(copy);
	return 0;
}
