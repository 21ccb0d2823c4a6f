#!/usr/bin/env bats
# ldconfig --resolve FILE: where each needed library would come from,
# judged against ldd (which runs the loader) on the same program.

load ../lib/common
load ../lib/ldconfig
bats_require_minimum_version 1.5.0

# prog OUT LDFLAGS...: a program linked against the given libraries.
prog() {
	local out=$1
	shift
	printf 'int f(void);\nint main(void) { return f() - 1; }\n' > main.c
	cc -o "$out" main.c "$@"
}

@test "--resolve agrees with ldd on a system program" {
	need_cmd ldd
	local bin=/usr/bin/ssh
	[ -x "$bin" ] || bin=/bin/ls
	ldd "$bin" | awk '/=>/ && $3 ~ /^\// { print $1, $3 }' | sort > ldd.txt
	run -0 "$LDCONFIG" --resolve "$bin"
	# ldd shows the loader, which libc needs, without "=>".
	printf '%s\n' "$output" | awk '$1 !~ /^ld-linux/ { print $1, $3 }' |
	    sort > ours.txt
	diff ldd.txt ours.txt
}

@test "--resolve follows DT_RUNPATH and \$ORIGIN" {
	mkso lib/libf.so.1 libf.so.1
	prog app -Llib -l:libf.so.1 -Wl,--enable-new-dtags \
	    -Wl,-rpath,'$ORIGIN/lib'
	run -0 ./app
	run -0 "$LDCONFIG" --resolve "$PWD/app"
	assert_line "	libf.so.1 => $PWD/lib/libf.so.1 (RUNPATH)"
}

@test "--resolve follows DT_RPATH" {
	mkso lib/libf.so.1 libf.so.1
	prog app -Llib -l:libf.so.1 -Wl,--disable-new-dtags \
	    -Wl,-rpath,"$PWD/lib"
	run -0 "$LDCONFIG" --resolve app
	assert_line "	libf.so.1 => $PWD/lib/libf.so.1 (RPATH)"
}

@test "--resolve uses the cache of a root" {
	local R=$PWD/root
	mkso "$R/opt/a/libf.so.1" libf.so.1
	mkdir -p "$R/etc" "$R/bin"
	echo /opt/a > "$R/etc/ld.so.conf"
	prog "$R/bin/app" -L"$R/opt/a" -l:libf.so.1
	run -0 "$LDCONFIG" -r "$R" -X
	# The root holds no C library: that one is not found there.
	run -1 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_line "	libf.so.1 => /opt/a/libf.so.1 (cache)"
	assert_line "	libc.so.6 => not found"
}

@test "a library of another class is passed over" {
	need_cmd clang
	mkso lib64/libf.so.1 libf.so.1
	mkdir -p lib32
	cross_so i686-linux-gnu lib32/libf.so.1 libf.so.1
	prog app -Llib64 -l:libf.so.1 -Wl,-rpath,"$PWD/lib32:$PWD/lib64"
	run -0 "$LDCONFIG" --resolve app
	assert_line --partial "libf.so.1 => $PWD/lib64/libf.so.1"
}

@test "a library found nowhere is reported and the status is 1" {
	mkso lib/libgone.so.1 libgone.so.1
	prog app -Llib -l:libgone.so.1
	rm lib/libgone.so.1
	run -1 "$LDCONFIG" --resolve app
	assert_line "	libgone.so.1 => not found"
}

@test "--resolve on a file that is neither ELF nor a.out is an error" {
	echo text > notelf
	run -1 --separate-stderr "$LDCONFIG" --resolve notelf
	assert_equal "$stderr" "ldconfig: notelf: not a readable ELF or a.out object"
}
