#!/usr/bin/env bats
# size: GNU size 2.40's formats, judged by GNU size on generated files.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	fixture_objects
}

@test "size prints the Berkeley format as GNU size does" {
	same_as_gnu size kinds.o other.o
	run -0 "$SIZE" other.o
	assert_line --index 0 $'   text\t   data\t    bss\t    dec\t    hex\tfilename'
}

@test "size counts read-only data as text and NOBITS as bss" {
	cc_obj s.o 'const char ro[100] = {1}; char rw[10] = {1}; char zero[1000];
int f(void) { return ro[0] + rw[0] + zero[0]; }' -fno-asynchronous-unwind-tables
	run -0 "$SIZE" s.o
	assert_line --regexp $'^ +[0-9]+\t +10\t +1000\t'
	same_as_gnu size s.o
}

@test "size -A prints every section with its size and address" {
	same_as_gnu size -A kinds.o other.o
	run -0 "$SIZE" -A other.o
	assert_line --regexp '^\.text +[0-9]+ +0$'
	assert_line --regexp '^Total +[0-9]+$'
}

@test "size -G prints the GNU format" {
	same_as_gnu size -G kinds.o other.o
}

@test "size -o and -x change the radix" {
	same_as_gnu size -o kinds.o
	same_as_gnu size -x kinds.o
	same_as_gnu size -A -x kinds.o
	same_as_gnu size -A -o kinds.o
}

@test "size -t adds a line of totals" {
	same_as_gnu size -t kinds.o other.o
	same_as_gnu size -t -G -x kinds.o other.o
	run -0 "$SIZE" -t kinds.o other.o
	assert_line --partial '(TOTALS)'
}

@test "size --common counts common symbols in bss" {
	same_as_gnu size --common kinds.o
	same_as_gnu size -A --common kinds.o
}

@test "size lists archive members with (ex archive)" {
	ar rc lib.a kinds.o other.o empty.o
	same_as_gnu size lib.a
	same_as_gnu size -A lib.a
	run -0 "$SIZE" lib.a
	assert_line --regexp 'other\.o \(ex lib\.a\)$'
}

@test "size on an executable and a shared library matches GNU" {
	cc -o prog kinds.o other.o -Wl,--unresolved-symbols=ignore-all ||
	    skip "cannot link"
	cc -shared -o libo.so other.o
	same_as_gnu size prog libo.so
	same_as_gnu size -A -x prog libo.so
}

@test "size prints a.out text, data and bss from the header" {
	mkaout --family netbsd --text 64 --data 32 --bss 16 x.out
	run -0 "$SIZE" x.out
	assert_line --regexp $'^ +64\t +32\t +16\t +112\t +70\tx\\.out$'
}

@test "size reports bad operands and goes on" {
	echo hello > bad.o
	run -1 --separate-stderr "$SIZE" bad.o nosuch.o other.o
	[ "$(printf '%s\n' "$stderr" | sed -n 1p)" = "size: bad.o: file format not recognized" ]
	[ "$(printf '%s\n' "$stderr" | sed -n 2p)" = "size: 'nosuch.o': No such file" ]
	assert_line --regexp 'other\.o$'
}

@test "size reports a truncated object" {
	head -c 300 kinds.o > bad.o
	run -1 --separate-stderr "$SIZE" bad.o other.o
	[[ "$stderr" == "size: bad.o: "* ]]
	assert_line --regexp 'other\.o$'
}

@test "size reports an archive member past the end" {
	ar rc lib.a kinds.o other.o
	head -c $(($(stat -c %s lib.a) - 50)) lib.a > bad.a
	run -1 --separate-stderr "$SIZE" bad.a
	[[ "$stderr" == "size: bad.a"* ]]
	assert_line --regexp 'kinds\.o \(ex bad\.a\)$'
}
