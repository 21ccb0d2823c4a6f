/*
 * elf: read an ELF symbol table (.symtab, or .dynsym with -D) into an
 * array of struct nm_sym, classified by common/symtab and filtered the
 * way GNU nm filters (-a, -g, -u, -U, -W, --size-sort, --special-syms).
 *
 * Dynamic symbols carry their version as GNU BFD names them: "name@VER"
 * for a hidden or needed version, "name@@VER" for a default one, from
 * .gnu.version, .gnu.version_d and .gnu.version_r (the GNU symbol
 * versioning extension of the gABI, described in the LSB).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elfobj.h"
#include "nm.h"
#include "symtab.h"
#include "xalloc.h"

/* Version names by version index, for one file. */
struct vertab {
	const char	**name;		/* index -> name, NULL if unknown */
	uint8_t		 *needed;	/* index comes from verneed */
	size_t		  n;		/* entries */
	size_t		  ndefs;	/* highest verdef index */
	bool		  base_flag;	/* verdef 1 has VER_FLG_BASE */
	bool		  present;
};

static void	 vertab_read(struct elfobj *, struct vertab *);
static void	 vertab_free(struct vertab *);
static const char *sym_version(const struct vertab *, uint16_t, bool undef,
		    const char *name, bool *hidden);
static bool	 keep_sym(const struct nm_opts *, struct elfobj *,
		    const struct symtab_class *, const char *);

/* The name arena: blocks that never move, freed per object. */
struct arena_block {
	struct arena_block *next;
	size_t		    used, cap;
	char		    data[];
};
static struct arena_block *arena;

char *
nm_arena_dup(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	size_t need = la + lb + lc + 1, cap;
	struct arena_block *blk;
	char *p;

	if (arena == NULL || arena->cap - arena->used < need) {
		cap = need > 65536 ? need : 65536;
		blk = xmalloc(sizeof(*blk) + cap);
		blk->next = arena;
		blk->used = 0;
		blk->cap = cap;
		arena = blk;
	}
	p = arena->data + arena->used;
	memcpy(p, a, la);
	memcpy(p + la, b, lb);
	memcpy(p + la + lb, c, lc + 1);
	arena->used += need;
	return p;
}

void
nm_arena_reset(void)
{
	struct arena_block *b;

	while ((b = arena) != NULL) {
		arena = b->next;
		free(b);
	}
}

void
nm_list_free(struct nm_list *l)
{
	free(l->syms);
	memset(l, 0, sizeof(*l));
}

/* Walk the verdef and verneed chains, every offset checked. */
static void
vertab_walk_def(struct elfobj *o, size_t idx, struct vertab *vt,
    Elf_Data *strs)
{
	Elf_Data *d = elfobj_data(o, idx);
	GElf_Verdef vd;
	GElf_Verdaux va;
	size_t off = 0, k;
	unsigned ndx;

	if (d == NULL || strs == NULL)
		return;
	for (k = 0; k < 65536 && off < d->d_size; k++) {
		if (gelf_getverdef(d, (int)off, &vd) == NULL)
			break;
		ndx = vd.vd_ndx & 0x7fff;
		if (ndx > vt->ndefs)
			vt->ndefs = ndx;
		if (ndx == 1)
			vt->base_flag = (vd.vd_flags == VER_FLG_BASE);
		if (ndx < vt->n && vd.vd_cnt > 0 &&
		    off + vd.vd_aux < d->d_size &&
		    gelf_getverdaux(d, (int)(off + vd.vd_aux), &va) != NULL) {
			vt->name[ndx] = elfobj_string(strs, va.vda_name);
			vt->needed[ndx] = 0;
		}
		if (vd.vd_next == 0 || vd.vd_next > d->d_size - off)
			break;
		off += vd.vd_next;
	}
}

static void
vertab_walk_need(struct elfobj *o, size_t idx, struct vertab *vt,
    Elf_Data *strs)
{
	Elf_Data *d = elfobj_data(o, idx);
	GElf_Verneed vn;
	GElf_Vernaux va;
	size_t off = 0, aoff, k, j;
	unsigned ndx;

	if (d == NULL || strs == NULL)
		return;
	for (k = 0; k < 65536 && off < d->d_size; k++) {
		if (gelf_getverneed(d, (int)off, &vn) == NULL)
			break;
		aoff = off + vn.vn_aux;
		for (j = 0; j < vn.vn_cnt && aoff < d->d_size; j++) {
			if (gelf_getvernaux(d, (int)aoff, &va) == NULL)
				break;
			ndx = va.vna_other & 0x7fff;
			if (ndx < vt->n && vt->name[ndx] == NULL) {
				vt->name[ndx] = elfobj_string(strs,
				    va.vna_name);
				vt->needed[ndx] = 1;
			}
			if (va.vna_next == 0 || va.vna_next > d->d_size - aoff)
				break;
			aoff += va.vna_next;
		}
		if (vn.vn_next == 0 || vn.vn_next > d->d_size - off)
			break;
		off += vn.vn_next;
	}
}

static void
vertab_read(struct elfobj *o, struct vertab *vt)
{
	GElf_Shdr sh, ssh;
	size_t i, def = 0, need = 0, sym = 0;
	Elf_Data *strs;

	memset(vt, 0, sizeof(*vt));
	for (i = 1; i < o->shnum; i++) {
		if (elfobj_shdr(o, i, &sh) == -1)
			continue;
		if (sh.sh_type == SHT_GNU_verdef && def == 0)
			def = i;
		else if (sh.sh_type == SHT_GNU_verneed && need == 0)
			need = i;
		else if (sh.sh_type == SHT_GNU_versym && sym == 0)
			sym = i;
	}
	if (sym == 0 || (def == 0 && need == 0))
		return;
	vt->present = true;
	vt->n = 0x8000;
	vt->name = xcalloc(vt->n, sizeof(*vt->name));
	vt->needed = xcalloc(vt->n, 1);
	for (i = 0; i < 2; i++) {
		size_t s = i == 0 ? def : need;

		if (s == 0 || elfobj_shdr(o, s, &sh) == -1 ||
		    sh.sh_link >= o->shnum ||
		    elfobj_shdr(o, sh.sh_link, &ssh) == -1 ||
		    ssh.sh_type != SHT_STRTAB ||
		    (strs = elfobj_data(o, sh.sh_link)) == NULL)
			continue;
		if (i == 0)
			vertab_walk_def(o, s, vt, strs);
		else
			vertab_walk_need(o, s, vt, strs);
	}
	o->err[0] = '\0';
}

static void
vertab_free(struct vertab *vt)
{
	free(vt->name);
	free(vt->needed);
}

/* BFD's rule for the version shown after a dynamic symbol's name. */
static const char *
sym_version(const struct vertab *vt, uint16_t vs, bool undef,
    const char *name, bool *hidden)
{
	unsigned n = vs & 0x7fff;
	const char *v;

	*hidden = (vs & 0x8000) != 0;
	if (n == 0)
		return NULL;
	if (n == 1 && (n > vt->ndefs || vt->base_flag))
		return NULL;
	if (n <= vt->ndefs) {
		v = vt->name[n];
		if (v == NULL || strcmp(v, name) == 0)
			return NULL;
		return v;
	}
	*hidden = true;
	v = vt->name[n];
	return v != NULL ? v : "<corrupt>";
}

static bool
keep_sym(const struct nm_opts *op, struct elfobj *o,
    const struct symtab_class *c, const char *name)
{
	bool undef = c->kind == SYM_UNDEF;

	if (op->extern_only) {
		if ((c->flags & (SYM_F_GLOBAL | SYM_F_WEAK | SYM_F_UNIQUE)) ==
		    0 && !undef && c->kind != SYM_COMMON)
			return false;
	} else if (op->no_weak && (c->flags & SYM_F_WEAK))
		return false;
	if (!op->debug_syms && (c->flags & SYM_F_DEBUG))
		return false;
	if (op->size_sort && (undef || c->kind == SYM_ABS))
		return false;
	if (op->defined_only && undef)
		return false;
	if (!op->special_syms && symtab_special(o, name))
		return false;
	if (op->undefined_only && !undef)
		return false;
	return true;
}

static void
list_push(struct nm_list *l, const struct nm_sym *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->syms = xreallocarray(l->syms, l->cap, sizeof(*l->syms));
	}
	l->syms[l->n++] = *s;
}

/* Fill one nm_sym from a classified ELF symbol. */
static void
make_sym(struct elfobj *o, const struct symtab_sec *secs,
    const struct vertab *vt, const struct elfobj_symtab *st, size_t i,
    const GElf_Sym *sym, const struct symtab_class *c, const char *name,
    struct nm_sym *s)
{
	const char *v = NULL;
	bool hidden;

	memset(s, 0, sizeof(*s));
	s->name = name;
	s->secname = c->secname;
	s->value = c->value;
	s->size = sym->st_size;
	s->index = (uint32_t)i;
	s->type = GELF_ST_TYPE(sym->st_info);
	s->bind = GELF_ST_BIND(sym->st_info);
	s->letter = c->letter;
	s->flags = NMS_HASELF;
	if (c->kind == SYM_UNDEF || s->letter == 'U' || s->letter == 'w' ||
	    s->letter == 'v')
		s->flags |= NMS_UNDEF;
	if (c->flags & SYM_F_FILE)
		s->flags |= NMS_FILE;
	if (c->flags & SYM_F_SECTION) {
		s->flags = (uint8_t)((s->flags | NMS_SECTION) & ~NMS_HASELF);
		s->size = 0;
	}
	if (c->kind == SYM_DEFINED) {
		s->secidx = (uint16_t)(c->shndx > 0xfffd ? 0xfffd : c->shndx);
		s->secaddr = secs[c->shndx].addr;
		s->secend = s->secaddr + secs[c->shndx].size;
	} else
		s->secidx = c->kind == SYM_COMMON ? 0xfffe : 0xffff;
	if (vt != NULL && vt->present && st->versym != NULL &&
	    (i + 1) * 2 <= st->versym->d_size) {
		uint16_t vs = ((const uint16_t *)st->versym->d_buf)[i];

		v = sym_version(vt, vs, c->kind == SYM_UNDEF, name, &hidden);
		s->version = v;
		if (v != NULL && (hidden || c->kind == SYM_UNDEF))
			s->flags |= NMS_VERAT;
	}
}

/* The name BFD gives a symbol: section symbols take the section's. */
static const char *
sym_name(struct elfobj *o, const struct symtab_sec *secs,
    const GElf_Sym *sym, size_t shndx, const char *name)
{
	if (GELF_ST_TYPE(sym->st_info) == STT_SECTION && sym->st_name == 0)
		return shndx < o->shnum && secs != NULL ? secs[shndx].name :
		    "";
	return name;
}

int
nm_elf_collect(const struct nm_opts *op, struct elfobj *o,
    struct nm_list *l, char *err, size_t errlen)
{
	struct elfobj_symtab st;
	struct symtab_sec *secs;
	struct symtab_class c;
	struct vertab vt;
	struct nm_sym s;
	GElf_Sym sym;
	const char *name;
	size_t i, shndx;
	int r;

	l->width = o->elfclass == ELFCLASS64 ? 64 : 32;
	r = elfobj_symtab(o, op->dynamic ? SHT_DYNSYM : SHT_SYMTAB, &st);
	if (r <= 0 || st.count <= 1) {
		if (r < 0)
			snprintf(err, errlen, "%s", o->err);
		return r < 0 ? -1 : 0;
	}
	secs = symtab_sections(o);
	if (op->dynamic)
		vertab_read(o, &vt);
	l->cap = st.count;
	l->syms = xreallocarray(NULL, l->cap, sizeof(*l->syms));
	for (i = 1; i < st.count; i++) {
		if (elfobj_sym(o, &st, i, &sym, &name) == -1) {
			snprintf(err, errlen, "%s", o->err);
			r = -1;
			break;
		}
		shndx = elfobj_sym_shndx(&st, i, &sym);
		symtab_classify(o, secs, &sym, shndx, &c);
		name = sym_name(o, secs, &sym, shndx, name);
		if (!keep_sym(op, o, &c, name))
			continue;
		make_sym(o, secs, op->dynamic ? &vt : NULL, &st, i, &sym, &c,
		    name, &s);
		list_push(l, &s);
	}
	if (op->dynamic)
		vertab_free(&vt);
	free(secs);
	return r < 0 ? -1 : 1;
}
