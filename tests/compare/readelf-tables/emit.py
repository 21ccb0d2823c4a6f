import re
def cstr(s): return '"' + s.replace('\\','\\\\').replace('"','\\"') + '"'
out = []
out.append('''/*
 * Name tables for readelf: the words GNU readelf 2.40 prints for machine
 * numbers, OS/ABI values, section, segment and dynamic tag types, and
 * relocation types.  They were collected by running the system readelf
 * on generated files holding every value (tests/compare/readelf-tables.py)
 * and are kept sorted by value for binary search.
 */
#include "names_tab.h"
''')
def table(name, rows, fmt=lambda r: '\t{ %#x, %s },' % (r[0], cstr(r[1]))):
    out.append('const struct name_ent %s[] = {' % name)
    for r in rows: out.append(fmt(r))
    out.append('};')
    out.append('const size_t %s_len = sizeof(%s) / sizeof(%s[0]);\n' % (name, name, name))
mach = [l.rstrip('\n').split('\t') for l in open('machines.tsv')]
table('tab_machine', sorted((int(a), b) for a, b in mach))
osabi = [l.rstrip('\n').split('\t') for l in open('osabi.tsv')]
table('tab_osabi', sorted((int(o), n) for m, o, n in osabi if m == '62' and not n.startswith('<unknown')))
gen = lambda n: n.startswith('<unknown') or n.startswith('LOOS+') or n.startswith('LOPROC+') or n.startswith('LOUSER+') or re.match(r'^[0-9a-f]{8}:', n) or n.startswith('Operating System') or n.startswith('Processor Specific')
def mtable(name, fn, hiproc):
    rows = [l.rstrip('\n').split('\t') for l in open(fn)]
    base = {int(v,16): n for m, v, n in rows if m == '62'}
    res = []
    for m, v, n in rows:
        v = int(v, 16); m = int(m)
        if gen(n): continue
        # x86-64's processor-specific names are its own, not every
        # machine's: GNU names that range per machine.
        if m == 62:
            res.append((62 if 0x70000000 <= v <= hiproc else 0, v, n))
        elif base.get(v) != n or 0x70000000 <= v <= hiproc:
            res.append((m, v, n))
    res = sorted(set(res))
    out.append('const struct mname_ent %s[] = {' % name)
    for m, v, n in res: out.append('\t{ %d, %#x, %s },' % (m, v, cstr(n)))
    out.append('};')
    out.append('const size_t %s_len = sizeof(%s) / sizeof(%s[0]);\n' % (name, name, name))
mtable('tab_shtype', 'shtypes.tsv', 0x7ffffffc)
mtable('tab_ptype', 'ptypes.tsv', 0x7fffffff)
# DT_AUXILIARY, DT_USED and DT_FILTER end the range and are generic.
mtable('tab_dtag', 'dtags.tsv', 0x7ffffffc)
rel = [l.rstrip('\n').split('\t') for l in open('relocs.tsv')]
groups = {}
for g, t, n in rel: groups.setdefault(g, []).append((int(t), n))
for g, rows in groups.items():
    table('tab_reloc_' + g, rows)
open('names_tab.c', 'w').write('\n'.join(out) + '\n')
h = ['/* Tables generated from GNU readelf 2.40 output; see names_tab.c. */',
'#ifndef READELF_NAMES_TAB_H', '#define READELF_NAMES_TAB_H', '', '#include <stddef.h>', '#include <stdint.h>', '',
'struct name_ent {', '\tuint32_t\t val;', '\tconst char\t*name;', '};', '',
'/* mach 0: every machine, unless a row for the machine itself exists. */',
'struct mname_ent {', '\tuint32_t\t mach;', '\tuint32_t\t val;', '\tconst char\t*name;', '};', '']
for n in ['tab_machine', 'tab_osabi'] + ['tab_reloc_' + g for g in groups]:
    h.append('extern const struct name_ent %s[];\nextern const size_t %s_len;' % (n, n))
for n in ['tab_shtype', 'tab_ptype', 'tab_dtag']:
    h.append('extern const struct mname_ent %s[];\nextern const size_t %s_len;' % (n, n))
h += ['', '#endif']
open('names_tab.h', 'w').write('\n'.join(h) + '\n')
