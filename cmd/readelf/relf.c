/*
 * relf: the ELF file as readelf sees it.  The ELF header, section header
 * table and program header table are decoded (any class, any byte order)
 * into GElf_* structures; everything else is read in place from the
 * mapped image through span_range.  The layout of the headers is the gABI
 * chapter 4 ("ELF Header", "Sections") and chapter 5 ("Program Header").
 *
 * A table that lies outside the file is reported and treated as absent,
 * so that the dumps print what they can.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "line.h"
#include "readelf.h"
#include "xalloc.h"

static int	load_ehdr(struct relf *);
static void	load_shdrs(struct relf *);
static void	load_phdrs(struct relf *);

int
relf_load(struct relf *f, const char *name, struct span s,
    const struct readelf_opts *o)
{
	memset(f, 0, sizeof(*f));
	f->name = name;
	f->img = s;
	f->opts = o;
	if (load_ehdr(f) == -1)
		return -1;
	load_shdrs(f);
	load_phdrs(f);
	return 0;
}

void
relf_free(struct relf *f)
{
	free(f->sh);
	free(f->ph);
	f->sh = NULL;
	f->ph = NULL;
}

/* A message about f after the output so far, which ends its line first. */
static void
say(struct relf *f, bool warn, const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	line_end();
	fflush(stdout);
	if (warn)
		diag_warn(f->name, "%s", msg);
	else
		diag_error(f->name, "%s", msg);
}

void
relf_error(struct relf *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(f, false, fmt, ap);
	va_end(ap);
	f->errors++;
}

void
relf_warn(struct relf *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(f, true, fmt, ap);
	va_end(ap);
}

uint64_t
relf_word(const struct relf *f, const unsigned char *p, int bytes)
{
	switch (bytes) {
	case 1:
		return p[0];
	case 2:
		return load16(p, f->big);
	case 4:
		return load32(p, f->big);
	default:
		return load64(p, f->big);
	}
}

/* Decode the ELF header; the identification bytes were checked by
   filetype_detect (magic) but class and data are checked here. */
static int
load_ehdr(struct relf *f)
{
	const unsigned char *p;
	GElf_Ehdr *e = &f->eh;
	int w;

	p = span_range(f->img, 0, EI_NIDENT);
	if (p == NULL) {
		relf_error(f, "file too short for an ELF header");
		return -1;
	}
	memcpy(e->e_ident, p, EI_NIDENT);
	if (p[EI_CLASS] != ELFCLASS32 && p[EI_CLASS] != ELFCLASS64) {
		relf_error(f, "unknown ELF class %u", p[EI_CLASS]);
		return -1;
	}
	f->is64 = p[EI_CLASS] == ELFCLASS64;
	f->big = p[EI_DATA] == ELFDATA2MSB;
	w = f->is64 ? 8 : 4;
	p = span_range(f->img, 0, f->is64 ? 64 : 52);
	if (p == NULL) {
		relf_error(f, "file too short for an ELF header");
		return -1;
	}
	e->e_type = load16(p + 16, f->big);
	e->e_machine = load16(p + 18, f->big);
	e->e_version = load32(p + 20, f->big);
	e->e_entry = relf_word(f, p + 24, w);
	e->e_phoff = relf_word(f, p + 24 + w, w);
	e->e_shoff = relf_word(f, p + 24 + 2 * w, w);
	p += 24 + 3 * w;
	e->e_flags = load32(p, f->big);
	e->e_ehsize = load16(p + 4, f->big);
	e->e_phentsize = load16(p + 6, f->big);
	e->e_phnum = load16(p + 8, f->big);
	e->e_shentsize = load16(p + 10, f->big);
	e->e_shnum = load16(p + 12, f->big);
	e->e_shstrndx = load16(p + 14, f->big);
	return 0;
}

static void
decode_shdr(const struct relf *f, const unsigned char *p, GElf_Shdr *sh)
{
	int w = f->is64 ? 8 : 4;

	sh->sh_name = load32(p, f->big);
	sh->sh_type = load32(p + 4, f->big);
	sh->sh_flags = relf_word(f, p + 8, w);
	sh->sh_addr = relf_word(f, p + 8 + w, w);
	sh->sh_offset = relf_word(f, p + 8 + 2 * w, w);
	sh->sh_size = relf_word(f, p + 8 + 3 * w, w);
	p += 8 + 4 * w;
	sh->sh_link = load32(p, f->big);
	sh->sh_info = load32(p + 4, f->big);
	sh->sh_addralign = relf_word(f, p + 8, w);
	sh->sh_entsize = relf_word(f, p + 8 + w, w);
}

static void
load_shdrs(struct relf *f)
{
	size_t entsz = f->is64 ? 64 : 40, i, n;
	const unsigned char *p;
	GElf_Shdr sh0;

	if (f->eh.e_shoff == 0)
		return;
	p = span_range(f->img, f->eh.e_shoff, entsz);
	if (p == NULL || f->eh.e_shentsize < entsz) {
		if (f->eh.e_shnum != 0 || p == NULL)
			relf_error(f, "section headers: %s", p == NULL ?
			    "offset past end of file" : "entry size too small");
		return;
	}
	decode_shdr(f, p, &sh0);
	n = f->eh.e_shnum;
	if (n == 0)
		n = sh0.sh_size;
	if (n == 0)
		return;
	if (n > (f->img.size - f->eh.e_shoff) / f->eh.e_shentsize) {
		relf_error(f, "section headers: %zu entries extend past end "
		    "of file", n);
		return;
	}
	f->sh = xreallocarray(NULL, n, sizeof(*f->sh));
	for (i = 0; i < n; i++)
		decode_shdr(f, f->img.data + f->eh.e_shoff +
		    i * f->eh.e_shentsize, &f->sh[i]);
	f->shnum = n;
	f->shstrndx = f->eh.e_shstrndx;
	if (f->shstrndx == SHN_XINDEX)
		f->shstrndx = sh0.sh_link;
	if (f->shstrndx >= n) {
		f->shstrndx = 0;
		relf_error(f, "section name table index %u out of range",
		    f->eh.e_shstrndx);
	} else if (f->shstrndx != 0) {
		f->shstr = span_sub(f->img, f->sh[f->shstrndx].sh_offset,
		    f->sh[f->shstrndx].sh_size);
		if (f->sh[f->shstrndx].sh_type == SHT_NOBITS)
			f->shstr.data = NULL;
	}
}

static void
load_phdrs(struct relf *f)
{
	size_t entsz = f->is64 ? 56 : 32, i, n;
	const unsigned char *p;
	GElf_Phdr *ph;

	n = f->eh.e_phnum;
	if (n == PN_XNUM && f->shnum > 0)
		n = f->sh[0].sh_info;
	if (n == 0 || f->eh.e_phoff == 0)
		return;
	if (f->eh.e_phentsize < entsz || f->eh.e_phoff > f->img.size ||
	    n > (f->img.size - f->eh.e_phoff) / f->eh.e_phentsize) {
		relf_error(f, "program headers: %s",
		    f->eh.e_phentsize < entsz ? "entry size too small" :
		    "extend past end of file");
		return;
	}
	f->ph = xreallocarray(NULL, n, sizeof(*f->ph));
	for (i = 0; i < n; i++) {
		p = f->img.data + f->eh.e_phoff + i * f->eh.e_phentsize;
		ph = &f->ph[i];
		ph->p_type = load32(p, f->big);
		if (f->is64) {
			ph->p_flags = load32(p + 4, f->big);
			ph->p_offset = load64(p + 8, f->big);
			ph->p_vaddr = load64(p + 16, f->big);
			ph->p_paddr = load64(p + 24, f->big);
			ph->p_filesz = load64(p + 32, f->big);
			ph->p_memsz = load64(p + 40, f->big);
			ph->p_align = load64(p + 48, f->big);
		} else {
			ph->p_offset = load32(p + 4, f->big);
			ph->p_vaddr = load32(p + 8, f->big);
			ph->p_paddr = load32(p + 12, f->big);
			ph->p_filesz = load32(p + 16, f->big);
			ph->p_memsz = load32(p + 20, f->big);
			ph->p_flags = load32(p + 24, f->big);
			ph->p_align = load32(p + 28, f->big);
		}
	}
	f->phnum = n;
}

const char *
relf_string_span(struct span s, uint64_t off)
{
	const char *p;

	if (s.data == NULL || off >= s.size)
		return NULL;
	p = (const char *)s.data + off;
	if (memchr(p, '\0', s.size - off) == NULL)
		return NULL;
	return p;
}

/* relf_string_span that also gives the string's length. */
const char *
relf_string_len(struct span s, uint64_t off, size_t *len)
{
	const char *p, *e;

	if (s.data == NULL || off >= s.size)
		return NULL;
	p = (const char *)s.data + off;
	if ((e = memchr(p, '\0', s.size - off)) == NULL)
		return NULL;
	*len = (size_t)(e - p);
	return p;
}

const char *
relf_secname(const struct relf *f, size_t idx)
{
	const char *s;

	if (idx >= f->shnum)
		return "<corrupt>";
	if (f->shstr.data == NULL)
		return "";
	s = relf_string_span(f->shstr, f->sh[idx].sh_name);
	return s != NULL ? s : "<corrupt>";
}

const char *
relf_string(const struct relf *f, size_t strndx, uint64_t off)
{
	struct span s;

	if (strndx == 0 || strndx >= f->shnum ||
	    f->sh[strndx].sh_type == SHT_NOBITS)
		return NULL;
	s = span_sub(f->img, f->sh[strndx].sh_offset, f->sh[strndx].sh_size);
	return relf_string_span(s, off);
}

const unsigned char *
relf_secdata(struct relf *f, size_t idx, uint64_t *size)
{
	const unsigned char *p;
	const GElf_Shdr *sh;

	*size = 0;
	if (idx >= f->shnum)
		return NULL;
	sh = &f->sh[idx];
	if (sh->sh_type == SHT_NOBITS || sh->sh_size == 0)
		return (const unsigned char *)"";
	p = span_range(f->img, sh->sh_offset, sh->sh_size);
	if (p == NULL) {
		relf_error(f, "section %zu: offset %#jx size %#jx past end of "
		    "file", idx, (uintmax_t)sh->sh_offset,
		    (uintmax_t)sh->sh_size);
		return NULL;
	}
	*size = sh->sh_size;
	return p;
}

int
relf_vaddr_off(const struct relf *f, uint64_t vaddr, uint64_t *off)
{
	const GElf_Phdr *ph;
	size_t i;

	for (i = 0; i < f->phnum; i++) {
		ph = &f->ph[i];
		if (ph->p_type != PT_LOAD)
			continue;
		if (vaddr >= ph->p_vaddr && vaddr - ph->p_vaddr < ph->p_filesz) {
			*off = vaddr - ph->p_vaddr + ph->p_offset;
			return 0;
		}
	}
	return -1;
}

/*
 * Where the dynamic section is, found as GNU readelf finds it: through
 * PT_DYNAMIC, then the ".dynamic" section when there are section
 * headers.  Returns 0 with the range set, or -1 when there is none.
 */
int
relf_dynamic(const struct relf *f, uint64_t *off, uint64_t *size)
{
	size_t i;

	for (i = 0; i < f->phnum; i++)
		if (f->ph[i].p_type == PT_DYNAMIC)
			break;
	if (i == f->phnum)
		return -1;
	*off = f->ph[i].p_offset;
	*size = f->ph[i].p_filesz;
	if (f->shnum == 0)
		return 0;
	for (i = 1; i < f->shnum; i++)
		if (strcmp(relf_secname(f, i), ".dynamic") == 0)
			break;
	if (i == f->shnum || f->sh[i].sh_size == 0)
		return 0;	/* GNU keeps the segment's range */
	if (f->sh[i].sh_type == SHT_NOBITS)
		return -1;
	*off = f->sh[i].sh_offset;
	*size = f->sh[i].sh_size;
	return 0;
}

/* Dynamic entry i of the table at [off, off+size): tag and value. */
int
relf_dynent(const struct relf *f, uint64_t off, uint64_t size, size_t i,
    int64_t *tag, uint64_t *val)
{
	size_t esz = f->is64 ? 16 : 8;
	const unsigned char *p;

	if (i >= size / esz)
		return -1;
	p = span_range(f->img, off + i * esz, esz);
	if (p == NULL)
		return -1;
	if (f->is64) {
		*tag = (int64_t)load64(p, f->big);
		*val = load64(p + 8, f->big);
	} else {
		*tag = (int32_t)load32(p, f->big);
		*val = load32(p + 4, f->big);
	}
	return 0;
}

/* DT_FLAGS_1 has DF_1_PIE: GNU calls such an ET_DYN an executable. */
bool
relf_is_pie(const struct relf *f)
{
	uint64_t off, size, val;
	int64_t tag;
	size_t i;

	if (relf_dynamic(f, &off, &size) == -1)
		return false;
	for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0; i++) {
		if (tag == DT_NULL)
			break;
		if (tag == DT_FLAGS_1)
			return (val & DF_1_PIE) != 0;
	}
	return false;
}

/* Is name (len bytes) the program interpreter PT_INTERP names? */
bool
relf_interp_is(const struct relf *f, const char *name, size_t len)
{
	const char *p;
	size_t i;

	for (i = 0; i < f->phnum; i++) {
		if (f->ph[i].p_type != PT_INTERP || f->ph[i].p_filesz == 0)
			continue;
		p = span_range(f->img, f->ph[i].p_offset, f->ph[i].p_filesz);
		if (p == NULL)
			return false;
		return strnlen(p, f->ph[i].p_filesz) == len &&
		    memcmp(p, name, len) == 0;
	}
	return false;
}
