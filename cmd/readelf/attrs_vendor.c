/*
 * -A: the tags of the public attribute vendors, as GNU readelf 2.40
 * prints them: ARM's "aeabi" (ARM IHI 0045, "Addenda to, and Errata in,
 * the ABI for the ARM Architecture", section 2.5), RISC-V's "riscv" (the
 * RISC-V ELF psABI, "Attributes") and MSP430's "mspabi" (TI SLAA534,
 * section 7), with MSP430's "gnu" tags.  The section walk is in
 * dump_attrs.c.
 */
#include <stdio.h>
#include <string.h>

#include "attrs.h"
#include "readelf.h"

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
		v = attr_uleb(&p, end);
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
		arm_align(attr_uleb(&p, end), "8-byte", "4-byte");
		break;
	case 25:
		arm_align(attr_uleb(&p, end), "8-byte, except leaf SP",
		    "8-byte");
		break;
	case 32:
		v = attr_uleb(&p, end);
		out("flag = %d, vendor = ", (int)v);
		p = attr_vendor_string(a, p, end);
		break;
	case 64:
		if (p < end)
			p++;
		out("True\n");
		break;
	case 65:
		v = attr_uleb(&p, end);
		if (v == 6) {
			v = attr_uleb(&p, end);
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

const unsigned char *
arm_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	const struct arm_tag *t = NULL;
	unsigned tag, v;
	size_t i;

	tag = attr_uleb(&p, end);
	for (i = 0; i < NELEM(arm_tags); i++)
		if (arm_tags[i].tag == tag) {
			t = &arm_tags[i];
			break;
		}
	if (t == NULL)
		return attr_tag_value(a, (int)tag, p, end);
	out("  Tag_%s: ", t->name);
	switch (t->kind) {
	case 0:
		return arm_special(a, tag, p, end);
	case 1:
		return attr_tag_value(a, -1, p, end);
	default:
		v = attr_uleb(&p, end);
		if (v >= t->n)
			out("??? (%d)\n", (int)v);
		else
			out("%s\n", t->tab[v]);
		return p;
	}
}

/* RISC-V: the psABI's attributes (riscv-elf.adoc, "Attributes"). */
const unsigned char *
riscv_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	static const char *const names[] = { NULL, NULL, NULL, NULL, NULL,
	    "Tag_RISCV_arch", "Tag_RISCV_unaligned_access", NULL,
	    "Tag_RISCV_priv_spec", NULL, "Tag_RISCV_priv_spec_minor", NULL,
	    "Tag_RISCV_priv_spec_revision" };
	unsigned tag, v;

	tag = attr_uleb(&p, end);
	if (tag == 4) {
		out("  Tag_RISCV_stack_align: ");
		v = attr_uleb(&p, end);
		out("%u-bytes\n", v);
		return p;
	}
	if (tag >= NELEM(names) || names[tag] == NULL)
		return attr_tag_value(a, (int)tag, p, end);
	out("  %s: ", names[tag]);
	switch (tag) {
	case 5:
		return attr_tag_value(a, -1, p, end);
	case 6:
		v = attr_uleb(&p, end);
		if (v == 0)
			out("No unaligned access\n");
		else if (v == 1)
			out("Unaligned access\n");
		return p;
	default:
		v = attr_uleb(&p, end);
		out("%u\n", v);
		return p;
	}
}

/* MSP430: the "mspabi" vendor (TI SLAA534, section 7). */
const unsigned char *
msp430_attr(const struct attrbuf *a, const unsigned char *p,
    const unsigned char *end)
{
	static const char *const isa[] = { "None", "MSP430", "MSP430X" };
	static const char *const model[] = { "None", "Small", "Large",
	    "Restricted Large" };
	unsigned tag, v;

	tag = attr_uleb(&p, end);
	switch (tag) {
	case 4:
	case 6:
	case 8:
		out(tag == 4 ? "  Tag_ISA: " : tag == 6 ? "  Tag_Code_Model: " :
		    "  Tag_Data_Model: ");
		v = attr_uleb(&p, end);
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
			p = attr_string(a, p, (size_t)(end - p - 1));
		else {
			out("<corrupt>");
			p = end;
		}
		out("\"\n");
	} else {
		v = attr_uleb(&p, end);
		out("%d (0x%x)\n", (int)v, v);
	}
	return p;
}

const unsigned char *
msp430_gnu(const struct attrbuf *a, const unsigned char *p, unsigned tag,
    const unsigned char *end)
{
	unsigned v;

	if (tag != 4)
		return attr_tag_value(a, (int)(tag & 1), p, end);
	out("  Tag_GNU_MSP430_Data_Region: ");
	v = attr_uleb(&p, end);
	if (v == 2)
		out("Any Region\n");
	else if (v == 1)
		out("Lower Region Only\n");
	else
		out("??? (%u)\n", v);
	return p;
}
