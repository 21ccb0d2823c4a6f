/*
 * ldconf_fuzz: libFuzzer harness for ldconfig's ld.so.conf parser
 * (cmd/ldconfig/conf.c with cache.c, built here whole).  The input is
 * the configuration file of a scratch root; its directory lines and
 * include globs resolve inside that root, which holds only the file
 * itself, so nothing outside is read.  Inputs with ".." are skipped:
 * a relative include may climb out of the root, as in glibc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cmd/ldconfig/cache.c"
#include "../cmd/ldconfig/conf.c"

struct ldconfig_opts opts;

static char	root[] = "/tmp/ldconf_fuzz.XXXXXX";
static char	*conf;

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
cleanup(void)
{
	char *etc;

	unlink(conf);
	etc = xmalloc(strlen(root) + 5);
	sprintf(etc, "%s/etc", root);
	rmdir(etc);
	free(etc);
	rmdir(root);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *etc;

	(void)argc;
	(void)argv;
	diag_init("ldconf_fuzz");
	opts.verbose = true;
	if (mkdtemp(root) == NULL)
		abort();
	etc = xmalloc(strlen(root) + 5);
	sprintf(etc, "%s/etc", root);
	if (mkdir(etc, 0755) != 0)
		abort();
	free(etc);
	conf = xmalloc(strlen(root) + 20);
	sprintf(conf, "%s/etc/ld.so.conf", root);
	opts.root = root;
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dir_list dl = { NULL, 0, 0 };
	struct cache c;
	FILE *fp;
	size_t i;

	for (i = 0; i + 1 < size; i++)
		if (data[i] == '.' && data[i + 1] == '.')
			return 0;
	if ((fp = fopen(conf, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	if (fclose(fp) != 0)
		abort();
	memset(&c, 0, sizeof(c));
	conf_parse(&dl, &c, "/etc/ld.so.conf", true);
	for (i = 0; i < dl.n; i++)
		(void)strlen(dl.v[i].path);
	dirs_free(&dl);
	cache_free(&c);
	return 0;
}
