#!/usr/bin/env bash
# bench/ld.sh: time our ld against GNU ld (bfd), gold, lld and mold on the
# same inputs in one run, and print ratios (theirs / ours) and peak memory.
#
#   bench/ld.sh [CASE...]     cases: hello crypto synth1000 synth5000
#                             hellopie shlib1000 llvmbig
#
# hellopie is hello linked as the compilers do by default (PIE, dynamic
# glibc); shlib1000 is the 1,000 synthetic objects linked with -shared
# (-Bsymbolic, since they refer to their globals PC-relatively).
# llvmbig is the biggest dynamic link this machine has: a small IR-to-
# object compiler over all of LLVM 14's static libraries (llvm-14-dev,
# about 270 MB of archives), C++ with libstdc++ linked in statically,
# as a PIE against the shared glibc; it is skipped without llvm-14-dev.
# Inputs are built under $LDBENCH (default /tmp/ldbench) and reused.  The
# synthetic objects are assembled from bench/ld-synth.awk's output (20
# functions per file referring into lower-numbered files).  Each link is
# the gcc driver's own ld command line (gcc -###) with only the linker
# swapped, so all tools read the same crt files and archives.  Uses
# hyperfine when installed, else a loop of 5 runs and the median.
set -eu
export LC_ALL=C
top=$(cd "$(dirname "$0")/.." && pwd)
ours=$top/build/bin/ld
W=${LDBENCH:-/tmp/ldbench}
mkdir -p "$W"
cases=${*:-hello crypto synth1000 synth5000 hellopie shlib1000 llvmbig}

[ -x "$ours" ] || { echo "build first: make" >&2; exit 1; }

# The linkers: name and command (a command that cannot run is skipped).
linkers="ours:$ours bfd:ld.bfd gold:ld.gold lld:ld.lld mold:mold"
threads1="lld:ld.lld --threads=1 mold:mold --threads=1"

# ld_args FILE CCCMD...: the collect2 arguments of a static link, minus
# the LTO plugin, one per line.
ld_args() {
	local out=$1
	shift
	"$@" -### 2>&1 | grep collect2 | tail -1 | tr ' ' '\n' |
	    sed 's/^"//; s/"$//' | awk '
		/collect2$/ { next }
		skip { skip = 0; next }
		$0 == "-plugin" { skip = 1; next }
		/^-plugin-opt/ { next }
		$0 == "-o" { skip = 1; next }
		$0 != "" { print }' > "$out"
}

prepare_hello() {
	[ -f "$W/hello/args" ] && return
	mkdir -p "$W/hello"
	printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' \
	    > "$W/hello/hello.c"
	cc -O2 -c -o "$W/hello/hello.o" "$W/hello/hello.c"
	ld_args "$W/hello/args" cc -static "$W/hello/hello.o"
}

prepare_hellopie() {
	prepare_hello
	[ -f "$W/hellopie/args" ] && return
	mkdir -p "$W/hellopie"
	cc -O2 -fPIE -c -o "$W/hellopie/hello.o" "$W/hello/hello.c"
	ld_args "$W/hellopie/args" cc "$W/hellopie/hello.o"
}

prepare_shlib() {
	local n=$1 d=$W/shlib$1
	prepare_synth "$n"
	[ -f "$d/args" ] && return
	mkdir -p "$d"
	# shellcheck disable=SC2046
	ld_args "$d/args" cc -shared -Wl,-Bsymbolic $(cat "$W/synth$n/objs")
}

prepare_crypto() {
	[ -f /usr/lib/x86_64-linux-gnu/libcrypto.a ] || return 1
	[ -f "$W/crypto/args" ] && return
	mkdir -p "$W/crypto"
	cat > "$W/crypto/sha.c" <<'C'
#include <openssl/sha.h>
#include <stdio.h>
int main(void) {
	unsigned char md[SHA256_DIGEST_LENGTH];
	int i;
	SHA256((const unsigned char *)"objkit", 6, md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++) printf("%02x", md[i]);
	printf("\n");
	return 0;
}
C
	cc -O2 -Wno-deprecated-declarations -c -o "$W/crypto/sha.o" \
	    "$W/crypto/sha.c"
	ld_args "$W/crypto/args" cc -static "$W/crypto/sha.o" -lcrypto \
	    -pthread
}

# The program reads an IR file, optimises it at -O2 and writes an object
# for x86-64; registering every target pulls in nearly all of LLVM.
prepare_llvmbig() {
	local d=$W/llvmbig lc=llvm-config-14
	command -v "$lc" >/dev/null 2>&1 &&
	    [ -f "$($lc --libdir)/libLLVMCore.a" ] || return 1
	[ -f "$d/args" ] && return
	mkdir -p "$d"
	cat > "$d/tinyllc.cpp" <<'CXX'
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

int main(int argc, char **argv) {
	if (argc != 3)
		return 2;
	llvm::InitializeAllTargetInfos();
	llvm::InitializeAllTargets();
	llvm::InitializeAllTargetMCs();
	llvm::InitializeAllAsmParsers();
	llvm::InitializeAllAsmPrinters();
	llvm::LLVMContext ctx;
	llvm::SMDiagnostic diag;
	auto mod = llvm::parseIRFile(argv[1], diag, ctx);
	if (!mod || llvm::verifyModule(*mod, &llvm::errs()))
		return 1;
	std::string triple = "x86_64-pc-linux-gnu", err;
	const llvm::Target *t = llvm::TargetRegistry::lookupTarget(triple, err);
	if (t == nullptr)
		return 1;
	std::unique_ptr<llvm::TargetMachine> tm(t->createTargetMachine(triple,
	    "generic", "", llvm::TargetOptions(), llvm::Reloc::PIC_));
	mod->setDataLayout(tm->createDataLayout());
	llvm::LoopAnalysisManager lam;
	llvm::FunctionAnalysisManager fam;
	llvm::CGSCCAnalysisManager cgam;
	llvm::ModuleAnalysisManager mam;
	llvm::PassBuilder pb(tm.get());
	pb.registerModuleAnalyses(mam);
	pb.registerCGSCCAnalyses(cgam);
	pb.registerFunctionAnalyses(fam);
	pb.registerLoopAnalyses(lam);
	pb.crossRegisterProxies(lam, fam, cgam, mam);
	pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2)
	    .run(*mod, mam);
	std::error_code ec;
	llvm::raw_fd_ostream out(argv[2], ec, llvm::sys::fs::OF_None);
	llvm::legacy::PassManager pm;
	if (ec || tm->addPassesToEmitFile(pm, out, nullptr,
	    llvm::CGFT_ObjectFile))
		return 1;
	pm.run(*mod);
	out.flush();
	llvm::outs() << "tinyllc: " << mod->getInstructionCount()
	    << " instructions, " << out.tell() << " bytes of object\n";
	return 0;
}
CXX
	cat > "$d/sum.ll" <<'LL'
define i64 @sum(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i64 [ 0, %entry ], [ %s.next, %loop ]
  %s.next = add i64 %s, %i
  %i.next = add i64 %i, 1
  %done = icmp uge i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %s.next
}
LL
	# shellcheck disable=SC2046
	g++ -O2 $($lc --cxxflags) -c -o "$d/tinyllc.o" "$d/tinyllc.cpp"
	# shellcheck disable=SC2046
	ld_args "$d/args" g++ -static-libstdc++ -static-libgcc \
	    "$d/tinyllc.o" $($lc --ldflags) \
	    $($lc --link-static --libs all-targets irreader passes) \
	    $($lc --link-static --system-libs)
	printf '%s\n' "$d/sum.ll" "$d/sum.o" > "$d/runargs"
}

prepare_synth() {
	local n=$1 d=$W/synth$1 f
	[ -f "$d/args" ] && return
	mkdir -p "$d/src" "$d/obj"
	awk -v D="$d/src" -v N="$n" -v NFUNC=20 -f "$top/bench/ld-synth.awk"
	for f in "$d"/src/*.s; do
		echo "$f"
	done | xargs -P 2 -n 100 sh -c 'for s; do
		as -o "${s%.s}.o" "$s"; done' sh
	mv "$d"/src/*.o "$d/obj/"
	ls "$d"/obj/s*.o > "$d/objs"
	ld_args "$d/args" cc -static "$d/obj/main.o" $(cat "$d/objs")
}

# Peak resident memory of one run, in MiB (GNU time).
peak_rss() {
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 |
	    awk '{ printf "%.0f", $1 / 1024 }'
}

# Median wall time of a command, in seconds.
timeit() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 1 -r "${RUNS:-5}" --export-json "$W/h.json" \
		    "$*" >/dev/null 2>&1 || { echo fail; return; }
		jq '.results[0].median' "$W/h.json"
	else
		local i t0 t1
		for i in 1 2 3 4 5; do
			t0=$(date +%s.%N)
			"$@" >/dev/null 2>&1 || { echo fail; return; }
			t1=$(date +%s.%N)
			echo "$t1 - $t0" | bc
		done | sort -n | sed -n 3p
	fi
}

# Describe the inputs: files, sections, symbols, relocations (lld's
# "numbers you want to know"), from the objects named on the line.
describe() {
	local args=$1 objs
	objs=$(grep -v '^-' "$args" | grep '\.o$' || true)
	printf '  inputs: %s objects on the command line' "$(echo "$objs" | wc -l)"
	if [ -n "$objs" ]; then
		# shellcheck disable=SC2086
		readelf -SW $objs 2>/dev/null | grep -c '^ *\[' |
		    awk '{ printf ", %d sections", $1 }'
		# shellcheck disable=SC2086
		readelf -rW $objs 2>/dev/null | grep -c '^[0-9a-f]\{16\}' |
		    awk '{ printf ", %d relocations", $1 }'
	fi
	echo
}

run_case() {
	local name=$1 args=$W/$1/args l cmd t tours mem
	describe "$args"
	printf '  %-14s %10s %8s %9s\n' linker "time (s)" "vs ours" "peak MiB"
	tours=""
	for l in $linkers $threads1; do :; done
	local IFS_OLD=$IFS
	while read -r l; do
		[ -n "$l" ] || continue
		cmd=${l#*:}
		command -v "${cmd%% *}" >/dev/null 2>&1 || continue
		# A response file: 5,000 paths exceed one argument's limit.
		t=$(timeit $cmd -o "$W/$name/out.${l%%:*}" "@$args")
		# mold forks and its child does the work: keep it in one
		# process so that the peak is the link's.
		case $cmd in
		mold*) mem=$(peak_rss $cmd --no-fork -o "$W/$name/out.${l%%:*}" \
		    "@$args") ;;
		*) mem=$(peak_rss $cmd -o "$W/$name/out.${l%%:*}" "@$args") ;;
		esac
		[ -z "$tours" ] && tours=$t
		if [ "$t" = fail ] || [ "$tours" = fail ]; then
			printf '  %-14s %10s\n' "${l%%:*}" "$t"
			continue
		fi
		printf '  %-14s %10.4f %8.2f %9s\n' "$(echo "${l%%:*} ${cmd#* }" |
		    awk '{ print ($2 ~ /^--/) ? $1 "-t1" : $1 }')" "$t" \
		    "$(echo "$t / $tours" | bc -l)" "$mem"
	done <<EOL
$(for l in $linkers; do echo "$l"; done)
lld1:ld.lld --threads=1
mold1:mold --threads=1
EOL
	IFS=$IFS_OLD
	if [ -x "$W/$name/out.ours" ] && [ "${name#shlib}" = "$name" ]; then
		# A case's own arguments (runargs), else 3.
		# shellcheck disable=SC2046
		printf '  ours runs: %s\n' "$("$W/$name/out.ours" $(cat \
		    "$W/$name/runargs" 2>/dev/null || echo 3) 2>&1 | head -1;
		    echo "exit $?")" | tr '\n' ' '
		echo
	fi
}

echo "ld benchmark: ratio = that linker's time / ours (above 1: we are faster)"
for c in $cases; do
	case $c in
	hello) prepare_hello ;;
	crypto) prepare_crypto || { echo "crypto: no libcrypto.a"; continue; } ;;
	synth*) prepare_synth "${c#synth}" || continue ;;
	hellopie) prepare_hellopie ;;
	shlib*) prepare_shlib "${c#shlib}" || continue ;;
	llvmbig) prepare_llvmbig ||
	    { echo "llvmbig: skipped, llvm-14-dev is not installed"; continue; } ;;
	*) echo "unknown case $c" >&2; continue ;;
	esac
	echo "== $c"
	run_case "$c"
done
