/*
 * outfile: atomic replacement of an output file, after mold's
 * output-file-unix.cc and elftoolchain's elfcopy create_tempfile():
 * mkstemp in the target's own directory (so rename is atomic and never
 * crosses a file system), fchmod, checked writes, optional fsync, rename.
 *
 * A target that exists and is neither a regular file nor a directory (a
 * device such as /dev/null, a FIFO) is never replaced: the temporary file
 * is made in /tmp and its contents are copied into the target at commit,
 * as GNU tools write into such a target.
 *
 * Temporary files still open are kept on a short list; a handler for the
 * fatal signals unlinks them and re-raises, so ^C never leaves debris.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"
#include "xalloc.h"

#define MAXLIVE 16

/* Temporary names are copied here so the signal handler need not chase
   pointers into memory that may be changing. */
static char *volatile live[MAXLIVE];
static int handlers_set;

static void on_signal(int);
static void track(char *);
static void untrack(const char *);
static int copy_into(int, const char *);

static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < MAXLIVE; i++)
		if (live[i] != NULL)
			unlink(live[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
track(char *path)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM,
	    SIGPIPE, SIGXFSZ };
	size_t i;

	if (!handlers_set) {
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			if (signal(sigs[i], on_signal) == SIG_IGN)
				signal(sigs[i], SIG_IGN);
		handlers_set = 1;
	}
	for (i = 0; i < MAXLIVE; i++)
		if (live[i] == NULL) {
			live[i] = path;
			return;
		}
}

static void
untrack(const char *path)
{
	int i;

	for (i = 0; i < MAXLIVE; i++)
		if (live[i] == path)
			live[i] = NULL;
}

mode_t
outfile_default_mode(mode_t base)
{
	mode_t mask = umask(0);

	umask(mask);
	return base & ~mask;
}

int
outfile_open(struct outfile *of, const char *target, mode_t mode)
{
	const char *slash = strrchr(target, '/'), *dir = target;
	size_t dirlen = slash != NULL ? (size_t)(slash - target) + 1 : 0;
	struct stat st;
	sigset_t all, old;
	int e;

	memset(of, 0, sizeof(*of));
	of->fd = -1;
	of->mode = mode;
	of->target = xstrdup(target);
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		of->copy = true;
		dir = "/tmp/";
		dirlen = 5;
	}
	of->tmp = xmalloc(dirlen + sizeof(".objkit.XXXXXX"));
	memcpy(of->tmp, dir, dirlen);
	memcpy(of->tmp + dirlen, ".objkit.XXXXXX", sizeof(".objkit.XXXXXX"));

	/* No signal may arrive between creating the file and recording it. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	of->fd = mkstemp(of->tmp);
	e = errno;
	if (of->fd != -1)
		track(of->tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (of->fd == -1) {
		free(of->tmp);
		free(of->target);
		of->tmp = of->target = NULL;
		errno = e;
		return -1;
	}
	return 0;
}

int
outfile_write(struct outfile *of, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(of->fd, p, len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
outfile_writev(struct outfile *of, const struct iovec *iov, int cnt)
{
	struct iovec v[1024];
	ssize_t n;
	size_t k;
	int i = 0;

	if (cnt > 1024) {
		errno = EINVAL;
		return -1;
	}
	memcpy(v, iov, (size_t)cnt * sizeof(*v));
	while (i < cnt) {
		n = writev(of->fd, v + i, cnt - i);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		/* A short write: skip what went out, resume mid-piece. */
		for (k = (size_t)n; i < cnt && k >= v[i].iov_len; i++)
			k -= v[i].iov_len;
		if (i < cnt) {
			v[i].iov_base = (char *)v[i].iov_base + k;
			v[i].iov_len -= k;
		}
	}
	return 0;
}

void *
outfile_map(struct outfile *of, uint64_t size)
{
	void *p;
	int e;

	if (size == 0)
		return NULL;
	/* posix_fallocate finds a full disk now rather than as SIGBUS later. */
	if ((e = posix_fallocate(of->fd, 0, (off_t)size)) != 0 &&
	    e != EOPNOTSUPP && e != EINVAL) {
		errno = e;
		return NULL;
	}
	if (ftruncate(of->fd, (off_t)size) == -1)
		return NULL;
	p = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    of->fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	of->map = p;
	of->mapsize = size;
	return p;
}

/* Copy the finished temporary file over the contents of target. */
static int
copy_into(int from, const char *target)
{
	char buf[65536];
	ssize_t n;
	int to, e;

	if (lseek(from, 0, SEEK_SET) == -1)
		return -1;
	if ((to = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)) == -1)
		return -1;
	while ((n = read(from, buf, sizeof(buf))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (write(to, buf, (size_t)n) != n)
			goto fail;
	}
	if (close(to) == -1)
		return -1;
	return 0;
fail:
	e = errno;
	close(to);
	errno = e != 0 ? e : EIO;
	return -1;
}

int
outfile_commit(struct outfile *of, int flags)
{
	struct stat st;
	int e;

	if (of->map != NULL) {
		if (munmap(of->map, (size_t)of->mapsize) == -1)
			goto fail;
		of->map = NULL;
	}
	if (fchmod(of->fd, of->mode) == -1)
		goto fail;
	if ((flags & OUTFILE_FSYNC) && fsync(of->fd) == -1)
		goto fail;
	if (of->copy || ((flags & OUTFILE_KEEP_LINKS) &&
	    lstat(of->target, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_nlink > 1)) {
		if (copy_into(of->fd, of->target) == -1)
			goto fail;
		close(of->fd);
		of->fd = -1;
		unlink(of->tmp);
	} else {
		if (close(of->fd) == -1) {
			of->fd = -1;
			goto fail;
		}
		of->fd = -1;
		if (rename(of->tmp, of->target) == -1)
			goto fail;
	}
	untrack(of->tmp);
	free(of->tmp);
	free(of->target);
	of->tmp = of->target = NULL;
	return 0;
fail:
	e = errno;
	outfile_abort(of);
	errno = e;
	return -1;
}

void
outfile_abort(struct outfile *of)
{
	if (of->map != NULL)
		munmap(of->map, (size_t)of->mapsize);
	of->map = NULL;
	if (of->fd != -1)
		close(of->fd);
	of->fd = -1;
	if (of->tmp != NULL) {
		unlink(of->tmp);
		untrack(of->tmp);
	}
	free(of->tmp);
	free(of->target);
	of->tmp = of->target = NULL;
}
