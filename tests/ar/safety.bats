#!/usr/bin/env bats
# Hostile archives and failed updates: clear messages, exit 1, no crash,
# no file written outside the output directory, the old archive intact.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	objs
}

@test "ar x refuses a member name with .. in its path" {
	mkdir -p d/e && cp a.o d/evil.o
	(cd d/e && "$AR" rcP ../../x.a ../evil.o)
	mkdir out && cd out
	run -1 --separate-stderr "$AR" x ../x.a
	assert_equal "$stderr" "ar: ../x.a(../evil.o): refusing to extract a name with a directory part"
	assert_file_not_exists ../evil.o.new
	run -0 ls -A
	assert_output ''
}

@test "ar x refuses an absolute member name" {
	run -0 "$AR" rcP x.a "$PWD/a.o"
	mkdir out && cd out
	run -1 --separate-stderr "$AR" x ../x.a
	assert_output ''
	[[ "$stderr" == *"refusing to extract a name with a directory part" ]]
}

@test "ar x refuses a member called .." {
	"$AR" rc x.a notes.txt
	# "notes.txt/" becomes "../" in the header's name field.
	corrupt x.a 8 2e 2e 2f 20 20 20 20 20 20 20
	mkdir out && cd out
	run -1 --separate-stderr "$AR" x ../x.a
	assert_equal "$stderr" "ar: ../x.a(..): refusing to extract a name with a directory part"
}

@test "ar x replaces an existing file with a new one" {
	"$AR" rc x.a notes.txt
	mkdir out && printf 'old\n' > out/notes.txt
	ln out/notes.txt other-link
	cd out
	run -0 "$AR" x ../x.a
	assert_equal "$(cat notes.txt)" 'just text'
	assert_equal "$(cat ../other-link)" 'old'
}

@test "ar r on a file that is not an archive fails and leaves it unchanged" {
	cp notes.txt before
	run -1 --separate-stderr "$AR" r notes.txt a.o
	assert_equal "$stderr" "ar: notes.txt: not an archive"
	cmp notes.txt before
}

@test "ar r with a missing input leaves the archive as it was" {
	"$AR" rc x.a a.o
	cp x.a before.a
	run -1 --separate-stderr "$AR" r x.a b.o missing.o
	assert_equal "$stderr" "ar: missing.o: cannot open: No such file or directory"
	cmp x.a before.a
	run -0 ls -A
	refute_output --partial .objkit
}

@test "ar rc with a missing input creates no archive" {
	run -1 "$AR" rc x.a missing.o
	assert_file_not_exists x.a
}

@test "ar t of a missing archive is an error" {
	run -1 --separate-stderr "$AR" t none.a
	assert_equal "$stderr" "ar: none.a: cannot open: No such file or directory"
}

@test "a member size past the end of the archive is reported" {
	"$AR" rc x.a notes.txt
	truncate -s 75 x.a
	run -1 --separate-stderr "$AR" t x.a
	assert_equal "$stderr" "ar: x.a: member notes.txt at offset 8: size 10 runs past the end of the file"
}

@test "a bad member header is reported" {
	"$AR" rc x.a notes.txt a.o
	corrupt x.a 66 21 21
	run -1 --separate-stderr "$AR" t x.a
	assert_equal "$stderr" "ar: x.a: bad member header at offset 8"
}

@test "a long name outside the name table is reported" {
	cp a.o a_long_member_name_here.o
	"$AR" rcS x.a a_long_member_name_here.o
	# The member's name field "/0" becomes "/99".
	off=$((8 + 60 + 28))
	corrupt x.a "$off" 2f 39 39
	run -1 --separate-stderr "$AR" t x.a
	assert_equal "$stderr" "ar: x.a: long name offset 99 past the name table"
}

@test "an index pointing outside the archive stops an update but not a listing" {
	"$AR" rc x.a a.o
	# The first offset in the index becomes 0x7fffffff.
	corrupt x.a 72 7f ff ff ff
	cp x.a before.a
	run -1 --separate-stderr "$AR" r x.a b.o
	assert_equal "$stderr" "ar: x.a: symbol index: foo points at offset 2147483647, outside the archive"
	cmp x.a before.a
	run -0 --separate-stderr "$AR" t x.a
	assert_output a.o
	assert_equal "$stderr" "ar: warning: x.a: symbol index: foo points at offset 2147483647, outside the archive"
}

@test "ranlib rebuilds an index that points outside the archive" {
	"$AR" rc x.a a.o
	cp x.a good.a
	corrupt x.a 72 7f ff ff ff
	run -0 --separate-stderr "$RANLIB" x.a
	cmp x.a good.a
}

@test "an index count larger than the index is reported" {
	"$AR" rc x.a a.o
	corrupt x.a 68 7f ff ff ff
	run -1 --separate-stderr "$AR" d x.a a.o
	assert_equal "$stderr" "ar: x.a: symbol index count 2147483647 too large"
}

@test "random damage to an archive never crashes ar" {
	"$AR" rc x.a a.o b.o notes.txt
	size=$(stat -c %s x.a)
	for i in $(seq 1 30); do
		cp x.a y.a
		corrupt y.a $(( (i * 7919) % size )) $(printf '%02x' $((i * 37 % 256))) 2f 30
		run "$AR" t y.a
		[ "$status" -le 1 ] || fail "ar t crashed (status $status) on damage $i"
		run "$AR" s y.a
		[ "$status" -le 1 ] || fail "ar s crashed (status $status) on damage $i"
	done
}
