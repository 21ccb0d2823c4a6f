/*
 * diag: messages of the form "progname: file: message" and the error count
 * behind every program's exit status.  Modelled on err(3): one line per
 * problem, errno text after a colon, no final period.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *progname = "objkit";
static int nerrors;

static void vreport(const char *, const char *, int, const char *, va_list);

void
diag_init(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p != NULL ? p + 1 : argv0;
}

void
diag_set_progname(const char *name)
{
	progname = name;
}

const char *
diag_progname(void)
{
	return progname;
}

static void
vreport(const char *kind, const char *where, int errnum, const char *fmt,
    va_list ap)
{
	/* One fprintf per line would interleave with stdout; flush first. */
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	if (kind != NULL)
		fprintf(stderr, "%s: ", kind);
	if (where != NULL)
		fprintf(stderr, "%s: ", where);
	vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
diag_error(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, where, 0, fmt, ap);
	va_end(ap);
	nerrors++;
}

void
diag_errno(const char *where, const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	vreport(NULL, where, e, fmt, ap);
	va_end(ap);
	nerrors++;
}

void
diag_warn(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning", where, 0, fmt, ap);
	va_end(ap);
}

void
diag_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, NULL, 0, fmt, ap);
	va_end(ap);
	exit(1);
}

void
diag_open_error(const char *path)
{
	if (errno == ENOENT)
		diag_error(NULL, "'%s': No such file", path);
	else if (errno == EISDIR)
		diag_error(NULL, "Warning: '%s' is a directory", path);
	else
		diag_errno(path, "cannot open");
}

int
diag_errors(void)
{
	return nerrors;
}

/* Forget the errors so far: for a fuzz harness that links many times. */
void
diag_reset(void)
{
	nerrors = 0;
}

int
diag_status(void)
{
	return nerrors != 0;
}

const char *
diag_name(char *buf, size_t len, const char *file, const char *member)
{
	if (member != NULL)
		snprintf(buf, len, "%s(%s)", file, member);
	else
		snprintf(buf, len, "%s", file);
	return buf;
}
