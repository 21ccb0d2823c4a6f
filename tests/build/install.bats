#!/usr/bin/env bats
# The install target: PREFIX, DESTDIR and PROGRAM_PREFIX.

load ../lib/common

@test "make install with PROGRAM_PREFIX installs prefixed programs and pages" {
	run make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" \
	    PREFIX=/opt/ok PROGRAM_PREFIX=ok-
	assert_success
	local n=0 p
	for p in "$TOP"/build/bin/*; do
		[ -e "$p" ] || continue
		assert_file_executable "root/opt/ok/bin/ok-$(basename "$p")"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no programs built yet"
}

@test "installed ranlib is a link to the prefixed ar" {
	[ -x "$TOP/build/bin/ar" ] || skip "ar is not built"
	run make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/root" \
	    PREFIX=/usr PROGRAM_PREFIX=ok-
	assert_success
	run readlink root/usr/bin/ok-ranlib
	assert_output ok-ar
}

@test "make deps succeeds when everything is installed" {
	run sh "$TOP/mk/deps.sh"
	assert_success
}
