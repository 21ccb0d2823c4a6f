/*
 * needed.c: the dependencies of the shared libraries we link against, and
 * the undefined symbols those libraries leave (--no-allow-shlib-undefined,
 * GNU ld's default when linking an executable).
 *
 * A library named on the command line may need others (its DT_NEEDED
 * entries).  Like the loader, and like GNU ld, we look for them so that
 * their symbols resolve the first library's own references; they get no
 * DT_NEEDED in our output and their symbols do not satisfy references
 * from our objects (GNU's "DSO missing from command line").  The search
 * follows GNU ld's order for a native Linux linker (ld(1), -rpath-link):
 *
 *   1. a name with a '/' is a path, used as it is;
 *   2. the -rpath-link directories, then the -rpath ones;
 *   3. LD_RUN_PATH, only when neither option was given;
 *   4. LD_LIBRARY_PATH;
 *   5. the DT_RUNPATH (else DT_RPATH) of the library that needs it, with
 *      $ORIGIN standing for that library's directory;
 *   6. the directories of /etc/ld.so.conf and the files it includes;
 *   7. the directories of GNU ld's built-in linker script on Debian.
 *
 * -L directories are not searched, as GNU ld does not.  A file that is
 * not an x86-64 ELF shared object (an i386 library in /lib32) is passed
 * over.  When the undefined symbols of shared libraries are not reported
 * (-shared, --allow-shlib-undefined), nothing is searched at all, again
 * as GNU ld does; a library that is not found is then only a warning.
 */
#include <sys/stat.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

#define LD_SO_CONF	"/etc/ld.so.conf"
#define MAX_INCLUDE	8	/* include depth followed in ld.so.conf */

/* GNU ld's SEARCH_DIR list for elf_x86_64 on Debian 12 (ld --verbose). */
static const char *const default_dirs[] = {
	"/usr/local/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
	"/usr/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu64",
	"/usr/local/lib64", "/lib64", "/usr/lib64", "/usr/local/lib", "/lib",
	"/usr/lib", "/usr/x86_64-linux-gnu/lib64", "/usr/x86_64-linux-gnu/lib",
	NULL
};

/* The directories of ld.so.conf, read once (needed.c only). */
struct conf_dirs {
	char		**v;
	size_t		  n, cap;
	bool		  read;
};

static struct shared_file *loaded_dso(struct link *, const char *);
static struct shared_file *search_needed(struct link *, struct shared_file *,
		    const char *, struct conf_dirs *);
static struct shared_file *search_list(struct link *, struct shared_file *,
		    const char *, const char *);
static struct shared_file *try_path(struct link *, struct shared_file *,
		    const char *);
static void	read_conf(struct conf_dirs *, const char *, const char *, int);
static struct shared_file *search_root(struct link *, struct shared_file *,
		    const char *, const char *);
static bool	defined_here(const struct symbol *);
static void	settle_pending(struct link *, struct strmap *, bool, size_t *);
static void	note_missing_version(struct link *, const struct symbol *);

/*
 * The library already in the link that a DT_NEEDED name means: the same
 * path, file name or soname.
 */
static struct shared_file *
loaded_dso(struct link *ctx, const char *name)
{
	const char *base;
	size_t k;

	for (k = 0; k < ctx->ndsos; k++) {
		base = strrchr(ctx->dsos[k]->name, '/');
		base = base != NULL ? base + 1 : ctx->dsos[k]->name;
		if (strcmp(ctx->dsos[k]->soname, name) == 0 ||
		    strcmp(ctx->dsos[k]->name, name) == 0 ||
		    strcmp(base, name) == 0)
			return ctx->dsos[k];
	}
	return NULL;
}

/*
 * Load, transitively, the libraries that the needed libraries need.  A
 * library named with --as-needed that nothing of ours uses still serves
 * as one (glibc's libc.so names ld-linux-x86-64.so.2 that way, and
 * libc.so.6 needs it).  The list grows while it is walked.
 */
void
load_needed_libraries(struct link *ctx)
{
	struct conf_dirs conf;
	struct shared_file *d, *e;
	size_t k, j;
	bool again;

	memset(&conf, 0, sizeof(conf));
	do {
		again = false;
		for (k = 0; k < ctx->ndsos; k++) {
			d = ctx->dsos[k];
			if ((!d->needed && !d->implicit) || d->deps_done)
				continue;
			d->deps_done = again = true;
			for (j = 0; j < d->nneeded; j++) {
				e = loaded_dso(ctx, d->needed_names[j]);
				if (e == NULL)
					e = search_needed(ctx, d,
					    d->needed_names[j], &conf);
				if (e == NULL)
					diag_warn(d->name, "%s, which it needs, "
					    "not found (try using -rpath or "
					    "-rpath-link)", d->needed_names[j]);
				else if (!e->needed && !e->implicit) {
					e->implicit = true;
					e->by = d;
				}
			}
		}
	} while (again);
	for (k = 0; k < conf.n; k++)
		free(conf.v[k]);
	free(conf.v);
}

static struct shared_file *
search_needed(struct link *ctx, struct shared_file *by, const char *name,
    struct conf_dirs *conf)
{
	struct shared_file *e;
	const char *env;
	char dir[4096];
	size_t k;

	if (strchr(name, '/') != NULL)
		return try_path(ctx, by, name);
	/* parse_args took LD_RUN_PATH for -rpath if there was none. */
	if ((e = search_list(ctx, by, ctx->opts.rpath_link, name)) != NULL ||
	    (!ctx->opts.rpath_from_env &&
	    (e = search_list(ctx, by, ctx->opts.rpath, name)) != NULL))
		return e;
	if (ctx->opts.rpath_link == NULL && ctx->opts.rpath_from_env &&
	    (e = search_list(ctx, by, ctx->opts.rpath, name)) != NULL)
		return e;
	if ((env = getenv("LD_LIBRARY_PATH")) != NULL &&
	    (e = search_list(ctx, by, env, name)) != NULL)
		return e;
	if ((e = search_list(ctx, by, by->runpath, name)) != NULL)
		return e;
	/* These two are the system's: inside the sysroot, as in GNU ld. */
	if (!conf->read) {
		conf->read = true;
		snprintf(dir, sizeof(dir), "%s%s", ctx->opts.sysroot,
		    LD_SO_CONF);
		read_conf(conf, ctx->opts.sysroot, dir, 0);
	}
	for (k = 0; k < conf->n; k++)
		if ((e = search_root(ctx, by, conf->v[k], name)) != NULL)
			return e;
	for (k = 0; default_dirs[k] != NULL; k++)
		if ((e = search_root(ctx, by, default_dirs[k], name)) != NULL)
			return e;
	return NULL;
}

/* name in directory dir of the system, inside the sysroot if any. */
static struct shared_file *
search_root(struct link *ctx, struct shared_file *by, const char *dir,
    const char *name)
{
	char path[4096];

	if (*ctx->opts.sysroot == '\0' || dir[0] != '/')
		return search_list(ctx, by, dir, name);
	if ((size_t)snprintf(path, sizeof(path), "%s%s", ctx->opts.sysroot,
	    dir) >= sizeof(path))
		return NULL;
	return search_list(ctx, by, path, name);
}

/*
 * name in each directory of a ':'-separated list; "$ORIGIN" (or
 * "${ORIGIN}") at the start of a directory is that of the library by.
 */
static struct shared_file *
search_list(struct link *ctx, struct shared_file *by, const char *list,
    const char *name)
{
	struct shared_file *e;
	const char *p, *q, *rest, *slash;
	char path[4096];
	size_t n, olen;
	int len;

	for (p = list; p != NULL && *p != '\0'; p = *q != '\0' ? q + 1 : q) {
		q = p + strcspn(p, ":");
		n = (size_t)(q - p);
		if (n == 0)
			continue;
		rest = NULL;
		if (n >= 7 && memcmp(p, "$ORIGIN", 7) == 0)
			rest = p + 7;
		else if (n >= 9 && memcmp(p, "${ORIGIN}", 9) == 0)
			rest = p + 9;
		if (rest != NULL) {
			slash = strrchr(by->name, '/');
			olen = slash != NULL ? (size_t)(slash - by->name) : 1;
			len = snprintf(path, sizeof(path), "%.*s%.*s/%s",
			    (int)olen, slash != NULL ? by->name : ".",
			    (int)(q - rest), rest, name);
		} else
			len = snprintf(path, sizeof(path), "%.*s/%s", (int)n, p,
			    name);
		if (len < 0 || (size_t)len >= sizeof(path))
			continue;
		if ((e = try_path(ctx, by, path)) != NULL)
			return e;
	}
	return NULL;
}

/*
 * The library at path, loaded as an implicit input, or NULL if there is
 * none or it is not an x86-64 ELF shared object.
 */
static struct shared_file *
try_path(struct link *ctx, struct shared_file *by, const char *path)
{
	struct input_arg ia;
	struct mapfile *mf;
	struct shared_file *e;
	const Elf64u_Ehdr *eh;
	struct stat sb;
	struct span s;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return NULL;
	mf = xcalloc(1, sizeof(*mf));
	if (mapfile_open(mf, path) == -1) {
		free(mf);
		return NULL;
	}
	s = mapfile_span(mf);
	eh = span_range(s, 0, sizeof(*eh));
	if (eh == NULL || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_DYN ||
	    eh->e_machine != EM_X86_64) {
		mapfile_close(mf);
		free(mf);
		return NULL;
	}
	memset(&ia, 0, sizeof(ia));
	ia.path = xstrdup(path);
	/* Errors in it are reported, as for any input. */
	e = read_shared_file(ctx, &ia, s, UINT32_MAX);
	if (e == NULL) {
		mapfile_close(mf);
		free(mf);
		return NULL;
	}
	e->map = mf;
	e->implicit = true;
	e->by = by;
	return e;
}

/*
 * ld.so.conf: directories separated by white space, ':' or ',', '#'
 * comments, and "include GLOB" lines (relative to the file's directory,
 * or absolute ones inside root, the sysroot).
 */
static void
read_conf(struct conf_dirs *c, const char *root, const char *file, int depth)
{
	char line[4096], pat[4096], *p, *w;
	const char *slash;
	glob_t g;
	FILE *fp;
	size_t i;

	if (depth > MAX_INCLUDE || (fp = fopen(file, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "#\n")] = '\0';
		p = line + strspn(line, " \t");
		if (strncmp(p, "include", 7) == 0 && (p[7] == ' ' ||
		    p[7] == '\t')) {
			for (w = strtok(p + 8, " \t"); w != NULL;
			    w = strtok(NULL, " \t")) {
				slash = strrchr(file, '/');
				if (w[0] != '/' && slash != NULL)
					snprintf(pat, sizeof(pat), "%.*s/%s",
					    (int)(slash - file), file, w);
				else
					snprintf(pat, sizeof(pat), "%s%s",
					    w[0] == '/' ? root : "", w);
				if (glob(pat, 0, NULL, &g) != 0)
					continue;
				for (i = 0; i < g.gl_pathc; i++)
					read_conf(c, root, g.gl_pathv[i],
					    depth + 1);
				globfree(&g);
			}
			continue;
		}
		if (strncmp(p, "hwcap", 5) == 0)
			continue;
		for (w = strtok(p, " \t:,="); w != NULL;
		    w = strtok(NULL, " \t:,=")) {
			if (c->n == c->cap) {
				c->cap = c->cap * 2 + 8;
				c->v = xreallocarray(c->v, c->cap,
				    sizeof(*c->v));
			}
			c->v[c->n++] = xstrdup(w);
		}
	}
	fclose(fp);
}

static bool
defined_here(const struct symbol *s)
{
	return s != NULL && (s->kind == SYM_DEFINED || s->kind == SYM_COMMON ||
	    s->kind == SYM_SYNTHETIC || s->kind == SYM_SHARED);
}

/* What a pending name's slot holds once a definition is found. */
static const char settled[] = "";

/*
 * Settle the pending names (check_shlib_undefined) that a definition the
 * symbol table does not hold satisfies: one of an implicit library
 * (implicit true), or one of a needed library with a hidden version
 * (foo@V1, which an old library may ask for).  *left counts the names
 * still pending.
 */
static void
settle_pending(struct link *ctx, struct strmap *pending, bool implicit,
    size_t *left)
{
	const struct shared_file *d;
	const Elf64u_Sym *es;
	const char *name;
	size_t k, i;
	uint16_t v;
	void **slot;

	for (k = 0; k < ctx->ndsos && *left > 0; k++) {
		d = ctx->dsos[k];
		if (implicit ? !d->implicit : !d->needed)
			continue;
		for (i = 1; i < d->nsyms && *left > 0; i++) {
			es = &d->syms[i];
			v = d->versym != NULL ? d->versym[i] : 1;
			if (es->st_shndx == SHN_UNDEF ||
			    ELF64_ST_BIND(es->st_info) == STB_LOCAL ||
			    es->st_name == 0 || es->st_name >= d->strsz ||
			    (!implicit && (v & 0x8000) == 0))
				continue;
			name = d->strtab + es->st_name;
			if (strmap_find(pending, name, strlen(name)) == NULL)
				continue;
			slot = strmap_insert(pending, name, strlen(name), NULL);
			if (*slot != settled) {
				*slot = (void *)settled;
				(*left)--;
			}
		}
	}
}

/*
 * Each undefined, non-weak reference of a needed or implicit library that
 * nothing defines is reported once, naming the first library making it.
 * A name one of our objects refers to is left to check_symbols.  The
 * implicit libraries' references also make our definitions exported, as
 * those of the named libraries do (add_shared_symbols).  Names the
 * symbol table leaves undefined are pending until the implicit libraries
 * and hidden versions are searched: usually few, so those libraries'
 * symbols are hashed only when some remain.
 */
void
check_shlib_undefined(struct link *ctx)
{
	struct strmap pending;
	const struct shared_file *d;
	const Elf64u_Sym *es;
	struct symbol *s;
	const char **order = NULL;
	const struct shared_file **by = NULL;
	const char *name;
	size_t k, i, len, n = 0, cap = 0, left;
	bool isnew, undef;
	void **slot;

	strmap_init(&pending, 16);
	for (k = 0; k < ctx->ndsos; k++) {
		d = ctx->dsos[k];
		if (!d->needed && !d->implicit)
			continue;
		for (i = 1; i < d->nsyms; i++) {
			es = &d->syms[i];
			if (es->st_name == 0 || es->st_name >= d->strsz ||
			    ELF64_ST_BIND(es->st_info) == STB_LOCAL)
				continue;
			undef = es->st_shndx == SHN_UNDEF &&
			    ELF64_ST_BIND(es->st_info) != STB_WEAK;
			/* A named library's definitions are in already. */
			if (!undef && !d->implicit)
				continue;
			name = d->strtab + es->st_name;
			len = strlen(name);
			s = strmap_find(&ctx->symtab, name, len);
			if (d->implicit && s != NULL)
				s->dflags |= SD_DYNREF;
			if (!undef || defined_here(s) ||
			    (s != NULL && s->ref != NULL))
				continue;
			slot = strmap_insert(&pending, name, len, &isnew);
			if (!isnew)
				continue;
			*slot = (void *)d;
			if (n == cap) {
				cap = cap * 2 + 16;
				order = xreallocarray(order, cap, sizeof(*order));
				by = xreallocarray(by, cap, sizeof(*by));
			}
			order[n] = name;
			by[n++] = d;
		}
	}
	left = n;
	settle_pending(ctx, &pending, true, &left);
	settle_pending(ctx, &pending, false, &left);
	for (i = 0; i < n && left > 0; i++) {
		if (strmap_find(&pending, order[i], strlen(order[i])) ==
		    settled)
			continue;
		if (ctx->opts.warn_unresolved)
			diag_warn(by[i]->name, "undefined symbol: %s", order[i]);
		else
			diag_error(by[i]->name, "undefined symbol: %s",
			    order[i]);
	}
	free(order);
	free(by);
	strmap_free(&pending);
}

/*
 * After "undefined symbol" for one of our objects: if a library that is
 * only a dependency of the named ones defines it, say so, once per
 * symbol, as GNU's "DSO missing from command line" does.
 */
void
note_missing_dso(struct link *ctx, struct symbol *s, struct input_file *f)
{
	const struct shared_file *d;
	const Elf64u_Sym *es;
	size_t k, i;

	if (s->flags & SF_NOTED)
		return;
	s->flags |= SF_NOTED;
	if (memchr(s->name, '@', s->namelen) != NULL) {
		note_missing_version(ctx, s);
		return;
	}
	for (k = 0; k < ctx->ndsos; k++) {
		d = ctx->dsos[k];
		if (!d->implicit)
			continue;
		for (i = 1; i < d->nsyms; i++) {
			es = &d->syms[i];
			if (es->st_shndx == SHN_UNDEF || es->st_name >= d->strsz ||
			    ELF64_ST_BIND(es->st_info) == STB_LOCAL ||
			    strncmp(d->strtab + es->st_name, s->name,
			    s->namelen) != 0 ||
			    d->strtab[es->st_name + s->namelen] != '\0')
				continue;
			diag_error(d->name, "defines %s, which %s refers to, but "
			    "is only needed by %s: DSO missing from command "
			    "line", s->name, f->name, d->by != NULL ?
			    d->by->name : "another library");
			return;
		}
	}
}

/*
 * An undefined foo@V1: say which library has foo, and with which
 * versions, when one does.
 */
static void
note_missing_version(struct link *ctx, const struct symbol *s)
{
	const struct shared_file *d;
	const Elf64u_Sym *es;
	const char *at = memchr(s->name, '@', s->namelen), *vn;
	size_t k, i, len, n = (size_t)(at - s->name);
	char have[512];
	uint16_t v;

	for (k = 0; k < ctx->ndsos; k++) {
		d = ctx->dsos[k];
		if (!d->needed && !d->implicit)
			continue;
		have[0] = '\0';
		len = 0;
		for (i = 1; i < d->nsyms; i++) {
			es = &d->syms[i];
			if (es->st_shndx == SHN_UNDEF || es->st_name >= d->strsz ||
			    strncmp(d->strtab + es->st_name, s->name, n) != 0 ||
			    d->strtab[es->st_name + n] != '\0')
				continue;
			v = d->versym != NULL ? d->versym[i] & 0x7fff : 0;
			vn = v < d->nver && d->vername[v] != NULL ?
			    d->vername[v] : "no version";
			if (len + strlen(vn) + 3 < sizeof(have))
				len += (size_t)snprintf(have + len,
				    sizeof(have) - len, "%s%s", len ? ", " : "",
				    vn);
		}
		if (len == 0)
			continue;
		diag_error(d->name, "defines %.*s, but not version %s (it has "
		    "%s)", (int)n, s->name, at + 1 + (at[1] == '@'), have);
		return;
	}
}
