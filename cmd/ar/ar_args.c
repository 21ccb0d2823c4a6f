/*
 * ar_args: "@file" response files, as the GNU tools read them: the
 * file's words replace the argument; words are separated by white space,
 * and single quotes, double quotes and backslashes quote as in the shell.
 * A response file may name others (up to a fixed depth, against loops).
 * An @name that cannot be read stays as it is.  (libiberty's expandargv
 * does this too, but it brings its own xmalloc, which clashes with ours.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "xalloc.h"

#define MAXDEPTH 16

struct argv_buf {
	char	**v;
	int	  n, cap;
};

static void push(struct argv_buf *, char *);
static char *read_file(const char *);
static void split_words(struct argv_buf *, char *, int);
static void expand(struct argv_buf *, char *, int);

static void
push(struct argv_buf *b, char *s)
{
	if (b->n + 1 >= b->cap) {
		b->cap = b->cap == 0 ? 16 : b->cap * 2;
		b->v = xreallocarray(b->v, (size_t)b->cap, sizeof(*b->v));
	}
	b->v[b->n++] = s;
	b->v[b->n] = NULL;
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap == 0 ? 8192 : cap * 2;
			buf = xreallocarray(buf, cap, 1);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* Split s into words in place and expand each one. */
static void
split_words(struct argv_buf *b, char *s, int depth)
{
	char *w, *out;
	char q;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (*s == '\0')
			break;
		w = out = s;
		q = 0;
		for (; *s != '\0'; s++) {
			if (q != 0 && *s == q) {
				q = 0;
			} else if (q == 0 && (*s == '\'' || *s == '"')) {
				q = *s;
			} else if (*s == '\\' && s[1] != '\0' && q != '\'') {
				*out++ = *++s;
			} else if (q == 0 && (*s == ' ' || *s == '\t' ||
			    *s == '\n' || *s == '\r')) {
				s++;
				break;
			} else {
				*out++ = *s;
			}
		}
		*out = '\0';
		expand(b, xstrdup(w), depth + 1);
	}
}

static void
expand(struct argv_buf *b, char *arg, int depth)
{
	char *text;

	if (arg[0] != '@' || depth > MAXDEPTH ||
	    (text = read_file(arg + 1)) == NULL) {
		push(b, arg);
		return;
	}
	split_words(b, text, depth);
	free(text);
}

/* The expanded arguments live until exit, reachable from here. */
static struct argv_buf expanded;

void
ar_expand_args(int *argc, char ***argv)
{
	struct argv_buf *b = &expanded;
	int i;

	for (i = 0; i < *argc; i++)
		if ((*argv)[i][0] == '@')
			break;
	if (i == *argc)
		return;
	for (i = 0; i < *argc; i++)
		expand(b, (*argv)[i], i == 0 ? MAXDEPTH + 1 : 0);
	*argc = b->n;
	*argv = b->v;
}
