/* Dumps not written yet: each prints nothing. */
#include "readelf.h"

void dump_ehdr(struct relf *f) { (void)f; }
void dump_shdr(struct relf *f) { (void)f; }
void dump_phdr(struct relf *f) { (void)f; }
void dump_groups(struct relf *f) { (void)f; }
void dump_syms(struct relf *f, bool d) { (void)f; (void)d; }
void dump_reloc(struct relf *f) { (void)f; }
void dump_dynamic(struct relf *f) { (void)f; }
void dump_version(struct relf *f) { (void)f; }
void dump_notes(struct relf *f) { (void)f; }
void dump_sections(struct relf *f) { (void)f; }
void dump_histogram(struct relf *f) { (void)f; }
void dump_arch(struct relf *f) { (void)f; }
void dump_unwind(struct relf *f) { (void)f; }
void json_dump(struct relf *f) { (void)f; }
