#!/usr/bin/env bats
# ldconfig --resolve on a.out programs: the link(5) ld_need chain resolved
# through the BSD hints and the library directories, the way the a.out
# ld.so of NetBSD and OpenBSD does.  The programs and libraries are
# written by tests/lib/mkaout (independent of common/aout*.c) or taken
# from ../shared/corpus, whose README says what each one needs.

load ../lib/common
bats_require_minimum_version 1.5.0

NB="--family netbsd --magic zmagic --mid 134 --dynamic"

# prog PATH NEED...: a NetBSD/i386 dynamic program; each NEED is
# NAME:MAJOR:MINOR[:lib].  Set RULES for an ld_rules search path.
prog() {
	local out=$1 n args=()
	shift
	mkdir -p "$(dirname "$out")"
	for n in "$@"; do args+=(--need "$n"); done
	[ -z "${RULES:-}" ] || args+=(--rules "$RULES")
	mkaout $NB --entry 0x1020 "${args[@]}" "$out"
}

# lib PATH NEED...: a NetBSD/i386 shared library (based at 0).
lib() {
	local out=$1 n args=()
	shift
	mkdir -p "$(dirname "$out")"
	for n in "$@"; do args+=(--need "$n"); done
	mkaout $NB --entry 0 "${args[@]}" "$out"
}

# hints ROOT DIR...: the root's /var/run/ld.so.hints over DIR...
hints() {
	local root=$1
	shift
	mkdir -p "$root/var/run" "$root/usr/lib"
	"$LDCONFIG" -b -i --root "$root" -f "$root/var/run/ld.so.hints" "$@"
}

@test "the NetBSD corpus program finds libc.so.12 through the hints" {
	need_corpus aout/netbsd10-i386-genassym-dynamic aout/freebsd22-i386-libtermcap.so.2.1
	local R=$PWD/root
	mkdir -p "$R/usr/lib"
	cp "$CORPUS/aout/netbsd10-i386-genassym-dynamic" "$R/genassym"
	cp "$CORPUS/aout/freebsd22-i386-libtermcap.so.2.1" \
	    "$R/usr/lib/libc.so.12.0"
	hints "$R"
	run -0 --separate-stderr "$LDCONFIG" -r "$R" --resolve /genassym
	assert_output "	-lc.12 => /usr/lib/libc.so.12.0 (hints)"
}

@test "without hints the highest minor of the major is found by a scan" {
	need_corpus aout/netbsd10-i386-genassym-dynamic
	local R=$PWD/root
	mkdir -p "$R/usr/lib"
	cp "$CORPUS/aout/netbsd10-i386-genassym-dynamic" "$R/genassym"
	lib "$R/usr/lib/libc.so.12.0"
	lib "$R/usr/lib/libc.so.12.3"
	lib "$R/usr/lib/libc.so.13.0"
	lib "$R/usr/lib/libc.so.12.10"
	run -0 "$LDCONFIG" -r "$R" --resolve /genassym
	assert_output "	-lc.12 => /usr/lib/libc.so.12.10 (search)"
}

@test "a static a.out program needs nothing" {
	need_corpus aout/386bsd01-i386-genassym-zmagic
	run -0 "$LDCONFIG" --resolve "$CORPUS/aout/386bsd01-i386-genassym-zmagic"
	assert_output ""
}

@test "a hint whose minor is too low is passed over with a warning" {
	local R=$PWD/root
	prog "$R/bin/app" c:12:5:lib
	lib "$R/usr/lib/libc.so.12.4"
	hints "$R"
	run -0 --separate-stderr "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lc.12 => /usr/lib/libc.so.12.4 (search)"
	assert_equal "$stderr" "ldconfig: warning: libc.so.12.4: minor version >= 5 expected, using it anyway"
}

@test "the ld_rules directories of the program are searched" {
	local R=$PWD/root
	RULES=/opt/lib:/opt/other prog "$R/bin/app" m:1:0:lib
	lib "$R/opt/lib/libm.so.1.2"
	mkdir -p "$R/usr/lib"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lm.1 => /opt/lib/libm.so.1.2 (search)"
}

@test "a hint under an ld_rules directory comes first" {
	local R=$PWD/root
	RULES=/opt/lib prog "$R/bin/app" m:1:0:lib
	lib "$R/opt/lib/libm.so.1.2"
	hints "$R" /opt/lib
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lm.1 => /opt/lib/libm.so.1.2 (hints)"
}

@test "a library that is not in the standard directory needs a hint" {
	local R=$PWD/root
	prog "$R/bin/app" m:1:0:lib
	lib "$R/opt/lib/libm.so.1.2"
	mkdir -p "$R/usr/lib"
	run -1 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lm.1 => not found"
	hints "$R" /opt/lib
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lm.1 => /opt/lib/libm.so.1.2 (hints)"
}

@test "a hint whose file is gone falls back to the directory scan" {
	local R=$PWD/root
	prog "$R/bin/app" c:12:0:lib
	lib "$R/usr/lib/libc.so.12.7"
	hints "$R"
	mv "$R/usr/lib/libc.so.12.7" "$R/usr/lib/libc.so.12.1"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lc.12 => /usr/lib/libc.so.12.1 (search)"
}

@test "the libraries' own needs are followed, each once" {
	local R=$PWD/root
	prog "$R/bin/app" c:12:0:lib util:5:0:lib
	lib "$R/usr/lib/libc.so.12.0" util:5:0:lib
	lib "$R/usr/lib/libutil.so.5.0" c:12:0:lib
	hints "$R"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 "	-lc.12 => /usr/lib/libc.so.12.0 (hints)"
	assert_line --index 1 "	-lutil.5 => /usr/lib/libutil.so.5.0 (hints)"
}

@test "an entry without the library bit is a file name used as it is" {
	local R=$PWD/root
	prog "$R/bin/app" /usr/local/lib/libx.so.3.1:3:1
	lib "$R/usr/local/lib/libx.so.3.1"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	/usr/local/lib/libx.so.3.1 => /usr/local/lib/libx.so.3.1 (path)"
}

@test "a library found nowhere is reported and the status is 1" {
	local R=$PWD/root
	prog "$R/bin/app" gone:1:0:lib c:12:0:lib
	lib "$R/usr/lib/libc.so.12.0"
	run -1 "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_line "	-lgone.1 => not found"
	assert_line "	-lc.12 => /usr/lib/libc.so.12.0 (search)"
}

@test "-C names the hints file for an a.out program" {
	local R=$PWD/root
	prog "$R/bin/app" m:1:0:lib
	lib "$R/opt/lib/libm.so.1.2"
	mkdir -p "$R/etc" "$R/usr/lib"
	"$LDCONFIG" -b -i --root "$R" -f "$R/etc/my.hints" /opt/lib
	run -0 "$LDCONFIG" -r "$R" -C /etc/my.hints --resolve /bin/app
	assert_output "	-lm.1 => /opt/lib/libm.so.1.2 (hints)"
}

@test "BSD mode --resolve reads the hints file -f names" {
	local R=$PWD/root
	prog "$R/bin/app" m:1:0:lib
	lib "$R/opt/lib/libm.so.1.2"
	mkdir -p "$R/usr/lib"
	"$LDCONFIG" -b -i --root "$R" -f "$PWD/h" /opt/lib
	run -0 "$LDCONFIG" -b --root "$R" -f "$PWD/h" --resolve /bin/app
	assert_output "	-lm.1 => /opt/lib/libm.so.1.2 (hints)"
}

@test "a damaged hints file is reported and not used" {
	local R=$PWD/root
	prog "$R/bin/app" c:12:0:lib
	lib "$R/usr/lib/libc.so.12.0"
	hints "$R"
	truncate -s 40 "$R/var/run/ld.so.hints"
	run -0 --separate-stderr "$LDCONFIG" -r "$R" --resolve /bin/app
	assert_output "	-lc.12 => /usr/lib/libc.so.12.0 (search)"
	assert_regex "$stderr" '^ldconfig: warning: .*ld\.so\.hints: .*; not used$'
}

# sod_at FILE: the file offset and the address of the first link_object,
# as "OFF ADDR", read from our readelf's dump of the dispatch table.
sod_at() {
	"$READELF" -d "$1" | awk '/ld_need \(sdt_sods\)/ {
	    sub(/\)/, "", $6); print $6, $3 }'
}

# le32 N: N as four little-endian hex bytes, for corrupt.
le32() {
	printf '%02x %02x %02x %02x' $(($1 & 255)) $(($1 >> 8 & 255)) \
	    $(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}

@test "an ld_need chain that loops is an error, not a hang" {
	prog app c:12:0:lib
	read -r off addr < <(sod_at app)
	[ -n "$addr" ] || fail "no ld_need in the fixture"
	# sod_next (at +12) points back at the same link_object.
	corrupt app $((off + 12)) $(le32 $((addr)))
	run -1 --separate-stderr "$LDCONFIG" --resolve app
	assert_output "	-lc.12 => not found"
	assert_equal "$stderr" "ldconfig: app: ld_need chain does not end"
}

@test "a link_object outside the file is an error" {
	prog app c:12:0:lib
	read -r off addr < <(sod_at app)
	[ -n "$addr" ] || fail "no ld_need in the fixture"
	corrupt app $((off + 12)) $(le32 $((0x7ff00000)))
	run -1 --separate-stderr "$LDCONFIG" --resolve app
	assert_equal "$stderr" "ldconfig: app: link_object at 0x7ff00000 is outside the file"
}

@test "a truncated dynamic a.out is an error" {
	prog app c:12:0:lib
	truncate -s 4100 app
	run -1 --separate-stderr "$LDCONFIG" --resolve app
	assert_regex "$stderr" '^ldconfig: app: .*(outside|past end)'
}

@test "FreeBSD QMAGIC and big-endian SunOS programs are read as well" {
	local R=$PWD/root
	mkdir -p "$R/usr/lib" "$R/bin"
	mkaout --family freebsd --magic qmagic --dynamic --entry 0x1020 \
	    --need c:3:1:lib "$R/bin/fbsd"
	mkaout --family freebsd --magic qmagic --dynamic --entry 0 \
	    "$R/usr/lib/libc.so.3.2"
	mkaout --family sunos --magic zmagic --mid 2 --dynamic --entry 0x2020 \
	    --need kvm:0:2:lib "$R/bin/sun"
	mkaout --family sunos --magic zmagic --mid 2 --dynamic --entry 0 \
	    "$R/usr/lib/libkvm.so.0.3"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/fbsd
	assert_output "	-lc.3 => /usr/lib/libc.so.3.2 (search)"
	run -0 "$LDCONFIG" -r "$R" --resolve /bin/sun
	assert_output "	-lkvm.0 => /usr/lib/libkvm.so.0.3 (search)"
}
