/*
 * symver: the version a dynamic symbol carries ("@@GLIBC_2.2.5",
 * "@GLIBC_2.2.5 (3)"), from the GNU versioning sections the dynamic
 * section points at: DT_VERSYM (one half-word per symbol), DT_VERDEF and
 * DT_VERNEED (chains of Verdef/Verdaux and Verneed/Vernaux records, LSB
 * Core "Symbol Versioning").  Both chains are walked once per file into
 * tables indexed by version number; every record is bounds checked and
 * the walks stop after a fixed number of steps, so a looping chain in a
 * corrupt file cannot hang us.
 */
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "xalloc.h"

#define VER_MAX		0x8000	/* version numbers are 15 bits */
#define WALK_MAX	65536	/* records followed in one chain */


static void	walk_verdef(struct relf *, struct symver *, uint64_t);
static void	walk_verneed(struct relf *, struct symver *, uint64_t);

/* Look up a dynamic tag's value; *found says whether it is there. */
uint64_t
relf_dyn_value(const struct relf *f, int64_t want, bool *found)
{
	uint64_t off, size, val;
	int64_t tag;
	size_t i;

	*found = false;
	if (relf_dynamic(f, &off, &size) == -1)
		return 0;
	for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0; i++) {
		if (tag == DT_NULL)
			break;
		if (tag == want) {
			*found = true;
			return val;
		}
	}
	return 0;
}

/* File offset of an address, or the address itself as GNU falls back. */
uint64_t
relf_addr_off(const struct relf *f, uint64_t vaddr)
{
	uint64_t off;

	return relf_vaddr_off(f, vaddr, &off) == 0 ? off : vaddr;
}

void
symver_load(struct relf *f, struct symver *v)
{
	uint64_t a;
	bool found;

	memset(v, 0, sizeof(*v));
	a = relf_dyn_value(f, DT_VERSYM, &found);
	if (!found || a == 0)
		return;
	v->versym = relf_addr_off(f, a);
	v->have = true;
	a = relf_dyn_value(f, DT_VERDEF, &found);
	if (found && a != 0)
		walk_verdef(f, v, relf_addr_off(f, a));
	a = relf_dyn_value(f, DT_VERNEED, &found);
	if (found && a != 0)
		walk_verneed(f, v, relf_addr_off(f, a));
}

void
symver_free(struct symver *v)
{
	free(v->def);
	free(v->need);
	memset(v, 0, sizeof(*v));
}

static void
walk_verdef(struct relf *f, struct symver *v, uint64_t off)
{
	const unsigned char *p, *a;
	unsigned ndx, n;
	uint32_t next;

	v->def = xcalloc(VER_MAX, sizeof(*v->def));
	for (n = 0; n < WALK_MAX; n++) {
		if ((p = span_range(f->img, off, 20)) == NULL)
			break;
		ndx = load16(p + 4, f->big) & 0x7fff;
		if (!v->def[ndx].set) {
			v->def[ndx].set = true;
			v->def[ndx].flags = load16(p + 2, f->big);
			a = span_range(f->img, off + load32(p + 12, f->big), 8);
			v->def[ndx].name_ok = a != NULL;
			if (a != NULL)
				v->def[ndx].name = load32(a, f->big);
		}
		next = load32(p + 16, f->big);
		if (next == 0)
			break;
		off += next;
	}
}

static void
walk_verneed(struct relf *f, struct symver *v, uint64_t off)
{
	const unsigned char *p, *a;
	uint64_t aoff;
	unsigned n, m, other;
	uint32_t next, anext;

	v->need = xcalloc(VER_MAX, sizeof(*v->need));
	for (n = 0; n < WALK_MAX; n++) {
		if ((p = span_range(f->img, off, 16)) == NULL)
			break;
		aoff = off + load32(p + 8, f->big);
		for (m = 0; m < WALK_MAX; m++) {
			if ((a = span_range(f->img, aoff, 16)) == NULL)
				break;
			other = load16(a + 6, f->big) & 0x7fff;
			if (!v->need[other].set) {
				v->need[other].set = true;
				v->need[other].other = load16(a + 6, f->big);
				v->need[other].name = load32(a + 8, f->big);
			}
			anext = load32(a + 12, f->big);
			if (anext == 0)
				break;
			aoff += anext;
		}
		next = load32(p + 12, f->big);
		if (next == 0)
			break;
		off += next;
	}
}

/*
 * The version string of dynamic symbol si, or NULL.  *kind is 'h' for a
 * hidden definition (@), 'p' for a public one (@@), 'u' for a needed
 * version (@name (n)); *other is then the Vernaux index.
 */
const char *
symver_name(struct relf *f, const struct symver *v, struct span strs,
    size_t si, const GElf_Sym *sym, int *kind, unsigned *other)
{
	const unsigned char *p;
	unsigned vs, ndx;
	const char *s;

	if (!v->have || (p = span_range(f->img, v->versym + si * 2, 2)) ==
	    NULL)
		return NULL;
	vs = load16(p, f->big);
	if (vs == 0)
		return NULL;
	*kind = vs & 0x8000 ? 'h' : 'p';
	ndx = vs & 0x7fff;
	if (sym->st_shndx != SHN_UNDEF && vs != 0x8001 && v->def != NULL &&
	    v->def[ndx].set) {
		if (ndx == 1 && v->def[ndx].flags == VER_FLG_BASE)
			return NULL;
		if (v->def[ndx].name_ok && sym->st_name != v->def[ndx].name) {
			s = relf_string_span(strs, v->def[ndx].name);
			return s != NULL ? s : "<corrupt>";
		}
	}
	if (v->need != NULL && v->need[ndx].set) {
		*kind = 'u';
		*other = v->need[ndx].other;
		s = relf_string_span(strs, v->need[ndx].name);
		return s != NULL ? s : "<corrupt>";
	}
	return NULL;
}
