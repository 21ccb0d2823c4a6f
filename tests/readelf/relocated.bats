#!/usr/bin/env bats
# readelf -R: section dumps with the relocations applied, as GNU does.

load ../lib/common
load ../lib/readelf

# relocated_same FILE: every relocated section of FILE dumps as GNU's.
relocated_same() {
	local s n=0
	for s in .text .data .data.rel.ro .rodata .eh_frame .debug_info \
	    .debug_line .debug_addr .debug_frame .debug_aranges .ARM.exidx; do
		/usr/bin/readelf -SW "$1" | grep -q " $s " || continue
		same_as_gnu -R "$s" "$1"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ]
}

@test "readelf -R applies the data relocations of every cross target as GNU" {
	local t
	for t in aarch64-linux-gnu arm-linux-gnueabi armebv7-linux-gnueabi \
	    i386-linux-gnu mips-linux-gnu mips64el-linux-gnuabi64 \
	    powerpc-linux-gnu powerpc64-linux-gnu powerpc64le-linux-gnu \
	    s390x-linux-gnu x86_64-linux-gnu; do
		clang_obj $t a.o 'extern int e[]; int *p = e + 2; static int s;
int f(int x) { return e[x] + s; }' -O1 -g -fPIC
		relocated_same a.o
	done
}

@test "readelf -R applies RISC-V ADD, SUB and SET relocations as GNU" {
	local t
	for t in riscv64-linux-gnu riscv32-linux-gnu; do
		clang_obj $t a.o 'static int s; int f(int x) { return x + s; }
int g(int y) { return f(y) * 2; }' -O1 -g
		relocated_same a.o
		run -0 /usr/bin/readelf -r a.o
		assert_output --partial 'R_RISCV_ADD32'
	done
}

@test "readelf -R applies SPARC relocations as GNU" {
	need_cmd clang
	printf '%s\n' 'extern int e; int *p = &e; int f(void) { return e; }' > s.c
	clang -target sparcv9-linux-gnu -fintegrated-as -g -c s.c -o a.o \
	    2>/dev/null || skip "clang cannot target SPARC"
	relocated_same a.o
}
