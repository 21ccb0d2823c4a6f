#!/usr/bin/env python3
"""hintscheck.py FILE: an independent reader of an a.out ld.so.hints file.

Written from ../shared/spec/ld.so.hints.md, sharing no code with
common/hints.c.  Prints the file in the "ldconfig -r" listing format and
exits 1 if the layout is wrong: header offsets that do not add up, or an
entry that a loader starting at its hash bucket would not reach.
"""
import struct
import sys

HH_MAGIC = 0x4C444869


def hinthash(name, major, minor, version):
    k = 0
    for b in name.encode():
        c = b - 256 if b >= 0x80 else b
        k = (((k << 1) + (k >> 14)) ^ c) & 0x3FFF
    k = (((k << 1) + (k >> 14)) ^ (major * 257)) & 0x3FFF
    if version == 1:
        k = (((k << 1) + (k >> 14)) ^ (minor * 167)) & 0x3FFF
    return k


def main(path):
    data = open(path, "rb").read()
    layouts = [(end, word) for end in "<>" for word in (8, 4)]
    for end, word in layouts:
        fmt = end + ("l" if word == 4 else "q")
        if struct.unpack_from(fmt, data, 0)[0] == HH_MAGIC:
            break
    else:
        sys.exit("bad magic")
    wf = fmt[1]
    version = struct.unpack_from(end + wf, data, word)[0]
    nfields = 8 if version == 2 else 7
    hdr = struct.unpack_from(end + wf * nfields, data, 0)
    _, _, hashtab, nbucket, strtab, strsz, ehints = hdr[:7]
    errors = []
    if hashtab != nfields * word:
        errors.append("hashtab %d" % hashtab)
    if strtab != hashtab + 48 * nbucket:
        errors.append("strtab %d" % strtab)
    if ehints != strtab + strsz or ehints != len(data):
        errors.append("ehints %d, file %d" % (ehints, len(data)))
    strs = data[strtab:strtab + strsz]

    def s(i):
        return strs[i:strs.index(b"\0", i)].decode()

    buckets = [struct.unpack_from(end + "12i", data, hashtab + 48 * i)
               for i in range(nbucket)]
    print(path + ":")
    if version == 2:
        print("\tsearch directories: " + s(hdr[7]))
    for i, b in enumerate(buckets):
        print("\t%d:-l%s.%d.%d => %s" % (i, s(b[0]), b[2], b[3], s(b[1])))
    for i, b in enumerate(buckets):
        j = hinthash(s(b[0]), b[2], b[3], version) % nbucket
        seen = 0
        while j != i and j != -1 and seen <= nbucket:
            j = buckets[j][11]
            seen += 1
        if j != i:
            errors.append("bucket %d not on the chain of its hash" % i)
    if errors:
        sys.exit("; ".join(errors))


main(sys.argv[1])
