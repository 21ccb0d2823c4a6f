# tests/lib/ar.bash: helpers for the ar and ranlib tests (load after
# ../lib/common).

bats_require_minimum_version 1.5.0

# gnu_ar ARGS...: the system (GNU) ar, with the "bfd plugin:" noise of
# LLVM's gold plugin removed from its standard error.
# (Not through fd 3, which bats keeps for its own output.)
gnu_ar() {
	local s
	/usr/bin/ar "$@" 2>"$BATS_TEST_TMPDIR/.gnu_ar.err"
	s=$?
	grep -v '^bfd plugin:' "$BATS_TEST_TMPDIR/.gnu_ar.err" >&2 || true
	return $s
}

# gnu_ranlib ARGS...: the system ranlib, likewise.
gnu_ranlib() {
	local s
	/usr/bin/ranlib "$@" 2>"$BATS_TEST_TMPDIR/.gnu_ar.err"
	s=$?
	grep -v '^bfd plugin:' "$BATS_TEST_TMPDIR/.gnu_ar.err" >&2 || true
	return $s
}

# need_gnu_ar: skip unless the system ar is GNU's.
need_gnu_ar() {
	/usr/bin/ar --version 2>/dev/null | grep -q 'GNU ar' ||
	    skip "GNU ar is not installed"
}

# objs: a.o (functions, data, common, weak, undefined) and b.o (a
# function whose name is longer than 15 bytes).
objs() {
	cc_obj a.o 'int foo(void){return 1;} int bar = 2; int com;
__attribute__((weak)) int w(void){return 3;}
static int hidden(void){return 4;} extern int und(void);
int call(void){return und() + hidden();}' -fcommon
	cc_obj b.o 'int a_rather_long_function_name(void){return 5;}'
	printf 'just text\n' > notes.txt
}

# same_as_gnu ARCHIVE_OURS ARCHIVE_GNU: the two files are identical.
same_as_gnu() {
	cmp "$1" "$2"
}

# gnu_nm ARGS...: GNU nm with its own exit status (the "bfd plugin:" lines
# of its standard error dropped).
gnu_nm() {
	local s
	/usr/bin/nm "$@" 2>"$BATS_TEST_TMPDIR/.gnu_nm.err"
	s=$?
	grep -v '^bfd plugin:' "$BATS_TEST_TMPDIR/.gnu_nm.err" >&2 || true
	return $s
}
