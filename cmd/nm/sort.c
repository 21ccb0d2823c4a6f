/*
 * sort: GNU nm's orders, including how it breaks ties.
 *
 * GNU nm sorts with qsort, which glibc implements as a merge sort: equal
 * symbols keep their symbol-table order, also under -r (the reverse
 * comparator negates the result, it does not reverse the array).  We use
 * our own stable merge sort to get the same result everywhere.
 *
 *   name:     strcoll; empty names first.
 *   numeric:  undefined first (by name), then by value, then by name.
 *   size:     symbols of size 0 dropped; by size, then by name (both
 *             reversed by -r), equal ones in address order.  Section
 *             symbols have no ELF size: theirs runs to the next symbol
 *             in the same section, or to the section's end.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "nm.h"
#include "xalloc.h"

typedef int (*cmp_fn)(const struct nm_sym *, const struct nm_sym *);

static bool	 rev;
static bool	 bytewise;	/* strcoll is strcmp in this locale */

static int
cmp_name(const struct nm_sym *x, const struct nm_sym *y)
{
	if (y->name[0] == '\0')
		return x->name[0] != '\0';
	if (x->name[0] == '\0')
		return -1;
	return bytewise ? strcmp(x->name, y->name) : strcoll(x->name, y->name);
}

/*
 * Whether the collation is plain byte order: in "C" and "POSIX" by
 * definition, and in glibc's C.UTF-8, which collates by code point.
 * strcmp then gives strcoll's answer for a third of its cost.
 */
static bool
collate_bytewise(void)
{
	const char *l = setlocale(LC_COLLATE, NULL);

	return l != NULL && (strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0 ||
	    strcmp(l, "C.UTF-8") == 0 || strcmp(l, "C.utf8") == 0);
}

static int
cmp_numeric(const struct nm_sym *x, const struct nm_sym *y)
{
	bool xu = (x->flags & NMS_UNDEF) != 0, yu = (y->flags & NMS_UNDEF) != 0;

	if (xu) {
		if (!yu)
			return -1;
	} else if (yu)
		return 1;
	else if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return cmp_name(x, y);
}

static int
cmp_name_rev(const struct nm_sym *x, const struct nm_sym *y)
{
	return -cmp_name(x, y);
}

static int
cmp_numeric_rev(const struct nm_sym *x, const struct nm_sym *y)
{
	return -cmp_numeric(x, y);
}

static bool
gnu_compiled(const char *n)
{
	return strstr(n, "gnu_compiled") != NULL ||
	    strstr(n, "gcc2_compiled") != NULL;
}

static bool
file_like(const struct nm_sym *s)
{
	size_t n = strlen(s->name);

	return (s->flags & NMS_FILE) != 0 || (n > 2 &&
	    s->name[n - 2] == '.' && (s->name[n - 1] == 'o' ||
	    s->name[n - 1] == 'a'));
}

/* Address order, as GNU's size sort first arranges the symbols. */
static int
cmp_addr(const struct nm_sym *x, const struct nm_sym *y)
{
	bool xf, yf;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->secaddr != y->secaddr)
		return x->secaddr < y->secaddr ? -1 : 1;
	xf = gnu_compiled(x->name);
	yf = gnu_compiled(y->name);
	if (xf != yf)
		return xf ? -1 : 1;
	xf = file_like(x);
	yf = file_like(y);
	if (xf != yf)
		return xf ? -1 : 1;
	return cmp_name(x, y);
}

static int
cmp_size(const struct nm_sym *x, const struct nm_sym *y)
{
	if (x->size != y->size)
		return (x->size < y->size) != rev ? -1 : 1;
	return rev ? cmp_name_rev(x, y) : cmp_name(x, y);
}

/*
 * Stable merge sort of a[0..n) using tmp (n / 2 + 1 entries) as scratch.
 * It sorts pointers: a struct nm_sym is 80 bytes, and moving those was a
 * third of the sort's time.
 */
static void
merge_sort(const struct nm_sym **a, const struct nm_sym **tmp, size_t n,
    cmp_fn cmp)
{
	size_t h = n / 2, i, j, k;
	const struct nm_sym *t;

	if (n < 2)
		return;
	if (n <= 8) {
		/* Insertion sort: stable, and quick on short runs. */
		for (i = 1; i < n; i++) {
			t = a[i];
			for (j = i; j > 0 && cmp(a[j - 1], t) > 0; j--)
				a[j] = a[j - 1];
			a[j] = t;
		}
		return;
	}
	merge_sort(a, tmp, h, cmp);
	merge_sort(a + h, tmp, n - h, cmp);
	if (cmp(a[h - 1], a[h]) <= 0)
		return;
	memcpy(tmp, a, h * sizeof(*a));
	for (i = 0, j = h, k = 0; i < h && j < n; k++)
		a[k] = cmp(a[j], tmp[i]) < 0 ? a[j++] : tmp[i++];
	while (i < h)
		a[k++] = tmp[i++];
}

/*
 * Sort l's symbols: pointers first, then each symbol moved once, in
 * place, cycle by cycle (p[k] names the symbol that belongs at k; a
 * pointer is set to NULL once its slot is filled).  A second array of
 * symbols would cost as much in page faults as the moves save.
 */
static void
sort_with(struct nm_list *l, cmp_fn cmp)
{
	const struct nm_sym **p, **tmp;
	struct nm_sym t;
	size_t i, j, src;

	if (l->n < 2)
		return;
	p = xreallocarray(NULL, l->n, sizeof(*p));
	tmp = xreallocarray(NULL, l->n / 2 + 1, sizeof(*tmp));
	for (i = 0; i < l->n; i++)
		p[i] = &l->syms[i];
	merge_sort(p, tmp, l->n, cmp);
	for (i = 0; i < l->n; i++) {
		if (p[i] == NULL || p[i] == &l->syms[i])
			continue;
		t = l->syms[i];
		for (j = i;;) {
			src = (size_t)(p[j] - l->syms);
			p[j] = NULL;
			if (src == i) {
				l->syms[j] = t;
				break;
			}
			l->syms[j] = l->syms[src];
			j = src;
		}
	}
	free(tmp);
	free(p);
}

/* Give section symbols a size, drop what has none, sort by size. */
static void
sort_size(struct nm_list *l)
{
	size_t i, k;
	struct nm_sym *s, *next;

	sort_with(l, cmp_addr);
	for (i = k = 0; i < l->n; i++) {
		s = &l->syms[i];
		if (s->flags & NMS_SECTION) {
			next = i + 1 < l->n ? &l->syms[i + 1] : NULL;
			if (next != NULL && next->secidx == s->secidx)
				s->size = next->value - s->value;
			else
				s->size = s->secend - s->value;
		}
		if (s->size != 0)
			l->syms[k++] = *s;
	}
	l->n = k;
	sort_with(l, cmp_size);
}

void
nm_sort(const struct nm_opts *op, struct nm_list *l)
{
	rev = op->reverse_sort;
	bytewise = collate_bytewise();
	switch (op->sort) {
	case NM_SORT_NONE:
		break;
	case NM_SORT_NAME:
		sort_with(l, rev ? cmp_name_rev : cmp_name);
		break;
	case NM_SORT_NUMERIC:
		sort_with(l, rev ? cmp_numeric_rev : cmp_numeric);
		break;
	case NM_SORT_SIZE:
		sort_size(l);
		break;
	}
}
