/*
 * -u: unwind tables, as GNU readelf 2.40 prints them.
 *
 * ARM: the exception index table (SHT_ARM_EXIDX, ".ARM.exidx") of the
 * "Exception Handling ABI for the ARM Architecture" (ARM IHI 0038),
 * sections 5 to 10.  Each index entry is two words: a prel31 offset to
 * the function, then either 1 (EXIDX_CANTUNWIND), an inline compact
 * entry (bit 31 set), or a prel31 offset to the entry in .ARM.extab.  An
 * entry is a personality routine (prel31, bit 31 clear) followed by its
 * data, or a compact model word whose index 0 holds three unwind opcodes
 * and indexes 1 and 2 a count of further words.  The opcodes are those
 * of section 10.3.  In a relocatable object the words are found through
 * the section's R_ARM_PREL31 relocations, as GNU does, so that functions
 * are named by their symbols.
 *
 * TI C6000 uses the same tables (SHT_C6000_UNWIND, prel31 offsets in
 * halfwords) with its own opcodes and compact models 3 and 4 (TI
 * SPRAB89, "C6000 EABI", unwinding section).  Its relocations are not
 * applied: our tables do not name C6000 relocation types, so unwind
 * tables of relocatable C6000 objects are shown unrelocated.
 *
 * PA-RISC: the ".PARISC.unwind" descriptors (dump_unwind_hppa.c).
 *
 * IA-64: only a file without SHT_IA_64_UNWIND sections gets GNU's text
 * ("There are no unwind sections"); the tables themselves and their
 * unwind descriptors are not decoded yet.
 *
 * x86 files have no processor-specific unwind section (their .eh_frame
 * is DWARF, which --debug-dump covers in GNU); other machines get GNU's
 * "not currently supported" line.  Every word read is checked against
 * its section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "unwind.h"
#include "xalloc.h"

#ifndef SHT_ARM_EXIDX
#define SHT_ARM_EXIDX	0x70000001
#endif

/* The state of the opcode reader: GNU's word, remaining, more_words. */
struct ops {
	struct unw	*u;
	struct usec	*sec;
	uint32_t	 word;
	unsigned	 remaining, more;
	uint64_t	 off;
};

static void	arm_unwind(struct relf *);
static void	arm_exidx(struct unw *, size_t);
static bool	get_word(struct unw *, struct usec *, size_t, uint64_t,
		    uint32_t *, struct uaddr *, uint64_t *);
static void	load_usec(struct unw *, struct usec *, size_t);
static const char *print_fn(struct unw *, uint64_t, struct uaddr);
static bool	decode_entry(struct unw *, uint32_t, unsigned, uint64_t,
		    struct usec *, size_t);
static bool	decode_ops(struct ops *);
static bool	advance(struct ops *);
static bool	get_op(struct ops *, unsigned *);
static void	pop_list(unsigned, unsigned, int, const char *);
static uint64_t	prel31(const struct unw *, uint32_t, uint64_t);
static bool	decode_c6x(struct ops *);
static bool	has_type(const struct relf *, uint32_t);

/* The C6000 EHABI register numbering (TI SPRAB89, "Unwinding"). */
static const char *const c6x_regs[16] = { "A15", "B15", "B14", "B13",
    "B12", "B11", "B10", "B3", "A14", "A13", "A12", "A11", "A10",
    "[invalid reg 13]", "[invalid reg 14]", "[invalid reg 15]" };
static void	c6x_regmask(unsigned);
static int	fun_cmp(const void *, const void *);

void
dump_unwind(struct relf *f)
{
	const char *m = names_machine(f->eh.e_machine);
	char buf[32];

	if (f->eh.e_machine == EM_386 || f->eh.e_machine == EM_X86_64) {
		out("No processor specific unwind information to decode\n");
		return;
	}
	if (f->eh.e_machine == EM_ARM || f->eh.e_machine == EM_TI_C6000) {
		arm_unwind(f);
		return;
	}
	if (f->eh.e_machine == EM_PARISC) {
		hppa_unwind(f);
		return;
	}
	if (f->eh.e_machine == EM_IA_64 && !has_type(f, SHT_IA_64_UNWIND)) {
		/* GNU's answer when there is nothing to decode. */
		out("\nThere are no unwind sections in this file.\n");
		return;
	}
	if (m == NULL) {
		snprintf(buf, sizeof(buf), "<unknown>: 0x%x", f->eh.e_machine);
		m = buf;
	}
	out("\nThe decoding of unwind sections for machine type %s is not "
	    "currently supported.\n", m);
}

/* Whether any section is of type t. */
static bool
has_type(const struct relf *f, uint32_t t)
{
	size_t i;

	for (i = 1; i < f->shnum; i++)
		if (f->sh[i].sh_type == t)
			return true;
	return false;
}

static uint64_t
prel31(const struct unw *u, uint32_t w, uint64_t where)
{
	uint64_t off = w & 0x7fffffff;

	if (off & 0x40000000)
		off |= ~(uint64_t)0x7fffffff;
	if (u->c6x)		/* C6000 offsets count halfwords */
		off <<= 1;
	return off + where;
}

/* Sorted by value; equal values keep their symbol-table order. */
static int
fun_cmp(const void *a, const void *b)
{
	const GElf_Sym *x = a, *y = b;

	if (x->st_value != y->st_value)
		return x->st_value < y->st_value ? -1 : 1;
	return x->st_size < y->st_size ? -1 : x->st_size > y->st_size;
}

/*
 * The symbol table (the last SHT_SYMTAB, as GNU keeps the last) and its
 * function symbols sorted by value, into u; false if the table is not
 * in the file.  Also returns, in *last, the last section of type
 * unwtype (0: none).
 */
bool
unwind_load_funs(struct unw *u, struct relf *f, uint32_t unwtype, size_t *last)
{
	size_t i, esz = f->is64 ? 24 : 16;
	uint64_t j;
	GElf_Sym s;

	memset(u, 0, sizeof(*u));
	u->f = f;
	*last = 0;
	for (i = 0; i < f->shnum; i++) {
		if (f->sh[i].sh_type == SHT_SYMTAB) {
			u->syms = span_range(f->img, f->sh[i].sh_offset,
			    f->sh[i].sh_size);
			if (u->syms == NULL)
				return false;
			u->nsyms = f->sh[i].sh_size / esz;
			u->strs.data = NULL;
			u->strs.size = 0;
			if (f->sh[i].sh_link < f->shnum && (u->strs.data =
			    span_range(f->img, f->sh[f->sh[i].sh_link].sh_offset,
			    f->sh[f->sh[i].sh_link].sh_size)) != NULL)
				u->strs.size = f->sh[f->sh[i].sh_link].sh_size;
		} else if (unwtype != 0 && f->sh[i].sh_type == unwtype)
			*last = i;
	}
	u->fun = xcalloc(u->nsyms + 1, sizeof(*u->fun));
	for (j = 0; j < u->nsyms; j++) {
		relf_sym(f, u->syms + j * esz, &s);
		if (s.st_value != 0 && GELF_ST_TYPE(s.st_info) == STT_FUNC) {
			s.st_size = j;	/* the tie-break: table order */
			u->fun[u->nfun++] = s;
		}
	}
	qsort(u->fun, u->nfun, sizeof(*u->fun), fun_cmp);
	return true;
}

static void
arm_unwind(struct relf *f)
{
	struct unw u;
	size_t i, last;
	uint64_t j;

	if (f->shstr.data == NULL || !unwind_load_funs(&u, f, SHT_ARM_EXIDX, &last))
		return;
	u.thumb = f->eh.e_machine == EM_ARM;
	u.c6x = f->eh.e_machine == EM_TI_C6000;
	if (last == 0) {
		out("\nThere are no unwind sections in this file.\n");
		free(u.fun);
		return;
	}
	for (i = 0; i < f->shnum; i++) {
		if (f->sh[i].sh_type != SHT_ARM_EXIDX)
			continue;
		j = f->sh[i].sh_size / 8;
		out("\nUnwind section '%s' at offset %#jx contains %ju entr%s:\n",
		    secname_print(f, i), (uintmax_t)f->sh[i].sh_offset,
		    (uintmax_t)j, j == 1 ? "y" : "ies");
		arm_exidx(&u, i);
	}
	free(u.fun);
}

/* Cache section idx and find the REL or RELA section applying to it. */
static void
load_usec(struct unw *u, struct usec *s, size_t idx)
{
	struct relf *f = u->f;
	const GElf_Shdr *rs;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->idx = idx;
	s->data = f->sh[idx].sh_size == 0 ? NULL : span_range(f->img,
	    f->sh[idx].sh_offset, f->sh[idx].sh_size);
	s->size = f->sh[idx].sh_size;
	for (i = 0; i < f->shnum; i++) {
		rs = &f->sh[i];
		if (rs->sh_info != idx || (rs->sh_type != SHT_REL &&
		    rs->sh_type != SHT_RELA))
			continue;
		s->rela = rs->sh_type == SHT_RELA;
		s->relsz = (f->is64 ? 8 : 4) * (s->rela ? 3 : 2);
		if ((s->rel = span_range(f->img, rs->sh_offset, rs->sh_size)) !=
		    NULL)
			s->nrel = rs->sh_size / s->relsz;
		break;
	}
}

/*
 * The word at off in section idx, relocated as GNU relocates it (the
 * relocation at exactly that offset, found from where the last search
 * stopped).  addr and symname say which symbol relocated it.
 */
static bool
get_word(struct unw *u, struct usec *s, size_t idx, uint64_t off,
    uint32_t *wordp, struct uaddr *addr, uint64_t *symname)
{
	struct relf *f = u->f;
	const unsigned char *r;
	uint64_t roff, info, sym, type, offset, prel, k;
	bool wrapped = false;
	uint32_t word;
	GElf_Sym s_;

	addr->sec = SHN_UNDEF;
	addr->off = 0;
	if (symname != NULL)
		*symname = UINT64_MAX;
	if (s->idx != idx)
		load_usec(u, s, idx);
	if (s->data == NULL || s->size < 4 || off > s->size - 4)
		return false;
	word = load32(s->data + off, f->big);
	if (s->rel == NULL || s->nrel == 0) {
		*wordp = word;
		return true;
	}
	for (k = s->next; k != s->nrel; k++) {
		r = s->rel + k * s->relsz;
		roff = relf_word(f, r, f->is64 ? 8 : 4);
		if (roff > off && !wrapped) {
			k = 0;
			wrapped = true;
			r = s->rel;
			roff = relf_word(f, r, f->is64 ? 8 : 4);
		}
		if (roff > off)
			break;
		if ((roff & 3) != 0 || roff < off || u->syms == NULL)
			continue;
		info = relf_word(f, r + (f->is64 ? 8 : 4), f->is64 ? 8 : 4);
		sym = f->is64 ? info >> 32 : info >> 8;
		type = f->is64 ? info & 0xffffffff : info & 0xff;
		if (s->rela)
			offset = relf_word(f, r + (f->is64 ? 16 : 8),
			    f->is64 ? 8 : 4);
		else {
			offset = word & 0x7fffffff;
			if (offset & 0x40000000)
				offset |= ~(uint64_t)0x7fffffff;
		}
		if (sym >= u->nsyms) {
			relf_error(f, "bad symbol index in unwind relocation "
			    "(%ju > %ju)", (uintmax_t)sym, (uintmax_t)u->nsyms);
			break;
		}
		/*
		 * Only R_ARM_PREL31 (42) moves the word; R_ARM_NONE is 0.
		 * C6000 relocations are not applied (see the file head).
		 */
		if (type == 0 || type != 42 || u->c6x)
			continue;
		relf_sym(f, u->syms + sym * (f->is64 ? 24 : 16), &s_);
		offset += s_.st_value;
		prel = offset - (f->sh[idx].sh_addr + roff);
		word = (word & 0x80000000u) | (uint32_t)(prel & 0x7fffffff);
		addr->sec = s_.st_shndx;
		addr->off = offset;
		if (symname != NULL)
			*symname = s_.st_name;
		break;
	}
	*wordp = word;
	s->next = k;
	return true;
}

/* The function symbol at or below addr, within 1 MiB as GNU looks. */
void
unwind_find_fn(struct unw *u, struct uaddr addr, const char **name, uint64_t *off)
{
	GElf_Sym *beg = u->fun, *end = u->fun + u->nfun, *m, *best = NULL;
	uint64_t mask = u->thumb ? ~(uint64_t)1 : ~(uint64_t)0;
	uint64_t dist = 0x100000, v, a = addr.off & mask;

	while (beg < end) {
		m = beg + (end - beg) / 2;
		v = m->st_value & mask;
		if (m->st_name != 0 && (addr.sec == SHN_UNDEF ||
		    addr.sec == m->st_shndx) && a >= v && a - v < dist) {
			best = m;
			dist = a - v;
			if (dist == 0)
				break;
		}
		if (a < v)
			end = m;
		else
			beg = m + 1;
	}
	if (best == NULL) {
		*name = NULL;
		*off = a;
		return;
	}
	*name = relf_string_span(u->strs, best->st_name);
	if (*name == NULL)
		*name = "<corrupt>";
	*off = dist;
}

static const char *
print_fn(struct unw *u, uint64_t fn, struct uaddr addr)
{
	const char *name;
	uint64_t off;

	if (addr.sec == SHN_UNDEF)
		addr.off = fn;
	unwind_find_fn(u, addr, &name, &off);
	out("0x%jx", (uintmax_t)fn);
	if (name != NULL) {
		out(" <%s", name);
		if (off != 0)
			out("+0x%jx", (uintmax_t)off);
		putchar('>');
	}
	return name;
}

static void
arm_exidx(struct unw *u, size_t idx)
{
	struct relf *f = u->f;
	const GElf_Shdr *sh = &f->sh[idx], *ts;
	struct uaddr fa, ea;
	uint32_t fw, ew;
	uint64_t i, n = sh->sh_size / 8, table, toff;
	size_t k, tsec;

	for (i = 0; i < n; i++) {
		putchar('\n');
		if (!get_word(u, &u->exidx, idx, 8 * i, &fw, &fa, NULL) ||
		    !get_word(u, &u->exidx, idx, 8 * i + 4, &ew, &ea, NULL))
			return;
		print_fn(u, prel31(u, fw, sh->sh_addr + 8 * i), fa);
		fputs(": ", stdout);
		if (ew == 1) {
			out("0x%x [cantunwind]\n", ew);
			continue;
		}
		if (ew & 0x80000000) {
			out("0x%x\n", ew);
			decode_entry(u, ew, 4, 0, NULL, 0);
			continue;
		}
		table = prel31(u, ew, sh->sh_addr + 8 * i + 4);
		out("@0x%jx\n", (uintmax_t)table);
		tsec = 0;
		toff = 0;
		if (ea.sec != SHN_UNDEF && ea.sec < f->eh.e_shnum &&
		    ea.sec < f->shnum) {
			tsec = ea.sec;
			toff = ea.off;
			if (toff > f->sh[tsec].sh_size || (int64_t)toff < 0) {
				relf_error(f, "unwind entry contains corrupt "
				    "offset (%#jx) into section %s",
				    (uintmax_t)toff, secname_print(f, tsec));
				continue;
			}
		} else {
			/* The section whose addresses hold table. */
			for (k = 1; k < f->shnum; k++) {
				ts = &f->sh[k];
				if (table >= ts->sh_addr && table - ts->sh_addr <
				    ts->sh_size) {
					tsec = k;
					toff = table - ts->sh_addr;
					break;
				}
			}
		}
		if (tsec == 0) {
			relf_error(f, "could not locate .ARM.extab section "
			    "containing %#jx", (uintmax_t)table);
			continue;
		}
		decode_entry(u, 0, 0, toff, &u->extab, tsec);
	}
	putchar('\n');
}

/*
 * One exception-table entry: word with remaining bytes unread (an
 * inline compact entry), or, when remaining is 0, the entry at off in
 * the extab section.
 */
static bool
decode_entry(struct unw *u, uint32_t word, unsigned remaining, uint64_t off,
    struct usec *sec, size_t tsec)
{
	struct relf *f = u->f;
	struct ops o;
	struct uaddr addr = { SHN_UNDEF, 0 };
	uint64_t symname = UINT64_MAX, fn, base = 0;
	const char *name;
	unsigned idx;

	memset(&o, 0, sizeof(o));
	o.u = u;
	o.sec = sec;
	o.off = off;
	if (remaining == 0) {
		if (!get_word(u, sec, tsec, off, &word, &addr, &symname))
			return false;
		remaining = 4;
		base = f->sh[tsec].sh_addr;
	}
	o.word = word;
	o.remaining = remaining;
	if ((word & 0x80000000) == 0) {
		fn = prel31(u, word, base + off);
		out("  Personality routine: ");
		if (fn == 0 && addr.sec == SHN_UNDEF && addr.off == 0 &&
		    symname != UINT64_MAX && symname < u->strs.size) {
			name = relf_string_span(u->strs, symname);
			out("0x%jx", (uintmax_t)fn);
			if (name != NULL)
				out(" <%s>", name);
		} else
			name = print_fn(u, fn, addr);
		putchar('\n');
		if (name == NULL || (strncmp(name, "__gcc_personality_v0", 20)
		    != 0 && strncmp(name, "__gxx_personality_v0", 20) != 0 &&
		    strncmp(name, "__gcj_personality_v0", 20) != 0 &&
		    strncmp(name, "__gnu_objc_personality_v0", 25) != 0))
			return true;
		o.remaining = 0;
		o.more = 1;
		if (!advance(&o))
			return false;
		if (o.remaining == 0) {
			out("  [Truncated data]\n");
			return false;
		}
		o.more = o.word >> 24;
		o.word <<= 8;
		o.remaining--;
		return decode_ops(&o);
	}
	idx = (word >> 24) & 0x7f;
	out("  Compact model index: %u\n", idx);
	if (idx == 0) {
		o.word <<= 8;
		o.remaining--;
	} else if (idx < 3) {
		o.more = (word >> 16) & 0xff;
		o.word <<= 16;
		o.remaining -= 2;
	} else if (u->c6x && idx < 5) {
		if (((word >> 17) & 0x7f) == 0x7f)
			out("  Restore stack from frame pointer\n");
		else
			out("  Stack increment %d\n", (int)((word >> 14) & 0x1fc));
		out("  Registers restored: ");
		if (idx == 4)
			out(" (compact) ");
		c6x_regmask((word >> 4) & 0x1fff);
		out("\n  Return register: %s\n", c6x_regs[word & 0xf]);
		return true;
	} else if (u->c6x) {
		out("  [reserved (%u)]\n", idx);
		return true;
	} else {
		out("  [reserved]\n");
		return false;
	}
	return u->c6x ? decode_c6x(&o) : decode_ops(&o);
}

/* GNU's ADVANCE: fetch the next word when this one is used up. */
static bool
advance(struct ops *o)
{
	struct uaddr a;

	if (o->remaining != 0 || o->more == 0)
		return true;
	o->off += 4;
	if (o->sec == NULL || !get_word(o->u, o->sec, o->sec->idx, o->off,
	    &o->word, &a, NULL))
		return false;
	o->remaining = 4;
	o->more--;
	return true;
}

static bool
get_op(struct ops *o, unsigned *op)
{
	if (!advance(o))
		return false;
	if (o->remaining == 0) {
		out("[Truncated opcode]\n");
		return false;
	}
	o->remaining--;
	*op = o->word >> 24;
	o->word <<= 8;
	out("0x%02x ", *op);
	return true;
}

/* "pop {rA, rB}" for the set bits of mask, register numbers from base. */
static void
pop_list(unsigned mask, unsigned nbits, int base, const char *prefix)
{
	bool first = true;
	unsigned i;

	out("pop {");
	for (i = 0; i < nbits; i++)
		if (mask & (1u << i)) {
			out("%s%s%d", first ? "" : ", ", prefix, base + (int)i);
			first = false;
		}
	putchar('}');
}

/* The next opcode, printed: 1 and *op, 0 at the end, -1 on an error. */
static int
next_op(struct ops *o, unsigned *op)
{
	if (!advance(o))
		return -1;
	if (o->remaining == 0)
		return 0;
	o->remaining--;
	*op = o->word >> 24;
	o->word <<= 8;
	out("  0x%02x ", *op);
	return 1;
}

static bool
decode_ops(struct ops *o)
{
	unsigned op, op2, i, n;
	int more;
	unsigned char buf[9];
	uint64_t v;

	for (;;) {
		if ((more = next_op(o, &op)) <= 0)
			return more == 0;
		if ((op & 0xc0) == 0x00)
			out("     vsp = vsp + %d", ((op & 0x3f) << 2) + 4);
		else if ((op & 0xc0) == 0x40)
			out("     vsp = vsp - %d", ((op & 0x3f) << 2) + 4);
		else if ((op & 0xf0) == 0x80) {
			if (!get_op(o, &op2))
				return false;
			if (op == 0x80 && op2 == 0)
				out("Refuse to unwind");
			else
				pop_list(((op & 0x0f) << 8) | op2, 12, 4, "r");
		} else if ((op & 0xf0) == 0x90) {
			if (op == 0x9d || op == 0x9f)
				out("     [Reserved]");
			else
				out("     vsp = r%d", op & 0x0f);
		} else if ((op & 0xf0) == 0xa0) {
			out("     pop {");
			for (i = 4; i <= 4 + (op & 7); i++)
				out("%sr%u", i == 4 ? "" : ", ", i);
			if (op & 0x08)
				out(", r14");
			putchar('}');
		} else if (op == 0xb0)
			out("     finish");
		else if (op == 0xb1) {
			if (!get_op(o, &op2))
				return false;
			if (op2 == 0 || (op2 & 0xf0) != 0)
				out("[Spare]");
			else
				pop_list(op2 & 0x0f, 12, 0, "r");
		} else if (op == 0xb2) {
			for (i = 0; i < sizeof(buf); i++) {
				if (!get_op(o, &op2))
					return false;
				buf[i] = (unsigned char)op2;
				if ((buf[i] & 0x80) == 0)
					break;
			}
			if (i == sizeof(buf)) {
				relf_error(o->u->f, "corrupt change to vsp");
			} else {
				for (v = 0, n = 0; n <= i; n++)
					v |= (uint64_t)(buf[n] & 0x7f) << (7 * n);
				out("vsp = vsp + %ld", (long)(v * 4 + 0x204));
			}
		} else if (op == 0xb3 || op == 0xc8 || op == 0xc9) {
			if (!get_op(o, &op2))
				return false;
			i = (op2 >> 4) + (op == 0xc8 ? 16 : 0);
			out("pop {D%u", i);
			if (op2 & 0x0f)
				out("-D%u", i + (op2 & 0x0f));
			putchar('}');
		} else if (op == 0xb4)
			out("     pop {ra_auth_code}");
		else if (op == 0xb5)
			out("     vsp as modifier for PAC validation");
		else if ((op & 0xf8) == 0xb8 || (op & 0xf8) == 0xd0) {
			out("pop {D8");
			if (op & 7)
				out("-D%u", 8 + (op & 7));
			putchar('}');
		} else if (op >= 0xc0 && op <= 0xc5) {
			out("     pop {wR10");
			if (op & 7)
				out("-wR%u", 10 + (op & 7));
			putchar('}');
		} else if (op == 0xc6) {
			if (!get_op(o, &op2))
				return false;
			out("pop {wR%u", op2 >> 4);
			if (op2 & 0x0f)
				out("-wR%u", (op2 >> 4) + (op2 & 0x0f));
			putchar('}');
		} else if (op == 0xc7) {
			if (!get_op(o, &op2))
				return false;
			if (op2 == 0 || (op2 & 0xf0) != 0)
				out("[Spare]");
			else
				pop_list(op2 & 0x0f, 4, 0, "wCGR");
		} else
			out("     [unsupported opcode]");
		putchar('\n');
	}
}

/* A C6000 register mask, bit 0 naming register 12 of c6x_regs. */
static void
c6x_regmask(unsigned mask)
{
	int i;

	for (i = 12; mask != 0; mask >>= 1, i--)
		if (mask & 1) {
			out("%s", i >= 0 ? c6x_regs[i] : "?");
			if (mask > 1)
				out(", ");
		}
}

/* The C6000 unwind opcodes, as GNU's decode_tic6x_unwind_bytecode. */
static bool
decode_c6x(struct ops *o)
{
	unsigned op, op2, i, n, r, poff[16], preg[16];
	int more;
	unsigned char buf[9];
	uint64_t v;

	for (;;) {
		if ((more = next_op(o, &op)) <= 0)
			return more == 0;
		if ((op & 0xc0) == 0x00)
			out("     sp = sp + %d", ((op & 0x3f) << 3) + 8);
		else if ((op & 0xc0) == 0x80) {
			if (!get_op(o, &op2))
				return false;
			if (op == 0x80 && op2 == 0)
				out("Refuse to unwind");
			else {
				out(op & 0x20 ? "pop compact {" : "pop {");
				c6x_regmask(((op & 0x1f) << 8) | op2);
				putchar('}');
			}
		} else if ((op & 0xf0) == 0xc0) {
			/* Register pairs, 0xf marking a pad slot. */
			for (n = 0, i = 0; n < (op & 0xf); i++) {
				if (!get_op(o, &op2))
					return false;
				if ((op2 >> 4) != 0xf && n < 16) {
					poff[n] = i * 2;
					preg[n++] = op2 >> 4;
				}
				if ((op2 & 0xf) != 0xf && n < 16) {
					poff[n] = i * 2 + 1;
					preg[n++] = op2 & 0xf;
				}
			}
			out("pop frame {");
			if (n == 0)
				out("*corrupt* - no registers specified");
			for (r = n - 1, i *= 2; n != 0 && i > 0; i--) {
				if (poff[r] == i - 1) {
					out("%s", c6x_regs[preg[r]]);
					if (r > 0)
						r--;
				} else
					out("[pad]");
				if (i > 1)
					out(", ");
			}
			putchar('}');
		} else if (op == 0xd0)
			out("     MOV FP, SP");
		else if (op == 0xd1)
			out("     __c6xabi_pop_rts");
		else if (op == 0xd2) {
			for (i = 0; i < sizeof(buf); i++) {
				if (!get_op(o, &op2))
					return false;
				buf[i] = (unsigned char)op2;
				if ((op2 & 0x80) == 0)
					break;
			}
			if (i == sizeof(buf)) {
				relf_warn(o->u->f, "corrupt stack pointer "
				    "adjustment detected");
				return false;
			}
			for (v = 0, n = 0; n <= i; n++)
				v |= (uint64_t)(buf[n] & 0x7f) << (7 * n);
			out("sp = sp + %ld", (long)(v * 8 + 0x408));
		} else if ((op & 0xf0) == 0xe0) {
			if ((op & 0x0f) == 7)
				out("     RETURN");
			else
				out("     MV %s, B3", c6x_regs[op & 0x0f]);
		} else
			out("     [unsupported opcode]");
		putchar('\n');
	}
}
