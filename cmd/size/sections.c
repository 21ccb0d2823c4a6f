/*
 * sections: the sections of one object as GNU size counts them.  ELF
 * sections come from common/symtab (which knows which ones BFD turns
 * into sections and with what flags); an a.out file has .text, .data
 * and .bss from its header (../shared/spec/a.out.md).  With --common
 * the sizes of common symbols are summed as well.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aout.h"
#include "elfobj.h"
#include "filetype.h"
#include "size.h"
#include "symtab.h"
#include "xalloc.h"

/* Sum the common symbols of the symbol table, as GNU's --common does. */
static uint64_t
common_size(struct elfobj *o)
{
	struct elfobj_symtab st;
	const char *name;
	GElf_Sym sym;
	uint64_t sum = 0;
	size_t i;

	if (elfobj_symtab(o, SHT_SYMTAB, &st) != 1)
		return 0;
	for (i = 1; i < st.count; i++) {
		if (gelf_getsym(st.data, (int)i, &sym) == NULL)
			break;
		if (sym.st_shndx == SHN_COMMON)
			sum += sym.st_size;
	}
	(void)name;
	return sum;
}

static int
read_elf(const struct size_opts *op, struct span s, struct size_obj *so,
    char *err, size_t errlen)
{
	struct symtab_sec *secs;
	struct elfobj o;
	size_t i;

	if (elfobj_open(&o, "", s) == -1) {
		snprintf(err, errlen, "%s", o.err);
		elfobj_close(&o);
		return -1;
	}
	secs = symtab_sections(&o);
	so->secs = xreallocarray(NULL, o.shnum + 1, sizeof(*so->secs));
	for (i = 1; i < o.shnum; i++) {
		if ((secs[i].flags & SEC_F_BFD) == 0)
			continue;
		/* The name lives in the file; keep a copy past elf_end. */
		so->secs[so->n].name = xstrdup(secs[i].name);
		so->secs[so->n].size = secs[i].size;
		so->secs[so->n].addr = secs[i].addr;
		so->secs[so->n].flags = secs[i].flags;
		so->n++;
	}
	if (op->common)
		so->common = common_size(&o);
	free(secs);
	elfobj_close(&o);
	return 0;
}

static void
add_sec(struct size_obj *so, const char *name, uint64_t size, uint64_t addr,
    unsigned flags)
{
	so->secs[so->n].name = xstrdup(name);
	so->secs[so->n].size = size;
	so->secs[so->n].addr = addr;
	so->secs[so->n].flags = flags;
	so->n++;
}

static int
read_aout(struct span s, struct size_obj *so, char *err, size_t errlen)
{
	struct aout a;

	if (aout_parse(&a, s) == -1) {
		snprintf(err, errlen, "%s", a.err);
		return -1;
	}
	so->secs = xreallocarray(NULL, 3, sizeof(*so->secs));
	add_sec(so, ".text", a.text, a.txtaddr, SEC_F_ALLOC | SEC_F_LOAD |
	    SEC_F_CONTENTS | SEC_F_CODE | SEC_F_READONLY);
	add_sec(so, ".data", a.data, a.dataddr, SEC_F_ALLOC | SEC_F_LOAD |
	    SEC_F_CONTENTS | SEC_F_DATA);
	add_sec(so, ".bss", a.bss, a.bssaddr, SEC_F_ALLOC);
	return 0;
}

int
size_read(const struct size_opts *op, struct span s, struct size_obj *so,
    char *err, size_t errlen)
{
	memset(so, 0, sizeof(*so));
	switch (filetype_detect(s)) {
	case FT_ELF:
		return read_elf(op, s, so, err, errlen);
	case FT_AOUT:
		return read_aout(s, so, err, errlen);
	default:
		snprintf(err, errlen, "file format not recognized");
		return -1;
	}
}

void
size_obj_free(struct size_obj *so)
{
	size_t i;

	for (i = 0; i < so->n; i++)
		free((char *)so->secs[i].name);
	free(so->secs);
	memset(so, 0, sizeof(*so));
}
