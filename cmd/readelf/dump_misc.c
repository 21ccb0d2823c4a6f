/*
 * The smaller dumps: -g (SHT_GROUP sections, gABI "Section Groups"), -I
 * (bucket list lengths of DT_HASH and DT_GNU_HASH, the second laid out
 * as in the GNU hash format: nbuckets, symoffset, bloom size, shift,
 * bloom words, buckets, chains whose last entry has bit 0 set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "xalloc.h"

static void	print_group(struct relf *, size_t);
static void	histogram(size_t, const uint64_t *, uint64_t, const char *);
static void	hist_sysv(struct relf *);
static void	hist_gnu(struct relf *);

void
dump_groups(struct relf *f)
{
	size_t i, n = 0;

	if (f->eh.e_shnum == 0) {
		out("\nThere are no section groups in this file.\n");
		return;
	}
	for (i = 0; i < f->shnum; i++)
		if (f->sh[i].sh_type == SHT_GROUP)
			n++;
	if (n == 0) {
		out("\nThere are no section groups in this file.\n");
		return;
	}
	for (i = 0; i < f->shnum; i++)
		if (f->sh[i].sh_type == SHT_GROUP)
			print_group(f, i);
}

static void
print_group(struct relf *f, size_t i)
{
	const GElf_Shdr *sh = &f->sh[i], *ss;
	const unsigned char *p, *syms;
	const char *gname;
	uint64_t size, ssize, n, j;
	uint32_t flags, e;
	GElf_Sym s;

	if (sh->sh_link >= f->shnum || (ss = &f->sh[sh->sh_link])->sh_type !=
	    SHT_SYMTAB) {
		relf_error(f, "bad sh_link in group section '%s'",
		    secname_print(f, i));
		return;
	}
	if ((syms = relf_secdata(f, sh->sh_link, &ssize)) == NULL)
		return;
	if (sh->sh_info >= ssize / (f->is64 ? 24 : 16)) {
		relf_error(f, "bad sh_info in group section '%s'",
		    secname_print(f, i));
		return;
	}
	relf_sym(f, syms + sh->sh_info * (f->is64 ? 24 : 16), &s);
	if (GELF_ST_TYPE(s.st_info) == STT_SECTION) {
		if (s.st_shndx == 0 || s.st_shndx >= f->shnum) {
			relf_error(f, "bad sh_info in group section '%s'",
			    secname_print(f, i));
			return;
		}
		gname = secname_print(f, s.st_shndx);
	} else if ((gname = relf_string(f, ss->sh_link, s.st_name)) == NULL)
		gname = "<corrupt>";
	if (sh->sh_entsize > sh->sh_size || sh->sh_entsize == 0 ||
	    (p = relf_secdata(f, i, &size)) == NULL || size < 4) {
		relf_error(f, "group section '%s': bad size",
		    secname_print(f, i));
		return;
	}
	n = sh->sh_size / sh->sh_entsize - 1;
	flags = load32(p, f->big);
	out("\n%sgroup section [%5zu] `%s' [%s] contains %ju sections:\n",
	    flags == 0 ? "" : flags == GRP_COMDAT ? "COMDAT " : "[unknown] ",
	    i, secname_print(f, i), gname, (uintmax_t)n);
	out("   [Index]    Name\n");
	for (j = 0; j < n && (j + 2) * 4 <= size; j++) {
		e = load32(p + 4 + j * 4, f->big);
		if (e >= f->eh.e_shnum || e >= f->shnum) {
			relf_error(f, "section [%5u] in group section [%5zu] > "
			    "maximum section", e, i);
			continue;
		}
		out("   [%5u]   %s\n", e, secname_short(f, e));
	}
}

void
dump_histogram(struct relf *f)
{
	hist_sysv(f);
	hist_gnu(f);
}

/* The table GNU prints, given each bucket's chain length. */
static void
histogram(size_t nb, const uint64_t *len, uint64_t nsyms, const char *what)
{
	uint64_t max = 0, *counts, nz = 0;
	size_t i;

	out("\nHistogram for %sbucket list length (total of %zu bucket%s):\n",
	    what, nb, nb == 1 ? "" : "s");
	out(" Length  Number     %% of total  Coverage\n");
	for (i = 0; i < nb; i++)
		if (len[i] > max)
			max = len[i];
	counts = xcalloc(max + 1, sizeof(*counts));
	for (i = 0; i < nb; i++)
		counts[len[i]]++;
	if (nb > 0) {
		out("      0  %-10ju (%5.1f%%)\n", (uintmax_t)counts[0],
		    counts[0] * 100.0 / nb);
		for (i = 1; i <= max; i++) {
			nz += counts[i] * i;
			out("%7zu  %-10ju (%5.1f%%)    %5.1f%%\n", i,
			    (uintmax_t)counts[i], counts[i] * 100.0 / nb,
			    nz * 100.0 / nsyms);
		}
	}
	free(counts);
}

static void
hist_sysv(struct relf *f)
{
	const unsigned char *p;
	uint64_t addr, off, nb, nc, *len, nsyms = 0, si, steps;
	int w = 4;
	bool have;
	size_t i;

	addr = relf_dyn_value(f, DT_HASH, &have);
	if (!have)
		return;
	if (f->is64 && (f->eh.e_machine == EM_S390 ||
	    f->eh.e_machine == EM_ALPHA))
		w = 8;
	off = relf_addr_off(f, addr);
	if ((p = span_range(f->img, off, 2 * w)) == NULL)
		return;
	nb = relf_word(f, p, w);
	nc = relf_word(f, p + w, w);
	if (nb > f->img.size / w || nc > f->img.size / w ||
	    (p = span_range(f->img, off + 2 * w, (nb + nc) * w)) == NULL) {
		relf_error(f, "DT_HASH table past end of file");
		return;
	}
	len = xcalloc(nb + 1, sizeof(*len));
	for (i = 0; i < nb; i++) {
		si = relf_word(f, p + i * w, w);
		for (steps = 0; si > 0 && steps <= nc; steps++) {
			nsyms++;
			len[i]++;
			if (si >= nc)
				break;
			si = relf_word(f, p + (nb + si) * w, w);
		}
	}
	histogram(nb, len, nsyms, "");
	free(len);
}

static void
hist_gnu(struct relf *f)
{
	const unsigned char *p, *b;
	uint64_t addr, off, nb, symidx, mw, *len, nsyms = 0, c, start, nchain;
	bool have, any = false;
	size_t i;

	addr = relf_dyn_value(f, DT_GNU_HASH, &have);
	if (!have)
		return;
	off = relf_addr_off(f, addr);
	if ((p = span_range(f->img, off, 16)) == NULL)
		return;
	nb = load32(p, f->big);
	symidx = load32(p + 4, f->big);
	mw = load32(p + 8, f->big) * (uint64_t)(f->is64 ? 8 : 4);
	start = off + 16 + mw;
	if (nb > f->img.size / 4 || (b = span_range(f->img, start, nb * 4)) ==
	    NULL) {
		relf_error(f, "DT_GNU_HASH table past end of file");
		return;
	}
	start += nb * 4;
	nchain = start <= f->img.size ? (f->img.size - start) / 4 : 0;
	for (i = 0; i < nb; i++)
		if (load32(b + i * 4, f->big) != 0) {
			any = true;
			if (load32(b + i * 4, f->big) < symidx)
				return;
		}
	if (!any)
		return;
	len = xcalloc(nb + 1, sizeof(*len));
	for (i = 0; i < nb; i++) {
		if (load32(b + i * 4, f->big) == 0)
			continue;
		len[i] = 1;
		for (c = load32(b + i * 4, f->big) - symidx; c < nchain &&
		    (load32(f->img.data + start + c * 4, f->big) & 1) == 0; c++)
			len[i]++;
		nsyms += len[i];
	}
	histogram(nb, len, nsyms, "`.gnu.hash' ");
	free(len);
}
