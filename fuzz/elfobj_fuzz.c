/*
 * libFuzzer harness for common/elfobj and common/symtab: open the bytes
 * as an ELF file, then do what nm and size do with it: read every section
 * header and name, both symbol tables with their names, versions and
 * extended indexes, and classify every symbol.  Any out-of-bounds read
 * is an ASan report.
 *
 * Run: make fuzz && fuzz/seed.sh /tmp/seeds && build/fuzz/elfobj_fuzz
 * /tmp/seeds
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elfobj.h"
#include "symtab.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile unsigned sink;

static void
fuzz_symtab(struct elfobj *o, uint32_t type, const struct symtab_sec *secs)
{
	struct elfobj_symtab st;
	struct symtab_class c;
	const char *name;
	GElf_Sym sym;
	size_t i, shndx;

	if (elfobj_symtab(o, type, &st) != 1)
		return;
	for (i = 0; i < st.count; i++) {
		if (elfobj_sym(o, &st, i, &sym, &name) == -1)
			continue;
		shndx = elfobj_sym_shndx(&st, i, &sym);
		symtab_classify(o, secs, &sym, shndx, &c);
		sink += (unsigned char)c.letter + (unsigned char)name[0] +
		    (unsigned char)c.secname[0];
		sink += symtab_special(o, name);
		if (st.versym != NULL && (i + 1) * 2 <= st.versym->d_size)
			sink += ((const uint16_t *)st.versym->d_buf)[i];
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct symtab_sec *secs;
	struct elfobj o;
	struct span s;
	unsigned char *copy;
	size_t i;

	/* libelf wants a writable image, as mapfile provides. */
	if ((copy = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	s.data = copy;
	s.size = size;
	elfobj_init();
	if (elfobj_open(&o, "fuzz", s) == 0) {
		secs = symtab_sections(&o);
		for (i = 0; secs != NULL && i < o.shnum; i++)
			sink += (unsigned char)secs[i].name[0];
		fuzz_symtab(&o, SHT_SYMTAB, secs);
		fuzz_symtab(&o, SHT_DYNSYM, secs);
		free(secs);
	}
	elfobj_close(&o);
	free(copy);
	return 0;
}
