/*
 * -A: build attributes, as GNU readelf 2.40 prints them.
 *
 * An attributes section (SHT_GNU_ATTRIBUTES, or the processor's own type:
 * SHT_ARM_ATTRIBUTES, SHT_RISCV_ATTRIBUTES, SHT_MSP430_ATTRIBUTES) is the
 * format of the ARM "Addenda to, and Errata in, the ABI for the ARM
 * Architecture" (ARM IHI 0045), section 2.2: a version byte 'A', then
 * vendor sections <uint32 length, NUL-terminated vendor name, subsections>,
 * each subsection <uint8 tag (1 file, 2 section, 3 symbol), uint32 length,
 * attributes>.  An attribute is a ULEB128 tag and a value that is a
 * ULEB128 number, or a NUL-terminated string when the tag is odd (for tags
 * the vendor has not defined otherwise).  The "aeabi" vendor's tags are
 * the ARM ABI's, "riscv"'s the RISC-V ELF psABI's, and "gnu"'s the GNU
 * tags of include/elf/<cpu>.h (Tag_GNU_Power_ABI_FP and so on).
 *
 * This file walks the sections, vendors and subsections; the decoders
 * of the vendors' tags are in attrs_vendor.c (ARM, RISC-V, MSP430) and
 * attrs_gnu.c (the "gnu" vendor of PowerPC, s390, SPARC, MIPS, m68k).
 *
 * GNU's messages about a malformed section go to standard error; what we
 * print on standard output stops at the same place GNU's does.  Every
 * read is bounded by the subsection's end, which is itself checked
 * against the section's bytes.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "attrs.h"
#include "readelf.h"

/* The processor-specific type all three share (SHT_LOPROC + 3). */
#define SHT_PROC_ATTRIBUTES	0x70000003
#ifndef SHT_GNU_ATTRIBUTES
#define SHT_GNU_ATTRIBUTES	0x6ffffff5
#endif

static void	attrs_section(struct relf *, size_t, const char *, pubfn *,
		    gnufn *);
static const unsigned char *attrs_vendor(const struct attrbuf *,
		    const unsigned char *, uint64_t, const char *, pubfn *,
		    gnufn *);
static const unsigned char *gnu_attr(const struct attrbuf *,
		    const unsigned char *, gnufn *, const unsigned char *);
static pubfn	gnu_public;
static gnufn	generic_gnu;

/*
 * GNU reads a ULEB128 into an unsigned int: a value that does not fit
 * becomes UINT_MAX.  Reading stops at end.
 */
unsigned
attr_uleb(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char *p = *pp;
	uint64_t v = 0;
	unsigned shift = 0;
	unsigned char b;

	while (p < end) {
		b = *p++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if ((b & 0x80) == 0)
			break;
	}
	*pp = p;
	return v > UINT_MAX ? UINT_MAX : (unsigned)v;
}

/*
 * A string of at most maxlen characters at p, as GNU's print_symbol
 * prints it; GNU measures the string up to its NUL, which may lie past
 * the subsection but not past the section (its copy of the section is
 * NUL-terminated).  Returns the byte after the string.
 */
const unsigned char *
attr_string(const struct attrbuf *a, const unsigned char *p, size_t maxlen)
{
	size_t len, room, used = 0, i;
	bool dots = false;
	unsigned char c;

	len = strnlen((const char *)p, (size_t)(a->secend - p));
	room = maxlen;
	if (!a->f->opts->wide && !a->f->opts->silent_truncation &&
	    len > maxlen) {
		room = room > 5 ? room - 5 : 0;
		dots = true;
	}
	if (a->f->opts->wide)
		room = SIZE_MAX;
	for (i = 0; i < len && used < room; i++) {
		c = p[i];
		if (c < 0x20 || c == 0x7f) {
			if (used + 2 > room)
				break;
			putchar('^');
			putchar(c + 0x40);
			used += 2;
		} else {
			putchar(c);
			used++;
		}
	}
	if (dots)
		fputs("[...]", stdout);
	return p + strnlen((const char *)p, maxlen) + 1;
}

/*
 * An attribute GNU has no name for: "Tag_unknown_N: " when tag > 0, then
 * a string if the tag is odd and a number otherwise.
 */
const unsigned char *
attr_tag_value(const struct attrbuf *a, int tag, const unsigned char *p,
    const unsigned char *end)
{
	const unsigned char *q;
	uint64_t v = 0;
	unsigned shift = 0;
	unsigned char b;

	if (tag > 0)
		out("  Tag_unknown_%d: ", tag);
	if (p >= end)
		return p;
	if (tag & 1) {
		putchar('"');
		if (end - p - 1 > 0)
			p = attr_string(a, p, (size_t)(end - p - 1));
		else {
			out("<corrupt string tag>");
			p = end;
		}
		out("\"\n");
		return p;
	}
	for (q = p; q < end; ) {
		b = *q++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if ((b & 0x80) == 0)
			break;
	}
	out("%jd (0x%jx)\n", (intmax_t)v, (uintmax_t)v);
	return q;
}

/* "flag = N, vendor = NAME" of Tag_compatibility, after the flag. */
const unsigned char *
attr_vendor_string(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	if (end - p > 1)
		p = attr_string(a, p, (size_t)(end - p - 1));
	else {
		out("<corrupt>");
		p = end;
	}
	putchar('\n');
	return p;
}

/* Bytes of a vendor GNU cannot decode, 16 to a line. */
void
attr_raw(const unsigned char *p, const unsigned char *end)
{
	size_t n = (size_t)(end - p), addr = 0, j, l;

	while (n > 0) {
		l = n > 16 ? 16 : n;
		out("  0x%8.8zx ", addr);
		for (j = 0; j < 16; j++) {
			if (j < l)
				out("%2.2x", p[j]);
			else
				out("  ");
			if ((j & 3) == 3)
				putchar(' ');
		}
		for (j = 0; j < l; j++)
			putchar(p[j] >= ' ' && p[j] < 0x7f ? p[j] : '.');
		putchar('\n');
		p += l;
		n -= l;
		addr += l;
	}
	putchar('\n');
}

/*
 * -A: what GNU's process_arch_specific prints for the machine.  MIPS has
 * its own dump (dump_mips.c) that starts with the GNU attributes.
 */
void
dump_arch(struct relf *f)
{
	switch (f->eh.e_machine) {
	case EM_ARM:
		dump_attrs(f, "aeabi", SHT_PROC_ATTRIBUTES);
		break;
	case EM_RISCV:
		dump_attrs(f, "riscv", SHT_PROC_ATTRIBUTES);
		break;
	case EM_MSP430:
		dump_attrs(f, "mspabi", SHT_PROC_ATTRIBUTES);
		break;
	case EM_MIPS:
	case EM_MIPS_RS3_LE:
		dump_mips(f);
		break;
	default:
		dump_attrs(f, "gnu", SHT_GNU_ATTRIBUTES);
		break;
	}
}

/* Every attributes section of type proctype or SHT_GNU_ATTRIBUTES. */
void
dump_attrs(struct relf *f, const char *pubname, uint32_t proctype)
{
	pubfn *pub = NULL;
	gnufn *gnu = NULL;
	size_t i;

	switch (f->eh.e_machine) {
	case EM_ARM:
		pub = arm_attr;
		gnu = generic_gnu;
		break;
	case EM_RISCV:
		pub = riscv_attr;
		gnu = generic_gnu;
		break;
	case EM_MSP430:
		pub = msp430_attr;
		gnu = msp430_gnu;
		break;
	case EM_PPC:
	case EM_PPC64:
		gnu = power_gnu;
		break;
	case EM_S390:
	case 0xa390:	/* EM_S390_OLD */
		gnu = s390_gnu;
		break;
	case EM_SPARC:
	case EM_SPARC32PLUS:
	case EM_SPARCV9:
		gnu = sparc_gnu;
		break;
	case EM_MIPS:
	case EM_MIPS_RS3_LE:
		gnu = mips_gnu;
		break;
	case EM_68K:
		gnu = m68k_gnu;
		break;
	default:
		/*
		 * Elsewhere GNU takes "gnu" as the public vendor, whose
		 * file attributes it does not decode, and decodes the
		 * vendor's other subsections generically.
		 */
		pub = gnu_public;
		gnu = generic_gnu;
		break;
	}
	for (i = 0; i < f->shnum; i++)
		if (f->sh[i].sh_type == proctype ||
		    f->sh[i].sh_type == SHT_GNU_ATTRIBUTES)
			attrs_section(f, i, pubname, pub, gnu);
}

static void
attrs_section(struct relf *f, size_t idx, const char *pubname, pubfn *pub,
    gnufn *gnu)
{
	const GElf_Shdr *sh = &f->sh[idx];
	const unsigned char *base, *p;
	struct attrbuf a;
	uint64_t left, len;

	if (sh->sh_size == 0)
		return;
	if ((base = span_range(f->img, sh->sh_offset, sh->sh_size)) == NULL) {
		relf_error(f, "section '%s': attributes past end of file",
		    secname_print(f, idx));
		return;
	}
	a.f = f;
	a.secend = base + sh->sh_size;
	if (*base != 'A') {
		out("Unknown attributes version '");
		putchar(*base);
		out("'(%d) - expecting 'A'\n", *base);
		return;
	}
	p = base + 1;
	left = sh->sh_size - 1;
	while (left > 0) {
		if (left <= 4) {
			relf_error(f, "tag section ends prematurely");
			return;
		}
		len = load32(p, f->big);
		p += 4;
		if (len > left) {
			relf_error(f, "bad attribute length (%ju > %ju)",
			    (uintmax_t)len, (uintmax_t)left);
			len = left;
		} else if (len < 5) {
			relf_error(f, "attribute length of %ju is too small",
			    (uintmax_t)len);
			return;
		}
		left -= len;
		if ((p = attrs_vendor(&a, p, len - 4, pubname, pub, gnu)) ==
		    NULL)
			return;
	}
}

/*
 * One vendor section: p is at the vendor name and len bytes follow.
 * Returns where the next vendor section starts, or NULL when GNU stops.
 */
static const unsigned char *
attrs_vendor(const struct attrbuf *a, const unsigned char *p, uint64_t len,
    const char *pubname, pubfn *pub, gnufn *gnu)
{
	const struct relf *f = a->f;
	const unsigned char *end;
	bool public, isgnu;
	uint64_t size;
	size_t namelen;
	unsigned tag, v;

	namelen = strnlen((const char *)p, (size_t)len) + 1;
	if (namelen >= len) {
		relf_error((struct relf *)f, "corrupt attribute section name");
		return NULL;
	}
	out("Attribute Section: ");
	attr_string(a, p, SIZE_MAX);
	putchar('\n');
	public = pubname != NULL && strcmp((const char *)p, pubname) == 0;
	isgnu = strcmp((const char *)p, "gnu") == 0;
	p += namelen;
	len -= namelen;
	while (len > 0 && p < a->secend) {
		if (len < 6) {
			relf_error((struct relf *)f,
			    "unused bytes at end of section");
			return NULL;
		}
		tag = *p++;
		size = load32(p, f->big);
		if (size > len) {
			relf_error((struct relf *)f,
			    "bad subsection length (%ju > %ju)",
			    (uintmax_t)size, (uintmax_t)len);
			size = len;
		}
		if (size < 6) {
			relf_error((struct relf *)f,
			    "bad subsection length (%ju < 6)", (uintmax_t)size);
			return NULL;
		}
		len -= size;
		end = p + size - 1;
		if (end > a->secend)
			end = a->secend;
		p += 4;
		switch (tag) {
		case 1:
			out("File Attributes\n");
			break;
		case 2:
		case 3:
			out(tag == 2 ? "Section Attributes:" :
			    "Symbol Attributes:");
			while ((v = attr_uleb(&p, end)) != 0)
				out(" %d", (int)v);
			out("\n");
			break;
		default:
			out("Unknown tag: %d\n", tag);
			public = false;
			break;
		}
		if (p > end)
			p = end;
		if (public && pub != NULL) {
			while (p < end)
				p = pub(a, p, end);
		} else if (isgnu && gnu != NULL) {
			while (p < end)
				p = gnu_attr(a, p, gnu, end);
		} else if (p < end) {
			out("  Unknown attribute:\n");
			attr_raw(p, end);
			p = end;
		} else
			len = 0;
	}
	return p;
}

/* An attribute of the "gnu" vendor: Tag_compatibility or the CPU's. */
static const unsigned char *
gnu_attr(const struct attrbuf *a, const unsigned char *p, gnufn *proc,
    const unsigned char *end)
{
	unsigned tag, v;

	tag = attr_uleb(&p, end);
	if (tag == 32) {
		v = attr_uleb(&p, end);
		out("flag = %d, vendor = ", (int)v);
		if (p == end) {
			out("<corrupt>\n");
			return p;
		}
		return attr_vendor_string(a, p, end);
	}
	if ((tag & 2) == 0 && proc != NULL)
		return proc(a, p, tag, end);
	return attr_tag_value(a, (int)tag, p, end);
}

/* The text up to a NUL, then the rest as bytes. */
static const unsigned char *
gnu_public(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	size_t n;

	(void)a;
	n = strnlen((const char *)p, (size_t)(end - p));
	out("  Unknown GNU attribute: ");
	fwrite(p, 1, n, stdout);
	putchar('\n');
	attr_raw(p + n, end);
	return end;
}

static const unsigned char *
generic_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	if (tag == 0)
		return end;
	return attr_tag_value(a, (int)tag, p, end);
}
