/*
 * nm: list symbols from object files.  Options and output follow GNU nm
 * 2.40 (see man/nm.1); main reads the options, lists each operand and
 * exits 1 if any operand had a problem.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "elfobj.h"
#include "nm.h"

enum {
	OPT_DEFINED = 256, OPT_SIZE_SORT, OPT_SPECIAL, OPT_WITH_VER,
	OPT_WITHOUT_VER, OPT_QUIET, OPT_NO_DEMANGLE, OPT_IGNORED_ARG,
	OPT_IGNORED, OPT_HELP,
};

static const struct option longopts[] = {
	{ "debug-syms",		no_argument,		NULL, 'a' },
	{ "print-file-name",	no_argument,		NULL, 'A' },
	{ "demangle",		optional_argument,	NULL, 'C' },
	{ "no-demangle",	no_argument,		NULL, OPT_NO_DEMANGLE },
	{ "dynamic",		no_argument,		NULL, 'D' },
	{ "defined-only",	no_argument,		NULL, 'U' },
	{ "format",		required_argument,	NULL, 'f' },
	{ "extern-only",	no_argument,		NULL, 'g' },
	{ "help",		no_argument,		NULL, 'h' },
	{ "just-symbols",	no_argument,		NULL, 'j' },
	{ "line-numbers",	no_argument,		NULL, 'l' },
	{ "numeric-sort",	no_argument,		NULL, 'n' },
	{ "no-sort",		no_argument,		NULL, 'p' },
	{ "portability",	no_argument,		NULL, 'P' },
	{ "reverse-sort",	no_argument,		NULL, 'r' },
	{ "print-size",		no_argument,		NULL, 'S' },
	{ "print-armap",	no_argument,		NULL, 's' },
	{ "size-sort",		no_argument,		NULL, OPT_SIZE_SORT },
	{ "special-syms",	no_argument,		NULL, OPT_SPECIAL },
	{ "radix",		required_argument,	NULL, 't' },
	{ "undefined-only",	no_argument,		NULL, 'u' },
	{ "version",		no_argument,		NULL, 'V' },
	{ "no-weak",		no_argument,		NULL, 'W' },
	{ "with-symbol-versions", no_argument,		NULL, OPT_WITH_VER },
	{ "without-symbol-versions", no_argument,	NULL, OPT_WITHOUT_VER },
	{ "quiet",		no_argument,		NULL, OPT_QUIET },
	{ "synthetic",		no_argument,		NULL, OPT_IGNORED },
	{ "recurse-limit",	no_argument,		NULL, OPT_IGNORED },
	{ "no-recurse-limit",	no_argument,		NULL, OPT_IGNORED },
	{ "target",		required_argument,	NULL, OPT_IGNORED_ARG },
	{ "plugin",		required_argument,	NULL, OPT_IGNORED_ARG },
	{ NULL,			0,			NULL, 0 },
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: nm [-aABCDegjlnoPprSsuUVvW] [-f format] [-t d|o|x] "
	    "[-X 32_64]\n"
	    "          [--defined-only] [--size-sort] [--special-syms] "
	    "[--quiet]\n"
	    "          [--with-symbol-versions] [--without-symbol-versions]\n"
	    "          [file ...]\n");
	exit(1);
}

static void
set_format(struct nm_opts *op, const char *arg)
{
	static const struct {
		const char	*name;
		enum nm_format	 format;
	} tab[] = {
		{ "bsd", NM_BSD }, { "sysv", NM_SYSV }, { "posix", NM_POSIX },
		{ "just-symbols", NM_JUST }, { "json", NM_JSON },
	};
	size_t i, n = strlen(arg);

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (n > 0 && strncasecmp(arg, tab[i].name, n) == 0 &&
		    (n > 1 || arg[0] != 'j' || i == 3)) {
			op->format = tab[i].format;
			return;
		}
	diag_fatal("%s: invalid output format", arg);
}

static void
set_radix(struct nm_opts *op, const char *arg)
{
	if (arg[0] == '\0' || arg[1] != '\0')
		diag_fatal("%s: invalid radix", arg);
	switch (arg[0]) {
	case 'd':
		op->radix = 10;
		break;
	case 'o':
		op->radix = 8;
		break;
	case 'x':
		op->radix = 16;
		break;
	default:
		diag_fatal("%s: invalid radix", arg);
	}
}

static void
parse_options(int argc, char **argv, struct nm_opts *op, bool *numeric,
    bool *nosort)
{
	int c;

	while ((c = getopt_long(argc, argv, "aABCDef:ghjlnoPprSst:uUvVWX:",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'a': op->debug_syms = true; break;
		case 'A': case 'o': op->print_file_name = true; break;
		case 'B': op->format = NM_BSD; break;
		case 'C': op->demangle = true; break;
		case OPT_NO_DEMANGLE: op->demangle = false; break;
		case 'D': op->dynamic = true; break;
		case 'e': case 'l': case OPT_IGNORED: break;
		case OPT_IGNORED_ARG: case 'X': break;
		case 'f': set_format(op, optarg); break;
		case 'g': op->extern_only = true; break;
		case 'j': op->format = NM_JUST; break;
		case 'n': case 'v': *numeric = true; break;
		case 'p': *nosort = true; break;
		case 'P': op->format = NM_POSIX; break;
		case 'r': op->reverse_sort = true; break;
		case 'S': op->print_size = true; break;
		case 's': op->print_armap = true; break;
		case OPT_SIZE_SORT: op->size_sort = true; break;
		case OPT_SPECIAL: op->special_syms = true; break;
		case 't': set_radix(op, optarg); break;
		case 'u': op->undefined_only = true; break;
		case 'U': op->defined_only = true; break;
		case 'W': op->no_weak = true; break;
		case OPT_WITH_VER: op->without_symbol_versions = false; break;
		case OPT_WITHOUT_VER: op->without_symbol_versions = true; break;
		case OPT_QUIET: op->quiet = true; break;
		case 'V':
			printf("nm (objkit) 0.1\n");
			exit(0);
		default:
			usage();
		}
	}
}

int
main(int argc, char **argv)
{
	struct nm_opts op = { .format = NM_BSD, .radix = 16 };
	bool numeric = false, nosort = false;
	int i;

	diag_init(argv[0]);
	setlocale(LC_COLLATE, "");
	elfobj_init();
	parse_options(argc, argv, &op, &numeric, &nosort);
	if (nosort)
		op.sort = NM_SORT_NONE;
	else if (op.size_sort)
		op.sort = NM_SORT_SIZE;
	else
		op.sort = numeric ? NM_SORT_NUMERIC : NM_SORT_NAME;
	if (op.size_sort && op.undefined_only) {
		/* GNU's answer, word for word; it lists nothing and exits 0. */
		fprintf(stderr, "nm: Using the --size-sort and --undefined-only "
		    "options together\n"
		    "nm: will produce no output, since undefined symbols have "
		    "no size.\n");
		return 0;
	}
	op.file_headings = argc - optind > 1;
	if (optind == argc)
		(void)nm_file(&op, "a.out");
	for (i = optind; i < argc; i++)
		(void)nm_file(&op, argv[i]);
	if (op.format == NM_JSON)
		nm_json_finish();
	out_flush();
	return diag_status();
}
