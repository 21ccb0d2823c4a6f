/*
 * resolve.c: resolve_symbols and check_symbols, one struct symbol per
 * global name and the rules that pick its definition.
 *
 * The rules are those of Ian Lance Taylor's essay, part 12: a strong
 * definition beats a weak one, which beats a common symbol, which beats a
 * lazy one (an archive member that would define it), which beats an
 * undefined reference.  Two strong definitions are an error.  A non-weak
 * undefined reference meeting a lazy symbol loads the member; a weak one
 * does not.  Like lld and mold, and unlike GNU ld, an archive's lazy
 * symbols stay available to every later file, so --start-group is never
 * needed (it is accepted).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

#define SYMBLOCK	4096
#define AHEAD		8	/* symbols between a prefetch and its use */

static void	add_archive_symbols(struct link *, struct input_arg *);
static void	add_undefined(struct link *, struct input_file *,
		    struct symbol *, const Elf64u_Sym *);
static void	add_defined(struct link *, struct input_file *,
		    struct symbol *, const Elf64u_Sym *, uint32_t);
static void	drain(struct link *);
static void	define_synthetic(struct link *);
static void	report_undefined(struct link *, struct input_file *, size_t);
static void	check_warnings(struct link *);
static bool	refers_to(const struct input_file *, const struct symbol *);

struct symbol *
symbol_new(struct link *ctx)
{
	struct symbol *s;

	if (ctx->symblock == NULL || ctx->symused == SYMBLOCK) {
		ctx->symblock = arena_array(&ctx->arena, SYMBLOCK,
		    sizeof(*ctx->symblock));
		ctx->symused = 0;
	}
	s = &ctx->symblock[ctx->symused++];
	s->got = s->gottp = s->iplt = s->gotgd = s->gotdesc = -1;
	return s;
}

struct symbol *
symbol_intern(struct link *ctx, const char *name, size_t len)
{
	return symbol_intern_hashed(ctx, name, len, hash_bytes(name, len));
}

struct symbol *
symbol_intern_hashed(struct link *ctx, const char *name, size_t len,
    uint64_t hash)
{
	struct symbol **slot, *s;
	bool isnew;

	slot = (struct symbol **)strmap_insert_hashed(&ctx->symtab, name, len,
	    hash, &isnew);
	if (!isnew)
		return *slot;
	s = symbol_new(ctx);
	s->name = name;
	s->namelen = len;
	s->kind = SYM_UNDEF;
	s->bind = STB_GLOBAL;
	*slot = s;
	return s;
}

void
resolve_symbols(struct link *ctx)
{
	struct input_file *f;
	struct symbol *s;
	size_t i, est = 1024;

	/*
	 * Globals only (locals never enter the table), and a quarter of the
	 * undefined ones: most name a symbol that some file defines.  The
	 * table grows if this is short.
	 */
	for (i = 0; i < ctx->nargs; i++) {
		f = ctx->args[i].obj;
		est += ctx->args[i].narchive_syms;
		if (f != NULL && f->nsyms > f->first_global)
			est += f->nsyms - f->first_global - f->nundef +
			    f->nundef / 4;
	}
	strmap_init(&ctx->symtab, est);
	/* -u SYMBOL: a strong reference before any input. */
	for (i = 0; i < ctx->nundefs; i++) {
		s = symbol_intern(ctx, ctx->undefs[i], strlen(ctx->undefs[i]));
		s->flags |= SF_REFSTRONG;
	}
	if (ctx->opts.entry == NULL)
		ctx->opts.entry = "_start";
	ctx->entry = symbol_intern(ctx, ctx->opts.entry,
	    strlen(ctx->opts.entry));
	ctx->entry->flags |= SF_REFSTRONG;
	spec_start(ctx);
	for (i = 0; i < ctx->nargs; i++) {
		if (ctx->args[i].obj != NULL)
			drain(ctx);
		else if (ctx->args[i].archive != NULL) {
			drain(ctx);
			add_archive_symbols(ctx, &ctx->args[i]);
		} else if (ctx->args[i].dso != NULL) {
			drain(ctx);
			add_shared_symbols(ctx, ctx->args[i].dso);
		}
		drain(ctx);
	}
	spec_stop(ctx);
	define_synthetic(ctx);
	/* The set of live files is now fixed. */
}

/* Add the symbols of every file loaded but not yet resolved. */
static void
drain(struct link *ctx)
{
	while (ctx->nresolved < ctx->nfiles)
		add_file_symbols(ctx, ctx->files[ctx->nresolved++]);
}

static void
add_archive_symbols(struct link *ctx, struct input_arg *ia)
{
	struct archive *a = ia->archive;
	struct arindex_sym *x;
	struct symbol *s;
	size_t i;
	uint32_t m;

	if (ia->whole_archive) {
		for (m = 0; m < a->nmembers; m++) {
			spec_at(ctx, a, m);
			load_member(ctx, a, m);
			drain(ctx);
		}
		return;
	}
	for (i = 0; i < ia->narchive_syms; i++) {
		x = &ia->archive_syms[i];
		s = symbol_intern(ctx, x->name, strlen(x->name));
		if (s->kind != SYM_UNDEF)
			continue;
		m = archive_member_index(a, x->offset);
		spec_at(ctx, a, m);
		if (s->flags & (SF_REFSTRONG | SF_SHLIBREF)) {
			load_member(ctx, a, m);
			drain(ctx);
		} else {
			s->kind = SYM_LAZY;
			s->ar = a;
			s->member = m;
		}
	}
}

void
add_file_symbols(struct link *ctx, struct input_file *f)
{
	const Elf64u_Sym *es;
	struct symbol *s;
	const char *name;
	uint32_t shndx;
	size_t i, k;

	for (i = f->first_global; i < f->nsyms; i++) {
		k = i - f->first_global;
		/* The table is too big for the cache: fetch ahead. */
		if (f->namehash != NULL && i + AHEAD < f->nsyms)
			strmap_prefetch(&ctx->symtab, f->namehash[k + AHEAD]);
		es = &f->syms[i];
		if (ELF64_ST_BIND(es->st_info) == STB_LOCAL)
			continue;
		name = sym_name(f, es);
		if (ctx->nwraps > 0 && sym_shndx(f, i) == SHN_UNDEF) {
			name = wrap_name(ctx, name);
			s = symbol_intern(ctx, name, strlen(name));
		} else if (f->namehash != NULL)
			s = symbol_intern_hashed(ctx, name, f->namelen[k],
			    f->namehash[k]);
		else
			s = symbol_intern(ctx, name, strlen(name));
		f->symbols[i] = s;
		if (ELF64_ST_VISIBILITY(es->st_other) != STV_DEFAULT &&
		    (s->visibility == STV_DEFAULT ||
		    ELF64_ST_VISIBILITY(es->st_other) < s->visibility))
			s->visibility = ELF64_ST_VISIBILITY(es->st_other);
		shndx = sym_shndx(f, i);
		if (shndx == SHN_UNDEF || (shndx < SHN_LORESERVE &&
		    !f->secs[shndx].live))
			add_undefined(ctx, f, s, es);
		else
			add_defined(ctx, f, s, es, shndx);
	}
	free(f->namehash);
	free(f->namelen);
	f->namehash = NULL;
	f->namelen = NULL;
}

static void
add_undefined(struct link *ctx, struct input_file *f, struct symbol *s,
    const Elf64u_Sym *es)
{
	if (s->ref == NULL)
		s->ref = f;
	if (ELF64_ST_BIND(es->st_info) == STB_WEAK)
		return;
	s->flags |= SF_REFSTRONG;
	if (s->kind == SYM_LAZY) {
		s->kind = SYM_UNDEF;
		load_member(ctx, s->ar, s->member);
	}
}

static void
add_defined(struct link *ctx, struct input_file *f, struct symbol *s,
    const Elf64u_Sym *es, uint32_t shndx)
{
	bool weak = ELF64_ST_BIND(es->st_info) == STB_WEAK;

	if (shndx == SHN_COMMON) {
		if (s->kind == SYM_COMMON) {
			if (es->st_size > s->size)
				s->size = es->st_size;
			if (es->st_value > s->align)
				s->align = es->st_value;
			return;
		}
		if (s->kind == SYM_DEFINED && !s->weakdef)
			return;
		s->kind = SYM_COMMON;
		s->file = f;
		s->size = es->st_size;
		s->align = es->st_value;
		s->type = STT_OBJECT;
		s->bind = STB_GLOBAL;
		s->weakdef = false;
		return;
	}
	if (s->kind == SYM_DEFINED) {
		if (weak)
			return;
		if (!s->weakdef) {
			diag_error(f->name, "duplicate symbol: %s (also defined "
			    "in %s)", s->name, s->file->name);
			return;
		}
	} else if (s->kind == SYM_COMMON && weak)
		return;
	s->kind = SYM_DEFINED;
	s->file = f;
	s->shndx = shndx;
	s->value = es->st_value;
	s->size = es->st_size;
	s->type = ELF64_ST_TYPE(es->st_info);
	s->bind = ELF64_ST_BIND(es->st_info);
	s->weakdef = weak;
}

/* Names the linker defines when something refers to them. */
static const char *const synthetic_names[] = {
	"_end", "end", "_etext", "etext", "__etext", "_edata", "edata",
	"__bss_start", "__ehdr_start", "__executable_start",
	"__init_array_start", "__init_array_end", "__fini_array_start",
	"__fini_array_end", "__preinit_array_start", "__preinit_array_end",
	"__rela_iplt_start", "__rela_iplt_end", "_GLOBAL_OFFSET_TABLE_",
	"__GNU_EH_FRAME_HDR", "_DYNAMIC", "_TLS_MODULE_BASE_",
	/* Only called from TLS sequences, which become local exec. */
	"__tls_get_addr",
	NULL
};

/* The X of an undefined __start_X or __stop_X, or NULL. */
static const char *
start_stop_section(const struct symbol *s)
{
	if (s == NULL || s->kind != SYM_UNDEF)
		return NULL;
	if (s->namelen > 8 && memcmp(s->name, "__start_", 8) == 0)
		return s->name + 8;
	if (s->namelen > 7 && memcmp(s->name, "__stop_", 7) == 0)
		return s->name + 7;
	return NULL;
}

/*
 * __start_X and __stop_X for every section X some input has: one pass
 * over the sections, comparing only names that can be C identifiers
 * (not those starting with a dot) against the few symbols asking.
 */
static void
define_start_stop(struct link *ctx)
{
	struct symbol **want = NULL, *s;
	const char *name;
	size_t i, j, k, n = 0, cap = 0;

	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (start_stop_section(s) == NULL)
			continue;
		if (n == cap) {
			cap = cap * 2 + 8;
			want = xreallocarray(want, cap, sizeof(*want));
		}
		want[n++] = s;
	}
	for (i = 0; i < ctx->nfiles && n > 0; i++)
		for (j = 1; j < ctx->files[i]->nsecs; j++) {
			name = ctx->files[i]->secs[j].name;
			if (name[0] == '.')
				continue;
			for (k = 0; k < n; k++)
				if (want[k]->kind == SYM_UNDEF &&
				    strcmp(start_stop_section(want[k]),
				    name) == 0)
					want[k]->kind = SYM_SYNTHETIC;
		}
	free(want);
}

/*
 * Linker-defined symbols: only those referenced and not defined by an
 * input.  Their addresses are set by fix_synthetic_symbols.
 */
static void
define_synthetic(struct link *ctx)
{
	struct symbol *s;
	size_t i;

	for (i = 0; synthetic_names[i] != NULL; i++) {
		/* A dynamic link calls the real one, in ld.so. */
		if (ctx->dynamic && strcmp(synthetic_names[i],
		    "__tls_get_addr") == 0)
			continue;
		s = strmap_find(&ctx->symtab, synthetic_names[i],
		    strlen(synthetic_names[i]));
		if (s != NULL && (s->kind == SYM_UNDEF || s->kind == SYM_LAZY))
			s->kind = SYM_SYNTHETIC;
	}
	define_start_stop(ctx);
}

/*
 * Every strong reference to a symbol nothing defines is an error, named
 * by the referencing file and function; then checkpoint.
 */
void
check_symbols(struct link *ctx)
{
	struct input_file *f;
	const Elf64u_Sym *es;
	struct symbol *s;
	size_t i, j;
	/* A shared library may leave symbols to its loader (-z undefs). */
	bool allow = ctx->opts.unresolved_objs == UNRES_IGNORE;

	for (i = 0; i < ctx->nfiles && !allow; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++) {
			s = f->symbols[j];
			es = &f->syms[j];
			if (s == NULL || sym_shndx(f, j) != SHN_UNDEF ||
			    ELF64_ST_BIND(es->st_info) == STB_WEAK)
				continue;
			if (s->kind == SYM_UNDEF || s->kind == SYM_LAZY)
				report_undefined(ctx, f, j);
		}
	}
	check_warnings(ctx);
	if ((ctx->entry->kind == SYM_UNDEF || ctx->entry->kind == SYM_LAZY) &&
	    !ctx->opts.shared) {
		if (strcmp(ctx->opts.entry, "_start") == 0)
			diag_warn(NULL, "cannot find entry symbol _start");
		else
			diag_error(NULL, "undefined entry symbol: %s",
			    ctx->opts.entry);
	}
	checkpoint(ctx);
}

/* The name of the function in section shndx of f covering offset off. */
static const char *
function_at(struct input_file *f, uint32_t shndx, uint64_t off)
{
	const Elf64u_Sym *es;
	size_t i;

	for (i = 1; i < f->nsyms; i++) {
		es = &f->syms[i];
		if (ELF64_ST_TYPE(es->st_info) == STT_FUNC &&
		    sym_shndx(f, i) == shndx && es->st_value <= off &&
		    off - es->st_value < es->st_size)
			return sym_name(f, es);
	}
	return NULL;
}

static void
report_undefined(struct link *ctx, struct input_file *f, size_t symidx)
{
	struct input_section *is;
	const char *fn = NULL;
	size_t i, j;

	for (i = 1; i < f->nsecs && fn == NULL; i++) {
		is = &f->secs[i];
		if (!is->live)
			continue;
		for (j = 0; j < is->nrelas; j++)
			if (ELF64_R_SYM(is->relas[j].r_info) == symidx) {
				fn = function_at(f, (uint32_t)i,
				    is->relas[j].r_offset);
				break;
			}
	}
	/* --warn-unresolved-symbols: the same words, as a warning. */
	if (ctx->opts.warn_unresolved && fn != NULL)
		diag_warn(f->name, "in function %s: undefined symbol: %s", fn,
		    f->symbols[symidx]->name);
	else if (ctx->opts.warn_unresolved)
		diag_warn(f->name, "undefined symbol: %s",
		    f->symbols[symidx]->name);
	else if (fn != NULL)
		diag_error(f->name, "in function %s: undefined symbol: %s", fn,
		    f->symbols[symidx]->name);
	else
		diag_error(f->name, "undefined symbol: %s",
		    f->symbols[symidx]->name);
	if (ctx->dynamic)
		note_missing_dso(ctx, f->symbols[symidx], f);
}

/* Whether f has an undefined reference to s. */
static bool
refers_to(const struct input_file *f, const struct symbol *s)
{
	size_t i;

	for (i = f->first_global; i < f->nsyms; i++)
		if (f->symbols[i] == s && sym_shndx(f, i) == SHN_UNDEF)
			return true;
	return false;
}

/* A link warning; an error under --fatal-warnings, as lld reports it. */
static void
link_warn(struct link *ctx, const char *where, size_t n, const char *text)
{
	if (ctx->opts.fatal_warnings)
		diag_error(where, "%.*s", (int)n, text);
	else
		diag_warn(where, "%.*s", (int)n, text);
}

/*
 * .gnu.warning.SYM sections (glibc's for gets, for instance): their text
 * is printed for each object that refers to SYM, as GNU ld does.  A
 * plain .gnu.warning section warns whenever its object is linked.
 */
static void
check_warnings(struct link *ctx)
{
	struct input_file *f, *g;
	struct input_section *is;
	struct symbol *s;
	const char *text;
	size_t i, j, k, n;

	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = 1; j < f->nsecs; j++) {
			is = &f->secs[j];
			if (strncmp(is->name, ".gnu.warning", 12) != 0 ||
			    is->shdr->sh_type != SHT_PROGBITS)
				continue;
			text = (const char *)f->data.data + is->shdr->sh_offset;
			n = strnlen(text, is->shdr->sh_size);
			/* Plain .gnu.warning: linking the object warns. */
			if (is->name[12] == '\0')
				link_warn(ctx, f->name, n, text);
			if (is->name[12] != '.')
				continue;
			s = strmap_find(&ctx->symtab, is->name + 13,
			    strlen(is->name + 13));
			if (s == NULL)
				continue;
			for (k = 0; k < ctx->nfiles; k++) {
				g = ctx->files[k];
				if (g != f && refers_to(g, s))
					link_warn(ctx, g->name, n, text);
			}
		}
	}
}
