/*
 * aoutstrip: strip a.out files (../shared/spec/a.out.md, read through
 * common/aout).  An executable loses its symbols, string table and
 * relocations: the file ends after the data, as BSD strip leaves it,
 * with an empty string table (its size word alone) after it.  A
 * relocatable object keeps its relocations; its symbol table keeps the
 * external symbols and every symbol an external relocation names, and
 * those relocations are renumbered (a_syms and the string table size
 * change with it).  -g removes only debugging (stab) symbols.
 *
 * PDP-11 files, whose relocations are a word per text word, are
 * refused rather than guessed at.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aout.h"
#include "diag.h"
#include "strip.h"
#include "xalloc.h"

/* The exec header's words, as byte offsets (spec section 2). */
#define A_SYMS		16
#define A_TRSIZE	24
#define A_DRSIZE	28

struct aplan {
	struct aout	 a;
	uint32_t	*map;		/* old symbol -> new, or NOSYM */
	size_t		 nkept;
	bool		*needed;
};

static int mark_needed(struct aplan *);
static bool keep(const struct strip_opts *, const struct aplan *,
    const struct aout_sym *, size_t);
static unsigned char *build(struct aplan *, const struct strip_opts *,
    uint64_t *);
static void renumber(struct aplan *, unsigned char *);

/* The stripped image of the a.out file in: malloced in *img. */
int
aout_strip_mem(const struct strip_opts *o, const char *where,
    struct span in, unsigned char **img, uint64_t *size)
{
	struct aplan p;
	int rc = -1;

	*img = NULL;
	memset(&p, 0, sizeof(p));
	if (aout_parse(&p.a, in) == -1) {
		diag_error(where, "%s", p.a.err);
		return -1;
	}
	if (p.a.family == AOUT_PDP11) {
		diag_error(where, "PDP-11 a.out files are not supported");
		return -1;
	}
	if (p.a.truncated || p.a.nsyms != p.a.nsyms_claimed) {
		diag_error(where, "truncated a.out file");
		return -1;
	}
	if (p.a.isobj && mark_needed(&p) == -1)
		diag_error(where, "%s", p.a.err);
	else if ((*img = build(&p, o, size)) == NULL)
		diag_error(where, "%s", p.a.err);
	else
		rc = 0;
	free(p.map);
	free(p.needed);
	return rc;
}

int
aout_strip(const struct strip_opts *o, const char *path, struct span in,
    const char *target, const struct stat *st)
{
	unsigned char *img;
	uint64_t size;
	int rc;

	if (aout_strip_mem(o, path, in, &img, &size) == -1)
		return -1;
	rc = strip_write_file(o, path, target, st, img, size);
	free(img);
	return rc;
}

/* Symbols named by an external relocation must stay. */
static int
mark_needed(struct aplan *p)
{
	struct aout_reloc r;
	size_t i, n;
	int d;

	p->needed = xcalloc(p->a.nsyms + 1, sizeof(bool));
	for (d = 0; d < 2; d++) {
		n = aout_nrelocs(&p->a, d);
		for (i = 0; i < n; i++) {
			if (aout_reloc(&p->a, d, i, &r) == -1)
				return -1;
			if (!r.external)
				continue;
			if (r.symbolnum >= p->a.nsyms) {
				snprintf(p->a.err, sizeof(p->a.err), "%s "
				    "relocation %zu: symbol %u out of range",
				    d ? "data" : "text", i, r.symbolnum);
				return -1;
			}
			p->needed[r.symbolnum] = true;
		}
	}
	return 0;
}

static bool
keep(const struct strip_opts *o, const struct aplan *p,
    const struct aout_sym *s, size_t i)
{
	bool stab = (s->type & AOUT_N_STAB) != 0;

	if (!p->a.isobj)	/* executables: -g drops stabs, else all */
		return o->strip_debug && !o->strip_all && !stab;
	if (p->needed[i] || plan_match(&o->keep_symbol, s->name, o->wildcard))
		return true;
	if (plan_match(&o->strip_symbol, s->name, o->wildcard))
		return false;
	if (stab)
		return false;
	if (o->strip_debug && !o->strip_all && !o->strip_unneeded &&
	    !o->discard_all)
		return true;
	return (s->type & AOUT_N_EXT) != 0;
}

/* The stripped image: header, text, data, relocations, symbols, strings. */
static unsigned char *
build(struct aplan *p, const struct strip_opts *o, uint64_t *sizep)
{
	struct aout *a = &p->a;
	struct aout_sym s;
	struct strtab names;
	uint64_t keepto, symbytes, strsize, off;
	unsigned char *img, *q;
	size_t i;
	bool relocs = a->isobj;

	p->map = xcalloc(a->nsyms + 1, sizeof(uint32_t));
	strtab_init(&names, a->nsyms);
	names.len = 4;		/* the size word counts itself */
	for (i = 0; i < a->nsyms; i++) {
		p->map[i] = NOSYM;
		if (aout_sym(a, i, &s) == -1) {
			strtab_free(&names);
			return NULL;
		}
		if (!keep(o, p, &s, i))
			continue;
		/* An N_INDR symbol's target is the entry after it. */
		if ((s.type & ~AOUT_N_EXT) == AOUT_N_INDR && i + 1 < a->nsyms &&
		    p->needed != NULL)
			p->needed[i + 1] = true;
		p->map[i] = (uint32_t)p->nkept++;
	}
	keepto = relocs ? a->symoff : a->datoff + a->data;
	symbytes = (uint64_t)p->nkept * a->nlistsize;
	img = xcalloc(1, (size_t)(keepto + symbytes) + 4);
	memcpy(img, a->file.data, (size_t)keepto);
	q = img + keepto;
	for (i = 0; i < a->nsyms; i++) {
		if (p->map[i] == NOSYM)
			continue;
		(void)aout_sym(a, i, &s);
		memcpy(q, a->file.data + a->symoff + i * a->nlistsize,
		    a->nlistsize);
		off = s.name[0] != '\0' ? strtab_add_str(&names, s.name) : 0;
		store32(q, (uint32_t)off, a->big);
		q += a->nlistsize;
	}
	strsize = names.len;
	img = xreallocarray(img, (size_t)(keepto + symbytes + strsize), 1);
	q = img + keepto + symbytes;
	memcpy(q, names.buf, (size_t)strsize);
	store32(q, (uint32_t)strsize, a->big);
	store32(img + A_SYMS, (uint32_t)symbytes, a->big);
	if (!relocs) {
		store32(img + A_TRSIZE, 0, a->big);
		store32(img + A_DRSIZE, 0, a->big);
	} else
		renumber(p, img);
	strtab_free(&names);
	*sizep = keepto + symbytes + strsize;
	return img;
}

/*
 * r_symbolnum (r_index on SPARC) is the 24-bit field in bytes 4..6 of
 * every relocation form, in the file's byte order (spec section 11).
 */
static void
renumber(struct aplan *p, unsigned char *img)
{
	struct aout_reloc r;
	unsigned char *e;
	uint32_t n;
	size_t i, cnt;
	int d;

	for (d = 0; d < 2; d++) {
		cnt = aout_nrelocs(&p->a, d);
		for (i = 0; i < cnt; i++) {
			(void)aout_reloc(&p->a, d, i, &r);	/* checked */
			if (!r.external)
				continue;
			n = p->map[r.symbolnum];
			e = img + (d ? p->a.dreloff : p->a.treloff) +
			    i * p->a.relsize + 4;
			if (p->a.big) {
				e[0] = (unsigned char)(n >> 16);
				e[1] = (unsigned char)(n >> 8);
				e[2] = (unsigned char)n;
			} else {
				e[0] = (unsigned char)n;
				e[1] = (unsigned char)(n >> 8);
				e[2] = (unsigned char)(n >> 16);
			}
		}
	}
}
