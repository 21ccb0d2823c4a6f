#!/usr/bin/env bats
# extern "C++" blocks in version scripts and dynamic lists: their
# patterns match demangled names, as with GNU ld.  Judged by GNU ld's
# .dynsym on the same inputs and by running a program.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	need_cmd c++
	write cx.cc 'namespace ns {
int f(int x) { return x; }
int g(double) { return 2; }
struct S { int m() const; int n(); };
int S::m() const { return 3; }
int S::n() { return 7; }
}
int plain(void) { return 4; }
extern "C" int cfun(void) { return 5; }
int other(char) { return 6; }'
	c++ -fPIC -c cx.cc
}

# The defined symbols of .dynsym with their versions, sorted.
dyn_defined() {
	readelf --dyn-syms -W "$1" |
	    awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $7 != "ABS" && $8 != "" { print $8 }' | sort
}

@test "extern \"C++\" patterns in a version script match demangled names" {
	write cx.map 'V1 {
  global:
    extern "C++" {
      ns::f*;
      "ns::S::m() const";
      other*;
    };
    cfun;
  local: *;
};'
	ok_cxx -shared -Wl,--version-script,cx.map -o libours.so cx.o
	gnu_cxx -shared -Wl,--version-script,cx.map -o libtheirs.so cx.o
	run -0 dyn_defined libours.so
	assert_line '_ZN2ns1fEi@@V1'
	assert_line '_ZNK2ns1S1mEv@@V1'
	assert_line '_Z5otherc@@V1'
	assert_line 'cfun@@V1'
	refute_line --partial '_ZN2ns1gEd'
	refute_line --partial '_ZN2ns1S1nEv'
	ours=$output
	run -0 dyn_defined libtheirs.so
	[ "$ours" = "$output" ]
}

@test "a quoted extern \"C++\" name is literal, an unquoted one a wildcard" {
	write cx.map '{
  global: extern "C++" { "ns::S::*"; ns::g*; };
  local: *;
};'
	ok_cxx -shared -Wl,--version-script,cx.map -o libours.so cx.o
	gnu_cxx -shared -Wl,--version-script,cx.map -o libtheirs.so cx.o
	run -0 dyn_defined libours.so
	assert_output '_ZN2ns1gEd'
	ours=$output
	run -0 dyn_defined libtheirs.so
	[ "$ours" = "$output" ]
}

@test "a program calls the functions an extern \"C++\" node exports" {
	write cx.map 'V1 { global: extern "C++" { ns::*; }; local: *; };'
	write main.cc '#include <cstdio>
namespace ns { int f(int); struct S { int m() const; int n(); }; }
int main() { ns::S s; std::printf("%d %d %d\n", ns::f(1), s.m(), s.n()); }'
	ok_cxx -shared -Wl,--version-script,cx.map -o libcx.so cx.o
	ok_cxx -o prog main.cc -L. -lcx
	LD_LIBRARY_PATH=. run -0 ./prog
	assert_output "1 3 7"
	run -0 elflint libcx.so
	assert_output ""
}

@test "extern \"C++\" in a dynamic list exports the demangled names it matches" {
	write m.cc 'namespace app { int hook(int x) { return x; } int keep(int x) { return x; } }
int main() { return app::hook(0) + app::keep(0); }'
	write list '{ extern "C++" { app::hook*; }; };'
	c++ -c m.cc
	ok_cxx -Wl,--dynamic-list=list -o ours m.o
	gnu_cxx -Wl,--dynamic-list=list -o theirs m.o
	run -0 dyn_defined ours
	assert_output '_ZN3app4hookEi'
	ours=$output
	run -0 dyn_defined theirs
	[ "$ours" = "$output" ]
}
