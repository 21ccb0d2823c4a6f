#!/usr/bin/env bats
# Errors: named, every one reported, exit 1, no output file left.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

@test "an undefined symbol names the object and the function" {
	cc_obj main.o 'int foo(void); int bar(void);
int main(void) { return foo() + bar(); }'
	run -1 --separate-stderr "$LD" -o out main.o
	stderr_line 0 "ld: main.o: in function main: undefined symbol: foo"
	stderr_line 1 "ld: main.o: in function main: undefined symbol: bar"
	assert_file_not_exists out
}

@test "undefined symbols are reported for every referencing object" {
	cc_obj a.o 'int foo(void); int _start(void) { return foo(); }'
	cc_obj b.o 'int foo(void); int g(void) { return foo(); }'
	run -1 --separate-stderr "$LD" -o out a.o b.o
	stderr_has "ld: a.o: in function _start: undefined symbol: foo"
	stderr_has "ld: b.o: in function g: undefined symbol: foo"
}

@test "a duplicate definition names both files" {
	cc_obj a.o 'int dup = 1; void _start(void) {}'
	cc_obj b.o 'int dup = 2;'
	run -1 --separate-stderr "$LD" -o out a.o b.o
	stderr_is "ld: b.o: duplicate symbol: dup (also defined in a.o)"
	assert_file_not_exists out
}

@test "a relocation out of range names the site and keeps the old output" {
	as_obj abs.o '.globl big
big = 0x123456789'
	as_obj use.o '.globl _start
_start:
	movl $big, %eax'
	echo old > out
	run -1 --separate-stderr "$LD" -o out use.o abs.o
	stderr_has "ld: use.o: .text+0x1: relocation R_X86_64_32 out of range: 4886718345 (symbol big)"
	run -0 cat out
	assert_output old
	run -0 sh -c 'ls -a | grep -c "^out"'
	assert_output 1
}

@test "an unknown option is named" {
	run -1 --separate-stderr "$LD" --frobnicate x.o
	stderr_is "ld: unknown option: --frobnicate"
}

@test "a file that is not an object is rejected and the others still read" {
	printf 'garbage' > junk.o
	cc_obj a.o 'void _start(void) {}'
	run -1 --separate-stderr "$LD" -o out junk.o missing.o a.o
	stderr_has "ld: junk.o: not an object file"
	stderr_has "ld: missing.o: cannot open: No such file or directory"
	assert_file_not_exists out
}

@test "a truncated object is reported, not read past its end" {
	cc_obj a.o 'int x = 1; void _start(void) {}'
	head -c 200 a.o > cut.o
	run -1 --separate-stderr "$LD" -o out cut.o
	stderr_is "ld: cut.o: section header table past end of file"
}

@test "a section extending past the end of the file is reported" {
	cc_obj a.o 'int x = 1; void _start(void) {}'
	# e_shoff is at 0x28; section 1's sh_size at shoff + 64 + 32.
	shoff=$(od -An -t u8 -j 40 -N 8 a.o | tr -d ' ')
	corrupt a.o $((shoff + 64 + 32)) ff ff ff ff ff ff 00 00
	run -1 --separate-stderr "$LD" -o out a.o
	stderr_is "ld: a.o: section 1: contents past end of file"
}

@test "a symbol with a bad section index is reported" {
	cc_obj a.o 'int x = 1; void _start(void) {}'
	symoff=$(readelf -SW a.o | sed -n 's/.* \.symtab *SYMTAB *[0-9a-f]* \([0-9a-f]*\).*/\1/p')
	# st_shndx of symbol 1 is at 24 + 6.
	corrupt a.o $((0x$symoff + 30)) 00 f0
	run -1 --separate-stderr "$LD" -o out a.o
	stderr_has "ld: a.o: symbol 1: bad section index"
}

@test "a relocation with a bad symbol index is reported" {
	cc_obj a.o 'extern int y; int _start(void) { return y; }'
	reloff=$(readelf -SW a.o | sed -n 's/.* \.rela\.text *RELA *[0-9a-f]* \([0-9a-f]*\).*/\1/p')
	# r_info of relocation 0: type in the low word, symbol above.
	corrupt a.o $((0x$reloff + 12)) ff ff 00 00
	run -1 --separate-stderr "$LD" -o out a.o
	stderr_has "ld: a.o: .text: relocation 0: bad symbol index 65535"
	assert_file_not_exists out
}

@test "a missing library is reported" {
	cc_obj a.o 'void _start(void) {}'
	run -1 --separate-stderr "$LD" -o out a.o -L. -lnothere
	stderr_is "ld: cannot find -lnothere"
}

@test "relocatable output (-r) is refused clearly" {
	cc_obj a.o 'void f(void) {}'
	run -1 --separate-stderr "$LD" -r -o out a.o
	stderr_is "ld: -r: relocatable output is not supported"
	[ ! -e out ]
}
