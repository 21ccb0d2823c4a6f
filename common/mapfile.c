/*
 * mapfile: read-only access to input files through mmap, as mold's
 * MappedFile does: the file is never copied, and every later read is a
 * bounds-checked view into the mapping (span_range).
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "mapfile.h"

static unsigned char empty[1];

static int map_it(struct mapfile *, const char *, bool);

int
mapfile_open(struct mapfile *mf, const char *path)
{
	return map_it(mf, path, false);
}

int
mapfile_open_fd(struct mapfile *mf, const char *path)
{
	return map_it(mf, path, true);
}

static int
map_it(struct mapfile *mf, const char *path, bool keepfd)
{
	struct stat st;
	void *p;
	int fd, e;

	memset(mf, 0, sizeof(*mf));
	mf->path = path;
	mf->fd = -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	mf->size = (uint64_t)st.st_size;
	if (mf->size == 0) {
		mf->data = empty;
	} else {
		p = mmap(NULL, (size_t)mf->size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED)
			goto fail;
		mf->data = p;
		mf->mapped = true;
	}
	if (keepfd)
		mf->fd = fd;
	else
		close(fd);
	return 0;
fail:
	e = errno;
	close(fd);
	mf->fd = -1;
	errno = e;
	return -1;
}

void
mapfile_close(struct mapfile *mf)
{
	if (mf->mapped)
		munmap(mf->data, (size_t)mf->size);
	if (mf->fd != -1)
		close(mf->fd);
	mf->data = NULL;
	mf->size = 0;
	mf->fd = -1;
	mf->mapped = false;
}

struct span
mapfile_span(const struct mapfile *mf)
{
	struct span s = { mf->data, mf->size };

	return s;
}

struct span
span_sub(struct span s, uint64_t off, uint64_t len)
{
	struct span r = { NULL, 0 };

	if (len > s.size || off > s.size - len)
		return r;
	r.data = s.data + off;
	r.size = len;
	return r;
}

void
store16(void *p, uint16_t v, bool big)
{
	unsigned char *b = p;

	b[big ? 0 : 1] = (unsigned char)(v >> 8);
	b[big ? 1 : 0] = (unsigned char)v;
}

void
store32(void *p, uint32_t v, bool big)
{
	unsigned char *b = p;
	int i;

	for (i = 0; i < 4; i++)
		b[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

void
store64(void *p, uint64_t v, bool big)
{
	unsigned char *b = p;
	int i;

	for (i = 0; i < 8; i++)
		b[big ? 7 - i : i] = (unsigned char)(v >> (8 * i));
}
