#!/usr/bin/env bats
# Real programs: SQLite from its static library, and this linker itself.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
}

@test "a program using libsqlite3.a answers queries like GNU ld's build" {
	[ -f /usr/include/sqlite3.h ] && [ "$(cc -print-file-name=libsqlite3.a)" != libsqlite3.a ] ||
	    skip "libsqlite3-dev is not installed"
	write sq.c '#include <sqlite3.h>
#include <stdio.h>
static int row(void *u, int n, char **v, char **c) {
	int i; for (i = 0; i < n; i++) printf("%s=%s ", c[i], v[i]);
	printf("\n"); return 0; }
int main(void) {
	sqlite3 *db; char *err = 0;
	sqlite3_open(":memory:", &db);
	sqlite3_exec(db, "create table t(a, b); insert into t values (1, \"x\"), (2, \"y\");"
	    "select a, upper(b), sum(a) over () from t order by a desc;", row, 0, &err);
	if (err) printf("error %s\n", err);
	sqlite3_close(db);
	return 0;
}'
	cc -c sq.c
	ok_cc -static -pthread -o ours sq.o -lsqlite3 -lm 2>/dev/null
	gnu_cc -static -pthread -o theirs sq.o -lsqlite3 -lm 2>/dev/null
	same_run ours theirs
	run -0 cat ours.out
	assert_line "a=2 upper(b)=Y sum(a) over ()=3 "
}

@test "ld linked by itself links a program byte for byte as before" {
	objs=$(ls "$TOP"/build/cmd/ld/*.o 2>/dev/null) || skip "no build/cmd/ld objects"
	[ -f "$TOP/build/common/libcommon.a" ] || skip "no libcommon.a"
	# shellcheck disable=SC2086
	! readelf -sW $objs | grep -q __asan_ ||
	    skip "a sanitizer build cannot be linked statically"
	mkdir self
	# shellcheck disable=SC2086
	ok_cc -static -o self/ld $objs "$TOP/build/common/libcommon.a" -liberty -lpthread
	write hello.c '#include <stdio.h>
int main(void) { puts("hi"); return 0; }'
	cc -c hello.c
	cc -B self/ -static -o a hello.o
	ok_cc -static -o b hello.o
	run -0 ./a
	assert_output "hi"
	cmp a b
}

@test "ld linked as a PIE by itself links a program byte for byte as before" {
	need_shared_libc
	objs=$(ls "$TOP"/build/cmd/ld/*.o 2>/dev/null) || skip "no build/cmd/ld objects"
	[ -f "$TOP/build/common/libcommon.a" ] || skip "no libcommon.a"
	mkdir self
	# shellcheck disable=SC2086
	ok_cc -o self/ld $objs "$TOP/build/common/libcommon.a" -liberty -lpthread \
	    $(readelf -sW $objs | grep -q __asan_ && echo -fsanitize=address,undefined)
	run -0 readelf -hW self/ld
	assert_line --regexp 'Type: +DYN'
	write hello.c '#include <stdio.h>
int main(void) { puts("hi"); return 0; }'
	cc -c hello.c
	cc -B self/ -o a hello.o
	ok_cc -o b hello.o
	run -0 ./a
	assert_output "hi"
	cmp a b
}
