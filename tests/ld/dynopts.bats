#!/usr/bin/env bats
# --wrap, --defsym, --dynamic-list and -z text: the programs they make
# run as GNU ld's do.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
}

@test "--wrap sends calls to __wrap_SYM and __real_SYM to SYM" {
	write w.c '#include <stdio.h>
#include <stdlib.h>
void *__real_malloc(size_t);
void *__wrap_malloc(size_t n) { printf("malloc(%zu)\n", n); return __real_malloc(n); }
int main(void) { void *p = malloc(10); free(p); puts("done"); return 0; }'
	cc -c w.c
	ok_cc -Wl,--wrap=malloc -o ours w.o
	gnu_cc -Wl,--wrap=malloc -o theirs w.o
	same_run ours theirs
	run -0 cat ours.out
	assert_output "malloc(10)
done"
}

@test "--defsym defines absolute symbols and aliases" {
	write d.c '#include <stdio.h>
extern char magic[];
int other(void) { return 5; }
int alias(void);
int main(void) { printf("%lx %d\n", (unsigned long)magic, alias()); return 0; }'
	cc -fno-pie -c d.c
	ok_cc -no-pie -Wl,--defsym=magic=0x1234 -Wl,--defsym,alias=other -o ours d.o
	run -0 ./ours
	assert_output "1234 5"
	run -0 readelf -sW ours
	assert_line --regexp '0+1234 +0 NOTYPE +GLOBAL DEFAULT +ABS magic$'
}

@test "--defsym of an undefined symbol is an error and leaves no output" {
	cc_obj d.o 'int main(void) { return 0; }'
	run -1 --separate-stderr ok_cc -Wl,--defsym,x=nothere -o ours d.o
	stderr_has "undefined symbol: nothere"
	[ ! -e ours ]
}

@test "--dynamic-list exports the functions it names, and only those" {
	write m.c '#include <dlfcn.h>
#include <stdio.h>
int pub_one(void) { return 1; }
int priv_two(void) { return 2; }
int main(void) {
	void *a = dlsym(RTLD_DEFAULT, "pub_one"), *b = dlsym(RTLD_DEFAULT, "priv_two");
	printf("%d %d\n", a != 0, b != 0);
	return 0;
}'
	write list '{ pub_*; };'
	ok_cc -Wl,--dynamic-list=list -o ours m.c -ldl
	run -0 ./ours
	assert_output "1 0"
}

@test "an absolute address in read-only data of a PIE warns of DT_TEXTREL; -z text refuses" {
	write t.s '.section .rodata,"a"
	.globl tab
tab:	.quad main
	.text
	.globl main
main:	xorl %eax, %eax
	ret'
	as -o t.o t.s
	run -0 --separate-stderr ok_cc -o ours t.o
	stderr_has "ld: warning: creating DT_TEXTREL in a PIE"
	[ -n "$(dyntag ours TEXTREL)" ]
	run -0 ./ours
	run -1 --separate-stderr ok_cc -Wl,-z,text -o bad t.o
	stderr_has "-z text"
	[ ! -e bad ]
}
