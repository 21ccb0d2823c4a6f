#!/usr/bin/env bats
# --threads, --no-threads and --stats: the thread count never changes the
# output or the diagnostics, and --stats reports the passes.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

# Sixty objects with code, data, debug info and calls between them: more
# input sections than one range of the parallel write.
make_objects() {
	local i
	for i in $(seq 1 60); do
		# p%d: an R_X86_64_64, a RELATIVE relocation in a PIE.
		printf 'extern int f%d(int);\nint v%d = %d;\nint *p%d = &v%d;\n' \
		    "$((i - 1))" "$i" "$i" "$i" "$i" > "o$i.c"
		printf 'int f%d(int x) { return %s + *p%d; }\n' "$i" \
		    "$([ "$i" -gt 1 ] && echo "f$((i - 1))(x)" || echo x)" \
		    "$i" >> "o$i.c"
	done
	printf 'int f60(int);\nint main(void) { return f60(1) & 0x7f; }\n' \
	    > main.c
	cc -g -O1 -ffunction-sections -fdata-sections -c o*.c main.c
}

@test "a link with one thread, two and eight gives the same bytes" {
	make_objects
	ok_cc -Wl,--threads=1 -o one main.o o*.o
	ok_cc -Wl,--threads=2 -o two main.o o*.o
	ok_cc -Wl,--threads=8 -o eight main.o o*.o
	ok_cc -Wl,--no-threads -o none main.o o*.o
	cmp one two
	cmp one eight
	cmp one none
	run ./one
	# 1 + (1 + 2 + ... + 60) = 1831, and 1831 & 0x7f = 39.
	[ "$status" -eq 39 ]
}

@test "a shared library is the same with one thread and four" {
	make_objects
	cc -fPIC -g -O1 -ffunction-sections -c o*.c
	ok_cc -shared -Wl,--threads=1 -o one.so o*.o
	ok_cc -shared -Wl,--threads=4 -o four.so o*.o
	cmp one.so four.so
	ok_cc -o prog main.o ./four.so
	run env LD_LIBRARY_PATH=. ./prog
	[ "$status" -eq 39 ]
}

@test "threads fill .rela.dyn with RELATIVE entries first, as many as DT_RELACOUNT" {
	make_objects
	cc -fPIC -g -O1 -ffunction-sections -c o*.c
	# In a library p%d points at a preemptible v%d: R_X86_64_64 entries,
	# and the static pointers below are RELATIVE ones, from many sections.
	for i in $(seq 1 30); do
		printf 'static int s%d;\nint *q%d = &s%d;\n' "$i" "$i" "$i"
	done > q.c
	cc -fPIC -fdata-sections -c q.c
	ok_cc -shared -Wl,--threads=4 -o lib.so o*.o q.o
	run -0 readelf -rW lib.so
	local types
	types=$(awk '/^Relocation section .\.rela\.dyn/ { on = 1; next }
	    /^Relocation section/ { on = 0 } on && /R_X86_64_/ { print $3 }' \
	    <<< "$output")
	[ "$(grep -c '^R_X86_64_RELATIVE$' <<< "$types")" -ge 30 ]
	[ "$(grep -c '^R_X86_64_64$' <<< "$types")" -ge 60 ]
	# No RELATIVE after the first other type.
	awk '$0 != "R_X86_64_RELATIVE" { other = 1 }
	    other && $0 == "R_X86_64_RELATIVE" { bad = 1 } END { exit bad }' \
	    <<< "$types"
	run -0 readelf -dW lib.so
	[ "$(awk '/RELACOUNT/ { print $3 }' <<< "$output")" = \
	    "$(grep -c '^R_X86_64_RELATIVE$' <<< "$types")" ]
	[ -z "$(elflint lib.so)" ]
}

@test "a static link with build ID is the same with one thread and four" {
	need_static_libc
	make_objects
	ok_cc -static -Wl,--build-id,--thread-count=1 -o one main.o o*.o
	ok_cc -static -Wl,--build-id,--threads=4 -o four main.o o*.o
	cmp one four
	run ./four
	[ "$status" -eq 39 ]
}

@test "relocation errors come in the same order whatever the thread count" {
	as_obj abs.o '.globl big
big = 0x123456789'
	for i in $(seq 1 80); do
		printf '.section .text.u%d,"ax"\n.globl u%d\nu%d:\n\tmovl $big, %%eax\n' \
		    "$i" "$i" "$i"
	done > use.s
	printf '.globl _start\n_start:\n\tret\n' >> use.s
	as -o use.o use.s
	run -1 --separate-stderr "$LD" --threads=1 -o out use.o abs.o
	one=$stderr
	[ "$(printf '%s\n' "$one" | grep -c 'out of range')" -eq 80 ]
	run -1 --separate-stderr "$LD" --threads=4 -o out use.o abs.o
	[ "$stderr" = "$one" ]
	assert_file_not_exists out
}

# An archive of 150 members, each f<i> calling f<i-1>, with an unused
# member after every fifth: members are loaded in a chain, some skipped.
make_archive() {
	local i
	printf 'int f0(int x) { return x; }\n' > m0.c
	for i in $(seq 1 150); do
		printf 'int f%d(int);\nint f%d(int x) { return f%d(x) + 1; }\n' \
		    "$((i - 1))" "$i" "$((i - 1))" > "m$i.c"
		[ $((i % 5)) -eq 0 ] &&
		    printf 'int u%d(void) { return %d; }\n' "$i" "$i" > "u$i.c"
	done
	printf 'int f150(int);\nint main(void) { return f150(0) & 0x7f; }\n' \
	    > main.c
	cc -O1 -c m*.c u*.c main.c
	rm -f lib.a
	# Reversed, so that resolution walks the index back and forth.
	ar rcs lib.a $(ls m*.o u*.o | sort -t m -k2 -n -r)
}

@test "archive members checked ahead by a thread give the same bytes as one thread" {
	make_archive
	ok_cc -Wl,--threads=1 -o one main.o lib.a
	ok_cc -Wl,--threads=2 -o two main.o lib.a
	ok_cc -Wl,--threads=4 -o four main.o lib.a
	cmp one two
	cmp one four
	run ./two
	[ "$status" -eq 22 ]	# 150 & 0x7f
	run -0 readelf -sW two
	refute_output --partial " u5"
}

@test "a bad archive member found by the thread checking ahead is reported once, in order" {
	make_archive
	local o off
	# Relocation 0 of m3.o and m9.o names symbol 0xffff: not in the table.
	for o in m3.o m9.o; do
		off=$(readelf -SW "$o" | sed 's/\[ */[/' |
		    awk '$2 == ".rela.text" { print $5 }')
		corrupt "$o" $((0x$off + 12)) ff ff
	done
	rm -f lib.a
	ar rcs lib.a $(ls m*.o u*.o | sort -t m -k2 -n -r)
	run -1 --separate-stderr ok_cc -Wl,--threads=1 -o one main.o lib.a
	local want=$stderr
	[ "$(grep -c 'bad symbol index' <<< "$want")" -eq 2 ]
	grep -q 'lib.a(m9.o): .*bad symbol index' <<< "$want"
	run -1 --separate-stderr ok_cc -Wl,--threads=2 -o two main.o lib.a
	[ "$stderr" = "$want" ]
	run -1 --separate-stderr ok_cc -Wl,--threads=4 -o four main.o lib.a
	[ "$stderr" = "$want" ]
	assert_file_not_exists two
}

@test "a thread count that is not a number from 1 to 64 is refused" {
	cc_obj a.o 'void _start(void) {}'
	run -1 --separate-stderr "$LD" --threads=0 -o out a.o
	stderr_is "ld: --threads: not a thread count from 1 to 64: 0"
	run -1 --separate-stderr "$LD" --threads=two -o out a.o
	stderr_is "ld: --threads: not a thread count from 1 to 64: two"
	assert_file_not_exists out
}

@test "--stats reports each pass and the peak memory without changing the output" {
	cc_obj a.o 'void _start(void) {}'
	"$LD" -o plain a.o
	run -0 --separate-stderr "$LD" --stats -o timed a.o
	stderr_has "ld: stats: read_input_files "
	stderr_has "ld: stats: write_sections "
	stderr_has "ld: stats: total "
	stderr_has "ld: stats: peak memory "
	cmp plain timed
}

@test "bad objects checked by many threads are reported in command-line order" {
	local i files=() want=""
	cc_obj good.o 'void _start(void) {}'
	for i in $(seq 1 40); do
		cp good.o "g$i.o"
		files+=("g$i.o")
		[ $((i % 3)) -eq 0 ] || continue
		# e_shentsize (offset 58) 0: the section header table is bad.
		printf '\000\000' | dd of="g$i.o" bs=1 seek=58 conv=notrunc \
		    status=none
		want+="ld: g$i.o: bad section header table"$'\n'
	done
	run -1 --separate-stderr "$LD" --threads=1 -o out "${files[@]}"
	[ "$stderr" = "${want%$'\n'}" ]
	run -1 --separate-stderr "$LD" --threads=4 -o out "${files[@]}"
	[ "$stderr" = "${want%$'\n'}" ]
	assert_file_not_exists out
}

@test "objects after a linker script that adds inputs keep their place" {
	cc_obj a.o 'void _start(void) { extern void x(void), b(void); x(); b(); }'
	cc_obj x.o 'void x(void) {}'
	cc_obj b.o 'void b(void) {}'
	ar rcs libx.a x.o
	echo 'GROUP ( libx.a )' > libs.ld
	"$LD" --threads=2 -o out a.o libs.ld b.o
	# GNU ld's order: a.o, then the member the script's archive gives,
	# then b.o.
	run -0 sh -c "nm -n out | awk '\$3 == \"_start\" || \$3 == \"x\" || \$3 == \"b\" { print \$3 }' | tr '\n' ' '"
	assert_output "_start x b "
}
