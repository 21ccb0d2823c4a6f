/*
 * size: list section sizes and the total size of object files, as GNU
 * size 2.40 does (see man/size.1).  Each operand is an object or an
 * archive; problems are reported per operand and make the exit status 1.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arread.h"
#include "diag.h"
#include "elfobj.h"
#include "filetype.h"
#include "mapfile.h"
#include "size.h"

enum { OPT_FORMAT = 256, OPT_RADIX, OPT_COMMON, OPT_TARGET };

static const struct option longopts[] = {
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "radix",	required_argument,	NULL, OPT_RADIX },
	{ "common",	no_argument,		NULL, OPT_COMMON },
	{ "totals",	no_argument,		NULL, 't' },
	{ "target",	required_argument,	NULL, OPT_TARGET },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 },
};

static void
usage(void)
{
	fprintf(stderr, "usage: size [-ABGdotx] [--format=berkeley|sysv|gnu] "
	    "[--radix=8|10|16]\n"
	    "            [--common] [file ...]\n");
	exit(1);
}

static void
set_format(struct size_opts *op, const char *arg)
{
	switch (arg[0]) {
	case 'B': case 'b':
		op->format = SIZE_BERKELEY;
		break;
	case 'S': case 's': case 'A': case 'a':
		op->format = SIZE_SYSV;
		break;
	case 'G': case 'g':
		op->format = SIZE_GNU;
		break;
	default:
		diag_error(NULL, "invalid argument to --format: %s", arg);
		usage();
	}
}

static void
set_radix(struct size_opts *op, const char *arg)
{
	if (strcmp(arg, "8") == 0)
		op->radix = 8;
	else if (strcmp(arg, "10") == 0)
		op->radix = 10;
	else if (strcmp(arg, "16") == 0)
		op->radix = 16;
	else {
		diag_error(NULL, "invalid argument to --radix: %s", arg);
		usage();
	}
}

static void
parse_options(int argc, char **argv, struct size_opts *op)
{
	int c;

	while ((c = getopt_long(argc, argv, "ABGdhotVx", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'A': op->format = SIZE_SYSV; break;
		case 'B': op->format = SIZE_BERKELEY; break;
		case 'G': op->format = SIZE_GNU; break;
		case 'd': op->radix = 10; break;
		case 'o': op->radix = 8; break;
		case 'x': op->radix = 16; break;
		case 't': op->totals = true; break;
		case OPT_FORMAT: set_format(op, optarg); break;
		case OPT_RADIX: set_radix(op, optarg); break;
		case OPT_COMMON: op->common = true; break;
		case OPT_TARGET: break;
		case 'V':
			printf("size (objkit) 0.1\n");
			exit(0);
		default:
			usage();
		}
	}
}

static void
size_one(const struct size_opts *op, struct span s, const char *file,
    const char *member)
{
	struct size_obj so;
	char where[1024], err[256];

	if (size_read(op, s, &so, err, sizeof(err)) == -1) {
		fflush(stdout);
		diag_error(diag_name(where, sizeof(where), file, member), "%s",
		    err);
		return;
	}
	size_print(op, &so, member != NULL ? member : file,
	    member != NULL ? file : NULL);
	size_obj_free(&so);
}

static void
size_archive(const struct size_opts *op, const char *path, struct span s)
{
	struct arread ar;
	struct armember m;
	int r;

	if (arread_open(&ar, path, s) == -1) {
		diag_error(path, "%s", ar.err);
		arread_close(&ar);
		return;
	}
	while ((r = arread_next(&ar, &m)) == 1)
		size_one(op, m.data, path, m.name);
	if (r == -1) {
		fflush(stdout);
		diag_error(path, "%s", ar.err);
	}
	arread_close(&ar);
}

static void
size_file(const struct size_opts *op, const char *path)
{
	struct mapfile mf;
	struct span s;

	if (mapfile_open(&mf, path) == -1) {
		fflush(stdout);
		diag_open_error(path);
		return;
	}
	s = mapfile_span(&mf);
	switch (filetype_detect(s)) {
	case FT_AR:
	case FT_AR_THIN:
	case FT_AR_JAGUAR:
		size_archive(op, path, s);
		break;
	default:
		size_one(op, s, path, NULL);
		break;
	}
	mapfile_close(&mf);
}

int
main(int argc, char **argv)
{
	struct size_opts op = { .format = SIZE_BERKELEY, .radix = 10 };
	int i;

	diag_init(argv[0]);
	elfobj_init();
	parse_options(argc, argv, &op);
	if (optind == argc)
		size_file(&op, "a.out");
	for (i = optind; i < argc; i++)
		size_file(&op, argv[i]);
	size_print_totals(&op);
	if (fflush(stdout) == EOF || ferror(stdout))
		diag_fatal("write error on standard output");
	return diag_status();
}
