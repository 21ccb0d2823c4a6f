/*
 * input.c: read_input_files, mapping each input and checking its
 * structure before anything else looks at it.
 *
 * Relocatable objects (ELF64, little-endian, EM_X86_64, ET_REL; the gABI,
 * "Sections" and "Symbol Table") are validated here once: the section
 * header table, every section's extent, the symbol and string tables and
 * every symbol's name offset and section index.  Later passes then index
 * these arrays without checks.  Relocation entries are checked where they
 * are used (scan.c).  Archives are opened and their symbol index read;
 * their members are parsed only when resolve_symbols pulls them in.
 * Shared libraries are read by shlib.c.
 *
 * The objects named on the command line are mapped and checked first by
 * the thread pool, each file on its own (check_object writes only its own
 * input_file), with errors only noted; the loop in command-line order then
 * registers them (COMDAT groups: first come, first kept) and checks again,
 * loudly, any file that failed, so messages keep their order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "filetype.h"
#include "xalloc.h"
#include "ld.h"

static struct input_file *parse_object(struct link *, const char *,
		    struct span, uint64_t);
static struct input_file *check_object(struct link *, const char *,
		    struct span, uint64_t, bool);
static struct input_file *add_object(struct link *, struct input_file *);
static void	hash_names(struct input_file *);
static void	file_error(struct input_file *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	precheck_range(void *, size_t, size_t);
static void	add_comdat_groups(struct link *, struct input_file *);
static bool	check_sections(struct input_file *);
static bool	check_symtab(struct input_file *);
static void	setup_sections(struct link *, struct input_file *);
static void	open_archive(struct link *, struct input_arg *, uint32_t);
static int	cmp_u64(const void *, const void *);
static void	all_members(struct archive *);

/* Whether a mapped input is an ELF64 little-endian file of type t. */
static bool
elf_of_type(struct span s, unsigned t)
{
	return filetype_detect(s) == FT_ELF && s.size >= sizeof(Elf64u_Ehdr) &&
	    ((const Elf64u_Ehdr *)s.data)->e_type == t &&
	    s.data[EI_CLASS] == ELFCLASS64 && s.data[EI_DATA] == ELFDATA2LSB;
}

/* The parallel part: map and check objects, noting errors only. */
static void
precheck_range(void *arg, size_t begin, size_t end)
{
	struct link *ctx = arg;
	struct input_arg *ia;
	struct input_file *f;
	size_t i;

	for (i = begin; i < end; i++) {
		ia = &ctx->args[i];
		if (mapfile_open(&ia->map, ia->path) == -1)
			continue;	/* reported by the serial loop */
		ia->opened = true;
		if (!elf_of_type(mapfile_span(&ia->map), ET_REL))
			continue;
		f = check_object(ctx, ia->path, mapfile_span(&ia->map),
		    (uint64_t)i << 32, true);
		if (f != NULL && f->bad)
			f = NULL;	/* its memory stays in the arena */
		ia->pre = f;
	}
}

void
read_input_files(struct link *ctx)
{
	struct input_arg *ia;
	struct mapfile *mf;
	struct span s;
	size_t i;

	pool_for(ctx->pool, ctx->nargs, 16, precheck_range, ctx);
	for (i = 0; i < ctx->nargs; i++) {
		ia = &ctx->args[i];
		mf = &ia->map;
		if (ia->pre != NULL) {
			/* A linker script before it may have moved it. */
			ia->pre->order = (uint64_t)i << 32;
			ia->obj = add_object(ctx, ia->pre);
			ia->pre = NULL;
			continue;
		}
		if (!ia->opened && mapfile_open(mf, ia->path) == -1) {
			diag_errno(ia->path, "cannot open");
			continue;
		}
		s = mapfile_span(mf);
		switch (filetype_detect(s)) {
		case FT_ELF:
			if (s.size >= sizeof(Elf64u_Ehdr) &&
			    ((const Elf64u_Ehdr *)s.data)->e_type == ET_DYN &&
			    s.data[EI_CLASS] == ELFCLASS64 &&
			    s.data[EI_DATA] == ELFDATA2LSB) {
				if (ia->bstatic)
					diag_error(ia->path, "attempted static "
					    "link of a shared library");
				else
					ia->dso = read_shared_file(ctx, ia, s,
					    (uint32_t)i);
				break;
			}
			ia->obj = parse_object(ctx, ia->path, s,
			    (uint64_t)i << 32);
			break;
		case FT_AR:
		case FT_AR_THIN:
			open_archive(ctx, ia, (uint32_t)i);
			break;
		default:
			/* read_script may move ctx->args: no ia here. */
			if (!read_script(ctx, i, s))
				diag_error(ctx->args[i].path, "not an object "
				    "file, archive or linker script");
		}
	}
}

/*
 * An error in file f.  While threads check inputs (f->quiet) it is only
 * noted: the file is checked again by the serial loop, which reports.
 */
static void
file_error(struct input_file *f, const char *fmt, ...)
{
	char msg[4096];
	va_list ap;

	f->bad = true;
	if (f->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(f->name, "%s", msg);
}

static struct input_file *
parse_object(struct link *ctx, const char *name, struct span s,
    uint64_t order)
{
	struct input_file *f = check_object(ctx, name, s, order, false);

	return f != NULL ? add_object(ctx, f) : NULL;
}

/*
 * Everything about one object that needs no other file: its structure is
 * checked and its input sections set up.  NULL when it is unusable.
 */
static struct input_file *
check_object(struct link *ctx, const char *name, struct span s,
    uint64_t order, bool quiet)
{
	struct input_file *f;
	const Elf64u_Ehdr *eh;

	f = arena_alloc(&ctx->arena, sizeof(*f));
	f->name = name;
	f->quiet = quiet;
	eh = span_range(s, 0, sizeof(*eh));
	if (eh == NULL || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB) {
		file_error(f, "not a 64-bit little-endian ELF file");
		return NULL;
	}
	if (eh->e_type == ET_DYN) {
		file_error(f, "a shared library cannot be an archive member");
		return NULL;
	}
	if (eh->e_type != ET_REL || eh->e_machine != EM_X86_64) {
		file_error(f, "not an x86-64 relocatable object");
		return NULL;
	}
	f->data = s;
	f->ehdr = (const Elf64u_Ehdr *)f->data.data;
	f->order = order;
	if (!check_sections(f) || !check_symtab(f))
		return NULL;
	setup_sections(ctx, f);
	hash_names(f);
	f->quiet = false;
	return f;
}

/*
 * The lengths and hashes of the global names, for resolve_symbols: here
 * they are computed by the threads (for the command line's objects), and
 * knowing them ahead lets resolve prefetch the symbol table.
 */
static void
hash_names(struct input_file *f)
{
	size_t i, n = f->nsyms - f->first_global;
	const char *name;
	size_t len;

	if (f->nsyms <= f->first_global)
		return;
	f->namehash = xreallocarray(NULL, n, sizeof(*f->namehash));
	f->namelen = xreallocarray(NULL, n, sizeof(*f->namelen));
	for (i = 0; i < n; i++) {
		name = sym_name(f, &f->syms[f->first_global + i]);
		/* check_symtab: the string table ends in a NUL. */
		len = strlen(name);
		f->namelen[i] = (uint32_t)len;
		f->namehash[i] = hash_bytes(name, len);
		if (f->syms[f->first_global + i].st_shndx == SHN_UNDEF)
			f->nundef++;
	}
}

/* The serial part: COMDAT groups, and the file joins the link. */
static struct input_file *
add_object(struct link *ctx, struct input_file *f)
{
	add_comdat_groups(ctx, f);
	if (ctx->nfiles == ctx->capfiles) {
		ctx->capfiles = ctx->capfiles * 2 + 64;
		ctx->files = xreallocarray(ctx->files, ctx->capfiles,
		    sizeof(*ctx->files));
	}
	ctx->files[ctx->nfiles++] = f;
	f->live = true;
	return f;
}

static bool
check_sections(struct input_file *f)
{
	const Elf64u_Ehdr *eh = f->ehdr;
	const Elf64u_Shdr *sh;
	uint64_t n, strndx, i;

	if (eh->e_shentsize != sizeof(Elf64u_Shdr) || eh->e_shoff % 8 != 0) {
		file_error(f, "bad section header table");
		return false;
	}
	n = eh->e_shnum;
	strndx = eh->e_shstrndx;
	sh = span_range(f->data, eh->e_shoff, sizeof(*sh));
	if (sh == NULL) {
		file_error(f, "section header table past end of file");
		return false;
	}
	if (n == 0)
		n = sh->sh_size;
	if (strndx == SHN_XINDEX)
		strndx = sh->sh_link;
	if (n > f->data.size / sizeof(*sh) || span_range(f->data, eh->e_shoff,
	    n * sizeof(*sh)) == NULL) {
		file_error(f, "section header table past end of file");
		return false;
	}
	f->shdrs = sh;
	f->nsecs = n;
	for (i = 1; i < n; i++) {
		sh = &f->shdrs[i];
		if (sh->sh_type != SHT_NOBITS &&
		    span_range(f->data, sh->sh_offset, sh->sh_size) == NULL) {
			file_error(f, "section %ju: contents past end of "
			    "file", (uintmax_t)i);
			return false;
		}
		if (sh->sh_addralign > (1u << 30)) {
			file_error(f, "section %ju: bad alignment",
			    (uintmax_t)i);
			return false;
		}
	}
	/* Its extent was checked above unless it claims to be NOBITS. */
	if (strndx == 0 || strndx >= n || f->shdrs[strndx].sh_size == 0 ||
	    f->shdrs[strndx].sh_type == SHT_NOBITS ||
	    f->data.data[f->shdrs[strndx].sh_offset +
	    f->shdrs[strndx].sh_size - 1] != '\0') {
		file_error(f, "bad section name table");
		return false;
	}
	f->shstrtab = (const char *)f->data.data + f->shdrs[strndx].sh_offset;
	f->shstrsz = f->shdrs[strndx].sh_size;
	for (i = 0; i < n; i++)
		if (f->shdrs[i].sh_name >= f->shstrsz) {
			file_error(f, "section %ju: bad name offset",
			    (uintmax_t)i);
			return false;
		}
	return true;
}

static bool
check_symtab(struct input_file *f)
{
	const Elf64u_Shdr *sh = NULL, *st, *xsh = NULL;
	size_t i;
	uint32_t shndx;

	for (i = 1; i < f->nsecs; i++) {
		if (f->shdrs[i].sh_type == SHT_SYMTAB)
			sh = &f->shdrs[i];
		if (f->shdrs[i].sh_type == SHT_SYMTAB_SHNDX &&
		    f->shdrs[i].sh_offset % 4 == 0)
			xsh = &f->shdrs[i];
	}
	if (sh == NULL)
		return true;
	if (sh->sh_entsize != sizeof(Elf64u_Sym) || sh->sh_offset % 8 != 0 ||
	    sh->sh_link == 0 || sh->sh_link >= f->nsecs ||
	    sh->sh_info > sh->sh_size / sizeof(Elf64u_Sym)) {
		file_error(f, "bad symbol table");
		return false;
	}
	st = &f->shdrs[sh->sh_link];
	if (st->sh_type != SHT_STRTAB || st->sh_size == 0 ||
	    f->data.data[st->sh_offset + st->sh_size - 1] != '\0') {
		file_error(f, "bad symbol string table");
		return false;
	}
	f->syms = (const Elf64u_Sym *)(f->data.data + sh->sh_offset);
	f->nsyms = sh->sh_size / sizeof(Elf64u_Sym);
	f->first_global = sh->sh_info == 0 ? 1 : sh->sh_info;
	f->strtab = (const char *)f->data.data + st->sh_offset;
	f->strsz = st->sh_size;
	if (xsh != NULL && xsh->sh_size / 4 >= f->nsyms)
		f->symshndx = (const Elf64u_Word *)(f->data.data + xsh->sh_offset);
	for (i = 0; i < f->nsyms; i++) {
		if (f->syms[i].st_name >= f->strsz) {
			file_error(f, "symbol %zu: bad name offset", i);
			return false;
		}
		shndx = sym_shndx(f, i);
		if (shndx >= f->nsecs && shndx < SHN_LORESERVE) {
			file_error(f, "symbol %zu: bad section index %u",
			    i, shndx);
			return false;
		}
	}
	return true;
}

const char *
sym_name(const struct input_file *f, const Elf64u_Sym *es)
{
	return f->strtab + es->st_name;
}

/* The section index of symbol i, through SHT_SYMTAB_SHNDX if needed. */
uint32_t
sym_shndx(const struct input_file *f, size_t i)
{
	uint16_t x = f->syms[i].st_shndx;

	if (x != SHN_XINDEX)
		return x;
	return f->symshndx != NULL ? f->symshndx[i] : SHN_UNDEF;
}

/*
 * The input sections and their relocations: the part of a file's setup
 * that reads only the file itself.
 */
static void
setup_sections(struct link *ctx, struct input_file *f)
{
	const Elf64u_Shdr *sh;
	struct input_section *is;
	size_t i, j;

	f->secs = arena_array(&ctx->arena, f->nsecs, sizeof(*f->secs));
	f->symbols = arena_array(&ctx->arena, f->nsyms ? f->nsyms : 1,
	    sizeof(*f->symbols));
	for (i = 0; i < f->nsecs; i++) {
		is = &f->secs[i];
		is->file = f;
		is->shdr = &f->shdrs[i];
		is->name = f->shstrtab + f->shdrs[i].sh_name;
		is->shndx = (uint32_t)i;
		is->live = true;
		is->priority = 65536;
	}
	for (i = 1; i < f->nsecs; i++) {
		sh = &f->shdrs[i];
		if (sh->sh_type == SHT_RELA && sh->sh_info > 0 &&
		    sh->sh_info < f->nsecs && sh->sh_offset % 8 == 0 &&
		    sh->sh_entsize == sizeof(Elf64u_Rela)) {
			is = &f->secs[sh->sh_info];
			is->relas = (const Elf64u_Rela *)(f->data.data +
			    sh->sh_offset);
			is->nrelas = sh->sh_size / sizeof(Elf64u_Rela);
			for (j = 0; j < is->nrelas; j++)
				if (ELF64_R_SYM(is->relas[j].r_info) >=
				    f->nsyms) {
					file_error(f, "%s: relocation %zu: "
					    "bad symbol index %ju", is->name, j,
					    (uintmax_t)ELF64_R_SYM(
					    is->relas[j].r_info));
					is->nrelas = 0;
					break;
				}
		} else if (sh->sh_type == SHT_REL) {
			file_error(f, "section %zu: SHT_REL relocations "
			    "are not valid on x86-64", i);
		}
	}
}

/*
 * The COMDAT groups: the first file to bring a group signature keeps its
 * members, later copies are discarded before their symbols are ever
 * looked at (Taylor, part 10).
 */
static void
add_comdat_groups(struct link *ctx, struct input_file *f)
{
	const Elf64u_Shdr *sh;
	const Elf64u_Word *grp;
	const char *sig;
	void **slot;
	size_t i, j, n;
	bool isnew;

	for (i = 1; i < f->nsecs; i++) {
		sh = &f->shdrs[i];
		if (sh->sh_type != SHT_GROUP || sh->sh_offset % 4 != 0 ||
		    sh->sh_size < 4)
			continue;
		grp = (const Elf64u_Word *)(f->data.data + sh->sh_offset);
		if ((grp[0] & GRP_COMDAT) == 0 || sh->sh_info >= f->nsyms)
			continue;
		sig = sym_name(f, &f->syms[sh->sh_info]);
		slot = strmap_insert(&ctx->comdat, sig, strlen(sig), &isnew);
		if (isnew) {
			*slot = f;
			continue;
		}
		n = sh->sh_size / 4;
		for (j = 1; j < n; j++)
			if (grp[j] > 0 && grp[j] < f->nsecs)
				f->secs[grp[j]].live = false;
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * An archive: its index lists (name, member offset).  The unique member
 * offsets, sorted, number the members; a lazy symbol holds that number.
 */
static void
open_archive(struct link *ctx, struct input_arg *ia, uint32_t order)
{
	struct archive *a;
	struct arindex_sym *idx;
	size_t n, i, m;

	a = xcalloc(1, sizeof(*a));
	a->map = ia->map;
	a->order = order;
	if (arread_open(&a->ar, ia->path, mapfile_span(&a->map)) == -1 ||
	    arread_index(&a->ar, &idx, &n) == -1) {
		diag_error(ia->path, "%s", a->ar.err);
		free(a);
		return;
	}
	if (n == 0 && !ia->whole_archive) {
		/* No index: an empty archive is fine, others need ranlib. */
		struct armember mem;
		if (arread_next(&a->ar, &mem) == 1)
			diag_error(ia->path, "archive has no symbol index "
			    "(run ranlib)");
	}
	if (ia->whole_archive) {
		all_members(a);
		n = 0;
	} else {
		a->members = xcalloc(n + 1, sizeof(*a->members));
		for (i = 0; i < n; i++)
			a->members[i] = idx[i].offset;
	}
	if (!ia->whole_archive) {
		qsort(a->members, n, sizeof(*a->members), cmp_u64);
		for (i = m = 0; i < n; i++)
			if (m == 0 || a->members[m - 1] != a->members[i])
				a->members[m++] = a->members[i];
		a->nmembers = m;
	}
	a->loaded = xcalloc(a->nmembers + 1, sizeof(*a->loaded));
	ia->archive = a;
	ia->archive_syms = idx;
	ia->narchive_syms = n;
	if (ctx->narchives == ctx->caparchives) {
		ctx->caparchives = ctx->caparchives * 2 + 8;
		ctx->archives = xreallocarray(ctx->archives,
		    ctx->caparchives, sizeof(*ctx->archives));
	}
	a->num = (uint32_t)ctx->narchives;
	ctx->archives[ctx->narchives++] = a;
}

/* --whole-archive: every member, in order. */
static void
all_members(struct archive *a)
{
	struct armember m;
	size_t cap = 64, n = 0;
	int r;

	a->members = xcalloc(cap, sizeof(*a->members));
	while ((r = arread_next(&a->ar, &m)) == 1) {
		if (n == cap) {
			cap *= 2;
			a->members = xreallocarray(a->members, cap,
			    sizeof(*a->members));
		}
		a->members[n++] = m.hdroff;
	}
	if (r == -1)
		diag_error(a->ar.path, "%s", a->ar.err);
	a->nmembers = n;
}

/* The index of the member at offset off, by binary search. */
uint32_t
archive_member_index(const struct archive *a, uint64_t off)
{
	size_t lo = 0, hi = a->nmembers, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a->members[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/*
 * Parse member idx of a, once.  Its symbols are added by the caller's
 * loop over ctx->files (resolve.c), not here, so that loading is not
 * recursive.
 */
struct input_file *
load_member(struct link *ctx, struct archive *a, uint32_t idx)
{
	struct input_file *f;

	if (idx >= a->nmembers || a->loaded[idx])
		return NULL;
	a->loaded[idx] = true;
	if (spec_take(ctx, a, idx, &f))
		return add_object(ctx, f);
	f = check_member(ctx, a, &a->ar, idx, false);
	return f != NULL ? add_object(ctx, f) : NULL;
}

/*
 * Member idx of a, read through ar and checked (check_object), without
 * joining the link.  Quiet, for spec.c's thread: errors only make it
 * NULL, and load_member checks the member again, aloud.
 */
struct input_file *
check_member(struct link *ctx, struct archive *a, struct arread *ar,
    uint32_t idx, bool quiet)
{
	struct input_file *f;
	struct armember m;
	char buf[1024];
	char *name;

	if (arread_member_at(ar, a->members[idx], &m) != 1) {
		if (!quiet)
			diag_error(a->ar.path, "%s", ar->err[0] ? ar->err :
			    "bad member offset in the symbol index");
		return NULL;
	}
	name = xstrdup(diag_name(buf, sizeof(buf), a->ar.path, m.name));
	if (filetype_detect(m.data) != FT_ELF) {
		if (!quiet)
			diag_error(name, "not an ELF object");
		free(name);
		return NULL;
	}
	f = check_object(ctx, name, m.data,
	    ((uint64_t)a->order << 32) | (idx + 1), quiet);
	/* Aloud, a file with errors still joins: the errors end the link. */
	if (f == NULL || (quiet && f->bad)) {
		free(name);
		return NULL;
	}
	return f;
}
