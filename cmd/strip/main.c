/*
 * strip: remove symbols and sections from object files, archives and
 * executables, and never leave a broken or half-written file behind.
 *
 * Each operand is mapped, stripped into a new image of known size and
 * put in place through common/outfile (a temporary file beside the
 * target, renamed over it; a file with several hard links has its
 * contents replaced instead, so every link sees the stripped file).  Any
 * error leaves the original untouched.  The ELF work is in elfin.c,
 * plan.c, symbols.c and layout.c; archives in archive.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "filetype.h"
#include "mapfile.h"
#include "outfile.h"
#include "strip.h"
#include "xalloc.h"

enum {
	OPT_STRIP_UNNEEDED = 256,
	OPT_KEEP_SECTION,
	OPT_ONLY_KEEP_DEBUG,
	OPT_KEEP_FILE_SYMBOLS,
	OPT_HELP,
};

static const struct option longopts[] = {
	{ "strip-all",		no_argument,	   NULL, 's' },
	{ "strip-debug",	no_argument,	   NULL, 'g' },
	{ "strip-unneeded",	no_argument,	   NULL, OPT_STRIP_UNNEEDED },
	{ "discard-all",	no_argument,	   NULL, 'x' },
	{ "discard-locals",	no_argument,	   NULL, 'X' },
	{ "keep-symbol",	required_argument, NULL, 'K' },
	{ "strip-symbol",	required_argument, NULL, 'N' },
	{ "remove-section",	required_argument, NULL, 'R' },
	{ "keep-section",	required_argument, NULL, OPT_KEEP_SECTION },
	{ "wildcard",		no_argument,	   NULL, 'w' },
	{ "only-keep-debug",	no_argument,	   NULL, OPT_ONLY_KEEP_DEBUG },
	{ "keep-file-symbols",	no_argument,	   NULL, OPT_KEEP_FILE_SYMBOLS },
	{ "output-file",	required_argument, NULL, 'o' },
	{ "preserve-dates",	no_argument,	   NULL, 'p' },
	{ "enable-deterministic-archives", no_argument, NULL, 'D' },
	{ "disable-deterministic-archives", no_argument, NULL, 'U' },
	{ "verbose",		no_argument,	   NULL, 'v' },
	{ "help",		no_argument,	   NULL, OPT_HELP },
	{ NULL,			0,		   NULL, 0 },
};

static void usage(void) __attribute__((noreturn));
static void parse_args(struct strip_opts *, int, char **);
static void pat_add(struct patlist *, const char *);
static void process(const struct strip_opts *, const char *);
static int strip_elf_file(const struct strip_opts *, const char *,
    const struct mapfile *, const char *, const struct stat *);
static int finish(const struct strip_opts *, struct outfile *,
    const char *, const struct stat *);

int
main(int argc, char **argv)
{
	struct strip_opts opts;
	int i;

	diag_init(argv[0]);
	parse_args(&opts, argc, argv);
	for (i = optind; i < argc; i++)
		process(&opts, argv[i]);
	free(opts.remove_section.v);
	free(opts.keep_section.v);
	free(opts.keep_symbol.v);
	free(opts.strip_symbol.v);
	return diag_status();
}

static void
usage(void)
{
	fprintf(stderr, "usage: strip [-DdgpSsUvwXx] [-K symbol] "
	    "[-N symbol] [-o file] [-R section]\n"
	    "             [--keep-file-symbols] [--keep-section=section] "
	    "[--only-keep-debug]\n"
	    "             [--strip-unneeded] file ...\n");
	exit(1);
}

static void
pat_add(struct patlist *pl, const char *s)
{
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? pl->cap * 2 : 8;
		pl->v = xreallocarray(pl->v, pl->cap, sizeof(*pl->v));
	}
	pl->v[pl->n++] = s;
}

static void
parse_args(struct strip_opts *o, int argc, char **argv)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->deterministic = true;
	while ((c = getopt_long(argc, argv, "dgK:N:o:pR:SsUvwXxD", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 's': o->strip_all = true; break;
		case 'g': case 'S': case 'd': o->strip_debug = true; break;
		case OPT_STRIP_UNNEEDED: o->strip_unneeded = true; break;
		case 'x': o->discard_all = true; break;
		case 'X': o->discard_locals = true; break;
		case 'K': pat_add(&o->keep_symbol, optarg); break;
		case 'N': pat_add(&o->strip_symbol, optarg); break;
		case 'R': pat_add(&o->remove_section, optarg); break;
		case OPT_KEEP_SECTION: pat_add(&o->keep_section, optarg); break;
		case 'w': o->wildcard = true; break;
		case OPT_ONLY_KEEP_DEBUG: o->only_keep_debug = true; break;
		case OPT_KEEP_FILE_SYMBOLS: o->keep_file_symbols = true; break;
		case 'o': o->output = optarg; break;
		case 'p': o->preserve_dates = true; break;
		case 'D': o->deterministic = true; break;
		case 'U': o->deterministic = false; break;
		case 'v': o->verbose = true; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	if (o->output != NULL && argc - optind > 1) {
		diag_error(NULL, "-o can name only one input file");
		exit(1);
	}
	/* --only-keep-debug is a mode of its own: it strips no symbols. */
	if (o->only_keep_debug)
		o->strip_all = o->strip_debug = o->strip_unneeded =
		    o->discard_all = o->discard_locals = false;
	/* GNU strip: with no choice of what to strip, strip everything. */
	else if (!o->strip_debug && !o->strip_unneeded && !o->discard_all &&
	    !o->discard_locals)
		o->strip_all = true;
}

/*
 * The file to replace: the operand itself, or with -o the output.  A
 * symbolic link is followed, so that the file it names is stripped and
 * the link stays a link (rename would replace the link with a file).
 */
static char *
target_of(const struct strip_opts *o, const char *path)
{
	struct stat st;
	char *real;

	if (o->output != NULL)
		return xstrdup(o->output);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		return real;
	return xstrdup(path);
}

static void
process(const struct strip_opts *o, const char *path)
{
	struct mapfile mf;
	struct stat st;
	char *target;
	struct span s;

	/* Before mapping: mmap itself marks the file accessed (-p). */
	if (stat(path, &st) == -1 || mapfile_open_fd(&mf, path) == -1) {
		diag_errno(path, "cannot open");
		return;
	}
	s = mapfile_span(&mf);
	target = target_of(o, path);
	switch (filetype_detect(s)) {
	case FT_ELF:
		strip_elf_file(o, path, &mf, target, &st);
		break;
	case FT_AR:
	case FT_AR_THIN:
		archive_strip(o, path, s, filetype_detect(s), target, &st);
		break;
	case FT_AR_JAGUAR:
		diag_error(path, "old 58-byte archive headers are not "
		    "supported");
		break;
	case FT_AOUT:
		aout_strip(o, path, s, target, &st);
		break;
	default:
		diag_error(path, "not an object file or archive");
		break;
	}
	free(target);
	mapfile_close(&mf);
}

/* Plan the stripped image of in; 0, or -1 after reporting the error. */
int
strip_elf_plan(const struct strip_opts *o, const char *where,
    struct span in, struct eimg *img)
{
	if (elfin_parse(img, where, in) == -1 || plan_strip(img, o) == -1) {
		diag_error(where, "%s", img->err);
		elfin_free(img);
		return -1;
	}
	return 0;
}

static int
strip_elf_file(const struct strip_opts *o, const char *path,
    const struct mapfile *mf, const char *target, const struct stat *st)
{
	struct outfile of;
	struct eimg img;

	if (strip_elf_plan(o, path, mapfile_span(mf), &img) == -1)
		return -1;
	if (outfile_open(&of, target, st->st_mode & 07777) == -1) {
		diag_errno(target, "cannot create output");
		elfin_free(&img);
		return -1;
	}
	if (layout_write(&img, mf->fd, 0, of.fd) == -1) {
		diag_errno(target, "cannot write output");
		outfile_abort(&of);
		elfin_free(&img);
		return -1;
	}
	elfin_free(&img);
	return finish(o, &of, path, st);
}

/*
 * Put the output in place with the input's owner (when we may set it),
 * mode and, with -p, times.
 */
static int
finish(const struct strip_opts *o, struct outfile *of, const char *path,
    const struct stat *st)
{
	struct timespec ts[2];
	char *target = xstrdup(of->target);
	int rc = 0;

	if (geteuid() == 0 && fchown(of->fd, st->st_uid, st->st_gid) == -1)
		diag_warn(target, "cannot keep the owner: %s",
		    strerror(errno));
	if (outfile_commit(of, o->output != NULL ? 0 :
	    OUTFILE_KEEP_LINKS) == -1) {
		diag_errno(target, "cannot write output");
		free(target);
		return -1;
	}
	if (o->preserve_dates) {
		ts[0] = st->st_atim;
		ts[1] = st->st_mtim;
		if (utimensat(AT_FDCWD, target, ts, 0) == -1) {
			diag_errno(target, "cannot set times");
			rc = -1;
		}
	}
	if (o->verbose)
		printf("copy from `%s' to `%s'\n", path, target);
	free(target);
	return rc;
}

/* Used by archive.c: write a finished archive image through outfile. */
int
strip_write_file(const struct strip_opts *o, const char *path,
    const char *target, const struct stat *st, const unsigned char *buf,
    uint64_t size)
{
	struct outfile of;

	if (outfile_open(&of, target, st->st_mode & 07777) == -1) {
		diag_errno(target, "cannot create output");
		return -1;
	}
	if (outfile_write(&of, buf, (size_t)size) == -1) {
		diag_errno(target, "cannot write output");
		outfile_abort(&of);
		return -1;
	}
	return finish(o, &of, path, st);
}
