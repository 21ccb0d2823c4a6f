import struct, subprocess, sys, re
pt = list(range(0, 0x12)) + list(range(0x60000000, 0x60000004)) + list(range(0x6464e550,0x6464e553)) + list(range(0x6474e550, 0x6474e556)) + list(range(0x65041580,0x65041582)) + list(range(0x65a3dbe6,0x65a3dbe8))+list(range(0x6ffffff0,0x70000000)) + list(range(0x70000000, 0x70000020)) + list(range(0x7ffffff0, 0x80000002)) + [0xffffffff]
def phobj(machine, types):
    e='<'
    n = len(types)
    ident = b'\x7fELF' + bytes([2, 1, 1, 0]) + bytes(8)
    h = ident + struct.pack(e+'HHIQQQIHHHHHH', 2, machine, 1, 0, 64, 0, 0, 64, 56, n, 64, 0, 0)
    for t in types:
        h += struct.pack(e+'IIQQQQQQ', t, 0, 0, 0, 0, 0, 0, 0)
    return h
for m in [62,3,40,183,243,8,21,22,2,258,15,50,140,105, 0x9026]:
    open('p_%d' % m, 'wb').write(phobj(m, pt))
    out = subprocess.run(['readelf', '-lW', 'p_%d' % m], capture_output=True, text=True).stdout
    i = 0
    for line in out.split('\n'):
        mm = re.match(r'  (\S.*?)\s+0x000000 0x0000000000000000', line)
        if mm:
            print('%d\t%#x\t%s' % (m, pt[i], mm.group(1))); i += 1
    assert i == len(pt), (m, i)
