/*
 * -n: note sections, or PT_NOTE segments when there are no note sections
 * (gABI chapter 5, "Note Section").  Each note is a header (namesz,
 * descsz, type), the owner name and the descriptor, both padded to the
 * note alignment (4, or 8 in 64-bit files that ask for it).  The GNU
 * notes (build ID, ABI tag, gold version, properties), SystemTap probes
 * and FDO package metadata are decoded as GNU readelf decodes them;
 * anything else is shown as bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "xalloc.h"

static void	notes_at(struct relf *, size_t, uint64_t, uint64_t, uint64_t);
static void	print_note(struct relf *, const struct note *);
static bool	print_gnu(struct relf *, const struct note *);
static bool	print_stapsdt(struct relf *, const struct note *);
static void	print_property(struct relf *, const struct note *);
static void	print_bits(uint32_t, const char *const *, size_t);
static const char *note_type(const struct relf *, const struct note *,
		    char *, size_t);

void
dump_notes(struct relf *f)
{
	size_t i, n = 0;

	if (f->eh.e_type != ET_CORE && f->eh.e_shnum != 0) {
		for (i = 0; i < f->shnum; i++)
			if (f->sh[i].sh_type == SHT_NOTE) {
				notes_at(f, i, f->sh[i].sh_offset,
				    f->sh[i].sh_size, f->sh[i].sh_addralign);
				n++;
			}
		if (n > 0)
			return;
	}
	for (i = 0; i < f->phnum; i++)
		if (f->ph[i].p_type == PT_NOTE)
			notes_at(f, 0, f->ph[i].p_offset, f->ph[i].p_filesz,
			    f->ph[i].p_align);
}

static void
notes_at(struct relf *f, size_t sec, uint64_t off, uint64_t len,
    uint64_t align)
{
	const unsigned char *p, *q, *end, *start;
	unsigned char *copy = NULL;
	uint64_t doff, next;
	char small[256];
	struct note n;

	if (len == 0)
		return;
	if ((start = span_range(f->img, off, len)) == NULL) {
		relf_error(f, "notes at offset %#jx: past end of file",
		    (uintmax_t)off);
		return;
	}
	if (sec != 0 && f->eh.e_type == ET_REL) {
		copy = xmalloc(len);
		memcpy(copy, start, len);
		reloc_apply(f, sec, copy, len);
		start = copy;
	}
	if (sec != 0)
		out("\nDisplaying notes found in: %s\n", secname_print(f, sec));
	else
		out("\nDisplaying notes found at file offset 0x%08jx with "
		    "length 0x%08jx:\n", (uintmax_t)off, (uintmax_t)len);
	if (align < 4)
		align = 4;
	else if (align != 4 && align != 8) {
		relf_error(f, "corrupt note: alignment %ju, expecting 4 or 8",
		    (uintmax_t)align);
		free(copy);
		return;
	}
	out("  %-20s %-10s\tDescription\n", "Owner", "Data size");
	for (p = start, end = p + len; p < end; p = q + next) {
		q = p;
		if (end - p < 12) {
			relf_error(f, "corrupt note: only %td bytes remain",
			    end - p);
			break;
		}
		n.namesz = load32(p, f->big);
		n.descsz = load32(p + 4, f->big);
		n.type = load32(p + 8, f->big);
		doff = (12 + n.namesz + align - 1) & ~(align - 1);
		next = doff + ((n.descsz + align - 1) & ~(align - 1));
		if (n.namesz > UINT32_MAX || doff > (uint64_t)(end - p) ||
		    next > (uint64_t)(end - p) || next < doff) {
			relf_error(f, "note with invalid namesz and/or descsz "
			    "at offset %#tx", p - start);
			break;
		}
		/* The name with a NUL after namesz bytes, as GNU reads it. */
		n.name = n.namesz < sizeof(small) ? small :
		    xmalloc(n.namesz + 1);
		memcpy(n.name, p + 12, n.namesz);
		n.name[n.namesz] = '\0';
		n.raw = p + 12;
		n.rawlen = (size_t)(end - n.raw);
		n.desc = p + doff;
		print_note(f, &n);
		if (n.name != small)
			free(n.name);
	}
	free(copy);
}

static const char *
note_type(const struct relf *f, const struct note *n, char *buf, size_t len)
{
	const char *t;
	static const char *gnu[] = { NULL, "NT_GNU_ABI_TAG (ABI version tag)",
	    "NT_GNU_HWCAP (DSO-supplied software HWCAP info)",
	    "NT_GNU_BUILD_ID (unique build ID bitstring)",
	    "NT_GNU_GOLD_VERSION (gold version)", "NT_GNU_PROPERTY_TYPE_0" };

	if (n->namesz != 0 && strncmp(n->name, "GNU", 3) == 0) {
		if (n->type >= 1 && n->type <= 5)
			return gnu[n->type];
		if (n->type == 0x100)
			return "NT_GNU_BUILD_ATTRIBUTE_OPEN";
		if (n->type == 0x101)
			return "NT_GNU_BUILD_ATTRIBUTE_FUNC";
	} else if (n->namesz != 0 && strncmp(n->name, "stapsdt", 7) == 0) {
		if (n->type == 3)
			return "NT_STAPSDT (SystemTap probe descriptors)";
	} else if (f->eh.e_type == ET_CORE) {
		if ((t = core_note_type(n->type)) != NULL)
			return t;
	} else {
		switch (n->type) {
		case 1:	return "NT_VERSION (version)";
		case 2:	return "NT_ARCH (architecture)";
		case 0x100: return "OPEN";
		case 0x101: return "func";
		case 4:	return "GO BUILDID";
		case 0xcafe1a7e: return "FDO_PACKAGING_METADATA";
		}
	}
	snprintf(buf, len, "Unknown note type: (0x%08x)", n->type);
	return buf;
}

static void
print_note(struct relf *f, const struct note *n)
{
	char buf[64];
	const char *t = note_type(f, n, buf, sizeof(buf));
	uint64_t i;

	out("  ");
	if (buildattr_note(n))
		buildattr_name(f, n);
	else
		out_symbol(f, -20, n->namesz != 0 ? n->name : "(NONE)");
	out(f->opts->wide ? " 0x%08jx\t%s\t" : " 0x%08jx\t%s\n",
	    (uintmax_t)n->descsz, t);
	if (strncmp(n->name, "GNU", 3) == 0 && print_gnu(f, n))
		return;
	if (strncmp(n->name, "stapsdt", 7) == 0 && print_stapsdt(f, n))
		return;
	if (strncmp(n->name, "CORE", 4) == 0) {
		core_note(f, n->type, n->desc, n->descsz);
		return;
	}
	if (buildattr_note(n)) {
		buildattr_desc(f, n);
		return;
	}
	if (strncmp(n->name, "FDO", 3) == 0 && n->descsz > 0 &&
	    n->type == 0xcafe1a7e) {
		out("    Packaging Metadata: %.*s\n", (int)strnlen(
		    (const char *)n->desc, n->descsz), n->desc);
		return;
	}
	if (n->descsz != 0) {
		out("   description data: ");
		for (i = 0; i < n->descsz; i++)
			out("%02x ", n->desc[i]);
		if (!f->opts->wide)
			out("\n");
	}
	if (f->opts->wide)
		out("\n");
}

static bool
print_gnu(struct relf *f, const struct note *n)
{
	static const char *os[] = { "Linux", "Hurd", "Solaris", "FreeBSD",
	    "NetBSD", "Syllable", "NaCl" };
	uint32_t o;
	uint64_t i;

	switch (n->type) {
	case 3:
		out("    Build ID: ");
		for (i = 0; i < n->descsz; i++)
			out("%02x", n->desc[i]);
		out("\n");
		return true;
	case 1:
		if (n->descsz < 16) {
			out("    <corrupt GNU_ABI_TAG>\n");
			return true;
		}
		o = load32(n->desc, f->big);
		out("    OS: %s, ABI: %u.%u.%u\n", o < 7 ? os[o] : "Unknown",
		    load32(n->desc + 4, f->big), load32(n->desc + 8, f->big),
		    load32(n->desc + 12, f->big));
		return true;
	case 4:
		out("    Version: ");
		for (i = 0; i < n->descsz && n->desc[i] != '\0'; i++)
			out("%c", n->desc[i]);
		out("\n");
		return true;
	case 2:
		out("      Hardware Capabilities: ");
		if (n->descsz < 8) {
			relf_error(f, "corrupt GNU_HWCAP note");
			return true;
		}
		out("num entries: %u, enabled mask: %x\n",
		    load32(n->desc, f->big), load32(n->desc + 4, f->big));
		return true;
	case 5:
		print_property(f, n);
		return true;
	}
	out("    Description data: ");
	for (i = 0; i < n->descsz; i++)
		out("%02x ", n->desc[i]);
	out("\n");
	return true;
}

static void
print_bits(uint32_t v, const char *const *names, size_t n)
{
	uint32_t bit;
	unsigned b;

	if (v == 0) {
		out("<None>");
		return;
	}
	while (v != 0) {
		bit = v & -v;
		v &= ~bit;
		b = (unsigned)__builtin_ctz(bit);
		if (b < n && names[b] != NULL)
			out("%s", names[b]);
		else
			out("<unknown: %x>", bit);
		if (v != 0)
			out(", ");
	}
}

/* One x86 or AArch64 processor property; false if not one of those. */
static bool
print_proc_property(struct relf *f, uint32_t type, uint32_t sz,
    const unsigned char *d)
{
	static const char *const isa[] = { "x86-64-baseline", "x86-64-v2",
	    "x86-64-v3", "x86-64-v4" };
	static const char *const feat1[] = { "IBT", "SHSTK", "LAM_U48",
	    "LAM_U57" };
	static const char *const feat2[] = { "x86", "x87", "MMX", "XMM",
	    "YMM", "ZMM", "TMM", "MASK", "FXSR", "XSAVE", "XSAVEOPT",
	    "XSAVEC" };
	static const char *const a64[] = { "BTI", "PAC" };
	const char *what = NULL, *const *names = NULL;
	unsigned m = f->eh.e_machine;
	size_t nn = 0;

	if (m == EM_X86_64 || m == EM_386 || m == EM_IAMCU) {
		switch (type) {
		case 0xc0010002: what = "x86 ISA used: "; names = isa; nn = 4;
			break;
		case 0xc0008002: what = "x86 ISA needed: "; names = isa;
			nn = 4; break;
		case 0xc0000002: what = "x86 feature: "; names = feat1; nn = 4;
			break;
		case 0xc0010001: what = "x86 feature used: "; names = feat2;
			nn = 12; break;
		case 0xc0008001: what = "x86 feature needed: "; names = feat2;
			nn = 12; break;
		}
	} else if (m == EM_AARCH64 && type == 0xc0000000) {
		what = "AArch64 feature: ";
		names = a64;
		nn = 2;
	}
	if (what == NULL)
		return false;
	if (sz != 4) {
		out("%s<corrupt length: %#x> ", what, sz);
		return true;
	}
	out("%s", what);
	print_bits(load32(d, f->big), names, nn);
	return true;
}

static void
print_property(struct relf *f, const struct note *n)
{
	const unsigned char *p = n->desc, *end = n->desc + n->descsz;
	unsigned size = f->is64 ? 8 : 4;
	uint32_t type, sz, j;

	out("      Properties: ");
	if (n->descsz < 8 || n->descsz % size != 0) {
		out("<corrupt GNU_PROPERTY_TYPE, size = %#jx>\n",
		    (uintmax_t)n->descsz);
		return;
	}
	while (p < end) {
		if (end - p < 8) {
			out("<corrupt descsz: %#jx>\n", (uintmax_t)n->descsz);
			break;
		}
		type = load32(p, f->big);
		sz = load32(p + 4, f->big);
		p += 8;
		if (sz > (uint64_t)(end - p)) {
			out("<corrupt type (%#x) datasz: %#x>\n", type, sz);
			break;
		}
		if (type >= 0xc0000000 && type <= 0xdfffffff &&
		    print_proc_property(f, type, sz, p))
			;
		else if (type == 1) {
			out("stack size: ");
			if (sz != size)
				out("<corrupt length: %#x> ", sz);
			else
				out("%#jx", (uintmax_t)relf_word(f, p, size));
		} else if (type == 2) {
			out("no copy on protected ");
			if (sz != 0)
				out("<corrupt length: %#x> ", sz);
		} else if (type == 0xb0008000 && sz == 4) {
			static const char *const need[] = {
			    "indirect external access" };
			out("1_needed: ");
			print_bits(load32(p, f->big), need, 1);
		} else if (type >= 0xb0000000 && type <= 0xb000ffff) {
			out(type <= 0xb0007fff ? "UINT32_AND (%#x): " :
			    "UINT32_OR (%#x): ", type);
			if (sz != 4)
				out("<corrupt length: %#x> ", sz);
			else
				out("%#x", load32(p, f->big));
		} else {
			out(type < 0xc0000000 ? "<unknown type %#x data: " :
			    type < 0xe0000000 ? "<processor-specific type %#x "
			    "data: " : "<application-specific type %#x data: ",
			    type);
			for (j = 0; j < sz; j++)
				out("%02x ", p[j]);
			out(">");
		}
		p += (sz + size - 1) & ~(size - 1);
		if (p >= end)
			break;
		out(f->opts->wide ? ", " : "\n\t");
	}
	out("\n");
}

static bool
print_stapsdt(struct relf *f, const struct note *n)
{
	unsigned asz = f->is64 ? 8 : 4;
	const char *s[3], *d, *end;
	size_t len;
	int i;

	if (n->type != 3)
		return false;
	if (n->descsz < asz * 3)
		goto small;
	d = (const char *)n->desc + asz * 3;
	end = (const char *)n->desc + n->descsz;
	for (i = 0; i < 3; i++) {
		if (d >= end || (len = strnlen(d, end - d)) == (size_t)(end - d))
			goto small;
		s[i] = d;
		d += len + 1;
	}
	out("    Provider: %s\n    Name: %s\n", s[0], s[1]);
	out(f->is64 ? "    Location: 0x%16.16jx, Base: 0x%16.16jx, Semaphore: "
	    "0x%16.16jx\n" : "    Location: 0x%8.8jx, Base: 0x%8.8jx, "
	    "Semaphore: 0x%8.8jx\n", (uintmax_t)relf_word(f, n->desc, asz),
	    (uintmax_t)relf_word(f, n->desc + asz, asz),
	    (uintmax_t)relf_word(f, n->desc + 2 * asz, asz));
	out("    Arguments: %s\n", s[2]);
	return true;
small:
	out("  <corrupt - note is too small>\n");
	relf_error(f, "corrupt stapsdt note: the data size is too small");
	return true;
}
