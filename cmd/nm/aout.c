/*
 * aout: the symbols of an a.out file (common/aout reads every variant of
 * ../shared/spec/a.out.md), with GNU nm's letters.  Debugging symbols
 * (stabs, N_FN, N_WARNING, N_INDR) appear only with -a, shown as GNU
 * shows them: letter '-', then n_other, n_desc and the stab's name.
 */
#include <stdio.h>
#include <string.h>

#include "aout.h"
#include "nm.h"
#include "xalloc.h"

static bool
keep(const struct nm_opts *op, const struct aout_sym *as, char letter)
{
	bool undef = letter == 'U' || letter == 'w';
	bool ext = (as->type & AOUT_N_EXT) != 0 || letter == 'C' ||
	    letter == 'W';

	if (op->extern_only && !ext && !undef)
		return false;
	if (!op->extern_only && op->no_weak && (letter == 'W' ||
	    letter == 'w'))
		return false;
	if (!op->debug_syms && aout_sym_is_debug(as))
		return false;
	if (op->size_sort && (undef || letter == 'a' || letter == 'A'))
		return false;
	if (op->defined_only && undef)
		return false;
	if (op->undefined_only && !undef)
		return false;
	return true;
}

int
nm_aout_collect(const struct nm_opts *op, struct span s, struct nm_list *l,
    char *err, size_t errlen)
{
	struct aout a;
	struct aout_sym as;
	struct nm_sym *ns;
	size_t i;
	char c;

	l->width = 32;
	if (aout_parse(&a, s) == -1) {
		snprintf(err, errlen, "%s", a.err);
		return -1;
	}
	if (a.truncated) {
		snprintf(err, errlen, "%s", a.err);
		return -1;
	}
	if (a.nsyms == 0)
		return 0;
	l->cap = a.nsyms;
	l->syms = xreallocarray(NULL, l->cap, sizeof(*l->syms));
	for (i = 0; i < a.nsyms; i++) {
		if (aout_sym(&a, i, &as) == -1) {
			snprintf(err, errlen, "%s", a.err);
			return -1;
		}
		c = aout_nm_letter(&as);
		if (!keep(op, &as, c))
			continue;
		ns = &l->syms[l->n++];
		memset(ns, 0, sizeof(*ns));
		/* PDP-11 names live in as; keep a copy that outlives it. */
		ns->name = as.name == as.pdpname ?
		    nm_arena_dup(as.pdpname, "", "") : as.name;
		ns->value = as.value;
		ns->letter = c;
		ns->type = as.type;
		ns->other = as.other;
		ns->desc = as.desc;
		ns->index = (uint32_t)i;
		ns->secname = "";
		if (c == 'U' || c == 'w')
			ns->flags |= NMS_UNDEF;
		if (c == '-')
			ns->flags |= NMS_STAB;
	}
	return 1;
}
