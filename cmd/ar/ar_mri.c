/*
 * ar_mri: "ar -M", the MRI librarian's script language as GNU ar
 * documents it ("ar scripts" in the binutils manual).  One command a
 * line, case-insensitive, arguments separated by spaces or commas, '*'
 * or ';' starting a comment.  Commands: CREATE, CREATETHIN, OPEN,
 * ADDMOD, ADDLIB, DELETE, REPLACE, EXTRACT, LIST, DIRECTORY, CLEAR,
 * VERBOSE, SAVE, END.  Nothing is written before SAVE.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ar.h"
#include "diag.h"
#include "xalloc.h"

#define MAXARGS 256

struct mri {
	struct ar_opts	*o;
	struct ar_archive cur;		/* the archive being built */
	bool		 open;
	char		*target;	/* CREATE: written at SAVE */
	struct ar_archive *libs;	/* ADDLIB sources, kept mapped */
	size_t		 nlibs;
	int		 line;
};

static int split(char *, char **);
static int mri_command(struct mri *, char **, int);
static int mri_addlib(struct mri *, char **, int);
static int mri_add(struct mri *, const char *, const struct ar_opts *, bool);
static void mri_close(struct mri *);
static int need_open(struct mri *, const char *);

static int
split(char *s, char **argv)
{
	int n = 0;
	char *c;

	if ((c = strpbrk(s, "*;")) != NULL)
		*c = '\0';
	for (s = strtok(s, " \t\r\n,()"); s != NULL && n < MAXARGS;
	    s = strtok(NULL, " \t\r\n,()"))
		argv[n++] = s;
	return n;
}

static int
need_open(struct mri *st, const char *cmd)
{
	if (st->open)
		return 0;
	diag_error("script", "line %d: %s: no open archive", st->line, cmd);
	return -1;
}

static void
mri_close(struct mri *st)
{
	if (st->open)
		ar_free(&st->cur);
	free(st->target);
	st->target = NULL;
	st->open = false;
}

/* ADDMOD appends a file; REPLACE puts it in the place of its member. */
static int
mri_add(struct mri *st, const char *file, const struct ar_opts *o,
    bool replace)
{
	char key[4096];
	ssize_t i = -1;

	if (replace) {
		i = ar_find(&st->cur, ar_member_key(file, o, key, sizeof(key)),
		    1);
		if (i < 0) {
			diag_error("script", "line %d: no member named %s",
			    st->line, key);
			return -1;
		}
	}
	if (ar_add_file(&st->cur, i < 0 ? st->cur.n : (size_t)i + 1, file,
	    o) == -1)
		return -1;
	if (i >= 0) {
		free(st->cur.m[i].name);
		ar_member_release(&st->cur.m[i]);
		memmove(&st->cur.m[i], &st->cur.m[i + 1],
		    (st->cur.n - (size_t)i - 1) * sizeof(*st->cur.m));
		st->cur.n--;
	}
	return 0;
}

/* ADDLIB lib [mod...]: members of another archive, all or the named. */
static int
mri_addlib(struct mri *st, char **argv, int argc)
{
	struct ar_archive *lib;
	struct ar_member *m;
	size_t i;
	int k;

	st->libs = xreallocarray(st->libs, st->nlibs + 1, sizeof(*st->libs));
	lib = &st->libs[st->nlibs];
	if (ar_load(lib, argv[1], AR_MUST_EXIST) == -1) {
		ar_free(lib);
		return -1;
	}
	st->nlibs++;
	for (i = 0; i < lib->n; i++) {
		for (k = 2; k < argc; k++)
			if (strcmp(argv[k], lib->m[i].name) == 0)
				break;
		if (argc > 2 && k == argc)
			continue;
		if (st->cur.n == st->cur.cap) {
			st->cur.cap = st->cur.cap ? st->cur.cap * 2 : 64;
			st->cur.m = xreallocarray(st->cur.m, st->cur.cap,
			    sizeof(*st->cur.m));
		}
		m = &st->cur.m[st->cur.n++];
		*m = lib->m[i];
		m->name = xstrdup(lib->m[i].name);
		m->map = NULL;		/* lib owns the mapping */
	}
	return 0;
}

static int
mri_command(struct mri *st, char **argv, int argc)
{
	const char *c = argv[0];
	struct ar_opts o = *st->o;
	int r = 0;

	o.files = argv + 1;
	o.nfiles = argc - 1;
	o.create = true;
	if (strcasecmp(c, "CREATE") == 0 || strcasecmp(c, "CREATETHIN") == 0 ||
	    strcasecmp(c, "OPEN") == 0) {
		if (argc < 2) {
			diag_error("script", "line %d: %s needs a name",
			    st->line, c);
			return -1;
		}
		mri_close(st);
		if (toupper((unsigned char)c[0]) == 'O') {
			if (ar_load(&st->cur, argv[1], AR_MUST_EXIST) == -1)
				return -1;
		} else {
			memset(&st->cur, 0, sizeof(st->cur));
			st->cur.thin = strlen(c) == 10;
		}
		st->target = xstrdup(argv[1]);
		st->cur.path = st->target;
		st->open = true;
	} else if (strcasecmp(c, "ADDMOD") == 0 ||
	    strcasecmp(c, "REPLACE") == 0) {
		if (need_open(st, c) == -1)
			return -1;
		for (int k = 1; k < argc; k++)
			if (mri_add(st, argv[k], &o,
			    toupper((unsigned char)c[0]) == 'R') == -1)
				r = -1;
	} else if (strcasecmp(c, "ADDLIB") == 0) {
		if (need_open(st, c) == -1 || argc < 2)
			return -1;
		r = mri_addlib(st, argv, argc);
	} else if (strcasecmp(c, "DELETE") == 0) {
		if (need_open(st, c) == -1)
			return -1;
		for (int k = 1; k < argc; k++) {
			ssize_t i = ar_find(&st->cur, argv[k], 1);

			if (i < 0) {
				diag_error("script", "line %d: no member "
				    "named %s", st->line, argv[k]);
				r = -1;
				continue;
			}
			free(st->cur.m[i].name);
			ar_member_release(&st->cur.m[i]);
			memmove(&st->cur.m[i], &st->cur.m[i + 1],
			    (st->cur.n - (size_t)i - 1) * sizeof(*st->cur.m));
			st->cur.n--;
		}
	} else if (strcasecmp(c, "EXTRACT") == 0) {
		if (need_open(st, c) == -1)
			return -1;
		r = ar_extract(&st->cur, &o);
	} else if (strcasecmp(c, "LIST") == 0 ||
	    strcasecmp(c, "DIRECTORY") == 0) {
		if (need_open(st, c) == -1)
			return -1;
		o.nfiles = 0;
		o.verbose = true;
		r = ar_list(&st->cur, &o);
	} else if (strcasecmp(c, "VERBOSE") == 0) {
		st->o->verbose = !st->o->verbose;
	} else if (strcasecmp(c, "CLEAR") == 0) {
		if (st->open)
			st->cur.n = 0;
	} else if (strcasecmp(c, "SAVE") == 0) {
		if (need_open(st, c) == -1)
			return -1;
		r = ar_save(&st->cur, &o);
	} else if (strcasecmp(c, "END") == 0) {
		return 1;
	} else {
		diag_error("script", "line %d: unknown command %s", st->line,
		    c);
		return -1;
	}
	return r;
}

int
ar_mri(struct ar_opts *o)
{
	struct mri st;
	char *line = NULL, *argv[MAXARGS];
	size_t cap = 0, i;
	int argc, r;

	memset(&st, 0, sizeof(st));
	st.o = o;
	while (getline(&line, &cap, stdin) != -1) {
		st.line++;
		if ((argc = split(line, argv)) == 0)
			continue;
		if ((r = mri_command(&st, argv, argc)) == 1)
			break;
	}
	free(line);
	mri_close(&st);
	for (i = 0; i < st.nlibs; i++)
		ar_free(&st.libs[i]);
	free(st.libs);
	return diag_status();
}
