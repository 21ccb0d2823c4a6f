# tests/lib/ldconfig.bash: fixtures for tests/ldconfig, loaded after common.
#
# glibc's own ldconfig (Debian 12's, glibc 2.36) is the judge of our
# caches: both run on the same root and the files must be the same bytes.

GLIBC_LDCONFIG=${GLIBC_LDCONFIG:-/sbin/ldconfig}

# need_glibc_ldconfig: skip unless glibc 2.36's ldconfig is there.
need_glibc_ldconfig() {
	[ -x "$GLIBC_LDCONFIG" ] || skip "no glibc ldconfig at $GLIBC_LDCONFIG"
	"$GLIBC_LDCONFIG" --version 2>/dev/null | head -1 | grep -q ' 2\.36$' ||
	    skip "glibc ldconfig is not version 2.36"
}

# glibc_generator: the string glibc's ldconfig writes into its caches,
# "ldconfig (PKGVERSION) stable release version VERSION".
glibc_generator() {
	"$GLIBC_LDCONFIG" --version | head -1 |
	    sed 's/ \([0-9][0-9.]*\)$/ stable release version \1/'
}

# mkso PATH SONAME [LDFLAGS...]: a small x86-64 shared library.  An empty
# SONAME gives a library without DT_SONAME.  Without LDFLAGS the library
# is a copy of one template whose DT_SONAME placeholder is overwritten in
# place (NUL-padded): one link per test file instead of one per library.
SO_PLACEHOLDER=libPLACEHOLDER_FOR_THE_SONAME_OF_A_TEST_LIBRARY.so.99
mkso() {
	local out=$1 soname=$2 dir=${BATS_FILE_TMPDIR:-$BATS_TEST_TMPDIR}
	shift 2
	mkdir -p "$(dirname "$out")"
	if [ ! -f "$dir/so.o" ]; then
		printf 'int f(void) { return 1; }\n' > "$dir/so.c"
		cc -c -fPIC -o "$dir/so.o" "$dir/so.c" || return
	fi
	if [ -z "$soname" ]; then
		cc -shared -o "$out" "$@" "$dir/so.o"
	elif [ $# -gt 0 ] || [ ${#soname} -gt ${#SO_PLACEHOLDER} ]; then
		cc -shared -o "$out" -Wl,-soname,"$soname" "$@" "$dir/so.o"
	else
		[ -f "$dir/tmpl.so" ] || cc -shared -o "$dir/tmpl.so" \
		    -Wl,-soname,"$SO_PLACEHOLDER" "$dir/so.o" || return
		SONAME=$soname PH=$SO_PLACEHOLDER perl -0777 -pe \
		    's/\Q$ENV{PH}\E/$ENV{SONAME} . "\0" x (length($ENV{PH}) - length($ENV{SONAME}))/e' \
		    "$dir/tmpl.so" > "$out"
	fi
}

# cross_so TARGET PATH SONAME: a shared library for another machine,
# linked by clang with lld and no C library; skips when it cannot.
cross_so() {
	local target=$1 out=$2 soname=$3
	need_cmd clang
	mkdir -p "$(dirname "$out")"
	printf 'int g(void) { return 2; }\n' > "$BATS_TEST_TMPDIR/x.c"
	clang -target "$target" -shared -nostdlib -fPIC -fuse-ld=lld \
	    -Wl,-soname,"$soname" -o "$out" "$BATS_TEST_TMPDIR/x.c" \
	    2>/dev/null || skip "clang cannot link for $target"
}

# both_caches ROOT [ARGS...]: glibc's and our ldconfig -r ROOT ARGS, into
# ROOT/etc/ref.cache and ROOT/etc/ours.cache; symbolic links are never
# made (-X) so that the second run sees the same tree as the first.
both_caches() {
	local root=$1
	shift
	mkdir -p "$root/etc"
	"$GLIBC_LDCONFIG" -r "$root" -X -C /etc/ref.cache "$@" 2>/dev/null
	run "$LDCONFIG" -r "$root" -X -C /etc/ours.cache \
	    --generator "$(glibc_generator)" "$@"
	assert_success
	[ -f "$root/etc/ref.cache" ] || fail "glibc wrote no cache"
}

# assert_same_cache ROOT: the two caches of both_caches are identical.
assert_same_cache() {
	cmp "$1/etc/ref.cache" "$1/etc/ours.cache" ||
	    fail "caches differ: $(cmp -l "$1/etc/ref.cache" \
	    "$1/etc/ours.cache" 2>&1 | head -3)"
}

# poke FILE OFF HEXBYTES...: like corrupt, with one dd for all the bytes.
poke() {
	local f=$1 off=$2 b bytes=
	shift 2
	for b in "$@"; do
		bytes="$bytes\\x$b"
	done
	printf "$bytes" | dd of="$f" bs=1 seek="$off" conv=notrunc status=none
}
