/*
 * ldconfig: configure the run-time linker's cache.
 *
 * Default: glibc's ld.so.cache, with glibc 2.36's command line and
 * byte-identical output (../shared/spec/ld.so.cache.md).  With -b, or
 * when invoked as ldconfig.bsd: the BSD ld.so.hints (bsd.c,
 * ../shared/spec/ld.so.hints.md).  --resolve FILE: which file each
 * DT_NEEDED entry of FILE would load, without running it (resolve.c),
 * or each ld_need entry of an a.out FILE (resolve_aout.c).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ldconfig.h"

#define DEFAULT_CACHE	"/etc/ld.so.cache"
#define DEFAULT_CONF	"/etc/ld.so.conf"
#define DEFAULT_GEN	"ldconfig (objkit) stable release version 2.36"

struct ldconfig_opts opts;

enum { OPT_GENERATOR = 256, OPT_RESOLVE, OPT_HELP, OPT_USAGE };

static const struct option longopts[] = {
	{ "print-cache",	no_argument,		NULL, 'p' },
	{ "verbose",		no_argument,		NULL, 'v' },
	{ "format",		required_argument,	NULL, 'c' },
	{ "ignore-aux-cache",	no_argument,		NULL, 'i' },
	{ "bsd",		no_argument,		NULL, 'b' },
	{ "generator",		required_argument,	NULL, OPT_GENERATOR },
	{ "resolve",		required_argument,	NULL, OPT_RESOLVE },
	{ "help",		no_argument,		NULL, OPT_HELP },
	{ "usage",		no_argument,		NULL, OPT_USAGE },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 },
};

/* The synopsis, to stderr for a usage error or stdout when asked for. */
static void
usage_to(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: ldconfig [-inNpvVX] [-C cache] [-c format] [-f conf] "
	    "[-r root]\n"
	    "                [--generator string] [directory ...]\n"
	    "       ldconfig -l [-v] [-r root] library ...\n"
	    "       ldconfig --resolve file [-C cache] [-r root]\n"
	    "       ldconfig -b [-imRrsv] [-f hints] [--elf] "
	    "[--hints-version 1|2]\n"
	    "                   [--word-size 4|8] [--big-endian] "
	    "[--root dir] [directory ...]\n"
	    "       ldconfig -b --resolve file [-f hints] [--root dir]\n");
	exit(status);
}

static void
usage(void)
{
	usage_to(stderr, 1);
}

/* The root, without trailing slashes and with symbolic links resolved. */
static char *
canon_root(const char *arg)
{
	char buf[PATH_MAX], *r;
	size_t n;

	r = xstrdup(arg);
	n = strlen(r);
	while (n > 0 && r[n - 1] == '/')
		r[--n] = '\0';
	if (n == 0) {
		free(r);
		return NULL;
	}
	if (realpath(r, buf) == NULL)
		diag_fatal("%s: cannot use as root directory", r);
	free(r);
	if (strcmp(buf, "/") == 0)
		return NULL;
	return xstrdup(buf);
}

/* The cache file's host path: its directory resolved inside the root. */
static char *
cache_path(const char *file)
{
	const char *slash = strrchr(file, '/');
	char *dir, *canon, *p;

	if (opts.root == NULL)
		return xstrdup(file);
	dir = slash ? xstrndup(file, slash - file) : xstrdup("/");
	canon = root_canon(opts.root, dir[0] ? dir : "/");
	if (canon == NULL)
		diag_fatal("can't open cache file directory %s", dir);
	p = xmalloc(strlen(canon) + strlen(file) + 2);
	sprintf(p, "%s/%s", canon, slash ? slash + 1 : file);
	free(canon);
	free(dir);
	return p;
}

static int
glibc_main(int argc, char **argv)
{
	struct dir_list dl = { NULL, 0, 0 };
	struct cache c;
	char *file, *host;
	int i, rc = 0;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < argc; i++) {
		if (!opts.no_cache && argv[i][0] != '/')
			diag_fatal("relative path `%s' used to build cache",
			    argv[i]);
		if (!opts.manual_link && !opts.print_cache)
			dirs_add(&dl, &c, argv[i], "<cmdline>", 0);
	}
	if (opts.print_cache) {
		host = root_canon(opts.root, opts.cache_file);
		if (host == NULL)
			diag_fatal("Can't open cache file %s", opts.cache_file);
		rc = cache_print(host, opts.cache_file);
		free(host);
	} else if (opts.manual_link) {
		for (i = 0; i < argc; i++)
			manual_link(argv[i]);
	} else {
		if (!opts.only_cmdline) {
			conf_parse(&dl, &c, opts.conf_file, true);
			dirs_add_system(&dl, &c);
		}
		scan_dirs(&dl, &c);
		if (!opts.no_cache) {
			file = cache_path(opts.cache_file);
			rc = cache_save(&c, file);
			free(file);
		}
	}
	dirs_free(&dl);
	cache_free(&c);
	return rc | diag_status();
}

/*
 * --resolve: an ELF program goes through the ld.so.cache, an a.out one
 * through the BSD hints, /var/run/ld.so.hints in the root unless -C
 * names another file there.
 */
static int
resolve_glibc(int argc)
{
	char *hints;
	int rc;

	if (argc > 0)
		usage();
	hints = root_canon(opts.root, opts.cache_given ? opts.cache_file :
	    BSD_AOUT_HINTS);
	rc = resolve_main(opts.resolve, hints);
	free(hints);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *base;
	char *root = NULL;
	int ch, rc;

	diag_init(argv[0]);
	base = strrchr(argv[0], '/');
	base = base ? base + 1 : argv[0];
	if (strcmp(base, "ldconfig.bsd") == 0 || (argc > 1 &&
	    strcmp(argv[1], "-b") == 0))
		return bsd_main(argc, argv);
	opts.cache_file = DEFAULT_CACHE;
	opts.conf_file = DEFAULT_CONF;
	opts.generator = DEFAULT_GEN;
	opts.format = 2;
	while ((ch = getopt_long(argc, argv, "bC:c:f:ilNnpr:VvX", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b':
			diag_fatal("-b must be the first option");
		case 'C':
			opts.cache_file = optarg;
			opts.cache_given = true;
			break;
		case 'c':
			if (strcmp(optarg, "old") == 0)
				opts.format = 0;
			else if (strcmp(optarg, "compat") == 0)
				opts.format = 1;
			else if (strcmp(optarg, "new") == 0)
				opts.format = 2;
			break;
		case 'f':
			opts.conf_file = optarg;
			break;
		case 'i':	/* we keep no auxiliary cache */
			break;
		case 'l':
			opts.manual_link = true;
			break;
		case 'n':
			opts.only_cmdline = true;
			/* FALLTHROUGH */
		case 'N':
			opts.no_cache = true;
			break;
		case 'p':
			opts.print_cache = true;
			break;
		case 'r':
			opts.root = optarg;
			break;
		case 'v':
			opts.verbose = true;
			break;
		case 'X':
			opts.no_links = true;
			break;
		case OPT_GENERATOR:
			opts.generator = optarg;
			break;
		case OPT_RESOLVE:
			opts.resolve = optarg;
			break;
		case 'V':
			printf("ldconfig (objkit) 2.36\n");
			return 0;
		case OPT_HELP:
		case OPT_USAGE:
			usage_to(stdout, 0);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (opts.root != NULL)
		opts.root = root = canon_root(opts.root);
	if (opts.resolve != NULL)
		rc = resolve_glibc(argc);
	else
		rc = glibc_main(argc, argv);
	free(root);
	return rc;
}
