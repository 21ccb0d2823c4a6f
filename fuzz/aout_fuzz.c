/*
 * libFuzzer harness for common/aout: parse the header, then read every
 * symbol, every relocation of both tables, the link(5) structures, the
 * needed-object chain, the RRS symbols and relocations, exactly as
 * readelf does.  Any out-of-bounds read is an ASan report.
 *
 * Run: make fuzz && build/fuzz/aout_fuzz DIR (seed DIR with
 * ../shared/corpus/aout and tests/lib/mkaout output).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "aout.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile unsigned sink;

static void
fuzz_dynamic(struct aout *a)
{
	struct aout_dynamic d;
	struct aout_dynsym ds;
	struct aout_reloc r;
	struct aout_sod s;
	uint32_t addr;
	size_t i, guard;
	const char *p;

	if (aout_dynamic(a, &d) != 0)
		return;
	for (addr = d.need, guard = 0; addr != 0 && guard < 64; guard++) {
		if (aout_sod(a, &d, addr, &s) != 0 && s.name == NULL)
			break;
		sink += (unsigned char)s.name[0];
		addr = s.next;
	}
	if ((p = aout_text_string(a, &d, d.rules)) != NULL)
		sink += (unsigned char)p[0];
	for (i = 0; i < d.nsyms && i < 100000; i++)
		if (aout_dynsym(a, &d, i, &ds) == 0)
			sink += (unsigned char)ds.sym.name[0] + ds.size;
	for (i = 0; i < d.nrels && i < 100000; i++)
		if (aout_dynreloc(a, &d, i, &r) == 0)
			sink += r.symbolnum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct span sp = { (unsigned char *)data, size };
	struct aout a;
	struct aout_sym s;
	struct aout_reloc r;
	char buf[32];
	size_t i, n;
	int t;

	if (aout_parse(&a, sp) != 0)
		return 0;
	for (i = 0; i < a.nsyms; i++) {
		if (aout_sym(&a, i, &s) == 0)
			sink += (unsigned char)s.name[0];
		sink += (unsigned char)aout_nm_letter(&s);
		sink += aout_sym_is_debug(&s);
		sink += (unsigned char)aout_type_name(s.type, buf,
		    sizeof buf)[0];
	}
	for (t = 0; t < 2; t++) {
		n = aout_nrelocs(&a, t);
		for (i = 0; i < n; i++)
			if (aout_reloc(&a, t, i, &r) == 0)
				sink += r.symbolnum;
	}
	sink += (unsigned char)aout_machine_name(&a)[0];
	fuzz_dynamic(&a);
	return 0;
}
