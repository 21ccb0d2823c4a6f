/*
 * elfinfo.c: what kind of library a file is, for the cache.  A small
 * in-place scan of the mapped file (spec ld.so.cache.md section 6 and 9;
 * glibc's readlib.c and the x86 readelflib.c are the behaviour we match):
 * a.out ZMAGIC/QMAGIC is libc4; an ELF ET_DYN starts as FLAG_ELF, becomes
 * libc6 through a known PT_INTERP or a DT_NEEDED of libc.so.6/libm.so.6,
 * and on x86-64 any EM_X86_64 file is forced to 0x303 (0x803 for x32).
 * Other machines are refused, as an x86-64 glibc ldconfig refuses them.
 * Every offset is checked against the file size before use.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "mapfile.h"
#include "xalloc.h"
#include "ldconfig.h"

#define EM_386		3
#define EM_X86_64	62
#define ET_DYN		3
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_GNU_PROPERTY	0x6474e553
#define DT_NULL		0
#define DT_NEEDED	1
#define DT_STRTAB	5
#define DT_SONAME	14
#define NT_GNU_PROPERTY_TYPE_0	5
#define X86_ISA_1_NEEDED	0xc0008002u
#define AOUT_ZMAGIC	0413
#define AOUT_QMAGIC	0314

/*
 * An ELF file being read with pread(2) through a few cached windows:
 * a library is read in three or four small pieces (headers, dynamic
 * section, strings) instead of being mapped, which costs a munmap and
 * its TLB shootdown per file.
 */
static const char *const interpreters[] = {
	"/lib/ld-linux-x86-64.so.2", "/lib/ld-linux.so.2",
	"/libx32/ld-linux-x32.so.2", "/lib64/ld-linux-x86-64.so.2",
};

#define NWIN		4
#define WIN_SIZE	4096
#define STR_MAX		(1U << 20)

struct window {
	uint64_t	 off, len;
	unsigned char	*buf;
	size_t		 cap;
};

struct elfscan {
	int		 fd;
	uint64_t	 size;
	bool		 is64, big;
	const char	*shown;
	struct window	 w[NWIN];
	int		 next;		/* window to reuse next */
};

static bool
inside(const struct elfscan *s, uint64_t off, uint64_t len)
{
	return len <= s->size && off <= s->size - len;
}

/* LEN bytes at OFF, or NULL outside the file.  Valid until the next call. */
static const unsigned char *
at(struct elfscan *s, uint64_t off, uint64_t len)
{
	struct window *w;
	uint64_t want, got;
	ssize_t n;
	int i;

	if (!inside(s, off, len))
		return NULL;
	for (i = 0; i < NWIN; i++) {
		w = &s->w[i];
		if (w->len != 0 && off >= w->off && off - w->off <= w->len &&
		    len <= w->len - (off - w->off))
			return w->buf + (off - w->off);
	}
	w = &s->w[s->next];
	s->next = (s->next + 1) % NWIN;
	want = len > WIN_SIZE ? len : WIN_SIZE;
	if (want > s->size - off)
		want = s->size - off;
	if (want > w->cap) {
		w->buf = xreallocarray(w->buf, want, 1);
		w->cap = want;
	}
	w->len = 0;
	for (got = 0; got < want; got += (uint64_t)n) {
		n = pread(s->fd, w->buf + got, want - got, (off_t)(off + got));
		if (n <= 0)
			return NULL;
	}
	w->off = off;
	w->len = want;
	return w->buf;
}

static uint64_t
rd(struct elfscan *s, uint64_t off, int n)
{
	const unsigned char *p = at(s, off, (uint64_t)n);

	if (p == NULL)
		return 0;
	if (n == 2)
		return load16(p, s->big);
	if (n == 4)
		return load32(p, s->big);
	return load64(p, s->big);
}

/* A word of the file's class: 4 or 8 bytes. */
static uint64_t
rdw(struct elfscan *s, uint64_t off)
{
	return rd(s, off, s->is64 ? 8 : 4);
}

/* The NUL-terminated string at OFF, or NULL if it runs off the end. */
static const char *
str_at(struct elfscan *s, uint64_t off)
{
	const unsigned char *p;
	uint64_t len;

	for (len = 256;; len *= 16) {
		if (off >= s->size)
			return NULL;
		if (len > s->size - off)
			len = s->size - off;
		if ((p = at(s, off, len)) == NULL)
			return NULL;
		if (memchr(p, 0, len) != NULL)
			return (const char *)p;
		if (len == s->size - off || len >= STR_MAX)
			return NULL;
	}
}

/* x86 ISA level: the index of the highest bit of ISA_1_NEEDED. */
static uint32_t
isa_level_of(struct elfscan *s, uint64_t off, uint64_t size,
    uint64_t align)
{
	uint64_t end, namesz, descsz, p, pend, type, datasz;
	uint32_t bits, level = 0;

	if (align != (s->is64 ? 8 : 4) || !inside(s, off, size))
		return 0;
	end = off + size;
	while (end - off >= 12) {
		namesz = rd(s, off, 4);
		descsz = rd(s, off + 4, 4);
		type = rd(s, off + 8, 4);
		if (namesz > end - off || descsz > end - off)
			return 0;
		/* The descriptor starts at the aligned end of the name. */
		p = off + ((12 + namesz + align - 1) & ~(align - 1));
		if (namesz == 4 && type == NT_GNU_PROPERTY_TYPE_0 &&
		    at(s, off + 12, 4) != NULL &&
		    memcmp(at(s, off + 12, 4), "GNU", 4) == 0 && p <= end &&
		    descsz <= end - p) {
			pend = p + descsz;
			while (pend - p >= 8) {
				type = rd(s, p, 4);
				datasz = rd(s, p + 4, 4);
				p += 8;
				if (datasz > pend - p)
					return 0;
				if (type == X86_ISA_1_NEEDED && datasz == 4) {
					bits = rd(s, p, 4);
					while (bits >>= 1)
						level++;
					return level;
				}
				p += (datasz + align - 1) & ~(align - 1);
			}
		}
		p = off + ((((12 + namesz + align - 1) & ~(align - 1)) +
		    descsz + align - 1) & ~(align - 1));
		if (p <= off || p > end)
			return 0;
		off = p;
	}
	return level;
}

/* File offset of virtual address VA through the PT_LOAD segments. */
static uint64_t
va_to_off(struct elfscan *s, uint64_t phoff, uint64_t phnum,
    uint64_t phentsize, uint64_t va)
{
	uint64_t i, ph, vaddr, off, filesz;

	for (i = 0; i < phnum; i++) {
		ph = phoff + i * phentsize;
		if (rd(s, ph, 4) != PT_LOAD)
			continue;
		off = rdw(s, ph + (s->is64 ? 8 : 4));
		vaddr = rdw(s, ph + (s->is64 ? 16 : 8));
		filesz = rdw(s, ph + (s->is64 ? 32 : 16));
		if (va >= vaddr && va - vaddr < filesz)
			return va - vaddr + off;
	}
	return va;
}

static int
elf_scan(struct elfscan *s, struct libinfo *li)
{
	uint64_t phoff, phnum, phentsize, i, ph, type, off, filesz;
	uint64_t dynoff = 0, dynsz = 0, strtab = UINT64_MAX, d, tag, val;
	uint64_t dsz = s->is64 ? 16 : 8;
	const char *name;
	size_t j;

	if (rd(s, 16, 2) != ET_DYN) {
		diag_warn(s->shown, "not a shared object file (type %u)",
		    (unsigned)rd(s, 16, 2));
		return 1;
	}
	phoff = rdw(s, s->is64 ? 32 : 28);
	phentsize = rd(s, s->is64 ? 54 : 42, 2);
	phnum = rd(s, s->is64 ? 56 : 44, 2);
	if (phentsize < (s->is64 ? 56u : 32u) || phnum > s->size ||
	    !inside(s, phoff, phnum * phentsize)) {
		diag_warn(s->shown, "file is truncated");
		return 1;
	}
	li->flag = FLAG_ELF;
	for (i = 0; i < phnum; i++) {
		ph = phoff + i * phentsize;
		type = rd(s, ph, 4);
		off = rdw(s, ph + (s->is64 ? 8 : 4));
		filesz = rdw(s, ph + (s->is64 ? 32 : 16));
		if (type == PT_DYNAMIC) {
			dynoff = off;
			dynsz = filesz;
		} else if (type == PT_INTERP) {
			if ((name = str_at(s, off)) == NULL)
				goto truncated;
			for (j = 0; j < 4; j++)
				if (strcmp(name, interpreters[j]) == 0)
					li->flag = FLAG_ELF_LIBC6;
		} else if (type == PT_GNU_PROPERTY)
			li->isa_level = isa_level_of(s, off, filesz,
			    rdw(s, ph + (s->is64 ? 48 : 28)));
	}
	if (dynsz == 0)
		return 1;
	for (d = dynoff;; d += dsz) {
		if (!inside(s, d, dsz))
			goto truncated;
		if ((tag = rdw(s, d)) == DT_NULL)
			break;
		if (tag == DT_STRTAB) {
			strtab = va_to_off(s, phoff, phnum, phentsize,
			    rdw(s, d + dsz / 2));
			break;
		}
	}
	if (strtab == UINT64_MAX)
		return 1;
	if (strtab >= s->size)
		goto truncated;
	for (d = dynoff; inside(s, d, dsz) && (tag = rdw(s, d)) != DT_NULL;
	    d += dsz) {
		if (tag != DT_NEEDED && tag != DT_SONAME)
			continue;
		val = rdw(s, d + dsz / 2);
		if (val >= s->size - strtab ||
		    (name = str_at(s, strtab + val)) == NULL)
			goto truncated;
		if (tag == DT_NEEDED && li->flag == FLAG_ELF &&
		    (strcmp(name, "libc.so.6") == 0 ||
		    strcmp(name, "libm.so.6") == 0))
			li->flag = FLAG_ELF_LIBC6;
		else if (tag == DT_SONAME && li->soname == NULL)
			li->soname = xstrdup(name);
		if (li->soname != NULL && li->flag != FLAG_ELF)
			break;
	}
	return 0;
truncated:
	diag_warn(s->shown, "file is truncated");
	free(li->soname);
	li->soname = NULL;
	return 1;
}

/* The ELF side: the x86-64 machine check, then the scan of either class. */
static int
elf_classify(struct elfscan *s, const unsigned char *ident,
    struct libinfo *li)
{
	int machine, forced = 0;

	if (ident[4] != 1 && ident[4] != 2) {
		if (opts.verbose)
			diag_warn(s->shown, "unknown ELF class");
		return 1;
	}
	s->is64 = ident[4] == 2;
	s->big = ident[5] == 2;
	machine = (int)rd(s, 18, 2);
	if (machine == EM_X86_64)
		forced = s->is64 ? FLAG_X8664_LIB64 | FLAG_ELF_LIBC6 :
		    FLAG_X8664_LIBX32 | FLAG_ELF_LIBC6;
	else if (machine != EM_386 || s->is64) {
		if (opts.verbose)
			diag_warn(s->shown, "is for unknown machine %d",
			    machine);
		return 1;
	}
	if (elf_scan(s, li) != 0)
		return 1;
	if (forced)
		li->flag = forced;
	return 0;
}

/* The name cut after the major: a.out libraries have no soname. */
char *
implicit_soname(const char *name, int flag)
{
	char *so = xstrdup(name), *major, *dot;

	if ((flag & FLAG_TYPE_MASK) != FLAG_LIBC4)
		return so;
	if ((major = strstr(so, ".so.")) != NULL &&
	    (dot = strchr(major + 4, '.')) != NULL)
		*dot = '\0';
	return so;
}

/* Is the string S within the first N bytes at P? */
static bool
contains(const unsigned char *p, size_t n, const char *s)
{
	size_t i, len = strlen(s);

	for (i = 0; i + len <= n; i++)
		if (p[i] == (unsigned char)s[0] && memcmp(p + i, s, len) == 0)
			return true;
	return false;
}

static bool
looks_like_script(const unsigned char *p, uint64_t size, const char *name)
{
	size_t n = size < 512 ? size : 512, len = strlen(name);

	return contains(p, n, "GROUP") || contains(p, n, "GNU ld script") ||
	    (len >= 7 && strcmp(name + len - 7, "-gdb.py") == 0);
}

/*
 * Classify the file at host path REAL (SHOWN in messages, NAME its
 * directory entry).  0 and *li filled in, or 1: not a library we cache.
 */
int
lib_classify(const char *real, const char *shown, const char *name,
    bool is_link, struct libinfo *li)
{
	struct elfscan s;
	unsigned char head[64];
	const unsigned char *p;
	struct stat st;
	unsigned magic;
	int i, rc = 1;

	memset(li, 0, sizeof(*li));
	memset(&s, 0, sizeof(s));
	s.shown = shown;
	if ((s.fd = open(real, O_RDONLY | O_CLOEXEC)) < 0) {
		if (!is_link || strstr(shown, ".so") == NULL)
			diag_warn(shown, "input file not found");
		return 1;
	}
	if (fstat(s.fd, &st) != 0 || st.st_size < 64) {
		if (st.st_size == 0)
			diag_warn(shown, "file is empty, not checked");
		else if (pread(s.fd, head, 4, 0) > 0 &&
		    memcmp(head, "\177ELF", st.st_size < 4 ? st.st_size : 4)
		    == 0)
			diag_warn(shown, "file is too small, not checked");
		close(s.fd);
		return 1;
	}
	s.size = (uint64_t)st.st_size;
	li->dev = st.st_dev;
	li->ino = st.st_ino;
	if ((p = at(&s, 0, 64)) == NULL) {
		diag_warn(shown, "cannot read: %s", strerror(errno));
		goto out;
	}
	memcpy(head, p, 64);
	magic = head[0] | head[1] << 8;
	if (magic == AOUT_ZMAGIC || magic == AOUT_QMAGIC) {
		li->flag = FLAG_LIBC4;
		li->soname = implicit_soname(name, FLAG_LIBC4);
		rc = 0;
	} else if (memcmp(head, "\177ELF", 4) != 0) {
		p = at(&s, 0, s.size < 512 ? s.size : 512);
		if (p != NULL && !looks_like_script(p, s.size < 512 ? s.size :
		    512, shown))
			diag_warn(shown, "not an ELF file - it has the wrong "
			    "magic bytes at the start");
	} else
		rc = elf_classify(&s, head, li);
out:
	for (i = 0; i < NWIN; i++)
		free(s.w[i].buf);
	close(s.fd);
	return rc;
}
