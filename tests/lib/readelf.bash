# tests/lib/readelf.bash: helpers for the readelf tests (load after common).
bats_require_minimum_version 1.5.0

# same_as_gnu ARGS... FILE: our standard output must equal GNU readelf's,
# byte for byte; on a difference the diff is shown.
same_as_gnu() {
	need_cmd readelf
	/usr/bin/readelf "$@" > gnu.out 2>/dev/null || true
	"$READELF" "$@" > ours.out 2>/dev/null || true
	diff -u gnu.out ours.out
}

# cross_obj TARGET OUT.o: a small C object for another target (skips when
# clang cannot build it); it has data, TLS, a weak function and calls.
cross_obj() {
	clang_obj "$1" "$2" '
extern int ext(int);
static int counter;
__thread int tls_var = 3;
int data_var[4] = { 1, 2, 3, 4 };
const char *str = "hello";
int weak_fn(void) __attribute__((weak));
int weak_fn(void) { return 1; }
int call(int x) { counter += ext(x); return counter + data_var[x & 3] + tls_var; }' -O1 -fPIC
}

# cross_so TARGET OUT.so: a shared library linked by lld from cross_obj.
cross_so() {
	cross_obj "$1" "${2%.so}.o"
	command -v ld.lld >/dev/null 2>&1 || skip "ld.lld is not installed"
	clang -target "$1" -shared -nostdlib -fuse-ld=lld -o "$2" \
	    "${2%.so}.o" 2>/dev/null || skip "lld cannot link for $1"
}

# host_so OUT.so: a versioned shared library built with the system cc.
host_so() {
	printf '%s\n' 'V1 { global: v1_fn; local: *; };' \
	    'V2 { global: v2_fn; } V1;' > v.map
	printf '%s\n' '#include <stdio.h>' 'int v1_fn(void) { return puts("a"); }' \
	    'int v2_fn(void) { return 2; }' > so.c
	cc -shared -fPIC -Wl,--version-script=v.map -Wl,-soname,libv.so.1 \
	    -o "$1" so.c
}
