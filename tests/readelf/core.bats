#!/usr/bin/env bats
# readelf on core files: headers, segments and the notes that hold the
# process state, judged against GNU readelf.

load ../lib/common
load ../lib/readelf

# crash_core: a core file of a program killed by SIGSEGV, as "core"
# (skips when the kernel writes cores elsewhere).
crash_core() {
	need_cmd cc
	grep -qx 'core' /proc/sys/kernel/core_pattern 2>/dev/null ||
	    skip "core_pattern is not plain 'core'"
	printf '%s\n' 'int main(void) { volatile int *p = 0; return *p; }' > c.c
	cc -o crash c.c
	(ulimit -c unlimited; ./crash) 2>/dev/null || true
	[ -f core ] || skip "no core file was written"
}

# gdb_core: a core file of a sleeping process, written by gcore.
gdb_core() {
	need_cmd cc
	need_cmd gcore
	printf '%s\n' '#include <unistd.h>' \
	    'int main(void) { sleep(20); return 0; }' > s.c
	cc -o sleeper s.c
	./sleeper &
	local pid=$!
	sleep 0.3
	gcore -o gc "$pid" >/dev/null 2>&1 || true
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -f "gc.$pid" ] || skip "gcore could not write a core file"
	mv "gc.$pid" gcore.core
}

@test "readelf -h -l -S on a kernel core file agree with GNU" {
	crash_core
	same_as_gnu -h core
	same_as_gnu -l -W core
	same_as_gnu -S core
	run -0 "$READELF" -h core
	assert_line --partial 'CORE (Core file)'
}

@test "readelf -n names the notes of a kernel core file as GNU" {
	crash_core
	same_as_gnu -n core
	same_as_gnu -n -W core
	run -0 "$READELF" -n core
	assert_line --partial 'NT_PRSTATUS (prstatus structure)'
	assert_line --partial 'NT_FILE (mapped files)'
	assert_line --partial 'NT_SIGINFO (siginfo_t data)'
}

@test "readelf -a on a kernel core file agrees with GNU" {
	crash_core
	same_as_gnu -a core
	same_as_gnu -a -W core
}

@test "readelf -a on a gcore core file, with sections, agrees with GNU" {
	gdb_core
	same_as_gnu -a gcore.core
	same_as_gnu -n -W gcore.core
	same_as_gnu -t gcore.core
}

@test "readelf -n decodes a 32-bit NT_FILE table in both byte orders as GNU" {
	local b
	need_cmd python3
	for b in little big; do
		python3 "$TOP/tests/lib/mkcore32.py" c32 $b ok
		same_as_gnu -n c32
		same_as_gnu -n -W c32
	done
	run -0 "$READELF" -n c32
	assert_line '    Page size: 4096'
	assert_line '    0xf7d00000  0xf7e00000  0x00000002'
	assert_line '        /lib/libc.so.6'
}

@test "readelf -n stops on malformed NT_FILE notes as GNU does" {
	local v
	need_cmd python3
	for v in count nonul short early; do
		python3 "$TOP/tests/lib/mkcore32.py" c32 little $v
		run "$READELF" -n c32
		[ "$status" -le 1 ]
		same_as_gnu -n c32
	done
}
