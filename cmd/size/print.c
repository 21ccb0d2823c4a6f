/*
 * print: GNU size's three formats.
 *
 *   Berkeley: text, data, bss, total in decimal (octal with -o) and in
 *             hex, then the name.  Allocated sections count as text if
 *             code or read-only, as data if they have contents, else as
 *             bss (--common adds common symbols to bss).
 *   SysV:     every section with its size and address, and a total.
 *   GNU:      like Berkeley, read-only data counted as data.
 *
 * Numbers in the chosen radix are right-aligned: decimal, octal with a
 * leading 0, hex with 0x (as printf's "%#o" and "%#x").
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "size.h"
#include "symtab.h"

static uint64_t	 tot_text, tot_data, tot_bss;
static bool	 seen;

static int
fmt_number(char *buf, size_t len, const struct size_opts *op, uint64_t v)
{
	if (op->radix == 8)
		return snprintf(buf, len, "0%" PRIo64, v);
	if (op->radix == 16)
		return snprintf(buf, len, "0x%" PRIx64, v);
	return snprintf(buf, len, "%" PRIu64, v);
}

static void
rprint(const struct size_opts *op, int width, uint64_t v)
{
	char buf[40];

	fmt_number(buf, sizeof(buf), op, v);
	printf("%*s", width, buf);
}

static void
sums(const struct size_opts *op, const struct size_obj *so, uint64_t *text,
    uint64_t *data, uint64_t *bss)
{
	const struct size_sec *s;
	size_t i;

	*text = *data = *bss = 0;
	for (i = 0; i < so->n; i++) {
		s = &so->secs[i];
		if ((s->flags & SEC_F_ALLOC) == 0)
			continue;
		if ((s->flags & SEC_F_CODE) || (op->format == SIZE_BERKELEY &&
		    (s->flags & SEC_F_READONLY)))
			*text += s->size;
		else if (s->flags & SEC_F_CONTENTS)
			*data += s->size;
		else
			*bss += s->size;
	}
	*bss += so->common;
}

static void
print_three(const struct size_opts *op, uint64_t text, uint64_t data,
    uint64_t bss)
{
	uint64_t total = text + data + bss;

	if (op->format == SIZE_BERKELEY) {
		rprint(op, 7, text);
		putchar('\t');
		rprint(op, 7, data);
		putchar('\t');
		rprint(op, 7, bss);
		printf(op->radix == 8 ? "\t%7" PRIo64 "\t%7" PRIx64 "\t" :
		    "\t%7" PRIu64 "\t%7" PRIx64 "\t", total, total);
	} else {
		rprint(op, 10, text);
		putchar(' ');
		rprint(op, 10, data);
		putchar(' ');
		rprint(op, 10, bss);
		putchar(' ');
		rprint(op, 10, total);
		putchar(' ');
	}
}

static void
print_berkeley(const struct size_opts *op, const struct size_obj *so,
    const char *file, const char *archive)
{
	uint64_t text, data, bss;

	sums(op, so, &text, &data, &bss);
	if (!seen) {
		if (op->format == SIZE_BERKELEY)
			puts(op->radix == 8 ?
			    "   text\t   data\t    bss\t    oct\t    hex\tfilename" :
			    "   text\t   data\t    bss\t    dec\t    hex\tfilename");
		else
			puts("      text       data        bss      total "
			    "filename");
		seen = true;
	}
	tot_text += text;
	tot_data += data;
	tot_bss += bss;
	print_three(op, text, data, bss);
	fputs(file, stdout);
	if (archive != NULL)
		printf(" (ex %s)", archive);
	putchar('\n');
}

/* A section GNU size's SysV listing skips: BFD gave it no flags. */
static bool
flagless(const struct size_sec *s)
{
	return (s->flags & (SEC_F_CONTENTS | SEC_F_ALLOC | SEC_F_READONLY |
	    SEC_F_CODE | SEC_F_TLS)) == 0;
}

static void
print_sysv(const struct size_opts *op, const struct size_obj *so,
    const char *file, const char *archive)
{
	char buf[40];
	uint64_t total = 0, maxaddr = 0;
	int namew = 0, sizew, addrw;
	size_t i;

	for (i = 0; i < so->n; i++) {
		if (flagless(&so->secs[i]))
			continue;
		if ((int)strlen(so->secs[i].name) > namew)
			namew = (int)strlen(so->secs[i].name);
		total += so->secs[i].size;
		if (so->secs[i].addr > maxaddr)
			maxaddr = so->secs[i].addr;
	}
	if (op->common) {
		if (namew < 5)
			namew = 5;
		total += so->common;
	}
	addrw = fmt_number(buf, sizeof(buf), op, maxaddr);
	if (addrw < 4)
		addrw = 4;
	sizew = fmt_number(buf, sizeof(buf), op, total);
	if (sizew < 4)
		sizew = 4;
	printf("%s  ", file);
	if (archive != NULL)
		printf(" (ex %s)", archive);
	printf(":\n%-*s   %*s   %*s\n", namew, "section", sizew, "size", addrw,
	    "addr");
	for (i = 0; i < so->n; i++) {
		if (flagless(&so->secs[i]))
			continue;
		printf("%-*s   ", namew, so->secs[i].name);
		rprint(op, sizew, so->secs[i].size);
		printf("   ");
		rprint(op, addrw, so->secs[i].addr);
		putchar('\n');
	}
	if (op->common) {
		printf("%-*s   ", namew, "*COM*");
		rprint(op, sizew, so->common);
		printf("   ");
		rprint(op, addrw, 0);
		putchar('\n');
	}
	printf("%-*s   ", namew, "Total");
	rprint(op, sizew, total);
	printf("\n\n\n");
}

void
size_print(const struct size_opts *op, const struct size_obj *so,
    const char *file, const char *archive)
{
	if (op->format == SIZE_SYSV)
		print_sysv(op, so, file, archive);
	else
		print_berkeley(op, so, file, archive);
}

void
size_print_totals(const struct size_opts *op)
{
	if (!op->totals || op->format == SIZE_SYSV)
		return;
	print_three(op, tot_text, tot_data, tot_bss);
	puts(op->format == SIZE_BERKELEY ? "(TOTALS)" : "(TOTALS)");
}
