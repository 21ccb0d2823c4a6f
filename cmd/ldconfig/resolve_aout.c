/*
 * resolve_aout.c: ldconfig --resolve for a dynamic a.out program, the
 * answer the BSD a.out ld.so would give, without running anything.
 *
 * The needed objects are the link_object (sod) chain that ld_need of the
 * program's link_dynamic_2 starts (link(5); ../shared/spec/a.out.md
 * section 12, read through common/aout_dyn.c).  An entry without the
 * library bit names a file, used as it is.  A library entry "-lNAME"
 * with MAJOR.MINOR is looked up the way the a.out rtld of NetBSD and
 * OpenBSD does it (rtfindlib and findshlib, summarised in
 * ../shared/spec/ld.so.hints.md section 8):
 *
 *  1. When the needing object has a search path (ld_rules, the -L
 *     directories it was linked with): the hints entries under each of
 *     those directories, then a scan of the standard directory and those
 *     directories, kept only if its minor is high enough.
 *  2. The hints file with no directory restriction: name and major
 *     equal, and the entry's minor at least the one asked for.
 *  3. A scan of the standard directory, the ld_rules directories and the
 *     hints file's directory list: the highest version with that major,
 *     with a warning when its minor is lower than the one asked for.
 *
 * A hint whose file is missing is dropped and the scan of step 3 done,
 * as rtld does when it cannot open the file.  LD_LIBRARY_PATH is left
 * out on purpose, as on the ELF side.  Each library found is read in
 * turn, breadth first, with its own ld_rules.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aout.h"
#include "diag.h"
#include "hints.h"
#include "mapfile.h"
#include "xalloc.h"
#include "ldconfig.h"

#define STD_DIR		"/usr/lib"
#define MAX_SODS	4096	/* longest ld_need chain we follow */
#define MAX_WANTS	65536	/* entries queued over all objects */

/* One link_object to find; strings are copies. */
struct aneed {
	char		*label;		/* "-lc.12", or the file name */
	char		*name;
	bool		 library;
	int		 major, minor;
	char		*rules;		/* ld_rules of the needing object */
};

/* The lookup state: the queue, the hints file and the directories. */
struct alookup {
	struct aneed	*v;
	size_t		 n;
	struct mapfile	 hmf;
	struct hints	 h;
	bool		 have_hints;
	char		**dirs;		/* search_dirs of rtld, in order */
	size_t		 ndirs;
};

static int	 needs_read(struct alookup *, const char *path,
		    const char *shown);
static char	*find_lib(struct alookup *, const struct aneed *,
		    const char **how);

static void
dirs_push(struct alookup *q, const char *d, size_t len)
{
	size_t i;

	if (len == 0)
		return;
	for (i = 0; i < q->ndirs; i++)
		if (strlen(q->dirs[i]) == len &&
		    strncmp(q->dirs[i], d, len) == 0)
			return;
	q->dirs = xreallocarray(q->dirs, q->ndirs + 1, sizeof(char *));
	q->dirs[q->ndirs++] = xstrndup(d, len);
}

/* rtld's add_search_path: append each directory of a colon list once. */
static void
dirs_add_list(struct alookup *q, const char *list)
{
	size_t n;

	while (list != NULL && *list != '\0') {
		n = strcspn(list, ":");
		dirs_push(q, list, n);
		list += n;
		if (*list == ':')
			list++;
	}
}

static void
dirs_reset(struct alookup *q)
{
	size_t i;

	for (i = 0; i < q->ndirs; i++)
		free(q->dirs[i]);
	free(q->dirs);
	q->dirs = NULL;
	q->ndirs = 0;
}

/* ".1.2" or "1.2" -> [1, 2]; 0 when a component is not a number. */
static int
dewey_parse(int32_t dewey[HINTS_MAXDEWEY], const char *cp)
{
	char *end;
	int n;

	for (n = 0; n < HINTS_MAXDEWEY && *cp != '\0'; n++) {
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
dewey_cmp(const int32_t *d1, int n1, const int32_t *d2, int n2)
{
	int i;

	for (i = 0; i < n1 && i < n2; i++)
		if (d1[i] != d2[i])
			return d1[i] < d2[i] ? -1 : 1;
	return n1 == n2 ? 0 : (n1 > n2 ? 1 : -1);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * findshlib: over the search directories in order, the file
 * libNAME.so.VERSION of the highest version whose major is MAJOR; an
 * equal version found later does not replace it.  The names of a
 * directory are taken in sorted order, so that the answer does not
 * depend on readdir's.
 */
static char *
shlib_scan(const struct alookup *q, const char *name, int major,
    int *minor)
{
	int32_t best[HINTS_MAXDEWEY], d[HINTS_MAXDEWEY];
	struct dirent *de;
	char **names, *host, *path = NULL;
	size_t i, j, n, nl = strlen(name);
	int nbest = 0, nd;
	DIR *dir;

	for (i = 0; i < q->ndirs; i++) {
		host = root_canon(opts.root, q->dirs[i]);
		dir = host != NULL ? opendir(host) : NULL;
		free(host);
		if (dir == NULL)
			continue;
		names = NULL;
		n = 0;
		while ((de = readdir(dir)) != NULL)
			if (strncmp(de->d_name, "lib", 3) == 0 &&
			    strncmp(de->d_name + 3, name, nl) == 0 &&
			    strncmp(de->d_name + 3 + nl, ".so.", 4) == 0) {
				names = xreallocarray(names, n + 1,
				    sizeof(char *));
				names[n++] = xstrdup(de->d_name);
			}
		closedir(dir);
		if (n > 1)
			qsort(names, n, sizeof(char *), name_cmp);
		for (j = 0; j < n; j++) {
			memset(d, 0, sizeof(d));
			nd = dewey_parse(d, names[j] + 3 + nl + 4);
			if (nd > 0 && d[0] == major &&
			    dewey_cmp(d, nd, best, nbest) > 0) {
				free(path);
				path = xmalloc(strlen(q->dirs[i]) +
				    strlen(names[j]) + 2);
				sprintf(path, "%s/%s", q->dirs[i], names[j]);
				memcpy(best, d, sizeof(best));
				nbest = nd;
			}
			free(names[j]);
		}
		free(names);
	}
	*minor = nbest >= 2 ? best[1] : -1;
	return path;
}

/*
 * findhint: walk the bucket chain of (NAME, MAJOR).  A directory
 * restriction is the a.out rtld's: the path must start with it.
 */
static const char *
hint_find(const struct alookup *q, const char *name, int major, int minor,
    const char *dir, size_t dlen)
{
	const struct hints *h = &q->h;
	const struct hints_entry *e;
	uint64_t i, steps;

	if (!q->have_hints || h->kind != HINTS_AOUT || h->nbucket == 0)
		return NULL;
	i = hints_hash(name, major, minor, h->version) % h->nbucket;
	/* hints_read proved the chains end; the count is a second guard. */
	for (steps = 0; steps <= h->nbucket; steps++) {
		e = &h->v[i];
		if (strcmp(e->name, name) == 0 && e->dewey[0] == major &&
		    (e->ndewey < 2 || e->dewey[1] >= minor) &&
		    (dir == NULL || strncmp(dir, e->path, dlen) == 0))
			return e->path;
		if (e->next < 0 || (uint64_t)e->next >= h->nbucket)
			break;
		i = (uint64_t)e->next;
	}
	return NULL;
}

/* A hint from the ld_rules directories, in their order. */
static const char *
hint_find_rules(const struct alookup *q, const struct aneed *w)
{
	const char *p = w->rules, *hit;
	size_t n;

	while (p != NULL && *p != '\0') {
		n = strcspn(p, ":");
		if (n > 0 && (hit = hint_find(q, w->name, w->major, w->minor,
		    p, n)) != NULL)
			return hit;
		p += n;
		if (*p == ':')
			p++;
	}
	return NULL;
}

static bool
exists(const char *path)
{
	struct stat sb;
	char *host = root_canon(opts.root, path);
	bool ok = host != NULL && stat(host, &sb) == 0 && S_ISREG(sb.st_mode);

	free(host);
	return ok;
}

/* rtfindlib's first two steps; NULL sends the caller to the scan. */
static char *
find_hinted(struct alookup *q, const struct aneed *w, const char **how)
{
	const char *hit;
	char *path;
	int minor;

	*how = "hints";
	if (w->rules != NULL && *w->rules != '\0') {
		if ((hit = hint_find_rules(q, w)) != NULL)
			return exists(hit) ? xstrdup(hit) : NULL;
		*how = "search";
		path = shlib_scan(q, w->name, w->major, &minor);
		if (path != NULL && minor >= w->minor)
			return path;
		free(path);
		*how = "hints";
	}
	if ((hit = hint_find(q, w->name, w->major, w->minor, NULL, 0)) !=
	    NULL && exists(hit))
		return xstrdup(hit);
	return NULL;
}

static char *
find_lib(struct alookup *q, const struct aneed *w, const char **how)
{
	char *path;
	int minor;

	dirs_reset(q);
	dirs_push(q, STD_DIR, strlen(STD_DIR));
	dirs_add_list(q, w->rules);
	if ((path = find_hinted(q, w, how)) != NULL)
		return path;
	*how = "search";
	if (q->have_hints)
		dirs_add_list(q, q->h.dirlist);
	path = shlib_scan(q, w->name, w->major, &minor);
	if (path != NULL && minor < w->minor)
		diag_warn(NULL, "lib%s.so.%d.%d: minor version >= %d "
		    "expected, using it anyway", w->name, w->major, minor,
		    w->minor);
	return path;
}

static void
need_push(struct alookup *q, const struct aout_sod *s, const char *rules)
{
	struct aneed *w;
	char buf[64];

	q->v = xreallocarray(q->v, q->n + 1, sizeof(*q->v));
	w = &q->v[q->n++];
	w->name = xstrdup(s->name);
	w->library = s->library;
	w->major = (int)s->major;
	w->minor = (int)s->minor;
	w->rules = rules != NULL ? xstrdup(rules) : NULL;
	if (!s->library) {
		w->label = xstrdup(s->name);
		return;
	}
	snprintf(buf, sizeof(buf), ".%d", w->major);
	w->label = xmalloc(strlen(s->name) + strlen(buf) + 3);
	sprintf(w->label, "-l%s%s", s->name, buf);
}

/* Walk the ld_need chain of the mapped a.out A, queueing each entry. */
static int
needs_walk(struct alookup *q, struct aout *a, const char *shown)
{
	struct aout_dynamic d;
	struct aout_sod s;
	const char *rules = NULL;
	uint32_t addr, *seen;
	size_t count = 0, i;
	int rc = 0;

	switch (aout_dynamic(a, &d)) {
	case 1:
		return 0;	/* static: needs nothing */
	case -1:
		diag_error(shown, "%s", a->err);
		return 1;
	}
	if (d.rules != 0 && (rules = aout_text_string(a, &d, d.rules)) ==
	    NULL) {
		diag_error(shown, "ld_rules at 0x%x is outside the file",
		    d.rules);
		return 1;
	}
	seen = xreallocarray(NULL, MAX_SODS, sizeof(*seen));
	for (addr = d.need; addr != 0 && rc == 0; addr = s.next) {
		for (i = 0; i < count && seen[i] != addr; i++)
			continue;
		if (i < count || count == MAX_SODS || q->n == MAX_WANTS) {
			diag_error(shown, "ld_need chain does not end");
			rc = 1;
			break;
		}
		seen[count++] = addr;
		if (aout_sod(a, &d, addr, &s) != 0) {
			diag_error(shown, "%s", a->err);
			rc = 1;
			break;
		}
		need_push(q, &s, rules);
	}
	free(seen);
	return rc;
}

/* Queue what the a.out at PATH (inside the root) needs. */
static int
needs_read(struct alookup *q, const char *path, const char *shown)
{
	struct mapfile mf;
	struct aout a;
	char *host = root_canon(opts.root, path);
	int rc;

	if (host == NULL || mapfile_open(&mf, host) != 0) {
		diag_errno(shown, "cannot open");
		free(host);
		return 1;
	}
	free(host);
	if (aout_parse(&a, mapfile_span(&mf)) != 0) {
		diag_error(shown, "%s", a.err);
		mapfile_close(&mf);
		return 1;
	}
	rc = needs_walk(q, &a, shown);
	mapfile_close(&mf);
	return rc;
}

static void
lookup_free(struct alookup *q)
{
	size_t i;

	for (i = 0; i < q->n; i++) {
		free(q->v[i].label);
		free(q->v[i].name);
		free(q->v[i].rules);
	}
	free(q->v);
	dirs_reset(q);
	if (q->have_hints) {
		hints_free(&q->h);
		mapfile_close(&q->hmf);
	}
}

/* Map the hints file at host path HINTS; a bad one is only a warning. */
static void
hints_load(struct alookup *q, const char *hints)
{
	if (hints == NULL || mapfile_open(&q->hmf, hints) != 0)
		return;
	if (hints_read(&q->h, mapfile_span(&q->hmf)) != 0) {
		diag_warn(hints, "%s; not used", q->h.err);
		mapfile_close(&q->hmf);
		return;
	}
	q->have_hints = true;
}

int
resolve_aout(const char *file, const char *hints)
{
	struct alookup q;
	const char *how;
	char *hit;
	size_t head, i;
	bool dup;
	int rc;

	memset(&q, 0, sizeof(q));
	rc = needs_read(&q, file, file);
	if (rc == 0)
		hints_load(&q, hints);
	for (head = 0; head < q.n; head++) {
		for (dup = false, i = 0; i < head && !dup; i++)
			dup = strcmp(q.v[i].label, q.v[head].label) == 0;
		if (dup)
			continue;
		if (!q.v[head].library) {
			printf("\t%s => %s (path)\n", q.v[head].label,
			    q.v[head].name);
			hit = xstrdup(q.v[head].name);
		} else if ((hit = find_lib(&q, &q.v[head], &how)) != NULL)
			printf("\t%s => %s (%s)\n", q.v[head].label, hit, how);
		else {
			printf("\t%s => not found\n", q.v[head].label);
			rc = 1;
			continue;
		}
		if (exists(hit))
			rc |= needs_read(&q, hit, hit);
		free(hit);
	}
	lookup_free(&q);
	return rc | diag_status();
}
