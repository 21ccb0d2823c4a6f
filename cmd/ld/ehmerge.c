/*
 * ehmerge.c: merge_eh_frames, which cuts each .eh_frame input section
 * into its records, drops the FDEs of functions that are not in the
 * output (a COMDAT copy kept from another object, a section removed by
 * --gc-sections) and keeps one copy of each distinct CIE.  A C++ link
 * repeats the same CIE in every object and the FDEs of its inline
 * functions in every object that uses them; GNU ld and lld drop both.
 *
 * The format is the LSB's "Exception Frames": records of a 4-byte length
 * (0xffffffff: an 8-byte one follows), then a 4-byte id, 0 for a CIE and
 * for an FDE the distance from the id field back to its CIE, whose
 * initial location follows and is the target of a relocation.  A zero
 * length ends the list (crtend.o's terminator), and is kept.
 *
 * An FDE's CIE pointer is relative, so the records are not relocated by
 * relocations: eh_frame_write copies the kept ones to their new places
 * and recomputes each pointer.  Relocations inside a record move with it
 * (eh_frame_offset); those of dropped records are not applied.  Two CIEs
 * are the same when their bytes and their relocations (personality
 * routines) are.  A section whose records do not parse, whose
 * relocations are not sorted, or whose FDE does not point at one of its
 * CIEs, is left whole, as before this pass.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "xalloc.h"
#include "ld.h"

static bool	split_records(struct input_section *);
static bool	fde_live(const struct input_section *, const struct eh_rec *);
static bool	same_cie(const struct input_section *, const struct eh_rec *,
		    const struct input_section *, const struct eh_rec *);
static void	place_records(struct link *, struct input_section *);

void
merge_eh_frames(struct link *ctx)
{
	struct input_section *is;
	struct eh_rec *r, *c, **slot;
	struct strmap cies;
	size_t i, k, n = 0;
	bool isnew;

	if (ctx->ehframe == NULL)
		return;
	for (i = 0; i < ctx->ehframe->nin; i++) {
		is = ctx->ehframe->in[i];
		if (split_records(is))
			n += is->nehrecs;
	}
	strmap_init(&cies, n / 4 + 16);
	/* In layout order, so that the copy kept comes first. */
	for (i = 0; i < ctx->ehframe->nin; i++) {
		is = ctx->ehframe->in[i];
		for (k = 0; k < is->nehrecs; k++) {
			r = &is->ehrecs[k];
			if (r->kind != EH_CIE)
				continue;
			slot = (struct eh_rec **)strmap_insert(&cies,
			    (const char *)is->file->data.data +
			    is->shdr->sh_offset + r->inoff, r->size, &isnew);
			c = *slot;
			if (isnew)
				*slot = r;
			else if (same_cie(c->is, c, is, r))
				r->leader = c;
		}
	}
	strmap_free(&cies);
	for (i = 0; i < ctx->ehframe->nin; i++) {
		is = ctx->ehframe->in[i];
		for (k = 0; k < is->nehrecs; k++) {
			r = &is->ehrecs[k];
			if (r->kind != EH_FDE || !fde_live(is, r))
				continue;
			r->live = true;
			is->ehrecs[r->cie].leader->live = true;
		}
	}
	for (i = 0; i < ctx->ehframe->nin; i++)
		place_records(ctx, ctx->ehframe->in[i]);
}

/* Cut is into records; false (and is left whole) if it cannot be. */
static bool
split_records(struct input_section *is)
{
	const unsigned char *p;
	uint64_t off, len, hdr, size, cieoff;
	struct eh_rec *v = NULL, *r;
	size_t n = 0, cap = 0, k, ri = 0, lo, hi, m;
	int rc;

	if (is->shdr->sh_type == SHT_NOBITS || is->shdr->sh_size > UINT32_MAX)
		return false;
	for (k = 1; k < is->nrelas; k++)
		if (is->relas[k].r_offset < is->relas[k - 1].r_offset)
			return false;
	p = is->file->data.data + is->shdr->sh_offset;
	size = is->shdr->sh_size;
	/*
	 * Count the records first (the lengths only; the loop below checks
	 * them), so that the array is allocated once at its size: a big link
	 * has a few records in each of thousands of sections.
	 */
	for (off = 0; off < size; off += hdr + len) {
		cap++;
		if (eh_record(p, size, off, &hdr, &len) != 1)
			break;
	}
	cap++;
	v = xreallocarray(NULL, cap, sizeof(*v));
	for (off = 0; off < size; off += hdr + len) {
		if (n == cap) {
			cap = cap * 2 + 16;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		r = &v[n++];
		memset(r, 0, sizeof(*r));
		r->is = is;
		r->inoff = (uint32_t)off;
		if ((rc = eh_record(p, size, off, &hdr, &len)) < 0)
			goto bad;
		if (rc == 0) {
			/* The terminator: it and anything after stay. */
			r->kind = EH_END;
			r->size = (uint32_t)(size - off);
			r->live = true;
			break;
		}
		r->size = (uint32_t)(hdr + len);
		r->hdr = (uint8_t)hdr;
		while (ri < is->nrelas && is->relas[ri].r_offset < off)
			ri++;
		r->rel0 = (uint32_t)ri;
		while (ri < is->nrelas && is->relas[ri].r_offset < off + hdr +
		    len)
			ri++;
		r->nrel = (uint32_t)(ri - r->rel0);
		cieoff = load32(p + off + hdr, false);
		if (cieoff == 0) {
			r->kind = EH_CIE;
			continue;
		}
		r->kind = EH_FDE;
		if (cieoff > off + hdr)
			goto bad;
		/* Its CIE: a record before it in this section. */
		cieoff = off + hdr - cieoff;
		for (lo = 0, hi = n - 1; lo < hi; ) {
			m = (lo + hi) / 2;
			if (v[m].inoff < cieoff)
				lo = m + 1;
			else
				hi = m;
		}
		if (lo >= n - 1 || v[lo].inoff != cieoff ||
		    v[lo].kind != EH_CIE)
			goto bad;
		r->cie = (int32_t)lo;
	}
	/* Only now: v moved as it grew. */
	for (k = 0; k < n; k++)
		v[k].leader = &v[k];
	is->ehrecs = v;
	is->nehrecs = n;
	return true;
bad:
	free(v);
	return false;
}

/* Whether an FDE's function, the target of its first field, is kept. */
static bool
fde_live(const struct input_section *is, const struct eh_rec *r)
{
	const struct input_file *f = is->file;
	const Elf64u_Rela *rel;
	uint32_t idx, shndx;

	if (r->nrel == 0)
		return false;
	rel = &is->relas[r->rel0];
	if (rel->r_offset != (uint64_t)r->inoff + r->hdr + 4)
		return false;
	idx = ELF64_R_SYM(rel->r_info);
	if (idx == 0 || idx >= f->nsyms)
		return false;
	/* The object's own view: its copy of a COMDAT function. */
	shndx = sym_shndx(f, idx);
	return shndx != SHN_UNDEF && shndx < f->nsecs &&
	    f->secs[shndx].osec != NULL;
}

/* Whether relocation a of file fa and b of fb name the same place. */
static bool
same_target(const struct input_file *fa, const Elf64u_Rela *a,
    const struct input_file *fb, const Elf64u_Rela *b)
{
	uint32_t ia = ELF64_R_SYM(a->r_info), ib = ELF64_R_SYM(b->r_info);

	if (ia >= fa->nsyms || ib >= fb->nsyms)
		return false;
	if (fa->symbols[ia] != NULL || fb->symbols[ib] != NULL)
		return fa->symbols[ia] == fb->symbols[ib];
	return fa == fb && ia == ib;
}

/* Equal bytes are known; are their relocations the same too? */
static bool
same_cie(const struct input_section *ia, const struct eh_rec *a,
    const struct input_section *ib, const struct eh_rec *b)
{
	const Elf64u_Rela *x, *y;
	uint32_t k;

	if (a->nrel != b->nrel)
		return false;
	for (k = 0; k < a->nrel; k++) {
		x = &ia->relas[a->rel0 + k];
		y = &ib->relas[b->rel0 + k];
		if (x->r_offset - a->inoff != y->r_offset - b->inoff ||
		    ELF64_R_TYPE(x->r_info) != ELF64_R_TYPE(y->r_info) ||
		    x->r_addend != y->r_addend ||
		    !same_target(ia->file, x, ib->file, y))
			return false;
	}
	return true;
}

/* The kept records' offsets in is's place; its size. */
static void
place_records(struct link *ctx, struct input_section *is)
{
	struct eh_rec *r;
	uint64_t out = 0;
	size_t k;

	(void)ctx;
	for (k = 0; k < is->nehrecs; k++) {
		r = &is->ehrecs[k];
		if (r->kind == EH_CIE && r->leader != r)
			r->live = false;
		if (!r->live)
			continue;
		r->outoff = (uint32_t)out;
		out += r->size;
	}
	is->mergesize = out;
}

/*
 * Where input offset off of a split .eh_frame section is in its output
 * place, or UINT64_MAX when its record was dropped.
 */
uint64_t
eh_frame_offset(const struct input_section *is, uint64_t off)
{
	const struct eh_rec *r;
	size_t lo = 0, hi = is->nehrecs, m;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if ((uint64_t)is->ehrecs[m].inoff + is->ehrecs[m].size <= off)
			lo = m + 1;
		else
			hi = m;
	}
	if (lo == is->nehrecs)
		return UINT64_MAX;
	r = &is->ehrecs[lo];
	if (off < r->inoff || !r->live)
		return UINT64_MAX;
	return r->outoff + (off - r->inoff);
}

/* Copy the kept records to dst, point each FDE at its CIE, relocate. */
void
eh_frame_write(struct link *ctx, struct input_section *is,
    unsigned char *dst)
{
	const unsigned char *src = is->file->data.data + is->shdr->sh_offset;
	const struct eh_rec *r, *c;
	uint64_t at, cie;
	size_t k;

	for (k = 0; k < is->nehrecs; k++) {
		r = &is->ehrecs[k];
		if (!r->live)
			continue;
		memcpy(dst + r->outoff, src + r->inoff, r->size);
		if (r->kind != EH_FDE)
			continue;
		/* Both as offsets in the output .eh_frame. */
		c = is->ehrecs[r->cie].leader;
		at = is->offset + r->outoff + r->hdr;
		cie = c->is->offset + c->outoff;
		store32(dst + r->outoff + r->hdr, (uint32_t)(at - cie), false);
	}
	if (is->nrelas > 0)
		apply_relocations(ctx, is, dst);
}
