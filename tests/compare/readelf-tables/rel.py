import struct, subprocess, sys
def obj(machine, cls, big, rela, n):
    e = '>' if big else '<'
    shstr = b'\0.rel\0.shstrtab\0'
    entsz = (24 if rela else 16) if cls == 2 else (12 if rela else 8)
    ents = b''
    for t in range(n):
        if cls == 2:
            info = t  # sym 0
            ents += struct.pack(e+'QQ', 0, info) + (struct.pack(e+'q', 0) if rela else b'')
        else:
            ents += struct.pack(e+'II', 0, t & 0xff) + (struct.pack(e+'i', 0) if rela else b'')
    ehs = 64 if cls == 2 else 52
    relo = ehs; stro = relo + len(ents); sho = (stro + len(shstr) + 7) & ~7
    ident = b'\x7fELF' + bytes([cls, 2 if big else 1, 1, 0]) + bytes(8)
    typ = 4 if rela else 9
    if cls == 2:
        h = ident + struct.pack(e+'HHIQQQIHHHHHH', 1, machine, 1, 0, 0, sho, 0, 64, 0, 0, 64, 3, 2)
        sh = bytes(64)
        sh += struct.pack(e+'IIQQQQIIQQ', 1 + (1 if rela else 0) * 0, typ, 0, 0, relo, len(ents), 0, 0, 8, entsz)
        sh += struct.pack(e+'IIQQQQIIQQ', 6 if rela else 6, 3, 0, 0, stro, len(shstr), 0, 0, 1, 0)
    else:
        h = ident + struct.pack(e+'HHIIIIIHHHHHH', 1, machine, 1, 0, 0, sho, 0, 52, 0, 0, 40, 3, 2)
        sh = bytes(40)
        sh += struct.pack(e+'IIIIIIIIII', 1, typ, 0, 0, relo, len(ents), 0, 0, 4, entsz)
        sh += struct.pack(e+'IIIIIIIIII', 6, 3, 0, 0, stro, len(shstr), 0, 0, 1, 0)
    body = h + ents + shstr
    body += bytes(sho - len(body))
    return body + sh
machs = [(3,1,0,0,'i386'),(62,2,0,1,'x86_64'),(40,1,0,0,'arm'),(183,2,0,1,'aarch64'),
 (243,2,0,1,'riscv'),(8,1,1,0,'mips'),(20,1,1,1,'ppc'),(21,2,1,1,'ppc64'),(22,2,1,1,'s390'),
 (2,1,1,1,'sparc'),(258,2,0,1,'loongarch'),(4,1,1,1,'m68k'),(42,1,0,1,'sh'),(0x9026,2,0,1,'alpha'),
 (15,1,1,1,'parisc'),(50,2,0,1,'ia64')]
for m, cls, big, rela, nm in machs:
    n = 1500 if cls == 2 else 256
    open('r_'+nm, 'wb').write(obj(m, cls, big, rela, n))
    out = subprocess.run(['readelf', '-rW', 'r_'+nm], capture_output=True, text=True).stdout
    t = 0
    for line in out.split('\n'):
        f = line.split()
        if len(f) >= 3 and all(c in '0123456789abcdef' for c in f[0]):
            name = f[2]
            if name == 'unrecognized:' : name = None
            if name: print('%s\t%d\t%s' % (nm, t, name))
            t += 1
    sys.stderr.write('%s %d\n' % (nm, t))
