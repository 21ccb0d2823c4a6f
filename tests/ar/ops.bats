#!/usr/bin/env bats
# The operations d m p q r t x and their modifiers, judged by the system
# ar, GNU nm and the files themselves.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	objs
}

@test "ar t lists the members in order, as the system ar does" {
	"$AR" rc x.a a.o b.o notes.txt
	run -0 "$AR" t x.a
	assert_output "$(/usr/bin/ar t x.a)"
	assert_line --index 2 notes.txt
}

@test "ar tv shows mode, owner, size and date like GNU ar" {
	need_gnu_ar
	"$AR" rc x.a a.o notes.txt
	run -0 env TZ=UTC "$AR" tv x.a
	assert_output "$(TZ=UTC /usr/bin/ar tv x.a)"
	assert_line --index 1 'rw-r--r-- 0/0     10 Jan  1 00:00 1970 notes.txt'
}

@test "ar tO shows the data offset of each member like GNU ar" {
	need_gnu_ar
	"$AR" rc x.a a.o b.o
	run -0 "$AR" tO x.a
	assert_output "$(/usr/bin/ar tO x.a)"
}

@test "ar t with names lists only those members" {
	"$AR" rc x.a a.o b.o notes.txt
	run -0 "$AR" t x.a notes.txt
	assert_output notes.txt
}

@test "ar p writes a member to standard output" {
	"$AR" rc x.a a.o notes.txt
	run -0 "$AR" p x.a notes.txt
	assert_output 'just text'
}

@test "ar pv names the member before its contents" {
	"$AR" rc x.a notes.txt
	run -0 "$AR" pv x.a notes.txt
	assert_output "$(printf '\n<notes.txt>\n\njust text')"
}

@test "ar x extracts every member with its contents" {
	"$AR" rc x.a a.o b.o notes.txt
	mkdir out && cd out
	run -0 "$AR" x ../x.a
	cmp a.o ../a.o
	cmp b.o ../b.o
	cmp notes.txt ../notes.txt
}

@test "ar x extracts only the named members and says so with v" {
	"$AR" rc x.a a.o b.o
	mkdir out && cd out
	run -0 "$AR" xv ../x.a b.o
	assert_output 'x - b.o'
	assert_file_not_exists a.o
	cmp b.o ../b.o
}

@test "ar x --output DIR extracts into DIR" {
	"$AR" rc x.a a.o
	mkdir dir
	run -0 "$AR" x --output dir x.a
	cmp dir/a.o a.o
	run -0 "$AR" x --output=dir x.a a.o
}

@test "ar xo restores the recorded modification time" {
	touch -d '2001-02-03 04:05:06 UTC' a.o
	"$AR" rcU x.a a.o
	mkdir out && cd out
	run -0 "$AR" xo ../x.a
	assert_equal "$(stat -c %Y a.o)" "$(date -d '2001-02-03 04:05:06 UTC' +%s)"
}

@test "ar x of a member that is not there is an error" {
	"$AR" rc x.a a.o
	run -1 --separate-stderr "$AR" x x.a nosuch.o
	assert_equal "$stderr" "ar: x.a: no member named nosuch.o"
}

@test "ar r replaces a member in place and appends new ones" {
	"$AR" rc x.a a.o b.o
	cc_obj a.o 'int replaced(void){return 7;}'
	run -0 "$AR" rv x.a a.o notes.txt
	assert_line 'r - a.o'
	assert_line 'a - notes.txt'
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o\nnotes.txt')"
	run -0 gnu_nm -s x.a
	assert_line 'replaced in a.o'
	refute_line 'foo in a.o'
}

@test "ar ru keeps a member that is newer than the file" {
	touch -d '2020-01-01' a.o
	"$AR" rcU x.a a.o
	cc_obj a.o 'int newer_text(void){return 1;}'
	touch -d '2010-01-01' a.o
	run -0 "$AR" ruU x.a a.o
	run -0 gnu_nm -s x.a
	assert_line 'foo in a.o'
	touch -d '2030-01-01' a.o
	run -0 "$AR" ruU x.a a.o
	run -0 gnu_nm -s x.a
	assert_line 'newer_text in a.o'
}

@test "ar ra and rb put new members after or before a named one" {
	"$AR" rc x.a a.o b.o
	run -0 "$AR" rb b.o x.a notes.txt
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nnotes.txt\nb.o')"
	cp a.o c.o
	run -0 "$AR" ra a.o x.a c.o
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nc.o\nnotes.txt\nb.o')"
}

@test "ar ri is the same as rb" {
	"$AR" rc x.a a.o b.o
	run -0 "$AR" ri b.o x.a notes.txt
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nnotes.txt\nb.o')"
}

@test "ar q appends even when a member of that name exists" {
	"$AR" rc x.a a.o
	run -0 "$AR" q x.a a.o
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\na.o')"
}

@test "ar N picks the count-th member of a name" {
	cp notes.txt keep && printf 'second\n' > notes.txt
	mkdir one && cp keep one/notes.txt
	"$AR" q x.a one/notes.txt notes.txt
	run -0 "$AR" pN 2 x.a notes.txt
	assert_output second
	run -0 "$AR" dN 1 x.a notes.txt
	run -0 "$AR" p x.a notes.txt
	assert_output second
}

@test "ar d deletes members and reports them with v" {
	"$AR" rc x.a a.o b.o notes.txt
	run -0 "$AR" dv x.a a.o notes.txt
	assert_output "$(printf 'd - a.o\nd - notes.txt')"
	run -0 /usr/bin/ar t x.a
	assert_output b.o
	run -0 gnu_nm -s x.a
	assert_line 'a_rather_long_function_name in b.o'
	refute_line --partial 'in a.o'
}

@test "ar d of a member that is not there is an error" {
	"$AR" rc x.a a.o
	run -1 --separate-stderr "$AR" d x.a nosuch.o
	assert_equal "$stderr" "ar: x.a: no member named nosuch.o"
}

@test "ar m moves members to the end, or before a named one with b" {
	"$AR" rc x.a a.o b.o notes.txt
	run -0 "$AR" m x.a a.o
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'b.o\nnotes.txt\na.o')"
	run -0 "$AR" mb b.o x.a a.o
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o\nnotes.txt')"
}

@test "ar P keeps the path in the member name" {
	mkdir sub && cp a.o sub/a.o
	run -0 "$AR" rcP x.a sub/a.o
	run -0 /usr/bin/ar t x.a
	assert_output sub/a.o
}

@test "ar U records the file's time, owner and mode" {
	touch -d '2001-02-03 04:05:06 UTC' a.o
	chmod 600 a.o
	run -0 "$AR" rcU x.a a.o
	run -0 env TZ=UTC /usr/bin/ar tv x.a
	assert_output "rw------- $(id -u)/$(id -g)   $(stat -c %s a.o) Feb  3 04:05 2001 a.o"
}

@test "ar U with SOURCE_DATE_EPOCH gives the same archive twice" {
	run -0 env SOURCE_DATE_EPOCH=1000000000 "$AR" rcU x.a a.o
	sleep 1
	run -0 env SOURCE_DATE_EPOCH=1000000000 "$AR" rcU y.a a.o
	cmp x.a y.a
	run -0 dd if=x.a bs=1 skip=24 count=10 status=none
	assert_output '1000000000'
}

@test "ar D writes zero times, owners and mode 644" {
	touch -d '2001-02-03' a.o
	run -0 "$AR" rcD x.a a.o
	run -0 env TZ=UTC /usr/bin/ar tv x.a
	assert_output --partial 'rw-r--r-- 0/0'
	assert_output --partial 'Jan  1 00:00 1970 a.o'
}

@test "ar s and ranlib give the index to an archive made with S" {
	"$AR" rcS x.a a.o
	run -0 gnu_nm -s x.a
	refute_output --partial 'Archive index'
	run -0 "$AR" s x.a
	run -0 gnu_nm -s x.a
	assert_line 'foo in a.o'
}

@test "ar reads its options from an @file" {
	printf 'rc x.a\n"a.o" b.o\n' > args
	run -0 "$AR" @args
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o')"
}

@test "ar accepts --plugin and --target and a leading dash on the key" {
	run -0 "$AR" --plugin /nonexistent/plugin.so -rc --target=elf64-x86-64 x.a a.o
	run -0 /usr/bin/ar t x.a
	assert_output a.o
}

@test "ar with a bad key prints its usage and exits 1" {
	run -1 --separate-stderr "$AR" x.a
	assert_equal "${stderr_lines[0]}" "ar: unknown key letter '.'"
	[[ "${stderr_lines[1]}" == "usage: ar "* ]]
}

@test "ar with no operation prints its usage and exits 1" {
	run -1 --separate-stderr "$AR" c x.a a.o
	[[ "${stderr_lines[0]}" == "usage: ar "* ]]
}

@test "ar -M runs an MRI script" {
	"$AR" rc lib1.a b.o notes.txt
	cat > script <<'S'
* an MRI script
CREATE mri.a
ADDMOD a.o
ADDLIB lib1.a
DELETE notes.txt
SAVE
END
S
	run -0 "$AR" -M < script
	run -0 /usr/bin/ar t mri.a
	assert_output "$(printf 'a.o\nb.o')"
	run -0 "$AR" t mri.a
	run -0 gnu_nm -s mri.a
	assert_line 'a_rather_long_function_name in b.o'
}

@test "an MRI script with an unknown command is an error" {
	printf 'CREATE x.a\nFROB y\nSAVE\n' > script
	run -1 --separate-stderr "$AR" -M < script
	assert_equal "$stderr" "ar: script: line 2: unknown command FROB"
}

@test "MRI OPEN, REPLACE and LIST update an existing archive in place" {
	"$AR" rc x.a a.o b.o
	cc_obj a.o 'int replaced_by_mri(void){return 9;}'
	printf 'OPEN x.a\nREPLACE a.o\nSAVE\nEND\n' > script
	run -0 "$AR" -M < script
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o')"
	run -0 gnu_nm -s x.a
	assert_line 'replaced_by_mri in a.o'
	printf 'OPEN x.a\nLIST\nEND\n' > list
	run -0 env TZ=UTC "$AR" -M < list
	assert_line --partial 'b.o'
}

@test "ar r on a thin archive keeps it thin and replaces the member" {
	"$AR" rcT x.a a.o b.o
	run -0 "$AR" r x.a notes.txt a.o
	run -0 head -c 8 x.a
	assert_output '!<thin>'
	run -0 /usr/bin/ar t x.a
	assert_output "$(printf 'a.o\nb.o\nnotes.txt')"
}

@test "T on an existing normal archive is refused" {
	"$AR" rc x.a a.o
	cp x.a before.a
	run -1 --separate-stderr "$AR" rT x.a b.o
	assert_equal "$stderr" "ar: x.a: cannot convert an existing archive to thin format"
	cmp x.a before.a
}
