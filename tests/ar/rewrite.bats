#!/usr/bin/env bats
# When ar and ranlib rewrite an archive, and when they need not: an index
# that is already current leaves the file's bytes alone, a stale one is
# rebuilt as GNU ranlib rebuilds it.  Also: adding more files than the
# process may have open at once.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	objs
}

@test "ranlib of an archive whose index is current keeps its bytes and makes it newer" {
	need_gnu_ar
	gnu_ar rcsD x.a a.o b.o
	touch -d '2001-02-03 04:05:06' x.a
	cp -p x.a before.a
	run -0 "$RANLIB" x.a
	cmp x.a before.a
	[ "$(stat -c %Y x.a)" -gt "$(stat -c %Y before.a)" ]
	run -0 gnu_nm -s x.a
	assert_line 'foo in a.o'
	assert_line 'a_rather_long_function_name in b.o'
}

@test "ranlib rebuilds a stale index as GNU ranlib does" {
	need_gnu_ar
	gnu_ar rcsD x.a a.o
	gnu_ar qSD x.a b.o		# appended, index not updated
	run -0 gnu_nm -s x.a
	refute_line 'a_rather_long_function_name in b.o'
	cp x.a gnu.a
	gnu_ranlib -D gnu.a
	run -0 "$RANLIB" x.a
	cmp x.a gnu.a
	run -0 gnu_nm -s x.a
	assert_line 'a_rather_long_function_name in b.o'
}

@test "ar s on an archive it cannot make newer rewrites it" {
	# Not the owner (root is, so run as nobody): utimensat fails, and ar
	# falls back to writing a new file, which the directory allows.
	[ "$(id -u)" = 0 ] || skip "needs root to switch users"
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	need_gnu_ar
	gnu_ar rcsD x.a a.o b.o
	chmod 644 x.a
	chmod 777 "$BATS_TEST_TMPDIR"
	cp x.a before.a
	run -0 setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$AR" s x.a
	cmp x.a before.a
	[ "$(stat -c %U x.a)" = nobody ]
}

@test "ar rcs takes more files than the open-file limit allows at once" {
	need_gnu_ar
	for i in $(seq 1 100); do cp b.o "m$i.o"; done
	run -0 bash -c "ulimit -n 40 && \"$AR\" rcs x.a m*.o"
	[ "$(gnu_ar t x.a | wc -l)" = 100 ]
	gnu_ar rcsD gnu.a m*.o
	cmp x.a gnu.a
}
