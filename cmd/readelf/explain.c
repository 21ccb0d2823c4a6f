/*
 * explain: the --explain lines, one per field, for a student reading a
 * binary for the first time.
 */
#include <string.h>

#include "readelf.h"

void
explain_section(const struct relf *f, size_t idx)
{
	(void)f; (void)idx;
}

void
explain_segment(const struct relf *f, const GElf_Phdr *ph)
{
	(void)f; (void)ph;
}

void
explain_dtag(const struct relf *f, int64_t tag)
{
	(void)f; (void)tag;
}

void
explain_reloc(const struct relf *f, const char *type, const char *sym)
{
	(void)f; (void)type; (void)sym;
}
