#!/usr/bin/env bats
# readelf -s, --dyn-syms, -C, -T, --sym-base, -V, -I.

load ../lib/common
load ../lib/readelf

@test "readelf -s on an object matches GNU readelf" {
	cc_obj a.o 'static int s; int g; extern int e; int f(void) { return s + g + e; }'
	same_as_gnu -s a.o
}

@test "readelf --dyn-syms shows GNU versions with @ and @@" {
	host_so l.so
	same_as_gnu --dyn-syms l.so
	same_as_gnu --dyn-syms -W l.so
	run -0 "$READELF" --dyn-syms -W l.so
	assert_line --regexp 'v2_fn@@V2$'
	assert_line --regexp 'puts@GLIBC_2.2.5 \([0-9]+\)$'
}

@test "readelf -s on a shared library lists .dynsym then .symtab" {
	host_so l.so
	same_as_gnu -s l.so
}

@test "readelf -C demangles C++ names as GNU does" {
	need_cmd g++
	printf 'namespace n { int f(int a) { return a; } }\n' > c.cc
	g++ -c -o c.o c.cc
	same_as_gnu -C -s c.o
	run -0 "$READELF" -C -sW c.o
	assert_line --partial 'n::f(int)'
}

@test "readelf -T leaves long names uncut, without [...]" {
	cc_obj a.o 'int a_symbol_name_well_over_twenty_one(void) { return 0; }'
	same_as_gnu -T -s a.o
	run -0 "$READELF" -s a.o
	assert_line --partial 'a_symbol_name_we[...]'
}

@test "readelf --sym-base=16 prints sizes in hex, as GNU does" {
	cc_obj a.o 'char big[200000]; int f(void) { return big[1]; }'
	same_as_gnu --sym-base=16 -s a.o
	same_as_gnu -s a.o
	run -0 "$READELF" -s a.o
	assert_line --partial '0x30d40 OBJECT'
}

@test "readelf -s matches GNU on arm, riscv64, mips64 and powerpc64le objects" {
	local t
	for t in armv7a-linux-gnueabihf riscv64-linux-gnu mips64-linux-gnuabi64 \
	    powerpc64le-linux-gnu; do
		cross_obj $t a.o
		same_as_gnu -s a.o
	done
}

@test "readelf -V prints version definitions, needs and versym as GNU" {
	host_so l.so
	same_as_gnu -V l.so
	run -0 "$READELF" -V l.so
	assert_line --partial "Version definition section '.gnu.version_d'"
	assert_line --partial 'Name: V2'
}

@test "readelf -V on an object says there is no version information" {
	cc_obj a.o 'int a;'
	run -0 "$READELF" -V a.o
	assert_output "$(printf '\nNo version information found in this file.')"
}

@test "readelf -I prints the bucket histogram of the GNU hash table" {
	host_so l.so
	same_as_gnu -I l.so
	run -0 "$READELF" -I l.so
	assert_line --partial "Histogram for \`.gnu.hash' bucket list length"
}

@test "readelf -I prints the SysV hash histogram when there is DT_HASH" {
	printf 'int f(void) { return 1; }\n' > h.c
	cc -shared -fPIC -Wl,--hash-style=sysv -o h.so h.c
	same_as_gnu -I h.so
	run -0 "$READELF" -I h.so
	assert_line --partial 'Histogram for bucket list length'
}
