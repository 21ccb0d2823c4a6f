#!/usr/bin/env bats
# nm --format=json: one JSON document per run, checked with jq.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	need_cmd jq
	fixture_objects
}

@test "nm --format=json writes one valid JSON document for all operands" {
	ar rc lib.a other.o
	run -0 sh -c "\"$NM\" --format=json kinds.o lib.a | jq -e '.symbols | length'"
	[ "$output" -gt 5 ]
}

@test "nm --format=json gives each symbol its file, member and details" {
	ar rc lib.a other.o
	"$NM" --format=json kinds.o lib.a > out.json
	run -0 jq -r '.symbols[] | select(.name == "other_fn") |
	    "\(.file) \(.member) \(.type) \(.binding) \(.section) \(.letter)"' out.json
	assert_output 'lib.a other.o FUNC GLOBAL .text T'
	run -0 jq -r '.symbols[] | select(.name == "undefined_var") |
	    "\(.member) \(.section) \(.letter) \(.value)"' out.json
	assert_output 'null *UND* U 0'
}

@test "nm --format=json agrees with the BSD listing" {
	"$NM" --format=json -S kinds.o |
	    jq -r '.symbols[] | "\(.name) \(.size)"' | sort > json.txt
	"$NM" -S -P -t d kinds.o | awk '{ print $1, $4 == "" ? 0 : $4 + 0 }' |
	    sort > bsd.txt
	run diff json.txt bsd.txt
	assert_success
}

@test "nm --format=json records dynamic symbol versions separately" {
	printf 'V_1 { global: f; local: *; };\n' > v.map
	echo 'int f(void) { return 0; }' > v.c
	cc -shared -fPIC -o libv.so -Wl,--version-script=v.map v.c
	run -0 sh -c "\"$NM\" -D --format=json libv.so |
	    jq -r '.symbols[] | select(.name == \"f\") | .version'"
	assert_output 'V_1'
}

@test "nm --format=json on a file without symbols is still valid JSON" {
	strip -o stripped.o kinds.o
	run -0 sh -c "\"$NM\" --format=json stripped.o | jq -e '.symbols == []'"
}
