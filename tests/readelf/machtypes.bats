#!/usr/bin/env bats
# Machine-specific dynamic tags, section and segment types, and the
# values GNU decodes for PA-RISC and IA-64 tags: judged against GNU.

load ../lib/common
load ../lib/readelf

# tags_elf MACHINE CLASS OUT: a shared object whose .dynamic holds every
# processor- and OS-specific tag number in the ranges GNU names, and
# whose sections and segments have every processor-specific type.
tags_elf() {
	local t
	need_cmd yaml2obj
	{
		printf '%s\n' '--- !ELF' 'FileHeader:' "  Class: $2" \
		    '  Data: ELFDATA2MSB' '  Type: ET_DYN' "  Machine: $1" \
		    'Sections:' '  - Name: .dynstr' '    Type: SHT_STRTAB' \
		    '    Flags: [ SHF_ALLOC ]' '  - Name: .dynamic' \
		    '    Type: SHT_DYNAMIC' '    Flags: [ SHF_ALLOC ]' \
		    '    Link: .dynstr' '    Entries:'
		for t in $(seq $((0x70000000)) $((0x70000040))) \
		    $(seq $((0x60000000)) $((0x60000040))); do
			printf '      - Tag: 0x%x\n        Value: 0x%x\n' $t $((t & 0xff))
		done
		printf '%s\n' '      - Tag: DT_NULL' '        Value: 0'
		# 0x7000002a is SHT_MIPS_ABIFLAGS, which yaml2obj fills in itself.
		for t in $(seq $((0x70000000)) $((0x70000029))) \
		    $(seq $((0x60000000)) $((0x60000008))); do
			printf '  - Name: s%x\n    Type: 0x%x\n' $t $t
		done
		printf '%s\n' 'ProgramHeaders:' '  - Type: PT_DYNAMIC' \
		    '    FirstSec: .dynamic' '    LastSec: .dynamic'
		for t in $(seq $((0x70000000)) $((0x70000004))) \
		    $(seq $((0x60000000)) $((0x60000004))); do
			printf '  - Type: 0x%x\n' $t
		done
	} > t.yaml
	yaml2obj t.yaml -o "$3" || skip "yaml2obj cannot write $1"
}

@test "readelf -d -S -l name the tags and types of each machine as GNU" {
	local m
	for m in EM_MIPS EM_PARISC EM_IA_64 EM_ALPHA EM_PPC64 EM_SPARCV9 \
	    EM_X86_64 EM_AARCH64 EM_RISCV EM_S390; do
		tags_elf $m ELFCLASS64 a.elf
		same_as_gnu -d -W a.elf
		same_as_gnu -S -W a.elf
		same_as_gnu -l -W a.elf
	done
	for m in EM_MIPS EM_PPC EM_ARM EM_386 EM_SPARC EM_PARISC; do
		tags_elf $m ELFCLASS32 a.elf
		same_as_gnu -d a.elf
		same_as_gnu -S a.elf
	done
	run -0 "$READELF" -d a.elf
	assert_line --partial '(HP_DLD_FLAGS)'
}

@test "readelf -d decodes PA-RISC and IA-64 tag values as GNU" {
	need_cmd yaml2obj
	dyn_values() {
		local m=$1
		shift
		{
			printf '%s\n' '--- !ELF' "FileHeader: {Class: ELFCLASS64, Data: ELFDATA2MSB, Type: ET_DYN, Machine: $m}" \
			    'Sections:' '  - Name: .dynstr' '    Type: SHT_STRTAB' \
			    '    Flags: [ SHF_ALLOC ]' '  - Name: .dynamic' \
			    '    Type: SHT_DYNAMIC' '    Flags: [ SHF_ALLOC ]' \
			    '    Link: .dynstr' '    Entries:'
			while [ $# -gt 0 ]; do
				printf '      - Tag: %s\n        Value: %s\n' "$1" "$2"
				shift 2
			done
			printf '%s\n' '      - Tag: DT_NULL' '        Value: 0' \
			    'ProgramHeaders:' '  - Type: PT_DYNAMIC' \
			    '    FirstSec: .dynamic' '    LastSec: .dynamic'
		} > v.yaml
		yaml2obj v.yaml -o v.elf
	}
	dyn_values EM_IA_64 0x70000000 0x1000 0x60000015 0xffff \
	    0x60000015 0x100 0x60000035 0 0x60000035 50683968000000000
	same_as_gnu -d v.elf
	run -0 "$READELF" -d v.elf
	assert_line --partial '0x1000 -- 0x1018'
	assert_line --partial '2019-06-28T00:00:00'
	dyn_values EM_PARISC 0x60000001 0 0x60000001 0x1ffff \
	    0x60000001 0x20000 0x60000001 0x60003
	same_as_gnu -d v.elf
	run -0 "$READELF" -d v.elf
	assert_line --partial 'HP_DEBUG_PRIVATE HP_DEBUG_CALLBACK 60000'
}
