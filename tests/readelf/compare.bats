#!/usr/bin/env bats
# A quick sample of tests/compare/readelf.sh: a few system files per
# option, our output against GNU readelf's, byte for byte.

load ../lib/common
load ../lib/readelf

sample() {
	local f
	for f in /usr/bin/ls /usr/bin/bash /usr/lib/x86_64-linux-gnu/libc.so.6 \
	    /usr/lib/x86_64-linux-gnu/libz.so.1 /usr/lib/x86_64-linux-gnu/crt1.o \
	    /usr/lib/x86_64-linux-gnu/libc_nonshared.a \
	    /usr/lib/x86_64-linux-gnu/libstdc++.so.6; do
		[ -f "$f" ] && echo "$f"
	done
	ls /usr/bin/* | head -n 5
}

compare_option() {
	local f n=0
	for f in $(sample); do
		# shellcheck disable=SC2068
		same_as_gnu $@ "$f" || { echo "differs: $* $f"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no system files to compare"
}

@test "system files: -h -S -l agree with GNU" { compare_option -h -S -l; }
@test "system files: -s agrees with GNU" { compare_option -s; }
@test "system files: -sW agrees with GNU" { compare_option -sW; }
@test "system files: -r -d agree with GNU" { compare_option -r -d; }
@test "system files: -n -V agree with GNU" { compare_option -n -V; }
@test "system files: -t -g -I agree with GNU" { compare_option -t -g -I; }
@test "system files: -x .text and -p .comment agree with GNU" { compare_option -x .init -p .comment; }

@test "cross objects and libraries: -a -W agrees with GNU" {
	local t
	for t in arm-linux-gnueabi mips-linux-gnu riscv64-linux-gnu \
	    powerpc64-linux-gnu aarch64-linux-gnu; do
		cross_so $t a.so
		same_as_gnu -a -W a.o
		same_as_gnu -a -W a.so
	done
}
