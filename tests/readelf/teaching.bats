#!/usr/bin/env bats
# readelf --explain and --json.

load ../lib/common
load ../lib/readelf

@test "--explain adds lines and leaves GNU's lines untouched" {
	printf '#include <stdio.h>\nint main(void) { return puts("x"); }\n' > m.c
	cc -o m m.c
	"$READELF" --explain -h -l -S -s -r -d m > explained
	/usr/bin/readelf -h -l -S -s -r -d m > gnu
	grep -v '^      # ' explained > stripped
	diff -u gnu stripped
	run grep -c '^      # ' explained
	[ "$output" -gt 50 ]
}

@test "--explain says why a PLT relocation is JUMP_SLOT and for which symbol" {
	printf '#include <stdio.h>\nint main(void) { return puts("x"); }\n' > m.c
	cc -o m m.c
	run -0 "$READELF" --explain -r m
	assert_line --regexp '^      # a PLT slot: .*\[for puts\]$'
}

@test "--explain says what PT_GNU_RELRO protects" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -o m m.c
	run -0 "$READELF" --explain -l m
	assert_line --partial 'read-only after relocation'
}

@test "--explain describes each ELF header field" {
	cc_obj a.o 'int a;'
	run -0 "$READELF" --explain -h a.o
	assert_line --partial '# an object for the linker'
}

@test "--json output parses with jq and carries the headers" {
	need_cmd jq
	host_so l.so
	"$READELF" --json -h -S -l -s -r -d l.so > out.json
	run -0 jq -r '.files[0].header.machine_name' out.json
	assert_output 'Advanced Micro Devices X86-64'
	run -0 jq -r '.files[0].dynamic_symbols[] | select(.name == "v2_fn") | .version' out.json
	assert_output 'V2'
	run -0 jq -r '.files[0].dynamic[] | select(.tag == "SONAME") | .name' out.json
	assert_output 'libv.so.1'
	run -0 jq -r '[.files[0].sections[].name] | index(".dynsym") > 0' out.json
	assert_output 'true'
}

@test "--json over an archive gives one object per member" {
	need_cmd jq
	cc_obj a.o 'int a(void) { return 1; }'
	cc_obj b.o 'int b(void) { return 2; }'
	ar rc lib.a a.o b.o
	run -0 jq -r '.files[].file' <("$READELF" --json -s lib.a)
	assert_output "$(printf 'lib.a(a.o)\nlib.a(b.o)')"
}

@test "--json escapes control characters and high bytes in names" {
	need_cmd jq
	as_obj a.o "$(printf '.section "\\001odd\\377",\"a\"\n.byte 1')"
	run -0 jq -r '.files[0].sections[].name' <("$READELF" --json -S a.o)
	assert_line --partial 'odd'
}
