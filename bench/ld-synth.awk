# bench/ld-synth.awk: write N assembly sources for a synthetic link.
#   awk -v D=dir -v N=5000 -v NFUNC=20 -f bench/ld-synth.awk
# File i defines NFUNC global functions (with CFI, so .eh_frame), a data
# table of function pointers (R_X86_64_64) and a string; each function
# refers to 3 symbols of lower-numbered files (PLT32, PC32, GOTPCRELX),
# so every prefix of the files links on its own.  main.s calls into the
# last file with an argument of 0, which makes every function return at
# once.  Assembly, not C: "as" makes 5,000 objects in seconds.
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n }
BEGIN {
	seed = 12345
	for (i = 0; i < N; i++) {
		out = sprintf("%s/s%04d.s", D, i)
		printf "\t.text\n" > out
		for (j = 0; j < NFUNC; j++) {
			f = sprintf("s%04d_f%d", i, j)
			printf "\t.section .text.%s,\"ax\",@progbits\n", f > out
			printf "\t.globl %s\n\t.type %s, @function\n%s:\n", f, f, f > out
			printf "\t.cfi_startproc\n\ttestl %%edi, %%edi\n\tjz 1f\n" > out
			if (i > 0) {
				printf "\tcall s%04d_f%d\n", rnd(i), rnd(NFUNC) > out
				printf "\tleaq s%04d_tab(%%rip), %%rax\n", rnd(i) > out
				printf "\tmovq s%04d_f%d@GOTPCREL(%%rip), %%rax\n", rnd(i), rnd(NFUNC) > out
			}
			printf "\tleaq .Lstr(%%rip), %%rax\n" > out
			printf "1:\tret\n\t.cfi_endproc\n\t.size %s, .-%s\n", f, f > out
		}
		printf "\t.data\n\t.globl s%04d_tab\n\t.p2align 3\ns%04d_tab:\n", i, i > out
		for (j = 0; j < NFUNC; j++)
			printf "\t.quad s%04d_f%d\n", i, j > out
		printf "\t.section .rodata.str1.1,\"aMS\",@progbits,1\n.Lstr:\t.string \"synthetic %d\"\n", i % 50 > out
		printf "\t.section .note.GNU-stack,\"\",@progbits\n" > out
		close(out)
	}
	out = D "/main.s"
	printf "\t.text\n\t.globl main\nmain:\n\tsubq $8, %%rsp\n\txorl %%edi, %%edi\n\tcall s%04d_f0\n\txorl %%eax, %%eax\n\taddq $8, %%rsp\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n", N - 1 > out
	close(out)
}
