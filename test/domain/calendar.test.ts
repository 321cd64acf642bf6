import { describe, expect, it } from 'vitest';
import { academicYearOf, parseAcademicYear } from '../../src/domain/calendar/academic-year';
import { bankHolidaysFor } from '../../src/domain/calendar/bank-holidays';
import { parseMeetingPattern, patternDateIn } from '../../src/domain/calendar/meeting-pattern';
import { checkTermDates } from '../../src/domain/calendar/term-dates';
import { YEAR_2026_27 } from '../support/sample-calendar';

const tuesdayWeek3 = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };
const open = () => undefined;

describe('academic years', () => {
  it('reads the ways people write a school year', () => {
    for (const text of ['2026-27', '2026/27', '2026-2027', ' 2026 / 2027 '])
      expect(parseAcademicYear(text)).toBe('2026-27');
    expect(parseAcademicYear('1999-00')).toBe('1999-00');
    expect(parseAcademicYear('2026-28')).toBeUndefined();
    expect(academicYearOf('2026-08-31')).toBe('2025-26');
    expect(academicYearOf('2026-09-01')).toBe('2026-27');
  });
});

describe('term dates', () => {
  it('accepts six ordered half terms inside the year', () => {
    expect(checkTermDates('2026-27', YEAR_2026_27.halfTerms)).toEqual([]);
  });

  it('names every problem: missing half terms, reversed or overlapping dates, dates outside the year', () => {
    const [a1, a2, s1, s2, u1] = YEAR_2026_27.halfTerms;
    if (!a1 || !a2 || !s1 || !s2 || !u1) throw new Error('sample calendar');
    expect(
      checkTermDates('2026-27', [
        a1,
        { ...a2, start: '2026-10-20' },
        { ...s1, start: '2027-02-13', end: '2027-02-01' },
        s2,
        { ...u1, end: '2027-09-30' },
      ]),
    ).toEqual([
      '2026-27 needs all six half terms (Autumn 1 to Summer 2) exactly once',
      'Autumn 2 starts before Autumn 1 has ended',
      'Spring 1 ends (Mon 1 Feb 2027) before it starts (Sat 13 Feb 2027)',
      'Spring 1 starts on a Sat: a half term starts on a weekday',
      'Summer 1 (Mon 12 Apr 2027 to Thu 30 Sep 2027) is outside the 2026-27 school year',
    ]);
  });
});

describe('the meeting pattern', () => {
  it('reads "Tuesday of week 3, 13:30–15:30" and its shorter forms', () => {
    expect(parseMeetingPattern('Tuesday of week 3, 13:30–15:30')).toEqual(tuesdayWeek3);
    expect(parseMeetingPattern('tue week 3 13.30 to 15.30')).toEqual(tuesdayWeek3);
  });

  it('says what is missing or wrong', () => {
    expect(parseMeetingPattern('sometime next week')).toEqual({
      problems: [
        'say which weekday, Monday to Friday (e.g. "Tuesday")',
        'say which week of the half term (e.g. "week 3")',
        'give the start and end times in 24-hour form (e.g. "13:30-15:30")',
      ],
    });
    expect(parseMeetingPattern('Friday week 9 15:30-13:30')).toEqual({
      problems: ['the week must be between 1 and 6', 'the meeting must end after it starts'],
    });
  });

  it('counts week 1 as the week the half term starts in, even mid-week', () => {
    const [autumn1, , spring1] = YEAR_2026_27.halfTerms;
    if (!autumn1 || !spring1) throw new Error('sample calendar');
    expect(patternDateIn(autumn1, tuesdayWeek3, open)).toEqual({ date: '2026-09-15' });
    expect(patternDateIn(spring1, tuesdayWeek3, open)).toEqual({ date: '2027-01-19' });
  });

  it('never meets on a bank holiday: the Early May bank holiday moves a Monday meeting to Tuesday', () => {
    const summer1 = YEAR_2026_27.halfTerms[4];
    if (!summer1) throw new Error('sample calendar');
    const holidays = bankHolidaysFor([2027]);
    const isClosed = (date: string) =>
      holidays.has(date) ? `${holidays.get(date)} (bank holiday)` : undefined;
    expect(patternDateIn(summer1, { ...tuesdayWeek3, weekday: 1, week: 4 }, isClosed)).toEqual({
      date: '2027-05-04',
      movedBecause: 'Mon 3 May 2027: Early May bank holiday (bank holiday)',
    });
  });

  it('moves off an INSET day, and back inside a half term too short for the week asked', () => {
    const autumn1 = YEAR_2026_27.halfTerms[0];
    if (!autumn1) throw new Error('sample calendar');
    const inset = (date: string) => (date === '2026-09-15' ? 'a closure (INSET day)' : undefined);
    expect(patternDateIn(autumn1, tuesdayWeek3, inset)).toEqual({
      date: '2026-09-16',
      movedBecause: 'Tue 15 Sep 2026: a closure (INSET day)',
    });
    const shortHalfTerm = { halfTerm: 4 as const, start: '2027-02-22', end: '2027-03-12' };
    expect(patternDateIn(shortHalfTerm, { ...tuesdayWeek3, week: 5 }, open)).toEqual({
      date: '2027-03-12',
      movedBecause: 'Tue 23 Mar 2027: the half term had ended',
    });
  });

  it('lists England and Wales public bank holidays including substitute days', () => {
    const holidays = bankHolidaysFor([2026]);
    expect(holidays.get('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(holidays.has('2026-03-17')).toBe(false); // St Patrick's Day is not an England bank holiday
  });
});
