# objkit: small, fast, correct tools for object files.
#
# Non-recursive GNU make.  Every directory under cmd/ is a program; the
# fragments in mk/ say how to build, test, lint, fuzz and install them.
# Outputs go to build/ (build/bin holds the programs, so that
# "cc -B build/bin/" links with our ld).

PROGS := $(sort $(patsubst cmd/%/,%,$(dir $(wildcard cmd/*/*.c))))

.DEFAULT_GOAL := all

include mk/config.mk
include mk/lib.mk
include mk/prog.mk
include mk/man.mk
include mk/test.mk
include mk/fuzz.mk
include mk/deps.mk
include mk/install.mk

.PHONY: all clean
all: deps $(LIBCOMMON) $(BINS)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
