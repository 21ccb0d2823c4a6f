#!/usr/bin/env bats
# strip on archives: every ELF member stripped, the symbol index rebuilt
# (judged by GNU nm --print-armap and by linking), long names kept, thin
# archives refused unless -o names a new archive.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	need_cmd ar
	cc_obj one.o 'static int helper(int x) { return x + 1; }
int one(int x) { return helper(x); }' -g
	cc_obj a_very_long_member_name.o 'int two(void) { return 2; }' -g
	cc_obj main.o '#include <stdio.h>
int one(int); int two(void);
int main(void) { printf("%d\n", one(two())); return 0; }'
	ar rcs lib.a one.o a_very_long_member_name.o
	cp lib.a orig.a
}

@test "strip -g on an archive matches GNU strip member by member" {
	cp lib.a gnu.a
	"$STRIP" -g lib.a
	/usr/bin/strip -g gnu.a
	diff <(ar t gnu.a) <(ar t lib.a)
	diff <(sys_nm -s gnu.a) <(sys_nm -s lib.a)
	mkdir m g
	(cd m && ar x ../lib.a) && (cd g && ar x ../gnu.a)
	for f in one.o a_very_long_member_name.o; do
		diff <(sections g/$f) <(sections m/$f)
	done
}

@test "a stripped archive still links" {
	"$STRIP" lib.a
	cc -o prog main.o lib.a
	run ./prog
	assert_output 3
}

@test "strip rebuilds the archive symbol index" {
	"$STRIP" --strip-unneeded lib.a
	run sys_nm --print-armap lib.a
	assert_output --partial 'one in one.o'
	assert_output --partial 'two in a_very_long_member_name.o'
	refute_output --partial helper
}

@test "strip on an archive without an index writes none" {
	ar rcS noidx.a one.o
	"$STRIP" -g noidx.a
	run sys_nm --print-armap noidx.a
	refute_output --partial 'Archive index'
	run ar t noidx.a
	assert_output one.o
}

@test "strip writes member headers deterministically by default" {
	ar rcU dated.a one.o
	"$STRIP" -g dated.a
	run ar tv dated.a
	assert_output --regexp '^rw-r--r-- 0/0 +[0-9]+ Jan  1 00:00 1970 one.o$'
}

@test "strip -U keeps member dates and owners" {
	ar rcU dated.a one.o
	"$STRIP" -g -U dated.a
	run ar tv dated.a
	refute_output --partial 1970
}

@test "strip copies members that are not ELF unchanged" {
	echo 'just text' > notes.txt
	ar rc mixed.a one.o notes.txt
	"$STRIP" -g mixed.a
	ar p mixed.a notes.txt > got
	cmp notes.txt got
}

@test "strip refuses a thin archive without -o" {
	ar rcT thin.a one.o
	cp thin.a thin.orig
	cp one.o one.orig
	run --separate-stderr "$STRIP" thin.a
	assert_failure 1
	assert_equal "$stderr" "strip: thin.a: thin archive: its members belong to other files; use -o to write a stripped copy"
	cmp thin.a thin.orig
	cmp one.o one.orig
}

@test "strip -o on a thin archive writes an ordinary stripped archive" {
	ar rcT thin.a one.o
	cp one.o one.orig
	"$STRIP" -g -o full.a thin.a
	cmp one.o one.orig
	run head -c 8 full.a
	assert_output '!<arch>'
	run sys_nm full.a
	assert_output --partial 'T one'
}

@test "a bad member fails the whole archive, named as lib.a(member)" {
	cp one.o bad.o
	corrupt bad.o 58 10 00
	ar rc lib.a bad.o
	cp lib.a orig.a
	run --separate-stderr "$STRIP" lib.a
	assert_failure 1
	assert_equal "$stderr" "strip: lib.a(bad.o): bad section header size 16"
	cmp lib.a orig.a
}
