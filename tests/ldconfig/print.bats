#!/usr/bin/env bats
# ldconfig -p lists a cache exactly as glibc's ldconfig -p does, and
# refuses damaged caches with glibc's words.

load ../lib/common
load ../lib/ldconfig
bats_require_minimum_version 1.5.0

setup() {
	common_setup
	need_glibc_ldconfig
	R=$BATS_TEST_TMPDIR/root
	mkdir -p "$R/etc"
	mkso "$R/opt/a/libfoo.so.1.2" libfoo.so.1
	mkso "$R/opt/b/libfoo.so.1.10" libfoo.so.1
	mkso "$R/opt/b/libbar.so.2" libbar.so.2
	printf '/opt/a\n/opt/b\n' > "$R/etc/ld.so.conf"
	"$GLIBC_LDCONFIG" -r "$R" -X -C /etc/ref.cache
}

# assert_same_listing FILE: our -p and glibc's -p print the same bytes.
assert_same_listing() {
	"$GLIBC_LDCONFIG" -p -C "$1" > ref.txt 2>&1
	echo "rc=$?" >> ref.txt
	"$LDCONFIG" -p -C "$1" > ours.txt 2>&1
	echo "rc=$?" >> ours.txt
	diff ref.txt ours.txt || fail "listings differ"
}

@test "ldconfig -p lists glibc's new-format cache byte for byte" {
	assert_same_listing "$R/etc/ref.cache"
}

@test "ldconfig -p lists a compat cache from its new part" {
	"$GLIBC_LDCONFIG" -r "$R" -X -c compat -C /etc/compat.cache
	assert_same_listing "$R/etc/compat.cache"
}

@test "ldconfig -p lists an old-format cache" {
	"$GLIBC_LDCONFIG" -r "$R" -X -c old -C /etc/old.cache
	assert_same_listing "$R/etc/old.cache"
}

@test "ldconfig -p names glibc-hwcaps and legacy hwcap entries" {
	mkso "$R/opt/d/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/glibc-hwcaps/x86-64-v2/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/tls/libhw.so.1.0" libhw.so.1
	echo /opt/d >> "$R/etc/ld.so.conf"
	"$GLIBC_LDCONFIG" -r "$R" -X -C /etc/hw.cache
	assert_same_listing "$R/etc/hw.cache"
	run -0 "$LDCONFIG" -p -C "$R/etc/hw.cache"
	assert_line --partial 'hwcap: "x86-64-v2"'
	assert_line --partial 'hwcap: 0x8000000000000000'
}

@test "ldconfig -p -r ROOT reads the cache inside the root" {
	"$GLIBC_LDCONFIG" -r "$R" -X
	run -0 "$LDCONFIG" -p -r "$R"
	assert_line --index 0 "3 libs found in cache \`/etc/ld.so.cache'"
}

@test "an empty file lists nothing and succeeds" {
	: > empty.cache
	assert_same_listing empty.cache
	run -0 "$LDCONFIG" -p -C empty.cache
	assert_output ''
}

@test "a file that is not a cache is refused" {
	printf 'this is not a cache file, not at all, really not one\n' > bad
	run -1 --separate-stderr "$LDCONFIG" -p -C bad
	assert_equal "$stderr" "ldconfig: File is not a cache file."
}

@test "a cache of the other byte order is refused" {
	cp "$R/etc/ref.cache" swapped
	poke swapped 28 03
	run -1 --separate-stderr "$LDCONFIG" -p -C swapped
	assert_equal "$stderr" "ldconfig: Cache file has wrong endianness."
}

@test "a misplaced extension directory is refused" {
	cp "$R/etc/ref.cache" ext
	poke ext 32 02 00 00 00
	run -1 --separate-stderr "$LDCONFIG" -p -C ext
	assert_equal "$stderr" \
	    "ldconfig: Malformed extension data in cache file ext"
}

@test "an entry count past the end of the file is refused" {
	cp "$R/etc/ref.cache" big
	poke big 20 ff ff ff 0f
	run -1 --separate-stderr "$LDCONFIG" -p -C big
	assert_equal "$stderr" "ldconfig: File is not a cache file."
}

@test "string offsets past the end of the file are reported" {
	cp "$R/etc/ref.cache" str
	poke str 52 ff ff ff 7f
	run -1 --separate-stderr "$LDCONFIG" -p -C str
	assert_line --index 0 --partial '3 libs found'
	assert_equal "$stderr" \
	    "ldconfig: str: entry 0: string offset out of range"
}

@test "a missing cache file is an error" {
	run -1 --separate-stderr "$LDCONFIG" -p -C nonexistent
	assert_equal "$stderr" \
	    "ldconfig: Can't open cache file nonexistent: No such file or directory"
}
