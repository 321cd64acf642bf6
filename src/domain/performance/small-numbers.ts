import { type Figure, MISSING_REASONS } from './measures';

/**
 * Small numbers are safe: no school figure from 5 or fewer pupils is shown, figures from fewer
 * than 11 are flagged as of low reliability, and a hidden school's figure never goes into a
 * figure that is shown (the cluster's is worked out without it), so it cannot be worked back
 * from the cluster's figure and the others'.
 */
export const FEWEST_PUPILS_SHOWN = 6;
export const RELIABLE_FROM = 11;

export type Cell =
  | { kind: 'value'; value: number; lowReliability: boolean; schoolEntered: boolean; cohort?: number }
  | { kind: 'hidden'; why: string }
  | { kind: 'missing'; why: string }
  | { kind: 'none' };

export const HIDDEN_WHY = 'fewer than 6 pupils';

/** A school's figure as it may be shown. */
export function schoolCell(
  figure: Figure | undefined,
  cohort: number | undefined,
  schoolEntered: boolean,
): Cell {
  if (cohort !== undefined && cohort < FEWEST_PUPILS_SHOWN) return { kind: 'hidden', why: HIDDEN_WHY };
  if (!figure) return { kind: 'none' };
  if ('missing' in figure) return { kind: 'missing', why: MISSING_REASONS[figure.missing] };
  return {
    kind: 'value',
    value: figure.value,
    lowReliability: cohort !== undefined && cohort < RELIABLE_FROM,
    schoolEntered,
    ...(cohort !== undefined ? { cohort } : {}),
  };
}

/**
 * The cluster's figure, weighted by cohort (not a mean of percentages), from the schools whose
 * figures are shown and whose cohorts are known; hidden schools are left out.
 */
export function clusterCell(cells: readonly Cell[]): Cell {
  let pupils = 0;
  let total = 0;
  let schoolEntered = false;
  for (const cell of cells) {
    if (cell.kind !== 'value' || cell.cohort === undefined) continue;
    pupils += cell.cohort;
    total += cell.cohort * cell.value;
    schoolEntered ||= cell.schoolEntered;
  }
  if (pupils === 0) return { kind: 'none' };
  return {
    kind: 'value',
    value: total / pupils,
    lowReliability: pupils < RELIABLE_FROM,
    schoolEntered,
    cohort: pupils,
  };
}
