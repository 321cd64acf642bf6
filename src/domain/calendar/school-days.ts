import { addDays, isWeekend, type LocalDate } from '../time/local-date';
import { bankHolidaysFor } from './bank-holidays';
import type { YearCalendar } from './term-dates';

/**
 * A school day: a weekday that is not a bank holiday, and, where the cluster has set its term
 * dates, inside a half term and not a closure (INSET) day. Deadlines, nudges and summaries fall
 * on these, so nobody is asked to answer by a Sunday or on the first day of a holiday.
 */
export function schoolDays(calendars: readonly YearCalendar[]): (date: LocalDate) => boolean {
  const closures = new Set(calendars.flatMap((c) => c.closures));
  const terms = calendars.flatMap((c) => c.halfTerms);
  const years = new Map<number, Map<LocalDate, string>>();
  const bankHoliday = (date: LocalDate) => {
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, bankHolidaysFor([year]));
    return years.get(year)?.has(date) ?? false;
  };
  const covered = (date: LocalDate) => calendars.some((c) => yearSpan(c, date));
  return (date) => {
    if (isWeekend(date) || bankHoliday(date) || closures.has(date)) return false;
    // Outside the set term dates (a holiday) is not a school day; a year without dates is all weekdays.
    return !covered(date) || terms.some((h) => h.start <= date && date <= h.end);
  };
}

function yearSpan(calendar: YearCalendar, date: LocalDate): boolean {
  const starts = calendar.halfTerms.map((h) => h.start).sort();
  const ends = calendar.halfTerms.map((h) => h.end).sort();
  const first = starts[0];
  const last = ends.at(-1);
  return first !== undefined && last !== undefined && first <= date && date <= last;
}

/** Two months without a school day (a data mistake): fall back to calendar days. */
const GUARD_DAYS = 60;

/** `count` school days before `date`; with 0, `date` if it is a school day, else the school day before. */
export function schoolDaysBefore(
  date: LocalDate,
  count: number,
  isSchoolDay: (d: LocalDate) => boolean,
): LocalDate {
  let day = date;
  let left = count;
  for (let steps = 0; steps < GUARD_DAYS; steps++) {
    if (left === 0 && isSchoolDay(day)) return day;
    day = addDays(day, -1);
    if (left > 0 && isSchoolDay(day)) left--;
  }
  return addDays(date, -count);
}
