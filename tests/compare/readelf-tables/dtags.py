import struct, subprocess, sys, re
tags = list(range(1, 0x30)) + list(range(0x60000000,0x60000050)) + list(range(0x6ffffd00,0x6ffffe00)) + list(range(0x6ffffe00,0x70000000)) + list(range(0x70000000,0x70000090)) + list(range(0x7ffffffd,0x80000000)) + [0x80000000, 0x12345678]
def dynobj(machine, tags):
    e='<'
    dyn = b''.join(struct.pack(e+'qQ', t, 0) for t in tags) + struct.pack(e+'qQ', 0, 0)
    ident = b'\x7fELF' + bytes([2, 1, 1, 0]) + bytes(8)
    shstr = b'\0.dynamic\0.shstrtab\0'
    dyno = 64 + 56; stro = dyno + len(dyn); sho = (stro + len(shstr) + 7) & ~7
    h = ident + struct.pack(e+'HHIQQQIHHHHHH', 3, machine, 1, 0, 64, sho, 0, 64, 56, 1, 64, 3, 2)
    h += struct.pack(e+'IIQQQQQQ', 2, 6, dyno, dyno, dyno, len(dyn), len(dyn), 8)
    body = h + dyn + shstr; body += bytes(sho - len(body))
    sh = bytes(64) + struct.pack(e+'IIQQQQIIQQ', 1, 6, 3, dyno, dyno, len(dyn), 0, 0, 8, 16)
    sh += struct.pack(e+'IIQQQQIIQQ', 10, 3, 0, 0, stro, len(shstr), 0, 0, 1, 0)
    return body + sh
for m in [62,3,40,183,243,8,21,20,22,2,258,15,50,140,105,0x9026,42,43,18,4,10,250]:
    open('d_%d' % m, 'wb').write(dynobj(m, tags))
    out = subprocess.run(['readelf', '-dW', 'd_%d' % m], capture_output=True, text=True).stdout
    i = 0
    for line in out.split('\n'):
        mm = re.match(r' 0x[0-9a-f]+ \((.*?)\)\s', line)
        if mm:
            if i < len(tags): print('%d\t%#x\t%s' % (m, tags[i], mm.group(1)))
            i += 1
    assert i == len(tags)+1, (m, i)
