/*
 * options.c: parse_args, the command line into struct ld_opts and the
 * list of inputs.
 *
 * GNU ld's syntax: options may start with one dash or two, take their
 * argument as "-oFILE", "-o FILE", "--opt=ARG" or "--opt ARG", and inputs
 * are interleaved with options whose position matters (-l, -(, -Bstatic,
 * --whole-archive, --as-needed).  Everything the gcc and clang drivers pass
 * is accepted; what only matters for dynamic linking is ignored in a
 * static link.  Anything else is "ld: unknown option: X".
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

struct argstate {
	int		  argc;
	char		**argv;
	int		  i;
	int		  group;	/* current group, 0 outside */
	int		  ngroups;
	bool		  whole;
	bool		  bstatic;
	bool		  asneeded;
	bool		  state_whole[8], state_static[8], state_asneeded[8];
	int		  nstate;
	bool		  printed_version;
};

static void	usage(void);
static void	version(bool);
static bool	match(struct argstate *, const char *, const char **);
static bool	flag(const char *, const char *);
static struct input_arg *add_input(struct link *, struct argstate *,
		    const char *);
static void	add_library(struct link *, struct argstate *, const char *);
static bool	parse_one(struct link *, struct argstate *, const char *);
static bool	parse_ignored(struct argstate *, const char *);
static bool	parse_dynamic(struct link *, struct argstate *, const char *);
static void	add_rpath(struct link *, const char *);
static unsigned	thread_count(const char *);
static void	add_rpath_link(struct link *, const char *);
static bool	parse_unresolved(struct ld_opts *, const char *, const char *);
static void	find_sysroot(struct link *, int, char **);

/* Options taking an argument that a static link does not need. */
static const char *const ignored_with_arg[] = {
	"plugin", "plugin-opt", "m", "O", "sysroot",	/* see find_sysroot */
	"exclude-libs", "compress-debug-sections", "color-diagnostics",
	"y", "trace-symbol",
	"Y", "audit", "f", "F", "package-metadata",
	NULL
};

/* Flags that do not change a static link (or are the default). */
static const char *const ignored_flags[] = {
	"eh-frame-hdr-unused", "nostdlib", "sort-common", "warn-common",
	"X", "x", "discard-locals", "discard-all",
	"g", "no-warn-mismatch", "fatal-warnings-unused",
	"no-fatal-warnings", "Qy", "d", "dc", "dp", "color-diagnostics",
	"no-color-diagnostics", "no-relax", "relax", "warn-once",
	"no-copy-dt-needed-entries", "copy-dt-needed-entries",
	"no-gc-sections-unused", "demangle",
	"no-demangle", "warn-shared-textrel",
	"nmagic", "n", "build-id=none-unused", "no-keep-memory",
	"reduce-memory-overheads", "trace", "t", "no-undefined-version",
	"undefined-version", "EL", "eh-frame-hdr-none",
	NULL
};

/*
 * @FILE arguments: the words of FILE (split at white space; quotes and
 * backslashes as in GNU's libiberty expandargv) in place of @FILE.  The
 * drivers use them when a command line gets too long.  Depth is limited
 * so that a file naming itself ends.
 */
static void
expand_file(const char *path, char ***out, int *n, int *cap, int depth)
{
	FILE *fp;
	char *word = NULL;
	size_t len = 0, wcap = 0;
	int c, quote = 0;
	bool in = false;

	if (depth > 8 || (fp = fopen(path, "r")) == NULL) {
		if (depth > 8)
			diag_error(path, "response files nested too deep");
		else
			diag_errno(path, "cannot open");
		return;
	}
	for (;;) {
		c = getc(fp);
		if (c == EOF || (quote == 0 && (c == ' ' || c == '\t' ||
		    c == '\n' || c == '\r'))) {
			if (in) {
				word[len] = '\0';
				if (word[0] == '@' && word[1] != '\0')
					expand_file(word + 1, out, n, cap,
					    depth + 1);
				else {
					if (*n == *cap) {
						*cap = *cap * 2 + 64;
						*out = xreallocarray(*out,
						    (size_t)*cap, sizeof(**out));
					}
					(*out)[(*n)++] = xstrdup(word);
				}
			}
			in = false;
			len = 0;
			if (c == EOF)
				break;
			continue;
		}
		if (c == '\\' && (c = getc(fp)) == EOF)
			break;
		else if (quote == 0 && (c == '\'' || c == '"')) {
			quote = c;
			in = true;
			continue;
		} else if (c == quote) {
			quote = 0;
			continue;
		}
		if (len + 2 > wcap) {
			wcap = wcap * 2 + 64;
			word = xreallocarray(word, wcap, 1);
		}
		word[len++] = (char)c;
		in = true;
	}
	free(word);
	fclose(fp);
}

static void
expand_response_files(struct link *ctx, int *argc, char ***argv)
{
	char **out = NULL;
	int i, n = 0, cap = 0;

	for (i = 0; i < *argc; i++)
		if ((*argv)[i][0] == '@' && (*argv)[i][1] != '\0')
			break;
	if (i == *argc)
		return;
	for (i = 0; i < *argc; i++) {
		if ((*argv)[i][0] == '@' && (*argv)[i][1] != '\0') {
			expand_file((*argv)[i] + 1, &out, &n, &cap, 0);
			continue;
		}
		if (n == cap) {
			cap = cap * 2 + 64;
			out = xreallocarray(out, (size_t)cap, sizeof(*out));
		}
		out[n++] = (*argv)[i];
	}
	*argc = n;
	*argv = out;
	ctx->rspargv = out;	/* kept: the arguments point into it */
}

void
parse_args(struct link *ctx, int argc, char **argv)
{
	struct argstate st;
	const char *a;

	expand_response_files(ctx, &argc, &argv);
	find_sysroot(ctx, argc, argv);
	memset(&st, 0, sizeof(st));
	st.argc = argc;
	st.argv = argv;
	ctx->opts.output = "a.out";
	ctx->opts.relro = true;
	ctx->opts.hash_gnu = ctx->opts.hash_sysv = true;
	ctx->opts.separate_code = true;
	/* Debian's GNU ld is built with --enable-new-dtags: RUNPATH. */
	ctx->opts.new_dtags = true;
	for (st.i = 1; st.i < argc; st.i++) {
		a = argv[st.i];
		if (a[0] != '-' || a[1] == '\0') {
			add_input(ctx, &st, a);
			continue;
		}
		if (!parse_one(ctx, &st, a))
			diag_error(NULL, "unknown option: %s", a);
	}
	if (st.group != 0)
		diag_error(NULL, "--start-group without --end-group");
	if (ctx->nargs == 0 && st.printed_version && diag_errors() == 0)
		exit(0);
	if (ctx->nargs == 0 && diag_errors() == 0)
		diag_error(NULL, "no input files");
	/* Without -rpath, GNU ld records LD_RUN_PATH. */
	if (ctx->opts.rpath == NULL && (a = getenv("LD_RUN_PATH")) != NULL &&
	    *a != '\0') {
		ctx->opts.rpath = a;
		ctx->opts.rpath_from_env = true;
	}
	/* GNU's defaults: only a shared library may leave symbols undefined. */
	if (ctx->opts.unresolved_objs == UNRES_UNSET)
		ctx->opts.unresolved_objs = ctx->opts.shared ? UNRES_IGNORE :
		    UNRES_REPORT;
	if (ctx->opts.unresolved_shlibs == UNRES_UNSET)
		ctx->opts.unresolved_shlibs = ctx->opts.shared ? UNRES_IGNORE :
		    UNRES_REPORT;
	checkpoint(ctx);
}

/*
 * Whether argv[i] is option name (one or two dashes); if the option takes
 * an argument (val non-NULL), *val gets it from "=ARG", the rest of a
 * one-letter option, or the next word.
 */
static bool
match(struct argstate *st, const char *name, const char **val)
{
	const char *a = st->argv[st->i], *p;
	size_t n = strlen(name);

	p = a + 1;
	if (*p == '-')
		p++;
	if (strncmp(p, name, n) != 0)
		return false;
	p += n;
	if (val == NULL)
		return *p == '\0';
	if (*p == '=') {
		*val = p + 1;
		return true;
	}
	if (*p != '\0') {
		/* "-Lpath", "-lc", "-ofile": only for one-letter names. */
		if (n != 1 || a[1] == '-')
			return false;
		*val = p;
		return true;
	}
	if (st->i + 1 >= st->argc) {
		diag_error(NULL, "option requires an argument: %s", a);
		*val = "";
		return true;
	}
	*val = st->argv[++st->i];
	return true;
}

static bool
flag(const char *a, const char *name)
{
	a++;
	if (*a == '-')
		a++;
	return strcmp(a, name) == 0;
}

static bool
parse_one(struct link *ctx, struct argstate *st, const char *a)
{
	struct ld_opts *o = &ctx->opts;
	const char *v;

	/* First, so that "-export-dynamic" is not "-e xport-dynamic". */
	if (!flag(a, "help") && parse_dynamic(ctx, st, a))
		return true;
	if (match(st, "o", &v) || match(st, "output", &v))
		o->output = v;
	else if (match(st, "e", &v) || match(st, "entry", &v))
		o->entry = v;
	else if (match(st, "L", &v) || match(st, "library-path", &v)) {
		/* "-L=DIR" is DIR in the sysroot, not DIR. */
		if (strncmp(a, "-L=", 3) == 0)
			v = a + 2;
		if (ctx->nlibdirs == ctx->caplibdirs) {
			ctx->caplibdirs = ctx->caplibdirs * 2 + 8;
			ctx->libdirs = xreallocarray(ctx->libdirs,
			    ctx->caplibdirs, sizeof(*ctx->libdirs));
		}
		ctx->libdirs[ctx->nlibdirs++] = sysroot_path(ctx, v);
	} else if (match(st, "l", &v) || match(st, "library", &v))
		add_library(ctx, st, v);
	else if (flag(a, "(") || flag(a, "start-group")) {
		if (st->group != 0)
			diag_error(NULL, "nested --start-group");
		st->group = ++st->ngroups;
	} else if (flag(a, ")") || flag(a, "end-group")) {
		if (st->group == 0)
			diag_error(NULL, "--end-group without --start-group");
		st->group = 0;
	} else if (flag(a, "static") || flag(a, "Bstatic") ||
	    flag(a, "dn") || flag(a, "non_shared")) {
		st->bstatic = true;
	} else if (flag(a, "Bdynamic") || flag(a, "dy") ||
	    flag(a, "call_shared"))
		st->bstatic = false;
	else if (flag(a, "whole-archive"))
		st->whole = true;
	else if (flag(a, "no-whole-archive"))
		st->whole = false;
	else if (flag(a, "push-state")) {
		if (st->nstate < 8) {
			st->state_whole[st->nstate] = st->whole;
			st->state_static[st->nstate] = st->bstatic;
			st->state_asneeded[st->nstate] = st->asneeded;
		}
		st->nstate++;
	} else if (flag(a, "pop-state")) {
		if (st->nstate == 0)
			diag_error(NULL, "--pop-state without --push-state");
		else if (--st->nstate < 8) {
			st->whole = st->state_whole[st->nstate];
			st->bstatic = st->state_static[st->nstate];
			st->asneeded = st->state_asneeded[st->nstate];
		}
	} else if (flag(a, "build-id"))
		o->build_id = "sha1";
	else if (match(st, "build-id", &v))
	{
		o->build_id = strcmp(v, "none") == 0 ? NULL : v;
		if (o->build_id != NULL && build_id_size(v) == 0)
			diag_error(NULL, "unknown --build-id style: %s", v);
	}
	else if (flag(a, "eh-frame-hdr"))
		o->eh_frame_hdr = true;
	else if (flag(a, "no-eh-frame-hdr"))
		o->eh_frame_hdr = false;
	else if (flag(a, "gc-sections"))
		o->gc_sections = true;
	else if (flag(a, "no-gc-sections"))
		o->gc_sections = false;
	else if (flag(a, "print-gc-sections"))
		o->print_gc_sections = true;
	else if (flag(a, "no-print-gc-sections"))
		o->print_gc_sections = false;
	else if (match(st, "u", &v) || match(st, "undefined", &v)) {
		if (ctx->nundefs < sizeof(ctx->undefs) / sizeof(ctx->undefs[0]))
			ctx->undefs[ctx->nundefs++] = v;
	} else if (match(st, "Map", &v))
		o->map_file = v;
	else if (flag(a, "M") || flag(a, "print-map"))
		o->print_map = true;
	else if (flag(a, "s") || flag(a, "strip-all"))
		o->strip_all = true;
	else if (flag(a, "S") || flag(a, "strip-debug"))
		o->strip_debug = true;
	else if (flag(a, "fatal-warnings"))
		o->fatal_warnings = true;
	else if (flag(a, "verbose"))
		o->verbose = true;
	else if (flag(a, "stats"))
		o->stats = true;
	else if (flag(a, "threads"))
		o->threads = 0;
	else if (flag(a, "no-threads"))
		o->threads = 1;
	else if (match(st, "threads", &v) || match(st, "thread-count", &v))
		o->threads = thread_count(v);
	else if (flag(a, "version"))
		version(true);
	else if (flag(a, "v") || flag(a, "V")) {
		version(false);
		st->printed_version = true;
	}
	else if (flag(a, "help")) {
		/*
		 * libtool's configure greps --help for ": supported
		 * targets:.* elf" and, without it, decides that the linker
		 * cannot build shared libraries (mold and lld print the
		 * line for the same reason).
		 */
		fprintf(stderr, "ld: supported targets: elf64-x86-64\n"
		    "ld: supported emulations: elf_x86_64\n");
		usage();
	}
	else if (flag(a, "r") || flag(a, "relocatable"))
		diag_error(NULL, "%s: relocatable output is not supported", a);
	else if (match(st, "z", &v)) {
		if (strcmp(v, "relro") == 0)
			o->relro = true;
		else if (strcmp(v, "norelro") == 0)
			o->relro = false;
		else if (strcmp(v, "now") == 0)
			o->now = true;
		else if (strcmp(v, "lazy") == 0)
			o->now = false;
		else if (strcmp(v, "defs") == 0)
			o->unresolved_objs = UNRES_REPORT;
		else if (strcmp(v, "undefs") == 0)
			o->unresolved_objs = UNRES_IGNORE;
		else if (strcmp(v, "nodelete") == 0)
			o->z_nodelete = true;
		else if (strcmp(v, "origin") == 0)
			o->z_origin = true;
		else if (strcmp(v, "text") == 0)
			o->z_text = true;
		else if (strcmp(v, "notext") == 0 ||
		    strcmp(v, "textoff") == 0)
			o->z_text = false;
		else if (strcmp(v, "separate-code") == 0)
			o->separate_code = true;
		else if (strcmp(v, "noseparate-code") == 0)
			o->separate_code = false;
		else if (strcmp(v, "execstack") == 0)
			o->exec_stack = 1;
		else if (strcmp(v, "noexecstack") == 0)
			o->exec_stack = -1;
	} else
		return parse_ignored(st, a);
	return true;
}

/* The options of dynamic linking (see dynamic.c and shlib.c). */
static bool
parse_dynamic(struct link *ctx, struct argstate *st, const char *a)
{
	struct ld_opts *o = &ctx->opts;
	const char *v;

	/* Before -h SONAME, which would take "-hash-style" otherwise. */
	if (match(st, "hash-style", &v)) {
		o->hash_sysv = strcmp(v, "sysv") == 0 || strcmp(v, "both") == 0;
		o->hash_gnu = strcmp(v, "gnu") == 0 || strcmp(v, "both") == 0;
		if (!o->hash_sysv && !o->hash_gnu)
			diag_error(NULL, "unknown --hash-style: %s", v);
	} else if (flag(a, "pie") || flag(a, "pic-executable"))
		o->pie = true;
	else if (flag(a, "no-pie"))
		o->pie = false;
	else if (flag(a, "shared") || flag(a, "Bshareable"))
		o->shared = true;
	else if (flag(a, "static-pie")) {
		o->static_pie = o->pie = true;
		o->no_dynamic_linker = true;
		st->bstatic = true;
	} else if (flag(a, "as-needed"))
		st->asneeded = true;
	else if (flag(a, "no-as-needed"))
		st->asneeded = false;
	else if (flag(a, "export-dynamic") || flag(a, "E"))
		o->export_dynamic = true;
	else if (flag(a, "no-export-dynamic"))
		o->export_dynamic = false;
	else if (flag(a, "Bsymbolic"))
		o->bsymbolic = true;
	else if (flag(a, "Bsymbolic-functions"))
		o->bsymbolic_functions = true;
	else if (flag(a, "enable-new-dtags"))
		o->new_dtags = true;
	else if (flag(a, "disable-new-dtags"))
		o->new_dtags = false;
	else if (flag(a, "no-undefined"))
		o->unresolved_objs = UNRES_REPORT;
	else if (parse_unresolved(o, a, NULL))
		;
	else if (match(st, "unresolved-symbols", &v)) {
		if (!parse_unresolved(o, a, v))
			diag_error(NULL, "bad --unresolved-symbols option: %s",
			    v);
	} else if (match(st, "rpath-link", &v))
		add_rpath_link(ctx, v);
	else if (flag(a, "no-dynamic-linker"))
		o->no_dynamic_linker = true;
	else if (match(st, "dynamic-linker", &v) || match(st, "I", &v))
		o->dynamic_linker = v;
	else if (match(st, "soname", &v) || match(st, "h", &v))
		o->soname = v;
	else if (match(st, "rpath", &v) || match(st, "R", &v))
		add_rpath(ctx, v);
	else if (match(st, "wrap", &v))
		add_wrap(ctx, v);
	else if (match(st, "defsym", &v))
		add_defsym(ctx, v);
	else if (match(st, "version-script", &v))
		o->version_script = v;
	else if (match(st, "dynamic-list", &v))
		o->dynamic_list = v;
	else
		return false;
	return true;
}

/* --threads=N: 1 to 64 (the pool's limit); "all" is the default. */
static unsigned
thread_count(const char *v)
{
	unsigned long n;
	char *end;

	if (strcmp(v, "all") == 0)
		return 0;
	n = strtoul(v, &end, 10);
	if (end == v || *end != '\0' || n == 0 || n > 64) {
		diag_error(NULL, "--threads: not a thread count from 1 to 64: "
		    "%s", v);
		return 0;
	}
	return (unsigned)n;
}

/* A ':'-separated list with dir appended. */
static const char *
path_append(const char *old, const char *dir)
{
	char *p;
	size_t n;

	if (old == NULL)
		return dir;
	n = strlen(old) + strlen(dir) + 2;
	p = xmalloc(n);
	snprintf(p, n, "%s:%s", old, dir);
	return p;
}

/* -rpath DIR, repeated: the directories joined by ':' in order. */
static void
add_rpath(struct link *ctx, const char *dir)
{
	ctx->opts.rpath = path_append(ctx->opts.rpath, dir);
}

/* -rpath-link DIR: where libraries' own DT_NEEDED are looked for. */
static void
add_rpath_link(struct link *ctx, const char *dir)
{
	ctx->opts.rpath_link = path_append(ctx->opts.rpath_link,
	    sysroot_path(ctx, dir));
}

/*
 * --sysroot=DIR, wherever it is: GNU ld reads it before the other
 * options, since -L=DIR and the library search depend on it.  The last
 * one wins.
 */
static void
find_sysroot(struct link *ctx, int argc, char **argv)
{
	const char *a, *v = "";
	char *real;
	int i;

	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (a[0] != '-')
			continue;
		a += a[1] == '-' ? 2 : 1;
		if (strncmp(a, "sysroot=", 8) == 0)
			v = a + 8;
		else if (strcmp(a, "sysroot") == 0 && i + 1 < argc)
			v = argv[++i];
	}
	/* "/" is no sysroot at all: every path is already inside it. */
	if (strcmp(v, "/") == 0)
		v = "";
	ctx->opts.sysroot = v;
	ctx->opts.sysroot_real = "";
	if (*v == '\0')
		return;
	if ((real = realpath(v, NULL)) == NULL) {
		diag_warn(NULL, "--sysroot=%s: %s", v, strerror(errno));
		return;
	}
	ctx->opts.sysroot_real = real;
}

/*
 * A directory or file name of the command line or a script: a leading
 * '=' or "$SYSROOT" stands for the sysroot (nothing without one), as in
 * GNU ld.
 */
const char *
sysroot_path(const struct link *ctx, const char *path)
{
	const char *rest, *root;
	size_t n;
	char *p;

	if (path[0] == '=')
		rest = path + 1;
	else if (strncmp(path, "$SYSROOT", 8) == 0)
		rest = path + 8;
	else
		return path;
	root = ctx->opts.sysroot != NULL ? ctx->opts.sysroot : "";
	n = strlen(root) + strlen(rest) + 1;
	p = xmalloc(n);
	snprintf(p, n, "%s%s", root, rest);
	return p;
}

/* Whether file (a linker script) is inside the sysroot. */
bool
in_sysroot(const struct link *ctx, const char *file)
{
	const char *root = ctx->opts.sysroot_real;
	size_t n = root != NULL ? strlen(root) : 0;
	char *real;
	bool in;

	if (n == 0 || (real = realpath(file, NULL)) == NULL)
		return false;
	in = strncmp(real, root, n) == 0 && real[n] == '/';
	free(real);
	return in;
}

/*
 * The options saying which undefined symbols are errors: the flags when
 * v is NULL (false if a is none of them), else --unresolved-symbols=v.
 * The last one given wins, as with GNU ld.
 */
static bool
parse_unresolved(struct ld_opts *o, const char *a, const char *v)
{
	static const struct {
		const char	*name;
		int		 objs, shlibs;
	} kw[] = {
		{ "ignore-all", UNRES_IGNORE, UNRES_IGNORE },
		{ "report-all", UNRES_REPORT, UNRES_REPORT },
		{ "ignore-in-object-files", UNRES_IGNORE, UNRES_REPORT },
		{ "ignore-in-shared-libs", UNRES_REPORT, UNRES_IGNORE },
	};
	size_t i;

	if (v == NULL) {
		if (flag(a, "allow-shlib-undefined"))
			o->unresolved_shlibs = UNRES_IGNORE;
		else if (flag(a, "no-allow-shlib-undefined"))
			o->unresolved_shlibs = UNRES_REPORT;
		else if (flag(a, "warn-unresolved-symbols"))
			o->warn_unresolved = true;
		else if (flag(a, "error-unresolved-symbols"))
			o->warn_unresolved = false;
		else
			return false;
		return true;
	}
	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (strcmp(v, kw[i].name) == 0) {
			o->unresolved_objs = kw[i].objs;
			o->unresolved_shlibs = kw[i].shlibs;
			return true;
		}
	return false;
}

static bool
parse_ignored(struct argstate *st, const char *a)
{
	const char *v;
	size_t i;

	for (i = 0; ignored_flags[i] != NULL; i++)
		if (flag(a, ignored_flags[i]))
			return true;
	for (i = 0; ignored_with_arg[i] != NULL; i++)
		if (match(st, ignored_with_arg[i], &v))
			return true;
	/* -O1, -O2: the level is glued on. */
	if (a[1] == 'O' && a[2] >= '0' && a[2] <= '9')
		return true;
	return false;
}

static struct input_arg *
add_input(struct link *ctx, struct argstate *st, const char *path)
{
	struct input_arg *ia;

	ia = insert_input(ctx, ctx->nargs, path, st->group);
	ia->whole_archive = st->whole;
	ia->as_needed = st->asneeded;
	ia->bstatic = st->bstatic;
	return ia;
}

/* A new input at position at (a linker script's inputs go after it). */
struct input_arg *
insert_input(struct link *ctx, size_t at, const char *path, int group)
{
	struct input_arg *ia;

	if (ctx->nargs == ctx->capargs) {
		ctx->capargs = ctx->capargs * 2 + 16;
		ctx->args = xreallocarray(ctx->args, ctx->capargs,
		    sizeof(*ctx->args));
	}
	memmove(&ctx->args[at + 1], &ctx->args[at],
	    (ctx->nargs - at) * sizeof(*ctx->args));
	ctx->nargs++;
	ia = &ctx->args[at];
	memset(ia, 0, sizeof(*ia));
	ia->path = path;
	ia->group = group;
	return ia;
}

/*
 * -lNAME: libNAME.so, then libNAME.a, in each -L directory in order (only
 * libNAME.a when shared is false: -Bstatic); -l:FILE: FILE.
 */
const char *
find_library(struct link *ctx, const char *name, bool shared)
{
	char path[4096];
	struct stat sb;
	size_t i;
	int k;

	for (i = 0; i < ctx->nlibdirs; i++) {
		for (k = shared ? 0 : 1; k < 2; k++) {
			if (name[0] == ':')
				snprintf(path, sizeof(path), "%s/%s",
				    ctx->libdirs[i], name + 1);
			else
				snprintf(path, sizeof(path), "%s/lib%s.%s",
				    ctx->libdirs[i], name, k == 0 ? "so" : "a");
			if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
				return xstrdup(path);
			if (name[0] == ':')
				break;
		}
	}
	return NULL;
}

static void
add_library(struct link *ctx, struct argstate *st, const char *name)
{
	const char *found;

	if ((found = find_library(ctx, name, !st->bstatic)) != NULL) {
		add_input(ctx, st, found)->searched = true;
		return;
	}
	diag_error(NULL, "cannot find -l%s", name);
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ld [-EMSsv] [-e entry] [-L dir] [-l name] [-Map file]"
	    " [-o file]\n"
	    "          [--build-id[=style]] [--eh-frame-hdr] [--gc-sections]\n"
	    "          [--start-group] [--end-group] [-static] [-z keyword]\n"
	    "          [-pie | -no-pie | -shared | -static-pie]"
	    " [-soname name]\n"
	    "          [-dynamic-linker file] [-rpath dir]"
	    " [-rpath-link dir]\n"
	    "          [--allow-shlib-undefined]"
	    " [--unresolved-symbols=method]\n"
	    "          [--hash-style=style] [--as-needed]"
	    " [--version-script file]\n"
	    "          [-Bsymbolic] [--threads[=count] | --no-threads]"
	    " [--stats]\n"
	    "          file ...\n");
	exit(1);
}

static void
version(bool quit)
{
	printf("objkit ld 0.1 (compatible with GNU ld)\n");
	if (quit)
		exit(0);
}
