/*
 * verscript.c: version scripts (--version-script).  Placeholder until
 * the parser lands; a script is refused with a clear error.
 */
#include "diag.h"
#include "ld.h"

bool
read_version_script(struct link *ctx, const char *path)
{
	(void)ctx;
	diag_error(path, "version scripts are not supported yet");
	return false;
}

void
apply_version_script(struct link *ctx)
{
	(void)ctx;
}

void
size_version_definitions(struct link *ctx)
{
	(void)ctx;
}

void
write_version_definitions(struct link *ctx, unsigned char *p)
{
	(void)ctx;
	(void)p;
}
