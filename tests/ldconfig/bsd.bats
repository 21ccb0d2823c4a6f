#!/usr/bin/env bats
# ldconfig -b: the BSD ld.so.hints (a.out) and FreeBSD ld-elf.so.hints.
# tests/lib/hintscheck.py, written from the spec alone, judges the files.

load ../lib/common
load ../lib/ldconfig
bats_require_minimum_version 1.5.0

setup() {
	common_setup
	need_cmd python3
	CHECK="python3 $TOP/tests/lib/hintscheck.py"
	mkdir -p usr/lib usr/local/lib
}

# The input of spec ld.so.hints.md section 10.
spec_tree() {
	local f
	for f in libc.so.96.0 libc.so.97.1 libm.so.10.0 libm.so.10.1 \
	    libz.so.7.0 libutil.so.17.0 libfoo.so libbar.so.1a; do
		: > "usr/lib/$f"
	done
	for f in libz.so.7.1 libiconv.so.7.1 libintl.so.8.0; do
		: > "usr/local/lib/$f"
	done
}

@test "the spec's example gives the spec's listing" {
	spec_tree
	run -0 "$LDCONFIG" -b --root "$PWD" -f hints /usr/local/lib
	run -0 "$LDCONFIG" -b -r -f hints
	assert_output "$(sed 's/^HINTS:/hints:/' \
	    "$TOP/tests/ldconfig/expected/hints-spec10.txt")"
}

@test "an independent reader lists the same and finds every entry" {
	spec_tree
	run -0 "$LDCONFIG" -b --root "$PWD" -f hints /usr/local/lib
	run -0 $CHECK hints
	assert_output "$(sed 's/^HINTS:/hints:/' \
	    "$TOP/tests/ldconfig/expected/hints-spec10.txt")"
}

@test "the LP64 header holds the spec's values" {
	spec_tree
	run -0 "$LDCONFIG" -b --root "$PWD" -f hints /usr/local/lib
	run -0 od -A n -t x8 -N 64 hints
	assert_equal "$(echo $output)" "$(echo 000000004c444869 \
	    0000000000000002 0000000000000040 0000000000000007 \
	    0000000000000190 00000000000000e3 0000000000000273 \
	    00000000000000cb)"
	assert_equal "$(stat -c %s hints)" 627
}

@test "a 32-bit big-endian file has the spec's header" {
	spec_tree
	run -0 "$LDCONFIG" -b --root "$PWD" --word-size 4 --big-endian \
	    -f hints /usr/local/lib
	run -0 od -A n -t x1 -N 32 hints
	assert_equal "$(echo $output)" "4c 44 48 69 00 00 00 02 00 00 00 20 \
00 00 00 07 00 00 01 70 00 00 00 e3 00 00 02 53 00 00 00 cb"
	run -0 $CHECK hints
	run -0 "$LDCONFIG" -b -r -f hints
	assert_line --index 1 "	search directories: /usr/lib:/usr/local/lib"
}

@test "a version 1 file hashes the minor and has no search path" {
	spec_tree
	run -0 "$LDCONFIG" -b --root "$PWD" --hints-version 1 -f hints \
	    /usr/local/lib
	run -0 $CHECK hints
	refute_output --partial 'search directories'
	run -0 "$LDCONFIG" -b -r -f hints
	assert_equal "${#lines[@]}" 8
}

@test "the highest minor of each major is kept" {
	: > usr/lib/libq.so.3.1
	: > usr/lib/libq.so.3.10
	: > usr/lib/libq.so.3.9.9
	: > usr/lib/libq.so.4.0
	run -0 "$LDCONFIG" -b -s -f hints "$PWD/usr/lib"
	run -0 "$LDCONFIG" -b -r -f hints
	assert_line --partial "-lq.3.10 => $PWD/usr/lib/libq.so.3.10"
	assert_line --partial "-lq.4.0 => $PWD/usr/lib/libq.so.4.0"
	assert_equal "${#lines[@]}" 4
}

@test "-v says what was added and updated" {
	: > usr/lib/libq.so.3.1
	: > usr/lib/libq.so.3.2
	run -0 "$LDCONFIG" -b -v -s -f hints "$PWD/usr/lib"
	assert_line "Adding $PWD/usr/lib/libq.so.3.1"
	assert_line "Updating libq.3.1 to $PWD/usr/lib/libq.so.3.2"
	assert_line --partial "Totals: entries 1, buckets 1"
}

@test "-m keeps the old entries and adds the new directories" {
	: > usr/lib/liba.so.1.0
	: > usr/local/lib/libb.so.2.0
	run -0 "$LDCONFIG" -b -s -f hints "$PWD/usr/lib"
	run -0 "$LDCONFIG" -b -m -f hints "$PWD/usr/local/lib"
	run -0 "$LDCONFIG" -b -r -f hints
	assert_line "	search directories: $PWD/usr/lib:$PWD/usr/local/lib"
	assert_line --partial "-la.1.0 =>"
	assert_line --partial "-lb.2.0 =>"
}

@test "-R rescans the old directories" {
	: > usr/lib/liba.so.1.0
	run -0 "$LDCONFIG" -b -s -f hints "$PWD/usr/lib"
	: > usr/lib/liba.so.1.5
	run -0 "$LDCONFIG" -b -R -f hints
	run -0 "$LDCONFIG" -b -r -f hints
	assert_line --partial "-la.1.5 => $PWD/usr/lib/liba.so.1.5"
}

@test "ldconfig.bsd is the BSD mode without -b" {
	: > usr/lib/liba.so.1.0
	ln -s "$LDCONFIG" ldconfig.bsd
	run -0 ./ldconfig.bsd -s -f hints "$PWD/usr/lib"
	run -0 ./ldconfig.bsd -r -f hints
	assert_line --partial "-la.1.0 =>"
}

@test "a group-writable directory is left out" {
	: > usr/local/lib/libw.so.1.0
	chmod 775 usr/local/lib
	run -0 --separate-stderr "$LDCONFIG" -b -v -s -f hints \
	    "$PWD/usr/local/lib"
	assert_equal "$stderr" "ldconfig: warning: $PWD/usr/local/lib: ignoring group or world writable directory"
	run -0 "$LDCONFIG" -b -r -f hints
	refute_output --partial libw
	run -0 "$LDCONFIG" -b -i -s -f hints "$PWD/usr/local/lib"
	run -0 "$LDCONFIG" -b -r -f hints
	assert_output --partial libw
}

@test "FreeBSD ELF hints hold the search path" {
	: > usr/lib/libe.so.5
	run -0 "$LDCONFIG" -b --elf -s -f elf.hints "$PWD/usr/lib" \
	    "$PWD/usr/local/lib"
	run -0 od -A n -t x4 -N 24 elf.hints
	local len=$((${#PWD} * 2 + 23))
	assert_equal "$(echo $output)" "$(printf '746e6845 00000001 00000080 %08x 00000000 %08x' $((len + 1)) $len)"
	run -0 "$LDCONFIG" -b -r -f elf.hints
	assert_line "	search directories: $PWD/usr/lib:$PWD/usr/local/lib"
	assert_line "	0:-le.5 => $PWD/usr/lib/libe.so.5"
}

@test "the hints file is written with mode 0444" {
	run -0 "$LDCONFIG" -b -s -f hints
	assert_equal "$(stat -c %a hints)" 444
}

# make_hints: a valid two-entry LP64 file to damage.
make_hints() {
	: > usr/lib/liba.so.1.0
	: > usr/lib/libb.so.2.0
	"$LDCONFIG" -b -s -f hints "$PWD/usr/lib"
}

@test "a hints file with a bad magic is refused" {
	make_hints
	poke hints 0 00
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: bad magic: 11421044000"
}

@test "a truncated hints file is refused" {
	make_hints
	local size=$(stat -c %s hints)
	truncate -s 100 hints
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: hintsize greater than filesize: $(printf '%#x' "$size") > 0x64"
}

@test "a bad name index is refused" {
	make_hints
	poke hints 64 ff ff 00 00
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: bucket 0: bad name index: 0xffff"
}

@test "a chain index out of range is refused" {
	make_hints
	poke hints 108 05 00 00 00
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: bucket 0: bad next index 0x5"
}

@test "a looping chain is refused" {
	make_hints
	poke hints 108 01 00 00 00
	poke hints 156 00 00 00 00
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: bucket chains loop (0 of 2 buckets on lists)"
}

@test "an unsupported version is refused" {
	make_hints
	poke hints 8 07
	run -1 --separate-stderr "$LDCONFIG" -b -r -f hints
	assert_equal "$stderr" "ldconfig: hints: unsupported version: 7"
}

@test "-m on a damaged file writes nothing" {
	make_hints
	poke hints 64 ff ff 00 00
	cp hints before
	run -1 "$LDCONFIG" -b -m -f hints "$PWD/usr/local/lib"
	cmp hints before
}
