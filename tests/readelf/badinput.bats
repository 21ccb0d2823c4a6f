#!/usr/bin/env bats
# readelf on malformed input: print what can be printed, then
# "readelf: file: message" and exit 1; never crash, never hang.

load ../lib/common
load ../lib/readelf

# put64 FILE OFFSET VALUE, put16, put32: store a little-endian word.
putle() {
	local f=$1 off=$2 v=$3 n=$4 i b=()
	for ((i = 0; i < n; i++)); do
		b+=("$(printf '%02x' $(((v >> (8 * i)) & 255)))")
	done
	corrupt "$f" "$off" "${b[@]}"
}
put64() { putle "$1" $(($2)) $(($3)) 8; }
put32() { putle "$1" $(($2)) $(($3)) 4; }
put16() { putle "$1" $(($2)) $(($3)) 2; }
# le FILE OFFSET BYTES: read a little-endian word.
le() { od -An -t u"$3" -j "$2" -N "$3" "$1" | tr -d ' '; }

@test "a file cut inside the ELF header is reported, exit 1" {
	cc_obj a.o 'int a;'
	head -c 30 a.o > cut.o
	run -1 --separate-stderr "$READELF" -h cut.o
	assert_equal "$stderr" "readelf: cut.o: file too short for an ELF header"
}

@test "section headers past the end: the ELF header is still printed" {
	cc_obj a.o 'int a;'
	put64 a.o 0x28 0x7fffffff0
	run -1 --separate-stderr "$READELF" -h -S a.o
	assert_line --partial 'Start of section headers:          34359738352'
	[[ "$stderr" == "readelf: a.o: section headers: offset past end of file" ]]
}

@test "a section whose data lies outside the file is reported by -x" {
	cc_obj a.o 'int x = 5;'
	# section 2 (.data): its sh_offset is at e_shoff + 2*64 + 24.
	shoff=$(le a.o 40 8)
	put64 a.o $((shoff + 2 * 64 + 24)) 0x100000000
	run -1 --separate-stderr "$READELF" -x 2 a.o
	[[ "$stderr" == *"a.o: section 2: offset 0x100000000"*"past end of file"* ]]
}

@test "an out-of-range section name table index is flagged, names empty" {
	cc_obj a.o 'int a;'
	put16 a.o 0x3e 200
	run -1 --separate-stderr "$READELF" -h -S a.o
	assert_line --partial 'Section header string table index: 200 <corrupt: out of range>'
	[[ "$stderr" == *"section name table index 200 out of range"* ]]
}

@test "a symbol table linked to a bogus string table prints <corrupt> names" {
	cc_obj a.o 'int a; int b;'
	local shoff shnum i
	shoff=$(le a.o 40 8)
	shnum=$(le a.o 60 2)
	for ((i = 0; i < shnum; i++)); do
		[ "$(le a.o $((shoff + i * 64 + 4)) 4)" = 2 ] &&
		    put32 a.o $((shoff + i * 64 + 40)) 0
	done
	run "$READELF" -s a.o
	[ "$status" -le 1 ]
	assert_line --partial 'GLOBAL DEFAULT    3 <corrupt>'
	same_as_gnu -s a.o
}

@test "a garbage operand is reported and the next one still dumped" {
	printf 'this is not an object file at all\n' > junk
	cc_obj a.o 'int a;'
	run -1 --separate-stderr "$READELF" -h junk a.o
	assert_line 'File: a.o'
	[[ "$stderr" == "readelf: junk: not an ELF file, archive or a.out file" ]]
}

@test "a missing file is reported with the system's reason" {
	run -1 --separate-stderr "$READELF" -h no-such-file
	[[ "$stderr" == "readelf: no-such-file: cannot open: No such file or directory" ]]
}

@test "a version-needs chain that loops on itself ends" {
	host_so l.so
	# Point vn_next of the first Verneed at itself (offset 0 + 0).
	off=$(/usr/bin/readelf -SW l.so | awk '/.gnu.version_r/ { for (i = 1; i <= NF; i++) if ($i == "VERNEED") print $(i + 2) }')
	put32 l.so $((16#$off + 8)) 0
	put32 l.so $((16#$off + 12)) 0
	run timeout 20 "$READELF" -V --dyn-syms l.so
	[ "$status" -le 1 ]
}

@test "a note whose size runs past its section is reported" {
	as_obj a.o '.section .note.x,"a",@note
.long 4, 0x7ffffff0, 7
.asciz "ABC"'
	run -1 --separate-stderr "$READELF" -n a.o
	[[ "$stderr" == *"note with invalid namesz and/or descsz"* ]]
}

@test "a truncated archive member is reported after the good ones" {
	cc_obj a.o 'int a(void) { return 1; }'
	cc_obj b.o 'int b(void) { return 2; }'
	ar rc lib.a a.o b.o
	head -c $(( $(stat -c %s lib.a) - 100 )) lib.a > cut.a
	run -1 --separate-stderr "$READELF" -h cut.a
	assert_line 'File: cut.a(a.o)'
	[[ "$stderr" == readelf:\ cut.a* ]]
}

@test "the odd ELF files of the corpus never crash readelf -a" {
	need_corpus elf-odd
	local f
	for f in "$CORPUS"/elf-odd/*; do
		run timeout 20 "$READELF" -a -W -n -V -I -g "$f"
		[ "$status" -le 1 ] || { echo "$f: status $status"; false; }
	done
}

@test "bytes flipped all over an object never crash readelf" {
	cc_obj a.o 'extern int e; int x = 1; int f(void) { return e + x; }' -fPIC
	python3 - a.o <<'PY'
import random, sys
data = open(sys.argv[1], 'rb').read()
for seed in range(1, 41):
    random.seed(seed)
    d = bytearray(data)
    for _ in range(8):
        d[random.randrange(16, len(d))] = random.randrange(256)
    open('f%d.o' % seed, 'wb').write(d)
PY
	local i
	for i in $(seq 1 40); do
		run timeout 20 "$READELF" -a -W -x 1 -p 2 f$i.o
		[ "$status" -le 1 ] || { echo "seed $i: status $status"; false; }
	done
}
