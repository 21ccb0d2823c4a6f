#!/bin/bash
# bench/ldconfig.sh: our ldconfig against glibc's, on the same roots.
#
#   bench/ldconfig.sh [N]      N libraries (default 2000)
#
# Workloads, built under ${OKBENCH:-/tmp/okbench}/ldconfig:
#   synth   N libraries in 4 directories, each with its soname link and a
#           libNAME.so development link (3N directory entries to scan)
#   system  a hard-linked copy of this machine's /usr/lib/x86_64-linux-gnu
# Both tools write a cache with -X (no links changed) and -i; the caches
# must be the same bytes, then each is timed (hyperfine when installed,
# else the median of a loop) and the ratio glibc/ours printed (> 1: we
# are faster).  Nothing outside the work directory is touched.
set -euo pipefail

N=${1:-2000}
top=$(cd "$(dirname "$0")/.." && pwd)
OURS=${OK_LDCONFIG:-$top/build/bin/ldconfig}
GLIBC=${GLIBC_LDCONFIG:-/sbin/ldconfig}
W=${OKBENCH:-/tmp/okbench}/ldconfig
GEN=$("$GLIBC" --version | head -1 |
    sed 's/ \([0-9][0-9.]*\)$/ stable release version \1/')

[ -x "$OURS" ] || { echo "build first: make" >&2; exit 1; }

# synth_root ROOT N: N libraries from one template whose soname is
# overwritten in place, so that building the root costs one link.
synth_root() {
	local r=$1 n=$2 ph=libPLACEHOLDER_SONAME_FOR_THE_BENCHMARK.so.99
	rm -rf "$r"
	mkdir -p "$r/etc" "$r/opt/d0" "$r/opt/d1" "$r/opt/d2" "$r/opt/d3"
	printf 'int f(void) { return 1; }\n' > "$W/t.c"
	cc -shared -fPIC -o "$W/t.so" -Wl,-soname,$ph "$W/t.c"
	python3 - "$r" "$n" "$ph" "$W/t.so" <<'EOF'
import os, sys
root, n, ph, tmpl = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode(), sys.argv[4]
data = open(tmpl, "rb").read()
for i in range(n):
    name = "libbench%d" % i
    soname = ("%s.so.%d" % (name, i % 7)).encode()
    d = "%s/opt/d%d" % (root, i % 4)
    real = "%s.so.%d.%d.%d" % (name, i % 7, i % 13, i % 3)
    with open("%s/%s" % (d, real), "wb") as f:
        f.write(data.replace(ph, soname + b"\0" * (len(ph) - len(soname))))
    os.symlink(real, "%s/%s" % (d, soname.decode()))
    os.symlink(soname.decode(), "%s/%s.so" % (d, name))
EOF
	printf '/opt/d0\n/opt/d1\n/opt/d2\n/opt/d3\n' > "$r/etc/ld.so.conf"
}

system_root() {
	local r=$1
	rm -rf "$r"
	mkdir -p "$r/etc" "$r/usr/lib"
	cp -al /usr/lib/x86_64-linux-gnu "$r/usr/lib/" 2>/dev/null ||
	    cp -a /usr/lib/x86_64-linux-gnu "$r/usr/lib/"
	ln -s usr/lib "$r/lib"
	echo /usr/lib/x86_64-linux-gnu > "$r/etc/ld.so.conf"
}

# timeit CMD...: median wall time in seconds of 11 runs.
timeit() {
	local i t0 t1
	for i in $(seq 11); do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		echo "$t1 - $t0" | bc -l
	done | sort -n | sed -n 6p
}

run_case() {
	local name=$1 r=$2 g o
	"$GLIBC" -r "$r" -i -X -C /etc/ref.cache
	"$OURS" -r "$r" -i -X -C /etc/ours.cache --generator "$GEN"
	if ! cmp -s "$r/etc/ref.cache" "$r/etc/ours.cache"; then
		echo "$name: caches DIFFER" >&2
		exit 1
	fi
	printf '%s: %d cache entries, %d directory entries, cache %d bytes, identical\n' \
	    "$name" "$("$OURS" -p -C "$r/etc/ours.cache" | sed -n '1s/ .*//p')" \
	    "$(find "$r" -path "$r/etc" -prune -o -print | wc -l)" \
	    "$(stat -c %s "$r/etc/ours.cache")"
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --warmup 2 --runs 15 --export-json "$W/$name.json" \
		    -n glibc "$GLIBC -r $r -i -X -C /etc/ref.cache" \
		    -n ours "$OURS -r $r -i -X -C /etc/ours.cache" >/dev/null
		read -r g o < <(python3 -c 'import json,sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print(r["glibc"], r["ours"])' "$W/$name.json")
	else
		g=$(timeit "$GLIBC" -r "$r" -i -X -C /etc/ref.cache)
		o=$(timeit "$OURS" -r "$r" -i -X -C /etc/ours.cache)
	fi
	printf '%s: glibc %.4f s, ours %.4f s, ratio %.2f\n' "$name" "$g" "$o" \
	    "$(echo "$g / $o" | bc -l)"
}

mkdir -p "$W"
synth_root "$W/synth" "$N"
run_case synth "$W/synth"
if [ -d /usr/lib/x86_64-linux-gnu ]; then
	system_root "$W/system"
	run_case system "$W/system"
fi
