/*
 * aout_dump: readelf for a.out files.  GNU readelf does not read a.out, so
 * we define the output, in the same spirit: a heading per part, then
 * "label: value" rows or a table.  The format is described in readelf(1);
 * the layout rules are in ../shared/spec/a.out.md, which common/aout.c
 * implements.
 *
 * This file holds the entry point, the output helpers shared by the
 * other aout_*.c files (text rows, --explain lines, JSON), and the exec
 * header dump (-h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "aout_dump.h"
#include "aout_priv.h"
#include "diag.h"

static void	header_fields(struct adump *, struct ad_field *, size_t *);
static const char *family_long(const struct aout *);
static const char *flags_name(const struct aout *, char *, size_t);

void
ad_out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

/* Remember a problem; aout_dump reports each one after the dump. */
void
ad_error(struct adump *d, const char *fmt, ...)
{
	char buf[200];
	va_list ap;
	int i;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	for (i = 0; i < d->nerr; i++)
		if (strcmp(d->errs[i], buf) == 0)
			return;
	if (d->nerr < AD_MAXERR)
		memcpy(d->errs[d->nerr++], buf, sizeof buf);
}

/* The line under a field that --explain adds. */
void
ad_explain(const struct adump *d, const char *fmt, ...)
{
	va_list ap;

	if (!d->explain || d->json)
		return;
	fputs("      # ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* A JSON string; bytes outside printable ASCII become \u00XX escapes. */
void
ad_jstring(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	putchar('"');
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

void
ad_jkey(struct adump *d, const char *key)
{
	if (d->comma)
		putchar(',');
	d->comma = true;
	if (key != NULL) {
		ad_jstring(key);
		putchar(':');
	}
}

void
ad_jopen(struct adump *d, const char *key, char brace)
{
	ad_jkey(d, key);
	putchar(brace);
	d->comma = false;
}

void
ad_jclose(struct adump *d, char brace)
{
	putchar(brace);
	d->comma = true;
}

void
ad_jnum(struct adump *d, const char *key, uint64_t v)
{
	ad_jkey(d, key);
	printf("%llu", (unsigned long long)v);
}

void
ad_jint(struct adump *d, const char *key, int64_t v)
{
	ad_jkey(d, key);
	printf("%lld", (long long)v);
}

void
ad_jstr(struct adump *d, const char *key, const char *s)
{
	ad_jkey(d, key);
	ad_jstring(s);
}

void
ad_jbool(struct adump *d, const char *key, bool v)
{
	ad_jkey(d, key);
	fputs(v ? "true" : "false", stdout);
}

/* A table of fields: text rows "  label:  value", or a JSON object. */
void
ad_fields(struct adump *d, const char *title, const char *key,
    const struct ad_field *f, size_t n)
{
	char val[96];
	size_t i;

	if (d->json) {
		ad_jopen(d, key, '{');
		for (i = 0; i < n; i++) {
			if (f[i].style == AD_STR)
				ad_jstr(d, f[i].key, f[i].s);
			else
				ad_jnum(d, f[i].key, f[i].v);
		}
		if (d->explain) {
			ad_jopen(d, "explain", '{');
			for (i = 0; i < n; i++)
				if (f[i].explain != NULL)
					ad_jstr(d, f[i].key, f[i].explain);
			ad_jclose(d, '}');
		}
		ad_jclose(d, '}');
		return;
	}
	ad_out("%s\n", title);
	for (i = 0; i < n; i++) {
		unsigned long long v = f[i].v;

		if (f[i].label == NULL)
			continue;	/* JSON only */
		switch (f[i].style) {
		case AD_DEC:	snprintf(val, sizeof val, "%llu", v); break;
		case AD_HEX:	snprintf(val, sizeof val, "0x%llx", v); break;
		case AD_SIZE:	snprintf(val, sizeof val, "%llu (%#llx)", v, v);
				break;
		case AD_OCT:	snprintf(val, sizeof val, "0%llo", v); break;
		case AD_STR:	snprintf(val, sizeof val, "%s", f[i].s); break;
		}
		if (f[i].style != AD_STR && f[i].s != NULL)
			ad_out("  %-36s %s (%s)\n", f[i].label, val, f[i].s);
		else
			ad_out("  %-36s %s\n", f[i].label, val);
		if (f[i].explain != NULL)
			ad_explain(d, "%s", f[i].explain);
	}
}

static const char *
family_long(const struct aout *a)
{
	switch (a->family) {
	case AOUT_RAW:
		return "raw magic, no machine id (4.3BSD, 386BSD, old NetBSD)";
	case AOUT_NETBSD:
		return "NetBSD/OpenBSD midmag (network byte order)";
	case AOUT_FREEBSD:
		return "FreeBSD midmag (host byte order)";
	case AOUT_SUNOS:
		return "SunOS 4 (dynamic, toolversion, machtype)";
	case AOUT_LINUX:
		return "Linux/GNU a_info (flags, machtype, magic)";
	default:
		return "PDP-11 V7 (16-bit words)";
	}
}

static const char *
flags_name(const struct aout *a, char *buf, size_t len)
{
	if (a->family == AOUT_SUNOS)
		return a->flags ? "a_dynamic" : "none";
	if (a->family == AOUT_LINUX || a->family == AOUT_RAW ||
	    a->family == AOUT_PDP11)
		return a->flags ? "unknown" : "none";
	snprintf(buf, len, "%s%s%s", (a->flags & 0x20) ? "EX_DYNAMIC" : "",
	    (a->flags & 0x30) == 0x30 ? "|" : "",
	    (a->flags & 0x10) ? "EX_PIC" : "");
	if (a->flags & ~0x30u)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s0x%x",
		    (a->flags & 0x30) ? "|" : "", a->flags & ~0x30u);
	return buf[0] != '\0' ? buf : "none";
}

#define F(k, l, st, val, note, ex) do {					\
	f[*n].key = (k); f[*n].label = (l); f[*n].style = (st);		\
	f[*n].v = (val); f[*n].s = (note); f[*n].explain = (ex); (*n)++;	\
} while (0)

static void
header_fields(struct adump *d, struct ad_field *f, size_t *n)
{
	const struct aout *a = &d->a;
	static char flagbuf[64], hexmagic[16];
	bool pdp = a->family == AOUT_PDP11, w0be;

	snprintf(hexmagic, sizeof hexmagic, "%s, %#x",
	    aout_magic_name(a->magic), a->magic);
	F("magic", "Magic:", AD_OCT, a->magic, hexmagic,
	    "OMAGIC: impure (text writable), also every .o; NMAGIC: pure "
	    "(shared read-only text); ZMAGIC/QMAGIC: demand paged from the "
	    "file");
	F("magic_name", NULL, AD_STR, 0, aout_magic_name(a->magic),
	    NULL);
	w0be = a->family == AOUT_NETBSD || a->family == AOUT_SUNOS ||
	    (a->family == AOUT_RAW && a->big);
	F("word0", "Word 0:", AD_HEX, pdp ? a->magic : w0be ? a->word0 :
	    load32(a->file.data, false), pdp ? "16-bit, little-endian" :
	    w0be ? "stored big-endian" : "stored little-endian",
	    "the first word packs the magic with the machine id and flags; "
	    "where each family puts them decides the family below");
	F("family", "Family:", AD_STR, 0, aout_family_name(a->family), NULL);
	F("family_desc", "Header encoding:", AD_STR, 0, family_long(a),
	    "which Unix wrote the header; it fixes the page size and where "
	    "text and data sit in the file and in memory");
	F("machine", "Machine id:", AD_DEC, a->mid, aout_machine_name(a),
	    "the CPU the code is for; the kernel refuses to exec a file for "
	    "another machine");
	F("machine_name", NULL, AD_STR, 0, aout_machine_name(a), NULL);
	F("flags", "Flags:", AD_HEX, a->flags,
	    flags_name(a, flagbuf, sizeof flagbuf),
	    "EX_DYNAMIC: ld.so must link this at run time (_DYNAMIC is at "
	    "the start of data); EX_PIC: position-independent code");
	if (a->family == AOUT_SUNOS)
		F("toolversion", "Tool version:", AD_DEC, a->toolversion,
		    NULL, "the SunOS toolchain generation (1 = SunOS 4 sparc)");
	F("byte_order", "Byte order:", AD_STR, 0,
	    a->big ? "big endian" : "little endian",
	    "order of the bytes in every other header word, the symbols and "
	    "the relocations: the CPU's");
	F("header_size", "Header size (bytes):", AD_DEC, a->hdrsize, NULL,
	    pdp ? "eight 16-bit words" : "eight 32-bit words");
	F("a_text", "Text size (a_text):", AD_SIZE, a->text, NULL,
	    a->hdr_in_text ? "bytes of code, counting the header, which is "
	    "mapped as the first bytes of text" : "bytes of machine code and "
	    "constants, mapped read-only (shared when pure)");
	F("a_data", "Data size (a_data):", AD_SIZE, a->data, NULL,
	    "bytes of initialised data, copied or mapped copy-on-write");
	F("a_bss", "BSS size (a_bss):", AD_SIZE, a->bss, NULL,
	    "zero-filled memory after data; takes no space in the file");
	F("a_syms", "Symbol table size (a_syms):", AD_SIZE, a->syms, NULL,
	    "bytes of nlist entries (12 each) for the linker and debuggers; "
	    "the loader ignores them");
	F("a_entry", "Entry point (a_entry):", AD_HEX, a->entry, NULL,
	    "address where execution starts; 0 in objects and libraries");
	if (pdp) {
		F("a_flag", "Relocation flag (a_flag):", AD_DEC, a->v7flag,
		    a->v7flag ? "relocation stripped" : "relocation present",
		    "non-zero when ld -s removed the relocation words");
	} else {
		F("a_trsize", "Text relocation size (a_trsize):", AD_SIZE,
		    a->trsize, NULL, "bytes of relocation entries that tell "
		    "the linker which text words hold addresses to patch");
		F("a_drsize", "Data relocation size (a_drsize):", AD_SIZE,
		    a->drsize, NULL, "the same for pointers stored in data");
	}
	F("page_size", "Page size:", AD_DEC, a->pagesize, NULL,
	    "the unit the family rounds segments to for paging");
	F("header_in_text", "Header in text:", AD_STR, 0,
	    a->hdr_in_text ? "yes" : "no", "yes when the header occupies "
	    "the first bytes of the first text page (QMAGIC, new ZMAGIC)");
	F("text_offset", "Text file offset (N_TXTOFF):", AD_HEX, a->txtoff,
	    NULL, "where the loader starts reading text from the file");
	F("text_addr", "Text address (N_TXTADDR):", AD_HEX, a->txtaddr,
	    NULL, a->isobj ? "relocatable: sections are based at 0 until ld "
	    "places them" : "virtual address the text is mapped at");
	F("data_offset", "Data file offset (N_DATOFF):", AD_HEX, a->datoff,
	    NULL, "where data starts in the file");
	F("data_addr", "Data address (N_DATADDR):", AD_HEX, a->dataddr,
	    NULL, "where data is mapped: after text, rounded up for paged "
	    "and pure files");
	F("bss_addr", "BSS address:", AD_HEX, a->dataddr + a->data, NULL,
	    "the first byte after data; the kernel zero-fills a_bss bytes");
	F("text_reloc_offset", "Text relocations offset (N_TRELOFF):",
	    AD_HEX, a->treloff, NULL, NULL);
	F("data_reloc_offset", "Data relocations offset (N_DRELOFF):",
	    AD_HEX, a->dreloff, NULL, NULL);
	F("symbol_offset", "Symbol table offset (N_SYMOFF):", AD_HEX,
	    a->symoff, NULL, NULL);
	if (!pdp) {
		F("string_offset", "String table offset (N_STROFF):", AD_HEX,
		    a->stroff, NULL, "symbol names live here, referenced by "
		    "n_strx; the first 4 bytes give the table's size");
		F("string_size", "String table size:", AD_SIZE, a->strsize,
		    NULL, NULL);
	}
	F("file_size", "File size:", AD_SIZE, a->file.size, NULL, NULL);
}

void
aout_dump_header(struct adump *d)
{
	struct ad_field f[40];
	size_t n = 0;

	header_fields(d, f, &n);
	ad_fields(d, "a.out header:", "header", f, n);
}

int
aout_dump(const char *name, struct span s, unsigned what)
{
	static struct adump d;
	int i;

	memset(&d, 0, sizeof d);
	d.name = name;
	d.what = what;
	d.json = (what & AOUT_DUMP_JSON) != 0;
	d.explain = (what & AOUT_DUMP_EXPLAIN) != 0;
	if (aout_parse(&d.a, s) == -1) {
		if (d.json) {
			ad_jopen(&d, NULL, '{');
			ad_jstr(&d, "file", name);
			ad_jstr(&d, "format", "a.out");
			ad_jopen(&d, "errors", '[');
			ad_jstr(&d, NULL, d.a.err);
			ad_jclose(&d, ']');
			ad_jclose(&d, '}');
		}
		fflush(stdout);
		diag_error(name, "%s", d.a.err);
		return -1;
	}
	if (d.a.truncated)
		ad_error(&d, "%s", d.a.err);
	/* -r lists the run-time relocations too, so look for them now. */
	switch (aout_dynamic(&d.a, &d.dyn)) {
	case 0:
		d.dyn_ok = true;
		break;
	case -1:
		if (what & (AOUT_DUMP_DYNAMIC | AOUT_DUMP_DYNSYMS |
		    AOUT_DUMP_RELOCS | AOUT_DUMP_SYMS))
			ad_error(&d, "%s", d.a.err);
		break;
	}
	if (d.json) {
		ad_jopen(&d, NULL, '{');
		ad_jstr(&d, "file", name);
		ad_jstr(&d, "format", "a.out");
	}
	/* GNU readelf's order: header, dynamic, relocations, symbols. */
	if (what & AOUT_DUMP_HEADER)
		aout_dump_header(&d);
	if (what & AOUT_DUMP_DYNAMIC)
		aout_dump_dynamic(&d);
	if (what & AOUT_DUMP_RELOCS)
		aout_dump_relocs(&d);
	if (what & AOUT_DUMP_DYNSYMS)
		aout_dump_dynsyms(&d);
	else if ((what & AOUT_DUMP_SYMS) && d.dyn_ok)
		aout_dump_rrs(&d);
	if (what & AOUT_DUMP_SYMS)
		aout_dump_syms(&d);
	if (d.json) {
		ad_jopen(&d, "errors", '[');
		for (i = 0; i < d.nerr; i++)
			ad_jstr(&d, NULL, d.errs[i]);
		ad_jclose(&d, ']');
		ad_jclose(&d, '}');
	}
	fflush(stdout);
	for (i = 0; i < d.nerr; i++)
		diag_error(name, "%s", d.errs[i]);
	return d.nerr > 0 ? -1 : 0;
}
