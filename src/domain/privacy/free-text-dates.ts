/**
 * Dates as people type them in British free text: 4/4/2016, 04.04.16, 2016-04-04, 4th April
 * 2016, 4 Apr 2016. Day before month, always (en-GB).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;

export const DATE_PATTERN = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME}\s+\d{2,4}`;

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{2,4})$/i;

export type CalendarDate = { year: number; month: number; day: number };

/** The date a typed date stands for, or undefined when it is not a real date. */
export function readTypedDate(typed: string, today: Date): CalendarDate | undefined {
  const numeric = NUMERIC.exec(typed);
  const iso = ISO.exec(typed);
  const words = WORDS.exec(typed);
  let date: CalendarDate | undefined;
  if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (numeric)
    date = { day: Number(numeric[1]), month: Number(numeric[2]), year: fullYear(numeric[3] ?? '', today) };
  else if (words) {
    const month = MONTHS.indexOf((words[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    date = { day: Number(words[1]), month, year: fullYear(words[3] ?? '', today) };
  }
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return undefined;
  return date;
}

/** "15" is 2015 when that is not in the future, else 1915: the reading a person means. */
function fullYear(typed: string, today: Date): number {
  if (typed.length !== 2) return Number(typed);
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const year = century + Number(typed);
  return year > today.getUTCFullYear() ? year - 100 : year;
}

/** Whole years from the date to today: a person's age, were it their birthday. */
export function yearsSince(date: CalendarDate, today: Date): number {
  const month = today.getUTCMonth() + 1;
  const beforeBirthday = month < date.month || (month === date.month && today.getUTCDate() < date.day);
  return today.getUTCFullYear() - date.year - (beforeBirthday ? 1 : 0);
}

/** Nursery to sixth form: the ages at which a birth date would be a pupil's. */
export const SCHOOL_AGE = { youngest: 2, oldest: 19 } as const;
