/*
 * Private interface of readelf's a.out dumper (aout_*.c).  One struct
 * adump carries the parsed file and the output state through the dumps;
 * every dump prints either text or its part of one JSON object, from the
 * same data, so that the two cannot drift apart.
 */
#ifndef READELF_AOUT_PRIV_H
#define READELF_AOUT_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "aout.h"

#define AD_MAXERR	4

struct adump {
	const char	*name;
	struct aout	 a;
	unsigned	 what;
	bool		 json, explain;
	bool		 comma;		/* JSON: a member precedes */
	struct aout_dynamic dyn;	/* valid when dyn_ok */
	bool		 dyn_ok;
	int		 nerr;
	char		 errs[AD_MAXERR][200];
};

/* How a header field's value is written in text. */
enum ad_style { AD_DEC, AD_HEX, AD_SIZE, AD_OCT, AD_STR };

/* One row of a field table (exec header, dispatch table). */
struct ad_field {
	const char	*key;		/* JSON member name */
	const char	*label;		/* text label */
	enum ad_style	 style;
	uint64_t	 v;
	const char	*s;		/* AD_STR value, or a note */
	const char	*explain;	/* one line for --explain */
};

void	ad_error(struct adump *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	ad_out(const char *, ...) __attribute__((format(printf, 1, 2)));
void	ad_explain(const struct adump *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	ad_jstring(const char *);
void	ad_jkey(struct adump *, const char *);
void	ad_jopen(struct adump *, const char *key, char brace);
void	ad_jclose(struct adump *, char brace);
void	ad_jnum(struct adump *, const char *key, uint64_t);
void	ad_jint(struct adump *, const char *key, int64_t);
void	ad_jstr(struct adump *, const char *key, const char *);
void	ad_jbool(struct adump *, const char *key, bool);
void	ad_fields(struct adump *, const char *title, const char *key,
	    const struct ad_field *, size_t);

void	aout_dump_header(struct adump *);
void	aout_dump_syms(struct adump *);
void	aout_dump_relocs(struct adump *);
void	aout_dump_dynamic(struct adump *);
void	aout_dump_dynsyms(struct adump *);
void	aout_dump_rrs(struct adump *);
/* Explanation of an n_type for a student, and of a relocation. */
const char *aout_explain_type(const struct aout_sym *);

#endif
