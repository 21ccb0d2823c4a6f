/*
 * filetype: classify a file by its first bytes, as mold's filetype.cc does.
 * ELF and archives have unambiguous magic strings.  a.out has only a
 * 16-bit magic number whose position and byte order depend on the family
 * (spec/a.out.md section 2), so we accept the magic in any of the places a
 * family puts it and leave the sorting out to aout_parse().
 */
#include <string.h>

#include "filetype.h"

static int aout_magic(unsigned);

static int
aout_magic(unsigned m)
{
	/* OMAGIC, NMAGIC, ZMAGIC, QMAGIC, V7 separate I/D (0411) and overlay. */
	return m == 0407 || m == 0410 || m == 0413 || m == 0314 ||
	    m == 0411 || m == 0405;
}

enum filetype
filetype_detect(struct span s)
{
	const unsigned char *p = s.data;

	if (s.size >= 4 && memcmp(p, "\177ELF", 4) == 0)
		return FT_ELF;
	if (s.size >= 8 && memcmp(p, "!<arch>\n", 8) == 0)
		return FT_AR;
	if (s.size >= 8 && memcmp(p, "!<thin>\n", 8) == 0)
		return FT_AR_THIN;
	if (s.size >= 20 && memcmp(p, "Gnu is Not eUnuchs.\n", 20) == 0)
		return FT_AR_JAGUAR;
	if (s.size >= 16) {
		/* Little-endian word 0 (raw, FreeBSD, Linux, PDP-11 16-bit). */
		if (aout_magic((unsigned)(p[0] | p[1] << 8)))
			return FT_AOUT;
		/* Big-endian: SunOS, NetBSD midmag, m68k/SPARC raw. */
		if (aout_magic((unsigned)(p[2] << 8 | p[3])))
			return FT_AOUT;
	}
	return FT_UNKNOWN;
}

const char *
filetype_name(enum filetype t)
{
	switch (t) {
	case FT_ELF:		return "ELF";
	case FT_AR:		return "archive";
	case FT_AR_THIN:	return "thin archive";
	case FT_AR_JAGUAR:	return "archive (Jaguar)";
	case FT_AOUT:		return "a.out";
	default:		return "unknown";
	}
}
