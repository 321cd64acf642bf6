import type { PerformanceCardData } from '../cards/performance-card';
import { MEASURES } from '../domain/performance/measures';
import type { PerformanceTable } from '../domain/performance/performance-table';
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
