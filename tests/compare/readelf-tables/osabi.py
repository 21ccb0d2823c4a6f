import struct, subprocess, os
exec(open('mach.py').read().split('res = {}')[0])
for mach in [62, 40, 140, 105, 224]:
    names=[]
    for o in range(256):
        p='m/o%d_%d' % (mach,o); open(p,'wb').write(hdr(mach, osabi=o)); names.append(p)
    out = subprocess.run(['readelf', '-h'] + names, capture_output=True, text=True).stdout
    cur=None
    for line in out.split('\n'):
        if line.startswith('File: '): cur=int(line.split('_')[1])
        elif line.startswith('  OS/ABI:'):
            print('%d\t%d\t%s' % (mach, cur, line.split(':',1)[1].strip()))
    for n in names: os.unlink(n)
