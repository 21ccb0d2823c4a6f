/*
 * dynreloc.c: relocations in a dynamic link.  One decision per input
 * relocation (classify), taken the same way by scan_relocations, which
 * reserves GOT slots, PLT entries, copy relocations and .rela.dyn room,
 * and by apply_relocations, which writes the value and the dynamic
 * relocation into the space reserved.
 *
 * The formulas and the dynamic relocation types are the x86-64 psABI's
 * (section 4.4); the PLT is its lazy-binding PLT (section 5.2: PLT0 pushes
 * GOT[1] and jumps through GOT[2], entry i jumps through its .got.plt
 * slot, which first points back at "push i; jmp PLT0").  TLS sequences
 * follow Drepper's "ELF Handling For Thread-Local Storage": in an
 * executable, general dynamic becomes initial exec for a symbol of a
 * shared library (and local exec otherwise, reloc.c); in a shared library
 * GD and LD are kept, with DTPMOD64/DTPOFF64 pairs in the GOT.
 *
 * .rela.dyn holds the RELATIVE relocations first (DT_RELACOUNT counts
 * them, so the loader can apply them without symbol lookups), then the
 * symbolic ones.  Its entries are written through two cursors into the
 * mapped output, never built in memory.
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

enum act {
	A_STATIC,	/* the static formula of reloc.c */
	A_RELATIVE,	/* R_X86_64_64 and a RELATIVE for the loader */
	A_SYMBOLIC,	/* R_X86_64_64 left to the loader */
	A_PLT,		/* a call through a PLT entry */
	A_GOT,		/* a GOT slot with the address */
	A_GOTTP,	/* a GOT slot with the TP offset (IE) */
	A_GD_IE,	/* GD rewritten to IE */
	A_GD,		/* GD kept: a DTPMOD64/DTPOFF64 pair */
	A_LD,		/* LD kept: this module's pair */
	A_DTPOFF,	/* offset in this module's TLS block */
	A_COPY,		/* a copy relocation, then static */
	A_CANON,	/* a canonical PLT entry, then static */
	A_BRANCH,	/* call/jmp *foo@GOTPCREL(%rip) made direct */
	A_TLSDESC,	/* TLS descriptor kept: a GOT pair, R_X86_64_TLSDESC */
	A_TLSCALL,	/* its call, left as it is */
	A_TLSDESC_IE,	/* TLS descriptor made IE: a TP offset GOT slot */
	A_TLSCALL_NOP,	/* its call, now a nop */
	A_ERROR,
};

static bool	branch_relaxable(struct input_section *, const Elf64u_Rela *,
		    const struct symbol *);
static int	classify(struct link *, struct input_section *,
		    const Elf64u_Rela *, struct symbol *);
static int32_t	slot_new(struct link *, struct symbol *, int);
static uint32_t	got_reloc(struct link *, const struct got_entry *);
static void	copy_add(struct link *, struct symbol *);

static bool
is_absolute(struct input_file *f, uint32_t idx, const struct symbol *s)
{
	if (s != NULL && s->bind != STB_LOCAL)
		return (s->kind == SYM_DEFINED || (s->kind == SYM_SYNTHETIC &&
		    s->osec == NULL)) && s->shndx == SHN_ABS;
	return sym_shndx(f, idx) == SHN_ABS;
}

static bool
is_func(const struct symbol *s)
{
	return s->type == STT_FUNC || s->type == STT_GNU_IFUNC;
}

/*
 * "call *foo@GOTPCREL(%rip)" and "jmp *foo@GOTPCREL(%rip)" (-fno-plt,
 * and glibc's rcrt1.o, which calls __libc_start_main before anything is
 * relocated) become "addr32 call foo" and "jmp foo; nop" when foo is
 * defined here and is not an IFUNC (psABI appendix B.2).
 */
static bool
branch_relaxable(struct input_section *is, const Elf64u_Rela *r,
    const struct symbol *s)
{
	const unsigned char *p;

	if (s == NULL || s->kind != SYM_DEFINED || s->type == STT_GNU_IFUNC ||
	    s->shndx == SHN_ABS || r->r_offset < 2 || is->shdr->sh_size < 4 ||
	    r->r_offset > is->shdr->sh_size - 4 || r->r_addend != -4 ||
	    is->shdr->sh_type == SHT_NOBITS)
		return false;
	p = is->file->data.data + is->shdr->sh_offset + r->r_offset;
	return p[-2] == 0xff && (p[-1] == 0x15 || p[-1] == 0x25);
}

static int
classify(struct link *ctx, struct input_section *is, const Elf64u_Rela *r,
    struct symbol *s)
{
	struct input_file *f = is->file;
	uint32_t idx = ELF64_R_SYM(r->r_info);
	bool pre = s != NULL && (s->dflags & SD_PREEMPT);
	bool shared = s != NULL && s->kind == SYM_SHARED;
	bool undef = s != NULL && (s->kind == SYM_UNDEF || s->kind == SYM_LAZY);
	bool exec = !ctx->opts.shared;
	bool writable = (is->shdr->sh_flags & SHF_WRITE) != 0;
	bool abs = is_absolute(f, idx, s);

	if ((is->shdr->sh_flags & SHF_ALLOC) == 0)
		return A_STATIC;
	switch (ELF64_R_TYPE(r->r_info)) {
	case R_X86_64_64:
		if (!pre)
			return ctx->pic && !abs ? A_RELATIVE : A_STATIC;
		if (exec && shared && !writable)
			return is_func(s) ? A_CANON : A_COPY;
		return A_SYMBOLIC;
	case R_X86_64_32:
	case R_X86_64_32S:
		if (!pre)
			return ctx->pic && !abs ? A_ERROR : A_STATIC;
		if (exec && shared && !ctx->pic)
			return is_func(s) ? A_CANON : A_COPY;
		return exec && undef && !ctx->pic ? A_STATIC : A_ERROR;
	case R_X86_64_PC32:
	case R_X86_64_PC64:
	case R_X86_64_PC16:
	case R_X86_64_PC8:
		if (!pre)
			return A_STATIC;
		if (exec && shared)
			return is_func(s) ? A_CANON : A_COPY;
		return exec && undef ? A_STATIC : A_ERROR;
	/*
	 * An undefined symbol that is dynamic (weak, or left by
	 * --unresolved-symbols) is called through a PLT entry, which a
	 * definition loaded later binds, as GNU ld does; a -static-pie
	 * has none to bind, so there the call stays at 0.
	 */
	case R_X86_64_PLT32:
		if (!pre)
			return A_STATIC;
		return A_PLT;
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
		if (!pre && !(ctx->pic && abs) &&
		    gotpcrelx_relaxable(f, is, r))
			return A_STATIC;
		if (!pre && branch_relaxable(is, r, s))
			return A_BRANCH;
		return A_GOT;
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOT32:
	case R_X86_64_GOT64:
	case R_X86_64_GOTPCREL64:
	case R_X86_64_GOTPLT64:
		return A_GOT;
	case R_X86_64_GOTTPOFF:
		if (exec && !pre && gottpoff_relaxable(f, is, r))
			return A_STATIC;
		return A_GOTTP;
	case R_X86_64_TLSGD:
		if (exec)
			return pre ? A_GD_IE : A_STATIC;
		return A_GD;
	case R_X86_64_TLSLD:
		return exec ? A_STATIC : A_LD;
	case R_X86_64_DTPOFF32:
	case R_X86_64_DTPOFF64:
		return exec ? A_STATIC : A_DTPOFF;
	case R_X86_64_TPOFF32:
	case R_X86_64_TPOFF64:
		return exec ? A_STATIC : A_ERROR;
	/*
	 * TLS descriptors: an executable's own variables become local
	 * exec, a library's initial exec (tlsdesc.c), as with GNU ld.  A
	 * shared library keeps the descriptor, which the loader fills in
	 * at startup (an R_X86_64_TLSDESC in .rela.dyn, as lld writes it;
	 * glibc resolves those eagerly in any case).
	 */
	case R_X86_64_GOTPC32_TLSDESC:
		if (exec)
			return pre ? A_TLSDESC_IE : A_STATIC;
		return A_TLSDESC;
	case R_X86_64_TLSDESC_CALL:
		if (exec)
			return pre ? A_TLSCALL_NOP : A_STATIC;
		return A_TLSCALL;
	default:
		return A_STATIC;
	}
}

static int32_t
slot_new(struct link *ctx, struct symbol *s, int kind)
{
	struct got_entry *g;
	uint32_t type;

	if (ctx->ngot == ctx->capgot) {
		ctx->capgot = ctx->capgot * 2 + 64;
		ctx->gotents = xreallocarray(ctx->gotents, ctx->capgot,
		    sizeof(*ctx->gotents));
	}
	g = &ctx->gotents[ctx->ngot];
	g->sym = s;
	g->kind = kind;
	type = got_reloc(ctx, g);
	if (type == R_X86_64_RELATIVE)
		ctx->nrelative++;
	if (type != R_X86_64_NONE) {
		ctx->nreladyn++;
		if (s != NULL && (s->dflags & SD_PREEMPT))
			s->dflags |= SD_NEEDREF;
	}
	return (int32_t)ctx->ngot++;
}

/* The dynamic relocation a GOT slot needs, or R_X86_64_NONE. */
static uint32_t
got_reloc(struct link *ctx, const struct got_entry *g)
{
	const struct symbol *s = g->sym;
	bool pre = s != NULL && (s->dflags & SD_PREEMPT);

	switch (g->kind) {
	case GOT_ADDR:
		if (pre)
			return R_X86_64_GLOB_DAT;
		if (!ctx->pic || s->kind == SYM_UNDEF || s->kind == SYM_LAZY ||
		    (s->kind == SYM_DEFINED && s->shndx == SHN_ABS))
			return R_X86_64_NONE;
		return R_X86_64_RELATIVE;
	case GOT_TPOFF:
		return pre || ctx->opts.shared ? R_X86_64_TPOFF64 :
		    R_X86_64_NONE;
	case GOT_DTPMOD:
		return R_X86_64_DTPMOD64;
	case GOT_TLSDESC:
		return R_X86_64_TLSDESC;
	case GOT_TLSDESC_ARG:
		return R_X86_64_NONE;
	default:
		return pre ? R_X86_64_DTPOFF64 : R_X86_64_NONE;
	}
}

static void
copy_push(struct link *ctx, struct symbol *s, uint8_t flags)
{
	s->dflags |= flags;
	if (ctx->ncopy == ctx->capcopy) {
		ctx->capcopy = ctx->capcopy * 2 + 16;
		ctx->copysyms = xreallocarray(ctx->copysyms, ctx->capcopy,
		    sizeof(*ctx->copysyms));
	}
	ctx->copysyms[ctx->ncopy++] = s;
}

/*
 * A copy relocation moves the library's variable into the executable, so
 * every other name the library has for it (environ and __environ in
 * libc) must be bound to the copy too: they are exported with it.
 */
static void
copy_add(struct link *ctx, struct symbol *s)
{
	const struct shared_file *d = s->dso;
	const Elf64u_Sym *es;
	struct symbol *a;
	const char *name;
	size_t i;

	if (s->dflags & SD_COPY)
		return;
	copy_push(ctx, s, SD_COPY | SD_NEEDREF);
	ctx->nreladyn++;
	for (i = 1; i < d->nsyms; i++) {
		es = &d->syms[i];
		if (es->st_value != s->value || es->st_shndx == SHN_UNDEF ||
		    es->st_name == 0 || es->st_name >= d->strsz ||
		    ELF64_ST_TYPE(es->st_info) != STT_OBJECT)
			continue;
		name = d->strtab + es->st_name;
		a = strmap_find(&ctx->symtab, name, strlen(name));
		if (a != NULL && a != s && a->kind == SYM_SHARED &&
		    a->dso == d && a->value == s->value &&
		    !(a->dflags & SD_COPY))
			copy_push(ctx, a, SD_COPY | SD_ALIAS | SD_NEEDREF);
	}
}

static void
reloc_error(struct link *ctx, struct input_section *is, const Elf64u_Rela *r,
    const char *what)
{
	struct input_file *f = is->file;
	uint32_t idx = ELF64_R_SYM(r->r_info);
	const char *name = idx < f->nsyms ? sym_name(f, &f->syms[idx]) : "";

	(void)ctx;
	diag_error(f->name, "%s+0x%jx: relocation type %u against %s %s; "
	    "recompile with -fPIC", is->name, (uintmax_t)r->r_offset,
	    (unsigned)ELF64_R_TYPE(r->r_info), *name ? name : "a section",
	    what);
}

/*
 * scan_relocations' work for relocation *k of is in a dynamic link;
 * *k is advanced past a TLS call that a rewrite removes.
 */
void
scan_dynamic_reloc(struct link *ctx, struct input_section *is, size_t *k)
{
	struct input_file *f = is->file;
	const Elf64u_Rela *r = &is->relas[*k];
	uint32_t idx = ELF64_R_SYM(r->r_info);
	struct symbol *s = f->symbols[idx];
	int a;

	a = classify(ctx, is, r, s);
	switch (a) {
	case A_RELATIVE:
	case A_SYMBOLIC:
		if ((is->shdr->sh_flags & SHF_WRITE) == 0)
			ctx->textrel = true;
		ctx->nreladyn++;
		is->ndynrel[a == A_RELATIVE ? 0 : 1]++;
		if (a == A_RELATIVE)
			ctx->nrelative++;
		else
			s->dflags |= SD_NEEDREF;
		break;
	case A_PLT:
		iplt_add(ctx, s);
		s->dflags |= SD_NEEDREF;
		break;
	case A_CANON:
		iplt_add(ctx, s);
		s->dflags |= SD_CANON | SD_NEEDREF;
		break;
	case A_COPY:
		copy_add(ctx, s);
		break;
	case A_GOT:
		s = reloc_symbol(ctx, f, idx, true);
		if (s->got < 0)
			s->got = slot_new(ctx, s, GOT_ADDR);
		break;
	case A_GD_IE:
		(*k)++;
		/* FALLTHROUGH */
	case A_TLSDESC_IE:
	case A_GOTTP:
		s = reloc_symbol(ctx, f, idx, true);
		if (s->gottp < 0)
			s->gottp = slot_new(ctx, s, GOT_TPOFF);
		if (ctx->opts.shared)
			ctx->static_tls = true;
		break;
	case A_GD:
		s = reloc_symbol(ctx, f, idx, true);
		if (s->gotgd < 0) {
			s->gotgd = slot_new(ctx, s, GOT_DTPMOD);
			slot_new(ctx, s, GOT_DTPOFF);
		}
		break;
	case A_TLSDESC:
		s = reloc_symbol(ctx, f, idx, true);
		if (s->gotdesc < 0) {
			s->gotdesc = slot_new(ctx, s, GOT_TLSDESC);
			slot_new(ctx, s, GOT_TLSDESC_ARG);
		}
		break;
	case A_LD:
		if (ctx->tlsld_got < 0) {
			ctx->tlsld_got = slot_new(ctx, NULL, GOT_DTPMOD);
			slot_new(ctx, NULL, GOT_DTPOFF);
		}
		break;
	case A_ERROR:
		reloc_error(ctx, is, r, s != NULL && (s->dflags & SD_PREEMPT) ?
		    "that may be preempted cannot be used here" :
		    "cannot be used in a position-independent output");
		break;
	case A_STATIC:
		/* GD and LD rewritten to LE drop the __tls_get_addr call. */
		if (ELF64_R_TYPE(r->r_info) == R_X86_64_TLSGD ||
		    ELF64_R_TYPE(r->r_info) == R_X86_64_TLSLD)
			(*k)++;
		break;
	}
	/* A local IFUNC is called and addressed through a PLT entry. */
	if ((s == NULL || !(s->dflags & SD_PREEMPT)) &&
	    (s != NULL ? s->kind == SYM_DEFINED && s->type == STT_GNU_IFUNC :
	    ELF64_ST_TYPE(f->syms[idx].st_info) == STT_GNU_IFUNC))
		iplt_add(ctx, reloc_symbol(ctx, f, idx, true));
}

/* The sizes of the GOT, PLT and relocation sections after the scan. */
void
size_dynamic_relocs(struct link *ctx)
{
	uint64_t off = 0, a;
	uint32_t i, j;
	struct symbol *s;

	ctx->got->size = (uint64_t)ctx->ngot * 8;
	ctx->gotplt->size = (3 + (uint64_t)ctx->niplt) * 8;
	ctx->iplt->size = ctx->niplt ? ctx->plt0 + (uint64_t)ctx->niplt * 16 :
	    0;
	ctx->relaiplt->size = (uint64_t)ctx->niplt * sizeof(Elf64u_Rela);
	ctx->reladyn->size = (uint64_t)ctx->nreladyn * sizeof(Elf64u_Rela);
	/* Copied data keeps the alignment its address had in the library. */
	for (i = 0; i < ctx->ncopy; i++) {
		s = ctx->copysyms[i];
		if (s->dflags & SD_ALIAS) {
			/* The copy of the name before it at that address. */
			for (j = i; j-- > 0; )
				if (ctx->copysyms[j]->dso == s->dso &&
				    ctx->copysyms[j]->value == s->value &&
				    !(ctx->copysyms[j]->dflags & SD_ALIAS))
					break;
			s->copyoff = ctx->copysyms[j]->copyoff;
			continue;
		}
		for (a = 1; a < 64 && (s->value & a) == 0; a <<= 1)
			;
		off = (off + a - 1) & ~(a - 1);
		if (a > ctx->dynbss->align)
			ctx->dynbss->align = a;
		s->copyoff = off;
		off += s->size ? s->size : 1;
	}
	ctx->dynbss->size = off;
	if (ctx->textrel) {
		if (ctx->opts.z_text)
			diag_error(NULL, "relocations in read-only sections "
			    "(-z text)");
		else
			diag_warn(NULL, "creating DT_TEXTREL in a %s",
			    ctx->opts.shared ? "shared object" : "PIE");
	}
}

/* A SYM_SHARED symbol's address here: its copy, or 0 (the loader's). */
uint64_t
shared_symbol_address(struct link *ctx, const struct symbol *s)
{
	if (s->dflags & SD_COPY)
		return ctx->dynbss->addr + s->copyoff;
	return 0;
}

/*
 * The .rela.dyn ranges of the input sections, in output order: the
 * RELATIVE entries from index 0, the symbolic ones from nrelative.  The
 * synthetic sections' entries (GOT, copies) follow, through the cursors
 * of ctx.  Called again, it rewinds every cursor.
 */
void
reladyn_ranges(struct link *ctx)
{
	struct output_section *os;
	struct input_section *is;
	uint32_t rel = 0, sym = ctx->nrelative;
	size_t i, k;

	for (i = 0; i < ctx->nosecs; i++) {
		os = ctx->osecs[i];
		if (os->kind != OS_REGULAR)
			continue;
		for (k = 0; k < os->nin; k++) {
			is = os->in[k];
			is->dyncur[0] = rel;
			is->dyncur[1] = sym;
			rel += is->ndynrel[0];
			sym += is->ndynrel[1];
			is->dynend[0] = rel;
			is->dynend[1] = sym;
		}
	}
	ctx->relcur = rel;
	ctx->symcur = sym;
}

/*
 * One .rela.dyn entry, for input section is (in its range) or, with is
 * NULL, for a synthetic section.  RELATIVE ones come first.
 */
void
reladyn_add(struct link *ctx, struct input_section *is, uint64_t off,
    uint32_t type, uint32_t sym, int64_t addend)
{
	Elf64u_Rela *r;
	uint32_t i, k = type == R_X86_64_RELATIVE ? 0 : 1;

	if (is != NULL) {
		if (is->dyncur[k] >= is->dynend[k])
			goto full;
		i = is->dyncur[k]++;
	} else if (type == R_X86_64_RELATIVE) {
		if (ctx->relcur >= ctx->nrelative)
			goto full;
		i = ctx->relcur++;
	} else {
		if (ctx->symcur >= ctx->nreladyn)
			goto full;
		i = ctx->symcur++;
	}
	r = (Elf64u_Rela *)(ctx->buf + ctx->reladyn->offset) + i;
	r->r_offset = off;
	r->r_info = ELF64_R_INFO(sym, type);
	r->r_addend = addend;
	return;
full:
	diag_error(is != NULL ? is->file->name : NULL, "internal error: "
	    ".rela.dyn is full (type %u at 0x%jx)", (unsigned)type,
	    (uintmax_t)off);
}

static bool
fits32(int64_t v)
{
	return v == (int32_t)v;
}

static uint64_t
slot_address(struct link *ctx, int32_t slot)
{
	return ctx->got->addr + (uint64_t)slot * 8;
}

/* GD -> IE for a symbol of a shared library; p is the lea's field. */
static int
gd_to_ie(struct link *ctx, struct input_section *is, const Elf64u_Rela *r,
    unsigned char *p, uint64_t P, struct symbol *s)
{
	static const unsigned char ie[12] = {
		0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0,	/* mov %fs:0 */
		0x48, 0x03, 0x05,				/* add x(%rip) */
	};
	uint64_t off = r->r_offset, size = is->shdr->sh_size;
	int64_t v;

	if (off < 4 || off + 12 > size || memcmp(p - 4, "\x66\x48\x8d\x3d",
	    4) != 0 || memcmp(p + 4, "\x66\x66\x48\xe8", 4) != 0) {
		if (!reloc_quiet(ctx))
			diag_error(is->file->name, "%s+0x%jx: not a known general "
		    "dynamic TLS sequence", is->name, (uintmax_t)off);
		return 1;
	}
	(void)ctx;
	memcpy(p - 4, ie, sizeof(ie));
	v = (int64_t)(slot_address(ctx, s->gottp) - (P + 12));
	store32(p + 8, (uint32_t)v, false);
	return 1;
}

/*
 * The dynamic part of apply_relocations: -1 to use the static formula,
 * 0 when done here, 1 when the next relocation (a rewritten TLS call)
 * must be skipped.
 */
int
apply_dynamic_reloc(struct link *ctx, struct input_section *is,
    const Elf64u_Rela *r, unsigned char *p, uint64_t S, uint64_t P,
    struct symbol *s, int64_t A)
{
	uint32_t type = ELF64_R_TYPE(r->r_info);
	uint64_t G;
	int64_t v;

	switch (classify(ctx, is, r, s)) {
	case A_RELATIVE:
		store64(p, S + (uint64_t)A, false);
		reladyn_add(ctx, is, P, R_X86_64_RELATIVE, 0,
		    (int64_t)(S + (uint64_t)A));
		return 0;
	case A_SYMBOLIC:
		store64(p, (uint64_t)A, false);
		reladyn_add(ctx, is, P, R_X86_64_64, s->dynidx, A);
		return 0;
	case A_GOT:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		G = slot_address(ctx, s->got);
		switch (type) {
		case R_X86_64_GOTPCREL:
		case R_X86_64_GOTPCRELX:
		case R_X86_64_REX_GOTPCRELX:
			v = (int64_t)(G + (uint64_t)A - P);
			break;
		default:
			return -1;
		}
		goto put32;
	case A_GOTTP:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		v = (int64_t)(slot_address(ctx, s->gottp) + (uint64_t)A - P);
		goto put32;
	case A_GD_IE:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		return gd_to_ie(ctx, is, r, p, P, s);
	case A_GD:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		v = (int64_t)(slot_address(ctx, s->gotgd) + (uint64_t)A - P);
		goto put32;
	case A_LD:
		v = (int64_t)(slot_address(ctx, ctx->tlsld_got) +
		    (uint64_t)A - P);
		goto put32;
	case A_TLSDESC:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		v = (int64_t)(slot_address(ctx, s->gotdesc) + (uint64_t)A - P);
		goto put32;
	case A_TLSCALL:
		return 0;
	case A_TLSDESC_IE:
		s = is->file->symbols[ELF64_R_SYM(r->r_info)];
		if (!relax_tlsdesc_ie(p - r->r_offset, is->shdr->sh_size,
		    r->r_offset))
			goto badseq;
		v = (int64_t)(slot_address(ctx, s->gottp) + (uint64_t)A - P);
		goto put32;
	case A_TLSCALL_NOP:
		if (!relax_tlsdesc(p - r->r_offset, is->shdr->sh_size,
		    r->r_offset, type, 0))
			goto badseq;
		return 0;
	case A_DTPOFF:
		v = (int64_t)(S + (uint64_t)A - ctx->tls_addr);
		if (type == R_X86_64_DTPOFF64) {
			store64(p, (uint64_t)v, false);
			return 0;
		}
		goto put32;
	case A_BRANCH:
		v = (int64_t)(S + (uint64_t)A - P);
		if (p[-1] == 0x15) {
			p[-2] = 0x67;	/* addr32 call */
			p[-1] = 0xe8;
		} else {
			p[-2] = 0xe9;	/* jmp; nop */
			p[3] = 0x90;
			v++;
			p--;
		}
		goto put32;
	case A_ERROR:
		return 0;
	default:
		return -1;
	}
badseq:
	if (!reloc_quiet(ctx))
		diag_error(is->file->name, "%s+0x%jx: not a known TLS "
		    "descriptor sequence", is->name, (uintmax_t)r->r_offset);
	return 0;
put32:
	if (!fits32(v) && !reloc_quiet(ctx))
		diag_error(is->file->name, "%s+0x%jx: relocation out of "
		    "range: %jd", is->name, (uintmax_t)r->r_offset,
		    (intmax_t)v);
	store32(p, (uint32_t)v, false);
	return 0;
}

/* The GOT of a dynamic link, and the relocations its slots need. */
void
write_dynamic_got(struct link *ctx, unsigned char *p)
{
	struct got_entry *g;
	struct symbol *s;
	uint64_t v, addr;
	uint32_t i, type;

	for (i = 0; i < ctx->ngot; i++) {
		g = &ctx->gotents[i];
		s = g->sym;
		addr = ctx->got->addr + (uint64_t)i * 8;
		type = got_reloc(ctx, g);
		v = s != NULL && !(s->dflags & SD_PREEMPT) ?
		    symbol_address(ctx, s) : 0;
		if (g->kind == GOT_TPOFF && v != 0)
			v = ctx->opts.shared ? v - ctx->tls_addr :
			    tp_offset(ctx, v);
		else if ((g->kind == GOT_DTPOFF || g->kind == GOT_TLSDESC) &&
		    v != 0)
			v -= ctx->tls_addr;
		else if (g->kind == GOT_TLSDESC_ARG)
			v = 0;
		else if (g->kind == GOT_DTPMOD)
			v = 0;
		store64(p + (uint64_t)i * 8, type == R_X86_64_RELATIVE ||
		    type == R_X86_64_NONE ? v : 0, false);
		if (type == R_X86_64_NONE)
			continue;
		reladyn_add(ctx, NULL, addr, type, s != NULL &&
		    (s->dflags & SD_PREEMPT) ? s->dynidx : 0,
		    type == R_X86_64_GLOB_DAT || type == R_X86_64_DTPMOD64 ||
		    (s != NULL && (s->dflags & SD_PREEMPT)) ? 0 : (int64_t)v);
	}
}

/*
 * .plt, .got.plt and .rela.plt of a dynamic link.  Entries for symbols
 * bound at run time are lazy (JUMP_SLOT); those for local IFUNCs are
 * IRELATIVE, which the loader applies at startup.  As GNU ld does, the
 * IRELATIVEs come after every JUMP_SLOT in .rela.plt, so that even a
 * loader applying them in order has bound what a resolver may call.
 */
void
write_plt(struct link *ctx, struct output_section *os)
{
	unsigned char *p = ctx->buf + os->offset, *e;
	uint64_t gotplt = ctx->gotplt->addr, plt = ctx->iplt->addr;
	uint64_t slot, entry;
	struct symbol *s;
	Elf64u_Rela rela;
	uint32_t i, nlazy = 0, lazyidx = 0, irelidx, relidx;
	bool lazy;

	for (i = 0; i < ctx->niplt; i++)
		if (ctx->ipltsyms[i]->dflags & SD_PREEMPT)
			nlazy++;
	irelidx = nlazy;
	if (os == ctx->gotplt) {
		store64(p, ctx->dynamic_sec->addr, false);
		memset(p + 8, 0, 16);
	}
	if (os == ctx->iplt && ctx->niplt > 0) {
		/* pushq GOT+8(%rip); jmp *GOT+16(%rip); nopl 0(%rax) */
		p[0] = 0xff;
		p[1] = 0x35;
		store32(p + 2, (uint32_t)(gotplt + 8 - (plt + 6)), false);
		p[6] = 0xff;
		p[7] = 0x25;
		store32(p + 8, (uint32_t)(gotplt + 16 - (plt + 12)), false);
		memcpy(p + 12, "\x0f\x1f\x40\x00", 4);
	}
	for (i = 0; i < ctx->niplt; i++) {
		s = ctx->ipltsyms[i];
		lazy = (s->dflags & SD_PREEMPT) != 0;
		relidx = lazy ? lazyidx++ : irelidx++;
		slot = gotplt + (3 + (uint64_t)i) * 8;
		entry = plt + ctx->plt0 + (uint64_t)i * 16;
		if (os == ctx->iplt) {
			/* jmp *slot(%rip); pushq $relidx; jmp PLT0 */
			e = p + ctx->plt0 + (uint64_t)i * 16;
			e[0] = 0xff;
			e[1] = 0x25;
			store32(e + 2, (uint32_t)(slot - (entry + 6)), false);
			e[6] = 0x68;
			store32(e + 7, relidx, false);
			e[11] = 0xe9;
			store32(e + 12, (uint32_t)(plt - (entry + 16)), false);
		} else if (os == ctx->gotplt) {
			store64(p + (3 + (uint64_t)i) * 8, lazy ? entry + 6 :
			    resolver_address(ctx, s), false);
		} else if (os == ctx->relaiplt) {
			rela.r_offset = slot;
			rela.r_info = lazy ? ELF64_R_INFO(s->dynidx,
			    R_X86_64_JUMP_SLOT) : ELF64_R_INFO(0,
			    R_X86_64_IRELATIVE);
			rela.r_addend = lazy ? 0 :
			    (int64_t)resolver_address(ctx, s);
			memcpy(p + (uint64_t)relidx * sizeof(rela), &rela,
			    sizeof(rela));
		}
	}
}
