/*
 * diag: the one way every objkit program reports a problem.
 *
 * Every message has the form "progname: where: what", where "where" names
 * the file and, inside an archive, the member as "lib.a(m.o)".  Errors are
 * counted; the program's exit status is diag_status(): 0 when none was
 * reported, 1 otherwise.  Only diag_fatal() stops the program.
 */
#ifndef OBJKIT_DIAG_H
#define OBJKIT_DIAG_H

#include <stddef.h>

void		 diag_init(const char *argv0);
void		 diag_set_progname(const char *name);
const char	*diag_progname(void);

/* "prog: where: msg"; where may be NULL.  Counts an error. */
void		 diag_error(const char *where, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* As diag_error, with ": strerror(errno)" appended. */
void		 diag_errno(const char *where, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* "prog: warning: where: msg".  Not counted. */
void		 diag_warn(const char *where, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* "prog: msg" and exit 1: out of memory, write error on the output. */
void		 diag_fatal(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

/*
 * Report a failed open of path the way GNU nm and size word it ("'x': No
 * such file", "Warning: 'x' is a directory", else "x: cannot open: ..."),
 * from errno.  Counts an error.
 */
void		 diag_open_error(const char *path);

int		 diag_errors(void);	/* errors reported so far */
int		 diag_status(void);	/* 0 or 1, for exit() */
void		 diag_reset(void);	/* error count back to 0 */

/*
 * The name of a file or of an archive member, "file" or "file(member)",
 * written into buf (always NUL-terminated, truncated if needed).
 */
const char	*diag_name(char *buf, size_t len, const char *file,
		    const char *member);

#endif
