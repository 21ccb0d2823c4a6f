#!/usr/bin/env bats
# Links at the edges of the process's limits.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

@test "ld links more objects than the open-file limit allows at once" {
	# 120 objects, each adding 1 to %ebx; _start calls them all and
	# exits with the sum.  A descriptor kept per input runs out at 40.
	local i calls=
	for i in $(seq 1 120); do
		printf '.text\n.globl f%d\nf%d: add $1, %%ebx\nret\n' "$i" "$i" > "f$i.s"
		as -o "f$i.o" "f$i.s"
		calls="$calls call f$i;"
	done
	printf '.text\n.globl _start\n_start: xor %%ebx, %%ebx\n%s\nmov %%ebx, %%edi\nmov $60, %%eax\nsyscall\n' \
	    "$(printf '%s' "$calls" | tr ';' '\n')" > start.s
	as -o start.o start.s
	run -0 bash -c "ulimit -n 40 && \"$LD\" -o out start.o f*.o"
	run -120 ./out
}
