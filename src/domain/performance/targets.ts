import type { MeasureId } from './measures';
import type { PerformanceTable } from './performance-table';
import type { PerformanceTarget } from './results';
import type { Cell } from './small-numbers';

/**
 * Year-on-year targets (the Tendring model): each school and the cluster set a target per
 * measure per year; when results arrive each is met, not met, or has no result (and why).
 */
export type TargetReview =
  | { status: 'met' | 'not-met'; target: number; result: number; trend?: number }
  | { status: 'no-data'; target: number; why: string }
  | { status: 'no-target' };

/**
 * A result is judged as it is shown (whole percentages and scores, progress to one decimal):
 * a cluster at 69.6%, shown as 70%, has met a target of 70%.
 */
export function reviewTarget(
  target: number | undefined,
  cell: Cell | undefined,
  before: Cell | undefined,
  decimals = 0,
): TargetReview {
  if (target === undefined) return { status: 'no-target' };
  if (!cell || cell.kind === 'none') return { status: 'no-data', target, why: 'no result yet' };
  if (cell.kind !== 'value') return { status: 'no-data', target, why: cell.why };
  const shown = (value: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
  const trend = before?.kind === 'value' ? shown(cell.value) - shown(before.value) : undefined;
  return {
    status: shown(cell.value) >= target ? 'met' : 'not-met',
    target,
    result: shown(cell.value),
    ...(trend !== undefined ? { trend } : {}),
  };
}

/** Each row of the table (schools and the cluster) with its target for the table's latest year. */
export function reviewTargets(
  table: PerformanceTable,
  targets: readonly PerformanceTarget[],
  keyOf: (rowLabel: string, kind: string) => string | undefined,
): Array<{ label: string; review: TargetReview }> {
  const year = table.years.at(-1);
  return table.rows
    .filter((row) => row.kind === 'school' || row.kind === 'cluster')
    .map((row) => {
      const key = keyOf(row.label, row.kind);
      const target = targets.find(
        (t) => t.for === key && t.year === year && t.measure === table.measure,
      )?.value;
      const decimals = table.measure.endsWith('-progress') ? 1 : 0;
      return { label: row.label, review: reviewTarget(target, row.cells.at(-1), row.cells.at(-2), decimals) };
    });
}

/** A target as typed: a number within the measure's range. */
export function targetProblem(measure: MeasureId, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'give the target as a number, for example 72';
  if (measure.endsWith('-progress'))
    return value < -20 || value > 20 ? 'a progress target is between -20 and +20' : undefined;
  if (measure.endsWith('-score'))
    return value < 80 || value > 120 ? 'a scaled-score target is between 80 and 120' : undefined;
  return value < 0 || value > 100 ? 'a percentage target is between 0 and 100' : undefined;
}

/** One line for the agenda and minutes: the cluster against its target, and how many schools met theirs. */
export function reviewSummary(
  year: string,
  measureLabel: string,
  reviews: ReadonlyArray<{ label: string; review: TargetReview }>,
  clusterLabel: string,
  unit: string,
): string {
  const shown = (n: number) => (unit === '%' ? `${n}%` : String(n));
  const cluster = reviews.find((r) => r.label === clusterLabel)?.review;
  const schools = reviews.filter((r) => r.label !== clusterLabel).map((r) => r.review.status);
  const count = (status: TargetReview['status']) => schools.filter((s) => s === status).length;
  const clusterText =
    !cluster || cluster.status === 'no-target'
      ? 'no cluster target set'
      : cluster.status === 'no-data'
        ? `cluster target ${shown(cluster.target)}, no result (${cluster.why})`
        : `cluster ${shown(cluster.result)} against a target of ${shown(cluster.target)} (${cluster.status === 'met' ? 'met' : 'not met'})`;
  return `${measureLabel}, ${year}: ${clusterText}; schools: ${count('met')} met, ${count('not-met')} not met, ${count('no-data') + count('no-target')} without a result or target`;
}
