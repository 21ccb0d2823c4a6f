/*
 * aout_dyn: readelf -d and --dyn-syms for a.out: the SunOS/BSD run-time
 * linking structures of link(5) (../shared/spec/a.out.md section 12):
 * _DYNAMIC, link_dynamic_2 (section_dispatch_table), the chain of needed
 * objects, the RRS symbols and the jump table (PLT).  common/aout_dyn.c
 * finds them and turns their addresses into file offsets.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "aout_priv.h"

static void	dyn_fields(struct adump *);
static void	sdt_fields(struct adump *);
static void	dyn_needed(struct adump *);
static void	dynsym_row(struct adump *, size_t, const struct aout_dynsym *);
static void	plt_dump(struct adump *);
static void	plt_slot(struct adump *, size_t, uint64_t, uint32_t);
static const char *offnote(struct adump *, uint32_t, bool, char *, size_t);

/* "file offset 0x..." for a text- or data-resident address. */
static const char *
offnote(struct adump *d, uint32_t v, bool data, char *buf, size_t len)
{
	uint64_t off;
	int r;

	if (v == 0)
		return NULL;
	r = data ? aout_data_off(&d->a, &d->dyn, v, &off) :
	    aout_text_off(&d->a, &d->dyn, v, &off);
	if (r != 0)
		snprintf(buf, len, "outside the file");
	else
		snprintf(buf, len, "file offset %#" PRIx64, off);
	return buf;
}

static void
dyn_fields(struct adump *d)
{
	const struct aout_dynamic *y = &d->dyn;
	struct ad_field f[5];
	static char title[96], n0[64];
	size_t n = 0;

	snprintf(title, sizeof title, "_DYNAMIC (link_dynamic) at file "
	    "offset %#" PRIx64 ":", y->dynoff);
	f[n++] = (struct ad_field){ "version", "Version (ld_version):",
	    AD_DEC, y->version, y->version >= 8 ? "BSD, nzlist symbols" :
	    "SunOS", "2 or 3: SunOS layout; 8: BSD ld, whose RRS symbols "
	    "carry a size (nzlist)" };
	f[n++] = (struct ad_field){ "debug", "Debugger hook (ld_debug):",
	    AD_HEX, y->debug, NULL, "address of the ld_debug (so_debug) "
	    "block through which ld.so and a debugger talk" };
	f[n++] = (struct ad_field){ "ld_2", "Dispatch table (ld_un.ld_2):",
	    AD_HEX, y->sdt, offnote(d, y->sdt, true, n0, sizeof n0),
	    "address of link_dynamic_2, the table of contents of the "
	    "run-time linking data" };
	if (d->a.family != AOUT_SUNOS)
		f[n++] = (struct ad_field){ "entry", "Entry (d_entry):",
		    AD_HEX, y->entry, NULL, "BSD: ld.so's entry for "
		    "dlopen-style calls, filled in at run time" };
	ad_fields(d, title, "_dynamic", f, n);
}

static void
sdt_fields(struct adump *d)
{
	const struct aout_dynamic *y = &d->dyn;
	static char title[96], nb[8][48];
	struct ad_field f[14];
	size_t n = 0;

	snprintf(title, sizeof title, "link_dynamic_2 (section_dispatch_table)"
	    " at file offset %#" PRIx64 ":", y->sdtoff);
#define S(k, l, st, v, note, ex) \
	f[n++] = (struct ad_field){ k, l, st, v, note, ex }
	S("ld_loaded", "ld_loaded (sdt_loaded):", AD_HEX, y->loaded, NULL,
	    "ld.so's list of loaded objects; 0 in the file");
	S("ld_need", "ld_need (sdt_sods):", AD_HEX, y->need,
	    offnote(d, y->need, false, nb[0], 48), "first needed object "
	    "(link_object); the chain is listed below");
	S("ld_rules", "ld_rules (sdt_paths):", AD_HEX, y->rules,
	    offnote(d, y->rules, false, nb[1], 48), "library search path "
	    "recorded from ld -L (or -R), colon separated");
	S("ld_got", "ld_got (sdt_got):", AD_HEX, y->got,
	    offnote(d, y->got, true, nb[2], 48), "global offset table: one "
	    "word per global that PIC code reaches indirectly; entry 0 "
	    "holds &_DYNAMIC");
	S("ld_plt", "ld_plt (sdt_plt):", AD_HEX, y->plt,
	    offnote(d, y->plt, true, nb[3], 48), "procedure linkage table "
	    "(jump slots); calls to library functions go through it");
	S("ld_rel", "ld_rel (sdt_rel):", AD_HEX, y->rel,
	    offnote(d, y->rel, false, nb[4], 48), "relocations ld.so "
	    "applies at load time (GOT, PLT, copies, load address)");
	S("ld_hash", "ld_hash (sdt_hash):", AD_HEX, y->hash,
	    offnote(d, y->hash, false, nb[5], 48), "hash table ld.so uses "
	    "to look up a symbol by name");
	S("ld_stab", "ld_stab (sdt_nzlist):", AD_HEX, y->nzlist,
	    offnote(d, y->nzlist, false, nb[6], 48), "the run-time symbol "
	    "table (--dyn-syms)");
	S("ld_stab_hash", "ld_stab_hash (sdt_filler2):", AD_HEX,
	    y->stab_hash, NULL, "unused");
	S("ld_buckets", "ld_buckets (sdt_buckets):", AD_DEC, y->buckets,
	    NULL, "number of hash chains: hash(name) % buckets picks one");
	S("ld_symbols", "ld_symbols (sdt_strings):", AD_HEX, y->strings,
	    offnote(d, y->strings, false, nb[7], 48), "names of the "
	    "run-time symbols (Sun calls this ld_symbols)");
	S("ld_symb_size", "ld_symb_size (sdt_str_sz):", AD_SIZE, y->str_sz,
	    NULL, "bytes of those names");
	S("ld_text", "ld_text (sdt_text_sz):", AD_SIZE, y->text_sz, NULL,
	    "size of text, for ld.so to make it writable while relocating");
	S("ld_plt_sz", "ld_plt_sz (sdt_plt_sz):", AD_SIZE, y->plt_sz, NULL,
	    "bytes of PLT");
#undef S
	ad_fields(d, title, "link_dynamic_2", f, n);
}

static void
dyn_needed(struct adump *d)
{
	struct aout *a = &d->a;
	struct aout_sod s;
	uint32_t addr = d->dyn.need;
	uint64_t left = a->file.size / 16 + 1;
	const char *rules;

	if (d->json)
		ad_jopen(d, "needed", '[');
	else
		ad_out(addr == 0 ? "\nNo needed objects (ld_need is 0).\n" :
		    "\nNeeded objects (ld_need chain):\n");
	for (; addr != 0; addr = s.next) {
		if (left-- == 0) {
			ad_error(d, "ld_need chain does not end (a loop?)");
			break;
		}
		if (aout_sod(a, &d->dyn, addr, &s) != 0) {
			ad_error(d, "%s", a->err);
			if (s.name == NULL)
				break;
		}
		if (d->json) {
			ad_jopen(d, NULL, '{');
			ad_jnum(d, "address", addr);
			ad_jstr(d, "name", s.name);
			ad_jbool(d, "library", s.library);
			ad_jnum(d, "major", s.major);
			ad_jnum(d, "minor", s.minor);
			ad_jclose(d, '}');
			continue;
		}
		if (s.library)
			ad_out("  %#010x: -l%s version %u.%u\n", addr, s.name,
			    s.major, s.minor);
		else
			ad_out("  %#010x: %s version %u.%u\n", addr, s.name,
			    s.major, s.minor);
		if (s.library)
			ad_explain(d, "ld.so searches the rules path and the "
			    "system directories for lib%s.so.%u.N, taking the "
			    "highest minor N >= %u", s.name, s.major, s.minor);
		else
			ad_explain(d, "ld.so opens this path as given");
	}
	if (d->json)
		ad_jclose(d, ']');
	rules = d->dyn.rules != 0 ? aout_text_string(a, &d->dyn,
	    d->dyn.rules) : NULL;
	if (d->dyn.rules != 0 && rules == NULL)
		ad_error(d, "ld_rules at %#x is outside the file",
		    d->dyn.rules);
	if (d->json)
		ad_jstr(d, "rules", rules != NULL ? rules : "");
	else if (rules != NULL)
		ad_out("Search path (ld_rules): %s\n", rules);
}

void
aout_dump_dynamic(struct adump *d)
{
	if (!d->dyn_ok) {
		if (d->json)
			ad_jopen(d, "dynamic", '{'), ad_jclose(d, '}');
		else
			ad_out("\nThere is no dynamic section in this file "
			    "(%s).\n", d->a.dynamic ? "bad _DYNAMIC" :
			    "EX_DYNAMIC is not set");
		return;
	}
	if (d->json)
		ad_jopen(d, "dynamic", '{');
	else
		ad_out("\n");
	dyn_fields(d);
	sdt_fields(d);
	dyn_needed(d);
	if (d->json)
		ad_jclose(d, '}');
}

static void
dynsym_row(struct adump *d, size_t i, const struct aout_dynsym *s)
{
	char tbuf[32];
	const char *tn = aout_type_name(s->sym.type, tbuf, sizeof tbuf);
	char letter[2] = { aout_nm_letter(&s->sym), '\0' };

	/* An undefined RRS symbol's value is its PLT slot, not a size. */
	if (s->sym.type == (AOUT_N_UNDF | AOUT_N_EXT))
		letter[0] = 'U';
	if (d->json) {
		ad_jopen(d, NULL, '{');
		ad_jnum(d, "index", i);
		ad_jnum(d, "value", s->sym.value);
		ad_jnum(d, "size", s->size);
		ad_jnum(d, "type", s->sym.type);
		ad_jstr(d, "type_name", tn);
		ad_jnum(d, "other", (uint8_t)s->sym.other);
		ad_jnum(d, "desc", (uint16_t)s->sym.desc);
		ad_jstr(d, "nm", letter);
		ad_jstr(d, "name", s->sym.name);
		ad_jclose(d, '}');
		return;
	}
	ad_out("%6zu: %08" PRIx64 " %8u %-14s %02x %04x %s  %s\n", i,
	    s->sym.value, s->size, tn, (uint8_t)s->sym.other,
	    (uint16_t)s->sym.desc, letter, s->sym.name);
	ad_explain(d, "%s", (s->sym.type & ~1u) == AOUT_N_UNDF ?
	    "ld.so must find this in a needed object at load time" :
	    "exported: ld.so may bind other objects' references here");
}

/* One jump slot: the code words and the relocation it is bound by. */
static void
plt_slot(struct adump *d, size_t i, uint64_t off, uint32_t addr)
{
	const unsigned char *p = d->a.file.data + off;
	struct aout_reloc r;
	struct aout_dynsym ds;
	const char *tgt = i == 0 ? "(binder entry, reserved)" : "";
	uint32_t code, field, idx;

	if (d->a.sparc) {
		code = load32(p, true);
		field = load32(p + 4, true);
		idx = load32(p + 8, true) & 0x3fffff;
	} else {
		code = load16(p, d->a.big);
		field = load32(p + 2, d->a.big);
		idx = load16(p + 6, d->a.big);
	}
	if (i > 0 && idx < d->dyn.nrels &&
	    aout_dynreloc(&d->a, &d->dyn, idx, &r) == 0 && r.external &&
	    aout_dynsym(&d->a, &d->dyn, r.symbolnum, &ds) == 0)
		tgt = ds.sym.name;
	if (d->json) {
		ad_jopen(d, NULL, '{');
		ad_jnum(d, "slot", i);
		ad_jnum(d, "address", addr);
		ad_jnum(d, "code", code);
		ad_jnum(d, "field", field);
		ad_jnum(d, "reloc_index", idx);
		ad_jstr(d, "target", tgt);
		ad_jclose(d, '}');
		return;
	}
	ad_out("  %4zu  %08x %08x %08x %6u  %s\n", i, addr, code, field, idx,
	    tgt);
	if (i == 0)
		ad_explain(d, "slot 0 jumps to ld.so's binder, which every "
		    "other slot calls first");
	else
		ad_explain(d, "a call to %s lands here; until bound it calls "
		    "slot 0 with relocation %u, then ld.so rewrites it to "
		    "jump straight to the target", tgt[0] ? tgt : "this slot",
		    idx);
}

static void
plt_dump(struct adump *d)
{
	unsigned sz = aout_jmpslot_size(&d->a);
	size_t i, n = d->dyn.plt_sz / sz;
	uint64_t off;

	if (d->dyn.plt == 0 || aout_data_off(&d->a, &d->dyn, d->dyn.plt,
	    &off) != 0) {
		if (d->dyn.plt_sz != 0)
			ad_error(d, "PLT at %#x is outside the file", d->dyn.plt);
		n = 0;
	} else if (n > (d->a.file.size - off) / sz) {
		ad_error(d, "PLT (%u bytes at %#x) runs past end of file",
		    d->dyn.plt_sz, d->dyn.plt);
		n = (d->a.file.size - off) / sz;
	}
	if (d->json)
		ad_jopen(d, "jump_table", '[');
	else if (n == 0)
		ad_out("\nThere is no jump table (PLT) in this file.\n");
	else
		ad_out("\nJump table (PLT) at %#x, file offset %#" PRIx64
		    ", has %zu slots of %u bytes:\n  Slot  Address  Code     "
		    "Field    Reloc  Target\n", d->dyn.plt, off, n, sz);
	for (i = 0; i < n; i++)
		plt_slot(d, i, off + (uint64_t)i * sz,
		    d->dyn.plt + (uint32_t)(i * sz));
	if (d->json)
		ad_jclose(d, ']');
}

/* --dyn-syms: the RRS symbols, then the jump table. */
void
aout_dump_dynsyms(struct adump *d)
{
	aout_dump_rrs(d);
	plt_dump(d);
}

/* The RRS symbols alone, which -s shows too, as ELF's -s shows .dynsym. */
void
aout_dump_rrs(struct adump *d)
{
	struct aout_dynsym s;
	size_t i, nbad = 0;

	if (!d->dyn_ok) {
		if (d->json) {
			ad_jopen(d, "dynamic_symbols", '[');
			ad_jclose(d, ']');
		} else
			ad_out("\nThere are no run-time (RRS) symbols in this "
			    "file.\n");
		return;
	}
	if (d->json)
		ad_jopen(d, "dynamic_symbols", '[');
	else
		ad_out("\nRRS symbol table at offset %#" PRIx64 " contains %zu "
		    "entr%s (%s, %u bytes each):\n   Num:    Value     Size "
		    "Type           Ot Desc nm Name\n", d->dyn.symoff,
		    d->dyn.nsyms, d->dyn.nsyms == 1 ? "y" : "ies",
		    d->dyn.symsize == 16 ? "nzlist" : "nlist",
		    d->dyn.symsize);
	for (i = 0; i < d->dyn.nsyms; i++) {
		if (aout_dynsym(&d->a, &d->dyn, i, &s) != 0 && nbad++ == 0)
			ad_error(d, "%s", d->a.err);
		dynsym_row(d, i, &s);
	}
	if (d->json)
		ad_jclose(d, ']');
}
