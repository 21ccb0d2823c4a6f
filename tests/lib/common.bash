# tests/lib/common.bash: loaded by every test file with
#	load ../lib/common
# It loads bats-support/-assert/-file, runs each test in its own temporary
# directory, points $AR $NM ... at the programs under test, and provides
# helpers that generate fixtures at test time.

bats_load_library bats-support
bats_load_library bats-assert
bats_load_library bats-file

TOP=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
OBJKIT_BIN=${OBJKIT_BIN:-$TOP/build/bin}
export AR=$OBJKIT_BIN/ar RANLIB=$OBJKIT_BIN/ranlib NM=$OBJKIT_BIN/nm
export SIZE=$OBJKIT_BIN/size READELF=$OBJKIT_BIN/readelf
export STRIP=$OBJKIT_BIN/strip LDCONFIG=$OBJKIT_BIN/ldconfig LD=$OBJKIT_BIN/ld
# The reference material lives beside the repository (../shared).
SHARED=${OBJKIT_SHARED:-$TOP/../shared}
# Without it, tests/data/corpus holds the BSD-licensed part of the corpus.
CORPUS=$SHARED/corpus
[ -d "$CORPUS" ] || CORPUS=$TOP/tests/data/corpus
export LC_ALL=C

# Tests that define their own setup() call common_setup first.
common_setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
}
setup() {
	common_setup
}

# need_cmd TOOL...: skip the test unless every TOOL is on PATH.
need_cmd() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || skip "$t is not installed"
	done
}

# need_corpus [PATH...]: skip unless the corpus is there and holds each
# PATH (relative to it, e.g. aout/vax-bsd-libd.a or elf-odd).
need_corpus() {
	local p
	[ -d "$CORPUS" ] || skip "no corpus at $CORPUS"
	for p in "$@"; do
		[ -e "$CORPUS/$p" ] || skip "$p is only in the full corpus ($SHARED/corpus)"
	done
}

# cc_obj OUT.o 'C source' [CFLAGS...]: compile C source to an object.
cc_obj() {
	local out=$1 src=$2
	shift 2
	printf '%s\n' "$src" > "${out%.o}.c"
	cc -c -o "$out" "$@" "${out%.o}.c"
}

# clang_obj TARGET OUT.o 'C source' [CFLAGS...]: cross-compile an object.
clang_obj() {
	local target=$1 out=$2 src=$3
	shift 3
	need_cmd clang
	printf '%s\n' "$src" > "${out%.o}.c"
	clang -target "$target" -c -o "$out" "$@" "${out%.o}.c" 2>/dev/null ||
	    skip "clang cannot target $target"
}

# as_obj OUT.o 'assembly' [ASFLAGS...]: assemble with the system as.
as_obj() {
	local out=$1 src=$2
	shift 2
	printf '%s\n' "$src" > "${out%.o}.s"
	as -o "$out" "$@" "${out%.o}.s"
}

# yaml_obj OUT < yaml: build an object with yaml2obj from standard input.
yaml_obj() {
	local y
	for y in yaml2obj yaml2obj-14 yaml2obj-15; do
		command -v "$y" >/dev/null 2>&1 && break
	done
	command -v "$y" >/dev/null 2>&1 || skip "yaml2obj is not installed"
	"$y" -o "$1" -
}

# mkaout ARGS...: the small a.out writer in tests/lib.
mkaout() {
	python3 "$TOP/tests/lib/mkaout" "$@"
}

# sys_nm ARGS...: GNU nm, with the "bfd plugin:" noise of LLVM's gold
# plugin removed from its standard error.
sys_nm() {
	local err rc
	err=$(mktemp)
	/usr/bin/nm "$@" 2>"$err"
	rc=$?
	grep -v '^bfd plugin:' "$err" >&2
	rm -f "$err"
	return $rc
}

# corrupt FILE OFFSET BYTES...: overwrite bytes (given in hex) at OFFSET.
corrupt() {
	local f=$1 off=$2 b
	shift 2
	for b in "$@"; do
		printf "\\x$b" | dd of="$f" bs=1 seek="$off" conv=notrunc \
		    status=none
		off=$((off + 1))
	done
}
