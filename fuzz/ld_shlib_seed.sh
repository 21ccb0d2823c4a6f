#!/bin/sh
# fuzz/ld_shlib_seed.sh DIR: a seed corpus for ld_shlib_fuzz: shared
# libraries with symbol versions (foo@V1, foo@@V2), DT_NEEDED entries,
# DT_RUNPATH, TLS, copy-relocatable data and undefined references, each
# prefixed with the byte of link options the harness reads first.  The
# corpus is not committed.
set -e
dir=${1:?usage: fuzz/ld_shlib_seed.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/v.c" <<'C'
int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old, foo@V1");
__asm__(".symver foo_new, foo@@V2");
int bar(void) { extern int missing(void); return missing(); }
int environ_copy[4] = { 1 };
__thread int tls = 3;
C
printf 'V1 { global: foo; bar; environ_copy; tls; local: *; };\nV2 { global: foo; } V1;\n' \
    > "$tmp/v.map"
cat > "$tmp/n.c" <<'C'
int foo(void) { return 7; }
int bar(void) { return 8; }
C
cc -fPIC -shared -Wl,--version-script,"$tmp/v.map" -o "$tmp/libv.so" \
    "$tmp/v.c"
cc -fPIC -shared -Wl,-soname,libn.so.1 -Wl,--enable-new-dtags \
    -Wl,-rpath,'$ORIGIN/lib' -o "$tmp/libn.so" "$tmp/n.c" -lm
cc -fPIC -shared -Wl,--hash-style=sysv -o "$tmp/libs.so" "$tmp/n.c"
seed() {	# seed FLAGSBYTE FILE NAME
	printf "\\$(printf %03o "$1")" > "$dir/$3"
	cat "$2" >> "$dir/$3"
}
i=0
for so in "$tmp"/*.so; do
	for flags in 0 1 2 3 6 18 24 50; do
		i=$((i + 1))
		seed "$flags" "$so" "so$i"
	done
done
ls "$dir" | wc -l
