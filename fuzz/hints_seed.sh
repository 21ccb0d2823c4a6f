#!/bin/sh
# fuzz/hints_seed.sh DIR: seed inputs for hints_fuzz, made by our ldconfig
# from a scratch tree (a.out v1/v2, 4/8-byte longs, both byte orders, ELF).
set -e
out=${1:?usage: hints_seed.sh DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
ldc=$top/build/bin/ldconfig
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$out" "$t/lib"
for f in libc.so.96.0 libc.so.97.1 libm.so.10.1 libz.so.7.0 libutil.so.17.0; do
	: > "$t/lib/$f"
done
"$ldc" -b -s -f "$out/v2-lp64" "$t/lib"
"$ldc" -b -s --word-size 4 -f "$out/v2-ilp32" "$t/lib"
"$ldc" -b -s --big-endian -f "$out/v2-lp64-be" "$t/lib"
"$ldc" -b -s --hints-version 1 --word-size 4 -f "$out/v1-ilp32" "$t/lib"
"$ldc" -b -s --elf -f "$out/elf" "$t/lib"
