/*
 * ehframe.c: .eh_frame_hdr and its PT_GNU_EH_FRAME (--eh-frame-hdr), the
 * sorted table of (function start, FDE address) pairs the unwinder
 * searches instead of reading all of .eh_frame.
 *
 * Formats: LSB "Exception Frames" (.eh_frame: records of a 4-byte length,
 * 0xffffffff introducing a 64-bit one, then a 4-byte CIE id, 0 for a CIE
 * and the distance back to the CIE for an FDE, whose initial location
 * follows) and ".eh_frame_hdr" (version 1, three encodings, eh_frame_ptr,
 * fde_count, then the table sorted by initial location).  An FDE's
 * initial location is the target of the relocation at its offset 8; an
 * FDE whose function was discarded (COMDAT, --gc-sections) is dropped by
 * merge_eh_frames (ehmerge.c), or, in a section it left whole, stays in
 * .eh_frame pointing at nothing, but is left out of the table.  So is
 * an FDE whose address range is empty (gcc emits one for a function
 * whose body is only __builtin_unreachable): it covers no address, and
 * beside the FDE of the function that starts at the same address it
 * could be the one the unwinder's binary search lands on.  The range
 * follows the initial location in the same format, whose size the
 * relocation's type gives (PC32: 4 bytes, PC64: 8).
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

struct fde_ent {
	int64_t		loc;	/* initial location */
	int64_t		fde;	/* FDE address */
};

static size_t	walk_fdes(struct link *, struct input_section *,
		    struct fde_ent *);
static int	cmp_fde(const void *, const void *);

/*
 * The target address of the relocation at offset off in is, if live,
 * and the size of the field it fills.
 */
static bool
fde_target(struct link *ctx, struct input_section *is, size_t *ri,
    uint64_t off, uint64_t *loc, uint64_t *width)
{
	struct input_file *f = is->file;
	const Elf64u_Rela *r;
	struct symbol *s;
	uint32_t idx, shndx;

	while (*ri < is->nrelas && is->relas[*ri].r_offset < off)
		(*ri)++;
	if (*ri >= is->nrelas || is->relas[*ri].r_offset != off)
		return false;
	r = &is->relas[*ri];
	*width = ELF64_R_TYPE(r->r_info) == R_X86_64_PC64 ||
	    ELF64_R_TYPE(r->r_info) == R_X86_64_64 ? 8 : 4;
	idx = ELF64_R_SYM(r->r_info);
	if (idx >= f->nsyms)
		return false;
	s = f->symbols[idx];
	if (s != NULL) {
		if (s->kind != SYM_DEFINED)
			return false;
		*loc = symbol_address(ctx, s) + r->r_addend;
		return true;
	}
	shndx = sym_shndx(f, idx);
	if (shndx == SHN_UNDEF || shndx >= f->nsecs ||
	    f->secs[shndx].osec == NULL)
		return false;
	*loc = f->secs[shndx].osec->addr + f->secs[shndx].offset +
	    f->syms[idx].st_value + r->r_addend;
	return true;
}

/*
 * The .eh_frame record at off in the size bytes at p: *hdr is the size
 * of its length field (4, or 12 with a 64-bit length), *len the bytes
 * after it.  1 for a record, 0 for the terminator (a zero length), -1
 * when what is there does not fit.
 */
int
eh_record(const unsigned char *p, uint64_t size, uint64_t off,
    uint64_t *hdr, uint64_t *len)
{
	if (off > size || size - off < 4)
		return -1;
	*len = load32(p + off, false);
	*hdr = 4;
	if (*len == 0)
		return 0;
	if (*len == 0xffffffff) {
		if (size - off < 12)
			return -1;
		*len = load64(p + off + 4, false);
		*hdr = 12;
	}
	if (*len < 4 || *len > size - off - *hdr)
		return -1;
	return 1;
}

/* Count (out NULL) or collect the live FDEs of one .eh_frame input. */
static size_t
walk_fdes(struct link *ctx, struct input_section *is, struct fde_ent *out)
{
	const unsigned char *p;
	uint64_t off, len, size, hdr, loc, width, at;
	size_t ri = 0, n = 0;

	p = is->file->data.data + is->shdr->sh_offset;
	size = is->shdr->sh_type == SHT_NOBITS ? 0 : is->shdr->sh_size;
	for (off = 0; size - off >= 8; off += hdr + len) {
		if (eh_record(p, size, off, &hdr, &len) != 1)
			break;
		if (load32(p + off + hdr, false) == 0)
			continue;	/* a CIE */
		/* Dropped by merge_eh_frames, or moved. */
		at = is->ehrecs != NULL ? eh_frame_offset(is, off) : off;
		if (at == UINT64_MAX)
			continue;
		if (!fde_target(ctx, is, &ri, off + hdr + 4, &loc, &width))
			continue;
		/* The range: after the CIE pointer and location. */
		if (len < 4 + 2 * width || (width == 8 ?
		    load64(p + off + hdr + 4 + 8, false) :
		    load32(p + off + hdr + 4 + 4, false)) == 0)
			continue;
		if (out != NULL) {
			out[n].loc = (int64_t)loc;
			out[n].fde = (int64_t)(ctx->ehframe->addr +
			    is->offset + at);
		}
		n++;
	}
	return n;
}

/*
 * The threads walk the .eh_frame inputs: first to count each one's FDEs,
 * which gives each input its place in the table (fdestart), then to fill
 * the table.
 */
struct fdejob {
	struct link	*ctx;
	struct fde_ent	*out;		/* NULL: count */
	atomic_bool	 changed;
};

static void
fde_range(void *arg, size_t begin, size_t end)
{
	struct fdejob *j = arg;
	struct link *ctx = j->ctx;
	size_t i, n;

	for (i = begin; i < end; i++) {
		if (j->out == NULL) {
			ctx->fdestart[i + 1] = walk_fdes(ctx,
			    ctx->ehframe->in[i], NULL);
			continue;
		}
		n = walk_fdes(ctx, ctx->ehframe->in[i],
		    j->out + ctx->fdestart[i]);
		if (n != ctx->fdestart[i + 1] - ctx->fdestart[i])
			atomic_store(&j->changed, true);
	}
}

/* Called before the layout is placed: only the count matters. */
void
size_eh_frame_hdr(struct link *ctx)
{
	struct fdejob j = { ctx, NULL, false };
	size_t i, nin = ctx->ehframe->nin;

	free(ctx->fdestart);
	ctx->fdestart = xcalloc(nin + 1, sizeof(*ctx->fdestart));
	pool_for(ctx->pool, nin, 64, fde_range, &j);
	for (i = 0; i < nin; i++)
		ctx->fdestart[i + 1] += ctx->fdestart[i];
	ctx->nfdes = ctx->fdestart[nin];
	ctx->ehframehdr->size = 12 + 8 * (uint64_t)ctx->nfdes;
}

static int
cmp_fde(const void *a, const void *b)
{
	const struct fde_ent *x = a, *y = b;

	if (x->loc != y->loc)
		return x->loc < y->loc ? -1 : 1;
	return x->fde < y->fde ? -1 : x->fde > y->fde;
}

void
write_eh_frame_hdr(struct link *ctx)
{
	struct output_section *hdr = ctx->ehframehdr;
	unsigned char *p = ctx->buf + hdr->offset;
	struct fde_ent *t;
	int64_t base = (int64_t)hdr->addr;
	size_t i, n;
	struct fdejob j = { ctx, NULL, false };

	n = ctx->nfdes;
	t = xcalloc(n + 1, sizeof(*t));
	j.out = t;
	pool_for(ctx->pool, ctx->ehframe->nin, 64, fde_range, &j);
	if (atomic_load(&j.changed))
		diag_fatal("internal error: .eh_frame changed size");
	/* Often in order already: the text is laid out as .eh_frame is. */
	for (i = 1; i < n; i++)
		if (cmp_fde(&t[i - 1], &t[i]) > 0)
			break;
	if (i < n)
		qsort(t, n, sizeof(*t), cmp_fde);
	p[0] = 1;		/* version */
	p[1] = 0x1b;		/* eh_frame_ptr: DW_EH_PE_pcrel|sdata4 */
	p[2] = 0x03;		/* fde_count: DW_EH_PE_udata4 */
	p[3] = 0x3b;		/* table: DW_EH_PE_datarel|sdata4 */
	store32(p + 4, (uint32_t)(ctx->ehframe->addr - (hdr->addr + 4)),
	    false);
	store32(p + 8, (uint32_t)n, false);
	for (i = 0; i < n; i++) {
		store32(p + 12 + i * 8, (uint32_t)(t[i].loc - base), false);
		store32(p + 16 + i * 8, (uint32_t)(t[i].fde - base), false);
	}
	free(t);
}
