/*
 * dynamic.c: the sections a dynamic link adds for the loader.
 *
 *   .interp          the loader's path (PT_INTERP)
 *   .dynsym .dynstr  the symbols imported and exported
 *   .hash .gnu.hash  their hash tables (--hash-style)
 *   .gnu.version     one version index per .dynsym entry
 *   .gnu.version_r   the versions needed from each library
 *   .gnu.version_d   the versions this library defines (version script)
 *   .rela.dyn        written by dynreloc.c
 *   .dynamic         the tags (PT_DYNAMIC)
 *   .dynbss          room for copy relocations
 *
 * The formats are the gABI's ("Dynamic Section", "Hash Table"), the LSB's
 * for symbol versions, and the GNU hash table as glibc reads it
 * (dl-lookup.c): a header, a Bloom filter of 64-bit words, buckets, and
 * one chain word per hashed symbol whose low bit ends a bucket's run.
 * Hashed symbols must be sorted by bucket and follow the unhashed ones
 * (imports), so .dynsym is built in that order from one array.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strtab.h"
#include "xalloc.h"
#include "ld.h"

#define DEFAULT_INTERP	"/lib64/ld-linux-x86-64.so.2"

struct hashed {
	struct symbol	*sym;
	uint32_t	 hash;
	uint32_t	 order;
};

static struct output_section *dyn_osec(struct link *, const char *,
		    uint32_t, uint64_t, enum osec_kind, uint64_t, uint64_t);
static bool	dynsym_wanted(struct link *, struct symbol *,
		    struct input_file *);
static void	collect_dynsyms(struct link *);
static void	sort_hashed(struct link *, struct hashed *, uint32_t);
static void	assign_versions(struct link *);
static size_t	dyn_tags(struct link *, Elf64_Dyn *);
static void	write_dynsym(struct link *, unsigned char *);
static void	write_gnu_hash(struct link *, unsigned char *);
static void	write_sysv_hash(struct link *, unsigned char *);
static void	write_versym(struct link *, unsigned char *);
static void	write_verneed(struct link *, unsigned char *);
static void	write_copies(struct link *);

/*
 * The name a symbol has in .dynsym: "foo@V1" and "foo@@V2" (.symver),
 * defined here or referred to (shlib.c bind_versioned_refs), are foo,
 * their version being in .gnu.version.
 */
static size_t
dyn_namelen(const struct symbol *s)
{
	const char *at;

	if ((at = memchr(s->name, '@', s->namelen)) == NULL)
		return s->namelen;
	return (size_t)(at - s->name);
}

static uint32_t
gnu_hash_n(const char *p, size_t n)
{
	uint32_t h = 5381;

	while (n-- > 0)
		h = h * 33 + (unsigned char)*p++;
	return h;
}

static uint32_t
sysv_hash_n(const char *p, size_t n)
{
	uint32_t h = 0, g;

	while (n-- > 0) {
		h = (h << 4) + (unsigned char)*p++;
		g = h & 0xf0000000;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static struct output_section *
dyn_osec(struct link *ctx, const char *name, uint32_t type, uint64_t flags,
    enum osec_kind kind, uint64_t align, uint64_t entsize)
{
	struct output_section *os = osec_new(ctx, name, type, flags);

	os->kind = kind;
	os->align = align;
	os->entsize = entsize;
	return os;
}

/*
 * Called by create_synthetic_sections, before the sections are ordered.
 * The sizes come later (size_dynamic_sections).
 */
void
create_dynamic_sections(struct link *ctx)
{
	ctx->plt0 = 16;
	ctx->tlsld_got = -1;
	if (!ctx->opts.shared && !ctx->opts.no_dynamic_linker) {
		ctx->interp = dyn_osec(ctx, ".interp", SHT_PROGBITS, SHF_ALLOC,
		    OS_INTERP, 1, 0);
		if (ctx->opts.dynamic_linker == NULL)
			ctx->opts.dynamic_linker = DEFAULT_INTERP;
	}
	if (ctx->opts.hash_sysv)
		ctx->hash = dyn_osec(ctx, ".hash", SHT_HASH, SHF_ALLOC, OS_HASH,
		    8, 4);
	if (ctx->opts.hash_gnu)
		ctx->gnuhash = dyn_osec(ctx, ".gnu.hash", SHT_GNU_HASH,
		    SHF_ALLOC, OS_GNUHASH, 8, 0);
	ctx->dynsym = dyn_osec(ctx, ".dynsym", SHT_DYNSYM, SHF_ALLOC,
	    OS_DYNSYM, 8, sizeof(Elf64u_Sym));
	ctx->dynstr = dyn_osec(ctx, ".dynstr", SHT_STRTAB, SHF_ALLOC,
	    OS_DYNSTR, 1, 0);
	ctx->versym = dyn_osec(ctx, ".gnu.version", SHT_GNU_versym, SHF_ALLOC,
	    OS_VERSYM, 2, 2);
	ctx->verdef = dyn_osec(ctx, ".gnu.version_d", SHT_GNU_verdef,
	    SHF_ALLOC, OS_VERDEF, 8, 0);
	ctx->verneed = dyn_osec(ctx, ".gnu.version_r", SHT_GNU_verneed,
	    SHF_ALLOC, OS_VERNEED, 8, 0);
	ctx->reladyn = dyn_osec(ctx, ".rela.dyn", SHT_RELA, SHF_ALLOC,
	    OS_RELADYN, 8, sizeof(Elf64u_Rela));
	ctx->dynamic_sec = dyn_osec(ctx, ".dynamic", SHT_DYNAMIC, SHF_ALLOC |
	    SHF_WRITE, OS_DYNAMIC, 8, sizeof(Elf64_Dyn));
	ctx->dynbss = dyn_osec(ctx, ".dynbss", SHT_NOBITS, SHF_ALLOC |
	    SHF_WRITE, OS_DYNBSS, 1, 0);
}

/* Whether s, seen in file f (defining or referring), goes in .dynsym. */
static bool
dynsym_wanted(struct link *ctx, struct symbol *s, struct input_file *f)
{
	if (s->bind == STB_LOCAL || (s->dflags & SD_EXPORT))
		return false;
	switch (s->kind) {
	case SYM_SHARED:
		return s->ref != NULL;
	case SYM_UNDEF:
	case SYM_LAZY:
		return s->ref != NULL && s->visibility == STV_DEFAULT &&
		    (ctx->opts.shared || (s->dflags & SD_NEEDREF));
	case SYM_DEFINED:
		if (s->file != f || section_is_dropped(f, s->shndx))
			return false;
		break;
	case SYM_COMMON:
		if (s->file != f)
			return false;
		break;
	default:
		return false;
	}
	if (s->visibility == STV_HIDDEN || s->visibility == STV_INTERNAL ||
	    (s->dflags & SD_LOCALIZED))
		return false;
	return ctx->opts.shared || ctx->opts.export_dynamic ||
	    (s->dflags & (SD_DYNREF | SD_NEEDREF)) || dynlist_match(ctx, s);
}

/* Whether --gc-sections must keep s: it may be exported. */
bool
dynamic_export_root(struct link *ctx, const struct symbol *s)
{
	if (s->bind == STB_LOCAL || s->visibility == STV_HIDDEN ||
	    s->visibility == STV_INTERNAL || (s->dflags & SD_LOCALIZED))
		return false;
	return ctx->opts.shared || ctx->opts.export_dynamic ||
	    (s->dflags & SD_DYNREF) || dynlist_match(ctx, s);
}

static bool
is_hashed(const struct symbol *s)
{
	return s->kind != SYM_SHARED && s->kind != SYM_UNDEF &&
	    s->kind != SYM_LAZY ? true : (s->dflags & (SD_COPY | SD_CANON));
}

/* The .dynsym array: imports first, then the hashed symbols. */
static void
collect_dynsyms(struct link *ctx)
{
	struct input_file *f;
	struct symbol *s;
	struct hashed *h;
	size_t i, j;
	uint32_t n = 1, nh = 0, k;

	struct symbol **vn;
	size_t nvn;

	ctx->dynsyms = xcalloc(ctx->symtab.count + ctx->nverdef + 1,
	    sizeof(*ctx->dynsyms));
	h = xcalloc(ctx->symtab.count + ctx->nverdef + 1, sizeof(*h));
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++) {
			s = f->symbols[j];
			if (s == NULL || !dynsym_wanted(ctx, s, f))
				continue;
			s->dflags |= SD_EXPORT;
			if (is_hashed(s)) {
				h[nh].sym = s;
				h[nh].hash = gnu_hash_n(s->name,
				    dyn_namelen(s));
				h[nh].order = nh;
				nh++;
			} else
				ctx->dynsyms[n++] = s;
		}
	}
	/* Other names of copied variables, referred to by no object. */
	for (k = 0; k < ctx->ncopy; k++) {
		s = ctx->copysyms[k];
		if (s->dflags & SD_EXPORT)
			continue;
		s->dflags |= SD_EXPORT;
		h[nh].sym = s;
		h[nh].hash = gnu_hash_n(s->name, dyn_namelen(s));
		h[nh].order = nh;
		nh++;
	}
	/* The names of our version nodes (GNU ld exports them). */
	vn = xcalloc(ctx->nverdef + 1, sizeof(*vn));
	nvn = version_node_symbols(ctx, vn);
	for (k = 0; k < nvn; k++) {
		s = vn[k];
		s->dflags |= SD_EXPORT;
		h[nh].sym = s;
		h[nh].hash = gnu_hash_n(s->name, s->namelen);
		h[nh].order = nh;
		nh++;
	}
	free(vn);
	ctx->dynsymoff = n;
	sort_hashed(ctx, h, nh);
	ctx->dynhashes = xcalloc(nh + 1, sizeof(*ctx->dynhashes));
	for (k = 0; k < nh; k++) {
		ctx->dynhashes[k] = h[k].hash;
		ctx->dynsyms[n++] = h[k].sym;
	}
	ctx->ndynsyms = n;
	for (k = 1; k < n; k++)
		ctx->dynsyms[k]->dynidx = k;
	free(h);
}

/* Sort by GNU hash bucket, stable (input order within a bucket). */
static void
sort_hashed(struct link *ctx, struct hashed *h, uint32_t n)
{
	uint32_t *count, nb, i, b;
	struct hashed *tmp;

	nb = n / 4 > 0 ? n / 4 : 1;
	ctx->gnubuckets = nb;
	for (ctx->gnubloom = 1; ctx->gnubloom * 64 < n * 12; )
		ctx->gnubloom <<= 1;
	/* A counting sort: one pass to count, one to place. */
	count = xcalloc(nb + 1, sizeof(*count));
	tmp = xcalloc(n + 1, sizeof(*tmp));
	for (i = 0; i < n; i++)
		count[h[i].hash % nb + 1]++;
	for (b = 0; b < nb; b++)
		count[b + 1] += count[b];
	for (i = 0; i < n; i++)
		tmp[count[h[i].hash % nb]++] = h[i];
	memcpy(h, tmp, n * sizeof(*h));
	free(tmp);
	free(count);
}

/* Version indices: 1 global, then ours (verscript.c), then needed. */
static void
assign_versions(struct link *ctx)
{
	struct shared_file *d;
	struct symbol *s;
	uint32_t i, next = 2 + ctx->nverdef;
	size_t k;
	uint16_t v;

	for (i = 1; i < ctx->ndynsyms; i++) {
		s = ctx->dynsyms[i];
		if (s->kind != SYM_SHARED) {
			s->outver = s->kind == SYM_UNDEF || s->kind == SYM_LAZY ?
			    1 : s->ver >= 2 ? s->ver : 1;
			continue;
		}
		d = s->dso;
		v = s->ver;
		if (v < 2 || v >= d->nver || d->vername[v] == NULL) {
			s->outver = 1;
			continue;
		}
		if (d->verout[v] == 0)
			d->verout[v] = (uint16_t)next++;
		s->outver = d->verout[v];
	}
	for (k = 0; k < ctx->ndsos; k++) {
		d = ctx->dsos[k];
		for (i = 0, v = 0; v < d->nver; v++)
			i += d->verout[v] != 0;
		ctx->nvernaux += i;
		ctx->nverneed += i > 0;
	}
}

static uint32_t
sysv_buckets(uint32_t n)
{
	static const uint32_t primes[] = { 1, 3, 17, 37, 67, 97, 131, 197,
	    263, 521, 1031, 2053, 4099, 8209, 16411, 32771, 65537, 131101,
	    262147, 524309, 1048583 };
	size_t i;

	for (i = 1; i < sizeof(primes) / sizeof(primes[0]); i++)
		if (primes[i] > n / 2 + 1)
			break;
	return primes[i - 1];
}

/*
 * After scan_relocations: the dynamic symbols, strings, hash tables,
 * versions and tags, so that every dynamic section has its size.
 */
void
size_dynamic_sections(struct link *ctx)
{
	struct strtab *st;
	uint32_t i, nh;
	size_t k;

	size_dynamic_relocs(ctx);
	collect_dynsyms(ctx);
	assign_versions(ctx);
	st = ctx->dynstrtab = xcalloc(1, sizeof(*st));
	strtab_init(st, ctx->ndynsyms + 64);
	for (k = 0; k < ctx->ndsos; k++)
		if (ctx->dsos[k]->needed)
			ctx->dsos[k]->sonamestr = (uint32_t)strtab_add_str(st,
			    ctx->dsos[k]->soname);
	if (ctx->opts.soname != NULL)
		strtab_add_str(st, ctx->opts.soname);
	if (ctx->opts.rpath != NULL)
		strtab_add_str(st, ctx->opts.rpath);
	for (i = 1; i < ctx->ndynsyms; i++)
		strtab_add(st, ctx->dynsyms[i]->name,
		    dyn_namelen(ctx->dynsyms[i]));
	for (k = 0; k < ctx->ndsos; k++)
		for (i = 0; i < ctx->dsos[k]->nver; i++)
			if (ctx->dsos[k]->verout[i] != 0)
				strtab_add_str(st, ctx->dsos[k]->vername[i]);
	if (ctx->vs != NULL)
		size_version_definitions(ctx);
	if (ctx->interp != NULL)
		ctx->interp->size = strlen(ctx->opts.dynamic_linker) + 1;
	ctx->dynsym->size = (uint64_t)ctx->ndynsyms * sizeof(Elf64u_Sym);
	ctx->dynstr->size = st->len;
	nh = ctx->ndynsyms - ctx->dynsymoff;
	if (ctx->gnuhash != NULL)
		ctx->gnuhash->size = 16 + (uint64_t)ctx->gnubloom * 8 +
		    (uint64_t)ctx->gnubuckets * 4 + (uint64_t)nh * 4;
	if (ctx->hash != NULL)
		ctx->hash->size = (2 + (uint64_t)sysv_buckets(ctx->ndynsyms) +
		    ctx->ndynsyms) * 4;
	if (ctx->nverneed > 0 || ctx->nverdef > 0)
		ctx->versym->size = (uint64_t)ctx->ndynsyms * 2;
	ctx->verneed->size = ((uint64_t)ctx->nverneed + ctx->nvernaux) * 16;
	ctx->ndyntags = (uint32_t)dyn_tags(ctx, NULL);
	ctx->dynamic_sec->size = (uint64_t)ctx->ndyntags * sizeof(Elf64_Dyn);
	reladyn_ranges(ctx);
}

static struct output_section *
find_osec(struct link *ctx, const char *name)
{
	size_t i;

	for (i = 0; i < ctx->nosecs; i++)
		if (!ctx->osecs[i]->omit && strcmp(ctx->osecs[i]->name,
		    name) == 0)
			return ctx->osecs[i];
	return NULL;
}

static void
tag(Elf64_Dyn *out, size_t *n, int64_t t, uint64_t v)
{
	if (out != NULL) {
		out[*n].d_tag = t;
		out[*n].d_un.d_val = v;
	}
	(*n)++;
}

static bool
defined_here(struct link *ctx, const char *name)
{
	struct symbol *s = strmap_find(&ctx->symtab, name, strlen(name));

	return s != NULL && s->kind == SYM_DEFINED;
}

/*
 * The .dynamic tags; with out NULL, only their number.  Every condition
 * here is settled before the layout, so both calls agree.
 */
static size_t
dyn_tags(struct link *ctx, Elf64_Dyn *out)
{
	struct output_section *os;
	struct symbol *s;
	uint64_t flags = 0, flags1 = 0;
	size_t n = 0, k, j;
	bool dup;

	for (k = 0; k < ctx->ndsos; k++) {
		if (!ctx->dsos[k]->needed)
			continue;
		for (dup = false, j = 0; j < k && !dup; j++)
			dup = ctx->dsos[j]->needed && strcmp(ctx->dsos[j]->soname,
			    ctx->dsos[k]->soname) == 0;
		if (!dup)
			tag(out, &n, DT_NEEDED, ctx->dsos[k]->sonamestr);
	}
	if (ctx->opts.soname != NULL)
		tag(out, &n, DT_SONAME, strtab_add_str(ctx->dynstrtab,
		    ctx->opts.soname));
	if (ctx->opts.rpath != NULL)
		tag(out, &n, ctx->opts.new_dtags ? DT_RUNPATH : DT_RPATH,
		    strtab_add_str(ctx->dynstrtab, ctx->opts.rpath));
	if (defined_here(ctx, "_init")) {
		s = strmap_find(&ctx->symtab, "_init", 5);
		tag(out, &n, DT_INIT, out ? symbol_address(ctx, s) : 0);
	}
	if (defined_here(ctx, "_fini")) {
		s = strmap_find(&ctx->symtab, "_fini", 5);
		tag(out, &n, DT_FINI, out ? symbol_address(ctx, s) : 0);
	}
	if (!ctx->opts.shared && (os = find_osec(ctx, ".preinit_array"))) {
		tag(out, &n, DT_PREINIT_ARRAY, os->addr);
		tag(out, &n, DT_PREINIT_ARRAYSZ, os->size);
	}
	if ((os = find_osec(ctx, ".init_array")) != NULL) {
		tag(out, &n, DT_INIT_ARRAY, os->addr);
		tag(out, &n, DT_INIT_ARRAYSZ, os->size);
	}
	if ((os = find_osec(ctx, ".fini_array")) != NULL) {
		tag(out, &n, DT_FINI_ARRAY, os->addr);
		tag(out, &n, DT_FINI_ARRAYSZ, os->size);
	}
	if (ctx->hash != NULL)
		tag(out, &n, DT_HASH, ctx->hash->addr);
	if (ctx->gnuhash != NULL)
		tag(out, &n, DT_GNU_HASH, ctx->gnuhash->addr);
	tag(out, &n, DT_STRTAB, ctx->dynstr->addr);
	tag(out, &n, DT_SYMTAB, ctx->dynsym->addr);
	tag(out, &n, DT_STRSZ, ctx->dynstr->size);
	tag(out, &n, DT_SYMENT, sizeof(Elf64u_Sym));
	if (!ctx->opts.shared)
		tag(out, &n, DT_DEBUG, 0);
	tag(out, &n, DT_PLTGOT, ctx->gotplt->addr);
	if (ctx->niplt > 0) {
		tag(out, &n, DT_PLTRELSZ, ctx->relaiplt->size);
		tag(out, &n, DT_PLTREL, DT_RELA);
		tag(out, &n, DT_JMPREL, ctx->relaiplt->addr);
	}
	if (ctx->nreladyn > 0) {
		tag(out, &n, DT_RELA, ctx->reladyn->addr);
		tag(out, &n, DT_RELASZ, ctx->reladyn->size);
		tag(out, &n, DT_RELAENT, sizeof(Elf64u_Rela));
	}
	if (ctx->textrel)
		tag(out, &n, DT_TEXTREL, 0);
	if (ctx->opts.now)
		flags |= DF_BIND_NOW;
	if (ctx->textrel)
		flags |= DF_TEXTREL;
	if (ctx->opts.z_origin)
		flags |= DF_ORIGIN;
	if (ctx->static_tls)
		flags |= DF_STATIC_TLS;
	if (ctx->opts.bsymbolic && ctx->opts.shared)
		flags |= DF_SYMBOLIC;
	if (flags != 0)
		tag(out, &n, DT_FLAGS, flags);
	if (ctx->opts.now)
		flags1 |= DF_1_NOW;
	if (ctx->opts.pie && !ctx->opts.shared)
		flags1 |= DF_1_PIE;
	if (ctx->opts.z_nodelete)
		flags1 |= DF_1_NODELETE;
	if (ctx->opts.z_origin)
		flags1 |= DF_1_ORIGIN;
	if (flags1 != 0)
		tag(out, &n, DT_FLAGS_1, flags1);
	if (ctx->nverdef > 0) {
		tag(out, &n, DT_VERDEF, ctx->verdef->addr);
		tag(out, &n, DT_VERDEFNUM, ctx->nverdef + 1);
	}
	if (ctx->nverneed > 0) {
		tag(out, &n, DT_VERNEED, ctx->verneed->addr);
		tag(out, &n, DT_VERNEEDNUM, ctx->nverneed);
	}
	if (ctx->nverneed > 0 || ctx->nverdef > 0)
		tag(out, &n, DT_VERSYM, ctx->versym->addr);
	if (ctx->nrelative > 0)
		tag(out, &n, DT_RELACOUNT, ctx->nrelative);
	tag(out, &n, DT_NULL, 0);
	return n;
}

/* The section index and value of a defined symbol, for .dynsym. */
static void
dyn_place(struct link *ctx, const struct symbol *s, uint16_t *shndx,
    uint64_t *value)
{
	const struct input_section *is;

	*value = resolver_address(ctx, s);
	if (s->kind == SYM_SYNTHETIC) {
		*shndx = s->osec != NULL ? (uint16_t)s->osec->index : SHN_ABS;
		return;
	}
	if (s->kind != SYM_DEFINED || s->shndx == SHN_ABS ||
	    s->shndx >= s->file->nsecs) {
		*shndx = SHN_ABS;
		*value = s->value;
		return;
	}
	is = &s->file->secs[s->shndx];
	*shndx = is->osec != NULL ? (uint16_t)is->osec->index : SHN_ABS;
	if (s->type == STT_TLS)
		*value -= ctx->tls_addr;
}

static void
write_dynsym(struct link *ctx, unsigned char *p)
{
	Elf64u_Sym *es = (Elf64u_Sym *)p;
	struct symbol *s;
	uint32_t i;
	uint8_t bind, type;

	memset(es, 0, sizeof(*es));
	for (i = 1; i < ctx->ndynsyms; i++) {
		s = ctx->dynsyms[i];
		es = (Elf64u_Sym *)p + i;
		es->st_name = (uint32_t)strtab_add(ctx->dynstrtab, s->name,
		    dyn_namelen(s));
		bind = s->bind == STB_WEAK || s->weakdef ? STB_WEAK :
		    STB_GLOBAL;
		type = s->common ? STT_OBJECT : s->type;
		es->st_other = s->visibility;
		es->st_shndx = SHN_UNDEF;
		es->st_value = 0;
		es->st_size = 0;
		switch (s->kind) {
		case SYM_SHARED:
			bind = (s->flags & SF_REFSTRONG) ? STB_GLOBAL :
			    STB_WEAK;
			/* The loader runs the resolver of the definition. */
			if (type == STT_GNU_IFUNC)
				type = STT_FUNC;
			if (s->dflags & SD_COPY) {
				es->st_shndx = (uint16_t)ctx->dynbss->index;
				es->st_value = shared_symbol_address(ctx, s);
				es->st_size = s->size;
				bind = STB_GLOBAL;
			} else if (s->dflags & SD_CANON)
				es->st_value = symbol_address(ctx, s);
			break;
		case SYM_UNDEF:
		case SYM_LAZY:
			bind = (s->flags & SF_REFSTRONG) ? STB_GLOBAL :
			    STB_WEAK;
			type = STT_NOTYPE;
			break;
		default:
			dyn_place(ctx, s, &es->st_shndx, &es->st_value);
			es->st_size = s->size;
			/*
			 * An executable's IFUNC is called and addressed
			 * through its PLT entry (the canonical address), so
			 * a library binding to it must get that entry too:
			 * glibc refuses an IFUNC of the executable that a
			 * library needs before the executable is relocated.
			 */
			if (type == STT_GNU_IFUNC && s->iplt >= 0 &&
			    !ctx->opts.shared) {
				type = STT_FUNC;
				es->st_value = symbol_address(ctx, s);
				es->st_shndx = (uint16_t)ctx->iplt->index;
				es->st_size = 0;
			}
		}
		es->st_info = ELF64_ST_INFO(bind, type);
	}
}

static void
write_gnu_hash(struct link *ctx, unsigned char *p)
{
	uint32_t nh = ctx->ndynsyms - ctx->dynsymoff, nb = ctx->gnubuckets;
	uint32_t *hdr = (uint32_t *)p, *bucket, *chain, h, i, b;
	uint64_t *bloom = (uint64_t *)(p + 16);

	hdr[0] = nb;
	hdr[1] = ctx->dynsymoff;
	hdr[2] = ctx->gnubloom;
	hdr[3] = 26;
	bucket = (uint32_t *)(bloom + ctx->gnubloom);
	chain = bucket + nb;
	memset(bloom, 0, (size_t)ctx->gnubloom * 8 + (size_t)nb * 4);
	for (i = 0; i < nh; i++) {
		h = ctx->dynhashes[i];
		bloom[(h / 64) % ctx->gnubloom] |= (uint64_t)1 << (h % 64) |
		    (uint64_t)1 << ((h >> 26) % 64);
		b = h % nb;
		if (bucket[b] == 0)
			bucket[b] = ctx->dynsymoff + i;
		chain[i] = h & ~1u;
		if (i + 1 == nh || ctx->dynhashes[i + 1] % nb != b)
			chain[i] |= 1;
	}
}

static void
write_sysv_hash(struct link *ctx, unsigned char *p)
{
	uint32_t nb = sysv_buckets(ctx->ndynsyms), *w = (uint32_t *)p, i, b;
	uint32_t *bucket = w + 2, *chain = w + 2 + nb;

	w[0] = nb;
	w[1] = ctx->ndynsyms;
	memset(bucket, 0, ((size_t)nb + ctx->ndynsyms) * 4);
	for (i = ctx->ndynsyms - 1; i >= 1; i--) {
		b = sysv_hash_n(ctx->dynsyms[i]->name,
		    dyn_namelen(ctx->dynsyms[i])) % nb;
		chain[i] = bucket[b];
		bucket[b] = i;
	}
}

static void
write_versym(struct link *ctx, unsigned char *p)
{
	uint16_t *v = (uint16_t *)p;
	uint32_t i;

	v[0] = 0;
	for (i = 1; i < ctx->ndynsyms; i++)
		v[i] = ctx->dynsyms[i]->outver;
}

static void
write_verneed(struct link *ctx, unsigned char *p)
{
	struct shared_file *d;
	Elf64_Verneed *vn = NULL;
	Elf64_Vernaux *va;
	size_t k, v, cnt;

	for (k = 0; k < ctx->ndsos; k++) {
		d = ctx->dsos[k];
		for (cnt = 0, v = 0; v < d->nver; v++)
			cnt += d->verout[v] != 0;
		if (cnt == 0)
			continue;
		if (vn != NULL)
			vn->vn_next = (uint32_t)(p - (unsigned char *)vn);
		vn = (Elf64_Verneed *)p;
		vn->vn_version = 1;
		vn->vn_cnt = (uint16_t)cnt;
		vn->vn_file = d->sonamestr;
		vn->vn_aux = sizeof(*vn);
		vn->vn_next = 0;
		p += sizeof(*vn);
		for (v = 0; v < d->nver; v++) {
			if (d->verout[v] == 0)
				continue;
			va = (Elf64_Vernaux *)p;
			va->vna_hash = hash_sysv(d->vername[v]);
			va->vna_flags = 0;
			va->vna_other = d->verout[v];
			va->vna_name = (uint32_t)strtab_add_str(ctx->dynstrtab,
			    d->vername[v]);
			va->vna_next = --cnt > 0 ? sizeof(*va) : 0;
			p += sizeof(*va);
		}
	}
}

/* Copy relocations go with the rest of .rela.dyn. */
static void
write_copies(struct link *ctx)
{
	uint32_t i;

	for (i = 0; i < ctx->ncopy; i++)
		if (!(ctx->copysyms[i]->dflags & SD_ALIAS))
			reladyn_add(ctx, NULL, shared_symbol_address(ctx,
			    ctx->copysyms[i]), R_X86_64_COPY,
			    ctx->copysyms[i]->dynidx, 0);
}

void
write_dynamic_section(struct link *ctx, struct output_section *os)
{
	unsigned char *p = ctx->buf + os->offset;

	switch (os->kind) {
	case OS_INTERP:
		memcpy(p, ctx->opts.dynamic_linker, os->size);
		break;
	case OS_DYNSYM:
		write_dynsym(ctx, p);
		break;
	case OS_DYNSTR:
		memcpy(p, ctx->dynstrtab->buf, ctx->dynstrtab->len);
		break;
	case OS_GNUHASH:
		write_gnu_hash(ctx, p);
		break;
	case OS_HASH:
		write_sysv_hash(ctx, p);
		break;
	case OS_VERSYM:
		write_versym(ctx, p);
		break;
	case OS_VERNEED:
		write_verneed(ctx, p);
		break;
	case OS_VERDEF:
		write_version_definitions(ctx, p);
		break;
	case OS_RELADYN:
		write_copies(ctx);
		break;
	case OS_DYNAMIC:
		dyn_tags(ctx, (Elf64_Dyn *)p);
		break;
	default:
		break;
	}
}

/* sh_link and sh_info of the dynamic sections (gABI, "sh_link"). */
void
dynamic_shdr(struct link *ctx, const struct output_section *os,
    Elf64u_Shdr *sh)
{
	switch (os->kind) {
	case OS_DYNSYM:
		sh->sh_link = ctx->dynstr->index;
		sh->sh_info = 1;
		break;
	case OS_HASH:
	case OS_GNUHASH:
	case OS_VERSYM:
	case OS_RELADYN:
		sh->sh_link = ctx->dynsym->index;
		break;
	case OS_RELAIPLT:
		sh->sh_link = ctx->dynsym->index;
		break;
	case OS_VERNEED:
		sh->sh_link = ctx->dynstr->index;
		sh->sh_info = ctx->nverneed;
		break;
	case OS_VERDEF:
		sh->sh_link = ctx->dynstr->index;
		sh->sh_info = ctx->nverdef + 1;
		break;
	case OS_DYNAMIC:
		sh->sh_link = ctx->dynstr->index;
		break;
	default:
		break;
	}
}

/*
 * Called after read_input_files: is this link dynamic, and where does
 * the image start.
 */
void
setup_dynamic(struct link *ctx)
{
	/*
	 * gcc and clang -static-pie pass -static -pie --no-dynamic-linker.
	 * -static alone is not enough: it is -Bstatic, which only changes
	 * how -l is searched, and g++ -static-libstdc++ puts it around
	 * -lstdc++ in an ordinary dynamic PIE.
	 */
	if (ctx->opts.pie && ctx->opts.no_dynamic_linker &&
	    !ctx->opts.shared && ctx->ndsos == 0)
		ctx->opts.static_pie = true;
	ctx->pic = ctx->opts.pie || ctx->opts.shared;
	ctx->dynamic = ctx->pic || ctx->ndsos > 0;
	ctx->image_base = ctx->pic ? 0 : IMAGE_BASE;
	if (ctx->opts.version_script != NULL)
		read_version_script(ctx, ctx->opts.version_script);
	if (ctx->opts.dynamic_list != NULL)
		read_dynamic_list(ctx, ctx->opts.dynamic_list);
}
