/*
 * merge.c: merge_sections, which keeps one copy of each string or
 * constant of the SHF_MERGE sections (gABI "Section Attributes":
 * SHF_MERGE elements of sh_entsize bytes, or with SHF_STRINGS
 * NUL-terminated strings, may be merged).
 *
 * Each mergeable input section is cut into pieces; the first piece with
 * given contents in an output section owns it and is written in its
 * section's place, later equal pieces point at it.  An address inside a
 * merged section is then found by binary search over its pieces
 * (merge_offset).  Like GNU ld and lld, a relocation against a section
 * symbol of such a section names the piece by symbol value plus addend.
 * Sections with relocations, wide strings and a string not terminated
 * before the section ends are left whole.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "xalloc.h"
#include "ld.h"

static uint64_t
align_up(uint64_t v, uint64_t a)
{
	return a <= 1 ? v : (v + a - 1) & ~(a - 1);
}

static bool
mergeable(const struct input_section *is)
{
	const Elf64u_Shdr *sh = is->shdr;
	const unsigned char *p;

	if ((sh->sh_flags & SHF_MERGE) == 0 || sh->sh_entsize == 0 ||
	    sh->sh_type != SHT_PROGBITS || is->nrelas > 0 ||
	    sh->sh_size == 0 || sh->sh_size > UINT32_MAX)
		return false;
	if (sh->sh_flags & SHF_STRINGS) {
		p = is->file->data.data + sh->sh_offset;
		return sh->sh_entsize == 1 && p[sh->sh_size - 1] == '\0';
	}
	return sh->sh_size % sh->sh_entsize == 0;
}

/* Cut is into pieces; returns how many. */
static size_t
split(struct input_section *is, struct merge_piece *out)
{
	const Elf64u_Shdr *sh = is->shdr;
	const unsigned char *p = is->file->data.data + sh->sh_offset, *nul;
	uint64_t off = 0, len;
	size_t n = 0;

	while (off < sh->sh_size) {
		if (sh->sh_flags & SHF_STRINGS) {
			nul = memchr(p + off, '\0', sh->sh_size - off);
			len = (uint64_t)(nul - (p + off)) + 1;
		} else
			len = sh->sh_entsize;
		if (out != NULL) {
			out[n].inoff = (uint32_t)off;
			out[n].len = (uint32_t)len;
		}
		n++;
		off += len;
	}
	return n;
}

/*
 * The parallel part, per input section: cut it into pieces and hash
 * each piece (hashes[i], freed by merge_output).  Only then does one
 * thread, in input order, decide which copy owns each piece: the first.
 */
struct mergejob {
	struct output_section	*os;
	uint64_t		**hashes;
};

static void
split_range(void *arg, size_t begin, size_t end)
{
	struct mergejob *j = arg;
	struct input_section *is;
	const unsigned char *p;
	size_t i, k;

	for (i = begin; i < end; i++) {
		is = j->os->in[i];
		if (!mergeable(is))
			continue;
		is->npieces = split(is, NULL);
		is->pieces = xcalloc(is->npieces, sizeof(*is->pieces));
		split(is, is->pieces);
		p = is->file->data.data + is->shdr->sh_offset;
		j->hashes[i] = xreallocarray(NULL, is->npieces,
		    sizeof(**j->hashes));
		for (k = 0; k < is->npieces; k++)
			j->hashes[i][k] = hash_bytes((const char *)p +
			    is->pieces[k].inoff, is->pieces[k].len);
	}
}

static void
merge_output(struct link *ctx, struct output_section *os)
{
	struct mergejob job = { os, NULL };
	struct strmap seen;
	struct input_section *is;
	struct merge_piece *pc, **slot;
	const unsigned char *p;
	const uint64_t *h;
	uint64_t size, a;
	size_t i, j, total = 0;
	bool isnew;

	for (i = 0; i < os->nin; i++)
		if (mergeable(os->in[i]))
			break;
	if (i == os->nin)
		return;
	job.hashes = xcalloc(os->nin, sizeof(*job.hashes));
	pool_for(ctx->pool, os->nin, 16, split_range, &job);
	for (i = 0; i < os->nin; i++)
		if (job.hashes[i] != NULL)
			total += os->in[i]->npieces;
	strmap_init(&seen, total);
	for (i = 0; i < os->nin; i++) {
		is = os->in[i];
		if ((h = job.hashes[i]) == NULL)
			continue;
		p = is->file->data.data + is->shdr->sh_offset;
		a = is->shdr->sh_addralign;
		size = 0;
		for (j = 0; j < is->npieces; j++) {
			/* The table is too big for the cache: fetch ahead. */
			if (j + 8 < is->npieces)
				strmap_prefetch(&seen, h[j + 8]);
			pc = &is->pieces[j];
			slot = (struct merge_piece **)strmap_insert_hashed(
			    &seen, (const char *)p + pc->inoff, pc->len, h[j],
			    &isnew);
			if (!isnew && (*slot)->owner->shdr->sh_addralign >= a) {
				pc->owner = (*slot)->owner;
				pc->outoff = (*slot)->outoff;
				continue;
			}
			size = align_up(size, a);
			pc->owner = is;
			pc->outoff = (uint32_t)size;
			size += pc->len;
			*slot = pc;
		}
		is->mergesize = size;
		free(job.hashes[i]);
	}
	free(job.hashes);
	strmap_free(&seen);
}

void
merge_sections(struct link *ctx)
{
	size_t i;

	for (i = 0; i < ctx->nosecs; i++)
		if (ctx->osecs[i]->kind == OS_REGULAR)
			merge_output(ctx, ctx->osecs[i]);
}

/* The offset in its output section of byte off of merged section is. */
uint64_t
merge_offset(const struct input_section *is, uint64_t off)
{
	size_t lo = 0, hi = is->npieces, mid;
	const struct merge_piece *pc;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (is->pieces[mid].inoff <= off)
			lo = mid;
		else
			hi = mid;
	}
	pc = &is->pieces[lo];
	return pc->owner->offset + pc->outoff + (off - pc->inoff);
}

/* Copy the pieces is owns into its place in the output. */
void
merge_write(const struct input_section *is, unsigned char *dst)
{
	const unsigned char *p = is->file->data.data + is->shdr->sh_offset;
	size_t j;

	for (j = 0; j < is->npieces; j++)
		if (is->pieces[j].owner == is)
			memcpy(dst + is->pieces[j].outoff, p +
			    is->pieces[j].inoff, is->pieces[j].len);
}
