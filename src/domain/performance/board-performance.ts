import { MEASURES } from './measures';
import type { PerformanceTable, TableRow } from './performance-table';

/**
 * A board's view: each cluster's weighted figure side by side (never a school's), with the LAs
 * and England once each. A cluster's school-entered figures are shown only if it shares them.
 */
export function boardPerformanceRows(
  clusters: ReadonlyArray<{ name: string; table: PerformanceTable; sharesEntered: boolean }>,
): TableRow[] {
  const rows: TableRow[] = [];
  const areas = new Map<string, TableRow>();
  for (const { name, table, sharesEntered } of clusters) {
    const cluster = table.rows.find((r) => r.kind === 'cluster');
    if (!cluster) continue;
    const hidden = MEASURES[table.measure].source === 'school-entered' && !sharesEntered;
    rows.push(
      hidden
        ? {
            label: name,
            kind: 'cluster',
            cells: cluster.cells.map(() => ({ kind: 'missing', why: 'not shared by the cluster' })),
          }
        : { ...cluster, label: name },
    );
    for (const area of table.rows.filter((r) => r.kind === 'la' || r.kind === 'england'))
      if (!areas.has(area.label)) areas.set(area.label, area);
  }
  const sorted = [...areas.values()].sort((a, b) =>
    a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'la' ? -1 : 1,
  );
  return [...rows, ...sorted];
}
