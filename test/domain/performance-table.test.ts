import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { performanceTable } from '../../src/domain/performance/performance-table';
import type { SchoolResults } from '../../src/domain/performance/results';

const result = (
  urn: string,
  year: string,
  cohort: number | undefined,
  value: number | undefined,
): SchoolResults => ({
  urn,
  year,
  laCode: '941',
  ...(cohort !== undefined ? { cohort } : {}),
  figures: value === undefined ? {} : { 'ks2-rwm-expected': { value } },
  source: 'ees',
});
const schools = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `School ${i}`, urn: `${100 + i}` }));
const table = (
  results: SchoolResults[],
  n: number,
  measure: 'ks2-rwm-expected' | 'ks2-reading-progress' = 'ks2-rwm-expected',
) => performanceTable({ schools: schools(n), results, areas: [], ofsted: [], measure, year: '2024-25' });

describe('the performance table', () => {
  it("weights the cluster's figure by cohort, not as a mean of percentages", () => {
    const rows = table([result('100', '2024-25', 90, 50), result('101', '2024-25', 10, 100)], 2).rows;
    const cluster = rows.find((r) => r.kind === 'cluster')?.cells[2];
    expect(cluster).toMatchObject({ kind: 'value', value: 55, cohort: 100 }); // not 75
  });

  it('hides a school figure from 5 or fewer pupils, flags fewer than 11, and leaves hidden schools out of the cluster', () => {
    const rows = table(
      [result('100', '2024-25', 5, 20), result('101', '2024-25', 9, 80), result('102', '2024-25', 30, 60)],
      3,
    ).rows;
    expect(rows[0]?.cells[2]).toEqual({ kind: 'hidden', why: 'fewer than 6 pupils' });
    expect(rows[1]?.cells[2]).toMatchObject({ kind: 'value', value: 80, lowReliability: true });
    expect(rows.find((r) => r.kind === 'cluster')?.cells[2]).toMatchObject({
      value: (9 * 80 + 30 * 60) / 39,
    });
  });

  it('shows three years with the change, and why progress is missing for 2023/24 and 2024/25', () => {
    const rows = table([result('100', '2023-24', 30, 60), result('100', '2024-25', 30, 66)], 1).rows;
    expect(rows[0]?.change).toBe(6);
    const progress = table([], 1, 'ks2-reading-progress');
    expect(progress.years).toEqual(['2022-23', '2023-24', '2024-25']);
    expect(progress.rows[0]?.cells[2]).toEqual({
      kind: 'missing',
      why: 'not published for 2023/24 or 2024/25 (no KS1 baseline)',
    });
    expect(progress.rows[0]?.cells[0]).toEqual({ kind: 'none' });
  });

  it("never lets a hidden school's figure be worked out: nothing shown changes whatever it is", () => {
    const school = fc.record({
      cohort: fc.integer({ min: 0, max: 60 }),
      value: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(school, { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 100 }),
        (list, other) => {
          const results = (values: number[]) =>
            list.map((s, i) => result(`${100 + i}`, '2024-25', s.cohort, values[i]));
          const hidden = list.map((s, i) => (s.cohort < 6 ? i : -1)).filter((i) => i >= 0);
          fc.pre(hidden.length > 0);
          const shown = JSON.stringify(table(results(list.map((s) => s.value)), list.length));
          const changed = list.map((s, i) => (hidden.includes(i) ? other : s.value));
          expect(JSON.stringify(table(results(changed), list.length))).toBe(shown);
        },
      ),
    );
  });
});
