/*
 * -u on PA-RISC, as GNU readelf 2.40 prints it: each ".PARISC.unwind"
 * entry is four words (HP's "PA-RISC Runtime Architecture", unwind
 * descriptors): the start and end offsets of a region from the base of
 * its segment, then two words of flags and the frame size, printed by
 * name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "unwind.h"
#include "xalloc.h"

/* A PA-RISC unwind region, start and end as relocated. */
struct hppa_ent {
	struct uaddr	 start, end;
};

static void	hppa_relocs(struct unw *, size_t, struct hppa_ent *, uint64_t);

/*
 * In a relocatable file, the R_PARISC_SEGREL32/64 relocations against
 * section idx give the start and end words their symbols' sections and
 * values; GNU warns of and skips any other type.
 */
static void
hppa_relocs(struct unw *u, size_t idx, struct hppa_ent *ent, uint64_t n)
{
	struct relf *f = u->f;
	const unsigned char *r;
	uint64_t size, k, roff, info, sym, esz = f->is64 ? 24 : 12;
	int w = f->is64 ? 8 : 4;
	const char *name;
	struct uaddr *a;
	uint32_t type;
	GElf_Sym s;
	size_t i;

	for (i = 0; i < f->shnum; i++) {
		if (f->sh[i].sh_type != SHT_RELA || f->sh[i].sh_info != idx ||
		    (r = relf_secdata(f, i, &size)) == NULL)
			continue;
		for (k = 0; k + esz <= size; k += esz) {
			roff = relf_word(f, r + k, w);
			info = relf_word(f, r + k + w, w);
			type = f->is64 ? (uint32_t)info : info & 0xff;
			sym = f->is64 ? info >> 32 : info >> 8;
			if ((name = names_reloc(EM_PARISC, type)) == NULL) {
				relf_warn(f, "skipping unknown relocation type: "
				    "%u", type);
				continue;
			}
			if (strncmp(name, "R_PARISC_SEGREL", 15) != 0) {
				relf_warn(f, "skipping unexpected relocation "
				    "type: %s", name);
				continue;
			}
			if (roff / 16 >= n) {
				relf_warn(f, "skipping reloc with overlarge "
				    "offset: %jx", (uintmax_t)(roff / 16));
				continue;
			}
			if (sym >= u->nsyms) {
				relf_warn(f, "skipping reloc with invalid symbol "
				    "index: %ju", (uintmax_t)sym);
				continue;
			}
			relf_sym(f, u->syms + sym * (f->is64 ? 24 : 16), &s);
			if (roff % 16 / 4 > 1)
				continue;
			a = roff % 16 / 4 == 0 ? &ent[roff / 16].start :
			    &ent[roff / 16].end;
			a->sec = s.st_shndx;
			a->off = s.st_value + relf_word(f, r + k + 2 * w, w);
		}
	}
}

void
hppa_unwind(struct relf *f)
{
	static const struct { const char *name; int word, bit, width; } fl[] = {
	    { "Cannot_unwind", 0, 31, 1 }, { "Millicode", 0, 30, 1 },
	    { "Millicode_save_sr0", 0, 29, 1 }, { "Entry_SR", 0, 25, 1 },
	    { "Entry_FR", 0, 21, 4 }, { "Entry_GR", 0, 16, 5 },
	    { "Args_stored", 0, 15, 1 }, { "Variable_Frame", 0, 14, 1 },
	    { "Separate_Package_Body", 0, 13, 1 },
	    { "Frame_Extension_Millicode", 0, 12, 1 },
	    { "Stack_Overflow_Check", 0, 11, 1 },
	    { "Two_Instruction_SP_Increment", 0, 10, 1 },
	    { "Ada_Region", 0, 9, 1 }, { "cxx_info", 0, 8, 1 },
	    { "cxx_try_catch", 0, 7, 1 }, { "sched_entry_seq", 0, 6, 1 },
	    { "Save_SP", 0, 4, 1 }, { "Save_RP", 0, 3, 1 },
	    { "Save_MRP_in_frame", 0, 2, 1 }, { "extn_ptr_defined", 0, 1, 1 },
	    { "Cleanup_defined", 0, 0, 1 },
	    { "MPE_XL_interrupt_marker", 1, 31, 1 },
	    { "HP_UX_interrupt_marker", 1, 30, 1 },
	    { "Large_frame", 1, 29, 1 }, { "Pseudo_SP_Set", 1, 28, 1 },
	    { "Total_frame_size", 1, 0, 27 } };
	const unsigned char *p, *e;
	const char *name;
	struct hppa_ent *ent;
	uint64_t base = 0, n, k, off, v;
	uint32_t w[2];
	size_t i, j, last;
	struct unw u;

	if (f->shstr.data == NULL || !unwind_load_funs(&u, f, 0, &last))
		return;
	for (i = 0; i < f->shnum; i++)
		if (strcmp(relf_secname(f, i), ".PARISC.unwind") == 0)
			last = i + 1;
	if (last == 0)
		out("\nThere are no unwind sections in this file.\n");
	for (i = 0; i < f->shnum; i++) {
		const GElf_Shdr *sh = &f->sh[i];

		if (strcmp(relf_secname(f, i), ".PARISC.unwind") != 0)
			continue;
		n = sh->sh_size / 16;
		out("\nUnwind section '%s' at offset %#jx contains %ju entr%s:\n",
		    secname_print(f, i), (uintmax_t)sh->sh_offset,
		    (uintmax_t)n, n == 1 ? "y" : "ies");
		/* The base: the first PT_LOAD holding the whole section. */
		for (j = 0; j < f->phnum; j++)
			if (f->ph[j].p_type == PT_LOAD && sh->sh_addr >=
			    f->ph[j].p_vaddr && sh->sh_addr + sh->sh_size <=
			    f->ph[j].p_vaddr + f->ph[j].p_memsz) {
				base = f->ph[j].p_vaddr;
				break;
			}
		if ((p = relf_secdata(f, i, &off)) == NULL) {
			relf_error(f, "cannot read the unwind table");
			break;
		}
		if (n == 0)
			continue;
		ent = xcalloc(n, sizeof(*ent));
		for (k = 0; k < n; k++) {
			ent[k].start.sec = ent[k].end.sec = SHN_UNDEF;
			ent[k].start.off = load32(p + k * 16, f->big) + base;
			ent[k].end.off = load32(p + k * 16 + 4, f->big) + base;
		}
		hppa_relocs(&u, i, ent, n);
		for (k = 0; k < n; k++) {
			e = p + k * 16;
			w[0] = load32(e + 8, f->big);
			w[1] = load32(e + 12, f->big);
			unwind_find_fn(&u, ent[k].start, &name, &off);
			out("\n<");
			if (name != NULL) {
				out("%s", name);
				if (off != 0)
					out("+%jx", (uintmax_t)off);
			}
			out(">: [0x%jx-0x%jx]\n\t", (uintmax_t)ent[k].start.off,
			    (uintmax_t)ent[k].end.off);
			for (j = 0; j < sizeof(fl) / sizeof(fl[0]); j++) {
				v = (w[fl[j].word] >> fl[j].bit) &
				    ((1u << fl[j].width) - 1);
				if (v == 0)
					continue;
				if (fl[j].width == 1)
					out("%s ", fl[j].name);
				else
					out("%s=%ju ", fl[j].name, (uintmax_t)v);
			}
		}
		free(ent);
		out("\n");
	}
	free(u.fun);
}
