# libcommon.a: the shared library of readers and writers (common/*.c).

COMMON_SRCS := $(wildcard common/*.c)
COMMON_OBJS := $(COMMON_SRCS:%.c=$(B)/%.o)
LIBCOMMON   := $(B)/common/libcommon.a

$(LIBCOMMON): $(COMMON_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)$(AR_BUILD) rcs $@ $(COMMON_OBJS)

# The archiver that builds libcommon.a is the system one: ours is built
# from it.
AR_BUILD := /usr/bin/ar
