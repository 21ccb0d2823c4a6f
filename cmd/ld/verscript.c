/*
 * verscript.c: version scripts (--version-script), and the version
 * definitions (.gnu.version_d) they give a shared library.
 *
 * The grammar is GNU ld's ("VERSION Command" in its manual):
 *
 *	{ global: foo; bar*; local: *; };		anonymous node
 *	V1 { global: foo; local: *; };
 *	V2 { global: foo2; } V1;			V2 depends on V1
 *
 * Patterns are shell wildcards (fnmatch(3)).  A name matched exactly wins
 * over a wildcard, and any wildcard over a lone "*".  Names matched by a
 * local pattern are not exported; names matched by a global pattern of a
 * named node get that version as their default (foo@@V1).  Symbols named
 * "foo@V1" or "foo@@V2" by the assembler's .symver directive are exported
 * as foo with version V1 (hidden: only old programs bind to it) or V2 (the
 * default).  The patterns of an extern "C++" block match the demangled
 * name (libiberty's cplus_demangle with parameters, as GNU ld's
 * bfd_demangle), or the name itself when it is not mangled; a quoted
 * pattern is a literal name, not a wildcard.  Symbols are demangled only
 * when a script has such a block.  The on-disk format of .gnu.version_d
 * is in the LSB, "Symbol Versioning".
 */
#include <ctype.h>
#include <demangle.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mapfile.h"
#include "strtab.h"
#include "xalloc.h"
#include "ld.h"

struct vsnode {
	char		*name;
	char		*parent;	/* NULL: none */
	uint32_t	 namestr, parentstr;
};

struct vspattern {
	char		*pat;
	uint16_t	 ver;		/* 1: anonymous node; else node + 2 */
	bool		 local;
	bool		 wild;
	bool		 cxx;		/* in extern "C++": demangled names */
};

struct verscript {
	struct vsnode	*nodes;
	size_t		 nnodes;
	struct vspattern *pats;
	size_t		 npats, cappats;
	uint32_t	 basestr;
	bool		 has_cxx;	/* some pattern is cxx */
};

static bool	parse_node(struct verscript *, struct lexer *);
static void	add_pattern(struct verscript *, const char *, uint16_t, bool,
		    bool, bool);
static int	match_rank(const struct vspattern *, const char *, size_t,
		    const char *);
static char	*demangled(const struct verscript *, const struct symbol *);

static void
add_pattern(struct verscript *vs, const char *pat, uint16_t ver, bool local,
    bool cxx, bool quoted)
{
	struct vspattern *p;

	if (vs->npats == vs->cappats) {
		vs->cappats = vs->cappats * 2 + 16;
		vs->pats = xreallocarray(vs->pats, vs->cappats,
		    sizeof(*vs->pats));
	}
	p = &vs->pats[vs->npats++];
	p->pat = xstrdup(pat);
	p->ver = ver;
	p->local = local;
	p->wild = !quoted && strpbrk(pat, "*?[") != NULL;
	p->cxx = cxx;
	vs->has_cxx |= cxx;
}

static bool
expect(struct lexer *lx, const char *what)
{
	if (lexer_next(lx) && strcmp(lx->tok, what) == 0)
		return true;
	diag_error(lx->path, "expected '%s' near '%s'", what, lx->tok);
	lx->err = true;
	return false;
}

/* One node, from its name (or "{") to its final ";". */
static bool
parse_node(struct verscript *vs, struct lexer *lx)
{
	struct vsnode *n;
	uint16_t ver = 1;
	bool local = false, cxx = false;
	int depth = 1;

	if (strcmp(lx->tok, "{") != 0) {
		vs->nodes = xreallocarray(vs->nodes, vs->nnodes + 1,
		    sizeof(*vs->nodes));
		n = &vs->nodes[vs->nnodes++];
		memset(n, 0, sizeof(*n));
		n->name = xstrdup(lx->tok);
		ver = (uint16_t)(vs->nnodes + 1);
		if (!expect(lx, "{"))
			return false;
	}
	while (depth > 0) {
		if (!lexer_next(lx)) {
			diag_error(lx->path, "unexpected end of version script");
			return false;
		}
		if (strcmp(lx->tok, "}") == 0) {
			if (--depth == 1)
				cxx = lx->cxx_words = false;
			continue;
		}
		if (strcmp(lx->tok, ";") == 0)
			continue;
		if (strcmp(lx->tok, "global") == 0 ||
		    strcmp(lx->tok, "local") == 0) {
			local = lx->tok[0] == 'l';
			if (!expect(lx, ":"))
				return false;
			continue;
		}
		if (strcmp(lx->tok, "extern") == 0 && depth == 1) {
			if (!lexer_next(lx))
				return false;
			/* Other languages ("Java") match names as they are. */
			cxx = lx->cxx_words = strcmp(lx->tok, "C++") == 0;
			if (!expect(lx, "{"))
				return false;
			depth++;
			continue;
		}
		add_pattern(vs, lx->tok, ver, local, cxx, lx->quoted);
	}
	/* "} PARENT;" or "};" */
	if (!lexer_next(lx))
		return true;
	if (strcmp(lx->tok, ";") == 0)
		return true;
	if (ver != 1)
		vs->nodes[vs->nnodes - 1].parent = xstrdup(lx->tok);
	return expect(lx, ";");
}

bool
read_version_script(struct link *ctx, const char *path)
{
	struct mapfile mf;
	struct verscript *vs;
	struct lexer lx;
	struct span s;

	if (mapfile_open(&mf, path) == -1) {
		diag_errno(path, "cannot open");
		return false;
	}
	s = mapfile_span(&mf);
	vs = xcalloc(1, sizeof(*vs));
	memset(&lx, 0, sizeof(lx));
	lx.p = (const char *)s.data;
	lx.end = lx.p + s.size;
	lx.path = path;
	lx.punct = "{};:";
	lx.hash_comments = true;
	/* A script may also be wrapped in VERSION { ... }. */
	while (lexer_next(&lx)) {
		if (strcmp(lx.tok, "VERSION") == 0) {
			if (!expect(&lx, "{"))
				break;
			continue;
		}
		if (strcmp(lx.tok, "}") == 0 || strcmp(lx.tok, ";") == 0)
			continue;
		if (!parse_node(vs, &lx) || lx.err)
			break;
	}
	if (vs->nnodes > 0x7ff0)
		diag_error(path, "too many version nodes");
	ctx->vs = vs;
	ctx->nverdef = (uint32_t)vs->nnodes;
	return diag_errors() == 0;
}

/*
 * The name extern "C++" patterns see: s demangled (malloced), or NULL
 * when the script has none or s is not a mangled name.
 */
static char *
demangled(const struct verscript *vs, const struct symbol *s)
{
	if (!vs->has_cxx || s->namelen < 2 || s->name[0] != '_' ||
	    s->name[1] != 'Z')
		return NULL;
	return cplus_demangle(s->name, DMGL_PARAMS | DMGL_ANSI);
}

/*
 * 3: exact, 2: a wildcard, 1: a lone "*", 0: no match.  dem is the
 * demangled name, or NULL: cxx patterns then see name itself.
 */
static int
match_rank(const struct vspattern *p, const char *name, size_t len,
    const char *dem)
{
	char buf[1024];

	if (p->cxx && dem != NULL) {
		name = dem;
		len = strlen(dem);
	}
	if (!p->wild)
		return strlen(p->pat) == len && memcmp(p->pat, name, len) == 0 ?
		    3 : 0;
	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, name, len);
	buf[len] = '\0';
	if (fnmatch(p->pat, buf, 0) != 0)
		return 0;
	return strcmp(p->pat, "*") == 0 ? 1 : 2;
}

static uint16_t
node_index(const struct verscript *vs, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < vs->nnodes; i++)
		if (strlen(vs->nodes[i].name) == len &&
		    memcmp(vs->nodes[i].name, name, len) == 0)
			return (uint16_t)(i + 2);
	return 0;
}

/* Versions and locality of our own definitions (resolve_dynamic). */
void
apply_version_script(struct link *ctx)
{
	struct verscript *vs = ctx->vs;
	const struct vspattern *best;
	struct symbol *s;
	const char *at;
	char *dem;
	size_t i, j;
	uint16_t v;
	int r, bestr;

	for (i = 0; i < ctx->symtab.cap; i++) {
		s = ctx->symtab.ents[i].val;
		if (s == NULL || (s->kind != SYM_DEFINED &&
		    s->kind != SYM_COMMON) || s->bind == STB_LOCAL)
			continue;
		at = memchr(s->name, '@', s->namelen);
		if (at != NULL) {
			bool dflt = at + 1 < s->name + s->namelen && at[1] == '@';
			const char *vn = at + 1 + dflt;

			v = node_index(vs, vn, (size_t)(s->name + s->namelen -
			    vn));
			if (v == 0) {
				diag_error(s->file->name, "version node not "
				    "found for symbol %s", s->name);
				continue;
			}
			s->ver = dflt ? v : (uint16_t)(v | 0x8000);
			continue;
		}
		best = NULL;
		bestr = 0;
		dem = demangled(vs, s);
		for (j = 0; j < vs->npats; j++) {
			r = match_rank(&vs->pats[j], s->name, s->namelen, dem);
			if (r > bestr) {
				bestr = r;
				best = &vs->pats[j];
			}
		}
		free(dem);
		if (best == NULL)
			continue;
		if (best->local)
			s->dflags |= SD_LOCALIZED;
		else
			s->ver = best->ver;
	}
}

static uint64_t
verdef_size(const struct verscript *vs)
{
	uint64_t n = sizeof(Elf64_Verdef) + sizeof(Elf64_Verdaux);
	size_t i;

	for (i = 0; i < vs->nnodes; i++)
		n += sizeof(Elf64_Verdef) + sizeof(Elf64_Verdaux) *
		    (vs->nodes[i].parent != NULL ? 2 : 1);
	return n;
}

/* The names go in .dynstr; then .gnu.version_d has its size. */
void
size_version_definitions(struct link *ctx)
{
	struct verscript *vs = ctx->vs;
	const char *base = ctx->opts.soname, *slash;
	size_t i;

	if (vs->nnodes == 0)
		return;
	if (base == NULL) {
		slash = strrchr(ctx->opts.output, '/');
		base = slash != NULL ? slash + 1 : ctx->opts.output;
	}
	vs->basestr = (uint32_t)strtab_add_str(ctx->dynstrtab, base);
	for (i = 0; i < vs->nnodes; i++) {
		vs->nodes[i].namestr = (uint32_t)strtab_add_str(ctx->dynstrtab,
		    vs->nodes[i].name);
		if (vs->nodes[i].parent != NULL)
			vs->nodes[i].parentstr = (uint32_t)strtab_add_str(
			    ctx->dynstrtab, vs->nodes[i].parent);
	}
	ctx->verdef->size = verdef_size(vs);
}

static unsigned char *
put_verdef(unsigned char *p, uint16_t flags, uint16_t ndx, uint32_t name,
    const char *str, const char *parent, uint32_t parentstr, bool last)
{
	Elf64_Verdef *vd = (Elf64_Verdef *)p;
	Elf64_Verdaux *va = (Elf64_Verdaux *)(p + sizeof(*vd));
	uint16_t cnt = parent != NULL ? 2 : 1;

	vd->vd_version = 1;
	vd->vd_flags = flags;
	vd->vd_ndx = ndx;
	vd->vd_cnt = cnt;
	vd->vd_hash = hash_sysv(str);
	vd->vd_aux = sizeof(*vd);
	vd->vd_next = last ? 0 : (uint32_t)(sizeof(*vd) + cnt * sizeof(*va));
	va->vda_name = name;
	va->vda_next = cnt > 1 ? sizeof(*va) : 0;
	if (cnt > 1) {
		va[1].vda_name = parentstr;
		va[1].vda_next = 0;
	}
	return p + sizeof(*vd) + cnt * sizeof(*va);
}

void
write_version_definitions(struct link *ctx, unsigned char *p)
{
	struct verscript *vs = ctx->vs;
	size_t i;

	if (vs == NULL || vs->nnodes == 0)
		return;
	p = put_verdef(p, VER_FLG_BASE, 1, vs->basestr,
	    ctx->dynstrtab->buf + vs->basestr, NULL, 0, false);
	for (i = 0; i < vs->nnodes; i++)
		p = put_verdef(p, 0, (uint16_t)(i + 2), vs->nodes[i].namestr,
		    vs->nodes[i].name, vs->nodes[i].parent,
		    vs->nodes[i].parentstr, i + 1 == vs->nnodes);
}

/*
 * --dynamic-list FILE: "{ sym; pattern*; };", the symbols an executable
 * exports (or that -Bsymbolic leaves preemptible in a library).
 */
bool
read_dynamic_list(struct link *ctx, const char *path)
{
	struct verscript *saved = ctx->vs;
	uint32_t nverdef = ctx->nverdef;
	bool ok;

	ctx->vs = NULL;
	ok = read_version_script(ctx, path);
	ctx->dynlist = ctx->vs;
	ctx->vs = saved;
	ctx->nverdef = nverdef;
	return ok;
}

bool
dynlist_match(const struct link *ctx, const struct symbol *s)
{
	const struct verscript *dl = ctx->dynlist;
	char *dem;
	size_t j;
	bool hit = false;

	if (dl == NULL)
		return false;
	dem = demangled(dl, s);
	for (j = 0; j < dl->npats && !hit; j++)
		hit = !dl->pats[j].local &&
		    match_rank(&dl->pats[j], s->name, s->namelen, dem) > 0;
	free(dem);
	return hit;
}

/*
 * The symbols naming each version node, which GNU ld puts in .dynsym:
 * absolute, 0, of the node's own version.  None for a name that a
 * symbol of the link already has.  Returns how many were put in out
 * (room for ctx->nverdef).
 */
size_t
version_node_symbols(struct link *ctx, struct symbol **out)
{
	const struct verscript *vs = ctx->vs;
	struct symbol *s;
	size_t i, n = 0;

	if (vs == NULL)
		return 0;
	for (i = 0; i < vs->nnodes; i++) {
		if (strmap_find(&ctx->symtab, vs->nodes[i].name,
		    strlen(vs->nodes[i].name)) != NULL)
			continue;
		s = symbol_new(ctx);
		s->name = vs->nodes[i].name;
		s->namelen = strlen(s->name);
		s->kind = SYM_SYNTHETIC;
		s->bind = STB_GLOBAL;
		s->type = STT_OBJECT;
		s->shndx = SHN_ABS;
		s->ver = (uint16_t)(i + 2);
		out[n++] = s;
	}
	return n;
}
