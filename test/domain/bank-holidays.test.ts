import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { bankHolidaysFor, easterSunday } from '../../src/domain/calendar/bank-holidays';

describe('England and Wales bank holidays', () => {
  it('finds Easter Sunday on the dates the calendar gives it', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('moves weekend Christmas, Boxing and New Year days to the next free weekday', () => {
    expect([...bankHolidaysFor([2027])].filter(([day]) => day >= '2027-12-01')).toEqual([
      ['2027-12-25', 'Christmas Day'],
      ['2027-12-26', 'Boxing Day'],
      ['2027-12-27', 'Christmas Day (substitute day)'],
      ['2027-12-28', 'Boxing Day (substitute day)'],
    ]);
    expect(bankHolidaysFor([2022]).get('2022-01-03')).toBe("New Year's Day (substitute day)");
    expect(bankHolidaysFor([2022]).get('2022-12-27')).toBe('Christmas Day (substitute day)');
    expect(bankHolidaysFor([2026]).get('2026-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('knows the proclaimed one-off and moved days', () => {
    const days2022 = bankHolidaysFor([2022]);
    expect(days2022.get('2022-06-02')).toBe('Spring bank holiday');
    expect(days2022.has('2022-05-30')).toBe(false);
    expect(days2022.get('2022-09-19')).toBe('State Funeral of Queen Elizabeth II');
    expect(bankHolidaysFor([2020]).has('2020-05-04')).toBe(false);
    expect(bankHolidaysFor([2023]).get('2023-05-08')).toBe('Coronation of King Charles III');
  });

  // date-holidays misses some earlier proclamations (1995's VE Day, 1999's Millennium day, 2002's
  // and 2012's moved spring holiday, 2011's royal wedding), so the comparison starts in 2013.
  it('gives the same days as the maintained date-holidays data set, 2013 to 2060', () => {
    const england = new Holidays('GB', 'ENG');
    for (let year = 2013; year <= 2060; year++) {
      const expected = england
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .sort();
      expect([...bankHolidaysFor([year]).keys()].sort(), String(year)).toEqual(expected);
    }
  });
});
