/*
 * mapfile: an input file mapped into memory, read in place.
 *
 * Nothing read from a file is trusted: every access to mapped bytes goes
 * through span_range() (or an equivalent check written so that it cannot
 * overflow: len > size || off > size - len).
 */
#ifndef OBJKIT_MAPFILE_H
#define OBJKIT_MAPFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A run of bytes inside a mapped file: a whole file or an archive member. */
struct span {
	unsigned char	*data;
	uint64_t	 size;
};

/*
 * A mapped file.  The mapping is private and writable (copy on write), so
 * libraries that want a "char *" image (libelf's elf_memory) may have one;
 * nothing is ever written back.  Invariant: data is valid for size bytes
 * (data is a static empty buffer when size is 0).
 */
struct mapfile {
	const char	*path;
	unsigned char	*data;
	uint64_t	 size;
	int		 fd;		/* open only after mapfile_open_fd; else -1 */
	bool		 mapped;	/* data came from mmap */
};

/*
 * Map path.  On failure returns -1 with errno set (EISDIR for a
 * directory) and reports nothing: the caller words the message.
 */
int	 mapfile_open(struct mapfile *, const char *path);
/*
 * The same, keeping the file open in mf->fd (for callers that copy from
 * it with copy_file_range).  mapfile_open closes it: a linker or ar with
 * thousands of inputs must not run out of descriptors.
 */
int	 mapfile_open_fd(struct mapfile *, const char *path);
void	 mapfile_close(struct mapfile *);
struct span mapfile_span(const struct mapfile *);

/*
 * The bytes [off, off+len) of s, or NULL when any of them lies outside it.
 */
static inline void *
span_range(struct span s, uint64_t off, uint64_t len)
{
	if (len > s.size || off > s.size - len)
		return NULL;
	return s.data + off;
}

/* The sub-span [off, off+len), or an empty span with data NULL. */
struct span span_sub(struct span s, uint64_t off, uint64_t len);

/*
 * Endian-aware loads from unaligned memory.  Inline: readers call them
 * for every field of every symbol and relocation.
 */
static inline uint16_t
load16(const void *p, bool big)
{
	const unsigned char *b = p;

	return big ? (uint16_t)(b[0] << 8 | b[1]) : (uint16_t)(b[1] << 8 | b[0]);
}

static inline uint32_t
load32(const void *p, bool big)
{
	const unsigned char *b = p;

	if (big)
		return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
		    (uint32_t)b[2] << 8 | b[3];
	return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[1] << 8 | b[0];
}

static inline uint64_t
load64(const void *p, bool big)
{
	const unsigned char *b = p;
	uint64_t hi, lo;

	hi = load32(b + (big ? 0 : 4), big);
	lo = load32(b + (big ? 4 : 0), big);
	return hi << 32 | lo;
}

void	 store16(void *p, uint16_t v, bool big);
void	 store32(void *p, uint32_t v, bool big);
void	 store64(void *p, uint64_t v, bool big);

#endif
