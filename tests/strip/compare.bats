#!/usr/bin/env bats
# A quick sample of tests/compare/strip.sh, which strips system binaries,
# libraries, objects and archives with ours and with GNU strip and
# compares their sections and symbols.  The whole-corpus run is
#   sh tests/compare/strip.sh [-O OPTIONS]

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	need_cmd strip readelf nm
	mkdir sample
	local f
	for f in /usr/bin/ls \
	    /usr/lib/x86_64-linux-gnu/libz.so.1.2.13 \
	    /usr/lib/x86_64-linux-gnu/libz.a \
	    /usr/lib/x86_64-linux-gnu/crt1.o \
	    /usr/lib/x86_64-linux-gnu/libc_nonshared.a; do
		[ -f "$f" ] && cp "$f" sample/
	done
	printf '%s\n' "$PROG_C" > prog.c
	cc -g -o sample/prog prog.c
	cc -g -c -o sample/prog.o prog.c
}

@test "a sample of system files strips as GNU strip does (-s)" {
	run sh "$TOP/tests/compare/strip.sh" sample
	assert_success
	assert_line --regexp ' 0 differ, 0 refused by ours'
}

@test "a sample of system files strips as GNU strip does (-g)" {
	run sh "$TOP/tests/compare/strip.sh" -O -g sample
	assert_success
	assert_line --regexp ' 0 differ, 0 refused by ours'
}
