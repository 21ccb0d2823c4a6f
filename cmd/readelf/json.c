/*
 * json: --json, the same content as the text dumps as one JSON object per
 * file (main.c wraps them in {"files":[...]}).  Strings are escaped so
 * that any byte sequence in a file yields valid JSON: control characters
 * and bytes above 0x7e become \u00XX.  Numbers are JSON numbers except
 * addresses and sizes, which are hex strings ("0x401000"), since 64-bit
 * values do not survive a double.
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

static void	json_header(struct relf *);
static void	json_sections(struct relf *);
static void	json_segments(struct relf *);
static void	json_symbols(struct relf *, uint32_t);
static void	json_relocs(struct relf *);
static void	json_dynamic(struct relf *);

void
json_string(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	putchar('"');
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p > 0x7e)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void
key(const char *k)
{
	json_string(k);
	putchar(':');
}

static void
hexval(const char *k, uint64_t v)
{
	key(k);
	printf("\"0x%jx\"", (uintmax_t)v);
}

void
json_dump(struct relf *f)
{
	const struct readelf_opts *o = f->opts;

	out("{");
	key("file");
	json_string(f->name);
	out(",\"format\":\"elf\"");
	if (o->file_header)
		json_header(f);
	if (o->section_headers)
		json_sections(f);
	if (o->program_headers)
		json_segments(f);
	if (o->dynamic)
		json_dynamic(f);
	if (o->relocs)
		json_relocs(f);
	if (o->syms)
		json_symbols(f, SHT_SYMTAB);
	if (o->syms || o->dyn_syms)
		json_symbols(f, SHT_DYNSYM);
	out("}");
}

static void
json_header(struct relf *f)
{
	const GElf_Ehdr *e = &f->eh;
	const char *m = names_machine(e->e_machine);
	char buf[64];

	out(",\"header\":{\"class\":\"%s\",\"data\":\"%s\"",
	    f->is64 ? "ELF64" : "ELF32", f->big ? "big-endian" :
	    "little-endian");
	out(",\"osabi\":%u,\"abi_version\":%u", e->e_ident[EI_OSABI],
	    e->e_ident[EI_ABIVERSION]);
	out(",");
	key("type");
	json_string(e->e_type == ET_DYN && relf_is_pie(f) ?
	    "DYN (Position-Independent Executable file)" :
	    names_etype(e->e_type, buf, sizeof(buf)));
	out(",\"machine\":%u,", e->e_machine);
	key("machine_name");
	json_string(m != NULL ? m : "unknown");
	out(",");
	hexval("entry", e->e_entry);
	out(",\"phoff\":%ju,\"shoff\":%ju,", (uintmax_t)e->e_phoff,
	    (uintmax_t)e->e_shoff);
	hexval("flags", e->e_flags);
	out(",\"ehsize\":%u,\"phentsize\":%u,\"phnum\":%zu,\"shentsize\":%u,"
	    "\"shnum\":%zu,\"shstrndx\":%zu}", e->e_ehsize, e->e_phentsize,
	    f->phnum, e->e_shentsize, f->shnum, f->shstrndx);
}

static void
json_sections(struct relf *f)
{
	const GElf_Shdr *sh;
	char fl[80];
	size_t i;

	out(",\"sections\":[");
	for (i = 0; i < f->shnum; i++) {
		sh = &f->sh[i];
		out("%s{\"index\":%zu,", i ? "," : "", i);
		key("name");
		json_string(secname_print(f, i));
		out(",");
		key("type");
		json_string(names_shtype(f, sh->sh_type));
		out(",");
		hexval("address", sh->sh_addr);
		out(",");
		hexval("offset", sh->sh_offset);
		out(",");
		hexval("size", sh->sh_size);
		out(",\"entsize\":%ju,", (uintmax_t)sh->sh_entsize);
		key("flags");
		json_string(shdr_flag_letters(f, sh->sh_flags, fl));
		out(",\"link\":%u,\"info\":%u,\"align\":%ju}", sh->sh_link,
		    sh->sh_info, (uintmax_t)sh->sh_addralign);
	}
	out("]");
}

static void
json_segments(struct relf *f)
{
	const GElf_Phdr *ph;
	size_t i, j;
	bool first;

	out(",\"segments\":[");
	for (i = 0; i < f->phnum; i++) {
		ph = &f->ph[i];
		out("%s{", i ? "," : "");
		key("type");
		json_string(names_ptype(f, ph->p_type));
		out(",");
		hexval("offset", ph->p_offset);
		out(",");
		hexval("vaddr", ph->p_vaddr);
		out(",");
		hexval("paddr", ph->p_paddr);
		out(",");
		hexval("filesz", ph->p_filesz);
		out(",");
		hexval("memsz", ph->p_memsz);
		out(",\"flags\":\"%s%s%s\",", ph->p_flags & PF_R ? "R" : "",
		    ph->p_flags & PF_W ? "W" : "", ph->p_flags & PF_X ? "E" : "");
		hexval("align", ph->p_align);
		out(",\"sections\":[");
		for (j = 1, first = true; j < f->shnum; j++)
			if (section_in_segment(&f->sh[j], ph) &&
			    !((f->sh[j].sh_flags & SHF_TLS) &&
			    f->sh[j].sh_type == SHT_NOBITS &&
			    ph->p_type != PT_TLS)) {
				if (!first)
					out(",");
				json_string(secname_print(f, j));
				first = false;
			}
		out("]}");
	}
	out("]");
}

static void
json_symbols(struct relf *f, uint32_t type)
{
	const unsigned char *p;
	struct symver v;
	struct span strs;
	const char *name, *ver;
	char b1[64], b2[64];
	size_t i, n, idx;
	uint64_t size;
	unsigned other;
	int kind;
	GElf_Sym s;

	for (idx = 0; idx < f->shnum; idx++)
		if (f->sh[idx].sh_type == type)
			break;
	if (idx == f->shnum || f->sh[idx].sh_entsize == 0 ||
	    (p = relf_secdata(f, idx, &size)) == NULL)
		return;
	n = size / (f->is64 ? 24 : 16);
	strs = f->sh[idx].sh_link < f->shnum ? span_sub(f->img,
	    f->sh[f->sh[idx].sh_link].sh_offset,
	    f->sh[f->sh[idx].sh_link].sh_size) : (struct span){ NULL, 0 };
	symver_load(f, &v);
	out(type == SHT_SYMTAB ? ",\"symbols\":[" : ",\"dynamic_symbols\":[");
	for (i = 0; i < n; i++) {
		relf_sym(f, p + i * (f->is64 ? 24 : 16), &s);
		name = relf_string_span(strs, s.st_name);
		out("%s{\"index\":%zu,", i ? "," : "", i);
		hexval("value", s.st_value);
		out(",\"size\":%ju,", (uintmax_t)s.st_size);
		key("type");
		json_string(names_symtype(f, GELF_ST_TYPE(s.st_info), b1,
		    sizeof(b1)));
		out(",");
		key("bind");
		json_string(names_symbind(f, GELF_ST_BIND(s.st_info), b2,
		    sizeof(b2)));
		out(",\"visibility\":%u,", GELF_ST_VISIBILITY(s.st_other));
		key("ndx");
		json_string(names_shndx(f, s.st_shndx, b1, sizeof(b1)));
		out(",");
		key("name");
		json_string(name != NULL ? name : "<corrupt>");
		ver = type == SHT_DYNSYM ? symver_name(f, &v, strs, i, &s,
		    &kind, &other) : NULL;
		if (ver != NULL) {
			out(",");
			key("version");
			json_string(ver);
			out(",\"version_kind\":\"%s\"", kind == 'u' ? "needed" :
			    kind == 'h' ? "hidden" : "default");
		}
		out("}");
	}
	out("]");
	symver_free(&v);
}

static void
json_relocs(struct relf *f)
{
	const unsigned char *p;
	size_t i, w = f->is64 ? 8 : 4, esz;
	uint64_t size, j, info, type;
	const char *name;
	bool rela, first = true;

	out(",\"relocations\":[");
	for (i = 0; i < f->shnum; i++) {
		if (f->sh[i].sh_type != SHT_REL && f->sh[i].sh_type != SHT_RELA)
			continue;
		rela = f->sh[i].sh_type == SHT_RELA;
		esz = w * (rela ? 3 : 2);
		if ((p = relf_secdata(f, i, &size)) == NULL)
			continue;
		for (j = 0; j + esz <= size; j += esz) {
			info = relf_word(f, p + j + w, (int)w);
			type = f->is64 ? info & 0xffffffff : info & 0xff;
			name = names_reloc(f->eh.e_machine, (uint32_t)type);
			out("%s{", first ? "" : ",");
			first = false;
			key("section");
			json_string(secname_print(f, i));
			out(",");
			hexval("offset", relf_word(f, p + j, (int)w));
			out(",\"type\":%ju,", (uintmax_t)type);
			key("type_name");
			json_string(name != NULL ? name : "unrecognized");
			out(",\"symbol_index\":%ju", (uintmax_t)(f->is64 ?
			    info >> 32 : info >> 8));
			if (rela)
				out(",\"addend\":%jd", (intmax_t)(f->is64 ?
				    (int64_t)load64(p + j + 16, f->big) :
				    (int32_t)load32(p + j + 8, f->big)));
			out("}");
		}
	}
	out("]");
}

static void
json_dynamic(struct relf *f)
{
	uint64_t off, size, val;
	struct span strs = dyn_strings(f);
	int64_t tag;
	size_t i;

	out(",\"dynamic\":[");
	if (relf_dynamic(f, &off, &size) == 0) {
		for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0;
		    i++) {
			out("%s{", i ? "," : "");
			key("tag");
			json_string(names_dtag(f, (uint64_t)tag));
			out(",");
			hexval("value", val);
			if ((tag == DT_NEEDED || tag == DT_SONAME ||
			    tag == DT_RUNPATH || tag == DT_RPATH) &&
			    strs.data != NULL && val < strs.size &&
			    memchr(strs.data + val, 0, strs.size - val) != NULL) {
				out(",");
				key("name");
				json_string((const char *)strs.data + val);
			}
			out("}");
			if (tag == DT_NULL)
				break;
		}
	}
	out("]");
}
