#!/usr/bin/env bats
# Static C programs linked with our ld run like GNU ld's.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
}

@test "cc -B finds our ld" {
	run -0 cc -B "$OBJKIT_BIN/" -print-prog-name=ld
	assert_output "$OBJKIT_BIN/ld"
}

@test "a static hello world links and runs" {
	write hello.c '#include <stdio.h>
int main(void) { puts("hello, world"); return 3; }'
	ok_cc -static -o hello hello.c
	run -3 ./hello
	assert_output "hello, world"
}

@test "stdio, malloc, qsort and setjmp behave as with GNU ld" {
	write m.c '#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static jmp_buf jb;
static int cmp(const void *a, const void *b) { return *(int *)a - *(int *)b; }
int main(void) {
	int v[] = { 9, 2, 7, 4, 1 }, i;
	char *p = malloc(64);
	qsort(v, 5, sizeof v[0], cmp);
	for (i = 0; i < 5; i++) printf("%d ", v[i]);
	strcpy(p, "copied"); printf("%s %zu %.2f\n", p, strlen(p), 2.5);
	free(p);
	if (setjmp(jb) == 0) longjmp(jb, 1);
	puts("after longjmp");
	return 0;
}'
	cc -O2 -c m.c
	ok_cc -static -o ours m.o
	gnu_cc -static -o theirs m.o
	same_run ours theirs
}

@test "IFUNC string functions are resolved through IRELATIVE relocations" {
	write s.c '#include <string.h>
#include <stdio.h>
int main(int argc, char **argv) {
	char buf[32];
	memcpy(buf, "abcdef", 7);
	printf("%zu %d %s\n", strlen(buf), strcmp(buf, "abc") > 0, strchr(buf, 100));
	return 0;
}'
	ok_cc -O1 -static -o s s.c
	run -0 ./s
	assert_output "6 1 def"
	run -0 readelf -rW s
	assert_output --partial "R_X86_64_IRELATIVE"
	run -0 readelf -hW s
	assert_output --partial "UNIX - GNU"
}

@test "thread-local variables work in the main thread and in threads" {
	write t1.c '#include <pthread.h>
#include <stdio.h>
__thread int a = 5;
__thread int b;
extern __thread int c;
int get_c(void);
static void *run(void *p) { a += 10; b = 2; return (void *)(long)(a + b + c); }
int main(void) {
	pthread_t t; void *r;
	pthread_create(&t, 0, run, 0);
	pthread_join(t, &r);
	printf("%ld %d %d %d\n", (long)r, a, b, get_c());
	return 0;
}'
	write t2.c 'static __thread int d = 4;
__thread int c = 100;
int get_c(void) { return c + d++; }'
	cc -O2 -c t1.c
	cc -O2 -fPIC -c t2.c
	ok_cc -static -pthread -o ours t1.o t2.o
	gnu_cc -static -pthread -o theirs t1.o t2.o
	same_run ours theirs
	run -0 cat ours.out
	assert_output "117 5 0 104"
	run -0 readelf -lW ours
	assert_output --partial "TLS"
}

@test "general and local dynamic TLS are rewritten to local exec" {
	write g.c '__thread int gv = 7;
static __thread int lv = 9;
int get(void) { return gv + lv; }'
	write main.c '#include <stdio.h>
int get(void);
int main(void) { printf("%d\n", get()); return 0; }'
	cc -O2 -fPIC -ftls-model=global-dynamic -c g.c
	run -0 readelf -rW g.o
	assert_output --partial "R_X86_64_TLSGD"
	cc -c main.c
	ok_cc -static -o p main.o g.o
	run -0 ./p
	assert_output "16"
}

@test "constructors run in priority order and destructors run" {
	write c.c '#include <stdio.h>
__attribute__((constructor(300))) static void c300(void) { puts("300"); }
__attribute__((constructor(101))) static void c101(void) { puts("101"); }
__attribute__((constructor)) static void plain(void) { puts("plain"); }
__attribute__((destructor)) static void bye(void) { puts("bye"); }
int main(void) { puts("main"); return 0; }'
	ok_cc -static -o c c.c
	run -0 ./c
	assert_output "$(printf '101\n300\nplain\nmain\nbye')"
}

@test "common symbols from two objects become one variable" {
	write a.c 'int shared[4]; int get(void);
#include <stdio.h>
int main(void) { shared[1] = 5; printf("%d\n", get()); return 0; }'
	write b.c 'int shared[8]; int get(void) { return shared[1] + sizeof shared; }'
	cc -fcommon -c a.c b.c
	ok_cc -static -o p a.o b.o
	run -0 ./p
	assert_output "37"
}

@test "weak undefined symbols resolve to zero" {
	write w.c '#include <stdio.h>
extern int missing(void) __attribute__((weak));
int main(void) { printf("%d\n", missing == 0); return 0; }'
	ok_cc -static -o w w.c
	run -0 ./w
	assert_output "1"
}

@test "__start_ and __stop_ bound a section named like a C identifier" {
	write s.c '#include <stdio.h>
__attribute__((section("mytab"), used)) static int x1 = 1;
__attribute__((section("mytab"), used)) static int x2 = 2;
extern int __start_mytab[], __stop_mytab[];
int main(void) { printf("%d\n", (int)(__stop_mytab - __start_mytab)); return 0; }'
	ok_cc -static -o s s.c
	run -0 ./s
	assert_output "2"
}

@test "the output passes eu-elflint and has GNU ld's segment layout" {
	write hello.c '#include <stdio.h>
int main(void) { puts("hi"); return 0; }'
	ok_cc -static -o hello hello.c
	run -0 elflint hello
	assert_output ""
	run -0 readelf -lW hello
	assert_line --regexp '^ +LOAD +0x000000 0x0000000000400000 .* R +0x1000$'
	assert_line --regexp '^ +LOAD .* R E +0x1000$'
	assert_line --regexp '^ +LOAD .* RW +0x1000$'
	assert_line --regexp '^ +GNU_STACK .* RW +0x10$'
	assert_line --regexp '^ +NOTE '
}

@test "two links of the same inputs are identical" {
	write hello.c '#include <stdio.h>
int main(void) { puts("hi"); return 0; }'
	cc -c hello.c
	ok_cc -static -o one hello.o
	ok_cc -static -o two hello.o
	cmp one two
}

@test "--build-id writes a SHA-1 note that depends on the contents" {
	write a.c 'int main(void) { return 0; }'
	write b.c 'int main(void) { return 1; }'
	ok_cc -static -Wl,--build-id=sha1 -o a a.c
	ok_cc -static -Wl,--build-id=sha1 -o b b.c
	run -0 readelf -nW a
	assert_output --regexp 'Build ID: [0-9a-f]{40}'
	ida=$(readelf -nW a | sed -n 's/.*Build ID: //p')
	idb=$(readelf -nW b | sed -n 's/.*Build ID: //p')
	[ "$ida" != "$idb" ]
}

# The ID is the hash of the file with the ID bytes zero: recompute it.
check_id() {
	local file=$1 len=$2 sum=$3 off id
	off=$(readelf -SW "$file" | sed -n \
	    's/.*\.note\.gnu\.build-id *NOTE *[0-9a-f]* \([0-9a-f]*\).*/\1/p')
	id=$(readelf -nW "$file" | sed -n 's/.*Build ID: //p')
	cp "$file" zeroed
	dd if=/dev/zero of=zeroed bs=1 seek=$((0x$off + 16)) count="$len" \
	    conv=notrunc status=none
	[ "$($sum zeroed | cut -d" " -f1)" = "$id" ]
}

@test "the SHA-1 build ID is the SHA-1 of the output" {
	write a.c 'int main(void) { return 0; }'
	ok_cc -static -Wl,--build-id=sha1 -o s a.c
	check_id s 20 sha1sum
}

@test "a build ID of an output over 4 MiB hashes the hashes of its 4 MiB pieces" {
	need_cmd python3
	write big.c 'char big[9 << 20] = { 1 };
int main(void) { return big[0] - 1; }'
	cc -c big.c
	ok_cc -static -Wl,--build-id=sha1 -o s big.o
	ok_cc -static -Wl,--build-id=sha1,--threads=1 -o s1 big.o
	cmp s s1
	run -0 ./s
	local off
	off=$(readelf -SW s | sed -n \
	    's/.*\.note\.gnu\.build-id *NOTE *[0-9a-f]* \([0-9a-f]*\).*/\1/p')
	id=$(readelf -nW s | sed -n 's/.*Build ID: //p')
	# Recomputed apart: the ID bytes zero, SHA-1 of each piece, SHA-1 of
	# the digests.
	run -0 python3 -c '
import hashlib, sys
data = bytearray(open(sys.argv[1], "rb").read())
off = int(sys.argv[2], 16) + 16
data[off:off + 20] = bytes(20)
assert len(data) > 8 << 20
piece = 4 << 20
d = b"".join(hashlib.sha1(data[i:i + piece]).digest()
    for i in range(0, len(data), piece))
print(hashlib.sha1(d).hexdigest())' s "$off"
	[ "$output" = "$id" ]
}

@test "--build-id=md5 and --build-id=0xHEX give the IDs asked for" {
	write a.c 'int main(void) { return 0; }'
	ok_cc -static -Wl,--build-id=md5 -o m a.c
	check_id m 16 md5sum
	ok_cc -static -Wl,--build-id=0xdeadbeef -o h a.c
	run -0 readelf -nW h
	assert_output --partial 'Build ID: deadbeef'
}

@test "equal string literals of two objects are merged into one" {
	write a.c 'const char *fa(void) { return "objkit-merge-me"; }'
	write b.c '#include <stdio.h>
const char *fa(void);
int main(void) { const char *b = "objkit-merge-me";
	printf("%s %d\n", fa(), fa() == b); return 0; }'
	cc -O2 -c a.c b.c
	run -0 readelf -SW a.o
	assert_output --regexp '\.rodata\.str1\.1 .* AMS '
	ok_cc -static -o p a.o b.o
	run -0 ./p
	assert_output "objkit-merge-me 1"
	run -0 sh -c 'strings -a p | grep -c objkit-merge-me'
	assert_output "1"
}

@test "a program using libcrypto.a computes SHA-256 correctly" {
	[ -f /usr/include/openssl/sha.h ] && [ -f "$(cc -print-file-name=libcrypto.a)" ] ||
	    skip "libssl-dev is not installed"
	write sha.c '#include <openssl/sha.h>
#include <stdio.h>
int main(void) {
	unsigned char md[SHA256_DIGEST_LENGTH];
	int i;
	SHA256((const unsigned char *)"objkit", 6, md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++) printf("%02x", md[i]);
	printf("\n");
	return 0;
}'
	cc -O2 -Wno-deprecated-declarations -c sha.c
	ok_cc -static -pthread -o sha sha.o -lcrypto
	run -0 ./sha
	assert_output "$(printf objkit | sha256sum | cut -d' ' -f1)"
}

@test "a .gnu.warning section warns about each object using the symbol" {
	write g.c 'char *gets(char *);
int main(void) { char b[8]; gets(b); return 0; }'
	cc -c g.c
	run -0 --separate-stderr ok_cc -static -o g g.o
	stderr_has "ld: warning: g.o: the \`gets' function is dangerous"
}

@test "clang's static links work with our ld too" {
	need_cmd clang
	write hello.c '#include <stdio.h>
int main(void) { printf("%s\n", "from clang"); return 0; }'
	clang -B "$OBJKIT_BIN/" -static -o hello hello.c
	run -0 ./hello
	assert_output "from clang"
	run -0 readelf -lW hello
	assert_output --partial "GNU_EH_FRAME"
}

@test "-z relro pages become read-only after startup; -z norelro keeps them writable" {
	write m.c '#include <stdio.h>
#include <string.h>
int main(void) {
	FILE *f = fopen("/proc/self/maps", "r"); char l[256]; int ro = 0;
	while (fgets(l, sizeof l, f)) if (strstr(l, "r--p") && strstr(l, "/p")) ro++;
	printf("%d\n", ro);
	return 0;
}'
	ok_cc -static -Wl,-z,relro -o p m.c
	run -0 readelf -lW p
	assert_output --partial "GNU_RELRO"
	run -0 ./p
	assert_output "3"
	ok_cc -static -Wl,-z,norelro -o p m.c
	run -0 readelf -lW p
	refute_output --partial "GNU_RELRO"
	run -0 ./p
	assert_output "2"
}

@test "-O3 objects with function and data sections and hidden symbols link" {
	write a.c '#include <stdio.h>
__attribute__((visibility("hidden"))) int hidden_counter = 40;
__attribute__((visibility("protected"))) int prot(int x) { return x + 1; }
int twice(int);
int main(void) { printf("%d\n", twice(prot(hidden_counter))); return 0; }'
	write b.c 'static int unused_static_table[64] = { 1 };
int get_unused(int i) { return unused_static_table[i]; }
int twice(int x) { return 2 * x; }'
	cc -O3 -ffunction-sections -fdata-sections -c a.c b.c
	ok_cc -static -Wl,--gc-sections -Wl,--print-gc-sections -o p a.o b.o 2> gc.txt
	run -0 ./p
	assert_output "82"
	run -0 cat gc.txt
	assert_output --partial "removing unused section '.text.get_unused' in file 'b.o'"
	run -0 readelf -sW p
	assert_output --regexp 'LOCAL +HIDDEN +[0-9]+ hidden_counter'
}
