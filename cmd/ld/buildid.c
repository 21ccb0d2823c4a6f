/*
 * buildid.c: --build-id, the NT_GNU_BUILD_ID note (namesz 4, descsz,
 * type 3, "GNU\0", then the ID) in .note.gnu.build-id.
 *
 * Styles as in GNU ld: sha1 (the default, 20 bytes) and md5 (16 bytes)
 * hash the whole output with the ID field still zero, so equal links give
 * equal IDs; uuid is 16 random bytes; 0xHEX is given literally.  SHA-1 is
 * FIPS 180-4 and MD5 is RFC 1321.
 *
 * Hashing the whole output is the biggest serial cost of a large link, so
 * SHA-1 runs on the x86 SHA extensions when the CPU has them (checked once
 * with CPUID): four rounds per instruction instead of one round per dozen
 * instructions.  Both versions give the same digest.  An output of up to
 * PIECE bytes gets the hash of the file, as from GNU ld; a bigger one the
 * hash of the hashes of its PIECE-byte pieces, which the threads compute
 * (lld and mold do the same).  Either way the ID depends on the contents
 * only, not on the thread count.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHANI 1
#include <cpuid.h>
#include <immintrin.h>
#endif
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"
#include "ld.h"

#define PIECE	((uint64_t)4 << 20)

static uint32_t
rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static void
sha1_block(uint32_t h[5], const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rol(a, 5) + f + e + k + w[i];
		e = d; d = c; c = rol(b, 30); b = a; a = t;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

#ifdef HAVE_SHANI
/*
 * One group of four rounds.  The state is ABCD in one vector (A in the top
 * lane) and E folded into the schedule words: sha1nexte derives the next
 * E from the A of four rounds back, sha1rnds4 runs the rounds with the
 * function and constant of group g / 5.  Schedule words of group g >= 4
 * come from the four groups before it (FIPS 180-4 6.1.2 step 1).
 */
#define SHANI_GROUP(g) do {						\
	if ((g) >= 4)							\
		m[(g) % 4] = _mm_sha1msg2_epu32(_mm_xor_si128(		\
		    _mm_sha1msg1_epu32(m[(g) % 4], m[((g) + 1) % 4]),	\
		    m[((g) + 2) % 4]), m[((g) + 3) % 4]);		\
	ew = (g) == 0 ? _mm_add_epi32(e, m[0]) :			\
	    _mm_sha1nexte_epu32(prev, m[(g) % 4]);			\
	prev = abcd;							\
	abcd = _mm_sha1rnds4_epu32(abcd, ew, (g) / 5);			\
} while (0)

__attribute__((target("sha,sse4.1")))
static void
sha1_blocks_shani(uint32_t h[5], const unsigned char *p, uint64_t nblocks)
{
	/* Reverses the 16 bytes: big-endian words, word 0 in the top lane. */
	const __m128i swap = _mm_set_epi64x(0x0001020304050607LL,
	    0x08090a0b0c0d0e0fLL);
	__m128i abcd, e, ew, prev, abcd0, e00, m[4];
	uint64_t b;
	int i;

	abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1b);
	e = _mm_set_epi32((int)h[4], 0, 0, 0);
	for (b = 0; b < nblocks; b++, p += 64) {
		abcd0 = abcd;
		e00 = e;
		for (i = 0; i < 4; i++)
			m[i] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * i)), swap);
		SHANI_GROUP(0); SHANI_GROUP(1); SHANI_GROUP(2);
		SHANI_GROUP(3); SHANI_GROUP(4); SHANI_GROUP(5);
		SHANI_GROUP(6); SHANI_GROUP(7); SHANI_GROUP(8);
		SHANI_GROUP(9); SHANI_GROUP(10); SHANI_GROUP(11);
		SHANI_GROUP(12); SHANI_GROUP(13); SHANI_GROUP(14);
		SHANI_GROUP(15); SHANI_GROUP(16); SHANI_GROUP(17);
		SHANI_GROUP(18); SHANI_GROUP(19);
		e = _mm_sha1nexte_epu32(prev, e00);
		abcd = _mm_add_epi32(abcd, abcd0);
	}
	_mm_storeu_si128((__m128i *)h, _mm_shuffle_epi32(abcd, 0x1b));
	h[4] = (uint32_t)_mm_extract_epi32(e, 3);
}

static bool
have_shani(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return false;
	/* SHA (EBX bit 29) needs SSSE3 and SSE4.1 (ECX of leaf 1). */
	if (!(b & (1u << 29)) || !__get_cpuid(1, &a, &b, &c, &d))
		return false;
	return (c & (1u << 9)) && (c & (1u << 19));
}
#endif

/* SHA-1 of whole 64-byte blocks, on the SHA extensions when present. */
static void
sha1_blocks(uint32_t h[5], const unsigned char *p, uint64_t nblocks)
{
	uint64_t i;

#ifdef HAVE_SHANI
	if (have_shani()) {
		sha1_blocks_shani(h, p, nblocks);
		return;
	}
#endif
	for (i = 0; i < nblocks; i++)
		sha1_block(h, p + 64 * i);
}

static void
md5_block(uint32_t h[4], const unsigned char *p)
{
	static const uint32_t K[64] = {
	    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf,
	    0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af,
	    0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e,
	    0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	    0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6,
	    0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
	    0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
	    0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
	    0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97,
	    0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d,
	    0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391 };
	static const int S[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16,
	    23, 6, 10, 15, 21 };
	uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3], f, t;
	int i, g;

	for (i = 0; i < 16; i++)
		m[i] = load32(p + 4 * i, false);
	for (i = 0; i < 64; i++) {
		if (i < 16) {
			f = (b & c) | (~b & d);
			g = i;
		} else if (i < 32) {
			f = (d & b) | (~d & c);
			g = (5 * i + 1) % 16;
		} else if (i < 48) {
			f = b ^ c ^ d;
			g = (3 * i + 5) % 16;
		} else {
			f = c ^ (b | ~d);
			g = (7 * i) % 16;
		}
		t = d;
		d = c;
		c = b;
		b = b + rol(a + f + K[i] + m[g], S[(i / 16) * 4 + i % 4]);
		a = t;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

/* Both hashes pad the same way; only the length's byte order differs. */
static void
digest(const unsigned char *p, uint64_t n, bool md5, unsigned char *out)
{
	uint32_t h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
	    0xc3d2e1f0 };
	unsigned char tail[128];
	uint64_t i, full = n & ~(uint64_t)63, bits = n * 8, rest;
	int j;

	if (md5)
		for (i = 0; i < full; i += 64)
			md5_block(h, p + i);
	else
		sha1_blocks(h, p, full / 64);
	rest = n - full;
	memset(tail, 0, sizeof(tail));
	memcpy(tail, p + full, rest);
	tail[rest] = 0x80;
	i = rest < 56 ? 64 : 128;
	for (j = 0; j < 8; j++)
		tail[i - 8 + j] = md5 ? (unsigned char)(bits >> (8 * j)) :
		    (unsigned char)(bits >> (56 - 8 * j));
	if (md5) {
		md5_block(h, tail);
		if (i == 128)
			md5_block(h, tail + 64);
	} else
		sha1_blocks(h, tail, i / 64);
	for (j = 0; j < (md5 ? 4 : 5); j++) {
		if (md5)
			store32(out + 4 * j, h[j], false);
		else
			store32(out + 4 * j, h[j], true);
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The length of the ID for a style; 0 for an unknown style. */
struct piecejob {
	const unsigned char	*p;
	uint64_t		 n;
	bool			 md5;
	unsigned char		*out;	/* the digests back to back */
};

static void
hash_pieces(void *arg, size_t begin, size_t end)
{
	struct piecejob *j = arg;
	uint64_t off, len;
	size_t i;

	for (i = begin; i < end; i++) {
		off = (uint64_t)i * PIECE;
		len = j->n - off < PIECE ? j->n - off : PIECE;
		digest(j->p + off, len, j->md5,
		    j->out + (j->md5 ? 16 : 20) * i);
	}
}

/* The ID of n bytes at p: their digest, or the digest of their pieces'. */
static void
tree_digest(struct link *ctx, const unsigned char *p, uint64_t n, bool md5,
    unsigned char *out)
{
	struct piecejob j;
	size_t npieces;
	size_t w = md5 ? 16 : 20;

	if (n <= PIECE) {
		digest(p, n, md5, out);
		return;
	}
	npieces = (size_t)((n + PIECE - 1) / PIECE);
	j.p = p;
	j.n = n;
	j.md5 = md5;
	j.out = xreallocarray(NULL, npieces, w);
	pool_for(ctx->pool, npieces, 1, hash_pieces, &j);
	digest(j.out, (uint64_t)npieces * w, md5, out);
	free(j.out);
}

uint64_t
build_id_size(const char *style)
{
	size_t n = 0;

	if (strcmp(style, "sha1") == 0 || strcmp(style, "tree") == 0)
		return 20;
	if (strcmp(style, "md5") == 0 || strcmp(style, "uuid") == 0)
		return 16;
	if (strncmp(style, "0x", 2) == 0) {
		for (style += 2; *style != '\0'; style++)
			if (hexval(*style) >= 0)
				n++;
		return n / 2;
	}
	return 0;
}

void
write_build_id(struct link *ctx)
{
	const char *style = ctx->opts.build_id;
	unsigned char *note = ctx->buf + ctx->buildid->offset, *id = note + 16;
	uint64_t n = build_id_size(style), i;
	const char *s;
	int fd;

	store32(note, 4, false);
	store32(note + 4, (uint32_t)n, false);
	store32(note + 8, NT_GNU_BUILD_ID, false);
	memcpy(note + 12, "GNU", 4);
	if (strcmp(style, "sha1") == 0 || strcmp(style, "tree") == 0)
		tree_digest(ctx, ctx->buf, ctx->filesize, false, id);
	else if (strcmp(style, "md5") == 0)
		tree_digest(ctx, ctx->buf, ctx->filesize, true, id);
	else if (strcmp(style, "uuid") == 0) {
		fd = open("/dev/urandom", O_RDONLY);
		if (fd == -1 || read(fd, id, 16) != 16)
			diag_fatal("cannot read /dev/urandom for --build-id");
		close(fd);
		id[6] = (id[6] & 0x0f) | 0x40;
		id[8] = (id[8] & 0x3f) | 0x80;
	} else {
		for (s = style + 2, i = 0; i < n; ) {
			while (hexval(*s) < 0)
				s++;
			id[i] = (unsigned char)(hexval(s[0]) << 4);
			s++;
			while (hexval(*s) < 0)
				s++;
			id[i++] |= (unsigned char)hexval(*s++);
		}
	}
}
