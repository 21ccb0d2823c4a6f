#!/usr/bin/env bats
# The command line: what the compiler drivers pass is accepted.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

@test "the options gcc passes for a static link are accepted" {
	cc_obj a.o 'void _start(void) { for (;;); }'
	run -0 "$LD" -plugin /nonexistent/liblto_plugin.so \
	    -plugin-opt=/x/lto-wrapper -plugin-opt=-fresolution=/tmp/x.res \
	    -plugin-opt=-pass-through=-lgcc --build-id -m elf_x86_64 \
	    --hash-style=gnu --as-needed -static -z relro -z now \
	    -z noexecstack --push-state --no-as-needed --pop-state \
	    -O1 --sort-common -o out a.o --start-group --end-group
	run -0 readelf -hW out
	assert_output --partial "EXEC"
}

@test "-e sets the entry point" {
	cc_obj a.o 'void other(void) { for (;;); } void _start(void) {}'
	run -0 "$LD" -e other -o out a.o
	want=$(readelf -sW out | awk '$8 == "other" { print $2 }')
	run -0 readelf -hW out
	assert_output --regexp "Entry point address: +0x${want#0000000000}"
}

@test "-v prints the version and --version stops there" {
	run -0 "$LD" -v
	assert_output --partial "objkit ld"
	run -0 "$LD" --version
	assert_output --partial "objkit ld"
}

@test "--help prints the usage on standard error and exits 1" {
	run -1 --separate-stderr "$LD" --help
	stderr_has "usage: ld"
}

@test "--help names the elf64-x86-64 target as libtool's configure expects" {
	run -1 "$LD" --help
	# The test libtool.m4 makes before it builds shared libraries.
	echo "$output" | grep -E ': supported targets:.* elf'
}

@test "-Map writes a map naming the input files" {
	cc_obj a.o 'void _start(void) { for (;;); }'
	run -0 "$LD" -Map out.map -o out a.o
	run -0 cat out.map
	assert_line --regexp '^\.text +0x0000000000401000'
	assert_output --partial "a.o"
}

@test "-s leaves no symbol table" {
	cc_obj a.o 'void _start(void) { for (;;); }'
	run -0 "$LD" -s -o out a.o
	run -0 readelf -SW out
	refute_output --partial ".symtab"
}

@test "the output is executable" {
	cc_obj a.o 'void _start(void) { for (;;); }'
	run -0 "$LD" -o out a.o
	[ -x out ]
}

@test "@FILE arguments are read from the file, with quoting" {
	cc_obj a.o 'void _start(void) { for (;;); }'
	printf -- '-o "out put"\n-e _start @more\n' > args
	printf 'a.o\n' > more
	run -0 "$LD" @args
	[ -x "out put" ]
	run -1 --separate-stderr "$LD" @missing
	stderr_has "ld: missing: cannot open: No such file or directory"
}
