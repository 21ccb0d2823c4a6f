#!/usr/bin/env bats
# Archives at the edges: a /SYM64/ index for members past 4 GiB (built
# sparse, so that it costs no disk space), and thin archives whose member
# files are gone.  GNU ar and nm judge where they can.

load ../lib/common
load ../lib/ar

# sym64_archive OUT: GNU's layout for an archive whose second member
# starts past 4 GiB: "/SYM64/" (big-endian 64-bit count and offsets),
# a 4 GiB member that is a hole in the file, then a.o defining "a".
sym64_archive() {
	cc_obj a.o 'int a(void) { return 1; }'
	python3 - "$1" <<'EOF'
import struct, sys
big = 4 << 30
obj = open("a.o", "rb").read()
def hdr(name, size, mode):
    return b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (name, 0, 0, 0, mode, size)
names = b"a\0" + b"\0" * 6            # the index pads to 8 bytes
aoff = 8 + 60 + 16 + len(names) + 60 + big
idx = struct.pack(">QQ", 1, aoff) + names
with open(sys.argv[1], "wb") as f:
    f.write(b"!<arch>\n" + hdr(b"/SYM64/", len(idx), b"0") + idx)
    f.write(hdr(b"big.bin/", big, b"644"))
    f.seek(aoff)
    f.write(hdr(b"a.o/", len(obj), b"644") + obj + b"\n" * (len(obj) & 1))
EOF
}

@test "a /SYM64/ archive with a member past 4 GiB lists as GNU ar lists it" {
	need_gnu_ar
	sym64_archive lib.a
	gnu_ar tv lib.a > gnu.txt
	run -0 "$AR" tv lib.a
	assert_output "$(cat gnu.txt)"
	assert_line --index 1 --partial " 1970 a.o"
}

@test "the /SYM64/ index past 4 GiB reads as GNU nm reads it" {
	need_cmd nm
	sym64_archive lib.a
	sys_nm -s lib.a 2>/dev/null | sed -n '1,/^$/p' > gnu.txt
	run -1 --separate-stderr "$NM" -s lib.a
	# big.bin is no object for either of us; compare the index and a.o.
	printf '%s\n' "$output" | sed -n '1,/^$/p' > ours.txt
	diff gnu.txt ours.txt
	grep -qx 'a in a.o' ours.txt
	assert_line "0000000000000000 T a"
}

@test "a member past 4 GiB extracts intact" {
	sym64_archive lib.a
	run -0 "$AR" p lib.a a.o
	"$AR" p lib.a a.o | cmp - a.o
}

@test "ar writes a /SYM64/ index when a member starts past 4 GiB" {
	# Our ar copies the 4 GiB member for real: about 4 GiB of disk and
	# of memory, and a minute or more.  Opt in with OBJKIT_BIG_TESTS=1.
	[ "${OBJKIT_BIG_TESTS:-0}" = 1 ] ||
	    skip "writes 4 GiB (set OBJKIT_BIG_TESTS=1)"
	need_gnu_ar
	cc_obj a.o 'int a(void) { return 1; }'
	truncate -s 4G big.bin
	run -0 "$AR" rcs lib.a big.bin a.o
	rm big.bin
	run -0 head -c 15 lib.a
	assert_output '!<arch>
/SYM64/'
	run -0 sys_nm -s lib.a
	assert_line 'a in a.o'
	gnu_ar p lib.a a.o | cmp - a.o
}

# thin OUT MEMBER...: a thin archive of the given objects.
thin() {
	local out=$1 m
	shift
	for m in "$@"; do
		mkdir -p "$(dirname "$m")"
		cc_obj "$m" "int $(basename "${m%.o}")(void) { return 0; }"
	done
	"$AR" rcT "$out" "$@"
}

@test "ar t on a thin archive whose member file is gone names the member" {
	thin lib.a a.o m.o
	rm m.o
	run -1 --separate-stderr "$AR" t lib.a
	assert_equal "$stderr" "ar: lib.a(m.o): cannot open m.o: No such file or directory"
}

@test "a missing thin member is found relative to the archive" {
	mkdir sub
	thin sub/lib.a gone/m.o
	mv gone moved
	run -1 --separate-stderr "$AR" t sub/lib.a
	assert_equal "$stderr" "ar: sub/lib.a(../gone/m.o): cannot open sub/../gone/m.o: No such file or directory"
}

@test "updating a thin archive with a missing member leaves it as it was" {
	thin lib.a a.o m.o
	cp lib.a before.a
	rm m.o
	cc_obj n.o 'int n(void) { return 2; }'
	run -1 --separate-stderr "$AR" rcT lib.a n.o
	assert_equal "$stderr" "ar: lib.a(m.o): cannot open m.o: No such file or directory"
	cmp lib.a before.a
	run -1 "$AR" s lib.a
	cmp lib.a before.a
	run -1 "$AR" d lib.a a.o
	cmp lib.a before.a
	run -0 ls
	refute_output --partial tmp
}

@test "ar x on a thin archive with a missing member extracts nothing" {
	thin lib.a a.o m.o
	rm m.o
	mkdir out && cd out
	run -1 --separate-stderr "$AR" x ../lib.a
	assert_equal "$stderr" "ar: ../lib.a(m.o): cannot open ../m.o: No such file or directory"
	run -0 ls -A
	assert_output ''
}
