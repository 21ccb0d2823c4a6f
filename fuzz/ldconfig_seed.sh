#!/bin/sh
# fuzz/ldconfig_seed.sh DIR: seed inputs for ldconfig's harnesses, in
# DIR/cache (ldcache_fuzz: caches in the new, compat and old formats,
# with hwcaps, and this machine's own), DIR/elf (ldelf_fuzz: libraries of
# several machines and an a.out) and DIR/conf (ldconf_fuzz).
set -e
out=${1:?usage: ldconfig_seed.sh DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
ldc=$top/build/bin/ldconfig
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$out/cache" "$out/elf" "$out/conf" "$t/r/lib" "$t/r/etc" \
    "$t/r/usr/lib/glibc-hwcaps/x86-64-v3"
printf 'int f(void) { return 1; }\n' > "$t/f.c"
cc -shared -fPIC -Wl,-soname,libf.so.1 -o "$t/r/lib/libf.so.1" "$t/f.c"
cc -shared -fPIC -Wl,-soname,libg.so.2 -o "$t/r/lib/libg.so.2" "$t/f.c" -lm
cp "$t/r/lib/libf.so.1" "$t/r/usr/lib/glibc-hwcaps/x86-64-v3/"
cp "$t/r/lib/libf.so.1" "$out/elf/x86_64.so"
cp "$t/r/lib/libg.so.2" "$out/elf/x86_64-libm.so"
cc -m32 -shared -fPIC -o "$out/elf/i386.so" "$t/f.c" 2>/dev/null || true
clang -target aarch64-linux-gnu -shared -nostdlib -fPIC -fuse-ld=lld \
    -o "$out/elf/aarch64.so" "$t/f.c" 2>/dev/null || true
python3 "$top/tests/lib/mkaout" --family linux --magic qmagic \
    "$out/elf/libc4.so" 2>/dev/null || true
echo /usr/lib > "$t/r/etc/ld.so.conf"
for fmt in new compat old; do
	"$ldc" -r "$t/r" -X -c $fmt -C /etc/$fmt.cache
	cp "$t/r/etc/$fmt.cache" "$out/cache/$fmt"
done
[ ! -r /etc/ld.so.cache ] || cp /etc/ld.so.cache "$out/cache/host"
printf '/usr/lib\n/opt/lib=libc6\n# comment\ninclude conf.d/*.conf\n' \
    > "$out/conf/plain"
printf 'hwcap 1 x\ninclude /etc/a.conf /etc/b.conf\n/lib64=FOO \n' \
    > "$out/conf/odd"
