/*
 * arread: read the members of an archive in every format we meet:
 * GNU/SVR4 ("//" long names, "/" and "/SYM64/" indexes), BSD ("#1/len"
 * names, "__.SYMDEF" and "__.SYMDEF SORTED" indexes, 32- and 64-bit
 * ranlib structs), thin archives ("!<thin>", members are files named
 * relative to the archive) and the Atari Jaguar "Gnu is Not eUnuchs."
 * variant with 58-byte headers.  The format is described in man/ar.5.
 *
 * The index and the long-name table are not returned as members.
 * Nothing is trusted: a size past the end, a name offset outside the name
 * table or a bad header makes arread_next return -1 with ar->err set.
 */
#ifndef OBJKIT_ARREAD_H
#define OBJKIT_ARREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filetype.h"
#include "mapfile.h"

enum arindex_kind {
	ARIDX_NONE,
	ARIDX_GNU,		/* "/": 32-bit big-endian count and offsets */
	ARIDX_GNU64,		/* "/SYM64/": 64-bit big-endian */
	ARIDX_BSD,		/* "__.SYMDEF": ranlib structs, 32-bit */
	ARIDX_BSD_SORTED,	/* "__.SYMDEF SORTED" */
	ARIDX_BSD64,		/* "__.SYMDEF_64" */
	ARIDX_BSD64_SORTED,	/* "__.SYMDEF_64 SORTED" */
};

struct armember {
	const char	*name;		/* decoded name, NUL-terminated */
	uint64_t	 hdroff;	/* offset of the header in the archive */
	uint64_t	 dataoff;	/* offset of the data (thin: 0) */
	struct span	 data;		/* the contents */
	uint64_t	 mtime, uid, gid, mode;
	bool		 external;	/* thin: data is another file */
};

struct arindex_sym {
	const char	*name;		/* NUL-terminated, inside the index */
	uint64_t	 offset;	/* header offset of the defining member */
};

struct arread {
	const char	*path;		/* for messages and thin member paths */
	struct span	 whole;
	enum filetype	 kind;		/* FT_AR, FT_AR_THIN or FT_AR_JAGUAR */
	uint64_t	 pos;		/* next header */
	uint64_t	 first;		/* first header (after the magic) */
	struct span	 names;		/* "//" long-name table, if any */
	struct span	 index;		/* index member contents, if any */
	enum arindex_kind index_kind;
	bool		 index_big;	/* BSD index byte order */
	char		 err[160];	/* why the last call failed */
	char		*namebuf;	/* current member's decoded name */
	size_t		 namecap;
	struct mapfile	 ext;		/* thin: current external member */
	bool		 ext_open;
};

/*
 * Start reading the archive in s (whose type filetype_detect gave).
 * Reads the index and long-name table if present.  Returns 0 or -1.
 */
int	 arread_open(struct arread *, const char *path, struct span s);
void	 arread_close(struct arread *);
/* Next member: 1 and *m filled, 0 at the end, -1 on error (ar->err). */
int	 arread_next(struct arread *, struct armember *m);
/* The member whose header is at off (for the index). 1, 0 or -1. */
int	 arread_member_at(struct arread *, uint64_t off, struct armember *m);
/*
 * The symbol index as an array (malloced; *n entries), in index order.
 * Returns 0 (also when there is no index: *n = 0), or -1 on a malformed
 * index (ar->err).
 */
int	 arread_index(struct arread *, struct arindex_sym **syms, size_t *n);
const char *arread_index_name(enum arindex_kind);

#endif
