#!/usr/bin/env python3
# mkcore32.py OUT [big|little] [ok|count|nonul|short|early]: write a small
# ELF32 core file whose PT_NOTE holds CORE notes (NT_PRSTATUS, an NT_FILE
# table, an unknown type) and a LINUX NT_386_TLS note; the variants break
# the NT_FILE descriptor in the ways GNU readelf checks for.
import struct, sys
out = sys.argv[1]; big = len(sys.argv) > 2 and sys.argv[2] == 'big'
variant = sys.argv[3] if len(sys.argv) > 3 else 'ok'
e = '>' if big else '<'
files = [(0x08048000, 0x08049000, 0, b'/bin/prog'), (0xf7d00000, 0xf7e00000, 2, b'/lib/libc.so.6')]
count = len(files)
if variant == 'count': count = 100
desc = struct.pack(e + 'II', count, 4096)
for s, en, o, n in files: desc += struct.pack(e + 'III', s, en, o)
desc += b''.join(n + b'\0' for *_, n in files)
if variant == 'nonul': desc = desc[:-1] + b'x'
if variant == 'short': desc = desc[:6]
if variant == 'early': desc = desc[:-15] + b'\0'
def note(name, typ, d):
    nm = name + b'\0'
    return struct.pack(e + 'III', len(nm), len(d), typ) + nm + b'\0' * (-len(nm) % 4) + d + b'\0' * (-len(d) % 4)
notes = note(b'CORE', 1, b'\0' * 72) + note(b'CORE', 0x46494c45, desc) + note(b'LINUX', 0x200, b'\1\2\3\4') + note(b'CORE', 0x999, b'ab')
phoff = 52; noff = phoff + 32
eh = b'\x7fELF' + bytes([1, 2 if big else 1, 1, 0]) + b'\0' * 8
eh += struct.pack(e + 'HHIIIIIHHHHHH', 4, 3, 1, 0, phoff, 0, 0, 52, 32, 1, 0, 0, 0)
ph = struct.pack(e + 'IIIIIIII', 4, noff, 0, 0, len(notes), 0, 0, 4)
open(out, 'wb').write(eh + ph + notes)
