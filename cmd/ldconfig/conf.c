/*
 * conf.c: which directories glibc's ldconfig scans, and in what order
 * (spec ld.so.cache.md section 9): the command line, then ld.so.conf
 * with its "include" globs, then the built-in system directories.  Each
 * directory is known by (st_dev, st_ino); a later mention only updates
 * the type flag of the first.  Right after a directory is added, its
 * glibc-hwcaps/NAME subdirectories follow it.
 *
 * Under -r ROOT every path is resolved inside ROOT, symbolic links
 * included, the way glibc's chroot_canon does, so that we never need
 * chroot(2) and run the same as root or not.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"
#include "ldconfig.h"

#define MAX_LINKS	40
#define MAX_INCLUDE	32	/* nesting of include lines we follow */

/* Names of the configuration files read; directory entries point here. */
static char	**conf_names;
static size_t	  nconf_names;
static int	  conf_depth;	/* files being read, one inside another */

static void	 dirs_push(struct dir_list *, struct cache *, struct dir_entry *,
		    const char *canon);
static void	 add_hwcaps_subdirs(struct dir_list *, struct cache *, size_t,
		    const char *canon);
static void	 conf_include(struct dir_list *, struct cache *,
		    const char *conf, unsigned lineno, const char *pattern);

static const struct {
	const char	*name;
	int		 flag;
} lib_types[] = {
	{ "libc4", FLAG_LIBC4 },
	{ "libc5", FLAG_ELF_LIBC5 },
	{ "libc6", FLAG_ELF_LIBC6 },
	{ "glibc2", FLAG_ELF_LIBC6 },
};

/*
 * Debian 12's built-in directories (its ldconfig is patched to these;
 * upstream has SLIBDIR and LIBDIR).
 */
static const char *const system_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib",
	"/usr/lib",
};

/* Append the component [s, s+n) to the path in buf. */
static char *
path_append(char *buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 2 > *cap) {
		*cap = (*len + n + 2) * 2;
		buf = xreallocarray(buf, *cap, 1);
	}
	buf[(*len)++] = '/';
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
	return buf;
}

/*
 * PATH as seen from inside ROOT, with every symbolic link followed inside
 * ROOT: the host path to open.  A missing last component is fine (the
 * caller may be about to create it); anything else missing gives NULL
 * with errno set.  Without a root, PATH itself.
 */
char *
root_canon(const char *root, const char *path)
{
	char *buf, *rest, *target, *todo;
	size_t len, cap, rlen, n;
	struct stat st;
	int links = 0;
	ssize_t tl;

	if (root == NULL)
		return xstrdup(path);
	rlen = strlen(root);
	cap = rlen + strlen(path) + 64;
	buf = xmalloc(cap);
	memcpy(buf, root, rlen + 1);
	len = rlen;
	todo = xstrdup(path);
	rest = todo;
	for (;;) {
		while (*rest == '/')
			rest++;
		if (*rest == '\0')
			break;
		n = strcspn(rest, "/");
		if (n == 1 && rest[0] == '.') {
			rest += n;
			continue;
		}
		if (n == 2 && rest[0] == '.' && rest[1] == '.') {
			while (len > rlen && buf[len - 1] != '/')
				len--;
			if (len > rlen)
				len--;
			buf[len] = '\0';
			rest += n;
			continue;
		}
		buf = path_append(buf, &len, &cap, rest, n);
		rest += n;
		if (lstat(buf, &st) != 0) {
			while (*rest == '/')
				rest++;
			if (*rest == '\0')
				break;
			goto fail;
		}
		if (S_ISLNK(st.st_mode)) {
			if (++links > MAX_LINKS) {
				errno = ELOOP;
				goto fail;
			}
			target = xmalloc(PATH_MAX + strlen(rest) + 1);
			tl = readlink(buf, target, PATH_MAX);
			if (tl < 0) {
				free(target);
				goto fail;
			}
			strcpy(target + tl, rest);
			free(todo);
			todo = rest = target;
			if (target[0] == '/')
				len = rlen;
			else
				while (len > rlen && buf[--len] != '/')
					continue;
			buf[len] = '\0';
		} else if (!S_ISDIR(st.st_mode) && rest[strspn(rest, "/")]) {
			errno = ENOTDIR;
			goto fail;
		}
	}
	free(todo);
	if (len == 0) {
		buf[0] = '/';
		buf[1] = '\0';
	}
	return buf;
fail:
	free(todo);
	free(buf);
	return NULL;
}

/* The host path of PATH under the root, links not followed. */
char *
root_path(const char *path)
{
	char *p;

	if (opts.root == NULL)
		return xstrdup(path);
	p = xmalloc(strlen(opts.root) + strlen(path) + 2);
	sprintf(p, "%s%s%s", opts.root, path[0] == '/' ? "" : "/", path);
	return p;
}

/* Add E unless its inode is there already (then only the flag changes). */
static void
dirs_push(struct dir_list *dl, struct cache *c, struct dir_entry *e,
    const char *canon)
{
	size_t i;

	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].dev != e->dev || dl->v[i].ino != e->ino)
			continue;
		if (opts.verbose && canon != NULL) {
			diag_warn(NULL, "path `%s' given more than once",
			    e->path);
			fprintf(stderr, "(from %s:%d and %s:%d)\n",
			    e->from_file, e->from_line, dl->v[i].from_file,
			    dl->v[i].from_line);
		}
		dl->v[i].flag = e->flag;
		free(e->path);
		return;
	}
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 16;
		dl->v = xreallocarray(dl->v, dl->cap, sizeof(*dl->v));
	}
	dl->v[dl->n++] = *e;
	if (canon != NULL)
		add_hwcaps_subdirs(dl, c, dl->n - 1, canon);
}

void
dirs_add_sub(struct dir_list *dl, const struct dir_entry *parent,
    const char *path, const struct stat *st, int hwcaps)
{
	struct dir_entry e;

	e = *parent;
	e.path = xstrdup(path);
	e.dev = st->st_dev;
	e.ino = st->st_ino;
	e.hwcaps = hwcaps;
	dirs_push(dl, NULL, &e, NULL);
}

/* Queue DIR/glibc-hwcaps/NAME for each subdirectory NAME there. */
static void
add_hwcaps_subdirs(struct dir_list *dl, struct cache *c, size_t idx,
    const char *canon)
{
	struct dirent *de;
	struct stat st;
	char *hw, *sub;
	DIR *d;

	hw = xmalloc(strlen(canon) + sizeof("/glibc-hwcaps"));
	sprintf(hw, "%s/glibc-hwcaps", canon);
	d = opendir(hw);
	free(hw);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || de->d_type == DT_REG ||
		    strchr(de->d_name, ':') != NULL)
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, 0) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		sub = xmalloc(strlen(dl->v[idx].path) + strlen(de->d_name) +
		    sizeof("/glibc-hwcaps/"));
		sprintf(sub, "%s/glibc-hwcaps/%s", dl->v[idx].path,
		    de->d_name);
		dirs_add_sub(dl, &dl->v[idx], sub, &st,
		    cache_hwcaps_name(c, de->d_name));
		free(sub);
	}
	closedir(d);
}

/* One directory line: "DIR" or "DIR=TYPE", from FROM:LINENO. */
void
dirs_add(struct dir_list *dl, struct cache *c, const char *line,
    const char *from, int lineno)
{
	struct dir_entry e;
	struct stat st;
	char *eq, *canon;
	size_t i, len;

	memset(&e, 0, sizeof(e));
	e.path = xstrdup(line);
	e.flag = FLAG_ANY;
	e.hwcaps = -1;
	e.from_file = from;
	e.from_line = lineno;
	if ((eq = strchr(e.path, '=')) != NULL) {
		*eq++ = '\0';
		for (i = 0; i < sizeof(lib_types) / sizeof(lib_types[0]); i++)
			if (strcmp(eq, lib_types[i].name) == 0)
				e.flag = lib_types[i].flag;
		if (e.flag == FLAG_ANY)
			diag_warn(NULL, "%s is not a known library type", eq);
	}
	len = strlen(e.path);
	while (len > 0 && isspace((unsigned char)e.path[len - 1]))
		e.path[--len] = '\0';
	while (len > 0 && e.path[len - 1] == '/')
		e.path[--len] = '\0';
	if (len == 0) {
		free(e.path);
		return;
	}
	canon = root_canon(opts.root, e.path);
	if (canon == NULL || stat(canon, &st) != 0) {
		if (opts.verbose)
			diag_warn(e.path, "cannot stat: %s", strerror(errno));
		free(e.path);
		free(canon);
		return;
	}
	e.dev = st.st_dev;
	e.ino = st.st_ino;
	dirs_push(dl, c, &e, canon);
	free(canon);
}

void
dirs_add_system(struct dir_list *dl, struct cache *c)
{
	size_t i;

	for (i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++)
		dirs_add(dl, c, system_dirs[i], "<builtin>", 0);
}

/*
 * Read one configuration file.  FILE is a path inside the root when
 * IN_ROOT, else a host path (a file an include glob found).
 */
void
conf_parse(struct dir_list *dl, struct cache *c, const char *file,
    bool in_root)
{
	char *line = NULL, *cp, *word, *real, *name;
	unsigned lineno = 0;
	size_t cap = 0;
	ssize_t n;
	FILE *fp;

	/*
	 * A file that includes itself would recurse until the stack or
	 * the descriptors run out; glibc's ldconfig does, we stop.
	 */
	if (conf_depth >= MAX_INCLUDE) {
		diag_warn(file, "includes nested more than %d deep, ignored",
		    MAX_INCLUDE);
		return;
	}
	real = in_root ? root_canon(opts.root, file) : xstrdup(file);
	fp = real != NULL ? fopen(real, "r") : NULL;
	if (fp == NULL) {
		if (errno != ENOENT)
			diag_warn(real ? real : file, "ignoring configuration "
			    "file that cannot be opened: %s", strerror(errno));
		free(real);
		return;
	}
	conf_depth++;
	name = xstrdup(file);	/* kept: dir entries point at it */
	conf_names = xreallocarray(conf_names, nconf_names + 1, sizeof(char *));
	conf_names[nconf_names++] = name;
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		line[strcspn(line, "#")] = '\0';
		for (cp = line; isspace((unsigned char)*cp); cp++)
			continue;
		if (*cp == '\0')
			continue;
		if (strncmp(cp, "include", 7) == 0 && (cp[7] == ' ' ||
		    cp[7] == '\t')) {
			cp += 8;
			while ((word = strsep(&cp, " \t")) != NULL)
				if (word[0] != '\0')
					conf_include(dl, c, real, lineno,
					    word);
		} else if (strncasecmp(cp, "hwcap", 5) == 0 &&
		    (cp[5] == ' ' || cp[5] == '\t'))
			diag_warn(NULL, "%s:%u: hwcap directive ignored", name,
			    lineno);
		else
			dirs_add(dl, c, cp, name, lineno);
	}
	free(line);
	fclose(fp);
	free(real);
	conf_depth--;
}

/* An "include" word: a glob, relative to the including file's directory. */
static void
conf_include(struct dir_list *dl, struct cache *c, const char *conf,
    unsigned lineno, const char *pattern)
{
	char *pat, *slash;
	glob_t gl;
	size_t i;
	int rc;

	if (pattern[0] == '/') {
		pat = root_canon(opts.root, pattern);
		if (pat == NULL)
			return;
	} else if ((slash = strrchr(conf, '/')) != NULL) {
		pat = xmalloc(strlen(conf) + strlen(pattern) + 2);
		sprintf(pat, "%.*s/%s", (int)(slash - conf), conf, pattern);
	} else
		pat = xstrdup(pattern);
	rc = glob(pat, 0, NULL, &gl);
	if (rc == 0) {
		for (i = 0; i < gl.gl_pathc; i++)
			conf_parse(dl, c, gl.gl_pathv[i], false);
		globfree(&gl);
	} else if (rc != GLOB_NOMATCH && opts.verbose)
		diag_warn(NULL, "%s:%u: cannot read directory %s", conf,
		    lineno, pattern);
	free(pat);
}

void
dirs_free(struct dir_list *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		free(dl->v[i].path);
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = 0;
	for (i = 0; i < nconf_names; i++)
		free(conf_names[i]);
	free(conf_names);
	conf_names = NULL;
	nconf_names = 0;
}
