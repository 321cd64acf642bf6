import type { PerformanceCardData, PerformanceEntryCardData } from '../cards/performance-card';
import type { School } from '../domain/clusters/cluster';
import { MEASURES, type MeasureId } from '../domain/performance/measures';
import type { PerformanceTable } from '../domain/performance/performance-table';
import type { SchoolResults } from '../domain/performance/results';
import type { Cell } from '../domain/performance/small-numbers';

const decimals = (unit: string) => (unit === 'progress' ? 1 : 0);

/** A cell in words: "80%", "80%†" (fewer than 11 pupils), "82% ✎" (school-entered), or why there is none. */
export function cellText(cell: Cell, unit: string): string {
  if (cell.kind === 'hidden' || cell.kind === 'missing') return cell.why;
  if (cell.kind === 'none') return '–';
  const number = cell.value.toFixed(decimals(unit));
  const shown = unit === '%' ? `${number}%` : unit === 'progress' && cell.value > 0 ? `+${number}` : number;
  return `${shown}${cell.lowReliability ? '†' : ''}${cell.schoolEntered ? ' ✎' : ''}`;
}

export function performanceCardData(clusterName: string, table: PerformanceTable): PerformanceCardData {
  const unit = MEASURES[table.measure].unit;
  const [a = '', b = '', c = ''] = table.years;
  return {
    title: `${clusterName}: performance ${c}`,
    measure: MEASURES[table.measure].label,
    years: [a, b, c],
    rows: table.rows.map((row) => ({
      label: row.label,
      cells: row.cells.map((cell) => cellText(cell, unit)) as [string, string, string],
      change:
        row.change === undefined
          ? ''
          : `${row.change > 0 ? '+' : ''}${row.change.toFixed(decimals(unit) || 0)}`,
      weight: row.kind === 'school' ? 'Default' : 'Bolder',
      separator: row.kind === 'cluster',
    })),
    ofsted: table.rows.filter((r) => r.ofsted).map((r) => ({ line: `${r.label}: ${r.ofsted}` })),
    notes: [...table.notes, '† fewer than 11 pupils (low reliability). ✎ entered by the school.'].join(' '),
  };
}

const ENTRY_FIELDS: Array<{ measure: MeasureId; id: string; label: string; cohortLabel: string }> = [
  {
    measure: 'phonics-y1',
    id: 'phonics',
    label: 'Year 1 phonics check: % meeting the standard',
    cohortLabel: 'Pupils in Year 1',
  },
  {
    measure: 'ks1-rwm-expected',
    id: 'ks1',
    label: 'KS1 reading, writing and maths: % expected',
    cohortLabel: 'Pupils in Year 2',
  },
  {
    measure: 'attendance',
    id: 'attendance',
    label: 'Attendance: % of sessions',
    cohortLabel: 'Pupils on roll',
  },
];

export const ENTRY_INPUTS = ENTRY_FIELDS.map(({ measure, id }) => ({ measure, id, cohortId: `${id}Cohort` }));

/** The card on which a head enters their school's own figures for a year, with each cohort. */
export function performanceEntryCardData(
  clusterId: string,
  school: School,
  year: string,
  entered: SchoolResults | undefined,
  note = '',
): PerformanceEntryCardData {
  return {
    title: `${school.name}: figures for ${year}`,
    explanation:
      'Figures the DfE does not publish for each school. They are shown as entered by the school (✎), a figure from 5 or fewer pupils is never shown, and they reach the board only if the cluster shares them. Percentages and pupil numbers only: nothing about individual pupils.',
    fields: ENTRY_FIELDS.map((field) => {
      const figure = entered?.figures[field.measure];
      return {
        id: field.id,
        label: field.label,
        value: figure && 'value' in figure ? String(figure.value) : '',
        cohortId: `${field.id}Cohort`,
        cohortLabel: field.cohortLabel,
        cohort: String(entered?.enteredCohorts?.[field.measure] ?? ''),
      };
    }),
    note,
    clusterId,
    schoolId: school.id,
    year,
  };
}
