/*
 * wrap.c: --wrap=SYMBOL and --defsym=SYMBOL=EXPRESSION, as GNU ld has
 * them ("Command-line Options" in its manual).
 *
 * --wrap: an undefined reference to SYMBOL is bound to __wrap_SYMBOL, and
 * one to __real_SYMBOL to SYMBOL itself; definitions are left alone.  The
 * renaming happens as the objects' symbols enter the table (resolve.c),
 * so archive members are pulled in for the new names.
 *
 * --defsym: EXPRESSION is a number (decimal, or 0x hexadecimal), or a
 * symbol, optionally plus or minus a number.  A symbol expression is made
 * a strong reference (as -u is), and once resolution is over, SYMBOL
 * becomes an alias of its definition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

void
add_wrap(struct link *ctx, const char *sym)
{
	size_t n = strlen(sym) + 8;
	char *w, *r;

	w = xmalloc(n);
	r = xmalloc(n);
	snprintf(w, n, "__wrap_%s", sym);
	snprintf(r, n, "__real_%s", sym);
	ctx->wraps = xreallocarray(ctx->wraps, ctx->nwraps + 1,
	    3 * sizeof(*ctx->wraps));
	ctx->wraps[ctx->nwraps * 3] = sym;
	ctx->wraps[ctx->nwraps * 3 + 1] = w;
	ctx->wraps[ctx->nwraps * 3 + 2] = r;
	ctx->nwraps++;
}

/* The name an undefined reference to name is bound to. */
const char *
wrap_name(struct link *ctx, const char *name)
{
	size_t i;

	for (i = 0; i < ctx->nwraps; i++) {
		if (strcmp(name, ctx->wraps[i * 3]) == 0)
			return ctx->wraps[i * 3 + 1];
		if (strcmp(name, ctx->wraps[i * 3 + 2]) == 0)
			return ctx->wraps[i * 3];
	}
	return name;
}

/* EXPR as SYMBOL [+- number], or a number; false if malformed. */
static bool
parse_expr(const char *e, char *sym, size_t symlen, int64_t *off)
{
	const char *op;
	char *end;
	size_t n;

	while (*e == ' ')
		e++;
	if (*e >= '0' && *e <= '9') {
		*off = (int64_t)strtoull(e, &end, 0);
		sym[0] = '\0';
		return *end == '\0';
	}
	op = strpbrk(e, "+-");
	n = op != NULL ? (size_t)(op - e) : strlen(e);
	while (n > 0 && e[n - 1] == ' ')
		n--;
	if (n == 0 || n >= symlen)
		return false;
	memcpy(sym, e, n);
	sym[n] = '\0';
	*off = 0;
	if (op != NULL) {
		*off = (int64_t)strtoull(op + 1 + strspn(op + 1, " "), &end, 0);
		if (*end != '\0')
			return false;
		if (*op == '-')
			*off = -*off;
	}
	return true;
}

void
add_defsym(struct link *ctx, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char sym[1024], *name;
	int64_t off;

	if (eq == NULL || eq == arg || !parse_expr(eq + 1, sym, sizeof(sym),
	    &off)) {
		diag_error(NULL, "--defsym: bad expression: %s", arg);
		return;
	}
	name = xmalloc((size_t)(eq - arg) + 1);
	memcpy(name, arg, (size_t)(eq - arg));
	name[eq - arg] = '\0';
	ctx->defsyms = xreallocarray(ctx->defsyms, ctx->ndefsyms + 1,
	    2 * sizeof(*ctx->defsyms));
	ctx->defsyms[ctx->ndefsyms * 2] = name;
	ctx->defsyms[ctx->ndefsyms * 2 + 1] = eq + 1;
	ctx->ndefsyms++;
	if (sym[0] != '\0' && ctx->nundefs < sizeof(ctx->undefs) /
	    sizeof(ctx->undefs[0]))
		ctx->undefs[ctx->nundefs++] = xstrdup(sym);
}

/*
 * After resolution: each --defsym symbol takes its value.  An absolute
 * one is a linker-defined symbol at that address; an alias copies the
 * definition of its target, plus the offset.
 */
void
apply_defsyms(struct link *ctx)
{
	struct symbol *s, *t;
	char sym[1024];
	int64_t off;
	size_t i;

	for (i = 0; i < ctx->ndefsyms; i++) {
		s = symbol_intern(ctx, ctx->defsyms[i * 2],
		    strlen(ctx->defsyms[i * 2]));
		parse_expr(ctx->defsyms[i * 2 + 1], sym, sizeof(sym), &off);
		if (sym[0] == '\0') {
			s->kind = SYM_SYNTHETIC;
			s->osec = NULL;
			s->shndx = SHN_ABS;
			s->value = (uint64_t)off;
			s->type = STT_NOTYPE;
			continue;
		}
		t = strmap_find(&ctx->symtab, sym, strlen(sym));
		if (t == NULL || t->kind != SYM_DEFINED) {
			diag_error(NULL, "--defsym: %s: undefined symbol: %s",
			    ctx->defsyms[i * 2], sym);
			continue;
		}
		s->kind = SYM_DEFINED;
		s->file = t->file;
		s->shndx = t->shndx;
		s->value = t->value + (uint64_t)off;
		s->size = t->size;
		s->type = t->type;
		s->weakdef = false;
	}
}
