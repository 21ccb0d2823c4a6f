/*
 * script.c: the GNU linker scripts found where libraries are, such as
 * /usr/lib/x86_64-linux-gnu/libm.a:
 *
 *	OUTPUT_FORMAT(elf64-x86-64)
 *	GROUP ( /usr/lib/x86_64-linux-gnu/libm-2.36.a libmvec.a )
 *
 * Only the commands that name inputs are understood: INPUT, GROUP and
 * AS_NEEDED inside them (files and -lNAME); OUTPUT_FORMAT, OUTPUT_ARCH,
 * SEARCH_DIR and comments are skipped.  A script with any other command
 * (SECTIONS, MEMORY, ...) is rejected: layout scripts are not supported.
 * The grammar is in the GNU ld manual, "Linker Scripts"; the sysroot
 * rules are those of its INPUT command.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

/*
 * A file named in a script: as given, else beside the script.  With
 * --sysroot, GNU ld reads an absolute name in a script inside the
 * sysroot (its libc.so) as one inside it, and "=NAME" always so.
 */
static const char *
script_file(struct link *ctx, const char *script, const char *name,
    bool bstatic)
{
	char path[4096];
	struct stat sb;
	const char *slash;

	if (strncmp(name, "-l", 2) == 0)
		return find_library(ctx, name + 2, !bstatic);
	if (name[0] == '=' || strncmp(name, "$SYSROOT", 8) == 0)
		return sysroot_path(ctx, name);
	if (name[0] == '/' && in_sysroot(ctx, script) &&
	    (size_t)snprintf(path, sizeof(path), "%s%s", ctx->opts.sysroot,
	    name) < sizeof(path) && stat(path, &sb) == 0)
		return xstrdup(path);
	if (name[0] == '/' || stat(name, &sb) == 0)
		return xstrdup(name);
	slash = strrchr(script, '/');
	if (slash != NULL) {
		if ((size_t)snprintf(path, sizeof(path), "%.*s/%s",
		    (int)(slash - script), script, name) < sizeof(path) &&
		    stat(path, &sb) == 0)
			return xstrdup(path);
	}
	/* Else in the search path, like -l:NAME (GNU ld does so). */
	if (name[0] == ':' ||
	    (size_t)snprintf(path, sizeof(path), ":%s", name) >= sizeof(path))
		return find_library(ctx, name, !bstatic);
	return find_library(ctx, path, !bstatic);
}

/*
 * Read the script in s; the inputs it names are inserted after argument
 * pos, so they are read next and keep the script's place in the order.
 * Returns false if s is not a script we understand.
 */
bool
read_script(struct link *ctx, size_t pos, struct span s)
{
	struct lexer lx = { .p = (const char *)s.data,
	    .end = (const char *)s.data + s.size, .punct = "(),;=" };
	struct input_arg *ia;
	const char *path, *script = ctx->args[pos].path;
	size_t at = pos + 1;
	int depth = 0, group = ctx->args[pos].group, asdepth = 0;
	bool inputs = false, asnext = false, rootnext = false;
	char name[sizeof(lx.tok) + 1];
	bool as_needed = ctx->args[pos].as_needed;
	bool bstatic = ctx->args[pos].bstatic;

	while (lexer_next(&lx)) {
		if (depth == 0) {
			if (strcmp(lx.tok, "GROUP") == 0 ||
			    strcmp(lx.tok, "INPUT") == 0)
				inputs = true;
			else if (strcmp(lx.tok, "OUTPUT_FORMAT") == 0 ||
			    strcmp(lx.tok, "OUTPUT_ARCH") == 0 ||
			    strcmp(lx.tok, "SEARCH_DIR") == 0)
				inputs = false;
			else if (strcmp(lx.tok, "(") == 0)
				depth++;
			else if (strcmp(lx.tok, ";") != 0)
				return false;
			continue;
		}
		if (strcmp(lx.tok, "(") == 0) {
			depth++;
			/* AS_NEEDED ( ... ): its files are needed if used. */
			if (asnext && asdepth == 0)
				asdepth = depth;
			asnext = false;
		} else if (strcmp(lx.tok, ")") == 0) {
			if (depth == asdepth)
				asdepth = 0;
			depth--;
		} else if (strcmp(lx.tok, "AS_NEEDED") == 0)
			asnext = true;
		else if (inputs && strcmp(lx.tok, "=") == 0)
			rootnext = true;	/* "=/usr/lib/x": the sysroot's */
		else if (inputs && strcmp(lx.tok, ",") != 0) {
			snprintf(name, sizeof(name), "%s%s", rootnext ? "=" : "",
			    lx.tok);
			rootnext = false;
			path = script_file(ctx, script, name, bstatic);
			if (path == NULL) {
				diag_error(script, "cannot find %s", name);
				continue;
			}
			ia = insert_input(ctx, at++, path, group);
			ia->as_needed = as_needed || asdepth != 0;
			ia->bstatic = bstatic;
			ia->searched = strncmp(name, "-l", 2) == 0;
		}
	}
	return depth == 0;
}
