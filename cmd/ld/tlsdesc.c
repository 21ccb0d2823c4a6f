/*
 * tlsdesc.c: TLS descriptor code (gcc -mtls-dialect=gnu2) rewritten to
 * local exec, since in a static executable every TLS variable sits in the
 * one TLS block at an offset from the thread pointer known at link time.
 *
 * The sequence, from Oliva and Drepper's "Thread-Local Storage Descriptors
 * for IA32 and AMD64/EM64T" and the x86-64 psABI:
 *
 *   lea x@tlsdesc(%rip), %reg    REX.W 8d /r, modrm 00 reg 101  GOTPC32_TLSDESC
 *   call *x@tlscall(%rax)        ff 10                          TLSDESC_CALL
 *
 * leaves x's offset from the thread pointer in %rax.  Local exec becomes
 *
 *   mov $x@tpoff, %reg           REX.W c7 /0, modrm 11 000 reg (same 7 bytes)
 *   xchg %ax, %ax                66 90 (a 2-byte nop)
 *
 * The two instructions may be apart (the compiler schedules between
 * them), so each relocation is rewritten on its own.
 *
 * In a dynamic executable a library's variable is in the static TLS
 * block at an offset the loader knows, so the sequence becomes initial
 * exec instead, as GNU ld does it:
 *
 *   mov x@gottpoff(%rip), %reg   REX.W 8b /r, the same modrm and field
 *   xchg %ax, %ax
 */
#include <string.h>

#include "ld.h"

/*
 * Rewrite the instruction of a GOTPC32_TLSDESC or TLSDESC_CALL
 * relocation at offset off of a section of size bytes at sec (in the
 * output), tpoff being the variable's thread-pointer offset.  Returns
 * false when the bytes are not the expected instruction.
 */
bool
relax_tlsdesc(unsigned char *sec, uint64_t size, uint64_t off, uint32_t type,
    int32_t tpoff)
{
	unsigned char *p;

	if (off > size)
		return false;
	p = sec + off;
	if (type == R_X86_64_TLSDESC_CALL) {
		if (size - off < 2 || p[0] != 0xff || p[1] != 0x10)
			return false;
		p[0] = 0x66;
		p[1] = 0x90;
		return true;
	}
	if (off < 3 || size - off < 4 || (p[-3] & 0xfb) != 0x48 ||
	    p[-2] != 0x8d || (p[-1] & 0xc7) != 0x05)
		return false;
	/* REX.R names the destination of a lea, REX.B that of a mov. */
	p[-3] = (unsigned char)(0x48 | ((p[-3] & 0x04) >> 2));
	p[-2] = 0xc7;
	p[-1] = (unsigned char)(0xc0 | ((p[-1] >> 3) & 7));
	store32(p, (uint32_t)tpoff, false);
	return true;
}

/*
 * The lea of a GOTPC32_TLSDESC relocation at offset off made the mov of
 * initial exec; the caller points its field at the TP offset's GOT slot.
 */
bool
relax_tlsdesc_ie(unsigned char *sec, uint64_t size, uint64_t off)
{
	unsigned char *p;

	if (off > size || off < 3 || size - off < 4)
		return false;
	p = sec + off;
	if ((p[-3] & 0xfb) != 0x48 || p[-2] != 0x8d || (p[-1] & 0xc7) != 0x05)
		return false;
	p[-2] = 0x8b;
	return true;
}
