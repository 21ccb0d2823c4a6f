#!/bin/sh
# bench/ar.sh: our ar and ranlib against GNU ar and llvm-ar, in the same
# run, on the same inputs:
#   - ar rcs of 5,000 small objects (40 global functions each)
#   - ar t and ar x of that archive
#   - ranlib of a copy of a big static library (libcrypto.a)
# Prints the sizes of the inputs, then for each case the median wall time
# and the mean CPU time (user + system: steadier on a shared machine) of
# each tool, and ours as a fraction of the others' (below 1 is faster).
# Uses hyperfine when installed, else a loop over `date +%s.%N`.
#
#   OBJKIT_BIN=build/bin sh bench/ar.sh      (make bench does this)
#   NOBJ=2000 RUNS=5 sh bench/ar.sh
set -eu

BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/.." && pwd)/build/bin}
NOBJ=${NOBJ:-5000}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
BIG=${BIG:-/usr/lib/x86_64-linux-gnu/libcrypto.a}
W=${OKBENCH:-/tmp/okbench}/ar
export LC_ALL=C
mkdir -p "$W"
cd "$W"

# One compiled template; the copies differ only in the digits of their
# symbol names (same lengths, so the bytes can be patched in place).
if [ ! -f objs/o$((NOBJ - 1)).o ]; then
	rm -rf objs && mkdir objs
	i=0
	: > t.c
	while [ $i -lt 40 ]; do
		echo "int f_XXXXX_$i(int x) { return x * $i + $i; }" >> t.c
		i=$((i + 1))
	done
	cc -O1 -c -o t.o t.c
	python3 - "$NOBJ" <<'EOF'
import sys
t = open("t.o", "rb").read()
for i in range(int(sys.argv[1])):
    open("objs/o%d.o" % i, "wb").write(t.replace(b"XXXXX", b"%05d" % i))
EOF
fi
ls objs/*.o | sort -V > objs.list
echo "inputs: $NOBJ objects, $(du -sk objs | cut -f1) KiB, $((NOBJ * 40)) global symbols"
[ -f "$BIG" ] && echo "ranlib input: $BIG, $(du -k "$BIG" | cut -f1) KiB," \
    "$(/usr/bin/ar t "$BIG" | wc -l) members"

# time_cmd NAME PREPARE COMMAND: median of RUNS runs, in seconds.
time_cmd() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w "$WARMUP" -r "$RUNS" --prepare "$2" --export-json t.json \
		    "$3" >/dev/null 2>&1 || { echo "nan nan"; return; }
		python3 -c 'import json; r = json.load(open("t.json"))["results"][0]; print(r["median"], r["user"] + r["system"])'
		return
	fi
	python3 - "$RUNS" "$2" "$3" <<'EOF'
import subprocess, sys, time
runs, prep, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ts = []
for _ in range(runs):
    subprocess.run(prep, shell=True)
    t = time.time(); subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); ts.append(time.time() - t)
print(sorted(ts)[len(ts) // 2], "nan")
EOF
}

# case NAME PREPARE OURS GNU LLVM
case_() {
	name=$1 prep=$2
	ours=$(time_cmd ours "$prep" "$3")
	gnu=$(time_cmd gnu "$prep" "$4")
	llvm=$(time_cmd llvm "$prep" "$5")
	python3 - "$name" "$ours" "$gnu" "$llvm" <<'EOF'
import sys
n = sys.argv[1]
(o, oc), (g, gc), (l, lc) = [map(float, a.split()) for a in sys.argv[2:]]
print("%-22s wall: ours %7.3fs GNU %7.3fs llvm %7.3fs  ours/GNU %5.2f ours/llvm %5.2f"
      % (n, o, g, l, o / g, o / l))
print("%-22s cpu:  ours %7.3fs GNU %7.3fs llvm %7.3fs  ours/GNU %5.2f ours/llvm %5.2f"
      % ("", oc, gc, lc, oc / gc, oc / lc))
EOF
}

L=$(cat objs.list | tr '\n' ' ')
case_ "ar rcs ($NOBJ objs)" "rm -f out.a" \
    "sh -c '$BIN/ar rcs out.a $L'" \
    "sh -c '/usr/bin/ar rcsD out.a $L'" \
    "sh -c 'llvm-ar rcsD out.a $L'"
"$BIN/ar" rcs big.a $L
/usr/bin/ar rcsD ref.a $L 2>/dev/null
cmp -s big.a ref.a && echo "archive identical to GNU ar rcsD: yes" ||
    echo "archive identical to GNU ar rcsD: NO"
case_ "ar t" "true" "$BIN/ar t big.a" "/usr/bin/ar t big.a" "llvm-ar t big.a"
case_ "ar x" "sh -c 'rm -rf x; mkdir x'" \
    "sh -c 'cd x && $BIN/ar x ../big.a'" \
    "sh -c 'cd x && /usr/bin/ar x ../big.a'" \
    "sh -c 'cd x && llvm-ar x ../big.a'"
if [ -f "$BIG" ]; then
	cp "$BIG" big-orig.a
	case_ "ranlib $(basename "$BIG")" "cp big-orig.a r.a" \
	    "$BIN/ranlib r.a" "/usr/bin/ranlib -D r.a" "llvm-ranlib -D r.a"
fi
rm -rf x t.json
