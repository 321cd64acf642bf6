import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../src/import/decode-text-file';
import { groupByNetwork, type RosterReport, readRoster } from '../../src/import/read-roster';
import { COVENTRY_ROSTER, GIAS_HEADERS, giasRow } from '../support/fixtures';

function report(text: string): RosterReport {
  const result = readRoster(text);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('reading a roster', () => {
  it("reads Coventry's file as eight networks and 93 schools", () => {
    const coventry = report(COVENTRY_ROSTER);
    expect(coventry.format).toBe('network');
    expect(coventry.rejected).toEqual([]);
    expect(coventry.rows).toHaveLength(93);
    const networks = groupByNetwork(coventry.rows);
    expect([...networks.keys()]).toHaveLength(8);
    expect(networks.get('Roots')?.map((r) => r.name)).toContain('Earlsdon');
    expect(networks.get('Roots')).toHaveLength(17);
    expect(networks.get('RC Network')).toHaveLength(18);
    expect(networks.get('Special')).toHaveLength(5);
  });

  it('reads the simple school,urn,head form with optional columns', () => {
    const simple = report('school,urn,head\nBroad Heath,103692,Alex Morgan\nErnesford,,\n');
    expect(simple).toEqual({
      format: 'simple',
      invisible: [],
      rows: [
        { line: 2, name: 'Broad Heath', urn: '103692', headName: 'Alex Morgan' },
        { line: 3, name: 'Ernesford' },
      ],
      rejected: [],
      skipped: [],
      toldApart: [],
    });
  });

  it('reports every bad row with its line number and reason', () => {
    const bad = report(
      'school,urn,head\nBroad Heath,103692,A\n,103693,B\nHowes,12345,C\nbroad heath,,D\nStoke,103692,E\n',
    );
    expect(bad.rejected).toEqual([
      { line: 3, reason: 'the school name is empty' },
      { line: 4, reason: '"12345" is not a URN (a URN is 6 digits)' },
      { line: 5, reason: 'broad heath is also on line 2: give each its URN to tell them apart' },
      { line: 6, reason: 'URN 103692 is also on line 2' },
    ]);
  });

  it('reads a GIAS export in windows-1252, skipping closed establishments with a note', () => {
    const csv = [
      GIAS_HEADERS.join(','),
      giasRow({
        URN: '103700',
        EstablishmentName: 'St Mary’s Catholic Primary School',
        'EstablishmentStatus (name)': 'Open',
        'PhaseOfEducation (name)': 'Primary',
        HeadFirstName: 'Siân',
        HeadLastName: 'O’Brien',
      }),
      giasRow({
        URN: '103701',
        EstablishmentName: 'Old Lane Infant School',
        'EstablishmentStatus (name)': 'Closed',
      }),
    ].join('\r\n');
    const bytes = Buffer.from([...csv].map((c) => ({ '’': 0x92, â: 0xe2 })[c] ?? c.charCodeAt(0)));
    const decoded = decodeTextFile(bytes);
    expect(decoded).toContain('St Mary’s');
    const gias = report(decoded);
    expect(gias.format).toBe('gias');
    expect(gias.rows).toEqual([
      {
        line: 2,
        name: 'St Mary’s Catholic Primary School',
        urn: '103700',
        headName: 'Siân O’Brien',
        phase: 'Primary',
      },
    ]);
    expect(gias.skipped).toEqual([{ line: 3, reason: 'Old Lane Infant School is closed' }]);
  });

  it('reads UTF-8 files (with or without a byte-order mark) as UTF-8', () => {
    expect(decodeTextFile(Buffer.from('\uFEFFschool\nSt Mary’s\n', 'utf8'))).toBe(
      '\uFEFFschool\nSt Mary’s\n'.slice(1),
    );
  });

  it('explains a file without a header it recognises', () => {
    expect(readRoster('Broad Heath,103692\n')).toEqual({
      problem:
        'the first row must be a header: "school,urn,head", "network,school" or a GIAS export (URN, EstablishmentName, …)',
    });
  });
});
