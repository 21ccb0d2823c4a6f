/*
 * ld: link x86-64 ELF relocatable objects, archives and shared libraries
 * into an executable (static, dynamic or PIE) or a shared library.
 *
 * main() is the link, a straight list of passes on one struct link (see
 * STYLE.md section 8 and mold's src/main.cc).  Each pass records errors and
 * carries on; checkpoint() stops the link, always before the output file
 * exists.  The behaviours follow Ian Lance Taylor's linker essay
 * (../shared/seeds/004_*), the gABI and the x86-64 psABI.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ld.h"

void
checkpoint(struct link *ctx)
{
	(void)ctx;
	if (diag_errors() > 0)
		exit(1);
}

int
main(int argc, char **argv)
{
	struct link ctx;
	double start = stats_now();

	memset(&ctx, 0, sizeof(ctx));
	arena_init(&ctx.arena);
	diag_init(argv[0]);
	diag_set_progname("ld");
	strmap_init(&ctx.comdat, 1024);

	/* Options into ctx.opts; inputs in command-line order. */
	parse_args(&ctx, argc, argv);
	/* Passes that are loops over arrays share these threads. */
	ctx.pool = pool_new(ctx.opts.threads);
	stats_lap(&ctx, NULL);
	ctx.lapwall = start;
	stats_lap(&ctx, "parse_args");

	/* Map every input: objects are validated, archives indexed. */
	read_input_files(&ctx);
	stats_lap(&ctx, "read_input_files");
	/* Static, dynamic or position-independent: settled here. */
	setup_dynamic(&ctx);
	stats_lap(&ctx, "setup_dynamic");
	checkpoint(&ctx);

	/*
	 * One symbol per name; archive members are loaded on demand.
	 * Beyond this point no new input files are added.
	 */
	resolve_symbols(&ctx);
	stats_lap(&ctx, "resolve_symbols");
	/* --defsym: aliases and absolute values, before the checks. */
	apply_defsyms(&ctx);
	stats_lap(&ctx, "apply_defsyms");

	/* Needed libraries (--as-needed) and preemptible symbols. */
	if (ctx.dynamic)
		resolve_dynamic(&ctx);
	stats_lap(&ctx, "resolve_dynamic");

	/* Undefined and duplicate symbols are fatal here. */
	check_symbols(&ctx);
	stats_lap(&ctx, "check_symbols");

	/* Drop sections nothing reaches from the roots (--gc-sections). */
	if (ctx.opts.gc_sections)
		gc_sections(&ctx);
	stats_lap(&ctx, "gc_sections");

	/* Input sections into output sections, in GNU ld's order. */
	bin_sections(&ctx);
	stats_lap(&ctx, "bin_sections");
	create_synthetic_sections(&ctx);
	stats_lap(&ctx, "create_synthetic_sections");

	/* One copy of each string and constant of SHF_MERGE sections. */
	merge_sections(&ctx);
	stats_lap(&ctx, "merge_sections");
	/* One copy of each CIE; no FDEs of functions left out. */
	merge_eh_frames(&ctx);
	stats_lap(&ctx, "merge_eh_frames");

	/* GOT and IFUNC PLT needs.  No new symbols after this. */
	scan_relocations(&ctx);
	stats_lap(&ctx, "scan_relocations");
	checkpoint(&ctx);

	/* .dynsym, its strings, hashes and versions; .dynamic's tags. */
	if (ctx.dynamic)
		size_dynamic_sections(&ctx);
	stats_lap(&ctx, "size_dynamic_sections");
	checkpoint(&ctx);

	/* Sizes, segments and file offsets: the layout is fixed. */
	assign_addresses(&ctx);
	stats_lap(&ctx, "assign_addresses");
	fix_synthetic_symbols(&ctx);
	stats_lap(&ctx, "fix_synthetic_symbols");
	checkpoint(&ctx);

	/* Contents, relocations, headers, build ID; then commit. */
	write_output(&ctx);
	stats_lap(&ctx, "commit");

	if (ctx.opts.map_file != NULL || ctx.opts.print_map)
		write_map(&ctx);
	stats_lap(&ctx, "write_map");
	ctx.lapwall = start;
	ctx.lapcpu = 0;
	stats_lap(&ctx, "total");
	/* exit, not return: ctx stays reachable for leak checkers. */
	exit(diag_status());
}
