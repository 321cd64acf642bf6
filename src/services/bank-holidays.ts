import Holidays from 'date-holidays';
import type { LocalDate } from '../domain/time/local-date';

const england = new Holidays('GB', 'ENG');

/**
 * England and Wales bank holidays (public holidays only, substitute days included) for the
 * calendar years an academic year touches. From the maintained date-holidays data set.
 */
export function bankHolidaysFor(calendarYears: readonly number[]): Map<LocalDate, string> {
  const found = new Map<LocalDate, string>();
  for (const year of new Set(calendarYears)) {
    for (const holiday of england.getHolidays(year)) {
      if (holiday.type === 'public') found.set(holiday.date.slice(0, 10), holiday.name);
    }
  }
  return found;
}
