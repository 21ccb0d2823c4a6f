# One program per directory under cmd/: build/bin/<prog> from cmd/<prog>/*.c
# and libcommon.a.  Extra names (ranlib is ar) are symlinks.

BINS :=

define PROG_template
$(1)_SRCS := $$(wildcard cmd/$(1)/*.c)
$(1)_OBJS := $$($(1)_SRCS:%.c=$$(B)/%.o)
$$(B)/bin/$(1): $$($(1)_OBJS) $$(LIBCOMMON)
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD      $$@")
	$$(Q)$$(CC) $$(ALL_LDFLAGS) -o $$@ $$($(1)_OBJS) $$(LIBCOMMON) $$(LDLIBS)
BINS += $$(B)/bin/$(1)
endef
$(foreach p,$(PROGS),$(eval $(call PROG_template,$(p))))

# ranlib is ar under another name.
ifneq ($(filter ar,$(PROGS)),)
$(B)/bin/ranlib: $(B)/bin/ar
	ln -sf ar $@
BINS += $(B)/bin/ranlib
endif

# ldconfig.bsd is ldconfig in BSD hints mode.
ifneq ($(filter ldconfig,$(PROGS)),)
$(B)/bin/ldconfig.bsd: $(B)/bin/ldconfig
	ln -sf ldconfig $@
BINS += $(B)/bin/ldconfig.bsd
endif
