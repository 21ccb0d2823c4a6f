/*
 * output.c: write_output, the executable written in place into an
 * mmapped file of its final size (common/outfile), then committed.
 *
 * The ELF header, program headers and section headers follow the gABI
 * ("ELF Header", "Program Header", "Sections").  The linker-made sections
 * are the GOT, and for IFUNCs (psABI "Indirect Functions") the PLT entries
 * that jump through .got.plt slots that IRELATIVE relocations in .rela.plt
 * fill at startup: glibc's static startup applies the entries between
 * __rela_iplt_start and __rela_iplt_end.  A relocation that fails while
 * writing aborts the temporary file, so no output is left behind.
 *
 * Copying input sections and relocating them is most of the work, and
 * each input section owns its bytes of the output, so that part runs on
 * the thread pool (STYLE.md section 8) in one parallel for over the input
 * sections.  In a dynamic link, R_X86_64_64 relocations of allocated
 * sections append to .rela.dyn in order, so sections with one stay in the
 * serial loop.  A
 * failing relocation in the parallel part only sets a flag; the part is
 * then run again on one thread to report, so diagnostics come in the same
 * order whatever the thread count.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

static void	write_headers(struct link *);
static void	write_section(struct link *, struct output_section *);
static void	write_input(struct link *, struct input_section *);
static void	write_parallel(struct link *);
static void	write_got(struct link *, unsigned char *);
static void	write_iplt(struct link *, struct output_section *);
static void	write_shdrs(struct link *);

void
write_output(struct link *ctx)
{
	size_t i;

	if (outfile_open(&ctx->out, ctx->opts.output,
	    outfile_default_mode(0777)) == -1)
		diag_fatal("cannot create %s: %s", ctx->opts.output,
		    strerror(errno));
	ctx->buf = outfile_map(&ctx->out, ctx->filesize);
	if (ctx->buf == NULL) {
		outfile_abort(&ctx->out);
		diag_fatal("cannot map %s: %s", ctx->opts.output,
		    strerror(errno));
	}
	write_headers(ctx);
	write_parallel(ctx);
	for (i = 0; i < ctx->nosecs; i++)
		if (!ctx->osecs[i]->omit)
			write_section(ctx, ctx->osecs[i]);
	write_shdrs(ctx);
	if (diag_errors() > 0) {
		outfile_abort(&ctx->out);
		exit(1);
	}
	stats_lap(ctx, "write_sections");
	if (ctx->opts.build_id != NULL)
		write_build_id(ctx);
	stats_lap(ctx, "write_build_id");
	if (outfile_commit(&ctx->out, 0) == -1)
		diag_fatal("cannot write %s: %s", ctx->opts.output,
		    strerror(errno));
}

/*
 * Whether the output uses GNU extensions that the OS/ABI must announce:
 * an IFUNC (a dynamic link has PLT entries for others too) or a
 * STB_GNU_UNIQUE symbol (C++ inline statics).
 */
static bool
has_ifunc(struct link *ctx)
{
	struct symbol *s;
	size_t i;

	/* An IFUNC defined here; a library's is a plain FUNC to us. */
	for (i = 0; i < ctx->niplt; i++)
		if (ctx->ipltsyms[i]->type == STT_GNU_IFUNC &&
		    ctx->ipltsyms[i]->kind != SYM_SHARED)
			return true;
	for (i = 1; i < ctx->ndynsyms; i++)
		if (ctx->dynsyms[i]->type == STT_GNU_IFUNC &&
		    ctx->dynsyms[i]->kind == SYM_DEFINED)
			return true;
	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s != NULL && s->bind == STB_GNU_UNIQUE &&
		    s->kind == SYM_DEFINED)
			return true;
	}
	return false;
}

static void
write_headers(struct link *ctx)
{
	Elf64u_Ehdr *eh = (Elf64u_Ehdr *)ctx->buf;

	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	/* IFUNC symbols are a GNU extension, which the OS/ABI then says. */
	eh->e_ident[EI_OSABI] = has_ifunc(ctx) ? ELFOSABI_GNU : ELFOSABI_NONE;
	eh->e_type = ctx->pic ? ET_DYN : ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = ctx->entry_addr;
	eh->e_phoff = sizeof(Elf64u_Ehdr);
	eh->e_shoff = ctx->shoff;
	eh->e_ehsize = sizeof(Elf64u_Ehdr);
	eh->e_phentsize = sizeof(Elf64_Phdr);
	eh->e_phnum = (uint16_t)ctx->nphdrs;
	eh->e_shentsize = sizeof(Elf64u_Shdr);
	eh->e_shnum = ctx->nshdrs < SHN_LORESERVE ? (uint16_t)ctx->nshdrs : 0;
	eh->e_shstrndx = ctx->shstrtab_sec->index < SHN_LORESERVE ?
	    (uint16_t)ctx->shstrtab_sec->index : SHN_XINDEX;
	memcpy(ctx->buf + sizeof(Elf64u_Ehdr), ctx->phdrs,
	    ctx->nphdrs * sizeof(Elf64_Phdr));
}

static void
write_input(struct link *ctx, struct input_section *is)
{
	unsigned char *dst = ctx->buf + is->osec->offset + is->offset;

	if (is->pieces != NULL) {
		merge_write(is, dst);
		return;
	}
	if (is->ehrecs != NULL) {
		eh_frame_write(ctx, is, dst);
		return;
	}
	memcpy(dst, is->file->data.data + is->shdr->sh_offset,
	    is->shdr->sh_size);
	if (is->nrelas > 0)
		apply_relocations(ctx, is, dst);
	if (is->reverse)
		ctors_reverse(dst, is->shdr->sh_size);
}

struct wjob {
	struct link		 *ctx;
	struct input_section	**in;
};

static void
write_range(void *arg, size_t begin, size_t end)
{
	struct wjob *j = arg;
	size_t i;

	for (i = begin; i < end; i++)
		write_input(j->ctx, j->in[i]);
}

static void
write_parallel(struct link *ctx)
{
	struct output_section *os;
	struct input_section *is;
	struct wjob job = { ctx, NULL };
	size_t i, k, n = 0;

	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (!os->omit && os->kind == OS_REGULAR &&
		    os->type != SHT_NOBITS)
			n += os->nin;
	}
	job.in = xreallocarray(NULL, n ? n : 1, sizeof(*job.in));
	for (i = 0, n = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->omit || os->kind != OS_REGULAR ||
		    os->type == SHT_NOBITS)
			continue;
		for (k = 0; k < os->nin; k++) {
			is = os->in[k];
			if (is->shdr->sh_type != SHT_NOBITS)
				job.in[n++] = is;
		}
	}
	ctx->quiet_relocs = pool_threads(ctx->pool) > 1;
	atomic_store(&ctx->reloc_failed, false);
	pool_for(ctx->pool, n, 64, write_range, &job);
	if (ctx->quiet_relocs && atomic_load(&ctx->reloc_failed)) {
		/* Again, alone, to report the errors in order. */
		ctx->quiet_relocs = false;
		if (ctx->dynamic)
			reladyn_ranges(ctx);
		write_range(&job, 0, n);
	}
	ctx->quiet_relocs = false;
	free(job.in);
}

static void
write_section(struct link *ctx, struct output_section *os)
{
	if (os->type == SHT_NOBITS)
		return;
	switch (os->kind) {
	case OS_REGULAR:
		break;		/* its inputs: write_parallel */
	case OS_GOT:
		if (ctx->dynamic)
			write_dynamic_got(ctx, ctx->buf + os->offset);
		else
			write_got(ctx, ctx->buf + os->offset);
		break;
	case OS_IPLT:
	case OS_GOTPLT:
	case OS_RELAIPLT:
		if (ctx->dynamic)
			write_plt(ctx, os);
		else
			write_iplt(ctx, os);
		break;
	case OS_EHFRAMEHDR:
		write_eh_frame_hdr(ctx);
		break;
	case OS_SYMTAB:
		write_symtab(ctx);
		break;
	case OS_SHSTRTAB:
		memcpy(ctx->buf + os->offset, ctx->shstrbuf, ctx->shstrsize);
		break;
	default:
		write_dynamic_section(ctx, os);
		break;
	}
}

static void
write_got(struct link *ctx, unsigned char *p)
{
	struct got_entry *g;
	uint64_t v;
	uint32_t i;

	for (i = 0; i < ctx->ngot; i++) {
		g = &ctx->gotents[i];
		v = symbol_address(ctx, g->sym);
		if (g->kind == GOT_TPOFF)
			v = tp_offset(ctx, v);
		store64(p + (uint64_t)i * 8, v, false);
	}
}

/* The IFUNC machinery: PLT entries, their .got.plt slots, IRELATIVEs. */
static void
write_iplt(struct link *ctx, struct output_section *os)
{
	static const unsigned char pad[10] = {
		0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00,	/* nopl */
		0x66, 0x90,					/* nop */
	};
	unsigned char *p = ctx->buf + os->offset;
	uint64_t slot, entry, fn;
	Elf64u_Rela rela;
	uint32_t i;

	for (i = 0; i < ctx->niplt; i++) {
		slot = ctx->gotplt->addr + (3 + (uint64_t)i) * 8;
		entry = ctx->iplt->addr + (uint64_t)i * 16;
		fn = resolver_address(ctx, ctx->ipltsyms[i]);
		switch (os->kind) {
		case OS_IPLT:
			p[i * 16] = 0xff;
			p[i * 16 + 1] = 0x25;
			store32(p + i * 16 + 2, (uint32_t)(slot - (entry + 6)),
			    false);
			memcpy(p + i * 16 + 6, pad, sizeof(pad));
			break;
		case OS_GOTPLT:
			store64(p + (3 + (uint64_t)i) * 8, fn, false);
			break;
		default:
			rela.r_offset = slot;
			rela.r_info = ELF64_R_INFO(0, R_X86_64_IRELATIVE);
			rela.r_addend = (int64_t)fn;
			memcpy(p + (uint64_t)i * sizeof(rela), &rela,
			    sizeof(rela));
		}
	}
}

static void
write_shdrs(struct link *ctx)
{
	Elf64u_Shdr *sh = (Elf64u_Shdr *)(ctx->buf + ctx->shoff);
	struct output_section *os;
	size_t i;

	memset(sh, 0, sizeof(*sh));
	if (ctx->nshdrs >= SHN_LORESERVE)
		sh->sh_size = ctx->nshdrs;
	if (ctx->shstrtab_sec->index >= SHN_LORESERVE)
		sh->sh_link = ctx->shstrtab_sec->index;
	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->omit)
			continue;
		sh = (Elf64u_Shdr *)(ctx->buf + ctx->shoff) + os->index;
		sh->sh_name = os->namestr;
		sh->sh_type = os->type;
		sh->sh_flags = os->flags;
		sh->sh_addr = os->addr;
		sh->sh_offset = os->offset;
		sh->sh_size = os->size;
		sh->sh_addralign = os->align;
		sh->sh_entsize = os->entsize;
		if (os->kind == OS_SYMTAB) {
			sh->sh_link = ctx->strtab_sec->index;
			sh->sh_info = ctx->nlocals;
		} else if (os->kind == OS_RELAIPLT) {
			sh->sh_info = ctx->gotplt->index;
			if (ctx->symtab_sec != NULL)
				sh->sh_link = ctx->symtab_sec->index;
		}
		if (ctx->dynamic)
			dynamic_shdr(ctx, os, sh);
	}
}
