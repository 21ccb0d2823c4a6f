/*
 * filetype: what kind of object file a buffer holds, from its magic number.
 */
#ifndef OBJKIT_FILETYPE_H
#define OBJKIT_FILETYPE_H

#include "mapfile.h"

enum filetype {
	FT_UNKNOWN,
	FT_ELF,
	FT_AR,		/* "!<arch>\n": GNU/SVR4 or BSD */
	FT_AR_THIN,	/* "!<thin>\n": members are files named in the archive */
	FT_AR_JAGUAR,	/* "Gnu is Not eUnuchs.\n": old 58-byte headers */
	FT_AOUT,	/* any a.out variant (see aout.h for the details) */
};

enum filetype	 filetype_detect(struct span);
const char	*filetype_name(enum filetype);

#endif
