/*
 * explain: the --explain lines.  Under each header field, section,
 * segment, dynamic entry, symbol and relocation that -h, -S, -l, -d, -s
 * and -r print, one line (prefixed "      # ") says what the thing is for
 * and what the linker or the loader does with it, for a student reading
 * a binary for the first time.  The text is ours; nothing here changes
 * the GNU-compatible lines, which stay byte-identical.
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

struct note_ent {
	const char	*key;		/* name, prefix (ends in '*') or type */
	const char	*text;
};

static const struct note_ent sections[] = {
	{ "", "the null section: index 0 means \"no section\"" },
	{ ".text*", "machine code; mapped read-only and executable" },
	{ ".init", "code the loader runs before main (old-style constructor)" },
	{ ".fini", "code run at exit (old-style destructor)" },
	{ ".plt.got", "PLT stubs that jump through GOT slots filled at load time" },
	{ ".plt.sec", "the second PLT (IBT-enabled): one stub per imported function" },
	{ ".plt*", "procedure linkage table: one stub per imported function; a call goes through it to the GOT" },
	{ ".got.plt", "GOT slots used by the PLT: filled lazily or at load time with function addresses" },
	{ ".got", "global offset table: addresses of data (and functions) the loader fills in" },
	{ ".rodata*", "read-only data: constants and string literals" },
	{ ".data.rel.ro*", "data written by relocation at load time, then made read-only (RELRO)" },
	{ ".data*", "initialised writable data" },
	{ ".bss*", "zero-initialised data: takes no room in the file (NOBITS)" },
	{ ".tdata*", "initial values of thread-local variables, copied for each thread" },
	{ ".tbss*", "zero-initialised thread-local variables" },
	{ ".symtab", "the full symbol table, for the linker and debuggers; strip removes it" },
	{ ".strtab", "names of the symbols in .symtab" },
	{ ".shstrtab", "names of the sections" },
	{ ".dynsym", "symbols the dynamic loader needs: imports and exports" },
	{ ".dynstr", "names for .dynsym, library names and versions" },
	{ ".dynamic", "the table the loader reads: needed libraries, where the symbol and relocation tables are" },
	{ ".interp", "path of the program interpreter (the dynamic loader) the kernel starts" },
	{ ".hash", "SysV hash table: the loader finds a symbol by name through it" },
	{ ".gnu.hash", "GNU hash table with a Bloom filter: faster symbol lookup for the loader" },
	{ ".gnu.version", "version index of each .dynsym symbol" },
	{ ".gnu.version_r", "versions this file needs from each library (e.g. GLIBC_2.34)" },
	{ ".gnu.version_d", "versions this library defines" },
	{ ".rela.plt", "relocations for the PLT's GOT slots (JUMP_SLOT), applied lazily or at load" },
	{ ".rel.plt", "relocations for the PLT's GOT slots (JUMP_SLOT)" },
	{ ".rela.dyn", "relocations the loader applies at load time (RELATIVE, GLOB_DAT...)" },
	{ ".rel.dyn", "relocations the loader applies at load time" },
	{ ".relr.dyn", "compact list of RELATIVE relocations: base address added at load" },
	{ ".rela*", "relocations for another section: how the linker patches it (with addend)" },
	{ ".rel*", "relocations for another section; the addend is stored in the patched place" },
	{ ".init_array", "pointers to constructors the loader calls before main" },
	{ ".fini_array", "pointers to destructors called at exit" },
	{ ".preinit_array", "pointers called even before .init_array (executables only)" },
	{ ".eh_frame_hdr", "sorted index into .eh_frame for fast unwinding" },
	{ ".eh_frame", "call frame information: how to unwind the stack for C++ exceptions and backtraces" },
	{ ".gcc_except_table", "C++ exception tables: which catch handles which call site" },
	{ ".note.gnu.build-id", "a unique ID of this build, used to find its debug info" },
	{ ".note.gnu.property", "properties such as CET (IBT/SHSTK) and the x86 ISA level needed" },
	{ ".note.ABI-tag", "the oldest kernel ABI this program needs" },
	{ ".note*", "notes: tagged information for the loader, debuggers or packaging tools" },
	{ ".comment", "compiler and linker version strings" },
	{ ".debug*", "DWARF debugging information (not loaded)" },
	{ ".group", "a COMDAT group: sections the linker keeps or drops together" },
	{ ".ARM.exidx*", "ARM exception index table for unwinding" },
	{ ".ARM.attributes", "ARM build attributes: CPU, FPU and ABI choices" },
	{ ".riscv.attributes", "RISC-V build attributes: the ISA string and stack alignment" },
	{ ".llvm_addrsig", "addresses taken, so that identical code folding stays safe" },
	{ ".gnu_debuglink", "name and CRC of the separate debug file" },
	{ NULL, NULL }
};

static const struct note_ent dtags[] = {
	{ "NEEDED", "a library to load; the loader searches its name in RUNPATH, LD_LIBRARY_PATH, the cache" },
	{ "SONAME", "this library's own name, which programs record in their NEEDED entries" },
	{ "RPATH", "directories searched for NEEDED libraries (old form, before LD_LIBRARY_PATH)" },
	{ "RUNPATH", "directories searched for NEEDED libraries, after LD_LIBRARY_PATH" },
	{ "INIT", "function the loader calls after relocation" },
	{ "FINI", "function called at exit" },
	{ "INIT_ARRAY", "address of the constructor pointer array" },
	{ "INIT_ARRAYSZ", "size of that array" },
	{ "FINI_ARRAY", "address of the destructor pointer array" },
	{ "FINI_ARRAYSZ", "size of that array" },
	{ "HASH", "address of the SysV symbol hash table" },
	{ "GNU_HASH", "address of the GNU symbol hash table" },
	{ "STRTAB", "address of the dynamic string table" },
	{ "SYMTAB", "address of the dynamic symbol table" },
	{ "STRSZ", "size of the dynamic string table" },
	{ "SYMENT", "size of one symbol entry" },
	{ "DEBUG", "filled by the loader at run time so debuggers can find the list of loaded libraries" },
	{ "PLTGOT", "address of the GOT the PLT uses" },
	{ "PLTRELSZ", "size of the PLT relocations" },
	{ "PLTREL", "whether PLT relocations are REL or RELA" },
	{ "JMPREL", "address of the PLT relocations (JUMP_SLOT), which may be applied lazily" },
	{ "RELA", "address of the load-time relocations" },
	{ "RELASZ", "their total size" },
	{ "RELAENT", "size of one of them" },
	{ "REL", "address of the load-time relocations (no addend)" },
	{ "RELSZ", "their total size" },
	{ "RELENT", "size of one of them" },
	{ "RELACOUNT", "how many RELATIVE relocations come first (the loader can do them quickly)" },
	{ "RELCOUNT", "how many RELATIVE relocations come first" },
	{ "RELR", "address of the packed RELATIVE relocations" },
	{ "FLAGS", "loader options; BIND_NOW: resolve all functions at load, not lazily" },
	{ "FLAGS_1", "more options: NOW (bind at load), PIE (position-independent executable)..." },
	{ "BIND_NOW", "resolve every symbol at load time" },
	{ "TEXTREL", "relocations patch read-only code: the loader must make it writable (avoid this)" },
	{ "VERSYM", "address of the symbol version table" },
	{ "VERNEED", "address of the needed versions" },
	{ "VERNEEDNUM", "how many libraries have needed versions" },
	{ "VERDEF", "address of the versions this library defines" },
	{ "VERDEFNUM", "how many versions are defined" },
	{ "NULL", "end of the dynamic table" },
	{ NULL, NULL }
};

static const struct note_ent relocs[] = {
	{ "*JUMP_SLOT", "a PLT slot: the loader puts the address of the function here (lazily with lazy binding)" },
	{ "*JMP_SLOT", "a PLT slot: the loader puts the address of the function here (lazily with lazy binding)" },
	{ "*GLOB_DAT", "a GOT slot: the loader stores the symbol's address here at load time" },
	{ "*RELATIVE", "the loader adds the load base to the stored value; no symbol lookup" },
	{ "*IRELATIVE", "the loader calls the IFUNC resolver and stores the address it returns" },
	{ "*COPY", "the loader copies the variable's initial value from the library into the program" },
	{ "*_PLT32", "a call through the PLT: the linker points it at the function or its stub" },
	{ "*_PC32", "a 32-bit PC-relative reference: target minus the place" },
	{ "*_PC64", "a 64-bit PC-relative reference" },
	{ "*GOTPCREL*", "PC-relative reference to the symbol's GOT slot" },
	{ "*GOTPCRELX", "PC-relative GOT reference the linker may relax to a direct one" },
	{ "*_64", "the full 64-bit address of the symbol plus the addend" },
	{ "*_32", "the 32-bit address of the symbol plus the addend" },
	{ "*_32S", "the 32-bit sign-extended address of the symbol" },
	{ "*TPOFF*", "offset of a thread-local variable from the thread pointer" },
	{ "*DTPMOD*", "the module ID of a thread-local variable's library, filled by the loader" },
	{ "*DTPOFF*", "offset of a thread-local variable inside its module's TLS block" },
	{ "*TLSGD", "general-dynamic TLS access: a call to __tls_get_addr" },
	{ "*TLSLD", "local-dynamic TLS access" },
	{ "*CALL26", "a direct call (BL): 26-bit word offset to the target" },
	{ "*JUMP26", "a direct branch: 26-bit word offset to the target" },
	{ "*ADR_PREL_PG_HI21", "ADRP: the 4 KiB page of the target, PC-relative" },
	{ "*LO12*", "the low 12 bits of the target, added after ADRP" },
	{ "*CALL_PLT", "a call that may go through the PLT" },
	{ "*CALL", "a call to the symbol" },
	{ "*HI20", "upper 20 bits of the address (LUI/AUIPC)" },
	{ "*LO12_I", "lower 12 bits for an I-type instruction" },
	{ "*LO12_S", "lower 12 bits for an S-type instruction" },
	{ "*RELAX", "the linker may shorten the instruction sequence here" },
	{ "*NONE", "no operation" },
	{ NULL, NULL }
};

static bool
key_match(const char *key, const char *name)
{
	size_t n = strlen(key);

	if (key[0] == '*') {
		if (key[n - 1] == '*') {
			char buf[64];

			snprintf(buf, sizeof(buf), "%.*s", (int)(n - 2), key + 1);
			return strstr(name, buf) != NULL;
		}
		return strlen(name) >= n - 1 &&
		    strcmp(name + strlen(name) - (n - 1), key + 1) == 0;
	}
	if (n > 0 && key[n - 1] == '*')
		return strncmp(key, name, n - 1) == 0;
	return strcmp(key, name) == 0;
}

static const char *
find(const struct note_ent *t, const char *name)
{
	for (; t->key != NULL; t++)
		if (key_match(t->key, name))
			return t->text;
	return NULL;
}

void
explain_section(const struct relf *f, size_t idx)
{
	const char *s;

	if (!f->opts->explain)
		return;
	s = find(sections, relf_secname(f, idx));
	if (s == NULL) {
		switch (f->sh[idx].sh_type) {
		case SHT_PROGBITS: s = "contents defined by the program"; break;
		case SHT_NOBITS: s = "takes memory but no file space"; break;
		case SHT_NOTE: s = "notes for tools"; break;
		default: s = "see the Type column"; break;
		}
	}
	out_explain(f, s);
}

void
explain_segment(const struct relf *f, const GElf_Phdr *ph)
{
	const char *s;

	if (!f->opts->explain)
		return;
	switch (ph->p_type) {
	case PT_PHDR: s = "the program header table itself, mapped so the loader can find it"; break;
	case PT_INTERP: s = "names the dynamic loader the kernel starts instead of the program"; break;
	case PT_LOAD: s = ph->p_flags & PF_X ? "mapped into memory: code (read, execute)" :
		    ph->p_flags & PF_W ? "mapped into memory: data (read, write); MemSiz > FileSiz is .bss" :
		    "mapped into memory read-only"; break;
	case PT_DYNAMIC: s = "the dynamic section the loader reads"; break;
	case PT_NOTE: s = "notes (build ID, ABI tag, properties)"; break;
	case PT_TLS: s = "the template each thread's thread-local storage is made from"; break;
	case PT_GNU_EH_FRAME: s = "where the unwinder finds .eh_frame_hdr"; break;
	case PT_GNU_STACK: s = ph->p_flags & PF_X ? "the stack is executable (dangerous)" : "the stack is not executable"; break;
	case PT_GNU_RELRO: s = "made read-only after relocation, so the GOT and vtables cannot be overwritten"; break;
	case 0x6474e553: s = "the program properties (CET, ISA level) the kernel and loader check"; break;
	default: s = "see the Type column"; break;
	}
	out_explain(f, s);
}

void
explain_dtag(const struct relf *f, int64_t tag)
{
	const char *s;

	if (!f->opts->explain)
		return;
	s = find(dtags, names_dtag(f, (uint64_t)tag));
	out_explain(f, s != NULL ? s : "see the Type column");
}

void
explain_reloc(const struct relf *f, const char *type, const char *sym)
{
	char buf[256];
	const char *s;

	if (!f->opts->explain)
		return;
	s = type != NULL ? find(relocs, type) : NULL;
	if (s == NULL)
		s = "how to patch the place at Offset (see the processor ABI)";
	if (sym != NULL && *sym != '\0') {
		snprintf(buf, sizeof(buf), "%s [for %s]", s, sym);
		s = buf;
	}
	out_explain(f, s);
}

void
explain_symbol(const struct relf *f, const GElf_Sym *s)
{
	unsigned t = GELF_ST_TYPE(s->st_info), b = GELF_ST_BIND(s->st_info);
	const char *what;

	if (!f->opts->explain)
		return;
	if (t == STT_FILE)
		what = "the source file the following local symbols came from";
	else if (t == STT_SECTION)
		what = "stands for a section, so relocations can refer to it";
	else if (s->st_shndx == SHN_UNDEF)
		what = b == STB_WEAK ? "imported if present: may stay 0" :
		    "used here, defined elsewhere: the linker or loader must find it";
	else if (s->st_shndx == SHN_COMMON)
		what = "a tentative definition: the linker allocates it in .bss";
	else if (b == STB_LOCAL)
		what = "visible only inside this file";
	else if (GELF_ST_VISIBILITY(s->st_other) == STV_HIDDEN)
		what = "global inside the output, hidden from other modules";
	else if (b == STB_WEAK)
		what = "a definition another (strong) one may override";
	else if (t == STT_GNU_IFUNC)
		what = "a resolver the loader calls to pick the implementation";
	else
		what = t == STT_FUNC ? "a function other files can call" :
		    t == STT_OBJECT ? "a variable other files can use" :
		    t == STT_TLS ? "a thread-local variable" :
		    "a global name other files can refer to";
	out_explain(f, what);
}
