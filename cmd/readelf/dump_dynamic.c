/*
 * -d: the dynamic section (gABI chapter 5, "Dynamic Section"): one line
 * per entry up to DT_NULL, the value shown as GNU readelf shows it for
 * its tag (library names, sizes in bytes, flag words, addresses).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "readelf.h"

static void	print_value(struct relf *, int64_t, uint64_t, struct span);
static void	print_flags(const char *const *, size_t, uint64_t, bool);
static void	print_time(uint64_t);
static bool	print_mips(int64_t, uint64_t, struct span);
static bool	print_named(struct relf *, int64_t, uint64_t, struct span);
static bool	print_hp_ia64(struct relf *, int64_t, uint64_t);

static const char *const flags_1[] = { "NOW", "GLOBAL", "GROUP",
    "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN", "ORIGIN", "DIRECT",
    "TRANS", "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE",
    "DISPRELDNE", "DISPRELPND", "NODIRECT", "IGNMULDEF", "NOKSYMS",
    "NOHDR", "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT", "SINGLETON",
    "STUB", "PIE", "KMOD", "WEAKFILTER", "NOCOMMON" };
static const char *const flags_df[] = { "ORIGIN", "SYMBOLIC", "TEXTREL",
    "BIND_NOW", "STATIC_TLS" };
static const char *const flags_feature[] = { "PARINIT", "CONFEXP" };
static const char *const flags_posflag[] = { "LAZY", "GROUPPERM" };

/* The dynamic string table, through DT_STRTAB and DT_STRSZ. */
struct span
dyn_strings(const struct relf *f)
{
	uint64_t off, size, val, addr = 0, len = 0;
	struct span none = { NULL, 0 };
	bool have = false;
	int64_t tag;
	size_t i;

	if (relf_dynamic(f, &off, &size) == -1)
		return none;
	for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0; i++) {
		if (tag == DT_NULL)
			break;
		if (tag == DT_STRTAB && !have) {
			addr = val;
			have = true;
		} else if (tag == DT_STRSZ)
			len = val;
	}
	if (!have)
		return none;
	return span_sub(f->img, relf_addr_off(f, addr), len);
}

void
dump_dynamic(struct relf *f)
{
	uint64_t off, size, val;
	struct span strs;
	int64_t tag;
	size_t i, n;

	if (relf_dynamic(f, &off, &size) == -1 || size == 0) {
		out("\nThere is no dynamic section in this file.\n");
		return;
	}
	for (n = 0; relf_dynent(f, off, size, n, &tag, &val) == 0; ) {
		n++;
		if (tag == DT_NULL)
			break;
	}
	strs = dyn_strings(f);
	out("\nDynamic section at offset 0x%jx contains %zu entr%s:\n",
	    (uintmax_t)off, n, n == 1 ? "y" : "ies");
	out("  Tag        Type                         Name/Value\n");
	for (i = 0; i < n; i++) {
		relf_dynent(f, off, size, i, &tag, &val);
		out(f->is64 ? " 0x%16.16jx" : " 0x%8.8jx", (uintmax_t)tag &
		    (f->is64 ? UINT64_MAX : UINT32_MAX));
		print_value(f, tag, val, strs);
		explain_dtag(f, tag);
	}
}

static void
print_value(struct relf *f, int64_t tag, uint64_t val, struct span strs)
{
	const char *t = names_dtag(f, (uint64_t)tag &
	    (f->is64 ? UINT64_MAX : UINT32_MAX));

	out(" (%s)%*s", t, (f->is64 ? 19 : 27) - (int)strlen(t), " ");
	switch (tag) {
	case DT_FLAGS:
		print_flags(flags_df, 5, val, false);
		return;
	case DT_FLAGS_1:
		print_flags(flags_1, 31, val, true);
		return;
	case 0x6ffffdfc:	/* DT_FEATURE */
		print_flags(flags_feature, 2, val, true);
		return;
	case DT_POSFLAG_1:
		print_flags(flags_posflag, 2, val, true);
		return;
	case DT_PLTREL:
		out("%s\n", names_dtag(f, val));
		return;
	case DT_PLTRELSZ: case DT_RELASZ: case DT_STRSZ: case DT_RELSZ:
	case DT_RELAENT: case DT_RELRENT: case DT_RELRSZ: case DT_SYMENT:
	case DT_RELENT: case DT_PLTPADSZ: case DT_MOVEENT: case DT_MOVESZ:
	case DT_PREINIT_ARRAYSZ: case DT_INIT_ARRAYSZ: case DT_FINI_ARRAYSZ:
	case DT_GNU_CONFLICTSZ: case DT_GNU_LIBLISTSZ:
		out("%ju (bytes)\n", (uintmax_t)val);
		return;
	case DT_VERDEFNUM: case DT_VERNEEDNUM: case DT_RELACOUNT:
	case DT_RELCOUNT:
		out("%ju\n", (uintmax_t)val);
		return;
	case DT_BIND_NOW:
		out("\n");
		return;
	case DT_GNU_PRELINKED:
		print_time(val);
		return;
	case 0x6ffffdf4:	/* DT_GNU_FLAGS_1 */
		out("Flags:");
		if (val == 0)
			out(" None\n");
		else {
			if (val & 1)
				out(" UNIQUE");
			if (val & ~(uint64_t)1)
				out(" %jx", (uintmax_t)(val & ~(uint64_t)1));
			out("\n");
		}
		return;
	}
	if (print_named(f, tag, val, strs))
		return;
	if ((f->eh.e_machine == EM_MIPS || f->eh.e_machine == EM_MIPS_RS3_LE) &&
	    print_mips(tag, val, strs))
		return;
	if ((f->eh.e_machine == EM_PARISC || f->eh.e_machine == EM_IA_64) &&
	    print_hp_ia64(f, tag, val))
		return;
	if (f->eh.e_machine == EM_AARCH64 && (tag == 0x70000001 ||
	    tag == 0x70000003)) {
		out("\n");
		return;
	}
	out("0x%jx\n", (uintmax_t)val);
}

/* Tags whose value is an offset into the dynamic string table. */
static bool
print_named(struct relf *f, int64_t tag, uint64_t val, struct span strs)
{
	static const struct { int64_t tag; const char *what; } filt[] = {
		{ DT_AUXILIARY, "Auxiliary library" },
		{ DT_FILTER, "Filter library" },
		{ DT_CONFIG, "Configuration file" },
		{ DT_DEPAUDIT, "Dependency audit library" },
		{ DT_AUDIT, "Audit library" },
	};
	const char *name = NULL;
	size_t i;

	if (strs.data != NULL && val < strs.size)
		name = (const char *)strs.data + val;
	for (i = 0; i < sizeof(filt) / sizeof(filt[0]); i++) {
		if (filt[i].tag != tag)
			continue;
		if (name != NULL)
			out("%s: [%.*s]\n", filt[i].what,
			    (int)strnlen(name, strs.size - val), name);
		else
			out("%s: 0x%jx\n", filt[i].what, (uintmax_t)val);
		return true;
	}
	if (name == NULL)
		return false;
	i = strnlen(name, strs.size - val);
	switch (tag) {
	case DT_NEEDED:
		out("Shared library: [%.*s]", (int)i, name);
		if (relf_interp_is(f, name, i))
			out(" program interpreter");
		out("\n");
		return true;
	case DT_SONAME:
		out("Library soname: [%.*s]\n", (int)i, name);
		return true;
	case DT_RPATH:
		out("Library rpath: [%.*s]\n", (int)i, name);
		return true;
	case DT_RUNPATH:
		out("Library runpath: [%.*s]\n", (int)i, name);
		return true;
	case 0x7ffffffe:	/* DT_USED */
		if (i == 0)
			return false;
		out("Not needed object: [%.*s]\n", (int)i, name);
		return true;
	}
	return false;
}

static void
print_flags(const char *const *names, size_t n, uint64_t v, bool prefix)
{
	uint64_t bit;
	bool first = true;
	unsigned b;

	if (prefix)
		out(v == 0 ? "Flags: None" : "Flags:");
	while (v != 0) {
		bit = v & -v;
		v &= ~bit;
		b = (unsigned)__builtin_ctzll(bit);
		if (!prefix && !first)
			out(" ");
		first = false;
		out(prefix ? " %s" : "%s", b < n ? names[b] : "unknown");
	}
	out("\n");
}

static void
print_time(uint64_t v)
{
	time_t t = (time_t)v;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		out("<corrupt time val: %jx", (uintmax_t)v);
	else
		out("%04u-%02u-%02uT%02u:%02u:%02u\n", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec);
}

/* The MIPS tags GNU decodes (the MIPS ABI supplement, DT_MIPS_*). */
static bool
print_mips(int64_t tag, uint64_t val, struct span strs)
{
	static const char *const mflags[] = { "QUICKSTART", "NOTPOT",
	    "NO_LIBRARY_REPLACEMENT", "NO_MOVE", "SGI_ONLY", "GUARANTEE_INIT",
	    "DELTA_C_PLUS_PLUS", "GUARANTEE_START_INIT", "PIXIE",
	    "DEFAULT_DELAY_LOAD", "REQUICKSTART", "REQUICKSTARTED", "CORD",
	    "NO_UNRES_UNDEF", "RLD_ORDER_SAFE" };
	const char *sep = "";
	unsigned i;

	switch (tag) {
	case 0x70000005:	/* DT_MIPS_FLAGS */
		if (val == 0)
			out("NONE");
		for (i = 0; i < 15; i++)
			if (val & (1u << i)) {
				out("%s%s", sep, mflags[i]);
				sep = " ";
			}
		out("\n");
		return true;
	case 0x70000004:	/* DT_MIPS_IVERSION */
		if (strs.data != NULL && val < strs.size)
			out("Interface Version: %.*s\n",
			    (int)strnlen((const char *)strs.data + val,
			    strs.size - val), (const char *)strs.data + val);
		else
			out("Interface Version: <corrupt: %jx>\n", (uintmax_t)val);
		return true;
	case 0x70000002:	/* DT_MIPS_TIME_STAMP */
		out("Time Stamp: ");
		print_time(val);
		return true;
	case 0x70000001: case 0x7000000a: case 0x7000000b: case 0x70000010:
	case 0x70000011: case 0x70000012: case 0x70000014: case 0x70000018:
	case 0x7000001a: case 0x7000001c: case 0x7000001e: case 0x70000021:
	case 0x7000002f:
		out("%jd\n", (intmax_t)val);
		return true;
	}
	return false;
}

/*
 * PA-RISC DT_HP_DLD_FLAGS, and IA-64 DT_IA_64_PLT_RESERVE (three
 * reserved 8-byte slots) and the OpenVMS link time and link flags.
 */
static bool
print_hp_ia64(struct relf *f, int64_t tag, uint64_t val)
{
	static const char *const hp[] = { "HP_DEBUG_PRIVATE",
	    "HP_DEBUG_CALLBACK", "HP_DEBUG_CALLBACK_BOR", "HP_NO_ENVVAR",
	    "HP_BIND_NOW", "HP_BIND_NONFATAL", "HP_BIND_VERBOSE",
	    "HP_BIND_RESTRICTED", "HP_BIND_SYMBOLIC", "HP_RPATH_FIRST",
	    "HP_BIND_DEPTH_FIRST", "HP_GST", "HP_SHLIB_FIXED",
	    "HP_MERGE_SHLIB_SEG", "HP_NODELETE", "HP_GROUP",
	    "HP_PROTECT_LINKAGE_TABLE" };
	static const char *const vms[] = { "CALL_DEBUG", "NOP0BUFS",
	    "P0IMAGE", "MKTHREADS", "UPCALLS", "IMGSTA", "INITIALIZE", "MAIN",
	    NULL, "EXE_INIT", "TBK_IN_IMG", "DBG_IN_IMG", "TBK_IN_DSF",
	    "DBG_IN_DSF", "SIGNATURES", "REL_SEG_OFF" };
	bool first = true;
	time_t t;
	struct tm tm;
	size_t i;

	if (f->eh.e_machine == EM_PARISC) {
		if (tag != 0x60000001)
			return false;
		for (i = 0; i < sizeof(hp) / sizeof(hp[0]); i++)
			if (val & ((uint64_t)1 << i)) {
				out("%s%s", first ? "" : " ", hp[i]);
				first = false;
				val &= ~((uint64_t)1 << i);
			}
		if (val != 0 || first)
			out("%s%jx", first ? "" : " ", (uintmax_t)val);
		out("\n");
		return true;
	}
	switch (tag) {
	case 0x70000000:
		out("0x%jx -- 0x%jx\n", (uintmax_t)val, (uintmax_t)(val + 24));
		return true;
	case 0x60000015:
		out("0x%jx", (uintmax_t)val);
		for (i = 0; i < sizeof(vms) / sizeof(vms[0]); i++)
			if (vms[i] != NULL && (val & ((uint64_t)1 << i)))
				out(" %s", vms[i]);
		out("\n");
		return true;
	case 0x60000035:
		/* 100 ns units since 1858-11-17. */
		t = (time_t)(((int64_t)val - 35067168000000000LL) / 10000000);
		if (gmtime_r(&t, &tm) == NULL)
			out("<corrupt>\n");
		else
			out("%04u-%02u-%02uT%02u:%02u:%02u\n",
			    (unsigned)tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
			    (unsigned)tm.tm_mday, (unsigned)tm.tm_hour,
			    (unsigned)tm.tm_min, (unsigned)tm.tm_sec);
		return true;
	}
	return false;
}
