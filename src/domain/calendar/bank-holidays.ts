import { addDays, isoWeekday, type LocalDate } from '../time/local-date';

/**
 * England and Wales bank holidays, by the rules of the Banking and Financial Dealings Act 1971
 * and the proclamations since: fixed days with substitutes when they fall at a weekend, Easter,
 * the May and August Mondays, and the one-off days that were proclaimed. A rule, not a data set,
 * so it costs no memory and knows every future year; a new one-off day is added here when it is
 * proclaimed (the test compares the rule with a maintained data set over decades).
 */

/** Moved or extra days, by year: the rule alone cannot know them. */
const PROCLAIMED: Record<number, { moved?: Record<string, LocalDate>; extra?: Record<LocalDate, string> }> = {
  1995: { moved: { 'Early May bank holiday': '1995-05-08' } },
  1999: { extra: { '1999-12-31': 'Millennium Celebrations' } },
  2002: { moved: { 'Spring bank holiday': '2002-06-04' }, extra: { '2002-06-03': 'Golden Jubilee' } },
  2011: { extra: { '2011-04-29': 'Royal Wedding' } },
  2012: { moved: { 'Spring bank holiday': '2012-06-04' }, extra: { '2012-06-05': 'Diamond Jubilee' } },
  2020: { moved: { 'Early May bank holiday': '2020-05-08' } },
  2022: {
    moved: { 'Spring bank holiday': '2022-06-02' },
    extra: { '2022-06-03': 'Platinum Jubilee', '2022-09-19': 'State Funeral of Queen Elizabeth II' },
  },
  2023: { extra: { '2023-05-08': 'Coronation of King Charles III' } },
};

function date(year: number, month: number, day: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

function firstMonday(year: number, month: number): LocalDate {
  const first = date(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number, daysInMonth: number): LocalDate {
  const last = date(year, month, daysInMonth);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

/** The holidays of one calendar year, weekend days included, with their substitute days. */
function holidaysOf(year: number): Map<LocalDate, string> {
  const found = new Map<LocalDate, string>();
  const proclaimed = PROCLAIMED[year] ?? {};
  const add = (day: LocalDate, name: string) => found.set(proclaimed.moved?.[name] ?? day, name);

  const newYear = date(year, 1, 1);
  add(newYear, "New Year's Day");
  if (isoWeekday(newYear) >= 6)
    add(addDays(newYear, 8 - isoWeekday(newYear)), "New Year's Day (substitute day)");

  const easter = easterSunday(year);
  add(addDays(easter, -2), 'Good Friday');
  add(addDays(easter, 1), 'Easter Monday');
  add(firstMonday(year, 5), 'Early May bank holiday');
  add(lastMonday(year, 5, 31), 'Spring bank holiday');
  add(lastMonday(year, 8, 31), 'Summer bank holiday');

  const christmas = date(year, 12, 25);
  const boxing = date(year, 12, 26);
  add(christmas, 'Christmas Day');
  add(boxing, 'Boxing Day');
  // A weekend Christmas or Boxing Day moves to the next weekday not already a holiday.
  const christmasDay = isoWeekday(christmas);
  if (christmasDay === 6) {
    add(date(year, 12, 27), 'Christmas Day (substitute day)');
    add(date(year, 12, 28), 'Boxing Day (substitute day)');
  } else if (christmasDay === 7) {
    add(date(year, 12, 27), 'Christmas Day (substitute day)');
  } else if (christmasDay === 5) {
    add(date(year, 12, 28), 'Boxing Day (substitute day)');
  }
  for (const [day, name] of Object.entries(proclaimed.extra ?? {})) found.set(day, name);
  return found;
}

/** England and Wales bank holidays for the calendar years an academic year touches. */
export function bankHolidaysFor(calendarYears: readonly number[]): Map<LocalDate, string> {
  const found = new Map<LocalDate, string>();
  for (const year of [...new Set(calendarYears)].sort()) {
    for (const [day, name] of holidaysOf(year)) found.set(day, name);
  }
  return found;
}
