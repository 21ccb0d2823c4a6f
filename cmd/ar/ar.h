/*
 * ar: private interface between the option parser (ar.c), the archive
 * in memory and its operations (ar_ops.c, ar_list.c) and the MRI script
 * reader (ar_mri.c).
 */
#ifndef OBJKIT_AR_H
#define OBJKIT_AR_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

struct ar_opts {
	int		 mode;		/* d m p q r s t x, or 'M' (MRI) */
	bool		 after;		/* a: insert after relpos */
	bool		 before;	/* b, i: insert before relpos */
	bool		 create;	/* c: no "creating" message */
	bool		 deterministic;	/* D (default); U clears it */
	bool		 count;		/* N: the instance-th member of a name */
	bool		 preserve_dates; /* o */
	bool		 full_path;	/* P */
	bool		 symtab;	/* s */
	bool		 no_symtab;	/* S */
	bool		 thin;		/* T, --thin */
	bool		 update;	/* u */
	bool		 verbose;	/* v */
	bool		 offsets;	/* O */
	bool		 bsd;		/* --format=bsd */
	bool		 ranlib;	/* invoked as ranlib */
	bool		 touch;		/* ranlib -t */
	const char	*relpos;	/* a, b, i */
	unsigned long	 instance;	/* N */
	const char	*output_dir;	/* --output */
	const char	*libdeps;	/* l, --record-libdeps */
	const char	*archive;
	char		**files;
	int		 nfiles;
};

/*
 * One member of the archive being built.  data points into the old
 * archive's mapping, into map or into buf, which this member owns.  Invariant:
 * name is malloced and never empty.
 */
struct ar_member {
	char		*name;
	struct span	 data;
	uint64_t	 mtime, uid, gid, mode;
	uint64_t	 dataoff;	/* in the old archive (t O) */
	struct mapfile	*map;
	unsigned char	*buf;		/* or a copy of a small file */
	bool		 mark;		/* operands matched this member */
};

struct ar_archive {
	const char	*path;
	struct mapfile	 map;
	bool		 mapped;
	bool		 exists;
	bool		 thin;
	bool		 bsd;
	struct ar_member *m;
	size_t		 n, cap;
};

/* ar_ops.c */
#define AR_MUST_EXIST	0x1	/* ar_load: a missing archive is an error */
#define AR_REPAIR	0x2	/* ar_load: a bad index will be rebuilt */
#define AR_LENIENT	0x4	/* ar_load: a bad index is only a warning */
int	 ar_load(struct ar_archive *, const char *path, int flags);
void	 ar_free(struct ar_archive *);
void	 ar_member_release(struct ar_member *);
int	 ar_save(struct ar_archive *, const struct ar_opts *);
int	 ar_add_file(struct ar_archive *, size_t at, const char *file,
	    const struct ar_opts *);
int	 ar_run(struct ar_opts *);
const char *ar_member_key(const char *file, const struct ar_opts *,
	    char *buf, size_t len);
/* ar_list.c: t, p, x */
int	 ar_list(struct ar_archive *, const struct ar_opts *);
int	 ar_print(struct ar_archive *, const struct ar_opts *);
int	 ar_extract(struct ar_archive *, const struct ar_opts *);
ssize_t	 ar_find(struct ar_archive *, const char *name, unsigned long nth);
/* ar_args.c: @file response files */
void	 ar_expand_args(int *, char ***);
/* ar_mri.c */
int	 ar_mri(struct ar_opts *);

#endif
