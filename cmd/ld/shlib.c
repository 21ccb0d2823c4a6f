/*
 * shlib.c: shared libraries as inputs, and the symbol decisions of a
 * dynamic link (which library is needed, which symbol may be preempted).
 *
 * A shared object (ET_DYN) is read only for what the link needs: the
 * dynamic symbol table (SHT_DYNSYM and its string table), the symbol
 * versions (SHT_GNU_versym, SHT_GNU_verdef; see the LSB "Symbol
 * Versioning" chapter) and DT_SONAME from SHT_DYNAMIC, which becomes our
 * DT_NEEDED entry.  Every offset, size and count is checked against the
 * mapped file before use.  A symbol defined with a hidden version
 * (versym bit 15, "foo@V1" beside "foo@@V2") binds only old programs, so
 * a new link never sees it, as with GNU ld.
 *
 * --as-needed (and AS_NEEDED in a script such as glibc's libc.so): such
 * a library gets DT_NEEDED only if it defines a symbol that a regular
 * object refers to with a non-weak reference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

static const Elf64u_Shdr *section_of_type(const Elf64u_Shdr *, size_t,
		    uint32_t);
static bool	read_verdefs(struct shared_file *, const Elf64u_Shdr *,
		    const Elf64u_Shdr *, size_t);
static void	bind_versioned_refs(struct link *);
static void	add_shared_references(struct link *,
		    const struct shared_file *);
static void	read_dynamic_tags(struct shared_file *, const Elf64u_Shdr *,
		    const Elf64u_Shdr *, size_t);
static void	mark_dynrefs(struct link *, struct shared_file *);
static const char *visible_name(const struct shared_file *, size_t);

static const Elf64u_Shdr *
section_of_type(const Elf64u_Shdr *sh, size_t n, uint32_t type)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (sh[i].sh_type == type)
			return &sh[i];
	return NULL;
}

/* A string table section: inside the file and NUL-terminated. */
static const char *
strings(struct span s, const Elf64u_Shdr *sh, uint64_t *size)
{
	const char *p;

	if (sh == NULL || sh->sh_type != SHT_STRTAB || sh->sh_size == 0 ||
	    (p = span_range(s, sh->sh_offset, sh->sh_size)) == NULL ||
	    p[sh->sh_size - 1] != '\0')
		return NULL;
	*size = sh->sh_size;
	return p;
}

struct shared_file *
read_shared_file(struct link *ctx, struct input_arg *ia, struct span s,
    uint32_t order)
{
	struct shared_file *d;
	const Elf64u_Ehdr *eh = span_range(s, 0, sizeof(*eh));
	const Elf64u_Shdr *sh, *dynsym, *ver;
	const char *base;
	size_t n;

	if (eh->e_machine != EM_X86_64 || eh->e_shentsize != sizeof(*sh) ||
	    eh->e_shoff % 8 != 0 || ((uintptr_t)s.data & 7) != 0) {
		diag_error(ia->path, "not an x86-64 shared library");
		return NULL;
	}
	n = eh->e_shnum;
	if (n == 0 || n > s.size / sizeof(*sh) ||
	    (sh = span_range(s, eh->e_shoff, n * sizeof(*sh))) == NULL) {
		diag_error(ia->path, "section header table past end of file");
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->name = ia->path;
	d->data = s;
	d->order = order;
	d->as_needed = ia->as_needed;
	dynsym = section_of_type(sh, n, SHT_DYNSYM);
	if (dynsym != NULL) {
		if (dynsym->sh_entsize != sizeof(Elf64u_Sym) ||
		    dynsym->sh_offset % 8 != 0 || dynsym->sh_link >= n ||
		    span_range(s, dynsym->sh_offset, dynsym->sh_size) == NULL ||
		    (d->strtab = strings(s, &sh[dynsym->sh_link],
		    &d->strsz)) == NULL) {
			diag_error(ia->path, "bad dynamic symbol table");
			free(d);
			return NULL;
		}
		d->syms = (const Elf64u_Sym *)(s.data + dynsym->sh_offset);
		d->nsyms = dynsym->sh_size / sizeof(Elf64u_Sym);
	}
	ver = section_of_type(sh, n, SHT_GNU_versym);
	if (ver != NULL && d->nsyms > 0) {
		if (ver->sh_offset % 2 != 0 || ver->sh_size / 2 < d->nsyms ||
		    span_range(s, ver->sh_offset, ver->sh_size) == NULL) {
			diag_error(ia->path, "bad symbol version table");
			free(d);
			return NULL;
		}
		d->versym = (const uint16_t *)(s.data + ver->sh_offset);
	}
	if (!read_verdefs(d, sh, section_of_type(sh, n, SHT_GNU_verdef), n)) {
		diag_error(ia->path, "bad version definitions");
		free(d);
		return NULL;
	}
	read_dynamic_tags(d, sh, section_of_type(sh, n, SHT_DYNAMIC), n);
	/*
	 * Without DT_SONAME the name to record is the file's: as GNU ld
	 * does, its base name when -l found it, else the path as given.
	 */
	if (d->soname == NULL) {
		base = strrchr(ia->path, '/');
		d->soname = base != NULL && ia->searched ? base + 1 : ia->path;
	}
	if (ctx->ndsos == ctx->capdsos) {
		ctx->capdsos = ctx->capdsos * 2 + 8;
		ctx->dsos = xreallocarray(ctx->dsos, ctx->capdsos,
		    sizeof(*ctx->dsos));
	}
	ctx->dsos[ctx->ndsos++] = d;
	return d;
}

/*
 * The version definitions: a chain of Elf64_Verdef, each with its name
 * in the first Elf64_Verdaux.  Names are indexed by vd_ndx.
 */
static bool
read_verdefs(struct shared_file *d, const Elf64u_Shdr *sh,
    const Elf64u_Shdr *vd, size_t n)
{
	const Elf64_Verdef *v;
	const Elf64_Verdaux *a;
	const char *str;
	uint64_t off, strsz, count, k, max = 0;
	int walk;

	if (vd == NULL)
		return true;
	if (vd->sh_link >= n || (str = strings(d->data, &sh[vd->sh_link],
	    &strsz)) == NULL)
		return false;
	/* Two walks: the largest index, then the names. */
	for (walk = 0; walk < 2; walk++) {
		off = vd->sh_offset;
		count = vd->sh_info;
		for (k = 0; k < count && k < 65536; k++) {
			if (off % 4 != 0 || (v = span_range(d->data, off,
			    sizeof(*v))) == NULL || off + v->vd_aux < off ||
			    (off + v->vd_aux) % 4 != 0 ||
			    (a = span_range(d->data, off + v->vd_aux,
			    sizeof(*a))) == NULL || a->vda_name >= strsz)
				return false;
			/* Bit 15 is not part of the index. */
			if (walk == 0 && (v->vd_ndx & 0x7fff) > max)
				max = v->vd_ndx & 0x7fff;
			else if (walk == 1 && (v->vd_flags & VER_FLG_BASE) == 0)
				d->vername[v->vd_ndx & 0x7fff] =
				    str + a->vda_name;
			if (v->vd_next == 0)
				break;
			off += v->vd_next;
		}
		if (walk == 0) {
			d->nver = max + 1;
			d->vername = xcalloc(d->nver, sizeof(*d->vername));
			d->verout = xcalloc(d->nver, sizeof(*d->verout));
		}
	}
	return true;
}

/*
 * DT_SONAME, and what needed.c looks for the library's own dependencies
 * with: its DT_NEEDED names and DT_RUNPATH (or, without it, DT_RPATH).
 * Tags whose string is outside the table are ignored.
 */
static void
read_dynamic_tags(struct shared_file *d, const Elf64u_Shdr *sh,
    const Elf64u_Shdr *dyn, size_t n)
{
	const Elf64_Dyn *e;
	const char *str, *rpath = NULL;
	uint64_t strsz, i, ne, nneeded = 0;

	if (dyn == NULL || dyn->sh_link >= n || dyn->sh_offset % 8 != 0 ||
	    (str = strings(d->data, &sh[dyn->sh_link], &strsz)) == NULL ||
	    (e = span_range(d->data, dyn->sh_offset, dyn->sh_size)) == NULL)
		return;
	ne = dyn->sh_size / sizeof(*e);
	for (i = 0; i < ne && e[i].d_tag != DT_NULL; i++)
		nneeded += e[i].d_tag == DT_NEEDED;
	if (nneeded > 0)
		d->needed_names = xcalloc(nneeded, sizeof(*d->needed_names));
	for (i = 0; i < ne && e[i].d_tag != DT_NULL; i++) {
		if (e[i].d_un.d_val >= strsz)
			continue;
		switch (e[i].d_tag) {
		case DT_SONAME:
			d->soname = str + e[i].d_un.d_val;
			break;
		case DT_NEEDED:
			d->needed_names[d->nneeded++] = str + e[i].d_un.d_val;
			break;
		case DT_RUNPATH:
			d->runpath = str + e[i].d_un.d_val;
			break;
		case DT_RPATH:
			rpath = str + e[i].d_un.d_val;
			break;
		}
	}
	/* The loader ignores DT_RPATH when DT_RUNPATH is there. */
	if (d->runpath == NULL)
		d->runpath = rpath;
}

/*
 * A library's non-weak undefined references load the archive members
 * that define them, as GNU ld does, whether the member's archive comes
 * before or after the library.  GNU ld keeps the references of an
 * --as-needed library only if it is needed when it is read (live).
 */
static void
add_shared_references(struct link *ctx, const struct shared_file *d)
{
	const Elf64u_Sym *es;
	struct symbol *s;
	const char *name;
	size_t i;

	for (i = 1; i < d->nsyms; i++) {
		es = &d->syms[i];
		if (es->st_shndx != SHN_UNDEF ||
		    ELF64_ST_BIND(es->st_info) != STB_GLOBAL ||
		    es->st_name == 0 || es->st_name >= d->strsz)
			continue;
		name = d->strtab + es->st_name;
		s = symbol_intern(ctx, name, strlen(name));
		s->flags |= SF_SHLIBREF;
		if (s->kind == SYM_LAZY) {
			s->kind = SYM_UNDEF;
			load_member(ctx, s->ar, s->member);
		}
	}
}

/*
 * The name of dynamic symbol i of d, if a link sees it: global or weak,
 * named, and undefined or of the default version (a hidden version,
 * foo@V1 beside foo@@V2, is only for programs linked before).  Else NULL.
 */
static const char *
visible_name(const struct shared_file *d, size_t i)
{
	const Elf64u_Sym *es = &d->syms[i];
	uint16_t v;

	if (ELF64_ST_BIND(es->st_info) == STB_LOCAL ||
	    es->st_name == 0 || es->st_name >= d->strsz)
		return NULL;
	v = d->versym != NULL ? d->versym[i] : 1;
	if (es->st_shndx != SHN_UNDEF && ((v & 0x8000) || v == 0))
		return NULL;
	return d->strtab + es->st_name;
}

/*
 * The library's exports join the symbol table: a name nothing defines
 * yet (undefined or lazy) becomes SYM_SHARED; a regular definition, seen
 * before or after, wins over it.  A name the library defines or refers
 * to is marked SD_DYNREF, so that an executable exports its own
 * definition and the library binds to it (interposition).
 */
void
add_shared_symbols(struct link *ctx, struct shared_file *d)
{
	const Elf64u_Sym *es;
	struct symbol *s;
	const char *name;
	size_t i;
	bool live = !d->as_needed;

	for (i = 1; i < d->nsyms; i++) {
		es = &d->syms[i];
		if ((name = visible_name(d, i)) == NULL)
			continue;
		s = symbol_intern(ctx, name, strlen(name));
		s->dflags |= SD_DYNREF;
		if (es->st_shndx == SHN_UNDEF)
			continue;
		if (s->kind != SYM_UNDEF && s->kind != SYM_LAZY)
			continue;
		if ((s->flags & SF_REFSTRONG) && s->ref != NULL)
			live = true;
		s->kind = SYM_SHARED;
		s->dso = d;
		s->value = es->st_value;
		s->size = es->st_size;
		s->type = ELF64_ST_TYPE(es->st_info);
		s->ver = (d->versym != NULL ? d->versym[i] : 1) & 0x7fff;
		s->file = NULL;
		s->ar = NULL;
	}
	if (live)
		add_shared_references(ctx, d);
}

/*
 * The definition of name (n bytes) with version ver in d, as an index
 * in its .dynsym, or 0.  A hidden version (foo@V1 beside foo@@V2) counts:
 * that is what such references are for.
 */
size_t
dso_find_version(const struct shared_file *d, const char *name, size_t n,
    const char *ver)
{
	const Elf64u_Sym *es;
	uint16_t v;
	size_t i;

	if (d->versym == NULL)
		return 0;
	for (i = 1; i < d->nsyms; i++) {
		es = &d->syms[i];
		v = d->versym[i] & 0x7fff;
		if (es->st_shndx == SHN_UNDEF || es->st_name >= d->strsz ||
		    ELF64_ST_BIND(es->st_info) == STB_LOCAL || v >= d->nver ||
		    d->vername[v] == NULL || strcmp(d->vername[v], ver) != 0 ||
		    strncmp(d->strtab + es->st_name, name, n) != 0 ||
		    d->strtab[es->st_name + n] != '\0')
			continue;
		return i;
	}
	return 0;
}

/*
 * An object's undefined reference to one version of a symbol, "foo@V1"
 * (made by .symver), binds to that version of foo in the first library
 * defining it, as with GNU ld; check_symbols reports the others.
 */
static void
bind_versioned_refs(struct link *ctx)
{
	const Elf64u_Sym *es;
	struct shared_file *d;
	struct symbol *s;
	const char *at, *ver;
	size_t i, k, idx;

	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s == NULL || s->kind != SYM_UNDEF || s->ref == NULL ||
		    (at = memchr(s->name, '@', s->namelen)) == NULL)
			continue;
		ver = at + 1 + (at[1] == '@');
		for (k = 0; k < ctx->ndsos; k++) {
			d = ctx->dsos[k];
			idx = dso_find_version(d, s->name,
			    (size_t)(at - s->name), ver);
			if (idx == 0)
				continue;
			es = &d->syms[idx];
			s->kind = SYM_SHARED;
			s->dso = d;
			s->value = es->st_value;
			s->size = es->st_size;
			s->type = ELF64_ST_TYPE(es->st_info);
			s->ver = d->versym[idx] & 0x7fff;
			break;
		}
	}
}

/* SD_DYNREF on every name that library d defines or refers to. */
static void
mark_dynrefs(struct link *ctx, struct shared_file *d)
{
	const char *name;
	size_t i;

	for (i = 1; i < d->nsyms; i++)
		if ((name = visible_name(d, i)) != NULL)
			symbol_intern(ctx, name, strlen(name))->dflags |=
			    SD_DYNREF;
}

/*
 * After resolution: which libraries are needed (--as-needed), and which
 * symbols stay preemptible.  A symbol only weakly referenced from a
 * library that is not needed is undefined weak, as with GNU ld.
 */
void
resolve_dynamic(struct link *ctx)
{
	struct input_file *f;
	struct symbol *s;
	size_t i, j;
	bool unneeded;

	bind_versioned_refs(ctx);
	for (i = 0; i < ctx->ndsos; i++)
		ctx->dsos[i]->needed = !ctx->dsos[i]->as_needed;
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++) {
			s = f->symbols[j];
			if (s != NULL && s->kind == SYM_SHARED &&
			    sym_shndx(f, j) == SHN_UNDEF &&
			    ELF64_ST_BIND(f->syms[j].st_info) != STB_WEAK)
				s->dso->needed = true;
		}
	}
	unneeded = false;
	for (i = 0; i < ctx->ndsos; i++)
		unneeded |= !ctx->dsos[i]->needed;
	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s == NULL)
			continue;
		if (s->kind == SYM_SHARED && !s->dso->needed) {
			s->kind = SYM_UNDEF;
			s->dso = NULL;
		}
		if (unneeded)
			s->dflags &= ~SD_DYNREF;
	}
	/*
	 * A library left out by --as-needed is not loaded, so what it
	 * refers to need not be exported (GNU ld forgets such a library's
	 * symbols too).  The marks are made again from the others.
	 */
	if (unneeded)
		for (i = 0; i < ctx->ndsos; i++)
			if (ctx->dsos[i]->needed)
				mark_dynrefs(ctx, ctx->dsos[i]);
	/* The libraries' own dependencies, and what they leave undefined. */
	if (ctx->opts.unresolved_shlibs == UNRES_REPORT) {
		load_needed_libraries(ctx);
		check_shlib_undefined(ctx);
	}
	if (ctx->vs != NULL)
		apply_version_script(ctx);
	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s != NULL && sym_preemptible(ctx, s))
			s->dflags |= SD_PREEMPT;
	}
}

/*
 * Whether a reference to s may be bound outside this output at run time
 * (gABI "Symbol Resolution"): anything in a shared library or undefined,
 * and in a shared library our own default-visibility globals, unless
 * -Bsymbolic or a version script binds them here.
 */
bool
sym_preemptible(const struct link *ctx, const struct symbol *s)
{
	if (!ctx->dynamic || s->bind == STB_LOCAL)
		return false;
	switch (s->kind) {
	case SYM_SHARED:
		return true;
	case SYM_UNDEF:
	case SYM_LAZY:
		/*
		 * A weak one is dynamic, so that a library loaded later
		 * can define it (GNU ld exports __gmon_start__ so).  An
		 * executable's non-weak one, left by --unresolved-symbols,
		 * is 0 as with GNU ld: the loader would refuse to start a
		 * program with it.
		 */
		if (!ctx->opts.shared && (s->flags & SF_REFSTRONG))
			return false;
		return !ctx->opts.static_pie && s->visibility == STV_DEFAULT;
	case SYM_DEFINED:
	case SYM_COMMON:
		break;
	case SYM_SYNTHETIC:
		if (!s->common)
			return false;
		break;
	default:
		return false;
	}
	if (!ctx->opts.shared || s->visibility != STV_DEFAULT ||
	    (s->dflags & SD_LOCALIZED))
		return false;
	/* --dynamic-list names what -Bsymbolic still lets be preempted. */
	if (ctx->opts.bsymbolic || ctx->opts.bsymbolic_functions)
		if (ctx->dynlist != NULL && dynlist_match(ctx, s))
			return true;
	if (ctx->opts.bsymbolic)
		return false;
	if (ctx->opts.bsymbolic_functions && (s->type == STT_FUNC ||
	    s->type == STT_GNU_IFUNC))
		return false;
	return true;
}
