/*
 * -V: the GNU symbol versioning sections (LSB Core, "Symbol Versioning"):
 * SHT_GNU_verdef (Verdef records, each with Verdaux names), SHT_GNU_verneed
 * (Verneed per library, Vernaux per version) and SHT_GNU_versym (one
 * half-word per dynamic symbol), in section order, as GNU readelf prints
 * them.  Every record is bounds checked against its section; the chains
 * in the versym listing are walked with a step limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "readelf.h"
#include "xalloc.h"

#define WALK_MAX	65536

/* versym_name's answer for one version number, once found. */
struct vmemo {
	const char	*name;
	bool		 done;
};

static void	print_verdef(struct relf *, size_t, struct span);
static void	print_verneed(struct relf *, size_t, struct span);
static bool	print_versym(struct relf *, size_t);
static const char *ver_flags(unsigned);
static void	print_heading(struct relf *, size_t, const char *, uint64_t,
		    const char *);

void
dump_version(struct relf *f)
{
	struct span dstr = dyn_strings(f);
	bool found = false;
	size_t i;

	for (i = 0; i < f->shnum; i++) {
		switch (f->sh[i].sh_type) {
		case SHT_GNU_verdef:
			print_verdef(f, i, dstr);
			found = true;
			break;
		case SHT_GNU_verneed:
			print_verneed(f, i, dstr);
			found = true;
			break;
		case SHT_GNU_versym:
			if (print_versym(f, i))
				found = true;
			break;
		}
	}
	if (!found)
		out("\nNo version information found in this file.\n");
}

static const char *
ver_flags(unsigned fl)
{
	static char buf[64];

	if (fl == 0)
		return "none";
	buf[0] = '\0';
	if (fl & VER_FLG_BASE)
		strcat(buf, "BASE");
	if (fl & VER_FLG_WEAK)
		strcat(buf, fl & VER_FLG_BASE ? " | WEAK" : "WEAK");
	if (fl & 4)
		strcat(buf, fl & 3 ? " | INFO" : "INFO");
	if (fl & ~7u)
		strcat(buf, fl & 7 ? " | <unknown>" : "<unknown>");
	return buf;
}

static void
print_heading(struct relf *f, size_t i, const char *what, uint64_t n,
    const char *link)
{
	const GElf_Shdr *sh = &f->sh[i];

	out("\nVersion %s section '%s' contains %ju entr%s:\n", what,
	    secname_print(f, i), (uintmax_t)n, n == 1 ? "y" : "ies");
	out(" Addr: 0x%016jx  Offset: 0x%08jx  Link: %u (%s)\n",
	    (uintmax_t)sh->sh_addr, (uintmax_t)sh->sh_offset, sh->sh_link,
	    link);
}

static const char *
link_name(struct relf *f, uint32_t link)
{
	return link < f->eh.e_shnum && link < f->shnum ?
	    secname_print(f, link) : "<corrupt>";
}

/* A dynamic string, if the offset is inside the table. */
static const char *
dstr_at(struct span s, uint64_t off, int *len)
{
	if (s.data == NULL || off >= s.size)
		return NULL;
	*len = (int)strnlen((const char *)s.data + off, s.size - off);
	return (const char *)s.data + off;
}

static void
print_verdef(struct relf *f, size_t i, struct span ds)
{
	const unsigned char *b, *v, *a;
	uint64_t size, idx = 0, isum, cnt, info = f->sh[i].sh_info;
	unsigned vcnt, j;
	uint32_t aux, next, anext, name;
	const char *s;
	int len;

	print_heading(f, i, "definition", info, link_name(f, f->sh[i].sh_link));
	if ((b = relf_secdata(f, i, &size)) == NULL)
		return;
	for (cnt = 0; cnt < info; cnt++) {
		if (idx > size || size - idx < 20)
			break;
		v = b + idx;
		vcnt = load16(v + 6, f->big);
		out("  %#06jx: Rev: %u  Flags: %s", (uintmax_t)idx,
		    load16(v, f->big), ver_flags(load16(v + 2, f->big)));
		out("  Index: %u  Cnt: %u  ", load16(v + 4, f->big), vcnt);
		aux = load32(v + 12, f->big);
		next = load32(v + 16, f->big);
		if (aux > size - idx || size - idx - aux < 8)
			break;
		a = v + aux;
		isum = idx + aux;
		name = load32(a, f->big);
		if ((s = dstr_at(ds, name, &len)) != NULL)
			out("Name: %.*s\n", len, s);
		else
			out("Name index: %u\n", name);
		for (j = 1; j < vcnt; j++) {
			anext = load32(a + 4, f->big);
			if (anext < 8 && !(j == vcnt - 1 && anext == 0)) {
				relf_error(f, "invalid vda_next field of %x",
				    anext);
				j = vcnt;
				break;
			}
			if (anext > (uint64_t)(b + size - a) ||
			    (uint64_t)(b + size - a) - anext < 8)
				break;
			a += anext;
			isum += anext;
			name = load32(a, f->big);
			if ((s = dstr_at(ds, name, &len)) != NULL)
				out("  %#06jx: Parent %u: %.*s\n",
				    (uintmax_t)isum, j, len, s);
			else
				out("  %#06jx: Parent %u, name index: %u\n",
				    (uintmax_t)isum, j, name);
		}
		if (j < vcnt)
			out("  Version def aux past end of section\n");
		if (next < 20 && !(cnt == info - 1 && next == 0)) {
			relf_error(f, "invalid vd_next field of %x", next);
			cnt = info;
			break;
		}
		if (next > size - idx)
			break;
		idx += next;
	}
	if (cnt < info)
		out("  Version definition past end of section\n");
}

static void
print_verneed(struct relf *f, size_t i, struct span ds)
{
	const unsigned char *b, *v, *a;
	uint64_t size, idx = 0, isum, cnt, info = f->sh[i].sh_info, apos;
	uint32_t file, aux, next, anext, name;
	unsigned vcnt, j;
	const char *s;
	int len;

	print_heading(f, i, "needs", info, link_name(f, f->sh[i].sh_link));
	if ((b = relf_secdata(f, i, &size)) == NULL)
		return;
	for (cnt = 0; cnt < info; cnt++) {
		if (idx > size || size - idx < 16)
			break;
		v = b + idx;
		vcnt = load16(v + 2, f->big);
		file = load32(v + 4, f->big);
		aux = load32(v + 8, f->big);
		next = load32(v + 12, f->big);
		out("  %#06jx: Version: %u", (uintmax_t)idx, load16(v, f->big));
		if ((s = dstr_at(ds, file, &len)) != NULL)
			out("  File: %.*s", len, s);
		else
			out("  File: %x", file);
		out("  Cnt: %u\n", vcnt);
		if (aux > size - idx)
			break;
		apos = idx + aux;
		for (j = 0, isum = apos; j < vcnt; j++) {
			if (apos > size || size - apos < 16)
				break;
			a = b + apos;
			name = load32(a + 8, f->big);
			anext = load32(a + 12, f->big);
			if ((s = dstr_at(ds, name, &len)) != NULL)
				out("  %#06jx:   Name: %.*s", (uintmax_t)isum,
				    len, s);
			else
				out("  %#06jx:   Name index: %x",
				    (uintmax_t)isum, name);
			out("  Flags: %s  Version: %u\n",
			    ver_flags(load16(a + 4, f->big)),
			    load16(a + 6, f->big));
			if (anext < 16 && !(j == vcnt - 1 && anext == 0)) {
				relf_error(f, "invalid vna_next field of %x",
				    anext);
				break;
			}
			if (anext > size - apos)
				break;
			isum += anext;
			apos += anext;
		}
		if (next < 16 && !(cnt == info - 1 && next == 0)) {
			relf_error(f, "invalid vn_next field of %x", next);
			break;
		}
		if (next > size - idx)
			break;
		idx += next;
	}
}

/* The name GNU shows for version v of a versym entry, or NULL. */
static const char *
versym_name(struct relf *f, unsigned v, struct span strs)
{
	static const char invalid[] = "*invalid*", both[] = "*both*";
	const unsigned char *p, *a;
	const char *name = NULL;
	uint64_t off, aoff, need, def;
	bool hn, hd;
	unsigned n, m;

	need = relf_dyn_value(f, DT_VERNEED, &hn);
	def = relf_dyn_value(f, DT_VERDEF, &hd);
	if (hn && need != 0) {
		off = relf_addr_off(f, need);
		for (n = 0; n < WALK_MAX &&
		    (p = span_range(f->img, off, 16)) != NULL; n++) {
			aoff = off + load32(p + 8, f->big);
			for (m = 0, a = NULL; m < WALK_MAX; m++) {
				a = span_range(f->img, aoff, 16);
				if (a == NULL || load16(a + 6, f->big) == v ||
				    load32(a + 12, f->big) == 0)
					break;
				aoff += load32(a + 12, f->big);
			}
			if (a != NULL && load16(a + 6, f->big) == v) {
				name = relf_string_span(strs, load32(a + 8,
				    f->big));
				if (name == NULL)
					name = invalid;
				break;
			}
			if (load32(p + 12, f->big) == 0)
				break;
			off += load32(p + 12, f->big);
		}
	}
	if (v == 0x8001 || !hd || def == 0)
		return name;
	off = relf_addr_off(f, def);
	for (n = 0; n < WALK_MAX; n++) {
		if ((p = span_range(f->img, off, 20)) == NULL)
			return name;
		if ((load16(p + 4, f->big) & 0x7fff) == (v & 0x7fff))
			break;
		if (load32(p + 16, f->big) == 0)
			return name;
		off += load32(p + 16, f->big);
	}
	if (n == WALK_MAX)
		return name;
	if ((a = span_range(f->img, off + load32(p + 12, f->big), 8)) == NULL)
		return name;
	if (relf_string_span(strs, load32(a, f->big)) == NULL)
		return invalid;
	if (name != NULL && name != invalid)
		return both;
	return relf_string_span(strs, load32(a, f->big));
}

/*
 * The versym listing, four entries a line.  versym_name walks the
 * version chains, and the names depend on the version number alone, so
 * each number's name is found once (memo); the lines are assembled with
 * line.h, as a library has 10^4 to 10^5 dynamic symbols.
 */
static bool
print_versym(struct relf *f, size_t i)
{
	const GElf_Shdr *sh = &f->sh[i], *ls;
	const unsigned char *d;
	struct span strs;
	uint64_t total, nsyms, off, j, c, addr;
	struct vmemo *memo;
	const char *name;
	unsigned v;
	bool have;
	size_t start, nn, w;

	if (sh->sh_link >= f->eh.e_shnum || sh->sh_link >= f->shnum)
		return false;
	ls = &f->sh[sh->sh_link];
	if (ls->sh_link >= f->eh.e_shnum || ls->sh_link >= f->shnum)
		return true;
	if (ls->sh_entsize == 0 || ls->sh_size == 0)
		return true;
	nsyms = ls->sh_size / ls->sh_entsize;
	strs = span_sub(f->img, f->sh[ls->sh_link].sh_offset,
	    f->sh[ls->sh_link].sh_size);
	total = sh->sh_size / 2;
	print_heading(f, i, "symbols", total, secname_print(f, sh->sh_link));
	addr = relf_dyn_value(f, DT_VERSYM, &have);
	off = relf_addr_off(f, addr);
	if ((d = span_range(f->img, off, total * 2)) == NULL) {
		relf_error(f, "version symbol data past end of file");
		return true;
	}
	memo = xcalloc(0x10000, sizeof(*memo));
	for (c = 0; c < total; c += 4) {
		line_mem("  ", 2);		/* "  %03jx:" */
		line_hex(c, 3);
		line_chr(':');
		for (j = c; j < c + 4 && j < total; j++) {
			v = load16(d + j * 2, f->big);
			if (v == 0) {
				line_str("   0 (*local*)    ");
				continue;
			}
			if (v == 1) {
				line_str("   1 (*global*)   ");
				continue;
			}
			start = line.len;	/* "%4x%c" */
			w = (v & 0x7fff) < 0x10 ? 1 : (v & 0x7fff) < 0x100 ?
			    2 : (v & 0x7fff) < 0x1000 ? 3 : 4;
			line_spaces(4 - w);
			line_hex(v & 0x7fff, 0);
			line_chr(v & 0x8000 ? 'h' : ' ');
			if (j >= nsyms)
				break;
			if (!memo[v].done) {
				memo[v].name = versym_name(f, v, strs);
				memo[v].done = true;
			}
			if ((name = memo[v].name) != NULL) {
				/*
				 * "(%s%-*s" of name, 12 - strlen(name), ")":
				 * printf takes a negative width as its
				 * absolute value, left-justified.
				 */
				w = strlen(name);
				w = w <= 12 ? 12 - w : w - 12;
				line_chr('(');
				line_str(name);
				line_chr(')');
				if (w > 1)
					line_spaces(w - 1);
			}
			nn = line.len - start;
			if (nn < 18)		/* "%*c" of ' ' */
				line_spaces(18 - nn);
		}
		line_chr('\n');
		line_next();
	}
	line_end();
	free(memo);
	return true;
}
