/*
 * scan.c: scan_relocations, which reads every relocation of the live
 * allocated sections once to decide which symbols need a GOT slot, a TP
 * offset slot or an IFUNC PLT entry.  No new symbols appear after it.
 *
 * The relocation types and their formulas are those of the x86-64 psABI
 * ("System V Application Binary Interface, AMD64 Architecture Processor
 * Supplement", section 4.4), and the TLS code sequences those of Ulrich
 * Drepper's "ELF Handling For Thread-Local Storage".  In a static
 * executable, general and local dynamic TLS are always rewritten to local
 * exec (reloc.c), so they need no slot; a GOTPCRELX load of a symbol
 * defined here becomes a LEA and needs none either.
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

static void	scan_section(struct link *, struct input_section *);
static int32_t	got_slot(struct link *, struct symbol *, int);

/*
 * The symbol a relocation refers to.  A local gets a struct symbol only
 * when it needs a slot (make is true); otherwise NULL.
 */
struct symbol *
reloc_symbol(struct link *ctx, struct input_file *f, uint32_t idx, bool make)
{
	const Elf64u_Sym *es;
	struct symbol *s;

	if (f->symbols[idx] != NULL || !make)
		return f->symbols[idx];
	es = &f->syms[idx];
	s = symbol_new(ctx);
	s->name = sym_name(f, es);
	s->namelen = strlen(s->name);
	s->kind = SYM_DEFINED;
	s->file = f;
	s->shndx = sym_shndx(f, idx);
	s->value = es->st_value;
	s->size = es->st_size;
	s->type = ELF64_ST_TYPE(es->st_info);
	s->bind = STB_LOCAL;
	f->symbols[idx] = s;
	return s;
}

/* The symbol type of relocation r's target. */
static int
target_type(struct input_file *f, const Elf64u_Rela *r)
{
	struct symbol *s = f->symbols[ELF64_R_SYM(r->r_info)];

	if (s != NULL)
		return s->kind == SYM_DEFINED ? s->type : STT_NOTYPE;
	return ELF64_ST_TYPE(f->syms[ELF64_R_SYM(r->r_info)].st_info);
}

/*
 * Whether the GOTPCRELX load at r can become a LEA: the instruction is
 * "mov foo@GOTPCREL(%rip), %reg" and foo has an address known here that
 * is not an IFUNC's.  Undefined weak symbols keep their GOT slot (zero).
 */
bool
gotpcrelx_relaxable(struct input_file *f, struct input_section *is,
    const Elf64u_Rela *r)
{
	uint32_t type = ELF64_R_TYPE(r->r_info);
	struct symbol *s = f->symbols[ELF64_R_SYM(r->r_info)];
	const unsigned char *p;

	if (type != R_X86_64_GOTPCRELX && type != R_X86_64_REX_GOTPCRELX)
		return false;
	if (r->r_offset < 3 || is->shdr->sh_size < 4 ||
	    r->r_offset > is->shdr->sh_size - 4 ||
	    is->shdr->sh_type == SHT_NOBITS || r->r_addend != -4)
		return false;
	p = f->data.data + is->shdr->sh_offset + r->r_offset;
	if (p[-2] != 0x8b)
		return false;
	if (type == R_X86_64_REX_GOTPCRELX && (p[-3] & 0xf0) != 0x40)
		return false;
	if (target_type(f, r) == STT_GNU_IFUNC)
		return false;
	if (s == NULL)
		return true;
	if (s->dflags & SD_PREEMPT)
		return false;
	return s->kind == SYM_DEFINED || s->kind == SYM_SYNTHETIC ||
	    s->kind == SYM_COMMON;
}

/*
 * Whether the initial exec load at r can become local exec: "mov
 * foo@gottpoff(%rip), %reg" or "add foo@gottpoff(%rip), %reg" with a
 * 64-bit REX prefix, as the psABI lists them; the TP offset is then an
 * immediate and needs no GOT slot.
 */
bool
gottpoff_relaxable(struct input_file *f, struct input_section *is,
    const Elf64u_Rela *r)
{
	const unsigned char *p;

	if (ELF64_R_TYPE(r->r_info) != R_X86_64_GOTTPOFF || r->r_offset < 3 ||
	    is->shdr->sh_size < 4 || r->r_offset > is->shdr->sh_size - 4 ||
	    is->shdr->sh_type == SHT_NOBITS)
		return false;
	p = f->data.data + is->shdr->sh_offset + r->r_offset;
	return (p[-3] == 0x48 || p[-3] == 0x4c) &&
	    (p[-2] == 0x8b || p[-2] == 0x03) && (p[-1] & 0xc7) == 0x05;
}

static int32_t
got_slot(struct link *ctx, struct symbol *s, int kind)
{
	if (ctx->ngot == ctx->capgot) {
		ctx->capgot = ctx->capgot * 2 + 64;
		ctx->gotents = xreallocarray(ctx->gotents, ctx->capgot,
		    sizeof(*ctx->gotents));
	}
	ctx->gotents[ctx->ngot].sym = s;
	ctx->gotents[ctx->ngot].kind = kind;
	return (int32_t)ctx->ngot++;
}

/* Give s a PLT entry (an IFUNC's, or a dynamic link's), once. */
void
iplt_add(struct link *ctx, struct symbol *s)
{
	if (s->iplt >= 0)
		return;
	if (ctx->niplt == ctx->capiplt) {
		ctx->capiplt = ctx->capiplt * 2 + 64;
		ctx->ipltsyms = xreallocarray(ctx->ipltsyms, ctx->capiplt,
		    sizeof(*ctx->ipltsyms));
	}
	s->iplt = (int32_t)ctx->niplt;
	ctx->ipltsyms[ctx->niplt++] = s;
}

void
scan_relocations(struct link *ctx)
{
	struct input_file *f;
	struct input_section *is;
	size_t i, j;

	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++) {
			is = &f->secs[j];
			if (is->osec != NULL && is->nrelas > 0)
				scan_section(ctx, is);
		}
	}
	if (ctx->dynamic)
		return;		/* sized by size_dynamic_relocs */
	ctx->got->size = (uint64_t)ctx->ngot * 8;
	ctx->gotplt->size = ctx->niplt ? (3 + (uint64_t)ctx->niplt) * 8 : 0;
	ctx->iplt->size = (uint64_t)ctx->niplt * 16;
	ctx->relaiplt->size = (uint64_t)ctx->niplt * sizeof(Elf64u_Rela);
}

static void
scan_section(struct link *ctx, struct input_section *is)
{
	struct input_file *f = is->file;
	const Elf64u_Rela *r;
	struct symbol *s;
	uint32_t type, idx;
	size_t k;
	bool alloc = (is->shdr->sh_flags & SHF_ALLOC) != 0;

	for (k = 0; k < is->nrelas; k++) {
		r = &is->relas[k];
		idx = ELF64_R_SYM(r->r_info);
		type = ELF64_R_TYPE(r->r_info);
		if (idx >= f->nsyms || (idx == 0 && type != R_X86_64_NONE &&
		    f->nsyms == 0)) {
			diag_error(f->name, "%s: relocation %zu: bad symbol "
			    "index %u", is->name, k, idx);
			continue;
		}
		if (!alloc || (is->ehrecs != NULL &&
		    eh_frame_offset(is, r->r_offset) == UINT64_MAX))
			continue;	/* not written, or a dropped FDE's */
		if (ctx->dynamic) {
			scan_dynamic_reloc(ctx, is, &k);
			continue;
		}
		switch (type) {
		case R_X86_64_GOTPCRELX:
		case R_X86_64_REX_GOTPCRELX:
			if (gotpcrelx_relaxable(f, is, r))
				break;
			/* FALLTHROUGH */
		case R_X86_64_GOTPCREL:
		case R_X86_64_GOT32:
		case R_X86_64_GOT64:
		case R_X86_64_GOTPCREL64:
		case R_X86_64_GOTPLT64:
			s = reloc_symbol(ctx, f, idx, true);
			if (s->got < 0)
				s->got = got_slot(ctx, s, GOT_ADDR);
			break;
		case R_X86_64_GOTTPOFF:
			if (gottpoff_relaxable(f, is, r))
				break;
			s = reloc_symbol(ctx, f, idx, true);
			if (s->gottp < 0)
				s->gottp = got_slot(ctx, s, GOT_TPOFF);
			break;
		default:
			break;
		}
		if (target_type(f, r) == STT_GNU_IFUNC) {
			iplt_add(ctx, reloc_symbol(ctx, f, idx, true));
		}
	}
}
