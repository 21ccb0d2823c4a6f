#!/usr/bin/env bats
# strip on relocatable objects: the symbols relocations and groups need
# survive with their indexes renumbered, the object still links with
# GNU ld and the program runs; sections and symbols match GNU strip for
# every option that leaves a linkable object, on several targets.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	cc_obj prog.o "$PROG_C" -g
}

# links FILE.o: link with the system compiler driver (GNU ld) and run.
links() {
	cc -o linked "$1"
	run ./linked
	assert_output 18
}

@test "strip -g on an object matches GNU strip and still links" {
	same_as_gnu prog.o -g
	links ours.x
	elflint_clean prog.o ours.x
}

@test "strip --strip-unneeded on an object matches GNU strip and still links" {
	same_as_gnu prog.o --strip-unneeded
	links ours.x
	elflint_clean prog.o ours.x
}

@test "strip -x on an object matches GNU strip and still links" {
	same_as_gnu prog.o -x
	links ours.x
}

@test "strip -X on an object removes only local labels" {
	as_obj lab.o '.text
.globl f
f: jmp .Lx
.Lx: ret
keepme: ret'
	"$STRIP" -X -o out.o lab.o
	run sys_nm out.o
	refute_output --partial .Lx
	assert_output --partial keepme
	same_as_gnu lab.o -X
}

@test "strip -s on an object keeps what relocations need, so it still links" {
	run "$STRIP" -s prog.o
	assert_success
	run readelf -SW prog.o
	assert_output --partial .rela.text
	refute_output --partial .debug_info
	run sys_nm prog.o
	refute_output --partial triple
	links prog.o
}

@test "strip --keep-file-symbols keeps STT_FILE symbols under -g" {
	"$STRIP" -g --keep-file-symbols -o out.o prog.o
	run readelf -sW out.o
	assert_output --regexp 'FILE +LOCAL +DEFAULT +ABS prog.c'
	same_as_gnu prog.o -g --keep-file-symbols
}

@test "strip -N removes a symbol and -K keeps one" {
	as_obj k.o '.text
.globl f, g
f: ret
g: ret
loc: ret'
	same_as_gnu k.o -N g -K loc
	run sys_nm ours.x
	refute_output --partial ' g'
	assert_output --partial ' t loc'
	assert_output --partial ' T f'
}

@test "strip -N on a symbol a relocation uses warns and keeps it" {
	as_obj r.o '.text
.globl f
f: call g'
	run --separate-stderr "$STRIP" -N g r.o
	assert_success
	assert_equal "$stderr" \
	    "strip: warning: r.o: not stripping symbol g: a relocation uses it"
	run readelf -rW r.o
	assert_output --partial ' g '
}

@test "strip -w matches -K patterns" {
	cc -o prog prog.o
	"$STRIP" -s -w -K 'ma*' -o out.x prog
	run sys_nm out.x
	assert_output --regexp ' T main$'
	refute_output --partial five
}

@test "strip renumbers the signature symbol of a COMDAT group" {
	as_obj g.o '.globl ext
.globl foo
foo: ret
local1: ret
.section .text.x,"axG",@progbits,grp,comdat
bar: call foo'
	same_as_gnu g.o --strip-unneeded
	run readelf -gW ours.x
	assert_output --partial "COMDAT group section [    1] \`.group' [grp]"
	assert_output --partial .rela.text.x
	elflint_clean g.o ours.x
}

@test "strip -g drops a group whose members are all debugging sections" {
	cc_obj m.o '#define X 1
int f(void) { return X; }' -g3 -gdwarf-4
	same_as_gnu m.o -g
	run readelf -gW ours.x
	refute_output --partial wm4
	elflint_clean m.o ours.x
}

@test "strip renumbers .llvm_addrsig so its symbols stay the same" {
	need_cmd clang llvm-readelf
	clang -c -g -o c.o prog.c
	"$STRIP" --strip-unneeded -o out.o c.o
	run llvm-readelf --addrsig out.o
	assert_output --partial five
	refute_output --partial '<?>'
	llvm-readelf --addrsig c.o | grep -q four
}

relocs() {
	readelf -rW "$1" | awk '/^[0-9a-f]+ / { print $1, $3, $5, $6, $7 }'
}

# cross TARGET: objects for other classes and byte orders.
cross() {
	clang_obj "$1" x.o "$(sed 1d prog.c | sed '1i int printf(const char *, ...);')" -g
	for o in -g --strip-unneeded -x -X; do
		same_as_gnu x.o $o
		# Same relocations: offset, type, symbol and addend.
		diff <(relocs gnu.x) <(relocs ours.x)
	done
}

@test "strip handles 32-bit little-endian objects (i386)" {
	cross i386-linux-gnu
}

@test "strip handles 32-bit big-endian objects (mips)" {
	cross mips-linux-gnu
}

@test "strip handles 64-bit big-endian objects (powerpc64)" {
	cross powerpc64-linux-gnu
}

@test "strip handles MIPS64 little-endian relocations" {
	cross mips64el-linux-gnuabi64
}

@test "strip handles 64-bit big-endian objects (s390x)" {
	cross s390x-linux-gnu
}
