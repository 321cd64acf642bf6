import type { Figure, MeasureId } from '../../domain/performance/measures';
import { readFigure } from '../../domain/performance/measures';
import type { Row } from './read-ees';

/** The wide legacy download: one row per school (RECTYPE 1, 2), LA (3) or England (4, 5). */
const COLUMNS: Record<string, MeasureId> = {
  PTRWM_EXP: 'ks2-rwm-expected',
  PTRWM_HIGH: 'ks2-rwm-higher',
  PTREAD_EXP: 'ks2-reading-expected',
  PTWRITTA_EXP: 'ks2-writing-expected',
  PTMAT_EXP: 'ks2-maths-expected',
  PTGPS_EXP: 'ks2-gps-expected',
  READ_AVERAGE: 'ks2-reading-score',
  MAT_AVERAGE: 'ks2-maths-score',
  READPROG: 'ks2-reading-progress',
  WRITPROG: 'ks2-writing-progress',
  MATPROG: 'ks2-maths-progress',
};

export type LegacyRecordType = 'school' | 'la' | 'england' | 'other';

export function legacyRecordType(row: Row): LegacyRecordType {
  const type = (row.RECTYPE ?? '').trim();
  if (type === '1' || type === '2') return 'school';
  if (type === '3') return 'la';
  if (type === '4' || type === '5') return 'england';
  return 'other';
}

export function figuresOfLegacyRow(row: Row): Partial<Record<MeasureId, Figure>> {
  const figures: Partial<Record<MeasureId, Figure>> = {};
  for (const [column, measure] of Object.entries(COLUMNS)) {
    const figure = readFigure(row[column]);
    if (figure) figures[measure] = figure;
  }
  return figures;
}
