/**
 * Calendar dates as people in England write them down: 'YYYY-MM-DD', no time, no zone.
 * Term dates, bank holidays and INSET days are dates, not instants, so they stay strings and
 * date arithmetic is done on UTC midnights where no clock change can interfere.
 */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const match = DATE.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtcMidnight(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtcMidnight(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: LocalDate): number {
  const day = toUtcMidnight(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * Reads the date forms heads type: 2026-10-13, 13/10/2026, 13-10-2026 (day first, as in England;
 * GIAS exports use dd-MM-yyyy too). Returns undefined for anything else or impossible dates.
 */
export function parseUkDate(text: string): LocalDate | undefined {
  const trimmed = text.trim();
  if (isLocalDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return undefined;
  const candidate = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return isLocalDate(candidate) ? candidate : undefined;
}
