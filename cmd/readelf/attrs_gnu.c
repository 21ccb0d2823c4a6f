/*
 * -A: the "gnu" vendor's processor tags (include/elf/<cpu>.h of
 * binutils: Tag_GNU_Power_ABI_FP, Tag_GNU_S390_ABI_Vector,
 * Tag_GNU_Sparc_HWCAPS, Tag_GNU_MIPS_ABI_FP, Tag_GNU_M68K_ABI_FP and the
 * rest), as GNU readelf 2.40 prints them.  The section walk is in
 * dump_attrs.c.
 */
#include <stdio.h>
#include <string.h>

#include "attrs.h"
#include "readelf.h"

static void	sparc_hwcaps(unsigned, const char *const *, size_t);

/* PowerPC: Tag_GNU_Power_ABI_FP (4), _Vector (8), _Struct_Return (12). */
const unsigned char *
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
		return attr_tag_value(a, (int)(tag & 1), p, end);
	out(tag == 4 ? "  Tag_GNU_Power_ABI_FP: " : tag == 8 ?
	    "  Tag_GNU_Power_ABI_Vector: " :
	    "  Tag_GNU_Power_ABI_Struct_Return: ");
	if (p == end) {
		out("<corrupt>\n");
		return p;
	}
	v = attr_uleb(&p, end);
	if (v > (tag == 4 ? 15u : tag == 8 ? 3u : 2u))
		out("(%#x), ", v);
	if (tag == 4)
		out("%s%s", fp[v & 3], ld[(v & 0xc) >> 2]);
	else
		out("%s", tag == 8 ? vec[v & 3] : sr[v & 3]);
	return p;
}

const unsigned char *
s390_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const vec[] = { "any", "software", "hardware" };
	unsigned v;

	if (tag != 8)
		return attr_tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_S390_ABI_Vector: ");
	v = attr_uleb(&p, end);
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

const unsigned char *
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
		v = attr_uleb(&p, end);
		out("  Tag_GNU_Sparc_HWCAPS: ");
		sparc_hwcaps(v, hw1, NELEM(hw1));
		return p;
	}
	if (tag == 8) {
		v = attr_uleb(&p, end);
		out("  Tag_GNU_Sparc_HWCAPS2: ");
		sparc_hwcaps(v, hw2, NELEM(hw2));
		return p;
	}
	return attr_tag_value(a, (int)tag, p, end);
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

const unsigned char *
mips_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	unsigned v;

	if (tag == 4) {
		out("  Tag_GNU_MIPS_ABI_FP: ");
		mips_fp_abi(attr_uleb(&p, end));
		return p;
	}
	if (tag == 8) {
		out("  Tag_GNU_MIPS_ABI_MSA: ");
		v = attr_uleb(&p, end);
		if (v == 0)
			out("Any MSA or not\n");
		else if (v == 1)
			out("128-bit MSA\n");
		else
			out("??? (%d)\n", (int)v);
		return p;
	}
	return attr_tag_value(a, (int)(tag & 1), p, end);
}

const unsigned char *
m68k_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	static const char *const fp[] = { "unspecified hard/soft float\n",
	    "hard float\n", "soft float\n", "" };
	unsigned v;

	if (tag != 4)
		return attr_tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_M68K_ABI_FP: ");
	if (p == end) {
		out("<corrupt>\n");
		return p;
	}
	v = attr_uleb(&p, end);
	if (v > 3)
		out("(%#x), ", v);
	out("%s", fp[v & 3]);
	return p;
}
