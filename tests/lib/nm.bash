# tests/lib/nm.bash: helpers for the nm and size tests.  GNU binutils is
# the independent judge: a fixture is listed by both and the outputs must
# be byte-identical.

bats_require_minimum_version 1.5.0

# same_as_gnu nm|size ARGS...: our tool and GNU's print the same standard
# output (and the same exit status).
same_as_gnu() {
	local tool=$1 gs os
	shift
	need_cmd "$tool"
	"/usr/bin/$tool" "$@" > gnu.out 2> gnu.err
	gs=$?
	"$OBJKIT_BIN/$tool" "$@" > ours.out 2> ours.err
	os=$?
	diff -u gnu.out ours.out
	[ "$gs" = "$os" ] || { echo "status: GNU $gs, ours $os"; return 1; }
}

# fixture_objects: a small set of objects covering every symbol kind.
fixture_objects() {
	cc_obj kinds.o '
int common_var;
static int static_var = 3;
int data_var = 4;
const int rodata_var = 5;
__thread int tls_var;
extern int undefined_var;
__attribute__((weak)) int weak_fn(void) { return 1; }
__attribute__((weak)) int weak_obj = 2;
extern void weak_undef(void) __attribute__((weak));
static int static_fn(void) { return static_var + undefined_var; }
int global_fn(void) { if (weak_undef) weak_undef(); return static_fn() + tls_var; }
int zero_bss;' -fcommon -g
	cc_obj other.o 'int other_fn(int x) { return x * 2; } char big_buf[100];'
	cc_obj empty.o ''
}

# fixture_cxx OUT.o: an object with C++ mangled names.
fixture_cxx() {
	need_cmd c++
	printf '%s\n' 'namespace ns { struct S { int f(int); static int g; }; }
int ns::S::f(int x) { return x + g; }
int ns::S::g = 1;
template <class T> T twice(T x) { return x + x; }
int use() { return twice(1) + (int)twice(2.0); }' > cxx.cc
	c++ -c -o "$1" cxx.cc
}

# elf_set FILE FIELD VALUE: overwrite one field of a 64-bit little-endian
# ELF file in place.  FIELD is e_shoff, e_shnum, e_shstrndx, or
# symtab.<sh_field> (the SHT_SYMTAB section header), or sym<N>.st_name
# (entry N of the symbol table).
elf_set() {
	python3 - "$@" <<'PY'
import struct, sys
path, field, value = sys.argv[1], sys.argv[2], int(sys.argv[3], 0)
d = bytearray(open(path, 'rb').read())
ehdr = {'e_shoff': (0x28, 'Q'), 'e_shnum': (0x3c, 'H'),
        'e_shstrndx': (0x3e, 'H')}
shf = {'sh_type': (4, 'I'), 'sh_offset': (0x18, 'Q'), 'sh_size': (0x20, 'Q'),
       'sh_link': (0x28, 'I'), 'sh_info': (0x2c, 'I'),
       'sh_entsize': (0x38, 'Q')}
shoff, = struct.unpack_from('<Q', d, 0x28)
shnum, = struct.unpack_from('<H', d, 0x3c)
def symtab():
    for i in range(shnum):
        if struct.unpack_from('<I', d, shoff + i * 64 + 4)[0] == 2:
            return shoff + i * 64
    sys.exit('no symtab')
if field in ehdr:
    off, fmt = ehdr[field]
elif field.startswith('symtab.'):
    o, fmt = shf[field[7:]]
    off = symtab() + o
elif field.startswith('sym'):
    n = int(field[3:field.index('.')])
    off = struct.unpack_from('<Q', d, symtab() + 0x18)[0] + n * 24
    fmt = 'I'
else:
    sys.exit('unknown field ' + field)
struct.pack_into('<' + fmt, d, off, value)
open(path, 'wb').write(d)
PY
}

# one_error FILE: the test's stderr is exactly one "nm: FILE..." line.
one_error() {
	[ "$(printf '%s\n' "$stderr" | wc -l)" = 1 ] ||
	    { echo "stderr: $stderr"; return 1; }
	[[ "$stderr" == "nm: $1"* ]] || { echo "stderr: $stderr"; return 1; }
}
