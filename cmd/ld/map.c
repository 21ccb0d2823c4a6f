/*
 * map.c: the link map (-Map FILE, or -M / --print-map on standard
 * output): every output section with its address and size, the input
 * sections in it with the file each came from, and the global symbols
 * defined in them.  The layout is GNU ld's in spirit, not byte for byte.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ld.h"

static void
map_section(struct link *ctx, FILE *fp, struct output_section *os)
{
	struct input_section *is;
	size_t j;

	fprintf(fp, "\n%-16s 0x%016jx 0x%8jx\n", os->name,
	    (uintmax_t)os->addr, (uintmax_t)os->size);
	for (j = 0; j < os->nin; j++) {
		is = os->in[j];
		fprintf(fp, " %-15s 0x%016jx 0x%8jx %s\n", is->name,
		    (uintmax_t)(os->addr + is->offset),
		    (uintmax_t)is->shdr->sh_size, is->file->name);
	}
	(void)ctx;
}

static void
map_write(struct link *ctx, FILE *fp)
{
	struct input_file *f;
	struct symbol *s;
	size_t i, j;

	fprintf(fp, "Memory map\n");
	for (i = 0; i < ctx->nosecs; i++)
		if (!ctx->osecs[i]->omit)
			map_section(ctx, fp, ctx->osecs[i]);
	fprintf(fp, "\nSymbols\n\n");
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		for (j = f->first_global; j < f->nsyms; j++) {
			s = f->symbols[j];
			if (s == NULL || s->kind != SYM_DEFINED ||
			    s->file != f || s->bind == STB_LOCAL)
				continue;
			fprintf(fp, "0x%016jx %s %s\n",
			    (uintmax_t)symbol_address(ctx, s), s->name,
			    f->name);
		}
	}
}

void
write_map(struct link *ctx)
{
	struct outfile of;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	if (ctx->opts.print_map)
		map_write(ctx, stdout);
	if (ctx->opts.map_file == NULL)
		return;
	fp = open_memstream(&text, &len);
	if (fp == NULL)
		diag_fatal("out of memory");
	map_write(ctx, fp);
	fclose(fp);
	if (outfile_open(&of, ctx->opts.map_file,
	    outfile_default_mode(0666)) == -1 ||
	    outfile_write(&of, text, len) == -1 ||
	    outfile_commit(&of, 0) == -1)
		diag_errno(ctx->opts.map_file, "cannot write map");
	free(text);
}
