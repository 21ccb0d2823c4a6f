/*
 * symtab.c: the output .symtab and .strtab (gABI "Symbol Table": locals
 * first, sh_info one past the last local).
 *
 * One walk over the inputs, run twice: once to count (size_symtab, before
 * the layout) and once to write (write_symtab), so that both agree.  The
 * order is input order, never hash-table order: each input's named local
 * symbols after an STT_FILE entry, then each file's global definitions,
 * then the linker's own symbols sorted by name.  Strings are not
 * deduplicated: appending is cheaper and the table is not loaded.
 *
 * Each file contributes three runs: its locals, its hidden globals (local
 * in the output) and its other globals.  A global is emitted by the one
 * file that owns it (its definer, or for an undefined symbol its first
 * referrer), so the runs of different files touch different symbols and
 * both walks are parallel fors over the files: the first counts each run,
 * prefix sums place the runs, the second writes each run in its place.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

struct symwriter {
	struct link	*ctx;
	Elf64u_Sym	*syms;		/* NULL: only count */
	char		*str;
	uint64_t	 nsyms;
	uint64_t	 strsize;
};

/* Per file: symbols and string bytes of its three runs, and where the
   runs start (index in .symtab, offset in .strtab). */
struct symtab_part {
	uint64_t	 n[3], str[3];
	uint64_t	 idx[3], stroff[3];
};

struct symjob {
	struct link	*ctx;
	Elf64u_Sym	*syms;		/* NULL: count */
	char		*str;
};

static void	walk_file(struct link *, struct symwriter *,
		    struct input_file *, int);
static size_t	synthetic_list(struct link *, struct symbol ***);
static void	clear_marks(struct link *);
static void	emit(struct symwriter *, const char *, size_t, uint8_t,
		    uint8_t, uint16_t, uint64_t, uint64_t);
static void	emit_ver(struct symwriter *, const char *, size_t,
		    const char *, uint8_t, uint8_t, uint16_t, uint64_t,
		    uint64_t);

static bool
local_wanted(const struct input_file *f, size_t i)
{
	const Elf64u_Sym *es = &f->syms[i];
	uint32_t shndx = sym_shndx(f, i);
	int type = ELF64_ST_TYPE(es->st_info);

	if (es->st_name == 0 || type == STT_SECTION || type == STT_FILE)
		return false;
	if (shndx == SHN_ABS)
		return true;
	if (shndx == SHN_UNDEF || shndx >= f->nsecs ||
	    f->secs[shndx].osec == NULL)
		return false;
	/*
	 * The assembler keeps a temporary label (.LC0) that a relocation
	 * into a mergeable section names; once the pieces are merged it
	 * means nothing, and GNU ld leaves such labels out by default.
	 */
	if ((f->secs[shndx].shdr->sh_flags & SHF_MERGE) &&
	    es->st_name < f->strsz && f->strtab[es->st_name] == '.' &&
	    es->st_name + 1 < f->strsz && f->strtab[es->st_name + 1] == 'L')
		return false;
	return true;
}

static void
emit(struct symwriter *w, const char *name, size_t len, uint8_t info,
    uint8_t other, uint16_t shndx, uint64_t value, uint64_t size)
{
	emit_ver(w, name, len, NULL, info, other, shndx, value, size);
}

/* emit, with the name written "name@ver" when ver is not NULL. */
static void
emit_ver(struct symwriter *w, const char *name, size_t len, const char *ver,
    uint8_t info, uint8_t other, uint16_t shndx, uint64_t value,
    uint64_t size)
{
	Elf64u_Sym *es;
	size_t vlen = ver != NULL ? strlen(ver) + 1 : 0;

	if (w->syms != NULL) {
		es = &w->syms[w->nsyms];
		es->st_name = len ? (uint32_t)w->strsize : 0;
		es->st_info = info;
		es->st_other = other;
		es->st_shndx = shndx;
		es->st_value = value;
		es->st_size = size;
		if (len) {
			memcpy(w->str + w->strsize, name, len);
			if (vlen > 0) {
				w->str[w->strsize + len] = '@';
				memcpy(w->str + w->strsize + len + 1, ver,
				    vlen - 1);
			}
			w->str[w->strsize + len + vlen] = '\0';
		}
	}
	w->nsyms++;
	if (len)
		w->strsize += len + vlen + 1;
}

/*
 * The version an imported symbol binds to, which GNU ld appends to its
 * .symtab name (puts@GLIBC_2.2.5); NULL if none, or if the name is
 * already versioned (an object's reference to foo@V1).
 */
static const char *
import_version(const struct symbol *s)
{
	const struct shared_file *d = s->dso;

	if (d == NULL || s->ver < 2 || s->ver >= d->nver ||
	    memchr(s->name, '@', s->namelen) != NULL)
		return NULL;
	return d->vername[s->ver];
}

/* Value and section index of a defined symbol, as .symtab shows them. */
static void
placed(struct link *ctx, const struct symbol *s, uint64_t *value,
    uint16_t *shndx)
{
	const struct input_section *is;
	uint64_t v;

	if (s->kind == SYM_SYNTHETIC) {
		*value = symbol_address(ctx, s);
		*shndx = s->osec != NULL ? (uint16_t)s->osec->index :
		    s->shndx != 0 ? (uint16_t)s->shndx : SHN_ABS;
		return;
	}
	if (s->shndx == SHN_ABS || s->shndx >= s->file->nsecs) {
		*value = s->value;
		*shndx = SHN_ABS;
		return;
	}
	is = &s->file->secs[s->shndx];
	v = s->iplt >= 0 ? resolver_address(ctx, s) : symbol_address(ctx, s);
	if (s->type == STT_TLS)
		v -= ctx->tls_addr;
	*value = v;
	*shndx = is->osec != NULL ? (uint16_t)is->osec->index : SHN_ABS;
}

static void
walk_locals(struct link *ctx, struct symwriter *w, struct input_file *f)
{
	const Elf64u_Sym *es;
	struct symbol tmp;
	const char *base, *name;
	uint64_t value;
	uint16_t shndx;
	size_t i;

	base = strrchr(f->name, '/');
	base = base != NULL ? base + 1 : f->name;
	emit(w, base, strlen(base), ELF64_ST_INFO(STB_LOCAL, STT_FILE), 0,
	    SHN_ABS, 0, 0);
	for (i = 1; i < f->first_global && i < f->nsyms; i++) {
		if (!local_wanted(f, i))
			continue;
		es = &f->syms[i];
		name = sym_name(f, es);
		memset(&tmp, 0, sizeof(tmp));
		tmp.kind = SYM_DEFINED;
		tmp.file = f;
		tmp.shndx = sym_shndx(f, i);
		tmp.value = es->st_value;
		tmp.type = ELF64_ST_TYPE(es->st_info);
		tmp.iplt = f->symbols[i] != NULL ? f->symbols[i]->iplt : -1;
		placed(ctx, &tmp, &value, &shndx);
		emit(w, name, strlen(name), es->st_info, es->st_other, shndx,
		    value, es->st_size);
	}
}

static int
cmp_names(const void *a, const void *b)
{
	const struct symbol *x = *(struct symbol *const *)a;
	const struct symbol *y = *(struct symbol *const *)b;

	return strcmp(x->name, y->name);
}

static void
walk_globals(struct link *ctx, struct symwriter *w, struct symbol *s,
    bool loc)
{
	uint64_t value = 0, size = s->size;
	uint16_t shndx = SHN_UNDEF;
	uint8_t bind = s->bind, type = s->type;
	const char *ver = NULL;

	if (s->kind == SYM_DEFINED || s->kind == SYM_SYNTHETIC)
		placed(ctx, s, &value, &shndx);
	else if (s->kind == SYM_SHARED) {
		/*
		 * Imported: undefined here, size 0 and named with its
		 * version as GNU ld does, unless copied into .dynbss.
		 */
		bind = (s->flags & SF_REFSTRONG) ? STB_GLOBAL : STB_WEAK;
		ver = import_version(s);
		size = 0;
		if (s->dflags & SD_COPY) {
			value = symbol_address(ctx, s);
			shndx = (uint16_t)ctx->dynbss->index;
			bind = STB_GLOBAL;
			size = s->size;
		}
	} else {
		bind = (s->flags & SF_REFSTRONG) ? STB_GLOBAL : STB_WEAK;
		type = STT_NOTYPE;
	}
	if (s->kind == SYM_SYNTHETIC && !s->common)
		type = STT_NOTYPE;
	/* Hidden symbols become local in an executable (gABI). */
	if (loc)
		bind = STB_LOCAL;
	emit_ver(w, s->name, s->namelen, ver, ELF64_ST_INFO(bind, type),
	    s->visibility, shndx, value, size);
}

static bool
is_local(const struct symbol *s)
{
	return s->visibility == STV_HIDDEN || s->visibility == STV_INTERNAL;
}

/*
 * Run part of file f: 0 its named locals, 1 the hidden globals it owns
 * (local in an executable), 2 the other globals it owns.
 */
static void
walk_file(struct link *ctx, struct symwriter *w, struct input_file *f,
    int part)
{
	struct symbol *s;
	bool loc = part == 1;
	size_t j;

	if (part == 0) {
		walk_locals(ctx, w, f);
		return;
	}
	for (j = f->first_global; j < f->nsyms; j++) {
		s = f->symbols[j];
		if (s == NULL || s->bind == STB_LOCAL || is_local(s) != loc)
			continue;
		if (s->kind == SYM_DEFINED ? s->file != f :
		    s->kind == SYM_SYNTHETIC ? !s->common ||
		    s->file != f : s->ref != f || loc)
			continue;
		/* Only f's walk reads or sets the mark of a symbol f owns. */
		if ((s->flags & SF_EMITTED) || (s->kind == SYM_DEFINED &&
		    section_is_dropped(s->file, s->shndx)))
			continue;
		s->flags |= SF_EMITTED;
		walk_globals(ctx, w, s, loc);
	}
}

static void
walk_range(void *arg, size_t begin, size_t end)
{
	struct symjob *j = arg;
	struct symtab_part *sp;
	struct symwriter w;
	size_t i;
	int p;

	for (i = begin; i < end; i++) {
		sp = &j->ctx->symparts[i];
		for (p = 0; p < 3; p++) {
			w.ctx = j->ctx;
			w.syms = j->syms;
			w.str = j->str;
			w.nsyms = j->syms != NULL ? sp->idx[p] : 0;
			w.strsize = j->syms != NULL ? sp->stroff[p] : 0;
			walk_file(j->ctx, &w, j->ctx->files[i], p);
			if (j->syms == NULL) {
				sp->n[p] = w.nsyms;
				sp->str[p] = w.strsize;
			}
		}
	}
}

/* The linker's own symbols (not commons), sorted by name. */
static size_t
synthetic_list(struct link *ctx, struct symbol ***out)
{
	struct symbol *s, **extra;
	size_t i, n = 0;

	extra = xcalloc(ctx->symtab.count + 1, sizeof(*extra));
	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s != NULL && s->kind == SYM_SYNTHETIC && !s->common)
			extra[n++] = s;
	}
	qsort(extra, n, sizeof(*extra), cmp_names);
	*out = extra;
	return n;
}

/* Clear the marks for the next walk. */
static void
clear_marks(struct link *ctx)
{
	struct input_file *f;
	size_t i, j;

	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++)
			if (f->symbols[j] != NULL)
				f->symbols[j]->flags &= ~SF_EMITTED;
	}
}

void
size_symtab(struct link *ctx)
{
	struct symjob job = { ctx, NULL, NULL };
	struct symwriter w = { ctx, NULL, NULL, 0, 0 };
	struct symtab_part *sp;
	struct symbol **extra;
	uint64_t idx = 1, off = 1;
	size_t i, k, n;
	int p;

	if (ctx->symtab_sec == NULL)
		return;
	ctx->symparts = xcalloc(ctx->nfiles + 1, sizeof(*ctx->symparts));
	pool_for(ctx->pool, ctx->nfiles, 32, walk_range, &job);
	clear_marks(ctx);
	n = synthetic_list(ctx, &extra);
	for (p = 0; p < 3; p++) {
		for (i = 0; i < ctx->nfiles; i++) {
			sp = &ctx->symparts[i];
			sp->idx[p] = idx;
			sp->stroff[p] = off;
			idx += sp->n[p];
			off += sp->str[p];
		}
		if (p == 0)
			continue;
		/* The linker's symbols end the hidden and the other runs. */
		w.nsyms = w.strsize = 0;
		for (k = 0; k < n; k++)
			if (is_local(extra[k]) == (p == 1))
				walk_globals(ctx, &w, extra[k], p == 1);
		idx += w.nsyms;
		off += w.strsize;
		if (p == 1)
			ctx->nlocals = (uint32_t)idx;
	}
	free(extra);
	ctx->symtab_sec->size = idx * sizeof(Elf64u_Sym);
	ctx->strtab_sec->size = off;
}

void
write_symtab(struct link *ctx)
{
	struct symjob job = { ctx, NULL, NULL };
	struct symwriter w = { ctx, NULL, NULL, 0, 1 };
	struct symbol **extra;
	size_t k, n;
	int p;

	job.syms = w.syms = (Elf64u_Sym *)(ctx->buf + ctx->symtab_sec->offset);
	job.str = w.str = (char *)ctx->buf + ctx->strtab_sec->offset;
	w.str[0] = '\0';
	emit(&w, "", 0, 0, 0, SHN_UNDEF, 0, 0);
	pool_for(ctx->pool, ctx->nfiles, 32, walk_range, &job);
	clear_marks(ctx);
	n = synthetic_list(ctx, &extra);
	for (p = 1; p < 3; p++) {
		/* After the last file's run of this part. */
		if (ctx->nfiles > 0) {
			w.nsyms = ctx->symparts[ctx->nfiles - 1].idx[p] +
			    ctx->symparts[ctx->nfiles - 1].n[p];
			w.strsize = ctx->symparts[ctx->nfiles - 1].stroff[p] +
			    ctx->symparts[ctx->nfiles - 1].str[p];
		}
		for (k = 0; k < n; k++)
			if (is_local(extra[k]) == (p == 1))
				walk_globals(ctx, &w, extra[k], p == 1);
	}
	free(extra);
}
