# tests/lib/nm.bash: helpers for the nm and size tests.  GNU binutils is
# the independent judge: a fixture is listed by both and the outputs must
# be byte-identical.

bats_require_minimum_version 1.5.0

# same_as_gnu nm|size ARGS...: our tool and GNU's print the same standard
# output (and the same exit status).
same_as_gnu() {
	local tool=$1 gs os
	shift
	need_cmd "$tool"
	"/usr/bin/$tool" "$@" > gnu.out 2> gnu.err
	gs=$?
	"$OBJKIT_BIN/$tool" "$@" > ours.out 2> ours.err
	os=$?
	diff -u gnu.out ours.out
	[ "$gs" = "$os" ] || { echo "status: GNU $gs, ours $os"; return 1; }
}

# fixture_objects: a small set of objects covering every symbol kind.
fixture_objects() {
	cc_obj kinds.o '
int common_var;
static int static_var = 3;
int data_var = 4;
const int rodata_var = 5;
__thread int tls_var;
extern int undefined_var;
__attribute__((weak)) int weak_fn(void) { return 1; }
__attribute__((weak)) int weak_obj = 2;
extern void weak_undef(void) __attribute__((weak));
static int static_fn(void) { return static_var + undefined_var; }
int global_fn(void) { if (weak_undef) weak_undef(); return static_fn() + tls_var; }
int zero_bss;' -fcommon -g
	cc_obj other.o 'int other_fn(int x) { return x * 2; } char big_buf[100];'
	cc_obj empty.o ''
}

# fixture_cxx OUT.o: an object with C++ mangled names.
fixture_cxx() {
	need_cmd c++
	printf '%s\n' 'namespace ns { struct S { int f(int); static int g; }; }
int ns::S::f(int x) { return x + g; }
int ns::S::g = 1;
template <class T> T twice(T x) { return x + x; }
int use() { return twice(1) + (int)twice(2.0); }' > cxx.cc
	c++ -c -o "$1" cxx.cc
}
