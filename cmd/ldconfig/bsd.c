#include "ldconfig.h"
int bsd_main(int argc, char **argv) { (void)argc; (void)argv; return 1; }
