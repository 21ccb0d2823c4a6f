/*
 * hints: a validating reader of the BSD run-time linker hints files
 * (../shared/spec/ld.so.hints.md): the a.out ld.so.hints of NetBSD,
 * OpenBSD and old FreeBSD, versions 1 and 2, in any byte order and
 * either size of C long; and FreeBSD's ld-elf.so.hints ("Ehnt").
 *
 * Reading checks everything OpenBSD's readhints() checks and more: every
 * offset and size against the file, every string index inside the string
 * table and NUL-terminated there, the dewey counts, and that the bucket
 * chains are lists (no index out of range, no loop).  A file that passes
 * can be walked without further checks.
 */
#ifndef OBJKIT_HINTS_H
#define OBJKIT_HINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

#define HINTS_MAGIC		0x4c444869u	/* octal 011421044151 */
#define HINTS_ELF_MAGIC		0x746e6845u	/* "Ehnt" */
#define HINTS_MAXDEWEY		8
#define HINTS_BUCKET_SIZE	48
#define HINTS_ELF_HDR_SIZE	128
#define HINTS_MAX_SIZE		(64ULL << 20)	/* refuse bigger files */

enum hints_kind { HINTS_AOUT, HINTS_ELF };

/* One bucket of an a.out hints file; strings point into the file. */
struct hints_entry {
	const char	*name;		/* "c" for libc.so.97.1 */
	const char	*path;
	int32_t		 dewey[HINTS_MAXDEWEY];
	int32_t		 ndewey;
	int32_t		 next;		/* -1 ends the chain */
};

struct hints {
	enum hints_kind	 kind;
	bool		 big;		/* byte order of the file */
	int		 word;		/* sizeof(long) it was written with */
	int		 version;
	uint64_t	 hashtab, nbucket, strtab, strtab_sz, ehints;
	const char	*dirlist;	/* NULL in version 1 */
	struct hints_entry *v;		/* nbucket entries, bucket order */
	char		 err[160];	/* why hints_read failed */
};

/* Parse and validate FILE.  0, or -1 with the reason in h->err. */
int	 hints_read(struct hints *h, struct span file);
void	 hints_free(struct hints *h);
/* The bucket hash of the a.out format (version 1 adds the minor). */
uint32_t hints_hash(const char *name, int major, int minor, int version);

#endif
