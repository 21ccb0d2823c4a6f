/*
 * gc.c: gc_sections (--gc-sections), a mark and sweep over the graph
 * whose nodes are input sections and whose edges are relocations.
 *
 * Roots, as GNU ld keeps them: the entry symbol and -u symbols, the
 * init/fini/preinit arrays and .ctors/.dtors, .init and .fini, notes,
 * SHF_GNU_RETAIN sections, and sections named like C identifiers (their
 * __start_/__stop_ symbols are how programs find them).  .eh_frame is not
 * a root: an FDE keeps its LSDA and its CIE's personality routine alive
 * only when the function it describes is live.  Sections not allocated
 * in memory (debug information) are kept and are not roots.  A dynamic
 * link adds what it exports: every default-visibility definition of a
 * shared library, and what libraries refer to in an executable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

struct marker {
	struct input_section	**stack;
	size_t			 n, cap;
};

static void	mark(struct marker *, struct input_section *);
static void	mark_symbol(struct marker *, struct symbol *);
static void	propagate(struct marker *);
static bool	is_root(const struct input_section *);
static bool	mark_eh_frames(struct link *, struct marker *);

static void
mark(struct marker *m, struct input_section *is)
{
	if (is->visited || !is->live)
		return;
	is->visited = true;
	if (m->n == m->cap) {
		m->cap = m->cap * 2 + 256;
		m->stack = xreallocarray(m->stack, m->cap, sizeof(*m->stack));
	}
	m->stack[m->n++] = is;
}

static void
mark_symbol(struct marker *m, struct symbol *s)
{
	if (s != NULL && s->kind == SYM_DEFINED && s->shndx < s->file->nsecs
	    && s->shndx != SHN_UNDEF)
		mark(m, &s->file->secs[s->shndx]);
}

/* Mark the targets of is's relocations in [lo, hi). */
static void
mark_relocs(struct marker *m, struct input_section *is, uint64_t lo,
    uint64_t hi)
{
	struct input_file *f = is->file;
	uint32_t idx, shndx;
	size_t k;

	for (k = 0; k < is->nrelas; k++) {
		if (is->relas[k].r_offset < lo || is->relas[k].r_offset >= hi)
			continue;
		idx = ELF64_R_SYM(is->relas[k].r_info);
		if (idx >= f->nsyms)
			continue;
		if (f->symbols[idx] != NULL) {
			mark_symbol(m, f->symbols[idx]);
			continue;
		}
		shndx = sym_shndx(f, idx);
		if (shndx != SHN_UNDEF && shndx < f->nsecs)
			mark(m, &f->secs[shndx]);
	}
}

static void
propagate(struct marker *m)
{
	struct input_section *is;

	while (m->n > 0) {
		is = m->stack[--m->n];
		mark_relocs(m, is, 0, UINT64_MAX);
	}
}

static bool
c_identifier(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

static bool
is_root(const struct input_section *is)
{
	const Elf64u_Shdr *sh = is->shdr;
	const char *n = is->name;

	if ((sh->sh_flags & SHF_ALLOC) == 0)
		return false;
	if (sh->sh_type == SHT_NOTE || sh->sh_type == SHT_INIT_ARRAY ||
	    sh->sh_type == SHT_FINI_ARRAY || sh->sh_type == SHT_PREINIT_ARRAY ||
	    (sh->sh_flags & SHF_GNU_RETAIN))
		return true;
	return strncmp(n, ".init_array", 11) == 0 ||
	    strncmp(n, ".fini_array", 11) == 0 ||
	    strncmp(n, ".preinit_array", 14) == 0 ||
	    strncmp(n, ".ctors", 6) == 0 || strncmp(n, ".dtors", 6) == 0 ||
	    strcmp(n, ".init") == 0 || strcmp(n, ".fini") == 0 ||
	    c_identifier(n);
}

/*
 * For each FDE of a live function, mark what the FDE and its CIE refer
 * to.  Returns whether anything new was marked.
 */
static bool
mark_eh_frames(struct link *ctx, struct marker *m)
{
	struct input_file *f;
	struct input_section *is;
	const unsigned char *p;
	uint64_t off, len, size, cie;
	size_t i, j, k;
	uint32_t idx, shndx, id;
	bool any = false;

	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++) {
			is = &f->secs[j];
			if (strcmp(is->name, ".eh_frame") != 0 || !is->live ||
			    is->shdr->sh_type == SHT_NOBITS)
				continue;
			p = f->data.data + is->shdr->sh_offset;
			size = is->shdr->sh_size;
			for (off = 0; size - off >= 8; off += 4 + len) {
				len = load32(p + off, false);
				if (len == 0 || len == 0xffffffff ||
				    len > size - off - 4 || len < 4)
					break;
				id = load32(p + off + 4, false);
				if (id == 0 || id > off + 4)
					continue;
				/* The FDE's function: reloc at off + 8. */
				for (k = 0; k < is->nrelas; k++)
					if (is->relas[k].r_offset == off + 8)
						break;
				if (k == is->nrelas)
					continue;
				idx = ELF64_R_SYM(is->relas[k].r_info);
				if (idx >= f->nsyms)
					continue;
				if (f->symbols[idx] != NULL) {
					struct symbol *s = f->symbols[idx];
					if (s->kind != SYM_DEFINED ||
					    s->shndx >= s->file->nsecs ||
					    !s->file->secs[s->shndx].visited)
						continue;
				} else {
					shndx = sym_shndx(f, idx);
					if (shndx >= f->nsecs ||
					    !f->secs[shndx].visited)
						continue;
				}
				size_t before = m->n;
				mark_relocs(m, is, off + 12, off + 4 + len);
				cie = off + 4 - id;
				mark_relocs(m, is, cie, cie + 4 +
				    load32(p + cie, false));
				if (m->n != before)
					any = true;
			}
		}
	}
	return any;
}

void
gc_sections(struct link *ctx)
{
	struct marker m = { NULL, 0, 0 };
	struct input_file *f;
	struct input_section *is;
	size_t i, j;

	mark_symbol(&m, ctx->entry);
	for (i = 0; i < ctx->nundefs; i++)
		mark_symbol(&m, strmap_find(&ctx->symtab, ctx->undefs[i],
		    strlen(ctx->undefs[i])));
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++)
			if (is_root(&f->secs[j]))
				mark(&m, &f->secs[j]);
		/* What a dynamic link exports is used from outside. */
		for (j = f->first_global; j < f->nsyms && ctx->dynamic; j++)
			if (f->symbols[j] != NULL &&
			    f->symbols[j]->kind == SYM_DEFINED &&
			    f->symbols[j]->file == f &&
			    dynamic_export_root(ctx, f->symbols[j]))
				mark_symbol(&m, f->symbols[j]);
	}
	do
		propagate(&m);
	while (mark_eh_frames(ctx, &m));
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++) {
			is = &f->secs[j];
			if (!is->live || is->visited ||
			    (is->shdr->sh_flags & SHF_ALLOC) == 0 ||
			    strcmp(is->name, ".eh_frame") == 0)
				continue;
			is->live = false;
			if (ctx->opts.print_gc_sections)
				fprintf(stderr, "ld: removing unused section "
				    "'%s' in file '%s'\n", is->name, f->name);
		}
	}
	free(m.stack);
}
