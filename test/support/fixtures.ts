import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Coventry's eight primary networks (93 schools), as `network,school`. */
export const COVENTRY_ROSTER = readFileSync(
  join(__dirname, '..', 'fixtures', 'coventry-networks.csv'),
  'utf8',
);

/** The columns of a GIAS establishment export, in file order (see the fixture's notes). */
export const GIAS_HEADERS = readFileSync(join(__dirname, '..', 'fixtures', 'gias-headers.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

/** A GIAS export row: every column present, the ones we read filled in. */
export function giasRow(values: Record<string, string>): string {
  return GIAS_HEADERS.map((h) => {
    const v = values[h] ?? '';
    return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

/** Text as a windows-1252 file (what GIAS and Ofsted publish): curly quotes and accents as single bytes. */
export function windows1252(text: string): Buffer {
  const high: Record<string, number> = {
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    â: 0xe2,
    é: 0xe9,
  };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}
