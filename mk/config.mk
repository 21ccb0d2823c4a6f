# Compiler, flags and libraries.
#
#   SAN=1      build with AddressSanitizer and UBSan
#   WERROR=1   turn warnings into errors (what .ci/run uses)
#   CC, CFLAGS, LDFLAGS may be set on the command line as usual.

B       := build
CC      ?= cc
ifeq ($(origin CC),default)
CC      := cc
endif
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes \
	   -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN    += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined
endif

PKGS    := libelf libarchive
# On a new machine pkg-config itself may arrive only with "make deps", after
# this file was read: then the libraries' usual names stand in.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(or $(shell pkg-config --libs $(PKGS) 2>/dev/null),-lelf -larchive)

ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	      $(OPT) $(WARN) $(SANFLAGS) -Icommon -I/usr/include/libiberty \
	      $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)
LDLIBS  := $(PKG_LIBS) -liberty -lpthread

# Every object depends on this stamp, which changes whenever the flags
# do, so "make SAN=1" after "make" rebuilds everything in place.
FLAGS_STAMP := $(B)/.flags
FLAGS_NOW   := $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)
$(shell mkdir -p $(B); \
	[ "$$(cat $(FLAGS_STAMP) 2>/dev/null)" = '$(FLAGS_NOW)' ] || \
	printf '%s\n' '$(FLAGS_NOW)' > $(FLAGS_STAMP))

# V=1 shows the commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# Order-only on deps: under make -j nothing compiles before the headers of
# the packages it installs are there.
$(B)/%.o: %.c $(FLAGS_STAMP) | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
