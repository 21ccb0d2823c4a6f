#!/usr/bin/env bats
# readelf -u: ARM exception index tables, judged against GNU readelf.

load ../lib/common
load ../lib/readelf

# arm_cxx OUT.o TARGET: C++ with a destructor, a catch, a big frame and a
# function that cannot throw.
arm_cxx() {
	need_cmd clang++
	cat > u.cc <<'CC'
void g(int);
struct A { ~A(); int x; };
int f(int n) { A a; a.x = n; g(n); try { g(n + 1); } catch (int e) { return e; } return 0; }
double h(double *p, int n) { double s = 0; for (int i = 0; i < n; i++) { s += p[i] * p[n - i]; g(i); } return s; }
int big(int a, int b, int c, int d) { int arr[300]; for (int i = 0; i < 300; i++) arr[i] = a + i; g(arr[b & 255]); return arr[c & 255] + d; }
static int noexc(int x) __attribute__((noinline));
static int noexc(int x) { return x * 3; }
int callit(int x) { return noexc(x) + 1; }
CC
	clang++ -target "$2" -O0 -fPIC -c u.cc -o "$1" 2>/dev/null ||
	    skip "clang++ cannot target $2"
}

@test "readelf -u decodes ARM C++ unwind tables of objects as GNU" {
	local t
	for t in arm-linux-gnueabi armv7a-linux-gnueabihf \
	    thumbv7-linux-gnueabihf armebv7-linux-gnueabi; do
		arm_cxx a.o $t
		same_as_gnu -u a.o
	done
	arm_cxx a.o armv7a-linux-gnueabihf
	run -0 "$READELF" -u a.o
	assert_line --partial "Unwind section '.ARM.exidx' at offset"
	assert_line '  Personality routine: 0x0 <__gxx_personality_v0>'
	assert_line --partial '[cantunwind]'
}

@test "readelf -u decodes the unwind table of a linked ARM library as GNU" {
	arm_cxx a.o armv7a-linux-gnueabihf
	need_cmd ld.lld
	clang++ -target armv7a-linux-gnueabihf -shared -nostdlib -fuse-ld=lld \
	    a.o -o a.so 2>/dev/null || skip "lld cannot link for ARM"
	same_as_gnu -u a.so
	run -0 "$READELF" -u a.so
	assert_line --partial '<_Z6calliti>'
}

@test "readelf -u decodes every ARM unwind opcode as GNU" {
	local b fn
	need_cmd clang
	for b in 0x00 0x3f 0x40 0x7f 0x80 0x8f 0x90 0x9d 0x9f 0xa0 0xa7 0xa8 \
	    0xaf 0xb0 0xb1 0xb2 0xb3 0xb4 0xb5 0xb6 0xb8 0xbf 0xc0 0xc5 0xc6 \
	    0xc7 0xc8 0xc9 0xca 0xd0 0xd7 0xd8 0xff; do
		{
			echo '.syntax unified'
			echo '.text'
			for fn in 1 2 3; do
				echo "f$fn:"
				echo '.fnstart'
				[ $fn = 2 ] && echo '.personality __gxx_personality_v0'
				[ $fn = 3 ] && echo '.personality other_personality'
				echo ".unwind_raw 0, $b, 0x00, 0x01, 0x80, 0xff, 0x12"
				echo 'bx lr'
				echo '.fnend'
			done
		} > raw.s
		clang -target armv7a-linux-gnueabi -c raw.s -o a.o 2>/dev/null ||
		    skip "clang cannot assemble ARM unwind directives"
		same_as_gnu -u a.o
	done
	run -0 "$READELF" -u a.o
	assert_line --partial '  Compact model index:'
}

@test "readelf -u survives corrupt ARM unwind sections as GNU does" {
	local off size pos b
	arm_cxx a.o arm-linux-gnueabi
	read -r off size < <(/usr/bin/readelf -SW a.o | sed -n \
	    's/.*\] \.ARM\.extab *[A-Z_]* *[0-9a-f]* \([0-9a-f]*\) \([0-9a-f]*\).*/\1 \2/p')
	[ -n "$off" ]
	for pos in 0 1 3 4 5 7 8 9 11 12 13 15; do
		[ $((0x$size)) -gt $pos ] || continue
		for b in 00 7f 80 b2 c8 ff; do
			cp a.o m.o
			printf "\\x$b" | dd of=m.o bs=1 seek=$((0x$off + pos)) \
			    conv=notrunc 2>/dev/null
			run "$READELF" -u m.o
			[ "$status" -le 1 ]
			same_as_gnu -u m.o
		done
	done
}

@test "readelf -u says unwind decoding is unsupported for other machines, as GNU" {
	cross_obj riscv64-linux-gnu a.o
	same_as_gnu -u a.o
	run -0 "$READELF" -u a.o
	assert_output --partial 'is not currently supported'
}

# hppa_yaml TYPE CLASS: a PA-RISC file with a two-entry .PARISC.unwind
# section covering fn_a and fn_b; ET_EXEC ones get a PT_LOAD at 0x10000,
# ET_REL ones R_PARISC_SEGREL32 relocations (and two of other types).
hppa_yaml() {
	printf -- '--- !ELF\nFileHeader:\n  Class: ELFCLASS%s\n  Data: ELFDATA2MSB\n  Type: %s\n  Machine: EM_PARISC\n' "$2" "$1"
	if [ "$1" = ET_EXEC ]; then
		printf 'ProgramHeaders:\n  - Type: PT_LOAD\n    VAddr: 0x10000\n    FirstSec: .text\n    LastSec: .PARISC.unwind\n'
	fi
	cat <<'YEOF'
Sections:
  - Name: .text
    Type: SHT_PROGBITS
    Flags: [ SHF_ALLOC, SHF_EXECINSTR ]
    Address: 0x10000
    Size: 0x100
  - Name: .PARISC.unwind
    Type: 0x70000001
    Flags: [ SHF_ALLOC ]
    Address: 0x10100
    Content: "0000000000000040aaaaaaaa5555555500000048000000807fffffff80000001"
YEOF
	[ "$1" = ET_REL ] && cat <<'YEOF'
  - Name: .rela.PARISC.unwind
    Type: SHT_RELA
    Link: .symtab
    Info: .PARISC.unwind
    Relocations:
      - Offset: 0x10
        Symbol: fn_b
        Type: 0x31
        Addend: 8
      - Offset: 0x4
        Symbol: fn_a
        Type: 0x31
        Addend: 0x20
      - Offset: 0
        Symbol: fn_a
        Type: 0x30
      - Offset: 0x14
        Symbol: fn_b
        Type: 0x1
YEOF
	cat <<'YEOF'
Symbols:
  - Name: fn_a
    Type: STT_FUNC
    Section: .text
    Value: 0x10010
  - Name: fn_b
    Type: STT_FUNC
    Section: .text
    Value: 0x10040
YEOF
}

@test "readelf -u decodes PA-RISC unwind descriptors as GNU" {
	local t c
	for t in ET_EXEC ET_DYN; do
		for c in 32 64; do
			hppa_yaml $t $c | yaml_obj a.out
			same_as_gnu -u a.out
		done
	done
	hppa_yaml ET_EXEC 32 | yaml_obj a.out
	run -0 "$READELF" -u a.out
	assert_line '<fn_b+8>: [0x10048-0x10080]'
	assert_line --partial '	Cannot_unwind Millicode_save_sr0 Entry_SR Entry_FR=5 Entry_GR=10 '
}

@test "readelf -u applies PA-RISC SEGREL relocations and skips others as GNU" {
	hppa_yaml ET_REL 32 | yaml_obj a.o
	same_as_gnu -u a.o
	run -0 --separate-stderr "$READELF" -u a.o
	assert_line '<>: [0x0-0x10030]'
	assert_line '<fn_b+8>: [0x10048-0x80]'
	[[ $stderr == *'a.o: skipping unexpected relocation type: R_PARISC_SEGBASE'* ]]
	[[ $stderr == *'a.o: skipping unexpected relocation type: R_PARISC_DIR32'* ]]
}

# c6x_yaml DATA: a TI C6000 program whose .c6xabi.exidx has an entry of
# every kind (cantunwind, compact models 0, 3, 4 and 5, and three .extab
# entries of the personality 0 and 1 bytecodes); DATA is LSB or MSB.
c6x_yaml() {
	cat > gen.py <<'PYEOF'
import struct, sys
e = '<' if sys.argv[1] == 'LSB' else '>'
def prel(target, where):
    return ((target - where) >> 1) & 0x7fffffff
words = [(0x1000, 1), (0x1010, 0x800fd0e7), (0x1020, 0x8321abc7),
         (0x1030, 0x84fefff3), (0x1040, 0x85000000), (0x1050, 't0'),
         (0x1060, 't1'), (0x1070, 't2')]
tabs = {'t0': [0x8102d2c2, 0x04e7b0b0], 't1': [0x8102c31f, 0xf5d1e4e7, 0x80000000],
        't2': [0x8001a0ff, 0xd28182e7]}
extab, toff, cur = b'', {}, 0x3000
for k in ('t0', 't1', 't2'):
    toff[k] = cur
    for w in tabs[k]:
        extab += struct.pack(e + 'I', w)
    cur += 4 * len(tabs[k])
exidx = b''
for i, (fn, w) in enumerate(words):
    where = 0x2000 + 8 * i
    if isinstance(w, str):
        w = prel(toff[w], where + 4)
    exidx += struct.pack(e + 'II', prel(fn, where), w)
print('''--- !ELF
FileHeader:
  Class: ELFCLASS32
  Data: ELFDATA2%s
  Type: ET_EXEC
  Machine: EM_TI_C6000
Sections:
  - Name: .text
    Type: SHT_PROGBITS
    Flags: [ SHF_ALLOC, SHF_EXECINSTR ]
    Address: 0x1000
    Size: 0x100
  - Name: .c6xabi.exidx
    Type: 0x70000001
    Flags: [ SHF_ALLOC ]
    Address: 0x2000
    Content: "%s"
  - Name: .c6xabi.extab
    Type: SHT_PROGBITS
    Flags: [ SHF_ALLOC ]
    Address: 0x3000
    Content: "%s"
Symbols:
  - Name: fn_a
    Type: STT_FUNC
    Section: .text
    Value: 0x1000
  - Name: fn_b
    Type: STT_FUNC
    Section: .text
    Value: 0x1040''' % (sys.argv[1], exidx.hex(), extab.hex()))
PYEOF
	python3 gen.py "$1"
}

@test "readelf -u decodes TI C6000 unwind tables as GNU" {
	local d
	for d in LSB MSB; do
		c6x_yaml $d | yaml_obj a.out
		same_as_gnu -u a.out
	done
	run -0 "$READELF" -u a.out
	assert_line '  0xc3 0x1f 0xf5 0xd1 pop frame {B15, [invalid reg 13], B11, [pad], [pad], B15}'
	assert_line '  Registers restored:  (compact) A10, A11, A12, A13, A14, B3, B10, B11, B12, B13, B14, B15'
	assert_line '  [reserved (5)]'
}

@test "readelf -u says an IA-64 file without unwind sections has none, as GNU" {
	yaml_obj a.out <<'YEOF'
--- !ELF
FileHeader:
  Class: ELFCLASS64
  Data: ELFDATA2LSB
  Type: ET_EXEC
  Machine: EM_IA_64
Sections:
  - Name: .text
    Type: SHT_PROGBITS
    Flags: [ SHF_ALLOC, SHF_EXECINSTR ]
    Address: 0x1000
    Size: 0x100
YEOF
	same_as_gnu -u a.out
	run -0 "$READELF" -u a.out
	assert_output '
There are no unwind sections in this file.'
}
