/*
 * Core-file notes for -n, as GNU readelf 2.40 names and prints them.
 *
 * A Linux core file (ET_CORE) keeps the process state in PT_NOTE
 * segments: "CORE" notes NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV,
 * NT_FILE and NT_FPREGSET, and "LINUX" notes for the extra register sets
 * (NT_X86_XSTATE, NT_ARM_*, NT_S390_*, NT_PPC_*), numbered as in the
 * kernel's include/uapi/linux/elf.h.  GNU names the types and decodes
 * NT_FILE only: a count and a page size, then count (start, end, page
 * offset) triples of the class's word size, then count NUL-terminated
 * file names.  The GNU build on Debian 12 does not decode a 64-bit
 * NT_FILE and says so; we print the same line.
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

#define NT_FILE		0x46494c45

static const struct {
	uint32_t	 type;
	const char	*name;
} core_types[] = {
	{ 1, "NT_PRSTATUS (prstatus structure)" },
	{ 2, "NT_FPREGSET (floating point registers)" },
	{ 3, "NT_PRPSINFO (prpsinfo structure)" },
	{ 4, "NT_TASKSTRUCT (task structure)" },
	{ 6, "NT_AUXV (auxiliary vector)" },
	{ 10, "NT_PSTATUS (pstatus structure)" },
	{ 12, "NT_FPREGS (floating point registers)" },
	{ 13, "NT_PSINFO (psinfo structure)" },
	{ 16, "NT_LWPSTATUS (lwpstatus_t structure)" },
	{ 17, "NT_LWPSINFO (lwpsinfo_t structure)" },
	{ 18, "NT_WIN32PSTATUS (win32_pstatus structure)" },
	{ 0x46e62b7f, "NT_PRXFPREG (user_xfpregs structure)" },
	{ 0x100, "NT_PPC_VMX (ppc Altivec registers)" },
	{ 0x102, "NT_PPC_VSX (ppc VSX registers)" },
	{ 0x103, "NT_PPC_TAR (ppc TAR register)" },
	{ 0x104, "NT_PPC_PPR (ppc PPR register)" },
	{ 0x105, "NT_PPC_DSCR (ppc DSCR register)" },
	{ 0x106, "NT_PPC_EBB (ppc EBB registers)" },
	{ 0x107, "NT_PPC_PMU (ppc PMU registers)" },
	{ 0x108, "NT_PPC_TM_CGPR (ppc checkpointed GPR registers)" },
	{ 0x109, "NT_PPC_TM_CFPR (ppc checkpointed floating point "
	    "registers)" },
	{ 0x10a, "NT_PPC_TM_CVMX (ppc checkpointed Altivec registers)" },
	{ 0x10b, "NT_PPC_TM_CVSX (ppc checkpointed VSX registers)" },
	{ 0x10c, "NT_PPC_TM_SPR (ppc TM special purpose registers)" },
	{ 0x10d, "NT_PPC_TM_CTAR (ppc checkpointed TAR register)" },
	{ 0x10e, "NT_PPC_TM_CPPR (ppc checkpointed PPR register)" },
	{ 0x10f, "NT_PPC_TM_CDSCR (ppc checkpointed DSCR register)" },
	{ 0x200, "NT_386_TLS (x86 TLS information)" },
	{ 0x201, "NT_386_IOPERM (x86 I/O permissions)" },
	{ 0x202, "NT_X86_XSTATE (x86 XSAVE extended state)" },
	{ 0x203, "NT_X86_CET (x86 CET state)" },
	{ 0x300, "NT_S390_HIGH_GPRS (s390 upper register halves)" },
	{ 0x301, "NT_S390_TIMER (s390 timer register)" },
	{ 0x302, "NT_S390_TODCMP (s390 TOD comparator register)" },
	{ 0x303, "NT_S390_TODPREG (s390 TOD programmable register)" },
	{ 0x304, "NT_S390_CTRS (s390 control registers)" },
	{ 0x305, "NT_S390_PREFIX (s390 prefix register)" },
	{ 0x306, "NT_S390_LAST_BREAK (s390 last breaking event address)" },
	{ 0x307, "NT_S390_SYSTEM_CALL (s390 system call restart data)" },
	{ 0x308, "NT_S390_TDB (s390 transaction diagnostic block)" },
	{ 0x309, "NT_S390_VXRS_LOW (s390 vector registers 0-15 upper "
	    "half)" },
	{ 0x30a, "NT_S390_VXRS_HIGH (s390 vector registers 16-31)" },
	{ 0x30b, "NT_S390_GS_CB (s390 guarded-storage registers)" },
	{ 0x30c, "NT_S390_GS_BC (s390 guarded-storage broadcast control)" },
	{ 0x400, "NT_ARM_VFP (arm VFP registers)" },
	{ 0x401, "NT_ARM_TLS (AArch TLS registers)" },
	{ 0x402, "NT_ARM_HW_BREAK (AArch hardware breakpoint registers)" },
	{ 0x403, "NT_ARM_HW_WATCH (AArch hardware watchpoint registers)" },
	{ 0x404, "NT_ARM_SYSTEM_CALL (AArch system call number)" },
	{ 0x405, "NT_ARM_SVE (AArch SVE registers)" },
	{ 0x406, "NT_ARM_PAC_MASK (AArch pointer authentication code "
	    "masks)" },
	{ 0x407, "NT_ARM_PACA_KEYS (ARM pointer authentication address "
	    "keys)" },
	{ 0x408, "NT_ARM_PACG_KEYS (ARM pointer authentication generic "
	    "keys)" },
	{ 0x409, "NT_ARM_TAGGED_ADDR_CTRL (AArch tagged address control)" },
	{ 0x40a, "NT_ARM_PAC_ENABLED_KEYS (AArch64 pointer authentication "
	    "enabled keys)" },
	{ 0x600, "NT_ARC_V2 (ARC HS accumulator/extra registers)" },
	{ 0x900, "NT_RISCV_CSR (RISC-V control and status registers)" },
	{ 0x53494749, "NT_SIGINFO (siginfo_t data)" },
	{ NT_FILE, "NT_FILE (mapped files)" },
	{ 0xff000000, "NT_GDB_TDESC (GDB XML target description)" },
};

/* The name of a note type in a core file, or NULL. */
const char *
core_note_type(uint32_t type)
{
	size_t i;

	for (i = 0; i < sizeof(core_types) / sizeof(core_types[0]); i++)
		if (core_types[i].type == type)
			return core_types[i].name;
	return NULL;
}

/* The body GNU prints for a "CORE" note (desc has descsz bytes). */
void
core_note(struct relf *f, uint32_t type, const unsigned char *desc,
    uint64_t descsz)
{
	uint64_t w = f->is64 ? 8 : 4, count, page, i, s, e, o;
	const unsigned char *names, *end = desc + descsz;
	size_t len;

	if (type != NT_FILE) {
		if (f->opts->wide)
			putchar('\n');
		return;
	}
	if (f->is64) {
		out("    Cannot decode 64-bit note in 32-bit build\n");
		return;
	}
	if (descsz < 2 * w) {
		relf_error(f, "malformed note - too short for header");
		return;
	}
	if (desc[descsz - 1] != '\0') {
		relf_error(f, "malformed note - does not end with \\0");
		return;
	}
	count = relf_word(f, desc, (int)w);
	page = relf_word(f, desc + w, (int)w);
	if (count > (descsz - 2 * w) / (3 * w)) {
		relf_error(f, "malformed note - too short for supplied file "
		    "count");
		return;
	}
	out("    Page size: %ju\n", (uintmax_t)page);
	out("    %*s%*s%*s\n", (int)(2 + 2 * w), "Start", (int)(4 + 2 * w),
	    "End", (int)(4 + 2 * w), "Page Offset");
	names = desc + 2 * w + count * 3 * w;
	for (i = 0; i < count; i++) {
		if (names == end) {
			relf_error(f, "malformed note - filenames end too "
			    "early");
			return;
		}
		s = relf_word(f, desc + 2 * w + i * 3 * w, (int)w);
		e = relf_word(f, desc + 2 * w + i * 3 * w + w, (int)w);
		o = relf_word(f, desc + 2 * w + i * 3 * w + 2 * w, (int)w);
		out("    0x%08jx  0x%08jx  0x%08jx\n", (uintmax_t)s,
		    (uintmax_t)e, (uintmax_t)o);
		/* The last byte is NUL, so the name ends inside desc. */
		len = strlen((const char *)names);
		out("        %s\n", (const char *)names);
		names += len + 1;
	}
}
