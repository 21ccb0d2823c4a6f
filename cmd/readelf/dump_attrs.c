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
 * GNU's messages about a malformed section go to standard error; what we
 * print on standard output stops at the same place GNU's does.  Every
 * read is bounded by the subsection's end, which is itself checked
 * against the section's bytes.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "readelf.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The processor-specific type all three share (SHT_LOPROC + 3). */
#define SHT_PROC_ATTRIBUTES	0x70000003
#ifndef SHT_GNU_ATTRIBUTES
#define SHT_GNU_ATTRIBUTES	0x6ffffff5
#endif

/* The bytes of one subsection being decoded. */
struct attrbuf {
	const struct relf *f;
	const unsigned char *secend;	/* end of the whole section */
};

typedef const unsigned char *pubfn(const struct attrbuf *,
    const unsigned char *, const unsigned char *);
typedef const unsigned char *gnufn(const struct attrbuf *,
    const unsigned char *, unsigned, const unsigned char *);

static void	attrs_section(struct relf *, size_t, const char *, pubfn *,
		    gnufn *);
static const unsigned char *attrs_vendor(const struct attrbuf *,
		    const unsigned char *, uint64_t, const char *, pubfn *,
		    gnufn *);
static unsigned	read_uleb(const unsigned char **, const unsigned char *);
static const unsigned char *put_string(const struct attrbuf *,
		    const unsigned char *, size_t);
static const unsigned char *tag_value(const struct attrbuf *, int,
		    const unsigned char *, const unsigned char *);
static const unsigned char *vendor_string(const struct attrbuf *,
		    const unsigned char *, const unsigned char *);
static void	raw_bytes(const unsigned char *, const unsigned char *);
static const unsigned char *gnu_attr(const struct attrbuf *,
		    const unsigned char *, gnufn *, const unsigned char *);
static pubfn	arm_attr, riscv_attr, msp430_attr, gnu_public;
static gnufn	generic_gnu, power_gnu, s390_gnu, sparc_gnu, mips_gnu,
		m68k_gnu, msp430_gnu;
static void	sparc_hwcaps(unsigned, const char *const *, size_t);

/*
 * GNU reads a ULEB128 into an unsigned int: a value that does not fit
 * becomes UINT_MAX.  Reading stops at end.
 */
static unsigned
read_uleb(const unsigned char **pp, const unsigned char *end)
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
static const unsigned char *
put_string(const struct attrbuf *a, const unsigned char *p, size_t maxlen)
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
static const unsigned char *
tag_value(const struct attrbuf *a, int tag, const unsigned char *p,
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
			p = put_string(a, p, (size_t)(end - p - 1));
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
static const unsigned char *
vendor_string(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	if (end - p > 1)
		p = put_string(a, p, (size_t)(end - p - 1));
	else {
		out("<corrupt>");
		p = end;
	}
	putchar('\n');
	return p;
}

/* Bytes of a vendor GNU cannot decode, 16 to a line. */
static void
raw_bytes(const unsigned char *p, const unsigned char *end)
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
	put_string(a, p, SIZE_MAX);
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
			while ((v = read_uleb(&p, end)) != 0)
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
			raw_bytes(p, end);
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

	tag = read_uleb(&p, end);
	if (tag == 32) {
		v = read_uleb(&p, end);
		out("flag = %d, vendor = ", (int)v);
		if (p == end) {
			out("<corrupt>\n");
			return p;
		}
		return vendor_string(a, p, end);
	}
	if ((tag & 2) == 0 && proc != NULL)
		return proc(a, p, tag, end);
	return tag_value(a, (int)tag, p, end);
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
	raw_bytes(p + n, end);
	return end;
}

static const unsigned char *
generic_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	if (tag == 0)
		return end;
	return tag_value(a, (int)tag, p, end);
}

/* ARM: the public "aeabi" tags (ARM IHI 0045, section 2.5). */
static const char *const arm_cpu_arch[] = { "Pre-v4", "v4", "v4T", "v5T",
	"v5TE", "v5TEJ", "v6", "v6KZ", "v6T2", "v6K", "v7", "v6-M", "v6S-M",
	"v7E-M", "v8", "v8-R", "v8-M.baseline", "v8-M.mainline", "v8.1-A",
	"v8.2-A", "v8.3-A", "v8.1-M.mainline", "v9" };
static const char *const arm_no_yes[] = { "No", "Yes" };
static const char *const arm_thumb[] = { "No", "Thumb-1", "Thumb-2", "Yes" };
static const char *const arm_fp_arch[] = { "No", "VFPv1", "VFPv2", "VFPv3",
	"VFPv3-D16", "VFPv4", "VFPv4-D16", "FP for ARMv8",
	"FPv5/FP-D16 for ARMv8" };
static const char *const arm_wmmx[] = { "No", "WMMXv1", "WMMXv2" };
static const char *const arm_simd[] = { "No", "NEONv1",
	"NEONv1 with Fused-MAC", "NEON for ARMv8", "NEON for ARMv8.1" };
static const char *const arm_pcs_config[] = { "None", "Bare platform",
	"Linux application", "Linux DSO", "PalmOS 2004", "PalmOS (reserved)",
	"SymbianOS 2004", "SymbianOS (reserved)" };
static const char *const arm_r9[] = { "V6", "SB", "TLS", "Unused" };
static const char *const arm_rw[] = { "Absolute", "PC-relative",
	"SB-relative", "None" };
static const char *const arm_ro[] = { "Absolute", "PC-relative", "None" };
static const char *const arm_got[] = { "None", "direct", "GOT-indirect" };
static const char *const arm_wchar[] = { "None", "??? 1", "2", "??? 3",
	"4" };
static const char *const arm_unused_needed[] = { "Unused", "Needed" };
static const char *const arm_denormal[] = { "Unused", "Needed",
	"Sign only" };
static const char *const arm_number_model[] = { "Unused", "Finite",
	"RTABI", "IEEE 754" };
static const char *const arm_enum[] = { "Unused", "small", "int",
	"forced to int" };
static const char *const arm_hardfp[] = { "As Tag_FP_arch", "SP only",
	"Reserved", "Deprecated" };
static const char *const arm_vfp_args[] = { "AAPCS", "VFP registers",
	"custom", "compatible" };
static const char *const arm_wmmx_args[] = { "AAPCS", "WMMX registers",
	"custom" };
static const char *const arm_opt[] = { "None", "Prefer Speed",
	"Aggressive Speed", "Prefer Size", "Aggressive Size", "Prefer Debug",
	"Aggressive Debug" };
static const char *const arm_fp_opt[] = { "None", "Prefer Speed",
	"Aggressive Speed", "Prefer Size", "Aggressive Size",
	"Prefer Accuracy", "Aggressive Accuracy" };
static const char *const arm_unaligned[] = { "None", "v6" };
static const char *const arm_not_allowed[] = { "Not Allowed", "Allowed" };
static const char *const arm_fp16[] = { "None", "IEEE 754",
	"Alternative Format" };
static const char *const arm_dsp[] = { "Follow architecture", "Allowed" };
static const char *const arm_div[] = {
	"Allowed in Thumb-ISA, v7-R or v7-M", "Not allowed",
	"Allowed in v7-A with integer division extension" };
static const char *const arm_virt[] = { "Not Allowed", "TrustZone",
	"Virtualization Extensions",
	"TrustZone and Virtualization Extensions" };
static const char *const arm_mve[] = { "No MVE", "MVE Integer only",
	"MVE Integer and FP" };
static const char *const arm_pac[] = { "No PAC/AUT instructions",
	"PAC/AUT instructions permitted in the NOP space",
	"PAC/AUT instructions permitted in the NOP and in the non-NOP space" };
static const char *const arm_bti[] = { "BTI instructions not permitted",
	"BTI instructions permitted in the NOP space",
	"BTI instructions permitted in the NOP and in the non-NOP space" };
static const char *const arm_bti_use[] = {
	"Compiled without branch target enforcement",
	"Compiled with branch target enforcement" };
static const char *const arm_pacret[] = {
	"Compiled without return address signing and authentication",
	"Compiled with return address signing and authentication" };

/* kind: 0 decoded by hand, 1 string, else a table of n words. */
static const struct arm_tag {
	unsigned	 tag;
	const char	*name;
	int		 kind;
	const char *const *tab;
	size_t		 n;
} arm_tags[] = {
#define T(t, name, tab)	{ t, name, 2, tab, NELEM(tab) }
	{ 4, "CPU_raw_name", 1, NULL, 0 },
	{ 5, "CPU_name", 1, NULL, 0 },
	T(6, "CPU_arch", arm_cpu_arch),
	{ 7, "CPU_arch_profile", 0, NULL, 0 },
	T(8, "ARM_ISA_use", arm_no_yes),
	T(9, "THUMB_ISA_use", arm_thumb),
	T(10, "FP_arch", arm_fp_arch),
	T(11, "WMMX_arch", arm_wmmx),
	T(12, "Advanced_SIMD_arch", arm_simd),
	T(13, "PCS_config", arm_pcs_config),
	T(14, "ABI_PCS_R9_use", arm_r9),
	T(15, "ABI_PCS_RW_data", arm_rw),
	T(16, "ABI_PCS_RO_data", arm_ro),
	T(17, "ABI_PCS_GOT_use", arm_got),
	T(18, "ABI_PCS_wchar_t", arm_wchar),
	T(19, "ABI_FP_rounding", arm_unused_needed),
	T(20, "ABI_FP_denormal", arm_denormal),
	T(21, "ABI_FP_exceptions", arm_unused_needed),
	T(22, "ABI_FP_user_exceptions", arm_unused_needed),
	T(23, "ABI_FP_number_model", arm_number_model),
	{ 24, "ABI_align_needed", 0, NULL, 0 },
	{ 25, "ABI_align_preserved", 0, NULL, 0 },
	T(26, "ABI_enum_size", arm_enum),
	T(27, "ABI_HardFP_use", arm_hardfp),
	T(28, "ABI_VFP_args", arm_vfp_args),
	T(29, "ABI_WMMX_args", arm_wmmx_args),
	T(30, "ABI_optimization_goals", arm_opt),
	T(31, "ABI_FP_optimization_goals", arm_fp_opt),
	{ 32, "compatibility", 0, NULL, 0 },
	T(34, "CPU_unaligned_access", arm_unaligned),
	T(36, "FP_HP_extension", arm_not_allowed),
	T(38, "ABI_FP_16bit_format", arm_fp16),
	T(42, "MPextension_use", arm_not_allowed),
	T(44, "DIV_use", arm_div),
	T(46, "DSP_extension", arm_dsp),
	T(48, "MVE_arch", arm_mve),
	T(50, "PAC_extension", arm_pac),
	T(52, "BTI_extension", arm_bti),
	T(74, "BTI_use", arm_bti_use),
	T(76, "PACRET_use", arm_pacret),
	{ 64, "nodefaults", 0, NULL, 0 },
	{ 65, "also_compatible_with", 0, NULL, 0 },
	T(66, "T2EE_use", arm_not_allowed),
	{ 67, "conformance", 1, NULL, 0 },
	T(68, "Virtualization_use", arm_virt),
	T(70, "MPextension_use_legacy", arm_not_allowed),
#undef T
};

/* Tag_ABI_align_needed and _preserved: 8-byte and up to 2^N. */
static void
arm_align(unsigned v, const char *one, const char *two)
{
	switch (v) {
	case 0: out("None\n"); break;
	case 1: out("%s\n", one); break;
	case 2: out("%s\n", two); break;
	case 3: out("??? 3\n"); break;
	default:
		if (v <= 12)
			out("8-byte and up to %d-byte extended\n", 1 << v);
		else
			out("??? (%d)\n", (int)v);
	}
}

static const unsigned char *
arm_special(const struct attrbuf *a, unsigned tag, const unsigned char *p,
    const unsigned char *end)
{
	unsigned v;

	switch (tag) {
	case 7:
		v = read_uleb(&p, end);
		switch (v) {
		case 0: out("None\n"); break;
		case 'A': out("Application\n"); break;
		case 'R': out("Realtime\n"); break;
		case 'M': out("Microcontroller\n"); break;
		case 'S': out("Application or Realtime\n"); break;
		default: out("??? (%d)\n", (int)v); break;
		}
		break;
	case 24:
		arm_align(read_uleb(&p, end), "8-byte", "4-byte");
		break;
	case 25:
		arm_align(read_uleb(&p, end), "8-byte, except leaf SP",
		    "8-byte");
		break;
	case 32:
		v = read_uleb(&p, end);
		out("flag = %d, vendor = ", (int)v);
		p = vendor_string(a, p, end);
		break;
	case 64:
		if (p < end)
			p++;
		out("True\n");
		break;
	case 65:
		v = read_uleb(&p, end);
		if (v == 6) {
			v = read_uleb(&p, end);
			if (v >= NELEM(arm_cpu_arch))
				out("??? (%d)\n", (int)v);
			else
				out("%s\n", arm_cpu_arch[v]);
		} else
			out("???\n");
		while (p < end && *p++ != '\0')
			continue;
		break;
	}
	return p;
}

static const unsigned char *
arm_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	const struct arm_tag *t = NULL;
	unsigned tag, v;
	size_t i;

	tag = read_uleb(&p, end);
	for (i = 0; i < NELEM(arm_tags); i++)
		if (arm_tags[i].tag == tag) {
			t = &arm_tags[i];
			break;
		}
	if (t == NULL)
		return tag_value(a, (int)tag, p, end);
	out("  Tag_%s: ", t->name);
	switch (t->kind) {
	case 0:
		return arm_special(a, tag, p, end);
	case 1:
		return tag_value(a, -1, p, end);
	default:
		v = read_uleb(&p, end);
		if (v >= t->n)
			out("??? (%d)\n", (int)v);
		else
			out("%s\n", t->tab[v]);
		return p;
	}
}

/* RISC-V: the psABI's attributes (riscv-elf.adoc, "Attributes"). */
static const unsigned char *
riscv_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	static const char *const names[] = { NULL, NULL, NULL, NULL, NULL,
	    "Tag_RISCV_arch", "Tag_RISCV_unaligned_access", NULL,
	    "Tag_RISCV_priv_spec", NULL, "Tag_RISCV_priv_spec_minor", NULL,
	    "Tag_RISCV_priv_spec_revision" };
	unsigned tag, v;

	tag = read_uleb(&p, end);
	if (tag == 4) {
		out("  Tag_RISCV_stack_align: ");
		v = read_uleb(&p, end);
		out("%u-bytes\n", v);
		return p;
	}
	if (tag >= NELEM(names) || names[tag] == NULL)
		return tag_value(a, (int)tag, p, end);
	out("  %s: ", names[tag]);
	switch (tag) {
	case 5:
		return tag_value(a, -1, p, end);
	case 6:
		v = read_uleb(&p, end);
		if (v == 0)
			out("No unaligned access\n");
		else if (v == 1)
			out("Unaligned access\n");
		return p;
	default:
		v = read_uleb(&p, end);
		out("%u\n", v);
		return p;
	}
}

/* MSP430: the "mspabi" vendor (TI SLAA534, section 7). */
static const unsigned char *
msp430_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	static const char *const isa[] = { "None", "MSP430", "MSP430X" };
	static const char *const model[] = { "None", "Small", "Large",
	    "Restricted Large" };
	unsigned tag, v;

	tag = read_uleb(&p, end);
	switch (tag) {
	case 4:
	case 6:
	case 8:
		out(tag == 4 ? "  Tag_ISA: " : tag == 6 ? "  Tag_Code_Model: " :
		    "  Tag_Data_Model: ");
		v = read_uleb(&p, end);
		if (v < (tag == 8 ? 4u : 3u))
			out("%s\n", tag == 4 ? isa[v] : model[v]);
		else
			out("??? (%d)\n", (int)v);
		return p;
	}
	out("  <unknown tag %d>: ", (int)tag);
	if (tag & 1) {
		putchar('"');
		if (end - p > 1)
			p = put_string(a, p, (size_t)(end - p - 1));
		else {
			out("<corrupt>");
			p = end;
		}
		out("\"\n");
	} else {
		v = read_uleb(&p, end);
		out("%d (0x%x)\n", (int)v, v);
	}
	return p;
}

static const unsigned char *
msp430_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	unsigned v;

	if (tag != 4)
		return tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_MSP430_Data_Region: ");
	v = read_uleb(&p, end);
	if (v == 2)
		out("Any Region\n");
	else if (v == 1)
		out("Lower Region Only\n");
	else
		out("??? (%u)\n", v);
	return p;
}

/* PowerPC: Tag_GNU_Power_ABI_FP (4), _Vector (8), _Struct_Return (12). */
static const unsigned char *
power_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const fp[] = { "unspecified hard/soft float, ",
	    "hard float, ", "soft float, ", "single-precision hard float, " };
	static const char *const ld[] = { "unspecified long double\n",
	    "128-bit IBM long double\n", "64-bit long double\n",
	    "128-bit IEEE long double\n" };
	static const char *const vec[] = { "unspecified\n", "generic\n",
	    "AltiVec\n", "SPE\n" };
	static const char *const sr[] = { "unspecified\n", "r3/r4\n",
	    "memory\n", "???\n" };
	unsigned v;

	if (tag != 4 && tag != 8 && tag != 12)
		return tag_value(a, (int)(tag & 1), p, end);
	out(tag == 4 ? "  Tag_GNU_Power_ABI_FP: " : tag == 8 ?
	    "  Tag_GNU_Power_ABI_Vector: " :
	    "  Tag_GNU_Power_ABI_Struct_Return: ");
	if (p == end) {
		out("<corrupt>\n");
		return p;
	}
	v = read_uleb(&p, end);
	if (v > (tag == 4 ? 15u : tag == 8 ? 3u : 2u))
		out("(%#x), ", v);
	if (tag == 4)
		out("%s%s", fp[v & 3], ld[(v & 0xc) >> 2]);
	else
		out("%s", tag == 8 ? vec[v & 3] : sr[v & 3]);
	return p;
}

static const unsigned char *
s390_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const vec[] = { "any", "software", "hardware" };
	unsigned v;

	if (tag != 8)
		return tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_S390_ABI_Vector: ");
	v = read_uleb(&p, end);
	if (v < 3)
		out("%s\n", vec[v]);
	else
		out("??? (%d)\n", (int)v);
	return p;
}

static void
sparc_hwcaps(unsigned mask, const char *const *names, size_t n)
{
	bool first = true;
	size_t i;

	if (mask == 0)
		putchar('0');
	for (i = 0; i < n; i++)
		if (mask & (1u << i) && names[i] != NULL) {
			out("%s%s", first ? "" : "|", names[i]);
			first = false;
		}
	putchar('\n');
}

static const unsigned char *
sparc_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const hw1[] = { "mul32", "div32", "fsmuld",
	    "v8plus", "popc", "vis", "vis2", "ASIBlkInit", "fmaf", NULL,
	    "vis3", "hpc", "random", "trans", "fjfmau", "ima", "cspare" };
	static const char *const hw2[] = { "fjathplus", "vis3b", "adp",
	    "sparc5", "mwait", "xmpmul", "xmont2", "nsec", NULL, NULL, NULL,
	    NULL, "fjathhpc", "fjdes", NULL, NULL, "fjaes" };
	unsigned v;

	if (tag == 4) {
		v = read_uleb(&p, end);
		out("  Tag_GNU_Sparc_HWCAPS: ");
		sparc_hwcaps(v, hw1, NELEM(hw1));
		return p;
	}
	if (tag == 8) {
		v = read_uleb(&p, end);
		out("  Tag_GNU_Sparc_HWCAPS2: ");
		sparc_hwcaps(v, hw2, NELEM(hw2));
		return p;
	}
	return tag_value(a, (int)tag, p, end);
}

void
mips_fp_abi(unsigned v)
{
	static const char *const names[] = { "Hard or soft float",
	    "Hard float (double precision)", "Hard float (single precision)",
	    "Soft float", "Hard float (MIPS32r2 64-bit FPU 12 callee-saved)",
	    "Hard float (32-bit CPU, Any FPU)",
	    "Hard float (32-bit CPU, 64-bit FPU)",
	    "Hard float compat (32-bit CPU, 64-bit FPU)",
	    "NaN 2008 compatibility" };

	if (v < NELEM(names))
		out("%s\n", names[v]);
	else
		out("??? (%d)\n", (int)v);
}

static const unsigned char *
mips_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	unsigned v;

	if (tag == 4) {
		out("  Tag_GNU_MIPS_ABI_FP: ");
		mips_fp_abi(read_uleb(&p, end));
		return p;
	}
	if (tag == 8) {
		out("  Tag_GNU_MIPS_ABI_MSA: ");
		v = read_uleb(&p, end);
		if (v == 0)
			out("Any MSA or not\n");
		else if (v == 1)
			out("128-bit MSA\n");
		else
			out("??? (%d)\n", (int)v);
		return p;
	}
	return tag_value(a, (int)(tag & 1), p, end);
}

static const unsigned char *
m68k_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const fp[] = { "unspecified hard/soft float\n",
	    "hard float\n", "soft float\n", "" };
	unsigned v;

	if (tag != 4)
		return tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_M68K_ABI_FP: ");
	if (p == end) {
		out("<corrupt>\n");
		return p;
	}
	v = read_uleb(&p, end);
	if (v > 3)
		out("(%#x), ", v);
	out("%s", fp[v & 3]);
	return p;
}
