/*
 * readelf: display the contents of ELF and a.out object files.
 *
 * For ELF the output is that of GNU readelf 2.40, byte for byte, so that
 * scripts written against it keep working; for a.out, which GNU no longer
 * reads, aout_dump (aout_*.c) defines the format in the same spirit.
 * Archives are walked member by member with "File: lib.a(m.o)" headings.
 * --explain and --json are ours: a line of explanation under each field
 * for a student, and one JSON document for programs.
 */
#include <sys/mman.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aout_dump.h"
#include "arread.h"
#include "diag.h"
#include "filetype.h"
#include "mapfile.h"
#include "readelf.h"
#include "xalloc.h"

/*
 * The a.out dumper lives on another branch until it is merged; a weak
 * reference keeps this program linking without it.
 */
extern int aout_dump(const char *, struct span, unsigned)
    __attribute__((weak));

enum {
	OPT_DYN_SYMS = 256, OPT_SYM_BASE, OPT_NO_DEMANGLE, OPT_EXPLAIN,
	OPT_JSON, OPT_SEGMENTS, OPT_SECTIONS, OPT_DEBUG_DUMP, OPT_RECURSE,
};

static const struct option longopts[] = {
	{ "all",		no_argument,		NULL, 'a' },
	{ "file-header",	no_argument,		NULL, 'h' },
	{ "program-headers",	no_argument,		NULL, 'l' },
	{ "segments",		no_argument,		NULL, 'l' },
	{ "section-headers",	no_argument,		NULL, 'S' },
	{ "sections",		no_argument,		NULL, 'S' },
	{ "section-groups",	no_argument,		NULL, 'g' },
	{ "section-details",	no_argument,		NULL, 't' },
	{ "headers",		no_argument,		NULL, 'e' },
	{ "syms",		no_argument,		NULL, 's' },
	{ "symbols",		no_argument,		NULL, 's' },
	{ "dyn-syms",		no_argument,		NULL, OPT_DYN_SYMS },
	{ "sym-base",		required_argument,	NULL, OPT_SYM_BASE },
	{ "demangle",		optional_argument,	NULL, 'C' },
	{ "no-demangle",	no_argument,		NULL, OPT_NO_DEMANGLE },
	{ "recurse-limit",	no_argument,		NULL, OPT_RECURSE },
	{ "no-recurse-limit",	no_argument,		NULL, OPT_RECURSE },
	{ "notes",		no_argument,		NULL, 'n' },
	{ "relocs",		no_argument,		NULL, 'r' },
	{ "unwind",		no_argument,		NULL, 'u' },
	{ "dynamic",		no_argument,		NULL, 'd' },
	{ "version-info",	no_argument,		NULL, 'V' },
	{ "arch-specific",	no_argument,		NULL, 'A' },
	{ "archive-index",	no_argument,		NULL, 'c' },
	{ "use-dynamic",	no_argument,		NULL, 'D' },
	{ "hex-dump",		required_argument,	NULL, 'x' },
	{ "string-dump",	required_argument,	NULL, 'p' },
	{ "relocated-dump",	required_argument,	NULL, 'R' },
	{ "decompress",		no_argument,		NULL, 'z' },
	{ "debug-dump",		optional_argument,	NULL, OPT_DEBUG_DUMP },
	{ "histogram",		no_argument,		NULL, 'I' },
	{ "wide",		no_argument,		NULL, 'W' },
	{ "silent-truncation",	no_argument,		NULL, 'T' },
	{ "explain",		no_argument,		NULL, OPT_EXPLAIN },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "help",		no_argument,		NULL, 'H' },
	{ "version",		no_argument,		NULL, 'v' },
	{ NULL,			0,			NULL, 0 }
};

static void	usage(void) __attribute__((noreturn));
static void	parse_args(struct readelf_opts *, int, char **);
static void	add_dump(struct readelf_opts *, enum dumpkind, const char *);
static bool	wants_something(const struct readelf_opts *);
static void	process_file(const struct readelf_opts *, const char *, bool);
static void	process_archive(const struct readelf_opts *, const char *,
		    struct span, bool, bool);
static void	process_member(const struct readelf_opts *, const char *,
		    struct span, bool);
static void	process_elf(const struct readelf_opts *, const char *,
		    struct span, bool);
static void	process_aout(const struct readelf_opts *, const char *,
		    struct span, bool);
static unsigned	aout_what(const struct readelf_opts *);
static void	archive_index(struct arread *, const char *);
static void	json_separator(void);
static void	release(struct span, struct span, uintptr_t *);

static bool	json_first = true;

int
main(int argc, char **argv)
{
	struct readelf_opts opts;
	/* Small: the long dumps (-s, -r) write their own batches. */
	static char obuf[1 << 16];
	bool show_name;
	int i;

	diag_init(argv[0]);
	/* As GNU: multibyte characters in strings follow the locale. */
	setlocale(LC_CTYPE, "");
	parse_args(&opts, argc, argv);
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	show_name = argc - optind > 1;
	if (opts.json)
		out("{\"files\":[");
	for (i = optind; i < argc; i++)
		process_file(&opts, argv[i], show_name);
	if (opts.json)
		out("]}\n");
	if (fflush(stdout) != 0 || ferror(stdout))
		diag_fatal("write error on standard output: %s",
		    strerror(errno));
	free(opts.dumps);
	return diag_status();
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: readelf [-aAcCdDeghHIlnrsStTuVvWz] [--dyn-syms] "
	    "[--sym-base=base]\n"
	    "               [-x section] [-p section] [-R section] "
	    "[--explain] [--json]\n"
	    "               file ...\n"
	    "       (-w and --debug-dump, the DWARF dumps, are later work)\n");
	exit(1);
}

static void
parse_args(struct readelf_opts *o, int argc, char **argv)
{
	int c;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv,
	    "aAcCdDeghHIlnNp:rR:sStTuvVwWx:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			o->file_header = o->program_headers = true;
			o->section_headers = o->syms = o->relocs = true;
			o->dynamic = o->version_info = o->arch_specific = true;
			o->histogram = o->notes = o->section_groups = true;
			o->unwind = true;
			break;
		case 'e':
			o->file_header = o->program_headers = true;
			o->section_headers = true;
			break;
		case 'h': o->file_header = true; break;
		case 'l': o->program_headers = true; break;
		case 'S': o->section_headers = true; break;
		case 'g': o->section_groups = true; break;
		case 't':
			o->section_details = o->section_headers = true;
			break;
		case 's': o->syms = true; break;
		case OPT_DYN_SYMS: o->dyn_syms = true; break;
		case 'C': o->demangle = true; break;
		case 'N':
		case OPT_NO_DEMANGLE: o->demangle = false; break;
		case OPT_RECURSE: break;
		case 'n': o->notes = true; break;
		case 'r': o->relocs = true; break;
		case 'u': o->unwind = true; break;
		case 'd': o->dynamic = true; break;
		case 'V': o->version_info = true; break;
		case 'A': o->arch_specific = true; break;
		case 'c': o->archive_index = true; break;
		case 'D': o->use_dynamic = true; break;
		case 'x': add_dump(o, DUMP_HEX, optarg); break;
		case 'p': add_dump(o, DUMP_STRING, optarg); break;
		case 'R': add_dump(o, DUMP_RELOC, optarg); break;
		case 'z': o->decompress = true; break;
		case 'I': o->histogram = true; break;
		case 'W': o->wide = true; break;
		case 'T': o->silent_truncation = true; break;
		case OPT_EXPLAIN: o->explain = true; break;
		case OPT_JSON: o->json = true; break;
		case OPT_SYM_BASE:
			o->sym_base = atoi(optarg);
			if (o->sym_base != 0 && o->sym_base != 8 &&
			    o->sym_base != 10 && o->sym_base != 16)
				o->sym_base = 0;
			break;
		case 'v':
			printf("readelf (objkit) 0.1\n");
			exit(0);
		case 'w':
		case OPT_DEBUG_DUMP:
			diag_error(NULL, "--debug-dump is not implemented yet");
			usage();
		case 'H':
		default:
			usage();
		}
	}
	if (!wants_something(o) || optind >= argc)
		usage();
}

static void
add_dump(struct readelf_opts *o, enum dumpkind kind, const char *arg)
{
	struct dumpreq *d;
	char *end;

	o->dumps = xreallocarray(o->dumps, o->ndumps + 1, sizeof(*d));
	d = &o->dumps[o->ndumps++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	errno = 0;
	d->num = strtoul(arg, &end, 0);
	if (*arg == '\0' || *end != '\0' || errno != 0)
		d->name = arg;
}

static bool
wants_something(const struct readelf_opts *o)
{
	return o->file_header || o->program_headers || o->section_headers ||
	    o->section_groups || o->syms || o->dyn_syms || o->relocs ||
	    o->unwind || o->dynamic || o->version_info || o->arch_specific ||
	    o->histogram || o->notes || o->archive_index || o->ndumps > 0;
}

static void
process_file(const struct readelf_opts *o, const char *path, bool show_name)
{
	struct mapfile mf;
	struct span s;

	buildattr_reset();
	if (mapfile_open(&mf, path) == -1) {
		fflush(stdout);
		if (errno == EISDIR)
			diag_error(path, "is a directory");
		else
			diag_errno(path, "cannot open");
		return;
	}
	s = mapfile_span(&mf);
	switch (filetype_detect(s)) {
	case FT_ELF:
		process_elf(o, path, s, show_name);
		break;
	case FT_AR:
	case FT_AR_THIN:
	case FT_AR_JAGUAR:
		process_archive(o, path, s, show_name, mf.mapped);
		break;
	case FT_AOUT:
		process_aout(o, path, s, show_name);
		break;
	default:
		fflush(stdout);
		diag_error(path, "not an ELF file, archive or a.out file");
		break;
	}
	mapfile_close(&mf);
}

/* mapped: s is a file mapping whose pages release() may drop. */
static void
process_archive(const struct readelf_opts *o, const char *path,
    struct span s, bool show_name, bool mapped)
{
	struct arread ar;
	struct armember m;
	char name[4096];
	uintptr_t done = 0;
	int r;

	if (arread_open(&ar, path, s) == -1) {
		fflush(stdout);
		diag_error(path, "%s", ar.err);
		return;
	}
	if (o->archive_index && !o->json)
		archive_index(&ar, path);
	while ((r = arread_next(&ar, &m)) == 1) {
		diag_name(name, sizeof(name), path, m.name);
		process_member(o, name, m.data, true);
		if (mapped)
			release(s, m.data, &done);
	}
	if (r == -1) {
		fflush(stdout);
		diag_error(path, "%s", ar.err);
	}
	arread_close(&ar);
	(void)show_name;
}

/* An archive member: ELF or a.out; anything else is skipped quietly. */
static void
process_member(const struct readelf_opts *o, const char *name,
    struct span s, bool show_name)
{
	switch (filetype_detect(s)) {
	case FT_ELF:
		process_elf(o, name, s, show_name);
		break;
	case FT_AOUT:
		process_aout(o, name, s, show_name);
		break;
	default:
		fflush(stdout);
		diag_error(name, "not an ELF or a.out object");
		break;
	}
}

static void
process_elf(const struct readelf_opts *o, const char *name, struct span s,
    bool show_name)
{
	struct relf f;

	if (relf_load(&f, name, s, o) == -1) {
		relf_free(&f);
		return;
	}
	if (o->json) {
		json_separator();
		json_dump(&f);
		relf_free(&f);
		return;
	}
	if (show_name)
		out("\nFile: %s\n", name);
	/* The order is GNU readelf's (process_object). */
	if (o->file_header)
		dump_ehdr(&f);
	if (o->section_headers)
		dump_shdr(&f);
	if (o->section_groups)
		dump_groups(&f);
	if (o->program_headers)
		dump_phdr(&f);
	if (o->dynamic)
		dump_dynamic(&f);
	if (o->relocs)
		dump_reloc(&f);
	if (o->unwind)
		dump_unwind(&f);
	if (o->syms || o->dyn_syms || o->histogram)
		dump_syms(&f, !o->syms);
	if (o->version_info)
		dump_version(&f);
	if (o->ndumps > 0)
		dump_sections(&f);
	if (o->notes)
		dump_notes(&f);
	if (o->arch_specific)
		dump_arch(&f);
	relf_free(&f);
}

static void
process_aout(const struct readelf_opts *o, const char *name, struct span s,
    bool show_name)
{
	unsigned what;

	if (aout_dump == NULL) {
		fflush(stdout);
		diag_error(name, "a.out support not built");
		return;
	}
	what = aout_what(o);
	if (o->json) {
		json_separator();
		aout_dump(name, s, what);
		return;
	}
	if (show_name)
		out("\nFile: %s\n", name);
	if (what & ~(AOUT_DUMP_EXPLAIN | AOUT_DUMP_JSON))
		aout_dump(name, s, what);
}

static unsigned
aout_what(const struct readelf_opts *o)
{
	unsigned what = 0;

	if (o->file_header)
		what |= AOUT_DUMP_HEADER;
	if (o->syms)
		what |= AOUT_DUMP_SYMS;
	if (o->relocs)
		what |= AOUT_DUMP_RELOCS;
	if (o->dynamic)
		what |= AOUT_DUMP_DYNAMIC;
	if (o->dyn_syms)
		what |= AOUT_DUMP_DYNSYMS;
	if (o->explain)
		what |= AOUT_DUMP_EXPLAIN;
	if (o->json)
		what |= AOUT_DUMP_JSON;
	return what;
}

/* -c: the archive's symbol index, grouped by member as GNU prints it. */
static void
archive_index(struct arread *ar, const char *path)
{
	struct arindex_sym *syms;
	struct armember m;
	uint64_t cur = UINT64_MAX;
	size_t i, n;

	if (arread_index(ar, &syms, &n) == -1) {
		fflush(stdout);
		diag_error(path, "%s", ar->err);
		return;
	}
	if (n == 0) {
		out("%s has no archive index\n", path);
		free(syms);
		return;
	}
	out("Index of archive %s: (%zu entries, %#jx bytes in the symbol "
	    "table)\n", path, n, (uintmax_t)ar->index.size);
	for (i = 0; i < n; i++) {
		if (syms[i].offset != cur) {
			cur = syms[i].offset;
			if (arread_member_at(ar, cur, &m) == 1)
				out("Contents of binary %s(%s) at offset "
				    "%#jx\n", path, m.name, (uintmax_t)cur);
		}
		out("\t%s\n", syms[i].name);
	}
	out("\n");
	free(syms);
}

static void
json_separator(void)
{
	if (!json_first)
		out(",");
	json_first = false;
}

/*
 * Give back the pages of the members dumped so far, in batches of at
 * least RELEASE_BATCH bytes (whole pages below the current member), so
 * that the resident size stays near the batch and the largest member
 * rather than growing to the archive's.  The mapping is read-only and
 * file-backed: the pages leave this process only, and would come back
 * from the page cache if touched again.  One call per member doubled the
 * run time on libLLVMCodeGen.a (16 MiB, resident 3.6 MiB); 4 MiB batches
 * cost no measurable time there and keep 6 MiB resident.
 */
#define RELEASE_BATCH	((uintptr_t)4 << 20)

static void
release(struct span ar, struct span m, uintptr_t *done)
{
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE), lo, hi;

	if (m.data == NULL || m.data < ar.data || m.size == 0 ||
	    m.data + m.size > ar.data + ar.size)
		return;
	lo = *done != 0 ? *done : (uintptr_t)ar.data & ~(pg - 1);
	hi = ((uintptr_t)m.data + m.size) & ~(pg - 1);
	if (hi > lo && hi - lo >= RELEASE_BATCH) {
		madvise((void *)lo, hi - lo, MADV_DONTNEED);
		*done = hi;
	}
}
