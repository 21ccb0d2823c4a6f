#!/bin/sh
# fuzz/seed.sh DIR: a seed corpus for the ELF and archive harnesses,
# made from compiler output: objects of several classes, byte orders and
# machines, a shared library with versions, GNU, thin and BSD archives.
# The corpus is not committed.
set -e
dir=${1:?usage: fuzz/seed.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/x.c" <<'C'
int counter = 1; static int hidden; int common_thing;
__thread int tls_var = 3; const char msg[] = "hello";
extern int undefined_var;
__attribute__((weak)) int weak_fn(void) { return hidden; }
int global_fn(int n) { return n + counter + undefined_var + tls_var; }
C
cc -c -g -fcommon -o "$dir/x86_64.o" "$tmp/x.c"
cc -c -m32 -o "$dir/i386.o" "$tmp/x.c" 2>/dev/null || true
for t in aarch64-linux-gnu arm-linux-gnueabihf mips-linux-gnu \
    powerpc64-linux-gnu s390x-linux-gnu riscv64-linux-gnu; do
	clang -target $t -c -o "$dir/$t.o" "$tmp/x.c" 2>/dev/null || true
done
printf 'V1 { global: global_fn; local: *; };\n' > "$tmp/v.map"
cc -shared -fPIC -o "$dir/libx.so" -Wl,--version-script="$tmp/v.map" \
    "$tmp/x.c"
cp "$dir/x86_64.o" "$tmp/a_long_member_name_here.o"
(cd "$dir" && ar rc "$dir/gnu.a" x86_64.o "$tmp/a_long_member_name_here.o")
(cd "$dir" && ar rcT "$dir/thin.a" x86_64.o)
if command -v llvm-ar >/dev/null 2>&1; then
	llvm-ar --format=bsd rc "$dir/bsd.a" "$dir/x86_64.o" \
	    "$tmp/a_long_member_name_here.o"
fi
ls "$dir"
