#!/usr/bin/env bats
# readelf -A on MIPS files with the IRIX dynamic tables (DT_MIPS_LIBLIST,
# DT_MIPS_OPTIONS, DT_MIPS_CONFLICT), judged against GNU readelf; the
# inputs are written by yaml2obj from a description made here.

load ../lib/common
load ../lib/readelf

# irix_so OUT 32|64 msb|lsb VARIANT: a MIPS shared object with a library
# list of four entries, one option record of every kind, a conflict list
# of four entries and three dynamic symbols.  VARIANT: plain, badopt (a
# record of size 0), shortreg (a REGINFO record without its data),
# lateno (DT_MIPS_LIBLISTNO after DT_MIPS_LIBLIST), farconf (the conflict
# list outside the file), noopts (no SHT_MIPS_OPTIONS section), nodynsym.
irix_so() {
	local out=$1
	shift
	cat > gen.py <<'PYEOF'
import struct, sys
bits, endian, variant = sys.argv[1], sys.argv[2], sys.argv[3]
is64 = bits == '64'
e = '>' if endian == 'msb' else '<'
def opt(kind, sec, info, extra=b''):
    return struct.pack(e + 'BBHI', kind, 8 + len(extra), sec, info) + extra
ri32 = struct.pack(e + 'I4II', 0x1234, 1, 2, 3, 4, 0x7ff0)
ri64 = struct.pack(e + 'II4IQ', 0x5678, 0, 5, 6, 7, 8, 0x7ff000001234)
o = opt(2, 0, 0x1f1f | 0xf0000) + opt(1, 0, 0, ri64 if is64 else ri32)
for kind, info in ((3, 7), (4, 15), (5, 0x55), (6, 0x66), (7, 3), (8, 1),
                   (9, 0x10005), (10, 0x20007), (11, 0x1000), (0, 0x99),
                   (2, 0x0810), (2, 0)):
    o += opt(kind, 1, info)
o += opt(42, 1, 0x42, b'ab\x01\xffcd~\x7f')
if variant == 'badopt':
    o += struct.pack(e + 'BBHI', 3, 0, 0, 0)
if variant == 'shortreg':
    o = opt(1, 0, 0, b'\0' * 8) + o
lib = b''
for name, t, ck, ver, fl in ((1, 946684800, 0xdeadbeef, 2, 0), (7, 0, 0, 1, 3),
                              (23, 0x7fffffff, 1, 0, 0x3f), (999, 5, 2, 3, 0x140)):
    lib += struct.pack(e + '5I', name, t, ck, ver, fl)
w = 'Q' if is64 else 'I'
conf = struct.pack(e + '4' + w, 1, 2, 0, 7)
tags = [('DT_STRTAB', 0x1100), ('DT_SYMTAB', 0x1000), ('DT_STRSZ', 0x40),
        ('DT_SYMENT', 24 if is64 else 16)]
if variant == 'lateno':
    tags += [('DT_MIPS_LIBLIST', 0x1200), ('DT_MIPS_LIBLISTNO', 4)]
else:
    tags += [('DT_MIPS_LIBLISTNO', 4), ('DT_MIPS_LIBLIST', 0x1200)]
tags += [('DT_MIPS_CONFLICTNO', 4), ('DT_MIPS_CONFLICT', 0x1280)]
if variant == 'farconf':
    tags[-1] = ('DT_MIPS_CONFLICT', 0x9000)
tags += [('DT_MIPS_OPTIONS', 0x1300), ('DT_NULL', 0)]
print('--- !ELF\nFileHeader:\n  Class: ELFCLASS%s\n  Data: ELFDATA2%s\n'
      '  Type: ET_DYN\n  Machine: EM_MIPS' % (bits, endian.upper()))
print('ProgramHeaders:\n  - Type: PT_LOAD\n    Flags: [ PF_R, PF_W ]\n'
      '    VAddr: 0x1000\n    Align: 0x1000\n    FirstSec: .dynsym\n'
      '    LastSec: .dynamic\n  - Type: PT_DYNAMIC\n    Flags: [ PF_R ]\n'
      '    VAddr: 0x1400\n    FirstSec: .dynamic\n    LastSec: .dynamic')
print('Sections:')
def sec(name, typ, addr, content=None, extra=''):
    s = ('  - Name: %s\n    Type: %s\n    Flags: [ SHF_ALLOC ]\n'
         '    Address: %#x\n    Offset: %#x\n' % (name, typ, addr, addr))
    if content is not None:
        s += '    Content: "%s"\n' % content.hex()
    print(s + extra, end='')
sec('.dynsym', 'SHT_DYNSYM', 0x1000, None, '    Link: .dynstr\n')
sec('.dynstr', 'SHT_STRTAB', 0x1100)
sec('.liblist', '0x70000000', 0x1200, lib, '    Link: .dynstr\n    EntSize: 20\n')
sec('.conflict', '0x70000002', 0x1280, conf)
if variant != 'noopts':
    sec('.MIPS.options', 'SHT_MIPS_OPTIONS', 0x1300, o, '    AddressAlign: 8\n')
print('  - Name: .dynamic\n    Type: SHT_DYNAMIC\n    Flags: [ SHF_ALLOC, SHF_WRITE ]\n'
      '    Address: 0x1400\n    Offset: 0x1400\n    Link: .dynstr\n    Entries:')
for t, v in tags:
    print('      - Tag: %s\n        Value: %#x' % (t, v))
if variant != 'nodynsym':
    print('DynamicSymbols:')
    for n, v in (('alpha', 0x1234), ('beta_with_a_rather_long_name_here', 0x5678),
                 ('g', 0x42)):
        print('  - Name: %s\n    Type: STT_FUNC\n    Binding: STB_GLOBAL\n'
              '    Value: %#x' % (n, v))
print('...')
PYEOF
	python3 gen.py "$@" > "$out.yaml"
	yaml_obj "$out" < "$out.yaml"
}

@test "readelf -A shows the MIPS options and conflict list as GNU, both classes and byte orders" {
	local b e
	for b in 32 64; do
		for e in msb lsb; do
			irix_so t.so $b $e plain
			same_as_gnu -A t.so
			same_as_gnu -A -W t.so
			same_as_gnu -a -W t.so
		done
	done
	run -0 "$READELF" -A t.so
	assert_line "Section '.MIPS.options' contains 15 entries:"
	assert_line ' EXCEPTIONS fpe_min(INEX|UFLO|OFLO|DIV0|INVAL) fpe_max(INEX|UFLO|OFLO|DIV0|INVAL) PAGE0 SMM FPDBUG DISMISS'
	assert_line '  42 ???     1 42ab\001\377cd~\177'
	assert_line '    1:        2  0x0000000000005678 beta_with_a_rather_l[...]'
	refute_line --partial '.liblist'
}

@test "readelf -A -d shows the MIPS library list as GNU" {
	local b
	for b in 32 64; do
		irix_so t.so $b msb plain
		same_as_gnu -A -d t.so
	done
	irix_so t.so 32 lsb lateno
	same_as_gnu -A -d t.so
	run -0 "$READELF" -A -d t.so
	assert_line '  2: ong_name_here 2038-01-19T03:14:07        0x1 0       EXACT_MATCH IGNORE_INT_VER REQUIRE_MINOR EXPORTS DELAY_LOAD DELTA'
	assert_line '  3: <corrupt:       999> 1970-01-01T00:00:05        0x2 3       0x140'
}

@test "readelf -A stops at a MIPS option record of size 0 as GNU" {
	irix_so t.so 32 msb badopt
	same_as_gnu -A t.so
	run -1 --separate-stderr "$READELF" -A t.so
	assert_equal "$stderr" 'readelf: t.so: invalid size (0) for MIPS option'
	run -1 /usr/bin/readelf -A t.so
}

@test "readelf -A shows a truncated MIPS REGINFO record as GNU" {
	irix_so t.so 64 lsb shortreg
	same_as_gnu -A t.so
	run -0 --separate-stderr "$READELF" -A t.so
	assert_line ' REGINFO    <corrupt>'
	assert_equal "$stderr" 'readelf: warning: t.so: truncated MIPS REGINFO option'
}

@test "readelf -A reports DT_MIPS_OPTIONS without an options section as GNU" {
	irix_so t.so 32 msb noopts
	same_as_gnu -A t.so
	run -1 --separate-stderr "$READELF" -A t.so
	assert_equal "$stderr" 'readelf: t.so: no MIPS_OPTIONS header found'
}

@test "readelf -A reports a MIPS conflict list outside the file as GNU" {
	irix_so t.so 32 msb farconf
	same_as_gnu -A t.so
	run -1 --separate-stderr "$READELF" -A t.so
	[[ $stderr == *'virtual address 0x9000 not located in any PT_LOAD segment'* ]]
	[[ $stderr == *'conflict list: 4 entries at offset 0x9000 extend past end of file'* ]]
}

@test "readelf -A -d shows MIPS libraries and conflicts without dynamic symbols as GNU" {
	irix_so t.so 64 msb nodynsym
	same_as_gnu -A -d t.so
	run -0 "$READELF" -A -d t.so
	assert_line '  0: <corrupt:         1> 2000-01-01T00:00:00 0xdeadbeef 2       NONE'
	assert_line '    1:        2  <corrupt symbol index>'
}

@test "readelf -A shows nothing of .gptab or .MIPS.options in a MIPS object, as GNU" {
	yaml_obj g.o <<'YEOF'
--- !ELF
FileHeader:
  Class: ELFCLASS32
  Data: ELFDATA2MSB
  Type: ET_REL
  Machine: EM_MIPS
Sections:
  - Name: .gptab.sdata
    Type: 0x70000003
    Info: 1
    EntSize: 8
    Content: "00000008000000000000000400000010"
  - Name: .MIPS.options
    Type: SHT_MIPS_OPTIONS
    Content: "0120000000000000000012340000000100000002000000030000000400007ff0"
  - Name: .got
    Type: SHT_PROGBITS
    Flags: [ SHF_ALLOC, SHF_WRITE ]
    Content: "0000000080000000"
YEOF
	same_as_gnu -A g.o
	same_as_gnu -a g.o
	run -0 "$READELF" -A g.o
	assert_line 'Static GOT:'
	refute_line --partial 'options'
}
