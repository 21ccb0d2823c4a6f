# tests/lib/strip.bash: helpers for tests/strip, loaded after common.
# GNU strip (binutils) is the reference; eu-elflint and the system
# readelf/nm are the judges.

# sections FILE: "name type flags" of every section but the null one,
# sorted (GNU strip moves .symtab/.strtab/.shstrtab to the end).
sections() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
	    awk '$1 != "NULL" { print $1, $2, (NF == 10 ? $7 : "") }' | sort
}

# symbols FILE: GNU nm's listing without the file name in messages.
symbols() {
	sys_nm "$1" 2>&1 | sed "s|$1||"
}

# same_as_gnu FILE [OPTIONS...]: strip copies of FILE with ours and with
# GNU strip using the same options; the section lists (names, types,
# flags) and the symbols must agree.
same_as_gnu() {
	local f=$1
	shift
	need_cmd strip readelf
	cp "$f" ours.x
	cp "$f" gnu.x
	run "$STRIP" "$@" ours.x
	assert_success
	/usr/bin/strip "$@" gnu.x
	diff <(sections gnu.x) <(sections ours.x)
	diff <(symbols gnu.x) <(symbols ours.x)
}

# elflint_clean INPUT OUTPUT: eu-elflint --gnu-ld reports nothing on
# OUTPUT that it did not already report on INPUT (section numbers aside).
elflint_clean() {
	need_cmd eu-elflint
	local norm='s/section \[ *[0-9]*\]/section/; /^No errors/d'
	eu-elflint --gnu-ld "$1" 2>&1 | sed "$norm; s|$1||" | sort -u > lint.in
	eu-elflint --gnu-ld "$2" 2>&1 | sed "$norm; s|$2||" | sort -u > lint.out
	run comm -13 lint.in lint.out
	assert_output ''
}

# C program used by several tests: locals, globals, a weak function,
# data and a call into libc.
PROG_C='#include <stdio.h>
static int triple(int x) { return x * 3; }
static int four = 4;
int five = 5;
int __attribute__((weak)) weakfn(void) { return 1; }
int main(void) { printf("%d\n", triple(four) + five + weakfn()); return 0; }'

# secoff FILE NAME: the file offset of section NAME, in hex.
secoff() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
	    awk -v n="$2" '$1 == n { print $4 }'
}
