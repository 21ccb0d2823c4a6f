/*
 * bsd.c: ldconfig -b (or ldconfig.bsd), the BSD run-time linker hints
 * (../shared/spec/ld.so.hints.md).  OpenBSD's ldconfig is the model for
 * the a.out ld.so.hints: libNAME.so.MAJOR.MINOR files found in the
 * directories, one per (NAME, MAJOR) with the highest version, hashed
 * into as many buckets as entries, then the strings in list order and
 * the search path.  --elf writes FreeBSD's ld-elf.so.hints instead,
 * which holds only the search path.
 *
 * Where the originals depend on readdir order we read each directory in
 * name order, so that the same tree always gives the same bytes.  Like
 * FreeBSD, directories that neither root nor we own, or that group or
 * others may write, are left out (-i keeps them).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "hash.h"
#include "hints.h"
#include "mapfile.h"
#include "outfile.h"
#include "xalloc.h"
#include "ldconfig.h"

#define ELF_HINTS	"/var/run/ld-elf.so.hints"
#define STD_DIR		"/usr/lib"
#define MAX_DIRS	1024
#define ELF_HINTS_MAX	(16 * 1024)

/* A library of the hints list; identity is (name, major). */
struct blib {
	char		*key;		/* "name/major", the index's key */
	char		*name;
	char		*path;
	int32_t		 dewey[HINTS_MAXDEWEY];
	int		 ndewey;
};

/* The list being built, in first-insertion order. */
struct bstate {
	char		**dirs;
	size_t		 ndirs;
	struct blib	*libs;
	size_t		 nlibs, cap;
	struct strmap	 index;		/* "name/major" -> 1 + lib index */
	const char	*file;
};

static const struct option bsd_longopts[] = {
	{ "elf",		no_argument,		NULL, 'e' },
	{ "hints-version",	required_argument,	NULL, 'V' },
	{ "word-size",		required_argument,	NULL, 'W' },
	{ "big-endian",		no_argument,		NULL, 'B' },
	{ "root",		required_argument,	NULL, 'O' },
	{ "resolve",		required_argument,	NULL, 'Q' },
	{ NULL,			0,			NULL, 0 },
};

static void
bsd_usage(void)
{
	fprintf(stderr, "usage: ldconfig -b [-imRrsv] [-f hints] [--elf] "
	    "[--hints-version 1|2]\n"
	    "                   [--word-size 4|8] [--big-endian] "
	    "[--root dir] [directory ...]\n"
	    "       ldconfig -b --resolve file [-f hints] [--root dir]\n");
	exit(1);
}

static void
dir_add(struct bstate *st, const char *dir)
{
	char *d = xstrdup(dir);
	size_t i, n = strlen(d);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	for (i = 0; i < st->ndirs; i++)
		if (strcmp(st->dirs[i], d) == 0) {
			free(d);
			return;
		}
	if (st->ndirs == MAX_DIRS)
		diag_fatal("too many directories (%d)", MAX_DIRS);
	st->dirs = xreallocarray(st->dirs, st->ndirs + 1, sizeof(char *));
	st->dirs[st->ndirs++] = d;
}

/* FreeBSD's rule: owned by root (or by us), not group/other-writable. */
static bool
dir_trusted(const char *dir)
{
	struct stat sb;
	char *host;
	int rc;

	if (opts.insecure)
		return true;
	host = root_path(dir);
	rc = stat(host, &sb);
	free(host);
	if (rc != 0)
		return true;	/* scanning will report it */
	if (sb.st_uid != 0 && sb.st_uid != geteuid()) {
		if (opts.verbose)
			diag_warn(dir, "ignoring directory not owned by root");
		return false;
	}
	if (sb.st_mode & (S_IWGRP | S_IWOTH)) {
		if (opts.verbose)
			diag_warn(dir, "ignoring group or world writable "
			    "directory");
		return false;
	}
	return true;
}

/* ".1.2" -> [1, 2]; 0 when a component is not a number. */
static int
getdewey(int32_t dewey[HINTS_MAXDEWEY], const char *cp)
{
	int n;
	char *end;

	for (n = 0; n < HINTS_MAXDEWEY; n++) {
		if (*cp == '\0')
			break;
		if (*cp == '.')
			cp++;
		if (!isdigit((unsigned char)*cp))
			return 0;
		dewey[n] = (int32_t)strtol(cp, &end, 10);
		cp = end;
	}
	return n;
}

static int
cmpndewey(const int32_t *d1, int n1, const int32_t *d2, int n2)
{
	int i;

	for (i = 0; i < n1 && i < n2; i++) {
		if (d1[i] < d2[i])
			return -1;
		if (d1[i] > d2[i])
			return 1;
	}
	return n1 == n2 ? 0 : (n1 > n2 ? 1 : -1);
}

static void
enter(struct bstate *st, const char *name, const char *path,
    const int32_t *dewey, int ndewey)
{
	char key[512], *k;
	void **slot;
	bool isnew;
	struct blib *l;
	int len;

	len = snprintf(key, sizeof(key), "%s/%d", name, dewey[0]);
	if (len < 0 || (size_t)len >= sizeof(key))
		return;
	k = xstrdup(key);
	slot = strmap_insert(&st->index, k, len, &isnew);
	if (!isnew) {
		free(k);
		l = &st->libs[(uintptr_t)*slot - 1];
		if (cmpndewey(dewey, ndewey, l->dewey, l->ndewey) <= 0)
			return;
		if (opts.verbose)
			printf("Updating lib%s.%d.%d to %s\n", l->name,
			    l->dewey[0], l->dewey[1], path);
		free(l->path);
		l->path = xstrdup(path);
		memcpy(l->dewey, dewey, sizeof(l->dewey));
		l->ndewey = ndewey;
		return;
	}
	if (opts.verbose)
		printf("Adding %s\n", path);
	if (st->nlibs == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		st->libs = xreallocarray(st->libs, st->cap, sizeof(*st->libs));
	}
	l = &st->libs[st->nlibs++];
	l->key = k;	/* the index points at it */
	l->name = xstrdup(name);
	l->path = xstrdup(path);
	memcpy(l->dewey, dewey, sizeof(l->dewey));
	l->ndewey = ndewey;
	*slot = (void *)(uintptr_t)st->nlibs;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in DIR, sorted; NULL if it cannot be read. */
static char **
dir_names(const char *dir, size_t *n)
{
	struct dirent *de;
	char **v = NULL;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		v = xreallocarray(v, *n + 1, sizeof(char *));
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(char *), name_cmp);
	return v ? v : xcalloc(1, sizeof(char *));
}

/* OpenBSD's dodir: every libNAME.so.VERSION with a valid version. */
static void
scan_bsd_dir(struct bstate *st, const char *dir)
{
	int32_t dewey[HINTS_MAXDEWEY];
	char **names, *path, *name, *host;
	size_t i, n, len;
	int nd, pos;

	host = root_path(dir);
	names = dir_names(host, &n);
	free(host);
	if (names == NULL) {
		diag_errno(dir, "cannot open directory");
		return;
	}
	for (i = 0; i < n; i++) {
		name = names[i];
		len = strlen(name);
		if (len >= 7 && strncmp(name, "lib", 3) == 0) {
			for (pos = (int)len - 7; pos >= 1; pos--)
				if (memcmp(name + 3 + pos, ".so.", 4) == 0)
					break;
			memset(dewey, 0, sizeof(dewey));
			if (pos >= 1 &&
			    (nd = getdewey(dewey, name + 3 + pos + 3)) > 0) {
				path = xmalloc(strlen(dir) + len + 2);
				sprintf(path, "%s/%s", dir, name);
				name[3 + pos] = '\0';
				enter(st, name + 3, path, dewey, nd);
				free(path);
			}
		}
		free(names[i]);
	}
	free(names);
}

static char *
dirlist_join(const struct bstate *st)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; i < st->ndirs; i++)
		len += strlen(st->dirs[i]) + 1;
	s = xcalloc(1, len);
	for (i = 0; i < st->ndirs; i++) {
		if (i > 0)
			strcat(s, ":");
		strcat(s, st->dirs[i]);
	}
	return s;
}

static int
commit(const char *file, const unsigned char *buf, size_t size)
{
	struct outfile of;

	if (outfile_open(&of, file, 0444) != 0) {
		diag_errno(file, "cannot create temporary file");
		return 1;
	}
	if (outfile_write(&of, buf, size) != 0 ||
	    outfile_commit(&of, OUTFILE_FSYNC) != 0) {
		diag_errno(file, "cannot write hints");
		outfile_abort(&of);
		return 1;
	}
	return 0;
}

static void
put_word(unsigned char *p, int i, uint64_t v)
{
	if (opts.word_size == 8)
		store64(p + 8 * i, v, opts.big_endian);
	else
		store32(p + 4 * i, (uint32_t)v, opts.big_endian);
}

/* OpenBSD's buildhints: place each entry, then write the three parts. */
static int
write_aout(struct bstate *st)
{
	uint64_t hdr, strsz = 0, size, str = 0, nb = st->nlibs;
	unsigned char *p, *b, *strs;
	char *dirlist = dirlist_join(st);
	size_t i, j, len;
	uint64_t h, free_b = 0;
	int rc, ver = opts.hints_version;

	hdr = (uint64_t)(ver == 1 ? 7 : 8) * opts.word_size;
	for (i = 0; i < st->nlibs; i++)
		strsz += strlen(st->libs[i].name) + strlen(st->libs[i].path) + 2;
	if (ver == 2)
		strsz += strlen(dirlist) + 1;
	size = hdr + HINTS_BUCKET_SIZE * nb + strsz;
	if (size > HINTS_MAX_SIZE || size > INT32_MAX) {
		diag_error(st->file, "hints would be too large");
		free(dirlist);
		return 1;
	}
	p = xcalloc(1, size);
	strs = p + hdr + HINTS_BUCKET_SIZE * nb;
	for (i = 0; i < nb; i++)
		store32(p + hdr + HINTS_BUCKET_SIZE * i + 44, UINT32_MAX,
		    opts.big_endian);
	for (i = 0; i < st->nlibs; i++) {
		const struct blib *l = &st->libs[i];

		h = hints_hash(l->name, l->dewey[0], l->dewey[1], ver) % nb;
		b = p + hdr + HINTS_BUCKET_SIZE * h;
		if (load32(b + 4, opts.big_endian) != 0) {
			/* Home taken: the lowest free bucket joins its chain. */
			while (load32(p + hdr + HINTS_BUCKET_SIZE * free_b + 4,
			    opts.big_endian) != 0)
				free_b++;
			while ((int32_t)load32(b + 44, opts.big_endian) >= 0)
				b = p + hdr + HINTS_BUCKET_SIZE *
				    load32(b + 44, opts.big_endian);
			store32(b + 44, (uint32_t)free_b, opts.big_endian);
			b = p + hdr + HINTS_BUCKET_SIZE * free_b;
		}
		store32(b, (uint32_t)str, opts.big_endian);
		len = strlen(l->name) + 1;
		memcpy(strs + str, l->name, len);
		str += len;
		store32(b + 4, (uint32_t)str, opts.big_endian);
		len = strlen(l->path) + 1;
		memcpy(strs + str, l->path, len);
		str += len;
		for (j = 0; j < HINTS_MAXDEWEY; j++)
			store32(b + 8 + 4 * j, (uint32_t)l->dewey[j],
			    opts.big_endian);
		store32(b + 40, (uint32_t)l->ndewey, opts.big_endian);
	}
	put_word(p, 0, HINTS_MAGIC);
	put_word(p, 1, ver);
	put_word(p, 2, hdr);
	put_word(p, 3, nb);
	put_word(p, 4, hdr + HINTS_BUCKET_SIZE * nb);
	put_word(p, 5, strsz);
	put_word(p, 6, size);
	if (ver == 2) {
		put_word(p, 7, str);
		memcpy(strs + str, dirlist, strlen(dirlist) + 1);
	}
	if (opts.verbose)
		printf("Totals: entries %zu, buckets %llu, string size %llu\n",
		    st->nlibs, (unsigned long long)nb,
		    (unsigned long long)strsz);
	rc = commit(st->file, p, size);
	free(p);
	free(dirlist);
	return rc;
}

/* FreeBSD's write_elf_hints: a 128-byte header and the search path. */
static int
write_elf(struct bstate *st)
{
	char *dirlist = dirlist_join(st);
	size_t len = strlen(dirlist), size = HINTS_ELF_HDR_SIZE + len + 1;
	unsigned char *p;
	int rc;

	if (size > ELF_HINTS_MAX) {
		diag_error(st->file, "hints would be too large");
		free(dirlist);
		return 1;
	}
	p = xcalloc(1, size);
	store32(p, HINTS_ELF_MAGIC, opts.big_endian);
	store32(p + 4, 1, opts.big_endian);
	store32(p + 8, HINTS_ELF_HDR_SIZE, opts.big_endian);
	store32(p + 12, (uint32_t)len + 1, opts.big_endian);
	store32(p + 16, 0, opts.big_endian);
	store32(p + 20, (uint32_t)len, opts.big_endian);
	memcpy(p + HINTS_ELF_HDR_SIZE, dirlist, len + 1);
	rc = commit(st->file, p, size);
	free(p);
	free(dirlist);
	return rc;
}

/* FreeBSD's ELF listing: the libraries now in the search directories. */
static void
list_elf_dir(const char *dir, int *nlibs)
{
	const char *name, *vers;
	char **names, *host;
	size_t i, n, len;

	host = root_path(dir);
	names = dir_names(host, &n);
	free(host);
	if (names == NULL)
		return;
	for (i = 0; i < n; i++) {
		name = names[i];
		len = strlen(name);
		vers = name + len;
		while (vers > name && isdigit((unsigned char)vers[-1]))
			vers--;
		if (len >= 9 && strncmp(name, "lib", 3) == 0 &&
		    vers != name + len && vers >= name + 4 &&
		    strncmp(vers - 4, ".so.", 4) == 0)
			printf("\t%d:-l%.*s.%s => %s/%s\n", (*nlibs)++,
			    (int)(vers - 4 - (name + 3)), name + 3, vers, dir,
			    name);
		free(names[i]);
	}
	free(names);
}

static int
list_hints(const char *file, const struct hints *h)
{
	char *dirs, *d, *cp;
	uint64_t i;
	int n = 0;

	printf("%s:\n", file);
	if (h->dirlist != NULL)
		printf("\tsearch directories: %s\n", h->dirlist);
	if (h->kind == HINTS_ELF) {
		cp = dirs = xstrdup(h->dirlist);
		while ((d = strsep(&cp, ":")) != NULL)
			if (*d != '\0')
				list_elf_dir(d, &n);
		free(dirs);
		return 0;
	}
	for (i = 0; i < h->nbucket; i++)
		printf("\t%llu:-l%s.%d.%d => %s\n", (unsigned long long)i,
		    h->v[i].name, h->v[i].dewey[0], h->v[i].dewey[1],
		    h->v[i].path);
	return 0;
}

/* Read FILE for -r, -m or -R; the mapping stays for the strings. */
static int
load_hints(const char *file, struct mapfile *mf, struct hints *h)
{
	if (mapfile_open(mf, file) != 0) {
		diag_errno(file, "cannot open");
		return -1;
	}
	if (hints_read(h, mapfile_span(mf)) != 0) {
		diag_error(file, "%s", h->err);
		mapfile_close(mf);
		return -1;
	}
	return 0;
}

static void
parse_bsd_opts(int argc, char **argv)
{
	int ch;

	opts.hints_version = 2;
	opts.word_size = sizeof(long);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "bf:imRrsv", bsd_longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b':
			break;
		case 'f':
			opts.cache_file = optarg;
			opts.cache_given = true;
			break;
		case 'i':
			opts.insecure = true;
			break;
		case 'm':
			opts.merge = true;
			break;
		case 'R':
			opts.rescan = true;
			break;
		case 'r':
			opts.list_hints = true;
			break;
		case 's':
			opts.no_std_dirs = true;
			break;
		case 'v':
			opts.verbose = true;
			break;
		case 'e':
			opts.elf_hints = true;
			break;
		case 'V':
			opts.hints_version = atoi(optarg);
			if (opts.hints_version != 1 && opts.hints_version != 2)
				bsd_usage();
			break;
		case 'W':
			opts.word_size = atoi(optarg);
			if (opts.word_size != 4 && opts.word_size != 8)
				bsd_usage();
			break;
		case 'B':
			opts.big_endian = true;
			break;
		case 'O':
			opts.root = optarg;
			break;
		case 'Q':
			opts.resolve = optarg;
			break;
		default:
			bsd_usage();
		}
	}
	if (opts.cache_file == NULL)
		opts.cache_file = opts.elf_hints ? ELF_HINTS : BSD_AOUT_HINTS;
}

static void
bstate_free(struct bstate *st)
{
	size_t i;

	for (i = 0; i < st->nlibs; i++) {
		free(st->libs[i].key);
		free(st->libs[i].name);
		free(st->libs[i].path);
	}
	for (i = 0; i < st->ndirs; i++)
		free(st->dirs[i]);
	free(st->libs);
	free(st->dirs);
	strmap_free(&st->index);
}

/* -m and -R start from the old file's directories (and -m its entries). */
static int
load_old(struct bstate *st)
{
	struct mapfile mf;
	struct hints h;
	char *dirs, *cp, *d;
	uint64_t i;

	if (load_hints(st->file, &mf, &h) != 0)
		return 1;
	if (h.dirlist != NULL) {
		cp = dirs = xstrdup(h.dirlist);
		while ((d = strsep(&cp, ":")) != NULL)
			if (*d != '\0')
				dir_add(st, d);
		free(dirs);
	}
	if (opts.merge && h.kind == HINTS_AOUT)
		for (i = 0; i < h.nbucket; i++)
			enter(st, h.v[i].name, h.v[i].path, h.v[i].dewey,
			    h.v[i].ndewey);
	hints_free(&h);
	mapfile_close(&mf);
	return 0;
}

/* --resolve in BSD mode: -f is a host path, as for every BSD option. */
static int
bsd_resolve(int argc)
{
	char *hints;
	int rc;

	if (optind != argc)
		bsd_usage();
	hints = opts.cache_given ? xstrdup(opts.cache_file) :
	    root_path(BSD_AOUT_HINTS);
	rc = resolve_main(opts.resolve, hints);
	free(hints);
	return rc;
}

int
bsd_main(int argc, char **argv)
{
	struct bstate st;
	struct mapfile mf;
	struct hints h;
	size_t i, k;
	int rc, i_arg;

	parse_bsd_opts(argc, argv);
	if (opts.root != NULL && (opts.root[0] == '\0' ||
	    strcmp(opts.root, "/") == 0))
		opts.root = NULL;
	if (opts.resolve != NULL)
		return bsd_resolve(argc);
	memset(&st, 0, sizeof(st));
	st.file = opts.cache_file;
	if (opts.list_hints) {
		if (load_hints(st.file, &mf, &h) != 0)
			return 1;
		rc = list_hints(st.file, &h);
		hints_free(&h);
		mapfile_close(&mf);
		return rc | diag_status();
	}
	strmap_init(&st.index, 1024);
	if (opts.merge || opts.rescan) {
		if (load_old(&st) != 0) {
			bstate_free(&st);
			return 1;
		}
	} else if (!opts.no_std_dirs)
		dir_add(&st, STD_DIR);
	for (i_arg = optind; i_arg < argc; i_arg++)
		dir_add(&st, argv[i_arg]);
	for (i = k = 0; i < st.ndirs; i++) {
		if (dir_trusted(st.dirs[i]))
			st.dirs[k++] = st.dirs[i];
		else
			free(st.dirs[i]);
	}
	st.ndirs = k;
	if (!opts.elf_hints)
		for (i = 0; i < st.ndirs; i++)
			scan_bsd_dir(&st, st.dirs[i]);
	rc = opts.elf_hints ? write_elf(&st) : write_aout(&st);
	bstate_free(&st);
	return rc | diag_status();
}
