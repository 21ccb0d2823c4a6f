/*
 * layout.c: assign_addresses and fix_synthetic_symbols.  After them the
 * memory and file layout is fixed and every symbol has its address.
 *
 * The image starts at 0x400000 with the ELF and program headers, like GNU
 * ld's default for a static x86-64 executable.  Each segment (R, RX, R,
 * RW: -z separate-code) starts on a new page, in memory and in the file,
 * so that file offset and address are congruent modulo the page size as
 * the gABI requires of PT_LOAD.  Zero-filled sections take no file space;
 * .tbss takes no address space either, since it only describes the TLS
 * template (see Drepper's "ELF Handling For Thread-Local Storage").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

static void	size_sections(struct link *);
static void	place_commons(struct link *);
static void	count_phdrs(struct link *, size_t *);
static void	place_alloc(struct link *);
static void	place_nonalloc(struct link *);
static void	add_relro(struct link *);
static Elf64_Phdr *new_phdr(struct link *, uint32_t, uint32_t);
static void	dynamic_phdrs(struct link *, size_t);

static uint64_t
align_up(uint64_t v, uint64_t a)
{
	if (a <= 1)
		return v;
	return (v + a - 1) & ~(a - 1);
}

static int
segment_of(const struct output_section *os)
{
	if ((os->flags & SHF_ALLOC) == 0)
		return 4;
	if (os->flags & SHF_EXECINSTR)
		return 1;
	if (os->flags & (SHF_WRITE | SHF_TLS))
		return 3;
	return os->rank < 10 ? 0 : 2;
}

void
assign_addresses(struct link *ctx)
{
	size_t i;

	size_sections(ctx);
	place_commons(ctx);
	if (ctx->opts.build_id != NULL)
		ctx->buildid->size = 16 + build_id_size(ctx->opts.build_id);
	size_symtab(ctx);
	if (ctx->ehframehdr != NULL)
		size_eh_frame_hdr(ctx);
	for (i = 0; i < ctx->nosecs; i++) {
		ctx->osecs[i]->segment = segment_of(ctx->osecs[i]);
		/* -z noseparate-code: headers, code and rodata share RX. */
		if (!ctx->opts.separate_code && (ctx->osecs[i]->segment == 0 ||
		    ctx->osecs[i]->segment == 2))
			ctx->osecs[i]->segment = 1;
		if (ctx->osecs[i]->kind != OS_REGULAR &&
		    ctx->osecs[i]->size == 0 && ctx->osecs[i]->kind != OS_SHSTRTAB)
			ctx->osecs[i]->omit = true;
	}
	place_alloc(ctx);
	place_nonalloc(ctx);
}

/* Offsets of the inputs inside each section, and its size. */
static void
size_sections(struct link *ctx)
{
	struct output_section *os;
	struct input_section *is;
	uint64_t off, a;
	size_t i, j;

	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->kind != OS_REGULAR)
			continue;
		off = 0;
		for (j = 0; j < os->nin; j++) {
			is = os->in[j];
			a = is->shdr->sh_addralign;
			/*
			 * .eh_frame is read as one list of records up to a
			 * zero terminator: padding between inputs would end
			 * it early, and records need only 4-byte alignment.
			 */
			if (os == ctx->ehframe && a > 4)
				a = 4;
			off = align_up(off, a);
			is->offset = off;
			off += is->pieces != NULL || is->ehrecs != NULL ?
			    is->mergesize : is->shdr->sh_size;
		}
		os->size = off;
	}
}

/*
 * Common symbols become space at the end of .bss, in input order (not
 * hash table order, so that the output is deterministic).
 */
static void
place_commons(struct link *ctx)
{
	struct input_file *f;
	struct symbol *s;
	uint64_t off = ctx->bss->size, a;
	size_t i, j;

	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++) {
			s = f->symbols[j];
			if (s == NULL || s->kind != SYM_COMMON || s->file != f)
				continue;
			a = s->align ? s->align : 1;
			off = align_up(off, a);
			if (a > ctx->bss->align)
				ctx->bss->align = a;
			s->kind = SYM_SYNTHETIC;
			s->osec = ctx->bss;
			s->value = off;
			s->common = true;
			off += s->size;
		}
	}
	ctx->bss->size = off;
}

static Elf64_Phdr *
new_phdr(struct link *ctx, uint32_t type, uint32_t flags)
{
	Elf64_Phdr *ph = &ctx->phdrs[ctx->nphdrs++];

	memset(ph, 0, sizeof(*ph));
	ph->p_type = type;
	ph->p_flags = flags;
	return ph;
}

/*
 * -z relro: the writable sections that are only written before main
 * (TLS templates, constructor arrays, .data.rel.ro, .got) come first in
 * the RW segment; PT_GNU_RELRO tells the C library to make their whole
 * pages read-only once relocation is done.  .got.plt stays writable.
 */
static bool
in_relro(const struct output_section *os)
{
	return os->segment == 3 && !os->omit && os->rank >= 30 &&
	    os->rank <= 36;
}

static size_t
relro_wanted(struct link *ctx)
{
	size_t i;

	if (!ctx->opts.relro)
		return 0;
	for (i = 0; i < ctx->nosecs; i++)
		if (in_relro(ctx->osecs[i]))
			return 1;
	return 0;
}

static void
count_phdrs(struct link *ctx, size_t *n)
{
	bool seg[4] = { true, false, false, false }, tls = false, note = false;
	size_t i;

	if (!ctx->opts.separate_code) {
		seg[0] = false;
		seg[1] = true;
	}

	for (i = 0; i < ctx->nosecs; i++) {
		if (ctx->osecs[i]->omit || ctx->osecs[i]->segment == 4)
			continue;
		seg[ctx->osecs[i]->segment] = true;
		if (ctx->osecs[i]->flags & SHF_TLS)
			tls = true;
		if (ctx->osecs[i]->type == SHT_NOTE)
			note = true;
	}
	*n = seg[0] + seg[1] + seg[2] + seg[3] + tls + note + 1 +
	    (ctx->ehframehdr != NULL) + relro_wanted(ctx) +
	    (ctx->interp != NULL ? 2 : 0) + (ctx->dynamic_sec != NULL);
}

static void
place_alloc(struct link *ctx)
{
	static const uint32_t pflags[4] = { PF_R, PF_R | PF_X, PF_R,
	    PF_R | PF_W };
	struct output_section *os;
	Elf64_Phdr *load = NULL, *tls = NULL, *note = NULL;
	uint64_t addr, off, tbss_end = 0;
	size_t i, n;
	int seg = ctx->opts.separate_code ? 0 : 1;

	count_phdrs(ctx, &n);
	off = sizeof(Elf64u_Ehdr) + n * sizeof(Elf64_Phdr);
	addr = ctx->image_base + off;
	/* PT_PHDR and PT_INTERP come before any PT_LOAD (gABI). */
	if (ctx->interp != NULL) {
		new_phdr(ctx, PT_PHDR, PF_R);
		new_phdr(ctx, PT_INTERP, PF_R);
	}
	/* The first segment holds the headers, whatever follows them. */
	load = new_phdr(ctx, PT_LOAD, pflags[seg]);
	load->p_align = PAGE_SIZE;
	load->p_vaddr = load->p_paddr = ctx->image_base;
	load->p_filesz = load->p_memsz = off;
	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->segment == 4)
			continue;
		if (os->omit) {
			os->addr = addr;
			continue;
		}
		if (os->segment != seg) {
			seg = os->segment;
			addr = align_up(addr, PAGE_SIZE);
			off = align_up(off, PAGE_SIZE);
			load = new_phdr(ctx, PT_LOAD, pflags[seg]);
			load->p_align = PAGE_SIZE;
			load->p_vaddr = load->p_paddr = addr;
			load->p_offset = off;
		}
		addr = align_up(addr, os->align);
		if (os->type != SHT_NOBITS)
			off = addr - ctx->image_base;
		os->addr = addr;
		os->offset = os->type == SHT_NOBITS ? off :
		    addr - ctx->image_base;
		if (os->flags & SHF_TLS) {
			if (tls == NULL) {
				tls = &ctx->phdrs[15];
				tls->p_vaddr = addr;
				tls->p_offset = off;
			}
			if (os->align > tls->p_align)
				tls->p_align = os->align;
			if (os->type == SHT_NOBITS) {
				tbss_end = addr + os->size;
				continue;
			}
			tls->p_filesz = addr + os->size - tls->p_vaddr;
		}
		if (os->type == SHT_NOTE && note == NULL) {
			note = &ctx->phdrs[14];
			note->p_vaddr = addr;
			note->p_offset = os->offset;
			note->p_align = os->align;
		}
		if (note != NULL && os->type == SHT_NOTE && os->segment == 0)
			note->p_filesz = addr + os->size - note->p_vaddr;
		addr += os->size;
		if (os->type != SHT_NOBITS) {
			off = addr - ctx->image_base;
			load->p_filesz = off - load->p_offset;
		}
		load->p_memsz = addr - load->p_vaddr;
		if (seg == 1 && (os->flags & SHF_EXECINSTR))
			ctx->etext = addr;
		if (seg == 3 && os->type != SHT_NOBITS)
			ctx->edata = addr;
	}
	ctx->end = addr;
	ctx->filesize = off;
	if (ctx->edata == 0)
		ctx->edata = addr;
	if (tls != NULL) {
		tls->p_type = PT_TLS;
		tls->p_flags = PF_R;
		tls->p_paddr = tls->p_vaddr;
		tls->p_memsz = (tbss_end > tls->p_vaddr + tls->p_filesz ?
		    tbss_end : tls->p_vaddr + tls->p_filesz) - tls->p_vaddr;
		ctx->tls_addr = tls->p_vaddr;
		ctx->tls_memsz = tls->p_memsz;
		ctx->tls_align = tls->p_align ? tls->p_align : 1;
		ctx->phdrs[ctx->nphdrs++] = *tls;
	}
	if (note != NULL) {
		note->p_type = PT_NOTE;
		note->p_flags = PF_R;
		note->p_paddr = note->p_vaddr;
		note->p_memsz = note->p_filesz;
		ctx->phdrs[ctx->nphdrs++] = *note;
	}
	if (ctx->ehframehdr != NULL && !ctx->ehframehdr->omit) {
		Elf64_Phdr *ph = new_phdr(ctx, PT_GNU_EH_FRAME, PF_R);
		ph->p_vaddr = ph->p_paddr = ctx->ehframehdr->addr;
		ph->p_offset = ctx->ehframehdr->offset;
		ph->p_filesz = ph->p_memsz = ctx->ehframehdr->size;
		ph->p_align = 4;
	}
	if (ctx->interp != NULL)
		dynamic_phdrs(ctx, n);
	if (ctx->dynamic_sec != NULL) {
		Elf64_Phdr *ph = new_phdr(ctx, PT_DYNAMIC, PF_R | PF_W);
		ph->p_vaddr = ph->p_paddr = ctx->dynamic_sec->addr;
		ph->p_offset = ctx->dynamic_sec->offset;
		ph->p_filesz = ph->p_memsz = ctx->dynamic_sec->size;
		ph->p_align = 8;
	}
	new_phdr(ctx, PT_GNU_STACK, PF_R | PF_W |
	    (stack_executable(ctx) ? PF_X : 0))->p_align = 16;
	if (relro_wanted(ctx))
		add_relro(ctx);
	if (ctx->nphdrs > n)
		diag_fatal("internal error: %zu program headers, room for %zu",
		    ctx->nphdrs, n);
	/* Fewer than counted (an empty segment): pad with PT_NULL. */
	while (ctx->nphdrs < n)
		new_phdr(ctx, PT_NULL, 0);
}

/* PT_PHDR (the loader finds a PIE's base with it) and PT_INTERP. */
static void
dynamic_phdrs(struct link *ctx, size_t n)
{
	Elf64_Phdr *ph = &ctx->phdrs[0];

	ph->p_offset = sizeof(Elf64u_Ehdr);
	ph->p_vaddr = ph->p_paddr = ctx->image_base + ph->p_offset;
	ph->p_filesz = ph->p_memsz = n * sizeof(Elf64_Phdr);
	ph->p_align = 8;
	ph = &ctx->phdrs[1];
	ph->p_offset = ctx->interp->offset;
	ph->p_vaddr = ph->p_paddr = ctx->interp->addr;
	ph->p_filesz = ph->p_memsz = ctx->interp->size;
	ph->p_align = 1;
}

static void
add_relro(struct link *ctx)
{
	struct output_section *os;
	Elf64_Phdr *ph;
	uint64_t lo = 0, hi = 0, off = 0;
	size_t i;

	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (!in_relro(os))
			continue;
		if (lo == 0) {
			lo = os->addr;
			off = os->offset;
		}
		if (os->type != SHT_NOBITS || (os->flags & SHF_TLS) == 0)
			hi = os->addr + os->size;
	}
	ph = new_phdr(ctx, PT_GNU_RELRO, PF_R);
	ph->p_vaddr = ph->p_paddr = lo;
	ph->p_offset = off;
	ph->p_filesz = ph->p_memsz = hi > lo ? hi - lo : 0;
	ph->p_align = 1;
}

static void
place_nonalloc(struct link *ctx)
{
	struct output_section *os;
	uint64_t off = ctx->filesize;
	uint32_t idx = 1;
	size_t i, len = 1, n;

	for (i = 0; i < ctx->nosecs; i++)
		if (!ctx->osecs[i]->omit)
			len += strlen(ctx->osecs[i]->name) + 1;
	ctx->shstrbuf = xcalloc(1, len);
	ctx->shstrsize = 1;
	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->omit)
			continue;
		n = strlen(os->name) + 1;
		os->namestr = (uint32_t)ctx->shstrsize;
		memcpy(ctx->shstrbuf + ctx->shstrsize, os->name, n);
		ctx->shstrsize += n;
	}
	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (!os->omit)
			os->index = idx++;
		if (os->segment != 4 || os->omit)
			continue;
		if (os->kind == OS_SHSTRTAB)
			os->size = ctx->shstrsize;
		off = align_up(off, os->align);
		os->offset = off;
		os->addr = 0;
		off += os->size;
	}
	ctx->nshdrs = idx;
	ctx->shoff = align_up(off, 8);
	ctx->filesize = ctx->shoff + (uint64_t)idx * sizeof(Elf64u_Shdr);
}

/* The address a symbol resolves to; an IFUNC's is its PLT entry's. */
uint64_t
symbol_address(struct link *ctx, const struct symbol *s)
{
	const struct input_section *is;

	if (s->iplt >= 0)
		return ctx->iplt->addr + ctx->plt0 + (uint64_t)s->iplt * 16;
	switch (s->kind) {
	case SYM_DEFINED:
		if (s->shndx == SHN_ABS)
			return s->value;
		if (s->shndx >= s->file->nsecs)
			return 0;
		is = &s->file->secs[s->shndx];
		if (is->osec == NULL)
			return 0;
		if (is->pieces != NULL)
			return is->osec->addr + merge_offset(is, s->value);
		return is->osec->addr + is->offset + s->value;
	case SYM_SYNTHETIC:
		return (s->osec != NULL ? s->osec->addr : 0) + s->value;
	case SYM_SHARED:
		return shared_symbol_address(ctx, s);
	default:
		return 0;
	}
}

/* The real code address of an IFUNC resolver, bypassing its PLT entry. */
uint64_t
resolver_address(struct link *ctx, const struct symbol *s)
{
	struct symbol t = *s;

	t.iplt = -1;
	return symbol_address(ctx, &t);
}

/*
 * The thread-pointer offset of a TLS address: on x86-64 (TLS variant II)
 * the block ends at the thread pointer, rounded up to its alignment.
 */
uint64_t
tp_offset(struct link *ctx, uint64_t addr)
{
	return addr - ctx->tls_addr - align_up(ctx->tls_memsz, ctx->tls_align);
}

static struct output_section *
osec_named(struct link *ctx, const char *name)
{
	size_t i;

	for (i = 0; i < ctx->nosecs; i++)
		if (strcmp(ctx->osecs[i]->name, name) == 0)
			return ctx->osecs[i];
	return NULL;
}

/* Set a synthetic symbol to the start (or end) of section os. */
static void
at_section(struct symbol *s, struct output_section *os, bool end,
    uint64_t fallback)
{
	s->osec = NULL;
	if (os == NULL)
		s->value = fallback;
	else
		s->value = os->addr + (end ? os->size : 0);
	s->shndx = os != NULL && !os->omit ? os->index : SHN_ABS;
}

static void
fix_one(struct link *ctx, struct symbol *s)
{
	const char *n = s->name;

	if (strcmp(n, "_end") == 0 || strcmp(n, "end") == 0)
		s->value = ctx->end;
	else if (strcmp(n, "_etext") == 0 || strcmp(n, "etext") == 0 ||
	    strcmp(n, "__etext") == 0)
		s->value = ctx->etext;
	else if (strcmp(n, "_edata") == 0 || strcmp(n, "edata") == 0 ||
	    strcmp(n, "__bss_start") == 0)
		s->value = ctx->edata;
	else if (strcmp(n, "__ehdr_start") == 0 ||
	    strcmp(n, "__executable_start") == 0)
		s->value = ctx->image_base;
	else if (strncmp(n, "__init_array_", 13) == 0)
		at_section(s, osec_named(ctx, ".init_array"), n[13] == 'e',
		    ctx->edata);
	else if (strncmp(n, "__fini_array_", 13) == 0)
		at_section(s, osec_named(ctx, ".fini_array"), n[13] == 'e',
		    ctx->edata);
	else if (strncmp(n, "__preinit_array_", 16) == 0)
		at_section(s, osec_named(ctx, ".preinit_array"), n[16] == 'e',
		    ctx->edata);
	else if (strncmp(n, "__rela_iplt_", 12) == 0)
		/* Empty in a PIE: the loader applies .rela.plt itself. */
		at_section(s, ctx->relaiplt, n[12] == 'e' && !ctx->pic, 0);
	else if (strcmp(n, "_GLOBAL_OFFSET_TABLE_") == 0)
		at_section(s, ctx->gotplt->omit ? ctx->got : ctx->gotplt,
		    false, 0);
	else if (strcmp(n, "__GNU_EH_FRAME_HDR") == 0)
		at_section(s, ctx->ehframehdr, false, 0);
	else if (strcmp(n, "_TLS_MODULE_BASE_") == 0)
		s->value = ctx->tls_addr;
	else if (strncmp(n, "__start_", 8) == 0)
		at_section(s, osec_named(ctx, n + 8), false, 0);
	else if (strncmp(n, "__stop_", 7) == 0)
		at_section(s, osec_named(ctx, n + 7), true, 0);
	else if (strcmp(n, "_DYNAMIC") == 0 && ctx->dynamic_sec != NULL)
		at_section(s, ctx->dynamic_sec, false, 0);
	else
		s->value = 0;	/* _DYNAMIC of a static link: none */
}

void
fix_synthetic_symbols(struct link *ctx)
{
	struct symbol *s;
	size_t i;

	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s != NULL && s->kind == SYM_SYNTHETIC && s->osec == NULL &&
		    s->shndx == 0)
			fix_one(ctx, s);
	}
	ctx->gotbase = ctx->gotplt->omit ? ctx->got->addr : ctx->gotplt->addr;
	if (ctx->entry->kind == SYM_UNDEF || ctx->entry->kind == SYM_LAZY)
		ctx->entry_addr = osec_named(ctx, ".text") != NULL ?
		    osec_named(ctx, ".text")->addr : ctx->image_base;
	else
		ctx->entry_addr = symbol_address(ctx, ctx->entry);
}
