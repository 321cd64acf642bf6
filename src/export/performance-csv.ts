import { MEASURES } from '../domain/performance/measures';
import type { PerformanceTable } from '../domain/performance/performance-table';
import type { Cell } from '../domain/performance/small-numbers';

const quoted = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const cellText = (cell: Cell | undefined) =>
  !cell || cell.kind === 'none'
    ? ''
    : cell.kind === 'value'
      ? String(Math.round(cell.value * 10) / 10)
      : cell.why;

/** The table as CSV for a spreadsheet: one line per row, a column per year, reasons where there is no figure. */
export function performanceCsv(table: PerformanceTable): string {
  const header = ['', ...table.years.map((y) => `${MEASURES[table.measure].label} ${y}`), 'change'];
  const lines = table.rows.map((row) => [
    row.label,
    ...row.cells.map(cellText),
    row.change === undefined ? '' : String(Math.round(row.change * 10) / 10),
  ]);
  return `${[header, ...lines].map((cells) => cells.map(quoted).join(',')).join('\r\n')}\r\n`;
}
