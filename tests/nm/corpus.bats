#!/usr/bin/env bats
# A quick sample of tests/compare/nm-size.sh: our nm and size against
# GNU's over a few real system files (the full run covers every object,
# archive and library under /usr/lib/x86_64-linux-gnu).

load ../lib/common
load ../lib/nm

sample() {
	local f
	for f in crt1.o libc_nonshared.a libresolv.a libz.so.1 libelf.so.1; do
		[ -f "/usr/lib/x86_64-linux-gnu/$f" ] &&
		    echo "/usr/lib/x86_64-linux-gnu/$f"
	done
}

@test "nm matches GNU nm on a sample of system libraries" {
	need_cmd nm
	files=$(sample)
	[ -n "$files" ] || skip "no system libraries to compare"
	# shellcheck disable=SC2086
	OUT=$BATS_TEST_TMPDIR/cmp NM_OPTS="|-a|-D|-g|-n -r|-S|--size-sort|-f sysv|-P -A|-C|-s" \
	    SIZE_OPTS="|-A -x|-G -t" run "$TOP/tests/compare/nm-size.sh" $files
	echo "$output"
	assert_success
}

@test "nm matches GNU nm on cross-compiled objects of other machines" {
	need_cmd clang
	n=0
	for t in aarch64-linux-gnu arm-linux-gnueabihf i386-linux-gnu \
	    riscv64-linux-gnu mips-linux-gnu powerpc64-linux-gnu s390x-linux-gnu; do
		clang_obj_try "$t" || continue
		n=$((n + 1))
		for o in "" -a --special-syms -S "-f sysv" -n; do
			# shellcheck disable=SC2086
			same_as_gnu nm $o "x-$t.o"
		done
	done
	[ "$n" -gt 0 ] || skip "clang cannot cross-compile"
}

clang_obj_try() {
	printf '%s\n' 'int counter = 1; static int hidden; __thread int tls = 3;
const char msg[] = "hi"; extern int undef;
__attribute__((weak)) int weak_fn(void) { return hidden; }
int f(int n) { return n + counter + undef + tls + msg[n]; }' > x.c
	clang -target "$1" -fcommon -g -O1 -c -o "x-$1.o" x.c 2>/dev/null
}
