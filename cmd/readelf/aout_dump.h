/*
 * The a.out half of readelf: dumps of the exec header, the nlist table,
 * the relocations and the link(5) dynamic structures of an a.out file.
 * main.c (the ELF side) calls aout_dump for every operand or archive
 * member that filetype_detect() says is FT_AOUT.
 */
#ifndef READELF_AOUT_DUMP_H
#define READELF_AOUT_DUMP_H

#include <stdbool.h>

#include "mapfile.h"

/* What to show; the same options as for ELF where they fit. */
#define AOUT_DUMP_HEADER	0x001	/* -h: exec header, derived offsets */
#define AOUT_DUMP_SYMS		0x002	/* -s: nlist table, stabs decoded */
#define AOUT_DUMP_RELOCS	0x004	/* -r: text and data relocations */
#define AOUT_DUMP_DYNAMIC	0x008	/* -d: _DYNAMIC, link_dynamic_2, ld_need */
#define AOUT_DUMP_DYNSYMS	0x010	/* --dyn-syms: RRS symbols, jump table */
#define AOUT_DUMP_EXPLAIN	0x100	/* --explain: one line per field */
#define AOUT_DUMP_JSON		0x200	/* --json: one JSON object */

/*
 * Dump the a.out file in s.  name is what messages and headings call it
 * ("file" or "lib.a(m.o)").  Returns 0, or -1 after reporting an error
 * with diag_error (what could be printed has been).  With
 * AOUT_DUMP_JSON it prints one JSON object (no trailing newline) that the
 * caller places in its document.
 */
int	aout_dump(const char *name, struct span s, unsigned what);

#endif
