#!/usr/bin/env bats
# readelf -n on annobin's build-attribute notes (owner "GA", types OPEN
# 0x100 and FUNC 0x101): the decoded names, the address ranges and their
# symbols, and the malformed forms, judged against GNU readelf.

load ../lib/common
load ../lib/readelf

# ga_begin FILE.s: four functions (f3 untyped, f4 256 bytes in), a data
# object, then the note section; the bytes stand for code on any target.
ga_begin() {
	GA_N=0
	cat > "$1" <<'EOF'
	.text
	.globl f1
	.type f1,%function
f1:	.byte 0
	.size f1,.-f1
	.globl f2
	.type f2,%function
	.p2align 6
f2:	.byte 0
	.size f2,.-f2
f3:	.byte 0
	.p2align 8
f4:	.byte 0
	.data
	.type obj,%object
obj:	.long 1
	.size obj,4
	.section .gnu.build.attributes,"",%note
EOF
}

# ga_note FILE.s 'name bytes (.ascii escapes)' TYPE 'descriptor directives'
ga_note() {
	GA_N=$((GA_N + 1))
	printf '\t.balign 4\n\t.long .Ln%de-.Ln%d\n\t.long .Ld%de-.Ld%d\n' \
	    $GA_N $GA_N $GA_N $GA_N >> "$1"
	printf '\t.long %s\n.Ln%d:\t.ascii "%s"\n.Ln%de:\t.balign 4\n' \
	    "$3" $GA_N "$2" $GA_N >> "$1"
	printf '.Ld%d:\t%s\n.Ld%de:\t.balign 4\n' $GA_N "$4" $GA_N >> "$1"
}

# ga_forms FILE.s ADDR: a note of every name form GNU decodes; ADDR is the
# directive of one address (.quad or .long).
ga_forms() {
	local s=$1 a=$2 n
	ga_note "$s" 'GA$\0013p1113\000' 0x100 "$a f1; $a f3"
	ga_note "$s" 'GA$\005running gcc 12.2.1 20221121 (Red Hat 12.2.1-4)\000' \
	    0x100 ''
	for n in '' '\001' '\002' '\003' '\004' '\011'; do	# stack prot
		ga_note "$s" "GA*\\002$n\\000" 0x100 ''
	done
	for n in '' '\001' '\002' '\003' '\004' '\005'; do	# PIC
		ga_note "$s" "GA*\\007$n\\000" 0x100 ''
	done
	for n in 'GA+\002' 'GA!\003' 'GA+\003' 'GA*\003' 'GA*\004\000\020' \
	    'GA*\006\022' 'GA$\006x86-64' 'GA!\010' 'GA+\010' \
	    'GA+stack_clash' 'GA!stack_clash' 'GA*FORTIFY\000\002' \
	    'GA*FORTIFY\000\377' 'GA*cf_protection\000\010' \
	    'GA+omit_frame_pointer' 'GA$averyveryverylongattributename\000v' \
	    'GA$sh\000abcdefghijklmnopqrstuvwxyz' 'GA*GOW\000\052\005\002' \
	    'GA*\004\377\377\377\377\377\377\377\377' 'GA*\004\001\000\000' \
	    'GA*x\000' '$\0013p1' '*\007\002' '+\003'; do
		ga_note "$s" "$n\\000" 0x100 ''
	done
	ga_note "$s" 'GA$\0013p1113\000' 0x100 "$a f4"
	ga_note "$s" 'GA$\0013p1113\000' 0x101 "$a f2; $a f3"
	ga_note "$s" 'GA*\002\003\000' 0x101 ''
	ga_note "$s" 'GA$\0013p1113\000' 0x101 "$a f3"
	ga_note "$s" 'GA$\0013p1113\000' 0x100 "$a obj"
	ga_note "$s" 'GA$\0013p1113\000' 0x100 "$a f1+64"
	ga_note "$s" 'GA$\0013p1113\000' 0x100 '.long 0x10, 0x20'
	ga_note "$s" 'GA$\0013p1113\000' 0x100 '.quad 0x100000000, 0x200000000'
}

# ga_bad FILE.s: malformed names and descriptors.
ga_bad() {
	local s=$1
	ga_note "$s" 'GA*\002\003\004\005\006\007\010\011\012\013\014\000' \
	    0x100 ''
	ga_note "$s" 'GA*\011\000' 0x100 ''
	ga_note "$s" 'GA$\377x\000' 0x100 ''
	ga_note "$s" 'GA$\007\000' 0x100 ''
	ga_note "$s" 'GA*x' 0x100 ''
	ga_note "$s" 'GA?\001\000' 0x100 ''
	ga_note "$s" 'GA\000' 0x100 ''
	ga_note "$s" 'GA*' 0x100 ''
	ga_note "$s" '\000' 0x100 ''
	ga_note "$s" '' 0x100 '.ascii "*abc"'
	ga_note "$s" '' 0x101 ''
	ga_note "$s" 'GA$\0013p1\000' 0x100 '.long 1,2,3'
	ga_note "$s" 'GA$\0013p1\000' 0x100 '.long 5'
	ga_note "$s" 'GA$\0013p1\000' 0x102 '.long 5'
}

# ga_all FILE.s ADDR: the well-formed notes, then the malformed ones.
ga_all() {
	ga_begin "$1"
	ga_forms "$1" "$2"
	ga_bad "$1"
}

@test "readelf -n decodes every build attribute name form of an object as GNU" {
	ga_begin a.s
	ga_forms a.s .quad
	as -o a.o a.s
	same_as_gnu -n a.o
	same_as_gnu -n -W a.o
	run -0 "$READELF" -n a.o
	assert_line '  GA$<version>3p1113   0x00000010	OPEN'
	assert_line '  GA$<tool>runnin[...] 0x00000000	OPEN'
	assert_line '  GA*<PIC>PIE          0x00000000	OPEN'
}

@test "readelf -n names the symbols of build attribute ranges in a program as GNU" {
	need_cmd ld
	ga_begin a.s
	ga_forms a.s .quad
	as -o a.o a.s
	ld -o a.out -e f1 a.o
	same_as_gnu -n a.out
	same_as_gnu -n -W a.out
	same_as_gnu -a -W a.out
	run -0 "$READELF" -n a.out
	assert_line --regexp '^    Applies to region from 0x[0-9a-f]+ to 0x[0-9a-f]+ \(obj\)$'
}

@test "readelf -n warns of a gap between build attribute ranges as GNU" {
	need_cmd ld
	ga_begin a.s
	ga_forms a.s .quad
	as -o a.o a.s
	ld -o a.out -e f1 a.o
	/usr/bin/readelf -n a.out 2>&1 >/dev/null |
	    sed -n 's/.*Gap in build notes detected from \(.*\)/\1/p' > gnu.gap
	[ -s gnu.gap ]
	run -0 --separate-stderr "$READELF" -n a.out
	[[ $stderr == *"readelf: warning: a.out: gap in build notes detected from $(cat gnu.gap)"* ]]
}

@test "readelf -n decodes 32-bit build attribute notes as GNU" {
	need_cmd clang
	ga_begin a.s
	ga_forms a.s .long
	clang -target i386-linux-gnu -c -o a.o a.s 2>/dev/null ||
	    skip "clang cannot assemble for i386"
	same_as_gnu -n a.o
	same_as_gnu -n -W a.o
	if command -v ld.lld >/dev/null 2>&1; then
		ld.lld -m elf_i386 -o a.out -e f1 a.o
		same_as_gnu -n a.out
		same_as_gnu -a -W a.out
	fi
}

@test "readelf -n decodes big-endian build attribute notes as GNU" {
	local t
	need_cmd clang
	for t in mips-linux-gnu powerpc64-linux-gnu; do
		ga_all a.s .long
		clang -target $t -c -o a.o a.s 2>/dev/null ||
		    skip "clang cannot assemble for $t"
		same_as_gnu -n a.o
		same_as_gnu -n -W a.o
	done
}

@test "readelf -n prints malformed build attribute notes as GNU and reports them" {
	ga_begin a.s
	ga_bad a.s
	as -o a.o a.s
	same_as_gnu -n a.o
	same_as_gnu -n -W a.o
	run -1 --separate-stderr "$READELF" -n a.o
	assert_line --index 2 '  GA*<stack prot>0xa09080706050403 0x00000000	OPEN'
	[[ $stderr == *'a.o: corrupt numeric name field: too many bytes in the value: a'* ]]
	[[ $stderr == *'a.o: unrecognised byte in name field: -1'* ]]
	[[ $stderr == *'a.o: corrupt name field: namesz: 4 but parsing gets to 5'* ]]
	[[ $stderr == *'a.o: corrupt name field in GNU build attribute note: size = 0'* ]]
	[[ $stderr == *'readelf: a.o: invalid description size 0xc in build attribute note'* ]]
	run -1 /usr/bin/readelf -n a.o
}

@test "readelf -n picks the symbol GNU picks among several at one address" {
	cat > s.s <<'EOF'
	.file "src.c"
	.data
	.byte 0
loc_nt:
	.globl glob_nt
glob_nt:
"$d":
	.type obj0,%object
obj0:
	.type obj4,%object
obj4:	.long 0
	.size obj4,4
	.text
	.type fn,%function
fn:	.byte 0
	.size fn,1
	.globl gfn
	.type gfn,%function
gfn:	.byte 0
"$x":
	.section .gnu.build.attributes,"",%note
EOF
	GA_N=0
	local a
	for a in 0 1 2; do
		ga_note s.s 'GA$\0013p1\000' 0x100 ".quad $a"
		ga_note s.s 'GA$\0013p1\000' 0x101 ".quad $a"
	done
	as -o s.o s.s
	same_as_gnu -n s.o
	run -0 "$READELF" -n s.o
	assert_line '    Applies to region from 0 (src.c)'
	assert_line '    Applies to region from 0x1 to 0x5 (obj4)'
	assert_line '    Applies to region from 0x1 (gfn)'
}

@test "readelf -n names ranges in later archive members from the first member's symbols as GNU" {
	GA_N=0
	printf '\t.text\n\t.type first,%%object\nfirst:\t.byte 1\n\t.size first,1\n' > h.s
	printf '\t.section .gnu.build.attributes,"",%%note\n' >> h.s
	ga_note h.s 'GA$\0013p1\000' 0x100 '.quad 0'
	printf '\t.text\n\t.byte 0,0,0,0\n\t.type second,%%object\nsecond:\t.byte 1\n' > e.s
	printf '\t.size second,1\n\t.section .gnu.build.attributes,"",%%note\n' >> e.s
	GA_N=0
	ga_note e.s 'GA$\0013p1\000' 0x100 '.quad 4'
	ga_note e.s 'GA$\0013p1\000' 0x100 '.quad 0'
	as -o h.o h.s
	as -o e.o e.s
	ar rc l.a h.o e.o
	same_as_gnu -n l.a
	same_as_gnu -n h.o e.o
	run -0 "$READELF" -n e.o
	assert_line '    Applies to region from 0x4 to 0x5 (second)'
}

@test "readelf -n shows GNU-owned notes of the build attribute types as bytes" {
	ga_begin a.s
	ga_note a.s 'GNU\000' 0x100 ''
	ga_note a.s 'GNU\000' 0x101 '.long 7'
	as -o a.o a.s
	same_as_gnu -n a.o
	run -0 "$READELF" -n a.o
	assert_line '    Description data: 07 00 00 00 '
}
