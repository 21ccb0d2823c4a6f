/*
 * ld_input_fuzz: libFuzzer harness for ld's input stage and what reads
 * the inputs after it (cmd/ld, linked here without main.c).
 *
 * The input's first byte picks link options (below); the rest is written
 * to a scratch file that is linked as the only input, so it is read as an
 * object, an archive (with --whole-archive or -u to load members) or a
 * linker script, then resolved, laid out, relocated and written.  Whatever
 * the bytes are, the link must end in an error or an output, never in a
 * read or write outside what was checked.
 *
 * ld calls exit() after errors (checkpoint, write_output); this build
 * defines exit as ld_fuzz_exit (mk/fuzz.mk), which jumps back here.  ld
 * frees little, since it exits; so this harness brings its own xmalloc
 * family (common/xalloc.c is left out of the build) that remembers each
 * block, and free is defined as ld_fuzz_free, which forgets one; the
 * rest are freed after each input.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

/* Option bits of the first input byte. */
#define FZ_WHOLE	0x01	/* --whole-archive */
#define FZ_GC		0x02	/* --gc-sections */
#define FZ_EHHDR	0x04	/* --eh-frame-hdr */
#define FZ_BUILDID	0x08	/* --build-id */
#define FZ_STRIP	0x10	/* -s */
#define FZ_UNDEF	0x20	/* -u main -u f */
#define FZ_NOSEP	0x40	/* -z noseparate-code -z norelro */
#define FZ_MAP		0x80	/* -Map FILE */

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
void	ld_fuzz_exit(int) __attribute__((noreturn));
void	ld_fuzz_free(void *);

/* This file's own calls are to the C library's free. */
#undef free
void	free(void *);

static char	inpath[] = "/tmp/ld_input_fuzz.XXXXXX";
static char	outpath[sizeof(inpath) + 4];
static char	mappath[sizeof(inpath) + 4];
static int	infd = -1;
static jmp_buf	bail;

/*
 * The blocks handed out for the current input.  A block's header holds
 * its index in blocks[], so that realloc can update the entry.
 */
struct hdr {
	size_t		idx;
	max_align_t	pad[];
};
static struct hdr **blocks;
static size_t	nblocks, capblocks;

static void *
track(struct hdr *h)
{
	if (h == NULL)
		abort();
	if (nblocks == capblocks) {
		capblocks = capblocks * 2 + 1024;
		blocks = realloc(blocks, capblocks * sizeof(*blocks));
		if (blocks == NULL)
			abort();
	}
	h->idx = nblocks;
	blocks[nblocks++] = h;
	return h->pad;
}

void *
xmalloc(size_t n)
{
	return track(malloc(sizeof(struct hdr) + n));
}

void *
xcalloc(size_t n, size_t m)
{
	if (m != 0 && n > (SIZE_MAX - sizeof(struct hdr)) / m)
		abort();
	return track(calloc(1, sizeof(struct hdr) + n * m));
}

void *
xrealloc(void *p, size_t n)
{
	struct hdr *h, *nh;

	if (p == NULL)
		return xmalloc(n);
	h = (struct hdr *)((char *)p - offsetof(struct hdr, pad));
	if ((nh = realloc(h, sizeof(*nh) + n)) == NULL)
		abort();
	blocks[nh->idx] = nh;
	return nh->pad;
}

void *
xreallocarray(void *p, size_t n, size_t m)
{
	if (m != 0 && n > SIZE_MAX / m)
		abort();
	return xrealloc(p, n * m);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	n = strnlen(s, n);
	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * A block of ours, or memory from the C library (open_memstream's
 * buffer, in map.c).  Found by address, without reading its header
 * first; frees are few.
 */
void
ld_fuzz_free(void *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = nblocks; i-- > 0;)
		if (blocks[i] != NULL && blocks[i]->pad == p) {
			free(blocks[i]);
			blocks[i] = NULL;
			return;
		}
	free(p);
}

static void
free_blocks(void)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		free(blocks[i]);
	nblocks = 0;
}

void
ld_fuzz_exit(int status)
{
	(void)status;
	longjmp(bail, 1);
}

/* main.c's checkpoint, jumping back instead of exiting. */
void
checkpoint(struct link *ctx)
{
	(void)ctx;
	if (diag_errors() > 0)
		longjmp(bail, 1);
}

static void
cleanup(void)
{
	unlink(inpath);
	unlink(outpath);
	unlink(mappath);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diag_init("ld_input_fuzz");
	diag_set_progname("ld");
	if ((infd = mkstemp(inpath)) == -1)
		abort();
	snprintf(outpath, sizeof(outpath), "%s.out", inpath);
	snprintf(mappath, sizeof(mappath), "%s.map", inpath);
	atexit(cleanup);
	return 0;
}

static void
link_it(struct link *ctx, unsigned flags)
{
	struct input_arg *ia;

	strmap_init(&ctx->comdat, 16);
	ctx->opts.output = outpath;
	ctx->opts.relro = (flags & FZ_NOSEP) == 0;
	ctx->opts.separate_code = (flags & FZ_NOSEP) == 0;
	ctx->opts.gc_sections = (flags & FZ_GC) != 0;
	ctx->opts.eh_frame_hdr = (flags & FZ_EHHDR) != 0;
	ctx->opts.build_id = (flags & FZ_BUILDID) ? "sha1" : NULL;
	ctx->opts.strip_all = (flags & FZ_STRIP) != 0;
	ctx->opts.map_file = (flags & FZ_MAP) ? mappath : NULL;
	if (flags & FZ_UNDEF) {
		ctx->undefs[ctx->nundefs++] = "main";
		ctx->undefs[ctx->nundefs++] = "f";
	}
	ia = insert_input(ctx, 0, inpath, 0);
	ia->whole_archive = (flags & FZ_WHOLE) != 0;

	/* The pipeline of main.c. */
	read_input_files(ctx);
	checkpoint(ctx);
	resolve_symbols(ctx);
	check_symbols(ctx);
	if (ctx->opts.gc_sections)
		gc_sections(ctx);
	bin_sections(ctx);
	create_synthetic_sections(ctx);
	merge_sections(ctx);
	scan_relocations(ctx);
	checkpoint(ctx);
	assign_addresses(ctx);
	fix_synthetic_symbols(ctx);
	checkpoint(ctx);
	write_output(ctx);
	if (ctx->opts.map_file != NULL)
		write_map(ctx);
}

/*
 * One input: the bytes after the first into the scratch file, link(ctx,
 * first byte), then everything the link left open or allocated released,
 * however it ended.  ld_shlib_fuzz drives its own link through this too.
 */
static int
fuzz_one(const uint8_t *data, size_t size,
    void (*link)(struct link *, unsigned))
{
	static struct link ctx;
	size_t i;

	if (size < 1)
		return 0;
	if (ftruncate(infd, 0) != 0 || (size > 1 &&
	    pwrite(infd, data + 1, size - 1, 0) != (ssize_t)(size - 1)))
		abort();
	memset(&ctx, 0, sizeof(ctx));
	arena_init(&ctx.arena);
	diag_reset();
	if (setjmp(bail) == 0)
		link(&ctx, data[0]);
	if (ctx.out.fd > 0 || ctx.out.map != NULL)
		outfile_abort(&ctx.out);
	for (i = 0; i < ctx.nargs; i++)
		mapfile_close(&ctx.args[i].map);
	/* The libraries needed.c found on the library path. */
	for (i = 0; i < ctx.ndsos; i++)
		if (ctx.dsos[i]->map != NULL)
			mapfile_close(ctx.dsos[i]->map);
	arena_release(&ctx.arena);
	free_blocks();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one(data, size, link_it);
}
