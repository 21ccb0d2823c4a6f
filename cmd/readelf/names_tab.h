/* Tables generated from GNU readelf 2.40 output; see names_tab.c. */
#ifndef READELF_NAMES_TAB_H
#define READELF_NAMES_TAB_H

#include <stddef.h>
#include <stdint.h>

struct name_ent {
	uint32_t	 val;
	const char	*name;
};

/* mach 0: every machine, unless a row for the machine itself exists. */
struct mname_ent {
	uint32_t	 mach;
	uint32_t	 val;
	const char	*name;
};

extern const struct name_ent tab_machine[];
extern const size_t tab_machine_len;
extern const struct name_ent tab_osabi[];
extern const size_t tab_osabi_len;
extern const struct name_ent tab_reloc_i386[];
extern const size_t tab_reloc_i386_len;
extern const struct name_ent tab_reloc_x86_64[];
extern const size_t tab_reloc_x86_64_len;
extern const struct name_ent tab_reloc_arm[];
extern const size_t tab_reloc_arm_len;
extern const struct name_ent tab_reloc_aarch64[];
extern const size_t tab_reloc_aarch64_len;
extern const struct name_ent tab_reloc_riscv[];
extern const size_t tab_reloc_riscv_len;
extern const struct name_ent tab_reloc_mips[];
extern const size_t tab_reloc_mips_len;
extern const struct name_ent tab_reloc_ppc[];
extern const size_t tab_reloc_ppc_len;
extern const struct name_ent tab_reloc_ppc64[];
extern const size_t tab_reloc_ppc64_len;
extern const struct name_ent tab_reloc_s390[];
extern const size_t tab_reloc_s390_len;
extern const struct name_ent tab_reloc_sparc[];
extern const size_t tab_reloc_sparc_len;
extern const struct name_ent tab_reloc_loongarch[];
extern const size_t tab_reloc_loongarch_len;
extern const struct name_ent tab_reloc_m68k[];
extern const size_t tab_reloc_m68k_len;
extern const struct name_ent tab_reloc_sh[];
extern const size_t tab_reloc_sh_len;
extern const struct name_ent tab_reloc_alpha[];
extern const size_t tab_reloc_alpha_len;
extern const struct name_ent tab_reloc_parisc[];
extern const size_t tab_reloc_parisc_len;
extern const struct name_ent tab_reloc_ia64[];
extern const size_t tab_reloc_ia64_len;
extern const struct mname_ent tab_shtype[];
extern const size_t tab_shtype_len;
extern const struct mname_ent tab_ptype[];
extern const size_t tab_ptype_len;
extern const struct mname_ent tab_dtag[];
extern const size_t tab_dtag_len;

#endif
