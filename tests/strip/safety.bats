#!/usr/bin/env bats
# strip never damages a file: every error leaves the original byte for
# byte as it was and nothing else behind; malformed input gets a message
# and exit status 1 while the other operands are still stripped; links,
# modes, owners and (with -p) times survive.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	printf '%s\n' "$PROG_C" > prog.c
	cc -g -o prog prog.c
	cp prog orig
}

# fails_cleanly MESSAGE: the last run failed with exactly this error,
# prog is unchanged and no temporary file is left.
fails_cleanly() {
	assert_failure 1
	assert_equal "$stderr" "$1"
	cmp prog orig
	run ls -A
	refute_output --partial .objkit
}

@test "strip of a truncated file reports it and changes nothing" {
	head -c 3000 orig > prog
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: section headers past end of file"
}

@test "strip rejects section headers past the end of the file" {
	corrupt prog 40 ff ff ff 00 00 00 00 00
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: section headers past end of file"
}

@test "strip rejects a bad section header size" {
	corrupt prog 58 10 00
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: bad section header size 16"
}

@test "strip rejects a section whose contents lie past the end" {
	local shoff
	shoff=$(readelf -hW prog | awk '/Start of section headers/ { print $5 }')
	# Section 1's sh_offset (at +24 in a 64-byte header).
	corrupt prog $((shoff + 64 + 24)) 00 00 00 10 00 00 00 00
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: section 1: contents past end of file"
}

@test "strip rejects an sh_link out of range" {
	local shoff
	shoff=$(readelf -hW prog | awk '/Start of section headers/ { print $5 }')
	corrupt prog $((shoff + 64 + 40)) 99 00 00 00
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: section 1: sh_link 153 out of range"
}

@test "strip rejects a relocation naming a symbol that does not exist" {
	cc_obj o.o "$PROG_C"
	local off
	off=$(secoff o.o .rela.text)
	# r_info's symbol half of the first entry (little-endian, +12).
	corrupt o.o $((0x$off + 12)) ff ff 00 00
	cp o.o prog
	cp o.o orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: section .rela.text: relocation 0: symbol index 65535 out of range"
}

@test "strip rejects a symbol name outside the string table" {
	cc_obj o.o "$PROG_C"
	local off
	off=$(secoff o.o .symtab)
	corrupt o.o $((0x$off + 24)) ff ff ff 0f
	cp o.o prog
	cp o.o orig
	run --separate-stderr "$STRIP" -g prog
	fails_cleanly "strip: prog: symbol 1: name offset out of range"
}

@test "strip says a non-object file is not one" {
	echo hello > prog
	cp prog orig
	run --separate-stderr "$STRIP" prog
	fails_cleanly "strip: prog: not an object file or archive"
}

@test "strip goes on with the other operands after a bad one" {
	cp orig good
	echo junk > bad
	run --separate-stderr "$STRIP" bad good
	assert_failure 1
	assert_equal "$stderr" "strip: bad: not an object file or archive"
	run readelf -SW good
	refute_output --partial .symtab
	run ./good
	assert_output 18
}

@test "strip of a missing file says so" {
	run --separate-stderr "$STRIP" nosuch
	assert_failure 1
	assert_equal "$stderr" \
	    "strip: nosuch: cannot open: No such file or directory"
}

@test "strip in a read-only directory fails and leaves the file alone" {
	mkdir ro
	cp orig ro/prog
	if [ "$(id -u)" = 0 ]; then
		mount -t tmpfs -o size=1m tmpfs ro 2>/dev/null ||
		    skip "cannot mount a tmpfs"
		cp orig ro/prog
		mount -o remount,ro ro
	else
		chmod a-w ro
	fi
	run --separate-stderr "$STRIP" ro/prog
	cmp ro/prog orig
	[ "$(id -u)" = 0 ] && umount ro || chmod u+w ro
	assert_failure 1
	assert_regex "$stderr" '^strip: ro/prog: cannot create output: (Read-only file system|Permission denied)$'
}

@test "strip on a full disk fails and leaves the file alone" {
	[ "$(id -u)" = 0 ] || skip "mounting a tmpfs needs root"
	mkdir full
	mount -t tmpfs -o size=24k tmpfs full 2>/dev/null ||
	    skip "cannot mount a tmpfs"
	cp orig full/prog || { umount full; skip "fixture does not fit"; }
	run --separate-stderr "$STRIP" full/prog
	cmp full/prog orig
	run ls -A full
	umount full
	refute_output --partial .objkit
	assert_equal "$stderr" \
	    "strip: full/prog: cannot write output: No space left on device"
}

@test "strip keeps every hard link pointing at the stripped file" {
	ln prog other
	"$STRIP" prog
	[ prog -ef other ]
	run readelf -SW other
	refute_output --partial .symtab
	run ./other
	assert_output 18
}

@test "strip follows a symbolic link and keeps the link" {
	ln -s prog sl
	"$STRIP" sl
	[ -L sl ]
	run readelf -SW prog
	refute_output --partial .symtab
}

@test "strip keeps the file mode" {
	chmod 751 prog
	"$STRIP" prog
	run stat -c %a prog
	assert_output 751
}

@test "strip keeps the owner when run as root" {
	[ "$(id -u)" = 0 ] || skip "needs root"
	chown 1234:5678 prog
	"$STRIP" prog
	run stat -c %u:%g prog
	assert_output 1234:5678
}

@test "strip -p keeps the modification and access times" {
	touch -m -d '2001-02-03 04:05:06' prog
	touch -a -d '2002-02-03 04:05:06' prog
	"$STRIP" -p prog
	run stat -c '%Y %X' prog
	assert_output "$(date -d '2001-02-03 04:05:06' +%s) $(date -d '2002-02-03 04:05:06' +%s)"
}

@test "strip -o writes a new file and leaves the input alone" {
	"$STRIP" -o out prog
	cmp prog orig
	run ./out
	assert_output 18
	run readelf -SW out
	refute_output --partial .symtab
}

@test "strip -o with two inputs is a usage error" {
	run --separate-stderr "$STRIP" -o out prog orig
	assert_failure 1
	assert_equal "$stderr" "strip: -o can name only one input file"
	cmp prog orig
}

@test "strip with no operand prints usage and fails" {
	run --separate-stderr "$STRIP"
	assert_failure 1
	assert_regex "$stderr" '^usage: strip '
}

@test "strip is deterministic" {
	cp orig again
	"$STRIP" prog
	"$STRIP" again
	cmp prog again
}
