/*
 * plan: decide which sections an ELF file keeps, then hand over to
 * symbols.c and layout.c.  The rules follow what GNU strip does with the
 * same options (binutils objcopy.c is_strip_section), with one deliberate
 * difference: on a relocatable object, --strip-all keeps the relocations
 * and the symbols they need, because an object without them no longer
 * links; GNU strip and llvm-strip both drop them.
 *
 * Whatever cannot be done safely is refused: removing a section that is
 * loaded at run time from a file with program headers (it would renumber
 * the sections .dynsym refers to), or a section another kept section
 * still links to.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "strip.h"
#include "xalloc.h"

#define SHF_ALLOC	0x2
#define SHF_INFO_LINK	0x40
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_RELA	4
#define SHT_REL		9
#define SHT_GROUP	17
#define SHT_SYMTAB_SHNDX 18
#define SHT_NOTE	7
#define SHT_NOBITS	8
#define ET_REL		1

static void mark_by_name(struct eimg *, const struct strip_opts *, bool *);
static int cascade(struct eimg *, const struct strip_opts *, const bool *);
static int prune_groups(struct eimg *);
static void drop_orphan_strtabs(struct eimg *);
static int check_links(struct eimg *);
static void name_sections(struct eimg *);

/* Does name match one of the names, or with wildcard the patterns? */
bool
plan_match(const struct patlist *pl, const char *name, bool wildcard)
{
	size_t i;
	bool hit = false;

	for (i = 0; i < pl->n; i++) {
		const char *p = pl->v[i];
		bool neg = wildcard && p[0] == '!';

		if (neg)
			p++;
		if (wildcard ? fnmatch(p, name, 0) == 0 : strcmp(p, name) == 0) {
			if (neg)
				return false;
			hit = true;
		}
	}
	return hit;
}

static bool
is_rel(const struct esect *s)
{
	return s->type == SHT_REL || s->type == SHT_RELA;
}

static bool
is_dynamic_table(const struct esect *s)
{
	switch (s->type) {
	case 5:			/* SHT_HASH */
	case 6:			/* SHT_DYNAMIC */
	case 11:		/* SHT_DYNSYM */
	case 0x6ffffff6:	/* SHT_GNU_HASH */
	case 0x6ffffffd:	/* SHT_GNU_verdef */
	case 0x6ffffffe:	/* SHT_GNU_verneed */
	case 0x6fffffff:	/* SHT_GNU_versym */
		return true;
	default:
		return false;
	}
}

int
plan_strip(struct eimg *img, const struct strip_opts *o)
{
	bool *pinned = xcalloc(img->shnum, sizeof(bool));
	int rc = -1;

	mark_by_name(img, o, pinned);
	if (cascade(img, o, pinned) == -1 || prune_groups(img) == -1 ||
	    symbols_filter(img, o) == -1 || cascade(img, o, pinned) == -1)
		goto out;
	drop_orphan_strtabs(img);
	if (check_links(img) == -1)
		goto out;
	name_sections(img);
	if (symbols_rewrite_refs(img) == -1 || symbols_patch_dynsym(img) == -1 ||
	    layout_assign(img) == -1)
		goto out;
	rc = 0;
out:
	free(pinned);
	return rc;
}

/* The first decision: by name and type, from the options. */
static void
mark_by_name(struct eimg *img, const struct strip_opts *o, bool *pinned)
{
	bool debug = o->strip_debug || o->strip_unneeded || o->strip_all ||
	    o->discard_all;
	size_t i;

	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		if (debug && !(s->flags & SHF_ALLOC) &&
		    elfin_is_debug(s->sname))
			s->remove = true;
		if (plan_match(&o->remove_section, s->sname, true))
			s->remove = true;
		/* An executable's symbols go whole unless -K keeps some. */
		if (o->strip_all && img->type != ET_REL &&
		    o->keep_symbol.n == 0 &&
		    (s->type == SHT_SYMTAB || s->type == SHT_SYMTAB_SHNDX))
			s->remove = true;
		/*
		 * --only-keep-debug: what is loaded keeps its header but
		 * loses its contents, except notes (the build ID is how a
		 * debugger finds this file).
		 */
		if (o->only_keep_debug && (s->flags & SHF_ALLOC) &&
		    s->type != SHT_NOTE && s->type != SHT_NOBITS) {
			s->type = SHT_NOBITS;
			s->flags &= ~(uint64_t)SHF_INFO_LINK;
			img->debug_only = true;
		}
		if (plan_match(&o->keep_section, s->sname, true)) {
			s->remove = false;
			pinned[i] = true;
		}
	}
}

/*
 * Relocations for a removed section go with it; so do relocations and
 * extended indexes that point into a removed symbol table (an
 * executable's --emit-relocs sections under -s).
 */
static int
cascade(struct eimg *img, const struct strip_opts *o, const bool *pinned)
{
	bool changed = true;
	size_t i;

	while (changed) {
		changed = false;
		for (i = 1; i < img->shnum; i++) {
			struct esect *s = &img->sec[i];
			bool gone = false;

			if (s->remove)
				continue;
			if (is_rel(s) && s->info != 0 && s->info < img->shnum &&
			    img->sec[s->info].remove)
				gone = true;
			if ((is_rel(s) && !(s->flags & SHF_ALLOC)) ||
			    s->type == SHT_SYMTAB_SHNDX)
				if (s->link != 0 && img->sec[s->link].remove &&
				    img->sec[s->link].type == SHT_SYMTAB)
					gone = true;
			if (!gone)
				continue;
			if (pinned[i])
				return elfin_fail(img, "section %s: kept, but "
				    "the section it describes is removed",
				    s->sname);
			s->remove = changed = true;
		}
	}
	(void)o;
	return 0;
}

/* A group loses its removed members; a group left empty goes. */
static int
prune_groups(struct eimg *img)
{
	size_t i, j, n, kept;

	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];
		const unsigned char *p;

		if (s->remove || s->type != SHT_GROUP)
			continue;
		if (s->size < 4 || s->size % 4 != 0)
			return elfin_fail(img, "section %s: bad group size",
			    s->sname);
		p = img->in.data + s->off;
		n = (size_t)(s->size / 4);
		for (j = 1, kept = 0; j < n; j++) {
			uint64_t m = elfin_word(img, p + 4 * j, 4);

			if (m == 0 || m >= img->shnum)
				return elfin_fail(img, "section %s: group member "
				    "%llu out of range", s->sname,
				    (unsigned long long)m);
			if (!img->sec[m].remove)
				kept++;
		}
		if (kept == 0 && n > 1)
			s->remove = true;
	}
	return 0;
}

/* A string table whose every user was removed is removed too. */
static void
drop_orphan_strtabs(struct eimg *img)
{
	size_t i, *users = xcalloc(img->shnum, sizeof(size_t));
	bool *lost = xcalloc(img->shnum, sizeof(bool));

	for (i = 1; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->link == 0)
			continue;
		if (s->remove)
			lost[s->link] = true;
		else
			users[s->link]++;
	}
	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		if (s->type == SHT_STRTAB && !(s->flags & SHF_ALLOC) &&
		    i != img->shstrndx && lost[i] && users[i] == 0)
			s->remove = true;
	}
	free(users);
	free(lost);
}

static int
check_links(struct eimg *img)
{
	size_t i;

	/*
	 * A loaded section's bytes stay where the segments put them;
	 * only its header goes.  Not for the tables that dynamic linking
	 * is checked against.
	 */
	for (i = 1; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->remove && img->phnum > 0 && (s->flags & SHF_ALLOC) &&
		    is_dynamic_table(s))
			return elfin_fail(img, "cannot remove section %s: the "
			    "dynamic linker uses it", s->sname);
	}
	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];
		bool infolink = is_rel(s) || (s->flags & SHF_INFO_LINK);

		if (s->remove)
			continue;
		/*
		 * A static executable's .rela.plt (IRELATIVE, symbol 0)
		 * names .symtab; the loader never reads the link.  GNU
		 * strip sets it to 0 and so do we.
		 */
		if (s->link != 0 && img->sec[s->link].remove &&
		    (s->flags & SHF_ALLOC) && is_rel(s) &&
		    img->sec[s->link].type == SHT_SYMTAB)
			s->link = 0;
		if (s->link != 0 && img->sec[s->link].remove)
			return elfin_fail(img, "section %s: links to removed "
			    "section %s", s->sname, img->sec[s->link].sname);
		if (infolink && s->info >= img->shnum)
			return elfin_fail(img, "section %s: sh_info %llu out "
			    "of range", s->sname, (unsigned long long)s->info);
		if (infolink && s->info != 0 && img->sec[s->info].remove)
			return elfin_fail(img, "section %s: refers to removed "
			    "section %s", s->sname, img->sec[s->info].sname);
	}
	if (img->sec[img->shstrndx].remove)
		return elfin_fail(img, "cannot remove the section name table");
	return 0;
}

/* New indexes, in input order, and the new section name table. */
static void
name_sections(struct eimg *img)
{
	struct strtab *t;
	size_t i, n = 0;

	strtab_init(&img->shstr, img->shnum);
	t = &img->shstr;
	/*
	 * Section and symbol names in one table (clang does this): the
	 * table keeps the symbol names, and the section names get a new
	 * .shstrtab at the end, as GNU strip writes it.
	 */
	if (img->symstr_shared) {
		struct esect *ns = &img->sec[img->shnum];

		memset(ns, 0, sizeof(*ns));
		ns->type = SHT_STRTAB;
		ns->align = 1;
		ns->sname = ".shstrtab";
		img->shstrndx = img->shnum++;
		img->symstr_shared = false;
	}
	for (i = 0; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		if (s->remove)
			continue;
		s->newidx = n++;
		s->newname = i == 0 ? s->name : strtab_add_str(t, s->sname);
	}
	img->outshnum = n;
	img->outshstrndx = (size_t)img->sec[img->shstrndx].newidx;
}
