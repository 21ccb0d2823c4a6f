/*
 * attrs: what the -A decoders of build attributes share (dump_attrs.c
 * walks the sections; attrs_vendor.c and attrs_gnu.c decode the tags of
 * each machine).  A decoder is given the bytes after a tag's number and
 * the subsection's end, prints one attribute as GNU readelf 2.40 does,
 * and returns where the next attribute starts (never past end).
 */
#ifndef READELF_ATTRS_H
#define READELF_ATTRS_H

#include <stddef.h>

#include "readelf.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The bytes of one subsection being decoded. */
struct attrbuf {
	const struct relf *f;
	const unsigned char *secend;	/* end of the whole section */
};

/* A public vendor's decoder reads the tag itself; a "gnu" one is given it. */
typedef const unsigned char *pubfn(const struct attrbuf *,
    const unsigned char *, const unsigned char *);
typedef const unsigned char *gnufn(const struct attrbuf *,
    const unsigned char *, unsigned, const unsigned char *);

/* dump_attrs.c: reading and printing helpers. */
unsigned attr_uleb(const unsigned char **, const unsigned char *);
const unsigned char *attr_string(const struct attrbuf *,
	    const unsigned char *, size_t);
const unsigned char *attr_tag_value(const struct attrbuf *, int,
	    const unsigned char *, const unsigned char *);
const unsigned char *attr_vendor_string(const struct attrbuf *,
	    const unsigned char *, const unsigned char *);
void	 attr_raw(const unsigned char *, const unsigned char *);

/* attrs_vendor.c */
pubfn	 arm_attr, riscv_attr, msp430_attr;
gnufn	 msp430_gnu;
/* attrs_gnu.c */
gnufn	 power_gnu, s390_gnu, sparc_gnu, mips_gnu, m68k_gnu;

#endif
