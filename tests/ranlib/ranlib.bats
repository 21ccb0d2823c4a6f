#!/usr/bin/env bats
# ranlib: ar under another name, adding or rebuilding the index.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	objs
}

@test "ranlib adds an index identical to GNU ranlib's" {
	need_gnu_ar
	"$AR" rcS ours.a a.o b.o notes.txt
	cp ours.a gnu.a
	run -0 "$RANLIB" ours.a
	gnu_ranlib -D gnu.a
	run -0 cmp ours.a gnu.a
	run -0 gnu_nm -s ours.a
	assert_line 'foo in a.o'
}

@test "ranlib of an archive built by GNU ar S gives GNU's bytes" {
	need_gnu_ar
	gnu_ar rcSD ours.a a.o b.o
	cp ours.a gnu.a
	run -0 "$RANLIB" ours.a
	gnu_ranlib gnu.a
	run -0 cmp ours.a gnu.a
}

@test "ranlib handles several archives and reports the bad one" {
	"$AR" rcS one.a a.o
	"$AR" rcS two.a b.o
	run -1 --separate-stderr "$RANLIB" one.a notes.txt two.a
	assert_equal "$stderr" "ranlib: notes.txt: not an archive"
	run -0 gnu_nm -s one.a
	assert_line 'foo in a.o'
	run -0 gnu_nm -s two.a
	assert_line 'a_rather_long_function_name in b.o'
}

@test "ranlib -U writes the current time in the index header" {
	"$AR" rcS x.a a.o
	run -0 env SOURCE_DATE_EPOCH=1234567890 "$RANLIB" -U x.a
	run -0 dd if=x.a bs=1 skip=24 count=10 status=none
	assert_output 1234567890
}

@test "ranlib -D writes a zero time" {
	"$AR" rcS x.a a.o
	run -0 "$RANLIB" -D x.a
	run -0 dd if=x.a bs=1 skip=24 count=2 status=none
	assert_output '0 '
}

@test "ranlib -t sets the index time even in deterministic mode" {
	"$AR" rc x.a a.o
	run -0 env SOURCE_DATE_EPOCH=1111111111 "$RANLIB" -t x.a
	run -0 dd if=x.a bs=1 skip=24 count=10 status=none
	assert_output 1111111111
}

@test "ranlib of a missing archive is an error" {
	run -1 --separate-stderr "$RANLIB" none.a
	assert_equal "$stderr" "ranlib: none.a: cannot open: No such file or directory"
}

@test "ranlib with no operand prints its usage and exits 1" {
	run -1 --separate-stderr "$RANLIB"
	assert_equal "$stderr" "usage: ranlib [-DhtUVv] [--plugin name] [--target bfdname] archive ..."
}

@test "ranlib keeps a thin archive thin" {
	"$AR" rcTS x.a a.o b.o
	run -0 "$RANLIB" x.a
	run -0 head -c 8 x.a
	assert_output '!<thin>'
	run -0 gnu_nm -s x.a
	assert_line 'foo in a.o'
}

@test "ar s on an archive is the same as ranlib" {
	"$AR" rcS x.a a.o b.o
	cp x.a y.a
	run -0 "$AR" s x.a
	run -0 "$RANLIB" y.a
	cmp x.a y.a
}
