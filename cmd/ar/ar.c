/*
 * ar, ranlib: create, modify and extract from archives (man/ar.1,
 * man/ranlib.1; the format is man/ar.5).
 *
 * The command line is GNU ar's: a key of one operation letter and its
 * modifiers, with or without a leading '-', then the relpos and count
 * operands the modifiers ask for, the archive and the files.  Called by
 * a name ending in "ranlib", the program is ranlib (elftoolchain ar/ar.c
 * does the same).  Response files (@file) are expanded first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "diag.h"

#define VERSION "objkit ar 0.1"

static void usage(bool) __attribute__((noreturn));
static int long_option(struct ar_opts *, char **, int, int *);
static int key_letters(struct ar_opts *, const char *);
static int ranlib_main(struct ar_opts *, int, char **);
static int ar_main(struct ar_opts *, int, char **);

static void
usage(bool ranlib)
{
	if (ranlib)
		fprintf(stderr, "usage: ranlib [-DhtUVv] [--plugin name] "
		    "[--target bfdname] archive ...\n");
	else
		fprintf(stderr,
		    "usage: ar [-]{dmpqrstx}[abcDilNOoPSsTUuVv] [--format "
		    "gnu|bsd] [--output dir]\n"
		    "          [--plugin name] [--record-libdeps text] "
		    "[--target bfdname] [--thin]\n"
		    "          [relpos] [count] archive [file ...]\n"
		    "       ar -M [<script]\n");
	exit(1);
}

/*
 * A long option at argv[*i]; returns 1 if it was one, 0 if not, and
 * -1 for a bad one.  --plugin and --target are accepted and ignored:
 * we read every format without being told.
 */
static int
long_option(struct ar_opts *o, char **argv, int argc, int *i)
{
	static const char *const withval[] = { "--plugin", "--target",
	    "--output", "--record-libdeps", "--format", NULL };
	const char *a = argv[*i], *val = NULL, *eq;
	size_t n, k;

	if (strncmp(a, "--", 2) != 0 || a[2] == '\0')
		return 0;
	if (strcmp(a, "--thin") == 0) {
		o->thin = true;
		return 1;
	}
	if (strcmp(a, "--help") == 0)
		usage(o->ranlib);
	if (strcmp(a, "--version") == 0) {
		printf("%s\n", VERSION);
		exit(0);
	}
	eq = strchr(a, '=');
	n = eq != NULL ? (size_t)(eq - a) : strlen(a);
	for (k = 0; withval[k] != NULL; k++)
		if (strlen(withval[k]) == n && strncmp(a, withval[k], n) == 0)
			break;
	if (withval[k] == NULL) {
		diag_error(NULL, "unknown option %s", a);
		return -1;
	}
	if (eq != NULL)
		val = eq + 1;
	else if (*i + 1 < argc)
		val = argv[++*i];
	else {
		diag_error(NULL, "option %s needs a value", a);
		return -1;
	}
	if (k == 2)
		o->output_dir = val;
	else if (k == 3)
		o->libdeps = val;
	else if (k == 4) {
		if (strcmp(val, "bsd") == 0)
			o->bsd = true;
		else if (strcmp(val, "gnu") != 0 &&
		    strcmp(val, "default") != 0) {
			diag_error(NULL, "unknown archive format %s", val);
			return -1;
		}
	}
	return 1;
}

/* The letters of a key: one operation, any modifiers. */
static int
key_letters(struct ar_opts *o, const char *k)
{
	for (; *k != '\0'; k++) {
		switch (*k) {
		case 'd': case 'm': case 'p': case 'q': case 'r': case 't':
		case 'x': case 'M':
			if (o->mode != 0 && o->mode != 's') {
				diag_error(NULL, "two different operation "
				    "options specified");
				return -1;
			}
			o->mode = *k;
			break;
		case 's':
			o->symtab = true;
			if (o->mode == 0)
				o->mode = 's';
			break;
		case 'a': o->after = true; break;
		case 'b': case 'i': o->before = true; break;
		case 'c': o->create = true; break;
		case 'D': o->deterministic = true; break;
		case 'U': o->deterministic = false; break;
		case 'N': o->count = true; break;
		case 'o': o->preserve_dates = true; break;
		case 'O': o->offsets = true; break;
		case 'P': o->full_path = true; break;
		case 'S': o->no_symtab = true; break;
		case 'T': o->thin = true; break;
		case 'u': o->update = true; break;
		case 'v': o->verbose = true; break;
		case 'f': case 'l': break;
		case 'V':
			printf("%s\n", VERSION);
			exit(0);
		case 'h':
			usage(false);
		default:
			diag_error(NULL, "unknown key letter '%c'", *k);
			return -1;
		}
		if (*k == 'l')
			o->libdeps = "";	/* its text is the next operand */
	}
	return 0;
}

static int
ranlib_main(struct ar_opts *o, int argc, char **argv)
{
	int i, r, status = 0, n = 0;

	for (i = 1; i < argc; i++) {
		if ((r = long_option(o, argv, argc, &i)) == -1)
			usage(true);
		if (r == 1)
			continue;
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			break;
		for (const char *p = argv[i] + 1; *p != '\0'; p++) {
			switch (*p) {
			case 'D': o->deterministic = true; break;
			case 'U': o->deterministic = false; break;
			case 't': o->touch = true; break;
			case 'v': o->verbose = true; break;
			case 'V': printf("%s\n", VERSION); exit(0);
			case 'h': usage(true);
			default:
				diag_error(NULL, "unknown option -%c", *p);
				usage(true);
			}
		}
	}
	if (i == argc)
		usage(true);
	o->mode = 's';
	for (; i < argc; i++, n++) {
		o->archive = argv[i];
		if (ar_run(o) != 0)
			status = 1;
	}
	return status;
}

static int
ar_main(struct ar_opts *o, int argc, char **argv)
{
	int i, r;
	bool keyseen = false;
	char **pos;
	int npos = 0;

	pos = calloc((size_t)argc + 1, sizeof(*pos));
	if (pos == NULL)
		diag_fatal("out of memory");
	for (i = 1; i < argc; i++) {
		if ((r = long_option(o, argv, argc, &i)) == -1)
			usage(false);
		if (r == 1)
			continue;
		if (!keyseen && (argv[i][0] != '-' || npos == 0) &&
		    npos == 0) {
			const char *k = argv[i];

			if (k[0] == '-')
				k++;
			if (key_letters(o, k) == -1)
				usage(false);
			keyseen = true;
			continue;
		}
		if (o->libdeps != NULL && o->libdeps[0] == '\0' &&
		    npos == 0) {
			o->libdeps = argv[i];	/* the text after 'l' */
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0' && npos == 0) {
			if (key_letters(o, argv[i] + 1) == -1)
				usage(false);
			continue;
		}
		pos[npos++] = argv[i];
	}
	if (o->mode == 'M') {
		free(pos);
		return ar_mri(o);
	}
	if (o->mode == 0)
		usage(false);
	i = 0;
	if (o->libdeps != NULL && o->libdeps[0] == '\0')
		usage(false);
	if ((o->after || o->before) && o->mode != 'q') {
		if (i >= npos)
			usage(false);
		o->relpos = pos[i++];
	}
	if (o->count) {
		char *end;

		if (i >= npos)
			usage(false);
		o->instance = strtoul(pos[i], &end, 10);
		if (*end != '\0' || o->instance == 0) {
			diag_error(NULL, "bad count %s", pos[i]);
			usage(false);
		}
		i++;
	}
	if (i >= npos)
		usage(false);
	o->archive = pos[i++];
	o->files = pos + i;
	o->nfiles = npos - i;
	r = ar_run(o);
	free(pos);
	return r;
}

int
main(int argc, char **argv)
{
	struct ar_opts o;
	const char *name;
	size_t len;

	diag_init(argv[0]);
	ar_expand_args(&argc, &argv);
	memset(&o, 0, sizeof(o));
	o.deterministic = true;
	name = strrchr(argv[0], '/') != NULL ? strrchr(argv[0], '/') + 1 :
	    argv[0];
	len = strlen(name);
	o.ranlib = len >= 6 && strcmp(name + len - 6, "ranlib") == 0;
	if (o.ranlib)
		diag_set_progname("ranlib");
	if (o.ranlib)
		return ranlib_main(&o, argc, argv);
	if (argc < 2)
		usage(false);
	return ar_main(&o, argc, argv);
}
