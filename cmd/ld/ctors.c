/*
 * ctors.c: .ctors and .dtors sections, run through .init_array and
 * .fini_array as GNU ld's default script for elf_x86_64 arranges it.
 *
 * glibc's startup only walks the arrays, and crtbegin.o built for them has
 * no __do_global_ctors_aux, so a .ctors list would never run.  GNU ld
 * therefore folds .ctors and .ctors.N into .init_array (and .dtors into
 * .fini_array), except those of crtbegin*.o and crtend*.o, which keep
 * their own output section.  Two things change on the way:
 *
 * - Priority.  The compiler names a constructor of priority P
 *   ".ctors.(65535 - P)", because the old list runs from its end, so
 *   .ctors.N sorts as priority 65535 - N among the .init_array.N.
 * - Order.  A .ctors list runs last word first and an array first word
 *   first, so each .ctors section is copied with its 8-byte words in
 *   reverse order (bfd's SEC_ELF_REVERSE_COPY): the constructors of one
 *   section then run in the order they did before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ld.h"

/* Whether the object name's last component is crtbegin*.o or crtend*.o. */
static bool
is_crt_file(const char *name)
{
	const char *b = strrchr(name, '/'), *paren;
	size_t n;

	b = b != NULL ? b + 1 : name;
	/* An archive member: "lib.a(crtend.o)". */
	if ((paren = strrchr(b, '(')) != NULL)
		b = paren + 1;
	n = strcspn(b, ")");
	if (strncmp(b, "crtbegin", 8) == 0)
		b += 8, n -= 8;
	else if (strncmp(b, "crtend", 6) == 0)
		b += 6, n -= 6;
	else
		return false;
	return (n == 2 && strncmp(b, ".o", 2) == 0) ||
	    (n == 3 && strncmp(b + 1, ".o", 2) == 0);
}

/*
 * If is is a .ctors or .dtors section that goes into an array, the array's
 * name, with is->priority and is->reverse set; else NULL.
 */
const char *
ctors_array(struct input_section *is)
{
	const char *n = is->name, *array;
	char *end;
	unsigned long v;

	if (strncmp(n, ".ctors", 6) == 0)
		array = ".init_array";
	else if (strncmp(n, ".dtors", 6) == 0)
		array = ".fini_array";
	else
		return NULL;
	if ((n[6] != '\0' && n[6] != '.') || is_crt_file(is->file->name))
		return NULL;
	is->priority = 65536;
	if (n[6] == '.') {
		v = strtoul(n + 7, &end, 10);
		if (*end != '\0' || end == n + 7 || v > 65535)
			return NULL;	/* not a priority: keep its name */
		is->priority = 65535 - (uint32_t)v;
	}
	if (is->shdr->sh_size % 8 != 0) {
		diag_error(is->file->name, "%s: size %ju is not a multiple of "
		    "8, cannot run it from %s", n, (uintmax_t)is->shdr->sh_size,
		    array);
		return NULL;
	}
	is->reverse = true;
	return array;
}

/* Reverse the 8-byte words of a copied (and relocated) .ctors section. */
void
ctors_reverse(unsigned char *p, uint64_t size)
{
	unsigned char t[8];
	uint64_t i, j;

	if (size < 16)
		return;
	for (i = 0, j = size - 8; i < j; i += 8, j -= 8) {
		memcpy(t, p + i, 8);
		memcpy(p + i, p + j, 8);
		memcpy(p + j, t, 8);
	}
}
