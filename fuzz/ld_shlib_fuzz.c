/*
 * ld_shlib_fuzz: libFuzzer harness for ld's shared-library reader
 * (shlib.c, needed.c) and the dynamic output built from what it read.
 *
 * The input's first byte picks link options (below); the rest is written
 * to a scratch file that is linked as the only input, a shared library:
 * its dynamic symbols, versions and dynamic tags are read, its DT_NEEDED
 * entries looked for (on this machine's library path), its undefined
 * symbols checked, and a PIE or a shared library importing from it is
 * laid out and written.  Whatever the bytes are, the link must end in an
 * error or an output, never in a read or write outside what was checked.
 *
 * The allocator, exit and checkpoint are ld_input_fuzz's, which this file
 * includes with its entry point renamed.
 */
#define LLVMFuzzerTestOneInput	ld_input_test_one
#include "ld_input_fuzz.c"
#undef LLVMFuzzerTestOneInput

/* Option bits of the first input byte. */
#define FS_SHARED	0x01	/* -shared, else -pie */
#define FS_CHECK	0x02	/* --no-allow-shlib-undefined */
#define FS_NOW		0x04	/* -z now */
#define FS_ASNEEDED	0x08	/* --as-needed */
#define FS_UNDEF	0x10	/* -u of names libraries define */
#define FS_SYSV		0x20	/* --hash-style=sysv */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
link_shlib(struct link *ctx, unsigned flags)
{
	static const char *const names[] = { "foo", "bar", "environ", "puts",
	    "tls" };
	struct input_arg *ia;
	size_t i;

	strmap_init(&ctx->comdat, 16);
	ctx->opts.output = outpath;
	ctx->opts.relro = ctx->opts.separate_code = true;
	ctx->opts.new_dtags = true;
	ctx->opts.shared = (flags & FS_SHARED) != 0;
	ctx->opts.pie = !ctx->opts.shared;
	ctx->opts.now = (flags & FS_NOW) != 0;
	ctx->opts.hash_gnu = (flags & FS_SYSV) == 0;
	ctx->opts.hash_sysv = true;
	ctx->opts.unresolved_objs = UNRES_IGNORE;
	ctx->opts.unresolved_shlibs = (flags & FS_CHECK) ? UNRES_REPORT :
	    UNRES_IGNORE;
	ctx->opts.entry = "foo";
	if (flags & FS_UNDEF)
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			ctx->undefs[ctx->nundefs++] = names[i];
	ia = insert_input(ctx, 0, inpath, 0);
	ia->as_needed = (flags & FS_ASNEEDED) != 0;

	/* The pipeline of main.c. */
	read_input_files(ctx);
	setup_dynamic(ctx);
	checkpoint(ctx);
	resolve_symbols(ctx);
	if (ctx->dynamic)
		resolve_dynamic(ctx);
	check_symbols(ctx);
	bin_sections(ctx);
	create_synthetic_sections(ctx);
	merge_sections(ctx);
	scan_relocations(ctx);
	checkpoint(ctx);
	if (ctx->dynamic)
		size_dynamic_sections(ctx);
	checkpoint(ctx);
	assign_addresses(ctx);
	fix_synthetic_symbols(ctx);
	checkpoint(ctx);
	write_output(ctx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one(data, size, link_shlib);
}
