/*
 * file: one operand.  Map it, tell what it is (filetype), and list an
 * ELF object, every member of an archive (with its index under -s), or
 * an a.out file.  Problems are reported as "nm: file(member): what" and
 * the next operand or member is still listed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arread.h"
#include "diag.h"
#include "elfobj.h"
#include "filetype.h"
#include "mapfile.h"
#include "nm.h"

static int	 list_object(const struct nm_opts *, const char *file,
		    const char *member, struct span);
static int	 list_archive(const struct nm_opts *, const char *file,
		    struct span);
static void	 print_armap(const struct nm_opts *, struct arread *);

/* "nm: x.o: no symbols" is a remark, not an error: GNU exits 0. */
static void
no_symbols(const struct nm_opts *op, const char *name)
{
	if (op->quiet || op->format == NM_JSON)
		return;
	out_flush();
	fprintf(stderr, "%s: %s: no symbols\n", diag_progname(), name);
}

static void
show(const struct nm_opts *op, struct nm_list *l)
{
	nm_sort(op, l);
	nm_print_list(op, l);
}

static int
list_object(const struct nm_opts *op, const char *file, const char *member,
    struct span s)
{
	struct nm_list l = { .file = file, .member = member, .width = 32 };
	char where[1024], err[256];
	struct elfobj o;
	int r;

	diag_name(where, sizeof(where), file, member);
	switch (filetype_detect(s)) {
	case FT_ELF:
		if (elfobj_open(&o, where, s) == -1) {
			out_flush();
			diag_error(where, "%s", o.err);
			elfobj_close(&o);
			return -1;
		}
		l.width = o.elfclass == ELFCLASS64 ? 64 : 32;
		nm_print_object_heading(op, file, member, l.width);
		r = nm_elf_collect(op, &o, &l, err, sizeof(err));
		if (r > 0)
			show(op, &l);
		elfobj_close(&o);
		break;
	case FT_AOUT:
		r = nm_aout_collect(op, s, &l, err, sizeof(err));
		if (r >= 0 || l.width != 0)
			nm_print_object_heading(op, file, member, l.width);
		if (r > 0)
			show(op, &l);
		break;
	default:
		out_flush();
		diag_error(where, "file format not recognized");
		return -1;
	}
	nm_list_free(&l);
	nm_arena_reset();
	if (r == 0)
		no_symbols(op, member != NULL ? member : file);
	if (r < 0) {
		out_flush();
		diag_error(where, "%s", err);
	}
	return r < 0 ? -1 : 0;
}

/* -s: the archive's symbol index, "name in member". */
static void
print_armap(const struct nm_opts *op, struct arread *ar)
{
	struct arindex_sym *syms;
	struct armember m;
	size_t n, i;

	if (arread_index(ar, &syms, &n) == -1) {
		out_flush();
		diag_error(ar->path, "%s", ar->err);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i == 0)
			out_str("\nArchive index:\n");
		if (arread_member_at(ar, syms[i].offset, &m) != 1) {
			out_flush();
			diag_error(ar->path, "index entry %zu: %s", i,
			    ar->err[0] ? ar->err : "no member at its offset");
			break;
		}
		out_str(syms[i].name);
		out_str(" in ");
		out_str(m.name);
		out_chr('\n');
	}
	free(syms);
}

static int
list_archive(const struct nm_opts *op, const char *file, struct span s)
{
	struct arread ar;
	struct armember m;
	int r, status = 0;

	if (arread_open(&ar, file, s) == -1) {
		out_flush();
		diag_error(file, "%s", ar.err);
		arread_close(&ar);
		return -1;
	}
	if (op->print_armap && op->format != NM_JSON)
		print_armap(op, &ar);
	nm_print_archive_heading(op, file);
	while ((r = arread_next(&ar, &m)) == 1)
		if (list_object(op, file, m.name, m.data) == -1)
			status = -1;
	if (r == -1) {
		out_flush();
		diag_error(file, "%s", ar.err);
		status = -1;
	}
	arread_close(&ar);
	return status;
}

int
nm_file(const struct nm_opts *op, const char *path)
{
	struct mapfile mf;
	struct span s;
	int r;

	if (mapfile_open(&mf, path) == -1) {
		out_flush();
		diag_open_error(path);
		return -1;
	}
	s = mapfile_span(&mf);
	switch (filetype_detect(s)) {
	case FT_AR:
	case FT_AR_THIN:
	case FT_AR_JAGUAR:
		r = list_archive(op, path, s);
		break;
	default:
		r = list_object(op, path, NULL, s);
		break;
	}
	mapfile_close(&mf);
	return r;
}
