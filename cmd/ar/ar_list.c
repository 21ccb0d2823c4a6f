/*
 * ar_list: the operations that read an archive without changing it:
 * t (list), p (print) and x (extract).  Listing and printing follow GNU
 * ar's output format; extraction writes each file through common/outfile
 * and refuses member names that would leave the output directory.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ar.h"
#include "diag.h"
#include "outfile.h"
#include "xalloc.h"

static bool selected(struct ar_archive *, const struct ar_opts *, size_t);
static void mode_string(uint64_t, char *);
static int unsafe_name(const char *);
static int extract_one(struct ar_archive *, const struct ar_opts *,
    const struct ar_member *);
static int missing(struct ar_archive *, const struct ar_opts *);

/* The nth (from 1) member called name, or -1. */
ssize_t
ar_find(struct ar_archive *a, const char *name, unsigned long nth)
{
	const char *base;
	size_t i;

	for (i = 0; i < a->n; i++) {
		base = a->m[i].name;
		if (a->thin && strcmp(base, name) != 0 &&
		    strrchr(base, '/') != NULL)
			base = strrchr(base, '/') + 1;
		if (strcmp(base, name) == 0 && --nth == 0)
			return (ssize_t)i;
	}
	return -1;
}

/*
 * Is member i named by the operands (all are when there are none)?  The
 * operand that matched is marked, so that unmatched ones can be reported;
 * with N only its instance-th match counts.
 */
static bool
selected(struct ar_archive *a, const struct ar_opts *o, size_t i)
{
	char key[4096];
	ssize_t f;
	int k;

	if (o->nfiles == 0)
		return true;
	for (k = 0; k < o->nfiles; k++) {
		f = ar_find(a, ar_member_key(o->files[k], o, key, sizeof(key)),
		    o->count ? o->instance : 1);
		if (f == (ssize_t)i) {
			a->m[i].mark = true;
			return true;
		}
		/* Without N, every member of that name is selected. */
		if (!o->count && f >= 0 && f < (ssize_t)i &&
		    strcmp(a->m[f].name, a->m[i].name) == 0)
			return true;
	}
	return false;
}

/* Operands that named no member: an error each. */
static int
missing(struct ar_archive *a, const struct ar_opts *o)
{
	char key[4096];
	ssize_t f;
	int k, bad = 0;

	for (k = 0; k < o->nfiles; k++) {
		f = ar_find(a, ar_member_key(o->files[k], o, key, sizeof(key)),
		    o->count ? o->instance : 1);
		if (f < 0) {
			diag_error(a->path, "no member named %s", o->files[k]);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static void
mode_string(uint64_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	for (i = 0; i < 9; i++)
		s[i] = (mode & (1u << (8 - i))) ? rwx[i] : '-';
	if (mode & 04000)
		s[2] = (mode & 0100) ? 's' : 'S';
	if (mode & 02000)
		s[5] = (mode & 010) ? 's' : 'S';
	if (mode & 01000)
		s[8] = (mode & 01) ? 't' : 'T';
	s[9] = '\0';
}

int
ar_list(struct ar_archive *a, const struct ar_opts *o)
{
	char mode[10], when[64];
	struct tm *tm;
	time_t t;
	size_t i;

	for (i = 0; i < a->n; i++) {
		if (!selected(a, o, i))
			continue;
		if (o->verbose) {
			mode_string(a->m[i].mode, mode);
			t = (time_t)a->m[i].mtime;
			tm = localtime(&t);
			if (tm == NULL ||
			    strftime(when, sizeof(when), "%b %e %H:%M %Y",
			    tm) == 0)
				snprintf(when, sizeof(when), "%llu",
				    (unsigned long long)a->m[i].mtime);
			printf("%s %llu/%llu %6llu %s ", mode,
			    (unsigned long long)a->m[i].uid,
			    (unsigned long long)a->m[i].gid,
			    (unsigned long long)a->m[i].data.size, when);
		}
		printf("%s", a->m[i].name);
		if (o->offsets)
			printf(" 0x%llx", (unsigned long long)a->m[i].dataoff);
		putchar('\n');
	}
	return missing(a, o);
}

int
ar_print(struct ar_archive *a, const struct ar_opts *o)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		if (!selected(a, o, i))
			continue;
		if (o->verbose)
			printf("\n<%s>\n\n", a->m[i].name);
		fflush(stdout);
		if (a->m[i].data.size != 0 &&
		    fwrite(a->m[i].data.data, 1, a->m[i].data.size, stdout) !=
		    a->m[i].data.size)
			diag_fatal("write error on standard output");
	}
	if (fflush(stdout) == EOF)
		diag_fatal("write error on standard output");
	return missing(a, o);
}

/* A name that would put the file outside the output directory. */
static int
unsafe_name(const char *name)
{
	return name[0] == '\0' || strchr(name, '/') != NULL ||
	    strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static int
extract_one(struct ar_archive *a, const struct ar_opts *o,
    const struct ar_member *m)
{
	char where[4352], *path;
	struct outfile of;
	struct timespec ts[2];
	size_t len;

	diag_name(where, sizeof(where), a->path, m->name);
	if (unsafe_name(m->name)) {
		diag_error(where, "refusing to extract a name with a "
		    "directory part");
		return -1;
	}
	if (o->output_dir != NULL) {
		len = strlen(o->output_dir) + strlen(m->name) + 2;
		path = xmalloc(len);
		snprintf(path, len, "%s/%s", o->output_dir, m->name);
	} else {
		path = xstrdup(m->name);
	}
	if (o->verbose)
		printf("x - %s\n", m->name);
	if (outfile_open(&of, path, (mode_t)(m->mode & 0777)) == -1 ||
	    outfile_write(&of, m->data.data, (size_t)m->data.size) == -1) {
		diag_errno(path, "cannot write");
		if (of.fd != -1)
			outfile_abort(&of);
		free(path);
		return -1;
	}
	if (o->preserve_dates) {
		ts[0].tv_sec = ts[1].tv_sec = (time_t)m->mtime;
		ts[0].tv_nsec = ts[1].tv_nsec = 0;
		futimens(of.fd, ts);
	}
	if (outfile_commit(&of, 0) == -1) {
		diag_errno(path, "cannot write");
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

int
ar_extract(struct ar_archive *a, const struct ar_opts *o)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < a->n; i++)
		if (selected(a, o, i) && extract_one(a, o, &a->m[i]) == -1)
			bad = 1;
	if (missing(a, o) == -1)
		bad = 1;
	return bad ? -1 : 0;
}
