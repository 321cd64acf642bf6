import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodedChunks } from '../../src/import/performance/csv-records';
import { type ImportScope, readPerformanceFile } from '../../src/import/performance/read-performance-file';

const DIR = join(__dirname, '..', 'fixtures', 'benchmarking');
/** The Wychwood partnership's eight schools (Other Town Primary, 149190, is not one of them). */
const WYCHWOOD: ImportScope = {
  urns: new Set(['149101', '149102', '149103', '149104', '149105', '149106', '149107', '149108']),
  laCodes: new Set(),
};
const file = (name: string) => decodedChunks(createReadStream(join(DIR, name)));

async function imported(name: string, scope: ImportScope = WYCHWOOD) {
  const outcome = await readPerformanceFile(file(name), scope);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.value;
}

describe('importing public performance files', () => {
  it("reads EES school performance for the cluster's schools only, symbols as reasons, never as 0", async () => {
    const result = await imported('ks2_school_performance.csv');
    expect(result.format).toBe('ees-school-performance');
    expect(result.schools.map((s) => s.urn)).not.toContain('149190');
    expect(result.skipped.get('schools not in this cluster (not stored)')).toBeGreaterThan(0);
    const wychwood = result.schools.find((s) => s.urn === '149101' && s.year === '2022-23');
    expect(wychwood?.figures['ks2-rwm-expected']).toEqual({ value: 80 });
    expect(wychwood?.figures['ks2-reading-progress']).toEqual({ value: -2.5 });
    expect(wychwood?.laCode).toBe('941');
    const haddon = result.schools.find((s) => s.urn === '149103' && s.year === '2022-23');
    expect(haddon?.figures['ks2-rwm-expected']).toEqual({ missing: 'suppressed' });
    expect(
      result.schools.find((s) => s.urn === '149101' && s.year === '2022-23')?.figures['ks2-gps-expected'],
    ).toEqual({ value: 85 });
  });

  it('reads cohorts (telig) from EES school information', async () => {
    const result = await imported('ks2_school_information.csv');
    expect(result.schools.find((s) => s.urn === '149103' && s.year === '2022-23')?.cohort).toBe(4);
  });

  it('reads LA and national figures only for the LAs the schools are in', async () => {
    const result = await imported('ks2_la_national_performance.csv', {
      ...WYCHWOOD,
      laCodes: new Set(['941']),
    });
    expect(result.areas.some((a) => a.area.kind === 'england')).toBe(true);
    expect(
      result.areas
        .filter((a) => a.area.kind === 'la')
        .every((a) => a.area.kind === 'la' && a.area.code === '941'),
    ).toBe(true);
  });

  it('reads the legacy wide file for the year it is told, with its markers', async () => {
    const result = await imported('england_ks2final_2023-2024.csv', { ...WYCHWOOD, year: '2023-24' });
    const meadow = result.schools.find((s) => s.urn === '149107');
    expect(meadow?.figures['ks2-rwm-expected']).toEqual({ missing: 'new-school' });
    expect(result.schools.find((s) => s.urn === '149101')?.figures['ks2-rwm-expected']).toEqual({
      value: 85,
    });
    expect(result.schools.find((s) => s.urn === '149101')?.figures['ks2-reading-progress']).toEqual({
      missing: 'not-published',
    });
    expect(result.areas.map((a) => (a.area.kind === 'la' ? a.area.code : 'england')).sort()).toEqual([
      '941',
      '942',
      'england',
    ]);
    const withoutYear = await readPerformanceFile(file('england_ks2final_2023-2024.csv'), WYCHWOOD);
    expect(withoutYear).toEqual({ ok: false, problem: expect.stringContaining('say which school year') });
  });

  it("reads Ofsted's windows-1252 file after its title line: report cards and legacy grades apart", async () => {
    const result = await imported('ofsted_mi_state_funded_schools_latest.csv');
    const ethelburga = result.ofsted.find((o) => o.urn === '149104');
    expect(ethelburga?.asAt).toBe('31 Oct 2026');
    expect(ethelburga?.reportCard).toMatchObject({
      date: '2026-03-16',
      safeguarding: 'Met',
      areas: { Inclusion: 'Exceptional' },
    });
    expect(ethelburga?.graded).toEqual({ date: '2020-10-11', overall: 2 });
    expect(result.ofsted.find((o) => o.urn === '149102')?.reportCard).toBeUndefined();
    expect(result.ofsted.map((o) => o.urn)).not.toContain('149190');
    expect(readFileSync(join(DIR, 'ofsted_mi_state_funded_schools_latest.csv')).includes(0x92)).toBe(true); // a real windows-1252 ’
  });

  it('refuses a file with pupil-level columns whole, and a file it does not know', async () => {
    const pupils = await readPerformanceFile(
      ['UPN,Forename,Surname,KS2 reading\nA123,Sam,Pupil,105\n'],
      WYCHWOOD,
    );
    expect(pupils).toEqual({
      ok: false,
      problem: expect.stringContaining('pupil-level columns (UPN, Forename, Surname)'),
    });
    const unknown = await readPerformanceFile(['a,b,c\n1,2,3\n'], WYCHWOOD);
    expect(unknown).toEqual({ ok: false, problem: expect.stringContaining('not a file Clusterbot knows') });
  });
});
