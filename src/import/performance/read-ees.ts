import { type Figure, type MeasureId, readFigure, schoolYearOf } from '../../domain/performance/measures';

/** EES KS2 files are tidy: one row per school (or area) × year × subject, a measure per column. */
const SUBJECT_MEASURES: Record<string, Partial<Record<string, MeasureId>>> = {
  'reading, writing and maths': {
    expected_standard_pupil_percent: 'ks2-rwm-expected',
    higher_standard_pupil_percent: 'ks2-rwm-higher',
  },
  reading: {
    expected_standard_pupil_percent: 'ks2-reading-expected',
    average_scaled_score: 'ks2-reading-score',
    progress_measure_score: 'ks2-reading-progress',
  },
  writing: {
    expected_standard_pupil_percent: 'ks2-writing-expected',
    progress_measure_score: 'ks2-writing-progress',
  },
  maths: {
    expected_standard_pupil_percent: 'ks2-maths-expected',
    average_scaled_score: 'ks2-maths-score',
    progress_measure_score: 'ks2-maths-progress',
  },
  'grammar, punctuation and spelling': { expected_standard_pupil_percent: 'ks2-gps-expected' },
};

export type Row = Record<string, string | undefined>;

export const rowOf = (header: readonly string[], cells: readonly string[]): Row =>
  Object.fromEntries(header.map((column, i) => [column.trim(), cells[i]]));

/** Only the all-pupils totals (breakdowns by pupil group are not the partnership's table). */
export const isAllPupils = (row: Row) =>
  (row.breakdown_topic ?? 'All pupils') === 'All pupils' && (row.breakdown ?? 'Total') === 'Total';

/** The figures one tidy row gives, by measure. */
export function figuresOfTidyRow(row: Row): Partial<Record<MeasureId, Figure>> {
  const measures = SUBJECT_MEASURES[(row.subject ?? '').toLowerCase()] ?? {};
  const figures: Partial<Record<MeasureId, Figure>> = {};
  for (const [column, measure] of Object.entries(measures)) {
    const figure = measure ? readFigure(row[column]) : undefined;
    if (measure && figure) figures[measure] = figure;
  }
  return figures;
}

export const yearOfRow = (row: Row) => schoolYearOf(row.time_period ?? '');

/** A cohort cell: a whole number, or nothing (a symbol or blank). */
export function cohortOf(cell: string | undefined): number | undefined {
  const figure = readFigure(cell);
  return figure && 'value' in figure && Number.isInteger(figure.value) ? figure.value : undefined;
}
