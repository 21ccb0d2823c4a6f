#!/usr/bin/env bats
# readelf -A: build attributes and the MIPS ABI flags and GOT, judged
# against GNU readelf byte for byte.

load ../lib/common
load ../lib/readelf

# asm_for TARGET OUT.o: assemble attr.s for TARGET (skips without clang).
asm_for() {
	need_cmd clang
	clang -target "$1" -c -o "$2" attr.s 2>/dev/null ||
	    skip "clang cannot assemble for $1"
}

# set_machine FILE NUM: rewrite e_machine of a big-endian ELF file.
set_machine() {
	printf "\\x$(printf %02x $(($2 >> 8)))\\x$(printf %02x $(($2 & 255)))" |
	    dd of="$1" bs=1 seek=18 conv=notrunc 2>/dev/null
}

@test "readelf -A decodes the ARM attributes of a compiled object as GNU" {
	cross_obj arm-linux-gnueabi a.o
	same_as_gnu -A a.o
	run -0 "$READELF" -A a.o
	assert_line 'Attribute Section: aeabi'
	assert_line '  Tag_CPU_name: "arm7tdmi"'
}

@test "readelf -A names every ARM tag value, in and out of range, as GNU" {
	local v t
	for v in 0 1 2 3 4 5 6 8 12 13 22 65 77 83 300; do
		{
			for t in 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 \
			    23 24 25 26 27 28 29 30 31 34 36 38 42 44 46 48 50 52 \
			    64 66 68 70 74 76 200 1000; do
				echo ".eabi_attribute $t, $v"
			done
			echo ".eabi_attribute 32, $v, \"gnu\""
			echo ".eabi_attribute 5, \"a\\x01b$v\""
			echo ".eabi_attribute 203, \"s$v\""
		} > attr.s
		asm_for arm-linux-gnueabi a.o
		same_as_gnu -A a.o
	done
	run -0 "$READELF" -A a.o
	assert_line '  Tag_CPU_arch: ??? (300)'
}

@test "readelf -A decodes RISC-V attributes as GNU" {
	local v
	for v in 0 1 2 16; do
		printf '%s\n' ".attribute 4, $v" ".attribute 6, $v" \
		    ".attribute 8, $v" ".attribute 10, $v" ".attribute 12, $v" \
		    '.attribute 5, "rv64i2p0_m2p0"' ".attribute 100, $v" \
		    '.attribute 101, "zz"' > attr.s
		asm_for riscv64-linux-gnu a.o
		same_as_gnu -A a.o
	done
	run -0 "$READELF" -A a.o
	assert_line '  Tag_RISCV_arch: "rv64i2p0_m2p0"'
}

@test "readelf -A decodes PowerPC GNU attributes as GNU" {
	local v
	for v in 0 1 2 3 5 9 12 15 17; do
		printf '%s\n' ".gnu_attribute 4, $v" ".gnu_attribute 8, $v" \
		    ".gnu_attribute 12, $v" ".gnu_attribute 5, $v" \
		    ".gnu_attribute 6, $v" > attr.s
		asm_for powerpc64-linux-gnu a.o
		same_as_gnu -A a.o
	done
	run -0 "$READELF" -A a.o
	assert_line '  Tag_GNU_Power_ABI_FP: (0x11), hard float, unspecified long double'
}

@test "readelf -A decodes the GNU attributes of s390, SPARC, m68k, MIPS, MSP430 and x86 as GNU" {
	local v m
	for v in 0 1 2 3 5 7 9 17; do
		printf '%s\n' ".gnu_attribute 4, $v" ".gnu_attribute 8, $v" \
		    ".gnu_attribute 12, $v" ".gnu_attribute 6, $v" > attr.s
		asm_for powerpc-linux-gnu a.o
		# The same section read as another machine's.
		for m in 22 2 4 8 105 62 40; do
			cp a.o m.o
			set_machine m.o $m
			same_as_gnu -A m.o
		done
	done
	set_machine a.o 2
	run -0 "$READELF" -A a.o
	assert_line '  Tag_GNU_Sparc_HWCAPS: mul32|popc'
}

@test "readelf -A decodes each SPARC hardware capability bit as GNU" {
	local k
	for k in 0 4 8 9 10 12 13 16 17; do
		printf '%s\n' ".gnu_attribute 4, $((1 << k))" \
		    ".gnu_attribute 8, $((1 << k))" > attr.s
		asm_for powerpc-linux-gnu a.o
		set_machine a.o 2
		same_as_gnu -A a.o
	done
}

@test "readelf -A shows MIPS ABI flags and the GOT of a MIPS library as GNU" {
	local t
	for t in mips-linux-gnu mipsel-linux-gnu mips64-linux-gnuabi64 \
	    mips64el-linux-gnuabi64; do
		cross_so $t a.so
		same_as_gnu -A a.so
		same_as_gnu -A a.o
	done
	run -0 "$READELF" -A a.so
	assert_line 'MIPS ABI Flags Version: 0'
	assert_line 'Primary GOT:'
	assert_line --partial ' Lazy resolver'
}

@test "readelf -A prints nothing for x86 and aarch64 objects, as GNU" {
	cc_obj a.o 'int x = 1;'
	same_as_gnu -A a.o
	cross_obj aarch64-linux-gnu b.o
	same_as_gnu -A b.o
	run -0 "$READELF" -A a.o
	assert_output ''
}

@test "readelf -A stops where GNU does on corrupt attribute sections" {
	local off pos b
	printf '%s\n' '.eabi_attribute 5, "cortex-a8"' '.eabi_attribute 6, 10' \
	    '.eabi_attribute 32, 1, "gnu"' '.eabi_attribute 24, 1' > attr.s
	asm_for arm-linux-gnueabi a.o
	off=$((0x$(/usr/bin/readelf -SW a.o | sed -n 's/.*\] \.ARM\.attributes *[A-Z_]* *[0-9a-f]* \([0-9a-f]*\).*/\1/p')))
	[ "$off" -gt 0 ]
	for pos in 0 1 2 3 4 5 6 10 11 12 13 14 15 16 17 18 20 25 30; do
		for b in 00 01 05 41 7f 80 ff; do
			cp a.o m.o
			printf "\\x$b" | dd of=m.o bs=1 seek=$((off + pos)) \
			    conv=notrunc 2>/dev/null
			run "$READELF" -A m.o
			[ "$status" -le 1 ]
			same_as_gnu -A m.o
		done
	done
}
