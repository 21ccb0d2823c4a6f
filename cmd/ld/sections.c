/*
 * sections.c: bin_sections and create_synthetic_sections, which decide
 * what output sections exist, what goes into each, and their order.
 *
 * Input sections are grouped by the names of GNU ld's default linker
 * script for elf_x86_64 (".text.foo" goes to ".text", ".init_array.00100"
 * to ".init_array" sorted by priority, and so on); a section with any
 * other name keeps it, so __start_NAME/__stop_NAME can find it.  Output
 * sections are ordered as GNU ld orders them by default: read-only
 * headers and notes, code, read-only data, then writable data with TLS
 * first and zero-filled data last, so that the segments are R, RX, R, RW.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

static const char *output_name(const char *, char *, size_t);
static bool	dropped(struct link *, const struct input_section *);
static int	rank_of(const struct output_section *);
static int	cmp_files(const void *, const void *);
static int	cmp_inputs(const void *, const void *);
static int	cmp_osecs(const void *, const void *);

/* Prefixes GNU ld folds into one output section, and the result. */
static const struct {
	const char	*prefix;
	const char	*out;
} folds[] = {
	{ ".text.", ".text" },
	{ ".rodata.", ".rodata" },
	{ ".data.rel.ro.", ".data.rel.ro" },
	{ ".data.rel.ro", ".data.rel.ro" },
	{ ".data.", ".data" },
	{ ".bss.", ".bss" },
	{ ".tdata.", ".tdata" },
	{ ".tbss.", ".tbss" },
	{ ".init_array.", ".init_array" },
	{ ".fini_array.", ".fini_array" },
	{ ".preinit_array.", ".preinit_array" },
	{ ".gcc_except_table.", ".gcc_except_table" },
	{ ".ldata.", ".ldata" },
	{ ".lbss.", ".lbss" },
	{ ".lrodata.", ".lrodata" },
	{ ".gnu.linkonce.t.", ".text" },
	{ ".gnu.linkonce.r.", ".rodata" },
	{ ".gnu.linkonce.d.", ".data" },
	{ ".gnu.linkonce.b.", ".bss" },
};

/*
 * Every input section's name goes through here: compare only with the
 * prefixes whose second letter matches (they all start with a dot).
 */
static const char *
output_name(const char *name, char *buf, size_t len)
{
	size_t i, n;

	if (name[0] != '.' || name[1] == '\0')
		return name;
	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		if (folds[i].prefix[1] != name[1])
			continue;
		n = strlen(folds[i].prefix);
		if (strncmp(name, folds[i].prefix, n) == 0)
			return folds[i].out;
	}
	(void)buf;
	(void)len;
	return name;
}

/* Sections that never reach the output. */
static bool
dropped(struct link *ctx, const struct input_section *is)
{
	const Elf64u_Shdr *sh = is->shdr;

	switch (sh->sh_type) {
	case SHT_NULL: case SHT_SYMTAB: case SHT_STRTAB: case SHT_RELA:
	case SHT_REL: case SHT_GROUP: case SHT_SYMTAB_SHNDX:
	case 0x6fff4c03:	/* SHT_LLVM_ADDRSIG */
	case 0x6fff4c01:	/* SHT_LLVM_LINKER_OPTIONS */
		return true;
	}
	if (sh->sh_flags & SHF_EXCLUDE)
		return true;
	/* Only names starting ".n" or ".g" can be the ones below. */
	if (is->name[0] == '.' && (is->name[1] == 'n' || is->name[1] == 'g') &&
	    (strcmp(is->name, ".note.GNU-stack") == 0 ||
	    strcmp(is->name, ".note.gnu.property") == 0 ||
	    strncmp(is->name, ".gnu.lto_", 9) == 0 ||
	    strncmp(is->name, ".gnu.warning", 12) == 0))
		return true;
	if ((sh->sh_flags & SHF_ALLOC) == 0 && (ctx->opts.strip_debug ||
	    ctx->opts.strip_all) && (strncmp(is->name, ".debug", 6) == 0 ||
	    strncmp(is->name, ".zdebug", 7) == 0 ||
	    strncmp(is->name, ".stab", 5) == 0))
		return true;
	return false;
}

struct output_section *
osec_new(struct link *ctx, const char *name, uint32_t type, uint64_t flags)
{
	struct output_section *os;

	os = xcalloc(1, sizeof(*os));
	os->name = name;
	os->type = type;
	os->flags = flags;
	os->align = 1;
	if (ctx->nosecs == ctx->caposecs) {
		ctx->caposecs = ctx->caposecs * 2 + 32;
		ctx->osecs = xreallocarray(ctx->osecs, ctx->caposecs,
		    sizeof(*ctx->osecs));
	}
	ctx->osecs[ctx->nosecs++] = os;
	return os;
}

void
osec_add(struct output_section *os, struct input_section *is)
{
	if (os->nin == os->capin) {
		os->capin = os->capin * 2 + 8;
		os->in = xreallocarray(os->in, os->capin, sizeof(*os->in));
	}
	os->in[os->nin++] = is;
	is->osec = os;
}

static int
cmp_files(const void *a, const void *b)
{
	const struct input_file *x = *(struct input_file *const *)a;
	const struct input_file *y = *(struct input_file *const *)b;

	return x->order < y->order ? -1 : x->order > y->order;
}

/* Priority first (init/fini arrays), then input order. */
static int
cmp_inputs(const void *a, const void *b)
{
	const struct input_section *x = *(struct input_section *const *)a;
	const struct input_section *y = *(struct input_section *const *)b;

	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	if (x->file->order != y->file->order)
		return x->file->order < y->file->order ? -1 : 1;
	return x->shndx < y->shndx ? -1 : x->shndx > y->shndx;
}

static uint32_t
init_priority(const char *name)
{
	const char *dot = strrchr(name, '.');
	char *end;
	unsigned long v;

	if (dot == NULL || dot == name || dot[1] < '0' || dot[1] > '9')
		return 65536;
	v = strtoul(dot + 1, &end, 10);
	return *end == '\0' && v < 65536 ? (uint32_t)v : 65536;
}

void
bin_sections(struct link *ctx)
{
	struct strmap byname;
	struct output_section **slot, *os;
	struct input_section *is;
	struct input_file *f;
	const char *name;
	char buf[256];
	size_t i, j;
	bool isnew;

	if (ctx->nfiles > 1)
		qsort(ctx->files, ctx->nfiles, sizeof(*ctx->files), cmp_files);
	strmap_init(&byname, 256);
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++) {
			is = &f->secs[j];
			if (!is->live || dropped(ctx, is))
				continue;
			if ((name = ctors_array(is)) == NULL)
				name = output_name(is->name, buf, sizeof(buf));
			slot = (struct output_section **)strmap_insert(&byname,
			    name, strlen(name), &isnew);
			if (isnew)
				*slot = osec_new(ctx, name, is->shdr->sh_type,
				    is->shdr->sh_flags & ~(uint64_t)(SHF_GROUP |
				    SHF_MERGE | SHF_STRINGS | SHF_GNU_RETAIN));
			os = *slot;
			os->flags |= is->shdr->sh_flags & (SHF_WRITE |
			    SHF_ALLOC | SHF_EXECINSTR | SHF_TLS);
			if (os->type == SHT_NOBITS &&
			    is->shdr->sh_type != SHT_NOBITS)
				os->type = is->shdr->sh_type;
			if (is->shdr->sh_addralign > os->align)
				os->align = is->shdr->sh_addralign;
			if (is->name[0] == '.' && (is->name[1] == 'i' ||
			    is->name[1] == 'f' || is->name[1] == 'p') &&
			    (strncmp(is->name, ".init_array.", 12) == 0 ||
			    strncmp(is->name, ".fini_array.", 12) == 0 ||
			    strncmp(is->name, ".preinit_array.", 15) == 0))
				is->priority = init_priority(is->name);
			osec_add(os, is);
		}
	}
	strmap_free(&byname);
	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (strcmp(os->name, ".init_array") == 0 ||
		    strcmp(os->name, ".fini_array") == 0 ||
		    strcmp(os->name, ".preinit_array") == 0) {
			qsort(os->in, os->nin, sizeof(*os->in), cmp_inputs);
			os->type = strcmp(os->name, ".init_array") == 0 ?
			    SHT_INIT_ARRAY : strcmp(os->name, ".fini_array")
			    == 0 ? SHT_FINI_ARRAY : SHT_PREINIT_ARRAY;
			/* An array of 8-byte pointers, as GNU ld says. */
			os->entsize = 8;
		}
		if (os->type == 0x70000001)	/* SHT_X86_64_UNWIND */
			os->type = SHT_PROGBITS;
		if (strcmp(os->name, ".eh_frame") == 0)
			ctx->ehframe = os;
		if (strcmp(os->name, ".bss") == 0)
			ctx->bss = os;
	}
}

/*
 * The sections the linker writes itself.  Their sizes depend on what
 * scan_relocations finds; they exist from here on so that symbols can
 * point at them.
 */
void
create_synthetic_sections(struct link *ctx)
{
	struct output_section *os;
	size_t i;

	if (ctx->dynamic)
		create_dynamic_sections(ctx);
	if (ctx->opts.build_id != NULL) {
		os = ctx->buildid = osec_new(ctx, ".note.gnu.build-id",
		    SHT_NOTE, SHF_ALLOC);
		os->kind = OS_BUILDID;
		os->align = 4;
	}
	os = ctx->relaiplt = osec_new(ctx, ".rela.plt", SHT_RELA, SHF_ALLOC |
	    SHF_INFO_LINK);
	os->kind = OS_RELAIPLT;
	os->align = 8;
	os->entsize = sizeof(Elf64u_Rela);
	os = ctx->iplt = osec_new(ctx, ".plt", SHT_PROGBITS, SHF_ALLOC |
	    SHF_EXECINSTR);
	os->kind = OS_IPLT;
	os->align = 16;
	os->entsize = 16;
	os = ctx->got = osec_new(ctx, ".got", SHT_PROGBITS, SHF_ALLOC |
	    SHF_WRITE);
	os->kind = OS_GOT;
	os->align = 8;
	os->entsize = 8;
	os = ctx->gotplt = osec_new(ctx, ".got.plt", SHT_PROGBITS, SHF_ALLOC |
	    SHF_WRITE);
	os->kind = OS_GOTPLT;
	os->align = 8;
	os->entsize = 8;
	if (ctx->opts.eh_frame_hdr && ctx->ehframe != NULL) {
		os = ctx->ehframehdr = osec_new(ctx, ".eh_frame_hdr",
		    SHT_PROGBITS, SHF_ALLOC);
		os->kind = OS_EHFRAMEHDR;
		os->align = 4;
	}
	if (ctx->bss == NULL)
		ctx->bss = osec_new(ctx, ".bss", SHT_NOBITS, SHF_ALLOC |
		    SHF_WRITE);
	if (!ctx->opts.strip_all) {
		os = ctx->symtab_sec = osec_new(ctx, ".symtab", SHT_SYMTAB, 0);
		os->kind = OS_SYMTAB;
		os->align = 8;
		os->entsize = sizeof(Elf64u_Sym);
		os = ctx->strtab_sec = osec_new(ctx, ".strtab", SHT_STRTAB, 0);
		os->kind = OS_STRTAB;
	}
	os = ctx->shstrtab_sec = osec_new(ctx, ".shstrtab", SHT_STRTAB, 0);
	os->kind = OS_SHSTRTAB;
	for (i = 0; i < ctx->nosecs; i++)
		ctx->osecs[i]->rank = rank_of(ctx->osecs[i]);
	/* Stable: equal ranks keep their creation (input) order. */
	for (i = 0; i < ctx->nosecs; i++)
		ctx->osecs[i]->index = (uint32_t)i;
	qsort(ctx->osecs, ctx->nosecs, sizeof(*ctx->osecs), cmp_osecs);
}

static int
cmp_osecs(const void *a, const void *b)
{
	const struct output_section *x = *(struct output_section *const *)a;
	const struct output_section *y = *(struct output_section *const *)b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Where an output section goes; see the comment at the top. */
static int
rank_of(const struct output_section *os)
{
	static const struct {
		const char	*name;
		int		 rank;
	} named[] = {
		{ ".interp", 0 }, { ".note.gnu.build-id", 1 },
		{ ".hash", 3 }, { ".gnu.hash", 3 }, { ".dynsym", 4 },
		{ ".dynstr", 5 }, { ".gnu.version", 6 },
		{ ".gnu.version_d", 7 }, { ".gnu.version_r", 7 },
		{ ".rela.dyn", 8 }, { ".rela.plt", 9 },
		{ ".init", 10 }, { ".plt", 11 }, { ".text", 12 },
		{ ".fini", 14 }, { ".rodata", 20 }, { ".eh_frame_hdr", 22 },
		{ ".eh_frame", 23 }, { ".gcc_except_table", 24 },
		{ ".tdata", 30 }, { ".tbss", 31 }, { ".preinit_array", 32 },
		{ ".init_array", 33 }, { ".fini_array", 34 },
		{ ".data.rel.ro", 35 }, { ".dynamic", 35 }, { ".got", 36 },
		{ ".got.plt", 37 }, { ".data", 38 }, { ".bss", 40 },
		{ ".dynbss", 40 },
	};
	size_t i;

	if ((os->flags & SHF_ALLOC) == 0)
		return os->kind == OS_SYMTAB ? 101 : os->kind == OS_STRTAB ?
		    102 : os->kind == OS_SHSTRTAB ? 103 : 100;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(os->name, named[i].name) == 0)
			return named[i].rank;
	if (os->flags & SHF_TLS)
		return os->type == SHT_NOBITS ? 31 : 30;
	if (os->flags & SHF_EXECINSTR)
		return 13;
	if (os->flags & SHF_WRITE)
		return os->type == SHT_NOBITS ? 41 : 39;
	if (os->type == SHT_NOTE)
		return 2;
	return 21;
}
