/*
 * aout_syms: readelf -s and -r for a.out: the nlist table with its types
 * decoded (../shared/spec/a.out.md sections 8 to 10) and the text, data
 * and run-time relocations (section 11), standard, SPARC or PDP-11.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "aout_priv.h"

static void	sym_row(struct adump *, size_t, const struct aout_sym *);
static const char *stab_explain(unsigned);
static const char *seg_name(unsigned);
static const char *reloc_target(struct adump *, const struct aout_reloc *,
		    bool, char *, size_t);
static void	reloc_row(struct adump *, const struct aout_reloc *, bool,
		    bool);
static void	reloc_explain(struct adump *, const struct aout_reloc *,
		    const char *, const char *);
static void	reloc_table(struct adump *, bool);

static const char *
stab_explain(unsigned t)
{
	switch (t) {
	case 0x64: return "debugger: start of a source file (name) or of "
		    "its text (value)";
	case 0x84: return "debugger: an included source file";
	case 0x24: return "debugger: a function; value is its address, "
		    "name holds its type";
	case 0x44: return "debugger: a source line; desc is the line number, "
		    "value its address";
	case 0x80: return "debugger: a local variable or a type definition";
	case 0x20: return "debugger: a global variable (its address comes "
		    "from the matching external symbol)";
	case 0xa0: return "debugger: a function parameter";
	case 0x40: return "debugger: a variable kept in a register";
	case 0xc0: return "debugger: start of a lexical block";
	case 0xe0: return "debugger: end of a lexical block";
	case 0x26: case 0x28:
		return "debugger: a static variable (data or bss)";
	case 0x82: case 0xa2:
		return "debugger: start or end of an included header's stabs";
	default:   return "debugging information for dbx or gdb; the linker "
		    "copies it, the loader ignores it";
	}
}

const char *
aout_explain_type(const struct aout_sym *s)
{
	unsigned t = s->type;
	bool ext = t & AOUT_N_EXT;

	if (t & AOUT_N_STAB)
		return stab_explain(t);
	switch (t) {
	case AOUT_N_FN: return "file name: marks where the symbols of one "
		    "object file begin in a linked program";
	case AOUT_N_WARNING: return "warning: ld prints this text when the "
		    "symbol in the next entry is referenced";
	case AOUT_N_INDR: case AOUT_N_INDR | AOUT_N_EXT:
		return "indirect: this name is an alias for the symbol named "
		    "by the next entry";
	}
	switch (t & AOUT_N_TYPE) {
	case AOUT_N_UNDF:
		if (!ext)
			return "undefined local: meaningless, kept as is";
		return s->value != 0 ? "common block of value bytes: ld "
		    "allocates it in bss unless some file defines the name" :
		    "undefined: ld must find the definition in another object "
		    "or a library";
	case AOUT_N_ABS:
		return ext ? "external absolute value: not an address, so "
		    "relocation leaves it alone" : "local absolute value";
	case AOUT_N_TEXT:
		return ext ? "external text symbol: a function or label other "
		    "files may call" : "local text label, visible to this "
		    "file and the debugger only";
	case AOUT_N_DATA:
		return ext ? "external initialised variable in data" :
		    "local (static) initialised variable in data";
	case AOUT_N_BSS:
		return ext ? "external zero-initialised variable in bss" :
		    "local (static) zero-initialised variable in bss";
	case AOUT_N_SIZE:
		return "size record: value is the size of the symbol of this "
		    "name (BSD ld)";
	case AOUT_N_COMM:
		return "common symbol as ld sees it internally";
	case AOUT_N_SETA: case AOUT_N_SETT: case AOUT_N_SETD:
	case AOUT_N_SETB:
		return "set element: ld gathers every entry of this name into "
		    "one vector (constructor lists)";
	case AOUT_N_SETV:
		return "set vector: the table ld built from the set elements";
	default:
		return "type not defined by any a.out family we know";
	}
}

static void
sym_row(struct adump *d, size_t i, const struct aout_sym *s)
{
	char tbuf[32];
	const char *tn = aout_type_name(s->type, tbuf, sizeof tbuf);
	const char *stab = (s->type & AOUT_N_STAB) ? aout_stab_name(s->type) :
	    NULL;
	char letter[2] = { aout_nm_letter(s), '\0' };

	if (d->json) {
		ad_jopen(d, NULL, '{');
		ad_jnum(d, "index", i);
		ad_jnum(d, "value", s->value);
		ad_jnum(d, "type", s->type);
		ad_jstr(d, "type_name", tn);
		ad_jnum(d, "other", (uint8_t)s->other);
		ad_jnum(d, "desc", (uint16_t)s->desc);
		ad_jstr(d, "nm", letter);
		ad_jbool(d, "debugging", aout_sym_is_debug(s));
		ad_jstr(d, "name", s->name);
		if (d->explain)
			ad_jstr(d, "explain", aout_explain_type(s));
		ad_jclose(d, '}');
		return;
	}
	(void)stab;
	if (aout_addr_bits(&d->a) == 16)
		ad_out("%6zu: %04" PRIx64 "     ", i, s->value);
	else
		ad_out("%6zu: %08" PRIx64 " ", i, s->value);
	ad_out("%-14s %02x %04x %s  %s\n", tn, (uint8_t)s->other,
	    (uint16_t)s->desc, letter, s->name);
	ad_explain(d, "%s", aout_explain_type(s));
}

void
aout_dump_syms(struct adump *d)
{
	struct aout *a = &d->a;
	struct aout_sym s;
	size_t i, nbad = 0;
	char first[sizeof a->err] = "";

	if (d->json)
		ad_jopen(d, "symbols", '[');
	else if (a->nsyms_claimed == 0)
		ad_out("\nThere are no symbols in this file.\n");
	else
		ad_out("\nSymbol table at offset %#" PRIx64 " contains %zu "
		    "entr%s:\n   Num:    Value Type           Ot Desc nm Name\n",
		    a->symoff, a->nsyms, a->nsyms == 1 ? "y" : "ies");
	for (i = 0; i < a->nsyms; i++) {
		if (aout_sym(a, i, &s) != 0 && nbad++ == 0)
			memcpy(first, a->err, sizeof first);
		sym_row(d, i, &s);
	}
	if (d->json)
		ad_jclose(d, ']');
	if (nbad > 0)
		ad_error(d, "%s", first);
	if (nbad > 1)
		ad_error(d, "%zu more symbols with bad names", nbad - 1);
}

static const char *
seg_name(unsigned n)
{
	switch (n & ~1u) {
	case AOUT_N_ABS:	return "abs";
	case AOUT_N_TEXT:	return "text";
	case AOUT_N_DATA:	return "data";
	case AOUT_N_BSS:	return "bss";
	case AOUT_N_UNDF:	return "undefined";
	default:		return "unknown segment";
	}
}

/* The symbol or segment a relocation refers to. */
static const char *
reloc_target(struct adump *d, const struct aout_reloc *r, bool rrs,
    char *buf, size_t len)
{
	struct aout_sym s;
	struct aout_dynsym ds;

	if (r->v7 && !r->external) {
		static const char *v7seg[] = { "abs", "text", "data", "bss" };

		return r->symbolnum < 4 ? v7seg[r->symbolnum] : "unknown";
	}
	if (!r->external && !rrs)
		return seg_name(r->symbolnum);
	if (rrs) {
		if (!r->external)
			return r->relative ? "(load address)" : "(segment)";
		if (aout_dynsym(&d->a, &d->dyn, r->symbolnum, &ds) != 0)
			snprintf(buf, len, "<bad RRS symbol %u>", r->symbolnum);
		else
			snprintf(buf, len, "%s", ds.sym.name);
		return buf;
	}
	if (aout_sym(&d->a, r->symbolnum, &s) != 0) {
		ad_error(d, "relocation refers to symbol %u, outside the "
		    "symbol table", r->symbolnum);
		snprintf(buf, len, "<bad symbol %u>", r->symbolnum);
	} else
		snprintf(buf, len, "%s", s.name);
	return buf;
}

static void
reloc_explain(struct adump *d, const struct aout_reloc *r, const char *seg,
    const char *target)
{
	unsigned w = r->extended ? 4 : 1u << r->length;

	if (r->jmptable)
		ad_explain(d, "PLT slot: ld.so binds it to %s on the first "
		    "call (lazy binding) and patches it to jump there", target);
	else if (r->baserel)
		ad_explain(d, "GOT entry: ld.so stores the address of %s "
		    "there; PIC code loads it through the GOT", target);
	else if (r->copy)
		ad_explain(d, "copy: ld.so copies %s's initial value from the "
		    "library into the program's data", target);
	else if (r->relative)
		ad_explain(d, "relative: ld.so adds the address the object "
		    "was loaded at to the word at %#" PRIx64, r->address);
	else if (r->external)
		ad_explain(d, "ld adds the final address of %s to the %u-byte "
		    "field at %s+%#" PRIx64 "%s", target, w, seg, r->address,
		    r->pcrel ? ", minus the field's own address (pc-relative)"
		    : "");
	else
		ad_explain(d, "ld adds where the %s segment finally lands to "
		    "the %u-byte field at %s+%#" PRIx64 ", which holds an "
		    "offset from its start", target, w, seg, r->address);
}

static void
reloc_row(struct adump *d, const struct aout_reloc *r, bool data, bool rrs)
{
	char buf[256], fl[64];
	const char *seg = rrs ? "address" : data ? "data" : "text";
	const char *tgt = reloc_target(d, r, rrs, buf, sizeof buf);
	const char *tn = r->extended ? aout_sparc_reloc_name(r->type) : NULL;

	snprintf(fl, sizeof fl, "%s%s%s%s%s", r->baserel ? "baserel " : "",
	    r->jmptable ? "jmptable " : "", r->relative ? "relative " : "",
	    r->copy ? "copy " : "", r->neg ? "neg " : "");
	if (fl[0] != '\0')
		fl[strlen(fl) - 1] = '\0';
	if (d->json) {
		ad_jopen(d, NULL, '{');
		ad_jnum(d, "address", r->address);
		if (r->v7)
			ad_jnum(d, "word", r->v7word);
		if (r->extended) {
			ad_jnum(d, "type", r->type);
			ad_jstr(d, "type_name", tn != NULL ? tn : "unknown");
			ad_jint(d, "addend", r->addend);
		} else
			ad_jnum(d, "length", 1u << r->length);
		ad_jbool(d, "pcrel", r->pcrel);
		ad_jbool(d, "extern", r->external);
		ad_jnum(d, "symbolnum", r->symbolnum);
		ad_jstr(d, "flags", fl);
		ad_jstr(d, "target", tgt);
		ad_jclose(d, '}');
		return;
	}
	if (r->v7)
		ad_out("  %06" PRIo64 "  %06o %-5s %-6s %6u %s\n", r->address,
		    r->v7word, r->pcrel ? "yes" : "no",
		    r->external ? "yes" : "no", r->symbolnum, tgt);
	else if (r->extended)
		ad_out("  %08" PRIx64 " %-16s %-6s %6u %+8" PRId64 " %s\n",
		    r->address, tn != NULL ? tn : "unknown",
		    r->external ? "yes" : "no", r->symbolnum, r->addend, tgt);
	else
		ad_out("  %08" PRIx64 " %3u %-5s %-6s %6u %-18s %s\n",
		    r->address, 1u << r->length, r->pcrel ? "yes" : "no",
		    r->external ? "yes" : "no", r->symbolnum, fl, tgt);
	reloc_explain(d, r, seg, tgt);
}

static void
reloc_table(struct adump *d, bool data)
{
	struct aout *a = &d->a;
	struct aout_reloc r;
	size_t i, n = aout_nrelocs(a, data), shown = 0;
	uint64_t off = data ? a->dreloff : a->treloff;

	if (d->json)
		ad_jopen(d, data ? "data" : "text", '[');
	else if (n == 0)
		ad_out("\nThere are no %s relocations in this file.\n",
		    data ? "data" : "text");
	else {
		ad_out("\n%s relocations at offset %#" PRIx64 " contain %zu "
		    "entr%s:\n", data ? "Data" : "Text", off, n,
		    n == 1 ? "y" : "ies");
		if (a->family == AOUT_PDP11)
			ad_out("  (one word per word of %s; words that need no "
			    "relocation are not listed)\n  Offset  Word   "
			    "PCrel Extern Symnum Target\n",
			    data ? "data" : "text");
		else if (a->sparc)
			ad_out("  Address  Type             Extern  Index"
			    "   Addend Target\n");
		else
			ad_out("  Address  Len PCrel Extern Symnum Flags"
			    "              Target\n");
	}
	for (i = 0; i < n; i++) {
		if (aout_reloc(a, data, i, &r) != 0) {
			ad_error(d, "%s", a->err);
			break;
		}
		if (r.v7 && r.v7word == 0)
			continue;
		reloc_row(d, &r, data, false);
		shown++;
	}
	if (d->json)
		ad_jclose(d, ']');
	(void)shown;
}

void
aout_dump_relocs(struct adump *d)
{
	struct aout_reloc r;
	size_t i;

	if (d->json)
		ad_jopen(d, "relocations", '{');
	reloc_table(d, false);
	reloc_table(d, true);
	if (d->dyn_ok) {
		if (d->json)
			ad_jopen(d, "rrs", '[');
		else
			ad_out("\nRun-time (RRS) relocations at offset %#" PRIx64
			    " contain %zu entr%s:\n", d->dyn.reloff,
			    d->dyn.nrels, d->dyn.nrels == 1 ? "y" : "ies");
		if (!d->json && d->dyn.nrels > 0)
			ad_out(d->a.sparc ? "  Address  Type             "
			    "Extern  Index   Addend Target\n" : "  Address  Len "
			    "PCrel Extern Symnum Flags              Target\n");
		for (i = 0; i < d->dyn.nrels; i++) {
			if (aout_dynreloc(&d->a, &d->dyn, i, &r) != 0) {
				ad_error(d, "%s", d->a.err);
				break;
			}
			reloc_row(d, &r, false, true);
		}
		if (d->json)
			ad_jclose(d, ']');
	}
	if (d->json)
		ad_jclose(d, '}');
}
