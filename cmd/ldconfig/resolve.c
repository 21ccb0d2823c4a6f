/*
 * resolve.c: ldconfig --resolve FILE, the safe answer to ldd(1).  ldd
 * runs the program under the loader; we only read files.  For each
 * DT_NEEDED entry of FILE and, breadth first, of every library found,
 * we search where glibc's ld.so would: DT_RPATH (when there is no
 * DT_RUNPATH), DT_RUNPATH, the ld.so.cache (-C, under -r ROOT), then the
 * system directories.  A candidate must be an ELF file of the same class
 * and machine.  LD_LIBRARY_PATH and glibc-hwcaps preferences, which
 * depend on the environment and the CPU, are left out on purpose.
 * An a.out FILE goes to resolve_aout.c and the BSD hints instead.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "filetype.h"
#include "mapfile.h"
#include "xalloc.h"
#include "ldconfig.h"

#define PT_LOAD		1
#define PT_DYNAMIC	2
#define DT_NEEDED	1
#define DT_STRTAB	5
#define DT_RPATH	15
#define DT_RUNPATH	29
#define MAX_NEEDED	4096

static const char *const system_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib",
	"/usr/lib",
};

/* What one object asks for; strings are copies. */
struct dynobj {
	bool		 is64, big;
	int		 machine;
	char		*rpath, *runpath;
	char		**needed;
	size_t		 nneeded;
};

/* A library to find, with the object that needs it. */
struct want {
	char		*name;
	struct dynobj	*from;
	char		*origin;	/* directory of that object */
};

static void	 obj_free(struct dynobj *);

static uint64_t
ld(const unsigned char *p, int n, bool big)
{
	return n == 2 ? load16(p, big) : n == 4 ? load32(p, big) :
	    load64(p, big);
}

/* A copy of the string at OFF, or NULL when it leaves the file. */
static char *
dup_str(struct span f, uint64_t off)
{
	if (off >= f.size || memchr(f.data + off, 0, f.size - off) == NULL)
		return NULL;
	return xstrdup((const char *)f.data + off);
}

/* Read the dynamic section through the program headers; 0 on success. */
static int
dyn_read(struct span f, struct dynobj *o)
{
	uint64_t phoff, phnum, phent, i, ph, w, dyn = 0, dynsz = 0, d, tag;
	uint64_t strtab = 0, val, vaddr, off, filesz;
	bool have_str = false;

	memset(o, 0, sizeof(*o));
	if (f.size < 64 || memcmp(f.data, "\177ELF", 4) != 0 ||
	    (f.data[4] != 1 && f.data[4] != 2))
		return -1;
	o->is64 = f.data[4] == 2;
	o->big = f.data[5] == 2;
	w = o->is64 ? 8 : 4;
	o->machine = (int)load16(f.data + 18, o->big);
	phoff = ld(f.data + (o->is64 ? 32 : 28), (int)w, o->big);
	phent = load16(f.data + (o->is64 ? 54 : 42), o->big);
	phnum = load16(f.data + (o->is64 ? 56 : 44), o->big);
	if (phent < (o->is64 ? 56u : 32u) ||
	    span_range(f, phoff, phnum * phent) == NULL)
		return -1;
	for (i = 0; i < phnum; i++) {
		ph = phoff + i * phent;
		if (load32(f.data + ph, o->big) == PT_DYNAMIC) {
			dyn = ld(f.data + ph + w, (int)w, o->big);
			dynsz = ld(f.data + ph + 4 * w, (int)w, o->big);
		}
	}
	if (span_range(f, dyn, dynsz) == NULL)
		return -1;
	for (d = dyn; d + 2 * w <= dyn + dynsz; d += 2 * w)
		if (ld(f.data + d, (int)w, o->big) == DT_STRTAB) {
			val = ld(f.data + d + w, (int)w, o->big);
			for (i = 0; i < phnum; i++) {
				ph = phoff + i * phent;
				if (load32(f.data + ph, o->big) != PT_LOAD)
					continue;
				off = ld(f.data + ph + w, (int)w, o->big);
				vaddr = ld(f.data + ph + 2 * w, (int)w, o->big);
				filesz = ld(f.data + ph + 4 * w, (int)w,
				    o->big);
				if (val >= vaddr && val - vaddr < filesz) {
					strtab = val - vaddr + off;
					have_str = true;
				}
			}
		}
	if (!have_str)
		return dynsz == 0 ? 0 : -1;
	for (d = dyn; d + 2 * w <= dyn + dynsz; d += 2 * w) {
		tag = ld(f.data + d, (int)w, o->big);
		val = ld(f.data + d + w, (int)w, o->big);
		if (tag == 0)
			break;
		if (val > UINT64_MAX - strtab)
			return -1;
		if (tag == DT_NEEDED && o->nneeded < MAX_NEEDED) {
			o->needed = xreallocarray(o->needed, o->nneeded + 1,
			    sizeof(char *));
			if ((o->needed[o->nneeded] = dup_str(f, strtab + val))
			    == NULL)
				return -1;
			o->nneeded++;
		} else if (tag == DT_RPATH && o->rpath == NULL)
			o->rpath = dup_str(f, strtab + val);
		else if (tag == DT_RUNPATH && o->runpath == NULL)
			o->runpath = dup_str(f, strtab + val);
	}
	return 0;
}

/* Is the file at host path P an ELF object for the same ABI as O? */
static bool
compatible(const char *p, const struct dynobj *o)
{
	struct mapfile mf;
	struct span f;
	bool ok;

	if (mapfile_open(&mf, p) != 0)
		return false;
	f = mapfile_span(&mf);
	ok = f.size >= 64 && memcmp(f.data, "\177ELF", 4) == 0 &&
	    (f.data[4] == 2) == o->is64 && (f.data[5] == 2) == o->big &&
	    (int)load16(f.data + 18, o->big) == o->machine;
	mapfile_close(&mf);
	return ok;
}

/* DIR/NAME if it is there and fits; the path inside the root, or NULL. */
static char *
try_dir(const char *dir, size_t dlen, const char *name, const char *origin,
    const struct dynobj *o)
{
	char *path, *host;
	bool ok;

	if (dlen >= 7 && strncmp(dir, "$ORIGIN", 7) == 0) {
		path = xmalloc(strlen(origin) + dlen + strlen(name) + 2);
		sprintf(path, "%s%.*s/%s", origin, (int)(dlen - 7), dir + 7,
		    name);
	} else {
		path = xmalloc(dlen + strlen(name) + 2);
		sprintf(path, "%.*s/%s", (int)dlen, dir, name);
	}
	host = root_canon(opts.root, path);
	ok = host != NULL && compatible(host, o);
	free(host);
	if (ok)
		return path;
	free(path);
	return NULL;
}

static char *
try_list(const char *list, const char *name, const char *origin,
    const struct dynobj *o)
{
	const char *p = list;
	char *hit;
	size_t n;

	while (list != NULL && *p != '\0') {
		n = strcspn(p, ":");
		if (n > 0 && (hit = try_dir(p, n, name, origin, o)) != NULL)
			return hit;
		p += n;
		if (*p == ':')
			p++;
	}
	return NULL;
}

/* The first usable cache entry for NAME, from the mapped cache. */
static char *
try_cache(struct span c, const char *name, const struct dynobj *o)
{
	uint64_t n, i, hw;
	const unsigned char *e;
	char *key, *val, *hit = NULL;
	int32_t flags;
	int want;

	if (c.size < 48 || memcmp(c.data, "glibc-ld.so.cache1.1", 20) != 0)
		return NULL;
	n = load32(c.data + 20, false);
	if (span_range(c, 48, 24 * n) == NULL)
		return NULL;
	want = o->machine == 62 ? (o->is64 ? 0x303 : 0x803) : -1;
	for (i = 0; i < n && hit == NULL; i++) {
		e = c.data + 48 + 24 * i;
		flags = (int32_t)load32(e, false);
		hw = load64(e + 16, false);
		if (hw != 0)	/* CPU-dependent: leave to the loader */
			continue;
		if (want >= 0 ? flags != want : (o->machine != 3 ||
		    (flags != 1 && flags != 3)))
			continue;
		key = dup_str(c, load32(e + 4, false));
		val = dup_str(c, load32(e + 8, false));
		if (key != NULL && val != NULL && strcmp(key, name) == 0) {
			char *host = root_canon(opts.root, val);

			if (host != NULL && compatible(host, o))
				hit = xstrdup(val);
			free(host);
		}
		free(key);
		free(val);
	}
	return hit;
}

static char *
find(const struct want *w, struct span cache, const char **how)
{
	const struct dynobj *o = w->from;
	char *hit;
	size_t i;

	if (strchr(w->name, '/') != NULL) {
		*how = "path";
		return xstrdup(w->name);
	}
	*how = "RPATH";
	if (o->runpath == NULL &&
	    (hit = try_list(o->rpath, w->name, w->origin, o)) != NULL)
		return hit;
	*how = "RUNPATH";
	if ((hit = try_list(o->runpath, w->name, w->origin, o)) != NULL)
		return hit;
	*how = "cache";
	if ((hit = try_cache(cache, w->name, o)) != NULL)
		return hit;
	*how = "system";
	for (i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++)
		if ((hit = try_dir(system_dirs[i], strlen(system_dirs[i]),
		    w->name, w->origin, o)) != NULL)
			return hit;
	return NULL;
}

/* Read the object at PATH (inside the root); NULL if it is not ELF. */
static struct dynobj *
open_obj(const char *path)
{
	struct dynobj *o = xcalloc(1, sizeof(*o));
	struct mapfile mf;
	char *host = root_canon(opts.root, path);
	int rc = -1;

	if (host != NULL && mapfile_open(&mf, host) == 0) {
		rc = dyn_read(mapfile_span(&mf), o);
		mapfile_close(&mf);
	}
	free(host);
	if (rc != 0) {
		obj_free(o);
		return NULL;
	}
	return o;
}

static void
obj_free(struct dynobj *o)
{
	size_t i;

	for (i = 0; i < o->nneeded; i++)
		free(o->needed[i]);
	free(o->needed);
	free(o->rpath);
	free(o->runpath);
	free(o);
}

static char *
dir_of(const char *path)
{
	const char *s = strrchr(path, '/');

	if (s == NULL)
		return xstrdup(".");
	return s == path ? xstrdup("/") : xstrndup(path, s - path);
}

/* Queue what O needs, found in directory ORIGIN. */
static void
enqueue(struct want **q, size_t *nq, struct dynobj *o, const char *origin)
{
	size_t i;

	for (i = 0; i < o->nneeded; i++) {
		*q = xreallocarray(*q, *nq + 1, sizeof(**q));
		(*q)[(*nq)++] = (struct want){ o->needed[i], o,
		    xstrdup(origin) };
	}
}

/* Is FILE (inside the root) an a.out file? */
static bool
is_aout(const char *file)
{
	struct mapfile mf;
	char *host = root_canon(opts.root, file);
	bool yes = false;

	if (host != NULL && mapfile_open(&mf, host) == 0) {
		yes = filetype_detect(mapfile_span(&mf)) == FT_AOUT;
		mapfile_close(&mf);
	}
	free(host);
	return yes;
}

int
resolve_main(const char *file, const char *hints)
{
	struct dynobj **objs = NULL, *o;
	struct want *q = NULL;
	size_t nq = 0, nobjs = 0, head, i;
	struct mapfile cmf;
	struct span cache = { NULL, 0 };
	const char *how;
	char *hit, *chost, *dir;
	bool dup, mapped = false;
	int rc = 0;

	if (is_aout(file))
		return resolve_aout(file, hints);
	if ((o = open_obj(file)) == NULL) {
		diag_error(file, "not a readable ELF or a.out object");
		return 1;
	}
	objs = xreallocarray(objs, nobjs + 1, sizeof(*objs));
	objs[nobjs++] = o;
	chost = root_canon(opts.root, opts.cache_file);
	if (chost != NULL && mapfile_open(&cmf, chost) == 0) {
		cache = mapfile_span(&cmf);
		mapped = true;
	}
	dir = dir_of(file);
	enqueue(&q, &nq, o, dir);
	free(dir);
	for (head = 0; head < nq; head++) {
		for (dup = false, i = 0; i < head && !dup; i++)
			dup = strcmp(q[i].name, q[head].name) == 0;
		if (dup)
			continue;
		if ((hit = find(&q[head], cache, &how)) == NULL) {
			printf("\t%s => not found\n", q[head].name);
			rc = 1;
			continue;
		}
		printf("\t%s => %s (%s)\n", q[head].name, hit, how);
		if ((o = open_obj(hit)) != NULL) {
			objs = xreallocarray(objs, nobjs + 1, sizeof(*objs));
			objs[nobjs++] = o;
			dir = dir_of(hit);
			enqueue(&q, &nq, o, dir);
			free(dir);
		}
		free(hit);
	}
	if (mapped)
		mapfile_close(&cmf);
	free(chost);
	for (i = 0; i < nq; i++)
		free(q[i].origin);
	free(q);
	for (i = 0; i < nobjs; i++)
		obj_free(objs[i]);
	free(objs);
	return rc | diag_status();
}
