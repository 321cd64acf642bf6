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

/** A GIAS export's text (header and CRLF rows, every column) listing these open schools. */
export function giasExport(schools: ReadonlyArray<{ urn: string; name: string; town?: string }>): string {
  const rows = schools.map((s) =>
    giasRow({
      URN: s.urn,
      EstablishmentName: s.name,
      'EstablishmentStatus (name)': 'Open',
      'PhaseOfEducation (name)': 'Primary',
      ...(s.town ? { Town: s.town } : {}),
    }),
  );
  return [GIAS_HEADERS.join(','), ...rows].join('\r\n');
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

/** Two Roots schools, one with a curly apostrophe, as GIAS publishes them (windows-1252). */
export const GIAS_BROAD_HEATH_AND_ST_TERESAS = windows1252(
  giasExport([
    { urn: '103692', name: 'Broad Heath Primary School' },
    { urn: '103711', name: 'St Teresa’s Catholic Primary School' },
  ]),
);
