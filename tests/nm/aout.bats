#!/usr/bin/env bats
# nm on a.out files written by tests/lib/mkaout (independent of
# common/aout.c): GNU's letters, debugging symbols with -a, archives.

load ../lib/common
load ../lib/nm

@test "nm lists a.out symbols with GNU's letters" {
	mkaout --family netbsd --text 64 --data 16 --bss 8 \
	    --sym _main:T:0x10 --sym _local:t:0x20 --sym _buf:B:0x50 \
	    --sym _val:D:0x40 --sym _ext:U:0 --sym _cnt:C:12 --sym _abs:A:0x99 \
	    x.out
	run -0 "$NM" x.out
	assert_output "00000099 A _abs
00000050 B _buf
0000000c C _cnt
         U _ext
00000020 t _local
00000010 T _main
00000040 D _val"
}

@test "nm hides a.out debugging symbols unless -a is given" {
	mkaout --family netbsd --sym _main:T:0 --sym 'x.c:0x64:0:0:5' x.out
	run -0 "$NM" x.out
	assert_output '00000000 T _main'
	run -0 "$NM" -a x.out
	assert_line '00000000 - 00 0005    SO x.c'
}

@test "nm -a shows stab other and desc fields in hex" {
	mkaout --family netbsd --sym 'main:0x24:0x1234:3:0x2a' x.out
	run -0 "$NM" -a x.out
	assert_output '00001234 - 03 002a   FUN main'
}

@test "nm -g -n on a.out keeps external symbols in address order" {
	mkaout --family freebsd --sym _b:T:0x30 --sym _a:T:0x10 \
	    --sym _l:t:0x20 --sym _u:U:0 x.out
	run -0 "$NM" -g -n x.out
	assert_output "         U _u
00000010 T _a
00000030 T _b"
}

@test "nm reads big-endian SunOS a.out symbols" {
	mkaout --family sunos --magic zmagic --sym _main:T:0x2020 x.out
	run -0 "$NM" x.out
	assert_output '00002020 T _main'
}

@test "nm reads PDP-11 a.out symbols" {
	mkaout --family pdp11 --text 8 --sym _main:T:4 --sym _x:U:0 x.out
	run -0 "$NM" -p x.out
	assert_line --regexp '^0+4 T _main$'
	assert_line --regexp '^ +U _x$'
}

@test "nm lists a.out members of an archive" {
	mkaout --family netbsd --sym _f:T:0 f.o
	mkaout --family netbsd --sym _g:T:4 g.o
	ar rc lib.a f.o g.o
	run -0 "$NM" lib.a
	assert_output "
f.o:
00000000 T _f

g.o:
00000004 T _g"
}

@test "nm lists the a.out files of the corpus without crashing" {
	need_corpus
	for f in "$CORPUS"/aout/*; do
		run "$NM" -a "$f"
		[ "$status" -le 1 ] || { echo "$f: status $status"; return 1; }
	done
	need_corpus aout/linux-i386-hello.o
	run -0 "$NM" "$CORPUS/aout/linux-i386-hello.o"
	assert_line --regexp ' T _start$'
}
