# libFuzzer harnesses, one per reader in common/ (fuzz/*_fuzz.c), built with
# clang into build/fuzz/.  Run one with: build/fuzz/elfobj_fuzz CORPUSDIR

FUZZ_CC      := clang
FUZZ_SRCS    := $(wildcard fuzz/*_fuzz.c)
FUZZ_BINS    := $(FUZZ_SRCS:fuzz/%.c=$(B)/fuzz/%)
FUZZ_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
		-fsanitize=fuzzer,address,undefined -Icommon \
		-I/usr/include/libiberty $(PKG_CFLAGS)

.PHONY: fuzz
fuzz: deps $(FUZZ_BINS)

# Some harnesses #include a program's own sources (cmd/ldconfig, cmd/ld), so
# every program source is a prerequisite: an edit there rebuilds them.
$(B)/fuzz/%: fuzz/%.c $(COMMON_SRCS) $(wildcard common/*.h cmd/*/*.c cmd/*/*.h) | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(COMMON_SRCS) $(PKG_LIBS) -liberty

# ld's input stage: every ld source but main.c, with exit and free
# redirected so that one process can link input after input, and the
# harness's own xmalloc family in place of common/xalloc.c.
LD_FUZZ_SRCS := $(filter-out cmd/ld/main.c,$(wildcard cmd/ld/*.c)) \
		$(filter-out common/xalloc.c,$(COMMON_SRCS))
$(B)/fuzz/ld_input_fuzz: fuzz/ld_input_fuzz.c $(LD_FUZZ_SRCS) \
		$(wildcard common/*.h cmd/ld/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Icmd/ld -Dexit=ld_fuzz_exit \
	    -Dfree=ld_fuzz_free -o $@ $< $(LD_FUZZ_SRCS) $(PKG_LIBS) -liberty

# ld's shared-library reader: the same build, ld_input_fuzz.c included.
$(B)/fuzz/ld_shlib_fuzz: fuzz/ld_shlib_fuzz.c fuzz/ld_input_fuzz.c \
		$(LD_FUZZ_SRCS) $(wildcard common/*.h cmd/ld/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Icmd/ld -Dexit=ld_fuzz_exit \
	    -Dfree=ld_fuzz_free -o $@ $< $(LD_FUZZ_SRCS) $(PKG_LIBS) -liberty
