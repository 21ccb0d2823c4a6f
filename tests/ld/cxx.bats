#!/usr/bin/env bats
# Static C++ programs: iostream, templates (COMDAT), exceptions.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	need_static_libstdcxx
}

@test "C++ with iostream, containers and exceptions across objects runs like GNU ld's" {
	write a.cc '#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>
void thrower(int);
int use(void);
template <class T> T twice(T x) { return x + x; }
struct G { G() { std::cout << "ctor\n"; } ~G() { std::cout << "dtor\n"; } } g;
int main() {
	std::map<std::string, int> m;
	for (auto s : std::vector<std::string>{ "b", "a" }) m[s] = s[0];
	for (auto &p : m) std::cout << p.first << "=" << p.second << "\n";
	try { thrower(3); } catch (const std::runtime_error &e) {
		std::cout << "caught " << e.what() << "\n"; }
	try { thrower(0); } catch (int i) { std::cout << "int " << i << "\n"; }
	std::cout << twice(21) << " " << use() << std::endl;
}'
	write b.cc '#include <stdexcept>
#include <string>
template <class T> T twice(T x) { return x + x; }
int use(void) { return twice(4); }
void thrower(int n) {
	if (n) throw std::runtime_error("boom " + std::to_string(n));
	throw 7;
}'
	c++ -O2 -c a.cc b.cc
	ok_cxx -static -o ours a.o b.o
	gnu_cxx -static -o theirs a.o b.o
	same_run ours theirs
	run -0 cat ours.out
	assert_line "caught boom 3"
	assert_line "int 7"
	assert_line "dtor"
}

@test "a template instantiated in two objects is kept once" {
	write t.h 'template <class T> int __attribute__((noinline)) tmpl(T x) { return (int)sizeof(x) + 1; }'
	write a.cc '#include "t.h"
int fa() { return tmpl(1); }'
	write b.cc '#include "t.h"
int fa();
int main() { return fa() + tmpl(2) == 10 ? 0 : 1; }'
	c++ -O1 -c a.cc b.cc
	ok_cxx -static -o p a.o b.o
	run -0 ./p
	run -0 sh -c "readelf -sW p | grep -c ' _Z4tmplIiEiT_$'"
	assert_output "1"
}

@test "--eh-frame-hdr gives a PT_GNU_EH_FRAME that unwinding uses" {
	write e.cc '#include <cstdio>
int f(int n) { if (n > 2) throw n; return f(n + 1); }
int main() { try { f(0); } catch (int i) { std::printf("%d\n", i); } }'
	c++ -c e.cc
	ok_cxx -static -Wl,--eh-frame-hdr -o e e.o
	run -0 ./e
	assert_output "3"
	run -0 readelf -lW e
	assert_output --partial "GNU_EH_FRAME"
	run -0 elflint e
	assert_output ""
}

@test "the .eh_frame_hdr table is sorted when the code is not in .eh_frame order" {
	# .text.unlikely and .text.startup go before .text, so the FDEs of
	# b.o come before a.o's in .eh_frame but not in the address order
	# the unwinder's binary search needs.
	write a.cc 'int g(int n) { if (n > 2) throw n; return g(n + 1) + 1; }'
	write b.cc '#include <cstdio>
int g(int);
__attribute__((section(".text.unlikely.h"))) int h(int n) { return g(n); }
__attribute__((section(".text.startup.k"))) int k(int n) { return h(n) * 2; }
int main() { try { k(0); } catch (int i) { std::printf("%d\n", i); } }'
	c++ -O0 -c a.cc b.cc
	ok_cxx -Wl,--eh-frame-hdr -o e b.o a.o
	run -0 ./e
	assert_output "3"
	run -0 readelf -SW e
	local off n
	off=$(awk '$2 == ".eh_frame_hdr" { print $5 }' <<< "${output//\[ /[}")
	[ -n "$off" ]
	# The table: 8-byte (location, FDE) pairs after 12 bytes of header,
	# locations signed 32-bit, ascending.
	run -0 python3 -c '
import struct, sys
d = open(sys.argv[1], "rb").read()
off = int(sys.argv[2], 16)
n = struct.unpack_from("<I", d, off + 8)[0]
locs = [struct.unpack_from("<i", d, off + 12 + 8 * i)[0] for i in range(n)]
print(n, locs == sorted(locs))' e "$off"
	assert_output --regexp ' True$'
}

@test "--gc-sections removes unused functions and keeps exceptions working" {
	write g.cc '#include <cstdio>
void unused_function_xyz() { std::puts("never"); }
int f(int n) { if (n) throw n; return 0; }
int main() { try { f(5); } catch (int i) { std::printf("%d\n", i); } }'
	c++ -ffunction-sections -c g.cc
	ok_cxx -static -Wl,--gc-sections -o g g.o
	run -0 ./g
	assert_output "5"
	run -0 readelf -sW g
	refute_output --partial "unused_function_xyz"
	ok_cxx -static -o full g.o
	[ "$(stat -c %s g)" -lt "$(stat -c %s full)" ]
}
