/*
 * elfobj: ELF access through libelf (elfutils), with our own checks on
 * every offset, size and index before libelf or the caller trusts them.
 * The file is already mapped (mapfile); elf_memory reads it in place and
 * converts to host byte order only what is asked for.
 *
 * Spec: the System V gABI, "Object Files" chapter.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "elfobj.h"

static int fail(struct elfobj *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static int elfobj_check_shdrs(struct elfobj *);

static int
fail(struct elfobj *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(o->err, sizeof(o->err), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * The section header table the ELF header claims must lie inside the
 * file: libelf quietly reports no sections otherwise.  With e_shnum 0
 * the count is in section 0's sh_size (gABI, extended numbering).
 */
static int
elfobj_check_shdrs(struct elfobj *o)
{
	uint64_t n = o->ehdr.e_shnum, entsize;
	const unsigned char *p;
	bool is64 = o->image.data[EI_CLASS] == ELFCLASS64;

	entsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (o->ehdr.e_shentsize != entsize)
		return fail(o, "section header size %u, not %ju",
		    (unsigned)o->ehdr.e_shentsize, (uintmax_t)entsize);
	if (n == 0) {
		if ((p = span_range(o->image, o->ehdr.e_shoff, entsize)) ==
		    NULL)
			return fail(o, "section headers outside the file");
		n = is64 ? load64(p + 32, o->image.data[EI_DATA] ==
		    ELFDATA2MSB) : load32(p + 20, o->image.data[EI_DATA] ==
		    ELFDATA2MSB);
	}
	if (n > o->image.size / entsize ||
	    span_range(o->image, o->ehdr.e_shoff, n * entsize) == NULL)
		return fail(o, "section headers outside the file (offset %ju, "
		    "%ju entries)", (uintmax_t)o->ehdr.e_shoff, (uintmax_t)n);
	return 0;
}

void
elfobj_init(void)
{
	(void)elf_version(EV_CURRENT);
}

int
elfobj_open(struct elfobj *o, const char *name, struct span s)
{
	const unsigned char *id = s.data;
	uint64_t shentsize, phentsize;

	memset(o, 0, sizeof(*o));
	o->name = name;
	o->image = s;
	if (s.size < EI_NIDENT || memcmp(id, ELFMAG, SELFMAG) != 0)
		return fail(o, "not an ELF file");
	if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64)
		return fail(o, "unknown ELF class %u", id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
		return fail(o, "unknown ELF byte order %u", id[EI_DATA]);
	o->elf = elf_memory((char *)s.data, (size_t)s.size);
	if (o->elf == NULL || elf_kind(o->elf) != ELF_K_ELF) {
		/* libelf refuses some bad headers without saying why. */
		int e = elf_errno();

		return fail(o, "cannot read ELF header: %s", e != 0 ?
		    elf_errmsg(e) : "malformed header");
	}
	if (gelf_getehdr(o->elf, &o->ehdr) == NULL)
		return fail(o, "cannot read ELF header: %s", elf_errmsg(-1));
	o->elfclass = id[EI_CLASS];
	o->big = id[EI_DATA] == ELFDATA2MSB;
	shentsize = o->elfclass == ELFCLASS64 ? sizeof(Elf64_Shdr) :
	    sizeof(Elf32_Shdr);
	phentsize = o->elfclass == ELFCLASS64 ? sizeof(Elf64_Phdr) :
	    sizeof(Elf32_Phdr);
	if (o->ehdr.e_shoff != 0) {
		if (elfobj_check_shdrs(o) == -1)
			return -1;
		if (elf_getshdrnum(o->elf, &o->shnum) != 0)
			return fail(o, "cannot read section headers: %s",
			    elf_errmsg(-1));
		if (o->shnum != 0 && (o->ehdr.e_shentsize != shentsize ||
		    span_range(s, o->ehdr.e_shoff,
		    (uint64_t)o->shnum * shentsize) == NULL))
			return fail(o, "section headers outside the file");
		if (o->shnum != 0 &&
		    (elf_getshdrstrndx(o->elf, &o->shstrndx) != 0 ||
		    o->shstrndx >= o->shnum))
			o->shstrndx = 0;
	}
	if (o->ehdr.e_phoff != 0) {
		if (elf_getphdrnum(o->elf, &o->phnum) != 0)
			o->phnum = 0;
		if (o->phnum != 0 && (o->ehdr.e_phentsize != phentsize ||
		    span_range(s, o->ehdr.e_phoff,
		    (uint64_t)o->phnum * phentsize) == NULL))
			o->phnum = 0;
	}
	return 0;
}

void
elfobj_close(struct elfobj *o)
{
	if (o->elf != NULL)
		elf_end(o->elf);
	o->elf = NULL;
}

int
elfobj_shdr(struct elfobj *o, size_t idx, GElf_Shdr *sh)
{
	Elf_Scn *scn;

	if (idx >= o->shnum || (scn = elf_getscn(o->elf, idx)) == NULL ||
	    gelf_getshdr(scn, sh) == NULL)
		return fail(o, "section %zu: cannot read section header", idx);
	return 0;
}

const char *
elfobj_string(Elf_Data *strs, uint64_t off)
{
	const char *p;

	if (strs == NULL || strs->d_buf == NULL || off >= strs->d_size)
		return NULL;
	p = (const char *)strs->d_buf + off;
	if (memchr(p, '\0', strs->d_size - (size_t)off) == NULL)
		return NULL;
	return p;
}

const char *
elfobj_section_name(struct elfobj *o, size_t idx)
{
	GElf_Shdr sh, strsh;
	Elf_Data *d;
	const char *s;

	if (elfobj_shdr(o, idx, &sh) == -1)
		return NULL;
	if (o->shstrndx == 0 || elfobj_shdr(o, o->shstrndx, &strsh) == -1 ||
	    strsh.sh_type != SHT_STRTAB) {
		fail(o, "no section name string table");
		return NULL;
	}
	if ((d = elfobj_data(o, o->shstrndx)) == NULL)
		return NULL;
	if ((s = elfobj_string(d, sh.sh_name)) == NULL)
		fail(o, "section %zu: name offset %u out of range", idx,
		    (unsigned)sh.sh_name);
	return s;
}

int
elfobj_raw(struct elfobj *o, size_t idx, struct span *out)
{
	GElf_Shdr sh;

	if (elfobj_shdr(o, idx, &sh) == -1)
		return -1;
	if (sh.sh_type == SHT_NOBITS) {
		out->data = NULL;
		out->size = 0;
		return 0;
	}
	*out = span_sub(o->image, sh.sh_offset, sh.sh_size);
	if (out->data == NULL && sh.sh_size != 0)
		return fail(o, "section %zu: offset past end of file", idx);
	return 0;
}

Elf_Data *
elfobj_data(struct elfobj *o, size_t idx)
{
	struct span raw;
	Elf_Scn *scn;
	Elf_Data *d;

	if (elfobj_raw(o, idx, &raw) == -1)
		return NULL;
	if ((scn = elf_getscn(o->elf, idx)) == NULL ||
	    (d = elf_getdata(scn, NULL)) == NULL) {
		fail(o, "section %zu: cannot read data: %s", idx,
		    elf_errmsg(-1));
		return NULL;
	}
	return d;
}

int
elfobj_symtab(struct elfobj *o, uint32_t type, struct elfobj_symtab *st)
{
	GElf_Shdr sh, lsh;
	uint64_t entsize;
	size_t i;

	memset(st, 0, sizeof(*st));
	for (i = 1; i < o->shnum; i++) {
		if (elfobj_shdr(o, i, &sh) == -1)
			return -1;
		if (sh.sh_type == type)
			break;
	}
	if (i >= o->shnum)
		return 0;
	st->scn = i;
	st->shdr = sh;
	entsize = gelf_fsize(o->elf, ELF_T_SYM, 1, EV_CURRENT);
	if (sh.sh_entsize != entsize)
		return fail(o, "section %zu: symbol entry size %ju, not %ju", i,
		    (uintmax_t)sh.sh_entsize, (uintmax_t)entsize);
	if ((st->data = elfobj_data(o, i)) == NULL)
		return -1;
	st->count = sh.sh_size / entsize;
	if (sh.sh_link == 0 || sh.sh_link >= o->shnum || sh.sh_link == i)
		return fail(o, "section %zu: bad string table link %u", i,
		    (unsigned)sh.sh_link);
	if (elfobj_shdr(o, sh.sh_link, &lsh) == -1)
		return -1;
	if (lsh.sh_type != SHT_STRTAB)
		return fail(o, "section %zu: linked section %u is not a "
		    "string table", i, (unsigned)sh.sh_link);
	if ((st->strs = elfobj_data(o, sh.sh_link)) == NULL)
		return -1;
	/* Companions name the symbol table through their sh_link. */
	for (size_t j = 1; j < o->shnum; j++) {
		if (elfobj_shdr(o, j, &lsh) == -1 || lsh.sh_link != i)
			continue;
		if (lsh.sh_type == SHT_SYMTAB_SHNDX)
			st->shndx = elfobj_data(o, j);
		else if (lsh.sh_type == SHT_GNU_versym)
			st->versym = elfobj_data(o, j);
	}
	return 1;
}

int
elfobj_sym(struct elfobj *o, const struct elfobj_symtab *st, size_t i,
    GElf_Sym *sym, const char **name)
{
	const char *n;

	if (i >= st->count || gelf_getsym(st->data, (int)i, sym) == NULL)
		return fail(o, "symbol %zu: cannot read", i);
	n = elfobj_string(st->strs, sym->st_name);
	if (n == NULL) {
		*name = "";
		return fail(o, "symbol %zu: name offset %u out of range", i,
		    (unsigned)sym->st_name);
	}
	*name = n;
	return 0;
}

size_t
elfobj_sym_shndx(const struct elfobj_symtab *st, size_t i,
    const GElf_Sym *sym)
{
	Elf32_Word x;

	if (sym->st_shndx != SHN_XINDEX)
		return sym->st_shndx;
	if (st->shndx == NULL || (i + 1) * sizeof(x) > st->shndx->d_size)
		return 0;
	memcpy(&x, (const char *)st->shndx->d_buf + i * sizeof(x), sizeof(x));
	return x;
}
