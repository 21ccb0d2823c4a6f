# "make check": the BATS suite under tests/ plus the man-page lint, ending
# with the line "N passed, M failed[, K skipped]".
#
#   TESTS=tests/nm      run only some files or directories
#   JOBS=2              bats jobs in parallel (needs GNU parallel)

TESTS ?= tests
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: check
check: all
	@OBJKIT_BIN=$(CURDIR)/$(B)/bin JOBS=$(JOBS) sh tests/run $(TESTS)
