/*
 * lex.c: the tokens of the small languages ld reads, GNU linker scripts
 * (libc.so's GROUP ( ... )) and version scripts or dynamic lists
 * ({ global: foo; local: *; };).  Both are words, quoted strings and
 * one-character punctuation, with C comments; version scripts also have
 * '#' comments.  The grammars are in the GNU ld manual, "Linker Scripts"
 * and "VERSION Command".
 */
#include <ctype.h>
#include <string.h>

#include "ld.h"

/*
 * In C++ names (extern "C++" in a version script) "::" is part of a
 * word, as in GNU ld's lexer, though ':' alone is punctuation.
 */
static bool
is_scope(const struct lexer *lx, const char *p)
{
	return lx->cxx_words && lx->end - p >= 2 && p[0] == ':' && p[1] == ':';
}

/* Skip white space and comments; true if a token follows. */
static bool
skip_space(struct lexer *lx)
{
	for (;;) {
		while (lx->p < lx->end && isspace((unsigned char)*lx->p))
			lx->p++;
		if (lx->hash_comments && lx->p < lx->end && *lx->p == '#') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
			continue;
		}
		if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '*') {
			const char *q = lx->p + 2;
			while (lx->end - q >= 2 && !(q[0] == '*' && q[1] == '/'))
				q++;
			lx->p = lx->end - q >= 2 ? q + 2 : lx->end;
			continue;
		}
		return lx->p < lx->end;
	}
}

/*
 * The next token into lx->tok: a word, a quoted string (without its
 * quotes) or one character of lx->punct; false at the end.  A token
 * longer than the buffer is cut.
 */
bool
lexer_next(struct lexer *lx)
{
	size_t n = 0;

	lx->quoted = false;
	if (!skip_space(lx))
		return false;
	if (strchr(lx->punct, *lx->p) != NULL && !is_scope(lx, lx->p)) {
		lx->tok[0] = *lx->p++;
		lx->tok[1] = '\0';
		return true;
	}
	if (*lx->p == '"') {
		lx->quoted = true;
		for (lx->p++; lx->p < lx->end && *lx->p != '"'; lx->p++)
			if (n < sizeof(lx->tok) - 1)
				lx->tok[n++] = *lx->p;
		if (lx->p < lx->end)
			lx->p++;
	} else {
		while (lx->p < lx->end && !isspace((unsigned char)*lx->p) &&
		    *lx->p != '"' && (strchr(lx->punct, *lx->p) == NULL ||
		    is_scope(lx, lx->p))) {
			if (is_scope(lx, lx->p) && n < sizeof(lx->tok) - 2) {
				lx->tok[n++] = *lx->p++;
				lx->tok[n++] = *lx->p++;
				continue;
			}
			if (n < sizeof(lx->tok) - 1)
				lx->tok[n++] = *lx->p;
			lx->p++;
		}
	}
	lx->tok[n] = '\0';
	return true;
}
