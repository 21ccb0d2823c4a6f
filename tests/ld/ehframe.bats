#!/usr/bin/env bats
# .eh_frame of C++ links: the FDEs of COMDAT copies left out and of
# sections --gc-sections removed are dropped, and equal CIEs are kept
# once, as GNU ld does.  Exceptions thrown across objects and from a
# library must still be caught (through .eh_frame_hdr); readelf's frame
# dump of the output is compared with GNU ld's.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	need_cmd c++
	# The same inline and template functions (COMDAT groups) in each
	# object, and throws from one object to another and from a library.
	for n in a b c d; do
		write $n.cc "#include <map>
#include <stdexcept>
#include <string>
#include <vector>
int lib_throw(int);
int use_$n(int x) {
	std::vector<std::string> v; std::map<int, std::string> m;
	for (int i = 0; i < x; i++) { v.push_back(std::to_string(i)); m[i] = v.back(); }
	if (x > 3) throw std::runtime_error(\"$n \" + m[x - 1]);
	try { lib_throw(x); } catch (const std::exception &e) { return (int)v.size() + 100; }
	return (int)v.size();
}
int unused_$n(int x) { std::vector<long> w(x); return (int)w.size(); }"
	done
	write lib.cc '#include <stdexcept>
int lib_throw(int x) { if (x == 2) throw std::logic_error("lib"); return x; }'
	write m.cc '#include <cstdio>
#include <stdexcept>
int use_a(int); int use_b(int); int use_c(int); int use_d(int);
int main() {
	int (*f[])(int) = { use_a, use_b, use_c, use_d };
	for (int i = 0; i < 6; i++)
		try { std::printf("%d\n", f[i % 4](i)); }
		catch (const std::exception &e) { std::printf("caught %s\n", e.what()); }
}'
	c++ -O1 -ffunction-sections -fPIC -c a.cc b.cc c.cc d.cc m.cc lib.cc
	c++ -fuse-ld=bfd -shared -o libthrow.so lib.o
}

want='0
1
102
3
caught a 3
caught b 4'

# fdes FILE: the FDE count of readelf's frame dump; cies FILE likewise.
fdes() { readelf --debug-dump=frames "$1" | grep -c ' FDE '; }
cies() { readelf --debug-dump=frames "$1" | grep -c ' CIE'; }

# bad_fdes FILE: the FDEs whose start is 0 or outside every executable
# section, one a line.
bad_fdes() {
	local pc a n ok
	readelf -SW "$1" | sed 's/^.*\] //' | awk '$7 ~ /X/ { print $3, $5 }' > x.txt
	readelf --debug-dump=frames "$1" |
	    sed -n 's/.* FDE .*pc=\([0-9a-f]*\)\.\..*/\1/p' > pc.txt
	while read -r pc; do
		ok=0
		while read -r a n; do
			(( 16#$pc > 0 && 16#$pc >= 16#$a &&
			    16#$pc < 16#$a + 16#$n )) && ok=1
		done < x.txt
		[ $ok = 1 ] || echo "$pc"
	done < pc.txt
}

@test "C++ exceptions across objects and a library work with the FDEs dropped and CIEs merged" {
	ok_cxx -o ours m.o a.o b.o c.o d.o -L. -lthrow -Wl,-rpath,"$PWD"
	gnu_cxx -o theirs m.o a.o b.o c.o d.o -L. -lthrow -Wl,-rpath,"$PWD"
	same_run ours theirs
	[ "$(cat ours.out)" = "$want" ]
	run -0 bad_fdes ours
	assert_output ""
	# As many FDEs as GNU ld's, give or take a few, and no more CIEs.
	o=$(fdes ours) t=$(fdes theirs)
	echo "FDEs: ours $o, GNU ld's $t; CIEs: ours $(cies ours), GNU ld's $(cies theirs)"
	[ "$o" -le $((t + 2)) ] && [ "$o" -ge $((t - t / 20 - 2)) ]
	[ "$(cies ours)" -le "$(cies theirs)" ]
	run -0 elflint ours
	assert_output ""
}

@test "--gc-sections drops the FDEs of removed functions, as GNU ld does" {
	ok_cxx -Wl,--gc-sections -o ours m.o a.o b.o c.o d.o -L. -lthrow -Wl,-rpath,"$PWD"
	gnu_cxx -Wl,--gc-sections -o theirs m.o a.o b.o c.o d.o -L. -lthrow -Wl,-rpath,"$PWD"
	same_run ours theirs
	[ "$(cat ours.out)" = "$want" ]
	run -0 bad_fdes ours
	assert_output ""
	o=$(fdes ours) t=$(fdes theirs)
	echo "FDEs: ours $o, GNU ld's $t"
	[ "$o" -le $((t + 2)) ] && [ "$o" -ge $((t - t / 20 - 2)) ]
	run -1 sh -c "readelf -sW ours | grep -w _Z8unused_ai"
}

@test "a shared library of the same objects keeps one CIE per kind and its unwinding works" {
	ok_cxx -shared -o libabcd.so a.o b.o c.o d.o -L. -lthrow
	gnu_cxx -shared -o libabcd.gnu.so a.o b.o c.o d.o -L. -lthrow
	[ "$(cies libabcd.so)" -le "$(cies libabcd.gnu.so)" ]
	run -0 bad_fdes libabcd.so
	assert_output ""
	gnu_cxx -o prog m.o -L. -labcd -lthrow -Wl,-rpath,"$PWD"
	LD_LIBRARY_PATH=. run -0 ./prog
	assert_output "$want"
	run -0 elflint libabcd.so
	assert_output ""
}
