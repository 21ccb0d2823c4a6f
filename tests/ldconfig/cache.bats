#!/usr/bin/env bats
# ldconfig writes the same ld.so.cache bytes as glibc 2.36's ldconfig.

load ../lib/common
load ../lib/ldconfig
bats_require_minimum_version 1.5.0

setup() {
	common_setup
	need_glibc_ldconfig
	R=$BATS_TEST_TMPDIR/root
	mkdir -p "$R/etc"
}

# The worked example of spec ld.so.cache.md section 4.
spec_root() {
	mkso "$R/opt/a/libfoo.so.1.2" libfoo.so.1
	mkso "$R/opt/a/libbar.so.2" libbar.so.2
	mkso "$R/opt/b/libfoo.so.1.10" libfoo.so.1
	mkso "$R/opt/b/libnolibc.so.3" libnolibc.so.3 -nostdlib
	mkso "$R/opt/b/libnoso.so.7" ""
	printf '/opt/a\n/opt/b\n' > "$R/etc/ld.so.conf"
}

@test "a cache of two directories is byte-identical with glibc's" {
	spec_root
	both_caches "$R"
	assert_same_cache "$R"
}

@test "the compat format is byte-identical with glibc's" {
	spec_root
	both_caches "$R" -c compat
	assert_same_cache "$R"
}

@test "the old format is byte-identical with glibc's" {
	spec_root
	both_caches "$R" -c old
	assert_same_cache "$R"
}

@test "an empty root gives glibc's empty cache" {
	both_caches "$R"
	assert_same_cache "$R"
}

@test "versions sort in glibc's _dl_cache_libcmp order" {
	local v
	for v in libz.so.1 libz3.so.4 libzstd.so.1 libfoo.so.9 libfoo.so.10 \
	    libfoo.so.1.10 libfoo.so.1.9 liba-2.so libA.so.1 libfoo9.so.0 \
	    libfoo10.so.0 libx.so.007 libx.so.7.0.1; do
		mkso "$R/usr/lib/$v" "$v"
	done
	both_caches "$R"
	assert_same_cache "$R"
}

@test "the newest file of a soname wins inside a directory" {
	mkso "$R/opt/a/libv.so.1.2" libv.so.1
	mkso "$R/opt/a/libv.so.1.10" libv.so.1
	mkso "$R/opt/a/libv.so.1.9" libv.so.1
	echo /opt/a > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "symbolic link chains give glibc's entries" {
	mkso "$R/opt/a/libchain.so.1.2.3" libchain.so.1
	ln -s libchain.so.1.2.3 "$R/opt/a/libchain.so.1"
	ln -s libchain.so.1 "$R/opt/a/libchain.so"
	ln -s libchain.so.1.2.3 "$R/opt/a/libother.so.5"
	ln -s /opt/a/libchain.so.1 "$R/opt/a/libabs.so"
	ln -s missing.so.1 "$R/opt/a/libdangling.so.1"
	mkdir -p "$R/opt/b"
	ln -s ../a/libchain.so.1.2.3 "$R/opt/b/libchain.so.1"
	printf '/opt/a\n/opt/b\n' > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "a directory reached through a symbolic link counts once" {
	mkso "$R/usr/lib/x86_64-linux-gnu/libm1.so.1" libm1.so.1
	mkso "$R/usr/lib/libm2.so.2" libm2.so.2
	ln -s usr/lib "$R/lib"
	printf '/lib\n/usr/lib\n/usr/lib/\n' > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "32-bit, x32 and foreign libraries get glibc's flags" {
	cross_so i686-linux-gnu "$R/opt/m/libi686.so.1" libi686.so.1
	cross_so x86_64-linux-gnux32 "$R/opt/m/libx32.so.1" libx32.so.1
	cross_so aarch64-linux-gnu "$R/opt/m/libarm64.so.1" libarm64.so.1
	cross_so riscv64-linux-gnu "$R/opt/m/librv.so.1" librv.so.1
	mkso "$R/opt/m/libhost.so.1" libhost.so.1
	echo /opt/m > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
	run -0 "$LDCONFIG" -p -C "$R/etc/ours.cache"
	assert_line --partial 'libi686.so.1 (ELF) =>'
	assert_line --partial 'libx32.so.1 (libc6,x32) =>'
	refute_output --partial libarm64
}

@test "glibc-hwcaps subdirectories are byte-identical with glibc's" {
	mkso "$R/opt/d/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/glibc-hwcaps/x86-64-v2/libhw.so.1.0" libhw.so.1 \
	    -Wl,-z,x86-64-v2
	mkso "$R/opt/d/glibc-hwcaps/x86-64-v3/libhw.so.1.0" libhw.so.1 \
	    -Wl,-z,x86-64-v3
	mkdir -p "$R/opt/d/glibc-hwcaps/unused"
	echo /opt/d > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "legacy hwcap subdirectories are byte-identical with glibc's" {
	mkso "$R/opt/d/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/tls/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/haswell/libhw.so.1.0" libhw.so.1
	mkso "$R/opt/d/x86_64/libhw.so.1.0" libhw.so.1
	echo /opt/d > "$R/etc/ld.so.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "include globs, comments and dir=TYPE in ld.so.conf are followed" {
	mkso "$R/opt/a/liba.so.1" liba.so.1 -nostdlib
	mkso "$R/opt/b/libb.so.1" libb.so.1
	mkso "$R/opt/c/libc9.so.1" libc9.so.1
	mkdir -p "$R/etc/ld.so.conf.d"
	printf '  # comment\ninclude /etc/ld.so.conf.d/*.conf\n\n/opt/c # tail\n' \
	    > "$R/etc/ld.so.conf"
	echo '/opt/b' > "$R/etc/ld.so.conf.d/20-b.conf"
	echo '/opt/a=libc6' > "$R/etc/ld.so.conf.d/10-a.conf"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "directories on the command line come first" {
	spec_root
	mkso "$R/opt/c/libfoo.so.1.5" libfoo.so.1
	both_caches "$R" /opt/c
	assert_same_cache "$R"
}

@test "files that are not libraries are left out as glibc leaves them" {
	spec_root
	: > "$R/opt/a/libempty.so.1"
	printf 'GROUP ( libfoo.so.1 )\n%64s\n' x > "$R/opt/a/libscript.so"
	printf 'not a library at all, just some text for the test.%40s' x \
	    > "$R/opt/a/libtext.so.1"
	cc_obj "$R/opt/a/libobj.so.1" 'int x;'
	printf '\177ELF' > "$R/opt/a/libtiny.so.1"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "a copy of this machine's libraries gives glibc's cache" {
	[ -d /usr/lib/x86_64-linux-gnu ] || skip "no /usr/lib/x86_64-linux-gnu"
	mkdir -p "$R/usr/lib"
	cp -al /usr/lib/x86_64-linux-gnu "$R/usr/lib/" 2>/dev/null ||
	    cp -a /usr/lib/x86_64-linux-gnu "$R/usr/lib/"
	ln -s usr/lib "$R/lib"
	cp -a /etc/ld.so.conf "$R/etc/"
	[ -d /etc/ld.so.conf.d ] && cp -a /etc/ld.so.conf.d "$R/etc/"
	both_caches "$R"
	assert_same_cache "$R"
}

@test "glibc's ldconfig -p lists our cache as it lists its own" {
	spec_root
	both_caches "$R"
	run -0 "$GLIBC_LDCONFIG" -p -C "$R/etc/ref.cache"
	local ref=$output
	run -0 "$GLIBC_LDCONFIG" -p -C "$R/etc/ours.cache"
	assert_equal "${output//ours.cache/ref.cache}" "$ref"
}
