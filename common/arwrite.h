/*
 * arwrite: write an archive with its symbol index, byte for byte as GNU ar
 * (with D) writes it: "!<arch>\n", the index ("/", or "/SYM64/" when an
 * offset needs 64 bits), the "//" long-name table, then the members.
 * --format=bsd gives "#1/N" names and a "__.SYMDEF" index; thin archives
 * ("!<thin>\n") hold headers only.  The format is described in man/ar.5.
 */
#ifndef OBJKIT_ARWRITE_H
#define OBJKIT_ARWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"
#include "outfile.h"

enum arwrite_format {
	ARW_GNU,		/* SVR4/GNU: "name/", "//" table, "/" index */
	ARW_BSD,		/* 4.4BSD: "#1/N" names, "__.SYMDEF" index */
};

/*
 * One member as it will be stored.  For a thin archive, name is the path
 * of the member's file relative to the archive's directory, and data is
 * still the file's bytes (read for the index and for the size).
 */
struct arwrite_member {
	const char	*name;
	struct span	 data;
	uint64_t	 mtime, uid, gid, mode;
};

struct arwrite_opts {
	enum arwrite_format format;
	bool		 thin;
	bool		 symtab;	/* write a symbol index */
	uint64_t	 index_time;	/* date of the index (0: deterministic) */
	const char	*path;		/* the archive, for messages */
	struct span	 old;		/* the archive as it is now, or empty */
};

/*
 * Write the archive into of (opened by the caller, committed by the
 * caller).  Members that are not objects are stored and not indexed;
 * broken objects get a warning.  Returns 0, or -1 after reporting the
 * error (diag).  When o->old holds exactly the bytes that would be
 * written, nothing is written and 1 is returned.
 */
int	 arwrite_write(struct outfile *, const struct arwrite_member *,
	    size_t, const struct arwrite_opts *);

#endif
