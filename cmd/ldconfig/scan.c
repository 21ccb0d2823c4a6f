/*
 * scan.c: reading one library directory the way glibc 2.36's ldconfig
 * does (spec ld.so.cache.md section 9), choosing one library per soname,
 * making the SONAME -> file symbolic links and handing the survivors to
 * the cache.  Legacy hwcap subdirectories (tls, haswell, ...) found on
 * the way are queued at the end of the directory list.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"
#include "ldconfig.h"

#define TLS_HWCAP_BIT	63

/* One candidate library of a directory. */
struct dlib {
	char		*name;
	char		*soname;
	int		 flag;
	bool		 is_link;
	uint32_t	 isa_level;
};

struct dlibs {
	struct dlib	*v;
	size_t		 n, cap;
};

/*
 * What each file read so far turned out to be, by (dev, ino): the soname
 * link and the development link of a library lead to the file itself,
 * which is then read once instead of three times.
 */
struct seen {
	dev_t		 dev;
	ino_t		 ino;
	bool		 used;
	int		 flag;
	uint32_t	 isa_level;
	char		*soname;
};

static struct seen	*seen;
static size_t		 seen_cap, seen_n;

static void	 scan_dir(struct dir_list *, size_t, struct cache *);
static void	 scan_entry(struct dir_list *, size_t, const char *real_dir,
		    const struct dirent *, struct dlibs *);
static void	 dlib_enter(struct dlibs *, const struct dir_entry *,
		    const char *name, char *soname, int flag, bool is_link,
		    uint32_t isa_level);
static void	 create_links(const char *real_dir, const char *dir,
		    const char *lib, const char *soname);
static char	*join(const char *, const char *);

/* x86-64's hwcap names under the default mask, its platforms and tls. */
static int
hwcap_bit(const char *name)
{
	if (strcmp(name, "x86_64") == 0)
		return 1;
	if (strcmp(name, "avx512_1") == 0)
		return 2;
	if (strcmp(name, "haswell") == 0)
		return 50;
	if (strcmp(name, "xeon_phi") == 0)
		return 51;
	if (strcmp(name, "tls") == 0)
		return TLS_HWCAP_BIT;
	return -1;
}

bool
is_hwcap_platform(const char *name)
{
	return hwcap_bit(name) >= 0;
}

/* The legacy hwcap bits named by the trailing components of PATH. */
static uint64_t
path_hwcap(const char *path)
{
	const char *end, *slash;
	uint64_t hwcap = 0;
	char comp[32];
	size_t n;
	int bit;

	end = path + strlen(path);
	for (;;) {
		for (slash = end; slash > path && slash[-1] != '/'; slash--)
			continue;
		if (slash == path)
			break;
		n = end - slash;
		if (n >= sizeof(comp))
			break;
		memcpy(comp, slash, n);
		comp[n] = '\0';
		if ((bit = hwcap_bit(comp)) < 0)
			break;
		hwcap += 1ULL << bit;
		end = slash - 1;
	}
	return hwcap;
}

/* Does the name look like a shared library (glibc's _dl_is_dso)? */
static bool
is_dso(const char *name)
{
	return ((strncmp(name, "lib", 3) == 0 || strncmp(name, "ld-", 3) == 0)
	    && strstr(name, ".so") != NULL) ||
	    strncmp(name, "ld.so.", 6) == 0 || strncmp(name, "ld64.so.", 8) == 0;
}

static bool
is_prelink_temp(const char *name)
{
	size_t len = strlen(name);

	if (len >= 10 && strcmp(name + len - 10, ".#prelink#") == 0)
		return true;
	return len >= 17 && memcmp(name + len - 17, ".#prelink#.", 11) == 0;
}

static size_t
seen_slot(dev_t dev, ino_t ino)
{
	uint64_t h = ((uint64_t)ino * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)dev;
	size_t i = (size_t)(h >> 20) & (seen_cap - 1);

	while (seen[i].used && (seen[i].dev != dev || seen[i].ino != ino))
		i = (i + 1) & (seen_cap - 1);
	return i;
}

static void
seen_add(const struct libinfo *li)
{
	struct seen *old = seen;
	size_t i, oldcap = seen_cap;

	/* An a.out soname comes from the name, not the file: not kept. */
	if ((li->flag & FLAG_TYPE_MASK) == FLAG_LIBC4)
		return;
	if (2 * (seen_n + 1) > seen_cap) {
		seen_cap = seen_cap ? 2 * seen_cap : 1024;
		seen = xcalloc(seen_cap, sizeof(*seen));
		for (i = 0; i < oldcap; i++)
			if (old[i].used)
				seen[seen_slot(old[i].dev, old[i].ino)] = old[i];
		free(old);
	}
	i = seen_slot(li->dev, li->ino);
	if (seen[i].used)
		return;
	seen[i] = (struct seen){ li->dev, li->ino, true, li->flag,
	    li->isa_level, li->soname ? xstrdup(li->soname) : NULL };
	seen_n++;
}

/* A copy of what the file (DEV, INO) was found to be, if it was read. */
static bool
seen_find(dev_t dev, ino_t ino, struct libinfo *li)
{
	size_t i;

	if (seen_cap == 0)
		return false;
	i = seen_slot(dev, ino);
	if (!seen[i].used)
		return false;
	li->dev = dev;
	li->ino = ino;
	li->flag = seen[i].flag;
	li->isa_level = seen[i].isa_level;
	li->soname = seen[i].soname ? xstrdup(seen[i].soname) : NULL;
	return true;
}

void
scan_dirs(struct dir_list *dl, struct cache *c)
{
	size_t i;

	/* The list grows while we go: hwcap subdirectories join the end. */
	for (i = 0; i < dl->n; i++)
		scan_dir(dl, i, c);
	for (i = 0; i < seen_cap; i++)
		free(seen[i].soname);
	free(seen);
	seen = NULL;
	seen_cap = seen_n = 0;
}

static void
scan_dir(struct dir_list *dl, size_t idx, struct cache *c)
{
	struct dlibs dlibs = { NULL, 0, 0 };
	const struct dir_entry *e;
	struct dirent *de;
	uint64_t hwcap = 0;
	char *real;
	size_t i;
	DIR *d;

	e = &dl->v[idx];
	if (e->hwcaps < 0)
		hwcap = path_hwcap(e->path);
	if (opts.verbose) {
		if (e->hwcaps >= 0)
			printf("%s: (hwcap: \"%s\")", e->path,
			    c->hwnames[e->hwcaps]);
		else if (hwcap != 0)
			printf("%s: (hwcap: %#.16llx)", e->path,
			    (unsigned long long)hwcap);
		else
			printf("%s:", e->path);
		printf(" (from %s:%d)\n", e->from_file, e->from_line);
	}
	real = root_canon(opts.root, e->path);
	if (real == NULL || (d = opendir(real)) == NULL) {
		if (opts.verbose)
			diag_warn(e->path, "cannot open directory: %s",
			    strerror(errno));
		free(real);
		return;
	}
	while ((de = readdir(d)) != NULL)
		scan_entry(dl, idx, real, de, &dlibs);
	closedir(d);

	/* glibc keeps its list newest first; the order shows in -v only. */
	e = &dl->v[idx];
	for (i = dlibs.n; i-- > 0;) {
		struct dlib *l = &dlibs.v[i];
		const char *file;

		if (e->hwcaps < 0) {
			/*
			 * With -X the links are only looked at, for -v and
			 * for warnings about odd ones; glibc looks anyway.
			 */
			if (!l->is_link && (!opts.no_links || opts.verbose))
				create_links(real, e->path, l->name, l->soname);
			file = l->soname;
		} else {
			if (opts.verbose)
				printf("\t%s -> %s\n", l->soname, l->name);
			file = l->name;
		}
		if (!opts.no_cache)
			cache_add(c, e->path, file, l->soname, l->flag,
			    l->isa_level, hwcap, e->hwcaps);
		free(l->name);
		free(l->soname);
	}
	free(dlibs.v);
	free(real);
}

/*
 * The host path that NAME in directory DIR (host path REAL_DIR) leads to,
 * following symbolic links inside the root.  A link to a name in the
 * same directory, the common case, costs one lstat and one readlink;
 * anything else goes through root_canon.  NULL if a link in the middle
 * of the way is missing.
 */
static char *
resolve_in_dir(const char *real_dir, const char *dir, const char *name,
    struct stat *st, bool *have_st)
{
	char cur[NAME_MAX + 1], buf[NAME_MAX + 1], *path, *logical;
	ssize_t n;
	int i;

	*have_st = false;
	if (opts.root == NULL)
		return join(real_dir, name);
	if (strlen(name) > NAME_MAX)
		name = ".";	/* cannot exist: root_canon says so */
	strcpy(cur, name);
	for (i = 0; i < 40; i++) {
		path = join(real_dir, cur);
		if (lstat(path, st) != 0)
			return path;
		if (!S_ISLNK(st->st_mode)) {
			*have_st = true;	/* lstat of a non-link is stat */
			return path;
		}
		n = readlink(path, buf, sizeof(buf) - 1);
		free(path);
		if (n <= 0 || (size_t)n >= sizeof(buf) - 1 ||
		    memchr(buf, '/', n) != NULL ||
		    (n == 1 && buf[0] == '.') ||
		    (n == 2 && buf[0] == '.' && buf[1] == '.'))
			break;
		memcpy(cur, buf, n);
		cur[n] = '\0';
	}
	logical = join(dir, cur);
	path = root_canon(opts.root, logical);
	free(logical);
	return path;
}

/* Look at one directory entry: queue a subdirectory or enter a library. */
static void
scan_entry(struct dir_list *dl, size_t idx, const char *real_dir,
    const struct dirent *de, struct dlibs *dlibs)
{
	const struct dir_entry *e = &dl->v[idx];
	char *file, *real, *target = NULL;
	struct libinfo li;
	struct stat st;
	bool is_link, is_dir, have_st;
	int type = de->d_type;
	size_t len;

	if (type != DT_UNKNOWN && type != DT_LNK && type != DT_REG &&
	    type != DT_DIR)
		return;
	if (!is_dso(de->d_name) && (type == DT_REG ||
	    (e->hwcaps < 0 && !is_hwcap_platform(de->d_name))))
		return;
	if (is_prelink_temp(de->d_name))
		return;
	file = xmalloc(strlen(e->path) + strlen(de->d_name) + 2);
	sprintf(file, "%s/%s", e->path, de->d_name);
	real = xmalloc(strlen(real_dir) + strlen(de->d_name) + 2);
	sprintf(real, "%s/%s", real_dir, de->d_name);
	/*
	 * A regular file needs no lstat (lib_classify fstats it), and a
	 * link's is the first step of resolving it.
	 */
	if (type == DT_REG)
		st.st_mode = S_IFREG;
	else if (type == DT_LNK)
		st.st_mode = S_IFLNK;
	else if (lstat(real, &st) != 0) {
		diag_warn(file, "cannot lstat: %s", strerror(errno));
		goto out;
	}
	is_link = S_ISLNK(st.st_mode);
	if (is_link) {
		target = resolve_in_dir(real_dir, e->path, de->d_name, &st,
		    &have_st);
		if (target == NULL) {
			if (strstr(file, ".so") == NULL)
				diag_warn(file, "input file not found");
			goto out;
		}
		if (!have_st && stat(target, &st) != 0) {
			if (opts.verbose)
				diag_warn(file, "cannot stat: %s",
				    strerror(errno));
			/* A dangling library link is stale: remove it. */
			if (!opts.no_links && strstr(de->d_name, ".so.") != NULL)
				unlink(real);
			goto out;
		}
	}
	is_dir = S_ISDIR(st.st_mode);
	if (e->hwcaps < 0 && is_dir && is_hwcap_platform(de->d_name)) {
		dirs_add_sub(dl, e, file, &st, -1);
		goto out;
	}
	if (!S_ISREG(st.st_mode))
		goto out;
	if (is_link && seen_find(st.st_dev, st.st_ino, &li))
		;
	else if (lib_classify(is_link ? target : real, file, de->d_name,
	    is_link, &li) != 0)
		goto out;
	else
		seen_add(&li);
	if (li.soname == NULL)
		li.soname = implicit_soname(de->d_name, li.flag);
	/*
	 * A link keeps its own name only when it is the soname link or the
	 * libfoo.so development link to it; any other link counts as a file.
	 */
	if (is_link && strcmp(de->d_name, li.soname) != 0) {
		len = strlen(de->d_name);
		if (len < 3 || strcmp(de->d_name + len - 3, ".so") != 0 ||
		    strncmp(de->d_name, li.soname, len) != 0)
			is_link = false;
	}
	if (is_link) {
		free(li.soname);
		li.soname = xstrdup(de->d_name);
	}
	if (li.flag == FLAG_ELF && (e->flag == FLAG_ELF_LIBC5 ||
	    e->flag == FLAG_ELF_LIBC6))
		li.flag = e->flag;
	dlib_enter(dlibs, e, de->d_name, li.soname, li.flag, is_link,
	    li.isa_level);
out:
	free(target);
	free(real);
	free(file);
}

/* One library per soname: a file beats a link, then the newer name. */
static void
dlib_enter(struct dlibs *dl, const struct dir_entry *e, const char *name,
    char *soname, int flag, bool is_link, uint32_t isa_level)
{
	struct dlib *l;
	size_t i;

	for (i = 0; i < dl->n; i++) {
		l = &dl->v[i];
		if (strcmp(l->soname, soname) != 0)
			continue;
		if ((!is_link && l->is_link) || (is_link == l->is_link &&
		    libcmp(l->name, name) < 0)) {
			if (l->flag != flag) {
				if (l->flag == FLAG_ELF && (flag ==
				    FLAG_ELF_LIBC5 || flag == FLAG_ELF_LIBC6))
					l->flag = flag;
				else if ((l->flag == FLAG_ELF_LIBC5 ||
				    l->flag == FLAG_ELF_LIBC6) &&
				    flag == FLAG_ELF)
					l->flag = flag;
				else
					diag_warn(e->path, "libraries %s and "
					    "%s have same soname but different"
					    " type", l->name, name);
			}
			free(l->name);
			l->name = xstrdup(name);
			l->is_link = is_link;
			l->isa_level = isa_level;
		}
		free(soname);
		return;
	}
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 64;
		dl->v = xreallocarray(dl->v, dl->cap, sizeof(*dl->v));
	}
	l = &dl->v[dl->n++];
	l->name = xstrdup(name);
	l->soname = soname;
	l->flag = flag;
	l->is_link = is_link;
	l->isa_level = isa_level;
}

/* stat NAME of directory DIR (host path REAL_DIR) inside the root. */
static int
stat_in_dir(const char *real_dir, const char *dir, const char *name,
    struct stat *st)
{
	bool have_st;
	char *p = resolve_in_dir(real_dir, dir, name, st, &have_st);
	int rc;

	if (p == NULL)
		return -1;
	rc = have_st ? 0 : stat(p, st);
	free(p);
	return rc;
}

static char *
join(const char *a, const char *b)
{
	char *p = xmalloc(strlen(a) + strlen(b) + 2);

	sprintf(p, "%s/%s", a, b);
	return p;
}

/* Make DIR/SONAME a symbolic link to LIB unless it already leads there. */
static void
create_links(const char *real_dir, const char *dir, const char *lib,
    const char *soname)
{
	char *full_lib, *full_so, *real_lib, *real_so;
	struct stat st_lib, st_so, lst;
	bool do_link = true, do_remove = true;

	full_lib = join(dir, lib);
	full_so = join(dir, soname);
	real_lib = join(real_dir, lib);
	real_so = join(real_dir, soname);
	if (stat_in_dir(real_dir, dir, soname, &st_so) == 0) {
		if (stat_in_dir(real_dir, dir, lib, &st_lib) != 0) {
			diag_warn(full_lib, "cannot stat");
			goto out;
		}
		if (st_lib.st_dev == st_so.st_dev &&
		    st_lib.st_ino == st_so.st_ino)
			do_link = false;
		else if (lstat(real_so, &lst) == 0 && !S_ISLNK(lst.st_mode)) {
			diag_warn(full_so, "is not a symbolic link");
			do_link = do_remove = false;
		}
	} else if (lstat(real_so, &lst) != 0 || !S_ISLNK(lst.st_mode))
		do_remove = false;
	if (opts.verbose)
		printf("\t%s -> %s", soname, lib);
	if (do_link && !opts.no_links) {
		if (do_remove && unlink(real_so) != 0) {
			diag_warn(full_so, "cannot unlink");
			do_link = false;
		}
		if (do_link && symlink(lib, real_so) != 0) {
			diag_warn(full_so, "cannot link to %s: %s", lib,
			    strerror(errno));
			do_link = false;
		}
		if (opts.verbose)
			fputs(do_link ? " (changed)\n" : " (SKIPPED)\n", stdout);
	} else if (opts.verbose)
		fputs("\n", stdout);
out:
	free(full_lib);
	free(full_so);
	free(real_lib);
	free(real_so);
}

/* -l: link each named library to its soname, without a cache. */
void
manual_link(const char *library)
{
	char *path, *lib, *real_dir, *real;
	struct libinfo li;
	struct stat st;

	path = xstrdup(library);
	if ((lib = strrchr(path, '/')) == NULL) {
		free(path);
		path = xstrdup(".");
		lib = (char *)library;
	} else if (lib == path) {
		lib = (char *)library + 1;
		path[1] = '\0';
	} else
		*lib++ = '\0';
	real_dir = root_canon(opts.root, path);
	if (real_dir == NULL) {
		diag_errno(path, "cannot find");
		free(path);
		return;
	}
	real = join(real_dir, lib);
	if (lstat(real, &st) != 0)
		diag_errno(library, "cannot lstat");
	else if (!S_ISREG(st.st_mode))
		diag_error(library, "ignored since it is not a regular file");
	else if (lib_classify(real, library, lib, false, &li) != 0)
		diag_error(library, "no link created since soname could not "
		    "be found");
	else {
		if (li.soname == NULL)
			li.soname = implicit_soname(lib, li.flag);
		create_links(real_dir, path, lib, li.soname);
		free(li.soname);
	}
	free(real);
	free(real_dir);
	free(path);
}
