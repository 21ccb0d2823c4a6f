#!/usr/bin/env bats
# --format=bsd ("#1/N" names, "__.SYMDEF") and the a.out-era archives of
# the corpus.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	objs
}

@test "--format=bsd writes a __.SYMDEF index GNU nm reads" {
	run -0 "$AR" rc --format=bsd x.a a.o b.o notes.txt
	run -0 head -c 17 x.a
	assert_output "$(printf '!<arch>\n__.SYMDEF')"
	run -0 gnu_nm -s x.a
	assert_line 'foo in a.o'
	assert_line 'a_rather_long_function_name in b.o'
}

@test "--format=bsd stores long names as #1/N, which GNU ar reads" {
	cp b.o a_name_longer_than_16.o
	cp a.o 'with space.o'
	run -0 "$AR" rc --format=bsd x.a a_name_longer_than_16.o 'with space.o'
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a_name_longer_than_16.o\nwith space.o')"
	run -0 grep -c '#1/24' x.a
}

@test "an archive in BSD format stays in BSD format when updated" {
	"$AR" rc --format=bsd x.a a.o
	run -0 "$AR" r x.a b.o
	run -0 head -c 17 x.a
	assert_output "$(printf '!<arch>\n__.SYMDEF')"
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o')"
}

@test "the corpus a.out archives list as GNU ar lists them" {
	need_corpus
	local f n=0
	for f in "$CORPUS"/aout/vax-bsd-libd.a "$CORPUS"/aout/sunos-m68020-libxc.a \
	    "$CORPUS"/aout/m68k-jaguar-libvbcc.a "$CORPUS"/aout/m68k-in-vaxaout-libxc.a; do
		[ -f "$f" ] || continue
		run -0 "$AR" t "$f"
		assert_output "$(/usr/bin/ar t "$f")"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no a.out archives in the corpus"
}

@test "a garbage __.SYMDEF in the corpus gives a warning, and the listing" {
	need_corpus
	f=$CORPUS/aout/vax-bsd-lib58-badsymdef.a
	[ -f "$f" ] || skip "no $f"
	run -0 --separate-stderr "$AR" t "$f"
	assert_equal "$stderr" "ar: warning: $f: malformed __.SYMDEF"
	assert_output "$(/usr/bin/ar t "$f" | grep -v '^__.SYMDEF$')"
}

@test "extracting a corpus a.out archive gives back its members" {
	need_corpus
	f=$CORPUS/aout/vax-bsd-libd.a
	[ -f "$f" ] || skip "no $f"
	mkdir ours gnu
	(cd ours && "$AR" x "$f")
	(cd gnu && /usr/bin/ar x "$f")
	run -0 diff -r ours gnu
}

@test "ranlib rebuilds the __.SYMDEF of the corpus a.out archives byte for byte" {
	need_corpus
	local f n=0 size
	for f in vax-bsd-libd.a sunos-m68020-libxc.a m68k-jaguar-libvbcc.a \
	    m68k-in-vaxaout-libxc.a; do
		[ -f "$CORPUS/aout/$f" ] || continue
		cp "$CORPUS/aout/$f" x.a
		run -0 "$RANLIB" x.a
		# The index contents (after the 8-byte magic and its header);
		# the header's date and owner are ours to choose.
		size=$(dd if=x.a bs=1 skip=56 count=10 status=none | tr -d ' ')
		cmp <(tail -c +69 "$CORPUS/aout/$f" | head -c "$size") \
		    <(tail -c +69 x.a | head -c "$size") ||
		    fail "index of $f differs"
		run -0 /usr/bin/ar t x.a
		assert_output "$(/usr/bin/ar t "$CORPUS/aout/$f")"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no a.out archives in the corpus"
}
