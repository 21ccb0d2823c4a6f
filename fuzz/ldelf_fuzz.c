/*
 * ldelf_fuzz: libFuzzer harness for the library classifier of ldconfig
 * (cmd/ldconfig/elfinfo.c, built here whole), which reads each library
 * with pread(2) through small windows.  The input is written to one
 * scratch file that lib_classify then reads; whatever it holds must be
 * classified or refused without a read outside what was read in.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cmd/ldconfig/elfinfo.c"

struct ldconfig_opts opts;

static char	path[] = "/tmp/ldelf_fuzz.XXXXXX";
static int	fd = -1;

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diag_init("ldelf_fuzz");
	opts.verbose = true;	/* reach the messages too */
	if ((fd = mkstemp(path)) == -1)
		abort();
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct libinfo li;

	if (ftruncate(fd, 0) != 0 ||
	    (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
		abort();
	if (lib_classify(path, "fuzz", "libfuzz.so.1", false, &li) == 0) {
		if (li.soname != NULL)
			(void)strlen(li.soname);
		free(li.soname);
	}
	return 0;
}
