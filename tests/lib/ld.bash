# tests/lib/ld.bash: helpers for the linker tests (load after common).
#
# ok_cc ARGS...     the C compiler driver, linking with our ld
# ok_cxx ARGS...    the same for C++
# gnu_cc, gnu_cxx   the same with the system linker (GNU ld)
# write FILE 'text' write a source file
# elflint FILE      eu-elflint --gnu-ld, minus its known false alarm on
#                   SystemTap notes (it reports GNU ld's output the same)
# same_run A B      run both programs, compare stdout and exit status

ok_cc() { cc -B "$OBJKIT_BIN/" "$@"; }
ok_cxx() { c++ -B "$OBJKIT_BIN/" "$@"; }
gnu_cc() { cc -fuse-ld=bfd "$@"; }
gnu_cxx() { c++ -fuse-ld=bfd "$@"; }

write() {
	printf '%s\n' "$2" > "$1"
}

need_static_libc() {
	[ -f "$(cc -print-file-name=libc.a)" ] &&
	    [ "$(cc -print-file-name=libc.a)" != libc.a ] ||
	    skip "no static libc (libc6-dev)"
}

need_static_libstdcxx() {
	need_cmd c++
	[ "$(c++ -print-file-name=libstdc++.a)" != libstdc++.a ] ||
	    skip "no static libstdc++"
}

elflint() {
	need_cmd eu-elflint
	eu-elflint --gnu-ld "$1" 2>&1 | grep -v "owner name 'stapsdt'" |
	    grep -v '^No errors$' || true
}

same_run() {
	local ra=0 rb=0
	./"$1" > "$1.out" 2>&1 || ra=$?
	./"$2" > "$2.out" 2>&1 || rb=$?
	diff "$1.out" "$2.out"
	[ "$ra" -eq "$rb" ]
}

# This bats-assert has no assert_stderr: check $stderr (from
# run --separate-stderr) directly.
#   stderr_is TEXT        the whole of it
#   stderr_has TEXT       a part of it
#   stderr_line N TEXT    line N (from 0)
stderr_is() {
	[ "$stderr" = "$1" ] && return 0
	printf 'expected stderr: %s\nactual stderr:   %s\n' "$1" "$stderr" >&2
	return 1
}
stderr_has() {
	case $stderr in *"$1"*) return 0 ;; esac
	printf 'stderr lacks: %s\nactual stderr: %s\n' "$1" "$stderr" >&2
	return 1
}
stderr_line() {
	[ "${stderr_lines[$1]}" = "$2" ] && return 0
	printf 'expected stderr line %s: %s\nactual stderr: %s\n' "$1" "$2" \
	    "$stderr" >&2
	return 1
}

# Dynamic linking.
#   needed FILE           its DT_NEEDED names, one a line
#   dyntag FILE TAG       the value column of readelf -d's TAG line
#   need_shared_libc      skip unless the dynamic glibc can be linked
needed() {
	readelf -dW "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
}
dyntag() {
	readelf -dW "$1" | awk -v t="($2)" '$2 == t { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}
need_shared_libc() {
	[ -f "$(cc -print-file-name=libc.so)" ] &&
	    [ "$(cc -print-file-name=libc.so)" != libc.so ] ||
	    skip "no shared libc to link against (libc6-dev)"
}
