/*
 * outfile: safe output.  Everything a tool writes goes to a temporary file
 * in the target's directory, which is renamed over the target only when it
 * is complete.  On an error or a fatal signal the temporary file is
 * removed and the target is untouched: no partial output is ever left.
 */
#ifndef OBJKIT_OUTFILE_H
#define OBJKIT_OUTFILE_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct outfile {
	char	*target;	/* the name the caller asked for */
	char	*tmp;		/* the temporary file beside it */
	int	 fd;		/* open on tmp; -1 when closed */
	mode_t	 mode;		/* given to the file at commit */
	void	*map;		/* from outfile_map, or NULL */
	uint64_t mapsize;
	bool	 copy;		/* target is a device or FIFO: copy into it */
};

/* Flags for outfile_commit. */
#define OUTFILE_FSYNC		0x1	/* fsync before the rename (ldconfig) */
#define OUTFILE_KEEP_LINKS	0x2	/* target with several links: copy the
					   new contents into it (strip) */

/*
 * Create the temporary file for target with the given final mode (use
 * outfile_default_mode for the 0666 & ~umask style).  Returns 0, or -1
 * with errno set.
 */
int	 outfile_open(struct outfile *, const char *target, mode_t mode);
/* Write all of buf, or return -1 with errno set. */
int	 outfile_write(struct outfile *, const void *buf, size_t len);
/* Write all the pieces, in order (at most IOV_MAX), or return -1. */
struct iovec;
int	 outfile_writev(struct outfile *, const struct iovec *, int cnt);
/*
 * Size the file to size bytes and map it writable: the linker writes its
 * output in place.  Returns NULL with errno set on failure.
 */
void	*outfile_map(struct outfile *, uint64_t size);
/* Put the new file in place.  Returns 0, or -1 with errno set (and the
   temporary file removed). */
int	 outfile_commit(struct outfile *, int flags);
/* Remove the temporary file; the target is untouched. */
void	 outfile_abort(struct outfile *);
/* base & ~umask, as open(2) would give. */
mode_t	 outfile_default_mode(mode_t base);

#endif
