/*
 * print: GNU nm's text formats, byte for byte.
 *
 *   bsd    VALUE [SIZE] L NAME; undefined symbols show blanks for VALUE
 *   sysv   NAME|VALUE|   L  |TYPE|SIZE|     |SECTION, under a header
 *   posix  NAME L VALUE [SIZE], numbers unpadded
 *   just   NAME
 *
 * Numbers are zero-padded to 8 or 16 digits by the file's class in every
 * radix (GNU uses "%016" PRId64 for -t d, so values above 2^63 print
 * negative there too).  -A puts "file:" or "archive:member:" (posix:
 * "file: ", "archive[member]: ") before each line.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aout.h"
#include "nm.h"
#include "symtab.h"

static void	 print_value(const struct nm_opts *, uint64_t, int width);
static void	 print_blank(int width);
static void	 print_name(const struct nm_opts *, const struct nm_sym *,
		    const char *);
static void	 print_prefix(const struct nm_opts *, const struct nm_list *);
static void	 print_bsd(const struct nm_opts *, const struct nm_list *,
		    const struct nm_sym *);
static void	 print_sysv(const struct nm_opts *, const struct nm_list *,
		    const struct nm_sym *);
static void	 print_posix(const struct nm_opts *, const struct nm_list *,
		    const struct nm_sym *);

static void
print_value(const struct nm_opts *op, uint64_t v, int width)
{
	char buf[32];
	int pad = op->format == NM_POSIX ? 0 : width / 4;

	if (op->radix == 16) {
		out_hex(v, pad);
		return;
	}
	if (op->radix == 8)
		snprintf(buf, sizeof(buf), "%0*" PRIo64, pad, v);
	else
		snprintf(buf, sizeof(buf), "%0*" PRId64, pad, (int64_t)v);
	out_str(buf);
}

static void
print_blank(int width)
{
	out_mem("                ", width == 64 ? 16 : 8);
}

/* The name as GNU prints it; fmt is "%s" or "%-20s". */
static void
print_name(const struct nm_opts *op, const struct nm_sym *s, const char *fmt)
{
	const char *name = s->name, *at, *dm;
	char *cut = NULL;
	size_t n;

	/* --without-symbol-versions also cuts "foo@@V" names at the '@'. */
	if (op->without_symbol_versions && (at = strchr(name, '@')) != NULL) {
		n = (size_t)(at - name);
		if ((cut = malloc(n + 1)) == NULL)
			return;
		memcpy(cut, name, n);
		cut[n] = '\0';
		name = cut;
	}
	if (op->demangle && *name != '\0' && (dm = nm_demangle(name)) != NULL)
		name = dm;
	n = strlen(name);
	out_mem(name, n);
	if (s->version != NULL && !op->without_symbol_versions) {
		out_mem("@@", (s->flags & NMS_VERAT) ? 1 : 2);
		out_str(s->version);
		n += strlen(s->version) + ((s->flags & NMS_VERAT) ? 1 : 2);
	}
	if (fmt[1] == '-')
		for (; n < 20; n++)
			out_chr(' ');
	free(cut);
}

static void
print_prefix(const struct nm_opts *op, const struct nm_list *l)
{
	if (!op->print_file_name || op->format == NM_JUST)
		return;
	if (op->format == NM_POSIX) {
		out_str(l->file);
		if (l->member != NULL) {
			out_chr('[');
			out_str(l->member);
			out_chr(']');
		}
		out_mem(": ", 2);
		return;
	}
	out_str(l->file);
	out_chr(':');
	if (l->member != NULL) {
		out_str(l->member);
		out_chr(':');
	}
}

/* An a.out stab, as GNU shows it: other, desc, stab name. */
static void
print_stab(const struct nm_sym *s)
{
	const char *n = aout_stab_name(s->type);
	char buf[64];

	snprintf(buf, sizeof(buf), " %02x %04x %5s", (unsigned)(uint8_t)s->other,
	    (int)s->desc, n != NULL ? n : "");
	out_str(buf);
}

static void
print_bsd(const struct nm_opts *op, const struct nm_list *l,
    const struct nm_sym *s)
{
	/* GNU shows the size instead of the value under --size-sort. */
	if (s->flags & NMS_UNDEF)
		print_blank(l->width);
	else if (op->size_sort && !op->print_size)
		print_value(op, s->size, l->width);
	else
		print_value(op, s->value, l->width);
	if (op->print_size && s->size != 0) {
		out_chr(' ');
		print_value(op, s->size, l->width);
	}
	out_chr(' ');
	out_chr(s->letter);
	if (s->flags & NMS_STAB)
		print_stab(s);
	out_chr(' ');
	print_name(op, s, "%s");
}

static void
print_sysv(const struct nm_opts *op, const struct nm_list *l,
    const struct nm_sym *s)
{
	char buf[48], tbuf[32];

	print_name(op, s, "%-20s");
	out_chr('|');
	if (s->flags & NMS_UNDEF)
		print_blank(l->width);
	else
		print_value(op, s->value, l->width);
	out_mem("|   ", 4);
	out_chr(s->letter);
	out_mem("  |", 3);
	if (s->flags & NMS_STAB) {
		const char *n = aout_stab_name(s->type);

		snprintf(buf, sizeof(buf), "%18s|  %04x|     |",
		    n != NULL ? n : "", (int)s->desc);
		out_str(buf);
		return;
	}
	if (s->flags & NMS_HASELF) {
		snprintf(buf, sizeof(buf), "%18s|",
		    symtab_type_name(s->type, tbuf, sizeof(tbuf)));
		out_str(buf);
	} else
		out_str("                  |");
	if (s->size != 0)
		print_value(op, s->size, l->width);
	else
		print_blank(l->width);
	out_str("|     |");
	if (s->flags & NMS_HASELF)
		out_str(s->secname);
}

static void
print_posix(const struct nm_opts *op, const struct nm_list *l,
    const struct nm_sym *s)
{
	print_name(op, s, "%s");
	out_chr(' ');
	out_chr(s->letter);
	out_chr(' ');
	if (s->flags & NMS_UNDEF) {
		out_mem("        ", 8);
		return;
	}
	print_value(op, s->value, l->width);
	out_chr(' ');
	if (s->size != 0)
		print_value(op, s->size, l->width);
}

void
nm_print_list(const struct nm_opts *op, const struct nm_list *l)
{
	const struct nm_sym *s;
	size_t i;

	if (op->format == NM_JSON) {
		nm_json_list(op, l);
		return;
	}
	for (i = 0; i < l->n; i++) {
		s = &l->syms[i];
		/* Names demangled ahead, a run at a time; see demangle.c. */
		if (op->demangle && !op->without_symbol_versions &&
		    i % NM_DEMANGLE_CHUNK == 0)
			nm_demangle_prefetch(s, l->n - i < NM_DEMANGLE_CHUNK ?
			    l->n - i : NM_DEMANGLE_CHUNK, l->member != NULL);
		print_prefix(op, l);
		switch (op->format) {
		case NM_BSD:
			print_bsd(op, l, s);
			break;
		case NM_SYSV:
			print_sysv(op, l, s);
			break;
		case NM_POSIX:
			print_posix(op, l, s);
			break;
		default:
			print_name(op, s, "%s");
			break;
		}
		out_chr('\n');
	}
	if (op->demangle)
		nm_demangle_prefetch(NULL, 0, false);
}

static void
sysv_header(const struct nm_opts *op, const char *file, const char *member,
    int width)
{
	out_str(op->undefined_only ? "\n\nUndefined symbols from " :
	    "\n\nSymbols from ");
	out_str(file);
	if (member != NULL) {
		out_chr('[');
		out_str(member);
		out_chr(']');
	}
	out_str(":\n\n");
	if (width == 32)
		out_str("Name                  Value   Class        Type"
		    "         Size     Line  Section\n\n");
	else
		out_str("Name                  Value           Class        Type"
		    "         Size             Line  Section\n\n");
}

/* Before an object's symbols: a plain file (member NULL) or a member. */
void
nm_print_object_heading(const struct nm_opts *op, const char *file,
    const char *member, int width)
{
	switch (op->format) {
	case NM_BSD:
		if (member != NULL ? !op->print_file_name :
		    op->file_headings && !op->print_file_name) {
			out_mem("\n", 1);
			out_str(member != NULL ? member : file);
			out_mem(":\n", 2);
		}
		break;
	case NM_SYSV:
		sysv_header(op, file, member, width);
		break;
	case NM_POSIX:
		if (member != NULL ? !op->print_file_name :
		    op->file_headings && !op->print_file_name) {
			out_str(file);
			if (member != NULL) {
				out_chr('[');
				out_str(member);
				out_chr(']');
			}
			out_mem(":\n", 2);
		}
		break;
	default:
		break;
	}
}

void
nm_print_archive_heading(const struct nm_opts *op, const char *file)
{
	if (op->format == NM_BSD && op->file_headings) {
		out_mem("\n", 1);
		out_str(file);
		out_mem(":\n", 2);
	}
}
