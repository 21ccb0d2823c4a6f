/*
 * reloc.c: apply_relocations, the x86-64 relocation formulas of the psABI
 * (section 4.4.1: S symbol, A addend, P place, G GOT slot, GOT the
 * _GLOBAL_OFFSET_TABLE_ address) applied to a section already copied into
 * the output, with every field checked for overflow.
 *
 * Code rewrites for a static executable (psABI appendix B and Drepper's
 * "ELF Handling For Thread-Local Storage", section 5.5):
 *   GD -> LE:  .byte 0x66; lea x@tlsgd(%rip),%rdi; .word 0x6666; rex64;
 *              call __tls_get_addr  becomes  mov %fs:0,%rax;
 *              lea x@tpoff(%rax),%rax  (16 bytes either way).
 *   LD -> LE:  lea x@tlsld(%rip),%rdi; call __tls_get_addr  becomes
 *              data16 prefixes; mov %fs:0,%rax  (12 or 13 bytes).
 *   GOTPCRELX: mov foo@GOTPCREL(%rip),%reg  becomes  lea foo(%rip),%reg.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "ld.h"

struct site {
	struct link		*ctx;
	struct input_section	*is;
	const Elf64u_Rela	*r;
	const char		*symname;
	int64_t			 addend;	/* A (0 if used by a merge) */
};

static const char *reloc_name(uint32_t);
static void	put32s(struct site *, unsigned char *, int64_t);
static void	put32u(struct site *, unsigned char *, uint64_t);
static bool	relax_gd(struct site *, unsigned char *, uint64_t);
static bool	relax_ld(struct site *, unsigned char *);

static const char *
reloc_name(uint32_t type)
{
	static const char *const names[] = {
		"R_X86_64_NONE", "R_X86_64_64", "R_X86_64_PC32",
		"R_X86_64_GOT32", "R_X86_64_PLT32", "R_X86_64_COPY",
		"R_X86_64_GLOB_DAT", "R_X86_64_JUMP_SLOT",
		"R_X86_64_RELATIVE", "R_X86_64_GOTPCREL", "R_X86_64_32",
		"R_X86_64_32S", "R_X86_64_16", "R_X86_64_PC16", "R_X86_64_8",
		"R_X86_64_PC8", "R_X86_64_DTPMOD64", "R_X86_64_DTPOFF64",
		"R_X86_64_TPOFF64", "R_X86_64_TLSGD", "R_X86_64_TLSLD",
		"R_X86_64_DTPOFF32", "R_X86_64_GOTTPOFF", "R_X86_64_TPOFF32",
		"R_X86_64_PC64", "R_X86_64_GOTOFF64", "R_X86_64_GOTPC32",
		"R_X86_64_GOT64", "R_X86_64_GOTPCREL64", "R_X86_64_GOTPC64",
		"R_X86_64_GOTPLT64", "R_X86_64_PLTOFF64", "R_X86_64_SIZE32",
		"R_X86_64_SIZE64", "R_X86_64_GOTPC32_TLSDESC",
		"R_X86_64_TLSDESC_CALL", "R_X86_64_TLSDESC",
		"R_X86_64_IRELATIVE", "R_X86_64_RELATIVE64", "type 39",
		"type 40", "R_X86_64_GOTPCRELX", "R_X86_64_REX_GOTPCRELX",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] :
	    "unknown type";
}

/*
 * While threads write the output (output.c), an error only sets the
 * flag: the sections are written again on one thread to report it.
 */
bool
reloc_quiet(struct link *ctx)
{
	if (!ctx->quiet_relocs)
		return false;
	atomic_store(&ctx->reloc_failed, true);
	return true;
}

static void
site_error(struct site *st, const char *what, int64_t v)
{
	if (reloc_quiet(st->ctx))
		return;
	diag_error(st->is->file->name, "%s+0x%jx: relocation %s %s: %jd "
	    "(symbol %s)", st->is->name, (uintmax_t)st->r->r_offset,
	    reloc_name(ELF64_R_TYPE(st->r->r_info)), what, (intmax_t)v,
	    st->symname);
}

static void
put32s(struct site *st, unsigned char *p, int64_t v)
{
	if (v != (int32_t)v)
		site_error(st, "out of range", v);
	store32(p, (uint32_t)v, false);
}

static void
put32u(struct site *st, unsigned char *p, uint64_t v)
{
	if (v > UINT32_MAX)
		site_error(st, "out of range", (int64_t)v);
	store32(p, (uint32_t)v, false);
}

/* Bytes a relocation type writes, or 0 when it is not handled. */
static unsigned
reloc_size(uint32_t type)
{
	switch (type) {
	case R_X86_64_NONE:
		return 0;
	case R_X86_64_64: case R_X86_64_PC64: case R_X86_64_GOTOFF64:
	case R_X86_64_GOT64: case R_X86_64_GOTPCREL64: case R_X86_64_GOTPC64:
	case R_X86_64_GOTPLT64: case R_X86_64_SIZE64: case R_X86_64_DTPOFF64:
	case R_X86_64_TPOFF64: case R_X86_64_PLTOFF64:
		return 8;
	case R_X86_64_16: case R_X86_64_PC16:
		return 2;
	case R_X86_64_8: case R_X86_64_PC8:
		return 1;
	case R_X86_64_TLSDESC: case R_X86_64_GOTPC32_TLSDESC:
	case R_X86_64_TLSDESC_CALL:
		return 0;
	default:
		return 4;
	}
}

/*
 * The address of local symbol idx of f (0 for a discarded section).  In
 * a merged section a section symbol's target is value plus addend, which
 * is then used up (*addend set to 0).
 */
static uint64_t
local_address(struct input_file *f, uint32_t idx, int64_t *addend)
{
	const Elf64u_Sym *es = &f->syms[idx];
	uint32_t shndx = sym_shndx(f, idx);
	const struct input_section *is;
	uint64_t off;

	if (shndx == SHN_ABS)
		return es->st_value;
	if (shndx == SHN_UNDEF || shndx >= f->nsecs)
		return 0;
	is = &f->secs[shndx];
	if (is->osec == NULL)
		return 0;
	if (is->pieces == NULL)
		return is->osec->addr + is->offset + es->st_value;
	if (ELF64_ST_TYPE(es->st_info) != STT_SECTION)
		return is->osec->addr + merge_offset(is, es->st_value);
	off = es->st_value + (uint64_t)*addend;
	*addend = 0;
	return is->osec->addr + merge_offset(is, off);
}

static uint64_t
got_address(struct link *ctx, int32_t slot)
{
	return ctx->got->addr + (uint64_t)slot * 8;
}

/*
 * Apply one relocation at p (inside the output).  Returns true when the
 * next relocation belongs to a rewritten TLS sequence and must be skipped.
 */
static bool
apply_one(struct site *st, unsigned char *p, uint64_t S, uint64_t P,
    struct symbol *s)
{
	struct link *ctx = st->ctx;
	const Elf64u_Rela *r = st->r;
	int64_t A = st->addend;
	uint64_t GOT = ctx->gotbase, size;
	bool code = (st->is->shdr->sh_flags & SHF_EXECINSTR) != 0;
	int dyn;

	if (ctx->dynamic && (dyn = apply_dynamic_reloc(ctx, st->is, r, p, S,
	    P, s, A)) >= 0)
		return dyn == 1;
	switch (ELF64_R_TYPE(r->r_info)) {
	case R_X86_64_NONE:
		break;
	case R_X86_64_64:
		store64(p, S + A, false);
		break;
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
		put32s(st, p, (int64_t)(S + A - P));
		break;
	case R_X86_64_32:
		put32u(st, p, S + A);
		break;
	case R_X86_64_32S:
		put32s(st, p, (int64_t)(S + A));
		break;
	case R_X86_64_16:
		if (S + A > UINT16_MAX)
			site_error(st, "out of range", (int64_t)(S + A));
		store16(p, (uint16_t)(S + A), false);
		break;
	case R_X86_64_PC16:
		if ((int64_t)(S + A - P) != (int16_t)(S + A - P))
			site_error(st, "out of range", (int64_t)(S + A - P));
		store16(p, (uint16_t)(S + A - P), false);
		break;
	case R_X86_64_8:
		if (S + A > UINT8_MAX)
			site_error(st, "out of range", (int64_t)(S + A));
		*p = (uint8_t)(S + A);
		break;
	case R_X86_64_PC8:
		if ((int64_t)(S + A - P) != (int8_t)(S + A - P))
			site_error(st, "out of range", (int64_t)(S + A - P));
		*p = (uint8_t)(S + A - P);
		break;
	case R_X86_64_PC64:
		store64(p, S + A - P, false);
		break;
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
		if (gotpcrelx_relaxable(st->is->file, st->is, r)) {
			p[-2] = 0x8d;
			put32s(st, p, (int64_t)(S + A - P));
			break;
		}
		/* FALLTHROUGH */
	case R_X86_64_GOTPCREL:
		put32s(st, p, (int64_t)(got_address(ctx, s->got) + A - P));
		break;
	case R_X86_64_GOTPCREL64:
		store64(p, got_address(ctx, s->got) + A - P, false);
		break;
	case R_X86_64_GOT32:
		put32s(st, p, (int64_t)(got_address(ctx, s->got) + A - GOT));
		break;
	case R_X86_64_GOT64:
	case R_X86_64_GOTPLT64:
		store64(p, got_address(ctx, s->got) + A - GOT, false);
		break;
	case R_X86_64_GOTOFF64:
		store64(p, S + A - GOT, false);
		break;
	case R_X86_64_PLTOFF64:
		store64(p, S + A - GOT, false);
		break;
	case R_X86_64_GOTPC32:
		put32s(st, p, (int64_t)(GOT + A - P));
		break;
	case R_X86_64_GOTPC64:
		store64(p, GOT + A - P, false);
		break;
	case R_X86_64_SIZE32:
		size = s != NULL ? s->size : 0;
		put32u(st, p, size + A);
		break;
	case R_X86_64_SIZE64:
		size = s != NULL ? s->size : 0;
		store64(p, size + A, false);
		break;
	case R_X86_64_TPOFF32:
		put32s(st, p, (int64_t)tp_offset(ctx, S + A));
		break;
	case R_X86_64_TPOFF64:
		store64(p, tp_offset(ctx, S + A), false);
		break;
	case R_X86_64_DTPOFF32:
		/* In code, only after an LD -> LE rewrite: a TP offset. */
		if (code)
			put32s(st, p, (int64_t)tp_offset(ctx, S + A));
		else
			put32s(st, p, (int64_t)(S + A - ctx->tls_addr));
		break;
	case R_X86_64_DTPOFF64:
		if (code)
			store64(p, tp_offset(ctx, S + A), false);
		else
			store64(p, S + A - ctx->tls_addr, false);
		break;
	case R_X86_64_GOTTPOFF:
		if (gottpoff_relaxable(st->is->file, st->is, r)) {
			/* IE -> LE: mov/add $tpoff, %reg (REX.R -> REX.B). */
			p[-3] = p[-3] == 0x4c ? 0x49 : 0x48;
			p[-1] = (unsigned char)(0xc0 | ((p[-1] >> 3) & 7));
			p[-2] = p[-2] == 0x8b ? 0xc7 : 0x81;
			put32s(st, p, (int64_t)tp_offset(ctx, S));
			break;
		}
		put32s(st, p, (int64_t)(got_address(ctx, s->gottp) + A - P));
		break;
	case R_X86_64_TLSGD:
		return relax_gd(st, p, S);
	case R_X86_64_TLSLD:
		return relax_ld(st, p);
	case R_X86_64_GOTPC32_TLSDESC:
	case R_X86_64_TLSDESC_CALL:
		size = tp_offset(ctx, S);
		if ((int64_t)size != (int32_t)size)
			site_error(st, "out of range", (int64_t)size);
		else if (!relax_tlsdesc(p - r->r_offset, st->is->shdr->sh_size,
		    r->r_offset, ELF64_R_TYPE(r->r_info), (int32_t)size))
			site_error(st, "is not in a known TLS descriptor "
			    "sequence at offset", (int64_t)r->r_offset);
		break;
	default:
		if (reloc_quiet(ctx))
			break;
		diag_error(st->is->file->name, "%s+0x%jx: unsupported "
		    "relocation %s (%u)", st->is->name,
		    (uintmax_t)r->r_offset,
		    reloc_name(ELF64_R_TYPE(r->r_info)),
		    (unsigned)ELF64_R_TYPE(r->r_info));
	}
	return false;
}

/* GD -> LE; p is the lea's displacement. */
static bool
relax_gd(struct site *st, unsigned char *p, uint64_t S)
{
	static const unsigned char le[12] = {
		0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0,	/* mov %fs:0 */
		0x48, 0x8d, 0x80,				/* lea x(%rax) */
	};
	uint64_t off = st->r->r_offset, size = st->is->shdr->sh_size;

	if (off < 4 || off + 12 > size || memcmp(p - 4, "\x66\x48\x8d\x3d",
	    4) != 0 || (memcmp(p + 4, "\x66\x66\x48\xe8", 4) != 0 &&
	    memcmp(p + 4, "\x66\xff\x15", 3) != 0 &&
	    memcmp(p + 4, "\xff\x15", 2) != 0)) {
		site_error(st, "is not in a known general dynamic TLS "
		    "sequence at offset", (int64_t)off);
		return false;
	}
	memcpy(p - 4, le, sizeof(le));
	put32s(st, p + 8, (int64_t)tp_offset(st->ctx, S));
	return true;
}

/* LD -> LE; p is the lea's displacement. */
static bool
relax_ld(struct site *st, unsigned char *p)
{
	uint64_t off = st->r->r_offset, size = st->is->shdr->sh_size;

	if (off < 3 || off + 9 > size ||
	    memcmp(p - 3, "\x48\x8d\x3d", 3) != 0) {
		site_error(st, "is not in a known local dynamic TLS sequence "
		    "at offset", (int64_t)off);
		return false;
	}
	if (p[4] == 0xe8) {
		memcpy(p - 3, "\x66\x66\x66\x64\x48\x8b\x04\x25\0\0\0\0", 12);
		return true;
	}
	if (p[4] == 0xff && p[5] == 0x15 && off + 10 <= size) {
		memcpy(p - 3, "\x66\x66\x66\x66\x64\x48\x8b\x04\x25\0\0\0\0",
		    13);
		return true;
	}
	site_error(st, "is not in a known local dynamic TLS sequence at "
	    "offset", (int64_t)off);
	return false;
}

/* Whether a GOT relocation lacks the slot scan_relocations makes. */
static bool
missing_slot(uint32_t type, const struct symbol *s)
{
	switch (type) {
	case R_X86_64_GOTPCREL: case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX: case R_X86_64_GOT32: case R_X86_64_GOT64:
	case R_X86_64_GOTPCREL64: case R_X86_64_GOTPLT64:
		return s == NULL || s->got < 0;
	case R_X86_64_GOTTPOFF:
		return s == NULL || s->gottp < 0;
	default:
		return false;
	}
}

/* Whether section shndx of f is absent from the output. */
bool
section_is_dropped(const struct input_file *f, uint32_t shndx)
{
	return shndx < f->nsecs && f->secs[shndx].osec == NULL;
}

void
apply_relocations(struct link *ctx, struct input_section *is,
    unsigned char *dst)
{
	struct input_file *f = is->file;
	struct site st = { ctx, is, NULL, NULL, 0 };
	struct symbol *s;
	uint64_t S, P, base = is->osec->addr + is->offset, at;
	uint32_t type, idx;
	size_t k;

	for (k = 0; k < is->nrelas; k++) {
		st.r = &is->relas[k];
		type = ELF64_R_TYPE(st.r->r_info);
		idx = ELF64_R_SYM(st.r->r_info);
		if (idx >= f->nsyms)
			continue;	/* reported by scan_relocations */
		if (st.r->r_offset > is->shdr->sh_size ||
		    reloc_size(type) > is->shdr->sh_size - st.r->r_offset) {
			if (type != R_X86_64_NONE)
				site_error(&st, "offset past the end of "
				    "the section", (int64_t)st.r->r_offset);
			continue;
		}
		/* A split .eh_frame's records have moved, or are gone. */
		at = st.r->r_offset;
		if (is->ehrecs != NULL &&
		    (at = eh_frame_offset(is, at)) == UINT64_MAX)
			continue;
		s = f->symbols[idx];
		st.symname = sym_name(f, &f->syms[idx]);
		st.addend = st.r->r_addend;
		if (s != NULL)
			S = symbol_address(ctx, s);
		else
			S = local_address(f, idx, &st.addend);
		P = base + at;
		/* dynreloc.c reserves the slots of a dynamic link. */
		if (!ctx->dynamic && missing_slot(type, s) &&
		    !gotpcrelx_relaxable(f, is, st.r) &&
		    !gottpoff_relaxable(f, is, st.r)) {
			site_error(&st, "has no GOT slot; at offset",
			    (int64_t)st.r->r_offset);
			continue;
		}
		if (apply_one(&st, dst + at, S, P, s))
			k++;
	}
}
