/*
 * json: --format=json writes one JSON document for the whole run:
 *
 *   {"symbols":[{"file":"lib.a","member":"x.o","name":"f","value":16,
 *     "size":32,"type":"FUNC","binding":"GLOBAL","letter":"T",
 *     "section":".text","version":null}, ...]}
 *
 * Numbers are JSON numbers (exact up to 2^53, which covers addresses in
 * practice; jq reads them as doubles).  Strings are escaped per RFC 8259;
 * bytes >= 0x80 pass through, so valid UTF-8 names stay valid.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "nm.h"
#include "symtab.h"

static bool	 opened;
static bool	 any;

static void
json_str(const char *s)
{
	char esc[8];

	if (s == NULL) {
		out_str("null");
		return;
	}
	out_chr('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			out_chr('\\');
			out_chr((char)c);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			out_str(esc);
		} else
			out_chr((char)c);
	}
	out_chr('"');
}

static void
json_num(uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	out_str(buf);
}

static void
json_open(void)
{
	if (!opened) {
		out_str("{\"symbols\":[");
		opened = true;
	}
}

void
nm_json_list(const struct nm_opts *op, const struct nm_list *l)
{
	const struct nm_sym *s;
	char buf[32], letter[2] = { 0, 0 };
	size_t i;

	json_open();
	for (i = 0; i < l->n; i++) {
		s = &l->syms[i];
		out_str(any ? ",\n{\"file\":" : "\n{\"file\":");
		any = true;
		json_str(l->file);
		out_str(",\"member\":");
		json_str(l->member);
		out_str(",\"name\":");
		json_str(s->name);
		out_str(",\"value\":");
		json_num(s->value);
		out_str(",\"size\":");
		json_num(s->size);
		out_str(",\"type\":");
		json_str((s->flags & (NMS_HASELF | NMS_SECTION)) ?
		    symtab_type_name(s->type, buf, sizeof(buf)) : NULL);
		out_str(",\"binding\":");
		json_str((s->flags & (NMS_HASELF | NMS_SECTION)) ?
		    symtab_bind_name(s->bind, buf, sizeof(buf)) : NULL);
		letter[0] = s->letter;
		out_str(",\"letter\":");
		json_str(letter);
		out_str(",\"section\":");
		json_str(s->secname);
		out_str(",\"version\":");
		json_str(s->version);
		out_chr('}');
	}
}

void
nm_json_finish(void)
{
	json_open();
	out_str("\n]}\n");
}
