#!/usr/bin/env bats
# nm on archives: member headings, -A prefixes, the index (-s), long
# member names and thin archives.  GNU nm and ar are the judges.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	fixture_objects
	cp other.o a_member_with_a_long_name.o
	ar rc lib.a kinds.o other.o empty.o a_member_with_a_long_name.o
}

@test "nm on an archive prints each member under its name" {
	same_as_gnu nm lib.a
	run -0 "$NM" lib.a
	assert_line 'kinds.o:'
	assert_line 'a_member_with_a_long_name.o:'
}

@test "nm -A on an archive prefixes archive:member:" {
	same_as_gnu nm -A lib.a
	run -0 "$NM" -A lib.a
	assert_line --regexp '^lib\.a:other\.o:[0-9a-f]{16} T other_fn$'
}

@test "nm -P on an archive prints archive[member]: headings" {
	same_as_gnu nm -P lib.a kinds.o
	same_as_gnu nm -P -A lib.a
}

@test "nm -f sysv on an archive titles each member" {
	same_as_gnu nm -f sysv lib.a
}

@test "nm -s prints the archive index before the members" {
	same_as_gnu nm -s lib.a
	run -0 "$NM" -s lib.a
	assert_line 'Archive index:'
	assert_line 'other_fn in other.o'
}

@test "nm on several archives and objects prints file headings" {
	same_as_gnu nm lib.a other.o lib.a
}

@test "nm lists the members of a thin archive" {
	ar rcT thin.a kinds.o other.o
	same_as_gnu nm thin.a
	same_as_gnu nm -A thin.a
}

@test "nm sorts and filters each member separately" {
	same_as_gnu nm -n -g lib.a
	same_as_gnu nm --size-sort --defined-only lib.a
}

@test "nm --size-sort -u explains that it can print nothing" {
	run -0 --separate-stderr "$NM" --size-sort -u lib.a
	assert_output ''
	[[ "$stderr" == *"undefined symbols have no size."* ]]
}

@test "nm reports a member that is not an object and goes on" {
	echo 'not an object' > notes.txt
	ar rc mixed.a notes.txt other.o
	run -1 --separate-stderr "$NM" mixed.a
	[ "$stderr" = "nm: mixed.a(notes.txt): file format not recognized" ]
	assert_line --regexp ' T other_fn$'
}
