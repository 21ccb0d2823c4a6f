/*
 * ldconfig: the state shared by the files of cmd/ldconfig.
 *
 * Two families of run-time linker caches live here: glibc's ld.so.cache
 * (../shared/spec/ld.so.cache.md; conf.c, scan.c, elfinfo.c, cache.c,
 * print.c) and the BSD ld.so.hints (../shared/spec/ld.so.hints.md;
 * bsd.c, with the reader in common/hints.c).  resolve.c answers "what
 * would the loader pick" from either.
 */
#ifndef LDCONFIG_H
#define LDCONFIG_H

#include <sys/types.h>
#include <sys/stat.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

/* Library type and ABI flags of a cache entry (spec section 6). */
#define FLAG_ANY		-1
#define FLAG_TYPE_MASK		0x00ff
#define FLAG_LIBC4		0x0000
#define FLAG_ELF		0x0001
#define FLAG_ELF_LIBC5		0x0002
#define FLAG_ELF_LIBC6		0x0003
#define FLAG_REQUIRED_MASK	0xff00
#define FLAG_X8664_LIB64	0x0300
#define FLAG_X8664_LIBX32	0x0800

#define BSD_AOUT_HINTS		"/var/run/ld.so.hints"

struct ldconfig_opts {
	bool	 verbose;
	bool	 no_cache;	/* -N, -n */
	bool	 only_cmdline;	/* -n */
	bool	 no_links;	/* -X */
	bool	 manual_link;	/* -l */
	bool	 print_cache;	/* -p */
	bool	 bsd;		/* -b, or invoked as ldconfig.bsd */
	bool	 merge;		/* BSD -m */
	bool	 rescan;	/* BSD -R */
	bool	 list_hints;	/* BSD -r */
	bool	 no_std_dirs;	/* BSD -s */
	bool	 elf_hints;	/* BSD --elf: FreeBSD ld-elf.so.hints */
	bool	 insecure;	/* BSD -i: no trust checks on directories */
	bool	 big_endian;	/* BSD --big-endian */
	int	 format;	/* 0 old, 1 compat, 2 new */
	int	 hints_version;	/* 1 or 2 */
	int	 word_size;	/* 4 or 8: sizeof(long) of the target */
	const char *root;	/* -r ROOT, NULL for / */
	const char *cache_file;	/* -C */
	const char *conf_file;	/* -f */
	const char *generator;	/* --generator */
	const char *resolve;	/* --resolve FILE */
	bool	 cache_given;	/* -C or -f was on the command line */
};

/* A directory to scan: command line, ld.so.conf or built in. */
struct dir_entry {
	char		*path;		/* as the loader will see it */
	int		 flag;		/* FLAG_ANY or a dir=TYPE override */
	dev_t		 dev;
	ino_t		 ino;
	int		 hwcaps;	/* index into hwcaps names, or -1 */
	const char	*from_file;
	int		 from_line;
};

struct dir_list {
	struct dir_entry *v;
	size_t		 n, cap;
};

/* One cache entry before the file is laid out. */
struct cache_entry {
	const char	*soname;
	char		*path;
	int32_t		 flags;
	uint32_t	 isa_level;
	uint64_t	 hwcap;		/* legacy hwcap bits */
	int		 bits_hwcap;
	int		 hwcaps;	/* glibc-hwcaps name index, or -1 */
	size_t		 seq;		/* insertion order: ties keep it */
	uint32_t	 key, value;	/* string offsets, once laid out */
};

struct cache {
	struct cache_entry *v;
	size_t		 n, cap;
	char		**hwnames;	/* glibc-hwcaps names seen */
	bool		*hwused;
	size_t		 nhw;
};

/* What the file classifier found out about one library. */
struct libinfo {
	dev_t		 dev;		/* of the file read */
	ino_t		 ino;
	int		 flag;
	uint32_t	 isa_level;
	char		*soname;	/* malloced, or NULL */
};

extern struct ldconfig_opts opts;

/* conf.c */
char	*root_canon(const char *root, const char *path);
char	*root_path(const char *path);
void	 dirs_add(struct dir_list *, struct cache *, const char *line,
	    const char *from, int lineno);
void	 dirs_add_sub(struct dir_list *, const struct dir_entry *parent,
	    const char *path, const struct stat *, int hwcaps);
void	 conf_parse(struct dir_list *, struct cache *, const char *file,
	    bool in_root);
void	 dirs_add_system(struct dir_list *, struct cache *);
void	 dirs_free(struct dir_list *);

/* scan.c */
void	 scan_dirs(struct dir_list *, struct cache *);
void	 manual_link(const char *lib);
bool	 is_hwcap_platform(const char *name);

/* elfinfo.c */
int	 lib_classify(const char *path, const char *shown, const char *name,
	    bool is_link, struct libinfo *);
char	*implicit_soname(const char *name, int flag);

/* cache.c */
int	 libcmp(const char *, const char *);
void	 cache_add(struct cache *, const char *dir, const char *file,
	    const char *soname, int flags, uint32_t isa_level, uint64_t hwcap,
	    int hwcaps);
int	 cache_hwcaps_name(struct cache *, const char *name);
int	 cache_save(struct cache *, const char *file);
void	 cache_free(struct cache *);

/* print.c */
int	 cache_print(const char *file, const char *shown);
int	 cache_print_span(struct span, const char *file, const char *shown);

/* bsd.c */
int	 bsd_main(int argc, char **argv);

/* resolve.c: HINTS is the host path of the BSD hints file, or NULL */
int	 resolve_main(const char *file, const char *hints);

/* resolve_aout.c */
int	 resolve_aout(const char *file, const char *hints);

#endif
