/*
 * -n: build-attribute notes, as annobin writes them into
 * .gnu.build.attributes (NT_GNU_BUILD_ATTRIBUTE_OPEN 0x100, for a whole
 * object, and NT_GNU_BUILD_ATTRIBUTE_FUNC 0x101, for one function).  The
 * format is Nick Clifton's "Watermark" specification (version 3,
 * https://fedoraproject.org/wiki/Toolchain/Watermark): the owner name is
 * "GA", a value type ('*' number, '$' string, '+' true, '!' false), the
 * attribute (one byte from a fixed list, or a NUL-terminated name) and
 * the value (the number's bytes, little-endian, or the string); the
 * descriptor is empty (the previous note's range again) or one or two
 * addresses.
 *
 * GNU readelf prints the decoded name in the owner column and the range,
 * with the symbol found at its start, below.  Three of its habits are
 * part of the output we reproduce: the previous ranges are remembered
 * from one file to the next; a note's symbol comes from the symbol table
 * of the first archive member that needed one (its cache is keyed by a
 * structure it reuses for every member); and gaps between consecutive
 * OPEN ranges of one section are reported as warnings.
 */
#include <stdlib.h>
#include <string.h>

#include "readelf.h"
#include "xalloc.h"

/* A symbol as the range lookup needs it. */
struct basym {
	uint64_t	 value, size;
	uint64_t	 name;		/* offset in bacache.str */
	size_t		 idx;		/* position in the symbol table */
	unsigned char	 info;
};

/*
 * The symbols by value, ties in symbol-table order (GNU scans the table
 * in order and the first match of a kind wins).  str is a copy of the
 * string table with a NUL after it; strlen is its size without that NUL.
 * loaded says a table was looked for, even if none was found.
 */
static struct {
	bool		 loaded;
	struct basym	*sym;
	size_t		 nsym;
	char		*str;
	uint64_t	 strlen;
} bacache;

/* The ranges of the last OPEN and FUNC notes, kept across files. */
static uint64_t open_start, open_end, func_start, func_end;

static void	load_symbols(struct relf *);
static int	cmp_sym(const void *, const void *);
static const struct basym *find_symbol(uint64_t, bool);
static bool	same_section(const struct relf *, uint64_t, uint64_t);
static int	print_value(struct relf *, const struct note *, size_t,
		    signed char, signed char, int);

/* The byte at i of the name field as GNU sees it: NULs after namesz. */
static unsigned char
name_byte(const struct note *n, size_t i)
{
	if (n->namesz == 0)	/* GNU reads on into the descriptor */
		return i < n->rawlen ? n->raw[i] : 0;
	return i < n->namesz ? (unsigned char)n->name[i] : 0;
}

bool
buildattr_note(const struct note *n)
{
	unsigned char c0 = name_byte(n, 0), c2 = name_byte(n, 2);

	if (n->type != 0x100 && n->type != 0x101)
		return false;
	/* strchr finds the terminating NUL too, and so does GNU's test. */
	if (c0 == 'G' && name_byte(n, 1) == 'A' && strchr("*$!+", c2) != NULL)
		return true;
	return strchr("*$!+", c0) != NULL;
}

void
buildattr_reset(void)
{
	free(bacache.sym);
	free(bacache.str);
	memset(&bacache, 0, sizeof(bacache));
}

/*
 * The owner column: "GA", the type character, the attribute and the
 * value, cut to 20 columns (28 with -W, then padded to them).
 */
void
buildattr_name(struct relf *f, const struct note *n)
{
	const char *name = n->name, *text = NULL, *expect;
	bool wide = f->opts->wide;
	signed char type, attr;
	char tmp[32];
	size_t pos = 0, len;
	int left = wide ? 28 : 20;

	if (n->namesz < 2 || (name[0] == 'G' && name[1] == 'A' &&
	    n->namesz < 4)) {
		relf_warn(f, "corrupt name field in GNU build attribute note: "
		    "size = %ju", (uintmax_t)n->namesz);
		out_symbol(f, -20, "  <corrupt name>");
		return;
	}
	if (name[0] == 'G' && name[1] == 'A') {
		out("GA");
		pos = 2;
		left -= 2;
	}
	type = name[pos];
	if (strchr("*$+!", type) == NULL || type == '\0') {
		relf_warn(f, "unrecognised attribute type in name field: %d",
		    type);
		out_symbol(f, -20, "<unknown name type>");
		return;
	}
	out("%c", type);
	left--;
	attr = name[++pos];
	expect = "*$!+";
	switch (attr) {
	case 1:	text = "<version>"; expect = "$"; break;
	case 2:	text = "<stack prot>"; expect = "!+*"; break;
	case 3:	text = "<relro>"; expect = "+!"; break;
	case 4:	text = "<stack size>"; expect = "*"; break;
	case 5:	text = "<tool>"; expect = "$"; break;
	case 6:	text = "<ABI>"; expect = "$*"; break;
	case 7:	text = "<PIC>"; expect = "*"; break;
	case 8:	text = "<short enum>"; expect = "+!"; break;
	default:
		if (attr >= ' ' && attr < 0x7f) {
			len = strnlen(name + pos, n->namesz - pos) + 1;
			if (!wide && len > (size_t)left)
				len = (size_t)left;
			out("%.*s:", (int)len, name + pos);
			left -= (int)len;
			pos += len;
		} else {
			relf_warn(f, "unrecognised byte in name field: %d",
			    attr);
			snprintf(tmp, sizeof(tmp), "<unknown:_%d>", attr);
			text = tmp;
			pos++;
		}
		break;
	}
	if (text != NULL) {
		if (attr >= 1 && attr <= 8)
			pos++;
		out("%s", text);
		left -= (int)strlen(text);
	}
	if (strchr(expect, type) == NULL)
		relf_warn(f, "attribute does not have an expected type (%c)",
		    type);
	if (pos > n->namesz) {
		relf_warn(f, "corrupt name field: namesz: %ju but parsing "
		    "gets to %zu", (uintmax_t)n->namesz, pos);
		return;
	}
	if (left < 1 && !wide)
		return;
	left = print_value(f, n, pos, type, attr, left);
	if (wide && left > 0)
		out("%-*s", left, " ");
}

/* The value after the attribute; returns the columns left. */
static int
print_value(struct relf *f, const struct note *n, size_t pos,
    signed char type, signed char attr, int left)
{
	static const char *const pic[] = { "static", "pic", "PIC", "pie",
	    "PIE" };
	static const char *const prot[] = { "off", "on", "all", "strong",
	    "explicit" };
	const char *decoded = NULL;
	uint64_t bytes, val = 0, i;

	if (type == '$')
		return left - out_symbol(f, -left, n->name + pos);
	if (type == '+')
		return left - out_symbol(f, -left, "true");
	if (type == '!')
		return left - out_symbol(f, -left, "false");
	/* A number: its bytes up to the name's NUL, least significant first. */
	bytes = n->namesz - pos;
	if (bytes > 0)
		bytes--;
	if (bytes > 8) {
		relf_warn(f, "corrupt numeric name field: too many bytes in "
		    "the value: %jx", (uintmax_t)bytes);
		bytes = 8;
	}
	for (i = 0; i < bytes; i++)
		val |= (uint64_t)(unsigned char)n->name[pos + i] << (8 * i);
	if (attr == 7 && val < 5)
		decoded = pic[val];
	else if (attr == 2 && val < 5)
		decoded = prot[val];
	if (decoded != NULL) {
		out_symbol(f, -left, decoded);
		return 0;
	}
	if (val == 0) {
		out("0x0");
		return left - 3;
	}
	if (f->opts->wide)
		return left - out("0x%jx", (uintmax_t)val);
	return left - out("0x%.*jx", left, (uintmax_t)val);
}

/*
 * The line below the name: the address range the note applies to, and
 * the symbol at its start.  An empty descriptor repeats the previous
 * range of the same kind.
 */
void
buildattr_desc(struct relf *f, const struct note *n)
{
	bool open = n->type == 0x100;
	uint64_t start, end = 0, *ps = open ? &open_start : &func_start;
	uint64_t *pe = open ? &open_end : &func_end;
	const struct basym *s;

	switch (n->descsz) {
	case 0:
		if (*pe > *ps)
			out("    Applies to region from %#jx to %#jx\n",
			    (uintmax_t)*ps, (uintmax_t)*pe);
		else
			out("    Applies to region from %#jx\n",
			    (uintmax_t)*ps);
		return;
	case 4:
		start = load32(n->desc, f->big);
		break;
	case 8:		/* two 32-bit addresses, whatever the class */
		start = load32(n->desc, f->big);
		end = load32(n->desc + 4, f->big);
		break;
	case 16:
		start = load64(n->desc, f->big);
		end = load64(n->desc + 8, f->big);
		break;
	default:
		out("    <invalid descsz>");
		relf_error(f, "invalid description size %#jx in build "
		    "attribute note", (uintmax_t)n->descsz);
		return;
	}
	if (!bacache.loaded)
		load_symbols(f);
	/* annobin 5 and later put file symbols two bytes in. */
	if ((s = find_symbol(start, open)) == NULL && open)
		s = find_symbol(start + 2, open);
	if (end == 0 && s != NULL && s->size > 0)
		end = start + s->size;
	if (open && open_end > 0 && start > ((open_end + 15) & ~(uint64_t)15)
	    && same_section(f, start, open_end))
		relf_warn(f, "gap in build notes detected from %#jx to %#jx",
		    (uintmax_t)(open_end + 1), (uintmax_t)(start - 1));
	out("    Applies to region from %#jx", (uintmax_t)start);
	*ps = start;
	if (end != 0) {
		out(" to %#jx", (uintmax_t)end);
		*pe = end;
	}
	if (s != NULL)
		out(" (%s)", bacache.str + s->name);
	out("\n");
}

/* Whether both addresses fall in the same section (the first that holds
 * each, in section order). */
static bool
same_section(const struct relf *f, uint64_t a, uint64_t b)
{
	size_t i, sa = 0, sb = 0;

	for (i = 0; i < f->shnum && (sa == 0 || sb == 0); i++) {
		const GElf_Shdr *sh = &f->sh[i];

		if (sa == 0 && a >= sh->sh_addr && a - sh->sh_addr <
		    sh->sh_size)
			sa = i + 1;
		if (sb == 0 && b >= sh->sh_addr && b - sh->sh_addr <
		    sh->sh_size)
			sb = i + 1;
	}
	return sa != 0 && sa == sb;
}

/*
 * The first SHT_SYMTAB whose symbols and strings can be read, sorted by
 * value.  Symbols without a name, with a name past the string table, or
 * named like an ARM/AArch64 mapping symbol ("$x") are left out: the
 * lookup skips them whatever it looks for.
 */
static void
load_symbols(struct relf *f)
{
	const unsigned char *p = NULL, *str = NULL;
	uint64_t size, strsize = 0, i, n;
	size_t k, esz = f->is64 ? 24 : 16;
	GElf_Sym s;
	const char *nm;

	bacache.loaded = true;
	for (k = 0; k < f->shnum; k++) {
		if (f->sh[k].sh_type != SHT_SYMTAB)
			continue;
		if ((p = relf_secdata(f, k, &size)) == NULL)
			continue;
		if (f->sh[k].sh_link != 0) {
			if (f->sh[k].sh_link >= f->shnum || (str =
			    relf_secdata(f, f->sh[k].sh_link, &strsize)) ==
			    NULL)
				continue;
		}
		break;
	}
	if (k == f->shnum)
		return;
	bacache.str = xmalloc(strsize + 1);
	if (strsize != 0)
		memcpy(bacache.str, str, strsize);
	bacache.str[strsize] = '\0';
	bacache.strlen = strsize;
	n = size / esz;
	bacache.sym = xreallocarray(NULL, n != 0 ? n : 1,
	    sizeof(*bacache.sym));
	for (i = 0; i < n; i++) {
		relf_sym(f, p + i * esz, &s);
		if (s.st_name >= strsize || bacache.str[s.st_name] == '\0')
			continue;
		nm = bacache.str + s.st_name;
		if (nm[0] == '$' && nm[1] != '\0' && nm[2] == '\0')
			continue;
		bacache.sym[bacache.nsym++] = (struct basym){ s.st_value,
		    s.st_size, s.st_name, (size_t)i, s.st_info };
	}
	qsort(bacache.sym, bacache.nsym, sizeof(*bacache.sym), cmp_sym);
}

static int
cmp_sym(const void *a, const void *b)
{
	const struct basym *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * The symbol GNU names for a range starting at addr.  For a FUNC note,
 * the first function there.  For an OPEN note, the last object or file
 * symbol, unless one with a size comes first; failing those, the first
 * global (or the first local) symbol of another type, functions apart.
 */
static const struct basym *
find_symbol(uint64_t addr, bool open)
{
	const struct basym *s, *saved = NULL, *end;
	size_t lo = 0, hi = bacache.nsym, mid;
	unsigned t;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (bacache.sym[mid].value < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = bacache.sym + bacache.nsym;
	for (s = bacache.sym + lo; s < end && s->value == addr; s++) {
		t = GELF_ST_TYPE(s->info);
		if (!open) {
			if (t == STT_FUNC)
				return s;
			continue;
		}
		if (t == STT_OBJECT || t == STT_FILE) {
			saved = s;
			if (s->size != 0)
				break;
			continue;
		}
		if (t == STT_FUNC)
			continue;
		if (GELF_ST_BIND(s->info) == STB_GLOBAL) {
			if (saved == NULL || GELF_ST_TYPE(saved->info) !=
			    STT_OBJECT)
				saved = s;
		} else if (GELF_ST_BIND(s->info) == STB_LOCAL &&
		    saved == NULL)
			saved = s;
	}
	return saved;
}
