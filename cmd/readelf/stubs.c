/* Dumps not written yet: each prints nothing. */
#include "readelf.h"

void dump_arch(struct relf *f) { (void)f; }
