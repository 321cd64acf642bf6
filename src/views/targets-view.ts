import { MEASURES, type MeasureId } from '../domain/performance/measures';
import type { TargetReview } from '../domain/performance/targets';

const number = (measure: MeasureId, value: number) => {
  const unit = MEASURES[measure].unit;
  const text = value.toFixed(unit === 'progress' ? 1 : 0);
  return unit === '%' ? `${text}%` : text;
};

function reviewLine(measure: MeasureId, label: string, review: TargetReview): string {
  if (review.status === 'no-target') return `- ${label}: no target set`;
  const target = `target ${number(measure, review.target)}`;
  if (review.status === 'no-data') return `- ${label}: ${target} · no result (${review.why})`;
  const trend =
    review.trend === undefined
      ? ''
      : ` · ${review.trend >= 0 ? '+' : ''}${review.trend.toFixed(0)} on the year before`;
  return `- ${label}: ${target} · result ${number(measure, review.result)} · **${review.status === 'met' ? 'met' : 'not met'}**${trend}`;
}

/** "/targets": each school and the cluster, against the targets set for the year. */
export function targetsReport(
  year: string,
  measure: MeasureId,
  reviews: ReadonlyArray<{ label: string; review: TargetReview }>,
): string {
  return [
    `**Targets ${year}: ${MEASURES[measure].label}**`,
    ...reviews.map((r) => reviewLine(measure, r.label, r.review)),
    'Set one with **/targets set <measure> <year> <value> [for <school> | cluster]**, e.g. `/targets set rwm 2025-26 70 for cluster`.',
  ].join('\n');
}
