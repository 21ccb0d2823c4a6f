#!/bin/sh
# fuzz/ld_seed.sh DIR: a seed corpus for ld_input_fuzz: objects that link
# on their own (no undefined references), each prefixed with the byte of
# link options the harness reads first, and archives of them.  Covered:
# TLS of each model, IFUNC, merged strings, .eh_frame, COMDAT groups,
# init arrays and .ctors, common symbols, GOTPCRELX and TLS descriptors.
# The corpus is not committed.
set -e
dir=${1:?usage: fuzz/ld_seed.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/a.c" <<'C'
__thread int tls_i = 3; static __thread int tls_s; extern __thread int tls_e;
__thread int tls_e = 4;
int common_c; const char *msg = "hello"; const char *msg2 = "hello";
static int impl(void) { return 1; }
static void *resolve(void) { return (void *)impl; }
int ifn(void) __attribute__((ifunc("resolve")));
__attribute__((constructor(200))) static void ctor(void) { common_c++; }
int f(int n) { static const int t[] = { 1, 2, 3, 4, 5, 6 };
	switch (n) { case 0: return t[0]; case 1: return tls_s; case 2:
	return tls_e; case 3: return ifn(); case 4: return msg[0]; }
	return tls_i + t[n & 3]; }
void _start(void) { for (;;) f(common_c); }
C
cat > "$tmp/c.cc" <<'C'
template <class T> T twice(T x) { return x + x; }
inline int shared(int x) { return twice(x) + 1; }
extern "C" int g(int x) { return shared(x) + twice<long>(x); }
extern "C" void _start() { for (;;) g(1); }
C
cat > "$tmp/s.s" <<'S'
	.text
	.globl _start
_start:	movq f@GOTPCREL(%rip), %rax
	movq %fs:0, %rax
	leaq v@tlsgd(%rip), %rdi
	.byte 0x66, 0x66, 0x48
	call __tls_get_addr@PLT
	ret
f:	ret
	.globl __tls_get_addr
__tls_get_addr: ret
	.section .tdata,"awT",@progbits
v:	.quad 1
	.section .ctors,"aw"
	.quad f
	.section .rodata.str1.1,"aMS",@progbits,1
	.asciz "merge me"
	.asciz "merge"
	.section .note.GNU-stack,"",@progbits
S
n=0
seed() {	# seed FLAGSBYTE FILE NAME
	printf "\\$(printf %03o "$1")" > "$dir/$3"
	cat "$2" >> "$dir/$3"
}
for opt in -O0 -O2; do
	n=$((n + 1))
	cc $opt -fcommon -fno-pic -c -o "$tmp/a$n.o" "$tmp/a.c"
	cc $opt -fPIC -mtls-dialect=gnu2 -c -o "$tmp/p$n.o" "$tmp/a.c"
	c++ $opt -fno-exceptions -c -o "$tmp/c$n.o" "$tmp/c.cc"
	c++ $opt -ffunction-sections -fexceptions -c -o "$tmp/e$n.o" "$tmp/c.cc"
done
cc -c -o "$tmp/s.o" "$tmp/s.s"
i=0
for o in "$tmp"/*.o; do
	for flags in 0 6 14 66 130; do
		i=$((i + 1))
		seed "$flags" "$o" "obj$i"
	done
done
ar rcs "$tmp/lib.a" "$tmp/a1.o" "$tmp/s.o"
ar rcs "$tmp/libc.a" "$tmp/c1.o" "$tmp/e2.o"
seed 1 "$tmp/lib.a" whole1
seed 32 "$tmp/lib.a" lazy1
seed 33 "$tmp/libc.a" whole2
printf 'INPUT ( %s )\n' "$tmp/s.o" > "$tmp/script"
seed 0 "$tmp/script" script1
ls "$dir" | wc -l
