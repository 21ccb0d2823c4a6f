#!/usr/bin/env bats
# Byte identity with GNU ar (D is its default and ours): the same inputs
# give the same archive, index and long-name table included.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	need_gnu_ar
	objs
}

@test "ar rc gives the same bytes as GNU ar rcD" {
	run -0 "$AR" rc ours.a a.o b.o notes.txt
	gnu_ar rcD gnu.a a.o b.o notes.txt
	run -0 cmp ours.a gnu.a
}

@test "ar rcs gives the same bytes as GNU ar rcsD" {
	run -0 "$AR" rcs ours.a a.o b.o
	gnu_ar rcsD gnu.a a.o b.o
	run -0 cmp ours.a gnu.a
}

@test "ar q gives the same bytes as GNU ar qD and says it creates the archive" {
	run -0 --separate-stderr "$AR" q ours.a a.o notes.txt
	assert_equal "$stderr" "ar: creating ours.a"
	gnu_ar qD gnu.a a.o notes.txt 2>/dev/null
	run -0 cmp ours.a gnu.a
}

@test "an archive of names longer than 15 bytes has GNU's // table" {
	cp a.o exactly_fifteen.o
	cp a.o sixteen_bytes__.o
	cp b.o a_name_longer_than_sixteen_bytes.o
	run -0 "$AR" rc ours.a exactly_fifteen.o sixteen_bytes__.o \
	    a_name_longer_than_sixteen_bytes.o
	gnu_ar rcD gnu.a exactly_fifteen.o sixteen_bytes__.o \
	    a_name_longer_than_sixteen_bytes.o
	run -0 cmp ours.a gnu.a
	run -0 /usr/bin/ar t ours.a
	assert_line --index 2 a_name_longer_than_sixteen_bytes.o
}

@test "an archive without objects has no index, as GNU's" {
	printf 'x\n' > one.txt
	run -0 "$AR" rcs ours.a notes.txt one.txt
	gnu_ar rcsD gnu.a notes.txt one.txt
	run -0 cmp ours.a gnu.a
	run -0 head -c 9 ours.a
	refute_output --partial '/ '
}

@test "an object without global symbols gives an empty index, as GNU's" {
	cc_obj s.o 'static int only_local;'
	run -0 "$AR" rc ours.a s.o
	gnu_ar rcD gnu.a s.o
	run -0 cmp ours.a gnu.a
}

@test "ar S writes no index, as GNU ar rcSD" {
	run -0 "$AR" rcS ours.a a.o b.o
	gnu_ar rcSD gnu.a a.o b.o
	run -0 cmp ours.a gnu.a
}

@test "the index lists exactly GNU's choice of ELF symbols" {
	yaml_obj s.o <<'Y'
--- !ELF
FileHeader: { Class: ELFCLASS64, Data: ELFDATA2LSB, Type: ET_REL, Machine: EM_X86_64 }
Sections:
  - { Name: .text, Type: SHT_PROGBITS, Flags: [ SHF_ALLOC, SHF_EXECINSTR ], Size: 16 }
Symbols:
  - { Name: local_common, Binding: STB_LOCAL, Index: SHN_COMMON }
  - { Name: local_text, Section: .text }
  - { Name: glob_text, Section: .text, Binding: STB_GLOBAL }
  - { Name: glob_undef, Binding: STB_GLOBAL }
  - { Name: weak_undef, Binding: STB_WEAK }
  - { Name: weak_def, Section: .text, Binding: STB_WEAK }
  - { Name: uniq, Section: .text, Binding: STB_GNU_UNIQUE }
  - { Name: abs_glob, Index: SHN_ABS, Binding: STB_GLOBAL }
  - { Name: large_common, Index: 0xff02, Binding: STB_GLOBAL }
  - { Name: glob_common, Index: SHN_COMMON, Binding: STB_GLOBAL }
  - { Name: bind11, Section: .text, Binding: 11 }
  - { Name: gfile, Type: STT_FILE, Index: SHN_ABS, Binding: STB_GLOBAL }
  - { Name: reserved, Index: 0xff10, Binding: STB_GLOBAL }
Y
	run -0 "$AR" rc ours.a s.o
	gnu_ar rcD gnu.a s.o
	run -0 cmp ours.a gnu.a
	# GNU nm complains about the odd symbols (exit 1) but prints the index.
	run gnu_nm -s ours.a
	assert_line 'local_common in s.o'
	refute_line 'glob_undef in s.o'
	refute_line 'local_text in s.o'
	refute_line 'bind11 in s.o'
}

@test "ELF objects of every class, byte order and machine are indexed as GNU does" {
	need_cmd clang
	local t n=0 src='int g1 = 1; int g2(void){return 0;} static int l;
__attribute__((weak)) int wk; int cm;'
	for t in i386-linux-gnu x86_64-linux-gnu aarch64-linux-gnu \
	    aarch64_be-linux-gnu armv7-linux-gnueabi mips-linux-gnu \
	    mipsel-linux-gnu mips64-linux-gnuabi64 powerpc-linux-gnu \
	    powerpc64-linux-gnu powerpc64le-linux-gnu riscv32-linux-gnu \
	    riscv64-linux-gnu s390x-linux-gnu sparc-linux-gnu; do
		printf '%s\n' "$src" > "c-$t.c"
		clang -target "$t" -fcommon -c -o "c-$t.o" "c-$t.c" \
		    2>/dev/null || continue
		rm -f ours.a gnu.a
		"$AR" rc ours.a "c-$t.o" a.o
		gnu_ar rcD gnu.a "c-$t.o" a.o
		cmp ours.a gnu.a || fail "archive with $t differs"
		n=$((n + 1))
	done
	[ "$n" -ge 5 ] || skip "clang built only $n cross objects"
}

@test "a shared object and a core file in an archive are handled as GNU does" {
	cc -shared -fPIC -o libx.so a.o
	yaml_obj core.o <<'Y'
--- !ELF
FileHeader: { Class: ELFCLASS64, Data: ELFDATA2LSB, Type: ET_CORE, Machine: EM_X86_64 }
Y
	run -0 "$AR" rc ours.a libx.so core.o
	gnu_ar rcD gnu.a libx.so core.o
	run -0 cmp ours.a gnu.a
}

@test "an ELF member with broken section headers is stored, warned about and not indexed" {
	head -c 100 a.o > trunc.o
	run -0 --separate-stderr "$AR" rc ours.a trunc.o notes.txt
	assert_equal "$stderr" "ar: warning: ours.a(trunc.o): section headers past the end of the file, not indexed"
	gnu_ar rcD gnu.a trunc.o notes.txt
	run -0 cmp ours.a gnu.a
}

@test "a thin archive is the same as GNU ar rcTD" {
	mkdir sub
	cp a.o sub/c.o
	run -0 "$AR" rcT ours.a a.o sub/c.o notes.txt
	gnu_ar rcTD gnu.a a.o sub/c.o notes.txt
	run -0 cmp ours.a gnu.a
	run -0 /usr/bin/ar t ours.a
	assert_line --index 1 sub/c.o
}

@test "--thin is the same as T" {
	run -0 "$AR" rc --thin ours.a a.o b.o
	gnu_ar rcD --thin gnu.a a.o b.o
	run -0 cmp ours.a gnu.a
}

@test "replacing, deleting and moving members give GNU's bytes" {
	"$AR" rc ours.a a.o b.o notes.txt
	gnu_ar rcD gnu.a a.o b.o notes.txt
	cc_obj a.o 'int foo(void){return 42;}'
	run -0 "$AR" r ours.a a.o
	gnu_ar r gnu.a a.o
	run -0 cmp ours.a gnu.a
	run -0 "$AR" d ours.a b.o
	gnu_ar d gnu.a b.o
	run -0 cmp ours.a gnu.a
	run -0 "$AR" m ours.a a.o
	gnu_ar m gnu.a a.o
	run -0 cmp ours.a gnu.a
}

@test "l records library dependencies in __.LIBDEP as GNU does" {
	run -0 "$AR" rcl '-lm -lz' ours.a a.o
	gnu_ar rcDl '-lm -lz' gnu.a a.o
	run -0 cmp ours.a gnu.a
	run -0 "$AR" rc --record-libdeps=-lpthread ours2.a a.o
	gnu_ar rcD --record-libdeps=-lpthread gnu2.a a.o
	run -0 cmp ours2.a gnu2.a
}

@test "a thin archive in another directory stores paths relative to it, as GNU" {
	mkdir -p lib d1/d2
	cp a.o lib/ && cp a.o d1/ && cp b.o d1/d2/
	run -0 "$AR" rcT d1/d2/ours.a d1/a.o lib/a.o d1/d2/b.o
	gnu_ar rcTD d1/d2/gnu.a d1/a.o lib/a.o d1/d2/b.o
	run -0 cmp d1/d2/ours.a d1/d2/gnu.a
	run -0 /usr/bin/ar t d1/d2/ours.a
	assert_output "$(printf 'd1/d2/../a.o\nd1/d2/../../lib/a.o\nd1/d2/b.o')"
}
