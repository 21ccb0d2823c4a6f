import struct, subprocess, sys, re
shtypes = list(range(0, 0x21)) + list(range(0x60000000, 0x60000010)) + list(range(0x6fff4700,0x6fff4702)) + list(range(0x6fff4c00,0x6fff4c10)) + list(range(0x6ffffff0, 0x70000000)) + list(range(0x70000000, 0x70000050)) + list(range(0x7ffffff0, 0x80000003)) + [0x8fffffff, 0xffffffff, 0x12345678]
def secobj(machine, types, cls=2):
    e='<'
    shstr = b'\0s\0.shstrtab\0'
    n = len(types) + 2
    ehs = 64; stro = ehs; sho = (stro + len(shstr) + 7) & ~7
    ident = b'\x7fELF' + bytes([2, 1, 1, 0]) + bytes(8)
    h = ident + struct.pack(e+'HHIQQQIHHHHHH', 1, machine, 1, 0, 0, sho, 0, 64, 0, 0, 64, n, n-1)
    sh = bytes(64)
    for t in types:
        sh += struct.pack(e+'IIQQQQIIQQ', 1, t, 0, 0, 0, 0, 0, 0, 0, 0)
    sh += struct.pack(e+'IIQQQQIIQQ', 3, 3, 0, 0, stro, len(shstr), 0, 0, 1, 0)
    body = h + shstr; body += bytes(sho - len(body))
    return body + sh
for m in [62,3,40,183,243,8,21,22,2,258,15,50,0x9026,140,105,224, 188, 191, 92, 20, 43, 18, 4, 42, 250, 36, 87, 0x9080, 10]:
    open('s_%d' % m, 'wb').write(secobj(m, shtypes))
    out = subprocess.run(['readelf', '-SW', 's_%d' % m], capture_output=True, text=True).stdout
    for line in out.split('\n'):
        mm = re.match(r'\s+\[\s*(\d+)\] s\s+(.*?)\s+[0-9a-f]{16} ', line)
        if mm:
            i = int(mm.group(1)); t = shtypes[i-1]
            print('%d\t%#x\t%s' % (m, t, mm.group(2)))
