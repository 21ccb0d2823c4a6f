#!/usr/bin/env bats
# nm's output formats and options, judged by GNU nm on generated objects.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	fixture_objects
}

@test "nm lists symbols in the BSD format as GNU nm does" {
	same_as_gnu nm kinds.o
}

@test "nm shows the GNU letters for every symbol kind" {
	run -0 "$NM" kinds.o
	assert_line --regexp '^0000000000000004 C common_var$'
	assert_line --regexp '^[0-9a-f]{16} d static_var$'
	assert_line --regexp '^[0-9a-f]{16} D data_var$'
	assert_line --regexp '^[0-9a-f]{16} R rodata_var$'
	assert_line --regexp '^[0-9a-f]{16} B tls_var$'
	assert_line '                 U undefined_var'
	assert_line --regexp '^[0-9a-f]{16} W weak_fn$'
	assert_line --regexp '^[0-9a-f]{16} V weak_obj$'
	assert_line '                 w weak_undef'
	assert_line --regexp '^[0-9a-f]{16} t static_fn$'
	assert_line --regexp '^[0-9a-f]{16} T global_fn$'
}

@test "nm -a adds section, file and debugging symbols" {
	same_as_gnu nm -a kinds.o
	run -0 "$NM" -a kinds.o
	assert_line --regexp ' N \.debug_info$'
	assert_line --regexp ' a kinds\.c$'
}

@test "nm -S prints the size of defined symbols" {
	same_as_gnu nm -S kinds.o
}

@test "nm -n sorts by address with undefined symbols first" {
	same_as_gnu nm -n kinds.o
}

@test "nm -r reverses the name order and keeps ties in table order" {
	same_as_gnu nm -r kinds.o other.o
}

@test "nm -n -r reverses the numeric order" {
	same_as_gnu nm -n -r kinds.o
}

@test "nm -p lists symbols in symbol-table order" {
	same_as_gnu nm -p kinds.o
}

@test "nm --size-sort prints sizes in place of values, smallest first" {
	same_as_gnu nm --size-sort kinds.o other.o
}

@test "nm --size-sort -S -r prints both numbers, largest first" {
	same_as_gnu nm --size-sort -S -r kinds.o
}

@test "nm -P prints the POSIX format" {
	same_as_gnu nm -P kinds.o other.o
}

@test "nm -f sysv prints GNU's System V table" {
	same_as_gnu nm -f sysv kinds.o other.o
}

@test "nm -j prints names only" {
	same_as_gnu nm -j kinds.o other.o
}

@test "nm -g lists only external symbols" {
	same_as_gnu nm -g kinds.o
}

@test "nm -u lists only undefined symbols" {
	same_as_gnu nm -u kinds.o
	run -0 "$NM" -u kinds.o
	refute_line --partial ' T '
}

@test "nm --defined-only drops undefined symbols" {
	same_as_gnu nm --defined-only kinds.o
}

@test "nm -W drops weak symbols" {
	same_as_gnu nm -W kinds.o
}

@test "nm -A prefixes each line with the file name" {
	same_as_gnu nm -A kinds.o other.o
	same_as_gnu nm -o -P kinds.o
	same_as_gnu nm -A -f sysv other.o
}

@test "nm -t d and -t o print values in decimal and octal" {
	same_as_gnu nm -t d -S kinds.o
	same_as_gnu nm -t o -S kinds.o
	same_as_gnu nm -t d -P kinds.o
}

@test "nm with several operands prints a heading for each file" {
	same_as_gnu nm kinds.o other.o empty.o
	run -0 "$NM" kinds.o other.o
	assert_line 'kinds.o:'
	assert_line 'other.o:'
}

@test "nm on a 32-bit object prints 8-digit values" {
	cc_obj k32.o 'int v = 1; int f(void) { return v; }' -m32 2>/dev/null ||
	    skip "cc cannot build 32-bit objects"
	same_as_gnu nm -S k32.o
	run -0 "$NM" k32.o
	assert_line --regexp '^[0-9a-f]{8} D v$'
}

@test "nm -C demangles C++ names with libiberty" {
	fixture_cxx cxx.o
	same_as_gnu nm -C cxx.o
	run -0 "$NM" -C cxx.o
	assert_line --partial 'ns::S::f(int)'
}

@test "nm without -C prints mangled names" {
	fixture_cxx cxx.o
	run -0 "$NM" cxx.o
	assert_line --partial '_ZN2ns1S1fEi'
}

@test "nm reads a.out when no operand is given" {
	cc -o a.out kinds.o other.o -nostartfiles -e global_fn \
	    -Wl,--unresolved-symbols=ignore-all 2>/dev/null ||
	    skip "cannot link a test program"
	same_as_gnu nm
}

@test "nm on a file without symbols says so and exits 0" {
	strip -o stripped.o kinds.o
	run -0 --separate-stderr "$NM" stripped.o
	assert_output ''
	[ "$stderr" = "nm: stripped.o: no symbols" ]
}

@test "nm --quiet suppresses the no-symbols remark" {
	strip -o stripped.o kinds.o
	run -0 --separate-stderr "$NM" --quiet stripped.o
	[ -z "$stderr" ]
}

@test "nm on a missing file reports it and lists the others" {
	run -1 --separate-stderr "$NM" nosuch.o other.o
	[ "$stderr" = "nm: 'nosuch.o': No such file" ]
	assert_line --regexp ' T other_fn$'
}

@test "nm rejects an unknown radix with a usage error" {
	run -1 --separate-stderr "$NM" -t q kinds.o
	[ -n "$stderr" ]
}
