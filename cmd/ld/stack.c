/*
 * stack.c: whether the program's stack is executable, the PF_X bit of
 * its PT_GNU_STACK header (a GNU extension to the gABI, which the kernel
 * and glibc read).
 *
 * Each object says what it needs with a .note.GNU-stack section, empty
 * and flagged SHF_EXECINSTR when its code runs on the stack (nested
 * functions' trampolines).  An object without one is assumed to need an
 * executable stack, as GNU ld still assumes on x86-64 (with a warning
 * since binutils 2.39); an object with no sections says nothing.
 * -z execstack and -z noexecstack override the inputs, silently.
 */
#include <string.h>

#include "diag.h"
#include "ld.h"

bool
stack_executable(struct link *ctx)
{
	const struct input_file *f;
	const struct input_section *note;
	bool exec = false;
	size_t i, j;

	if (ctx->opts.exec_stack != 0)
		return ctx->opts.exec_stack > 0;
	for (i = 0; i < ctx->nfiles; i++) {
		f = ctx->files[i];
		if (f->nsecs <= 1)
			continue;
		note = NULL;
		for (j = 1; j < f->nsecs && note == NULL; j++)
			if (strcmp(f->secs[j].name, ".note.GNU-stack") == 0)
				note = &f->secs[j];
		if (note == NULL) {
			diag_warn(f->name, "missing .note.GNU-stack section "
			    "implies executable stack");
			exec = true;
		} else if (note->shdr->sh_flags & SHF_EXECINSTR) {
			diag_warn(f->name, "requires executable stack (because "
			    "the .note.GNU-stack section is executable)");
			exec = true;
		}
	}
	return exec;
}
