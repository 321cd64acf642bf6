import { type ClusterHealth, orderForBoard, percent } from '../domain/board/cluster-health';

/**
 * A board's figures for a spreadsheet (`/board csv`): the same figures as the overview card, one
 * row per cluster.
 */
export const BOARD_CSV_HEADER = [
  'cluster',
  'year',
  'meetings planned',
  'meetings held',
  'attendance rate',
  'minutes due',
  'minutes within two weeks',
  'actions open',
  'actions overdue',
  'actions done',
  'done on time',
  'peer reviews requested',
  'peer reviews completed',
  'board representative set',
  'needs attention because',
];

/** RFC 4180 quoting; a value that Excel would run as a formula stays text. */
export function boardCsv(healths: readonly ClusterHealth[]): string {
  const quote = (value: string | number) => {
    const text = String(value);
    // A leading =, +, - or @ would run as a formula in Excel: prefix it so it stays text.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = orderForBoard(healths).map((h) =>
    [
      h.name,
      h.year,
      h.meetingsPlanned,
      h.meetingsHeld,
      h.attendanceRate === undefined ? '' : percent(h.attendanceRate, 1),
      h.minutesDue,
      h.minutesOnTime,
      h.actions.open,
      h.actions.overdue,
      h.actions.done,
      percent(h.actions.doneOnTime, h.actions.done),
      h.reviews.requested,
      h.reviews.completed,
      h.boardRepSet ? 'yes' : 'no',
      h.concerns.join('; '),
    ].map(quote),
  );
  return `${[BOARD_CSV_HEADER.map(quote), ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
