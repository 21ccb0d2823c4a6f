/*
 * ar_ops: the archive as an editable array of members, and the operations
 * that change it (r q d m s).  An archive is read whole (common/arread),
 * edited in memory, and written back through common/arwrite into a
 * temporary file that replaces it only when complete (common/outfile).
 * Member bytes are never copied before the final write: they stay in the
 * mapping of the old archive or of the file they come from.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ar.h"
#include "arread.h"
#include "arwrite.h"
#include "diag.h"
#include "filetype.h"
#include "hash.h"
#include "outfile.h"
#include "xalloc.h"


static struct ar_member *grow(struct ar_archive *, size_t);
static int load_members(struct ar_archive *, struct arread *);
static int check_index(struct ar_archive *, struct arread *, int);
static char *thin_name(const char *, const char *);
static size_t split_dirs(const char *, const char **, size_t *, size_t);
static int map_member(struct ar_member *, const char *, struct stat *);
static uint64_t epoch(void);
static void replace_with_last(struct ar_archive *, size_t);
static int op_replace(struct ar_archive *, const struct ar_opts *);
static int op_delete(struct ar_archive *, const struct ar_opts *);
static int op_move(struct ar_archive *, const struct ar_opts *);
static size_t position(struct ar_archive *, const struct ar_opts *, size_t);
static void add_libdeps(struct ar_archive *, const struct ar_opts *);

/* Room for one more member at index at; returns it, zeroed. */
static struct ar_member *
grow(struct ar_archive *a, size_t at)
{
	if (a->n == a->cap) {
		a->cap = a->cap == 0 ? 64 : a->cap * 2;
		a->m = xreallocarray(a->m, a->cap, sizeof(*a->m));
	}
	memmove(&a->m[at + 1], &a->m[at], (a->n - at) * sizeof(*a->m));
	a->n++;
	memset(&a->m[at], 0, sizeof(*a->m));
	return &a->m[at];
}

/* The file a thin archive's member names: relative to the archive. */
static char *
thin_path(const char *archive, const char *name)
{
	const char *slash = strrchr(archive, '/');
	size_t dlen;
	char *p;

	if (name[0] == '/' || slash == NULL)
		return xstrdup(name);
	dlen = (size_t)(slash - archive) + 1;
	p = xmalloc(dlen + strlen(name) + 1);
	memcpy(p, archive, dlen);
	strcpy(p + dlen, name);
	return p;
}

static int
load_members(struct ar_archive *a, struct arread *rd)
{
	struct armember am;
	struct ar_member *m;
	struct stat st;
	char *path, nbuf[PATH_MAX + 64];
	int r;

	/*
	 * arread maps a thin member's file only until the next member; we
	 * map each one again so that all stay mapped until the write.
	 */
	for (;;) {
		memset(&am, 0, sizeof(am));
		if ((r = arread_next(rd, &am)) == 0)
			break;
		if (r == -1 && am.external) {
			/* The header was read: the member's own file was not. */
			diag_error(diag_name(nbuf, sizeof(nbuf), a->path,
			    am.name), "cannot open %s", rd->err);
			return -1;
		}
		if (r == -1) {
			diag_error(a->path, "%s", rd->err);
			return -1;
		}
		m = grow(a, a->n);
		m->name = xstrdup(am.name);
		m->mtime = am.mtime;
		m->uid = am.uid;
		m->gid = am.gid;
		m->mode = am.mode;
		m->dataoff = am.dataoff;
		if (memcmp(a->map.data + am.hdroff, "#1/", 3) == 0)
			a->bsd = true;
		if (!am.external) {
			m->data = am.data;
			continue;
		}
		path = thin_path(a->path, am.name);
		r = map_member(m, path, &st);
		free(path);
		if (r == -1)
			return -1;
	}
	return 0;
}

/*
 * The index is rebuilt on every write, but a reader that trusts it (a
 * linker) would be misled: point at an offset outside the archive and
 * the archive is reported as malformed.
 */
static int
check_index(struct ar_archive *a, struct arread *rd, int flags)
{
	struct arindex_sym *syms;
	size_t n, i;
	int bad = 0;

	if (arread_index(rd, &syms, &n) == -1) {
		bad = 1;
	} else {
		for (i = 0; i < n && !bad; i++)
			if (syms[i].offset < rd->first ||
			    syms[i].offset >= rd->whole.size) {
				snprintf(rd->err, sizeof(rd->err), "symbol "
				    "index: %s points at offset %ju, outside "
				    "the archive", syms[i].name,
				    (uintmax_t)syms[i].offset);
				bad = 1;
			}
		free(syms);
	}
	if (!bad)
		return 0;
	if (flags & AR_REPAIR) {
		diag_warn(a->path, "%s (rebuilding the index)", rd->err);
		return 0;
	}
	if (flags & AR_LENIENT) {
		diag_warn(a->path, "%s", rd->err);
		return 0;
	}
	diag_error(a->path, "%s", rd->err);
	return -1;
}

int
ar_load(struct ar_archive *a, const char *path, int flags)
{
	struct arread rd;
	int r;

	memset(a, 0, sizeof(*a));
	a->path = path;
	if (mapfile_open(&a->map, path) == -1) {
		if (errno == ENOENT && !(flags & AR_MUST_EXIST))
			return 0;
		diag_errno(path, "cannot open");
		return -1;
	}
	a->mapped = true;
	a->exists = true;
	if (arread_open(&rd, path, mapfile_span(&a->map)) == -1) {
		diag_error(path, "%s", rd.err);
		arread_close(&rd);
		return -1;
	}
	a->thin = rd.kind == FT_AR_THIN;
	a->bsd = rd.index_kind >= ARIDX_BSD;
	r = check_index(a, &rd, flags);
	if (r == 0)
		r = load_members(a, &rd);
	arread_close(&rd);
	return r;
}

/* Let go of a member's bytes (not its name). */
void
ar_member_release(struct ar_member *m)
{
	if (m->map != NULL) {
		mapfile_close(m->map);
		free(m->map);
		m->map = NULL;
	}
	free(m->buf);
	m->buf = NULL;
}

void
ar_free(struct ar_archive *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->m[i].name);
		ar_member_release(&a->m[i]);
	}
	free(a->m);
	if (a->mapped)
		mapfile_close(&a->map);
	memset(a, 0, sizeof(*a));
}

/* SOURCE_DATE_EPOCH, or the current time. */
static uint64_t
epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	unsigned long long v;

	if (s != NULL && *s != '\0') {
		errno = 0;
		v = strtoull(s, &end, 10);
		if (errno == 0 && *end == '\0')
			return v;
	}
	return (uint64_t)time(NULL);
}

int
ar_save(struct ar_archive *a, const struct ar_opts *o)
{
	struct arwrite_member *wm;
	struct arwrite_opts wo;
	struct outfile of;
	size_t i;
	int r;

	wm = xcalloc(a->n + 1, sizeof(*wm));
	for (i = 0; i < a->n; i++) {
		wm[i].name = a->m[i].name;
		wm[i].data = a->m[i].data;
		wm[i].mtime = a->m[i].mtime;
		wm[i].uid = a->m[i].uid;
		wm[i].gid = a->m[i].gid;
		wm[i].mode = a->m[i].mode;
	}
	memset(&wo, 0, sizeof(wo));
	wo.format = o->bsd || a->bsd ? ARW_BSD : ARW_GNU;
	wo.thin = a->thin;
	wo.symtab = !o->no_symtab;
	wo.index_time = o->deterministic && !o->touch ? 0 : epoch();
	wo.path = a->path;
	if (a->mapped)
		wo.old = mapfile_span(&a->map);
	if (outfile_open(&of, a->path, outfile_default_mode(0666)) == -1) {
		diag_errno(a->path, "cannot create");
		free(wm);
		return -1;
	}
	r = arwrite_write(&of, wm, a->n, &wo);
	if (r == 1) {
		/*
		 * The archive already holds these bytes (ranlib of an archive
		 * whose index is current).  Leave it, newer, as a rewrite
		 * would have; if its time cannot be set, rewrite it after all.
		 */
		if (utimensat(AT_FDCWD, a->path, NULL, 0) == 0) {
			outfile_abort(&of);
			free(wm);
			return 0;
		}
		memset(&wo.old, 0, sizeof(wo.old));
		r = arwrite_write(&of, wm, a->n, &wo);
	}
	free(wm);
	if (r == -1) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, 0) == -1) {
		diag_errno(a->path, "cannot write");
		return -1;
	}
	return 0;
}

/*
 * Read file as member m.  Files are mapped, not read: the archive is
 * written with writev straight from the mappings, so the kernel makes the
 * only copy.  Should mappings run out (ENOMEM: tens of thousands of
 * members), the file is read into memory instead.  st receives the
 * file's status.
 */
static int
map_member(struct ar_member *m, const char *file, struct stat *st)
{
	ssize_t n;
	size_t got = 0;
	int fd, e;

	if (stat(file, st) == -1) {
		diag_errno(file, "cannot open");
		return -1;
	}
	if (S_ISDIR(st->st_mode)) {
		diag_error(file, "is a directory");
		return -1;
	}
	m->map = xcalloc(1, sizeof(*m->map));
	if (mapfile_open(m->map, file) == 0) {
		m->data = mapfile_span(m->map);
		return 0;
	}
	e = errno;
	free(m->map);
	m->map = NULL;
	errno = e;
	if (e != ENOMEM || !S_ISREG(st->st_mode) ||
	    (fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		diag_errno(file, "cannot open");
		return -1;
	}
	m->buf = xmalloc((size_t)st->st_size + 1);
	while (got < (size_t)st->st_size) {
		n = read(fd, m->buf + got, (size_t)st->st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			diag_errno(file, "cannot read");
			close(fd);
			return -1;
		}
		got += (size_t)n;
	}
	close(fd);
	m->data.data = m->buf;
	m->data.size = got;
	return 0;
}

/*
 * How a file operand is named in the archive: its base name, the path as
 * given with P, and for thin archives the path relative to the archive's
 * directory (what GNU ar stores).
 */
const char *
ar_member_key(const char *file, const struct ar_opts *o, char *buf,
    size_t len)
{
	const char *base = strrchr(file, '/');

	if (o->full_path)
		snprintf(buf, len, "%s", file);
	else
		snprintf(buf, len, "%s", base != NULL ? base + 1 : file);
	return buf;
}

/*
 * The path of file relative to the archive's directory, which is what a
 * thin archive stores (GNU ar's adjust_relative_path does it on the real
 * paths; we work on the names: "./" and empty components drop out, and
 * the common leading directories cancel).  An archive path with ".." in
 * it falls back to the file's absolute path.
 */
static char *
thin_name(const char *archive, const char *file)
{
	const char *ad[256], *fd[256];
	size_t al[256], fl[256], na, nf, i, c, len = 0;
	char *out, *abs;

	if (file[0] == '/' || archive[0] == '/')
		return xstrdup(file);
	na = split_dirs(archive, ad, al, 256);
	nf = split_dirs(file, fd, fl, 256);
	for (i = 0; i < na; i++)
		if (al[i] == 2 && memcmp(ad[i], "..", 2) == 0) {
			if ((abs = realpath(file, NULL)) != NULL)
				return abs;
			return xstrdup(file);
		}
	for (c = 0; c < na && c < nf && al[c] == fl[c] &&
	    memcmp(ad[c], fd[c], al[c]) == 0; c++)
		;
	for (i = c; i < nf; i++)
		len += fl[i] + 1;
	out = xmalloc(3 * (na - c) + len + strlen(file) + 1);
	len = 0;
	for (i = c; i < na; i++, len += 3)
		memcpy(out + len, "../", 3);
	for (i = c; i < nf; i++) {
		memcpy(out + len, fd[i], fl[i]);
		len += fl[i];
		out[len++] = '/';
	}
	strcpy(out + len, strrchr(file, '/') != NULL ?
	    strrchr(file, '/') + 1 : file);
	return out;
}

/* The directory components of path (all but the last), without "." */
static size_t
split_dirs(const char *path, const char **comp, size_t *len, size_t max)
{
	const char *p = path, *slash;
	size_t n = 0;

	while ((slash = strchr(p, '/')) != NULL && n < max) {
		if (slash - p > 0 && !(slash - p == 1 && p[0] == '.')) {
			comp[n] = p;
			len[n++] = (size_t)(slash - p);
		}
		p = slash + 1;
	}
	return n;
}

/* Add file as a new member at index at. */
int
ar_add_file(struct ar_archive *a, size_t at, const char *file,
    const struct ar_opts *o)
{
	struct ar_member *m = grow(a, at);
	char key[4096];
	struct stat st;

	memset(&st, 0, sizeof(st));
	if (map_member(m, file, &st) == -1) {
		memmove(&a->m[at], &a->m[at + 1], (a->n - at - 1) *
		    sizeof(*a->m));
		a->n--;
		return -1;
	}
	if (a->thin)
		m->name = thin_name(a->path, file);
	else
		m->name = xstrdup(ar_member_key(file, o, key, sizeof(key)));
	if (o->deterministic) {
		m->mode = 0644;
	} else {
		m->mtime = (uint64_t)st.st_mtime;
		if (getenv("SOURCE_DATE_EPOCH") != NULL &&
		    m->mtime > epoch())
			m->mtime = epoch();
		m->uid = st.st_uid;
		m->gid = st.st_gid;
		m->mode = st.st_mode;
	}
	return 0;
}

/* Where new or moved members go: at relpos (a, b, i), else the end. */
static size_t
position(struct ar_archive *a, const struct ar_opts *o, size_t dflt)
{
	char key[4096];
	ssize_t i;

	if (o->relpos == NULL || (!o->after && !o->before))
		return dflt;
	i = ar_find(a, ar_member_key(o->relpos, o, key, sizeof(key)), 1);
	if (i < 0)
		return a->n;
	return o->after ? (size_t)i + 1 : (size_t)i;
}

/*
 * Put the member just appended at the end into slot i instead, keeping
 * slot i's name (the same name, or the thin path it was found by).
 */
static void
replace_with_last(struct ar_archive *a, size_t i)
{
	struct ar_member *old = &a->m[i], *new = &a->m[a->n - 1];

	ar_member_release(old);
	free(new->name);
	new->name = old->name;
	*old = *new;
	a->n--;
}

/*
 * r and q: replace or append each file operand.  The common case, many
 * files and no relpos or count, looks names up in a hash table rather
 * than scanning the archive for each file.
 */
static int
op_replace(struct ar_archive *a, const struct ar_opts *o)
{
	struct strmap byname;
	char key[4096];
	struct stat st;
	ssize_t i;
	size_t at, j;
	bool fast = o->relpos == NULL && !o->count && !a->thin;
	bool isnew;
	void **slot;
	int k, bad = 0;

	strmap_init(&byname, a->n + (size_t)o->nfiles);
	for (j = 0; fast && j < a->n; j++) {
		slot = strmap_insert(&byname, a->m[j].name,
		    strlen(a->m[j].name), &isnew);
		if (isnew)
			*slot = (void *)(uintptr_t)(j + 1);
	}
	for (k = 0; k < o->nfiles; k++) {
		const char *f = o->files[k];

		i = -1;
		if (o->mode == 'r' && fast) {
			ar_member_key(f, o, key, sizeof(key));
			i = (ssize_t)(uintptr_t)strmap_find(&byname, key,
			    strlen(key)) - 1;
		} else if (o->mode == 'r') {
			i = ar_find(a, a->thin ? f : ar_member_key(f, o, key,
			    sizeof(key)), o->count ? o->instance : 1);
		}
		if (i >= 0 && o->update && stat(f, &st) == 0 &&
		    (uint64_t)st.st_mtime <= a->m[i].mtime)
			continue;
		at = a->n;
		if (i < 0 || o->relpos != NULL)
			at = position(a, o, a->n);
		if (ar_add_file(a, at, f, o) == -1) {
			bad = 1;
			continue;
		}
		if (i >= 0 && o->relpos == NULL) {
			replace_with_last(a, (size_t)i);
		} else if (i >= 0) {
			/* Replaced and moved to relpos: drop the old one. */
			if ((size_t)i >= at)
				i++;
			free(a->m[i].name);
			ar_member_release(&a->m[i]);
			memmove(&a->m[i], &a->m[i + 1], (a->n - (size_t)i -
			    1) * sizeof(*a->m));
			a->n--;
		} else if (fast && o->mode == 'r') {
			slot = strmap_insert(&byname, a->m[at].name,
			    strlen(a->m[at].name), &isnew);
			if (isnew)
				*slot = (void *)(uintptr_t)(at + 1);
		}
		if (o->verbose)
			printf("%c - %s\n", i >= 0 ? 'r' : 'a', f);
	}
	strmap_free(&byname);
	return bad ? -1 : 0;
}

static int
op_delete(struct ar_archive *a, const struct ar_opts *o)
{
	char key[4096];
	ssize_t i;
	int k, bad = 0;

	for (k = 0; k < o->nfiles; k++) {
		i = ar_find(a, ar_member_key(o->files[k], o, key, sizeof(key)),
		    o->count ? o->instance : 1);
		if (i < 0) {
			diag_error(a->path, "no member named %s", o->files[k]);
			bad = 1;
			continue;
		}
		if (o->verbose)
			printf("d - %s\n", a->m[i].name);
		free(a->m[i].name);
		ar_member_release(&a->m[i]);
		memmove(&a->m[i], &a->m[i + 1], (a->n - (size_t)i - 1) *
		    sizeof(*a->m));
		a->n--;
	}
	return bad ? -1 : 0;
}

/* m: the named members, in archive order, go to the end or to relpos. */
static int
op_move(struct ar_archive *a, const struct ar_opts *o)
{
	struct ar_member *moved;
	char key[4096];
	size_t i, j, nm = 0, at;
	ssize_t f;
	int k, bad = 0;

	for (k = 0; k < o->nfiles; k++) {
		f = ar_find(a, ar_member_key(o->files[k], o, key, sizeof(key)),
		    o->count ? o->instance : 1);
		if (f < 0) {
			diag_error(a->path, "no member named %s", o->files[k]);
			bad = 1;
		} else {
			a->m[f].mark = true;
		}
	}
	moved = xcalloc(a->n + 1, sizeof(*moved));
	for (i = j = 0; i < a->n; i++) {
		if (a->m[i].mark) {
			a->m[i].mark = false;
			if (o->verbose)
				printf("m - %s\n", a->m[i].name);
			moved[nm++] = a->m[i];
		} else {
			a->m[j++] = a->m[i];
		}
	}
	a->n = j;
	at = position(a, o, a->n);
	for (i = 0; i < nm; i++)
		*grow(a, at + i) = moved[i];
	free(moved);
	return bad ? -1 : 0;
}

/* l / --record-libdeps: a "__.LIBDEP" member at the end, as GNU ar. */
static void
add_libdeps(struct ar_archive *a, const struct ar_opts *o)
{
	struct ar_member *m;
	ssize_t i;

	if (o->libdeps == NULL)
		return;
	if ((i = ar_find(a, "__.LIBDEP", 1)) >= 0) {
		free(a->m[i].name);
		memmove(&a->m[i], &a->m[i + 1], (a->n - (size_t)i - 1) *
		    sizeof(*a->m));
		a->n--;
	}
	m = grow(a, a->n);
	m->name = xstrdup("__.LIBDEP");
	m->data.data = (unsigned char *)o->libdeps;
	m->data.size = strlen(o->libdeps) + 1;
	m->mode = 0644;
}

int
ar_run(struct ar_opts *o)
{
	struct ar_archive a;
	int r = 0, changes = 0;

	switch (o->mode) {
	case 'M':
		return ar_mri(o);
	case 't': case 'p': case 'x': case 'd': case 'm': case 's':
		/*
		 * A bad index: reading goes on (the index is not used), ar s
		 * rebuilds it, and the other edits refuse to go on.
		 */
		if (ar_load(&a, o->archive, AR_MUST_EXIST |
		    (o->mode == 's' ? AR_REPAIR : 0) |
		    (strchr("tpx", o->mode) != NULL ? AR_LENIENT : 0)) == -1)
			goto out;
		break;
	default:
		if (ar_load(&a, o->archive, 0) == -1)
			goto out;
		if (!a.exists && !o->create)
			fprintf(stderr, "%s: creating %s\n", diag_progname(),
			    o->archive);
		if (!a.exists)
			a.thin = o->thin;
		else if (o->thin && !a.thin) {
			diag_error(o->archive, "cannot convert an existing "
			    "archive to thin format");
			goto out;
		}
		break;
	}
	switch (o->mode) {
	case 't':
		r = ar_list(&a, o);
		break;
	case 'p':
		r = ar_print(&a, o);
		break;
	case 'x':
		r = ar_extract(&a, o);
		break;
	case 'd':
		r = op_delete(&a, o);
		changes = 1;
		break;
	case 'm':
		r = op_move(&a, o);
		changes = 1;
		break;
	case 's':
		changes = 1;
		break;
	default:
		r = op_replace(&a, o);
		changes = 1;
		break;
	}
	if (changes) {
		add_libdeps(&a, o);
		/* Like GNU ar, a missing input leaves the archive alone. */
		if (!(r == -1 && (o->mode == 'r' || o->mode == 'q')))
			ar_save(&a, o);
	}
out:
	ar_free(&a);
	return diag_status();
}
