import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, parseUkDate } from '../../src/domain/time/local-date';
import {
  formatLocalDate,
  formatLondon,
  londonToInstant,
  londonWallClock,
} from '../../src/domain/time/london-time';

describe('London time', () => {
  it('puts 13:30 in British Summer Time at 12:30 UTC, and in winter at 13:30 UTC', () => {
    expect(londonToInstant('2026-10-13', '13:30').toISOString()).toBe('2026-10-13T12:30:00.000Z');
    expect(londonToInstant('2026-11-17', '13:30').toISOString()).toBe('2026-11-17T13:30:00.000Z');
  });

  it('is right on either side of the October clock change (Sunday 25 October 2026)', () => {
    expect(londonToInstant('2026-10-24', '09:00').toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(londonToInstant('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(londonToInstant('2027-03-29', '09:00').toISOString()).toBe('2027-03-29T08:00:00.000Z');
  });

  it('formats instants the way people in England write them', () => {
    expect(formatLondon(new Date('2026-10-13T12:30:00Z'))).toBe('Tue 13 Oct 2026, 13:30');
    expect(formatLondon(new Date('2027-01-19T13:30:00Z'))).toBe('Tue 19 Jan 2027, 13:30');
    expect(formatLocalDate('2027-05-03')).toBe('Mon 3 May 2027');
    expect(londonWallClock(new Date('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', time: '01:30' });
  });

  it('does date arithmetic without clock-change surprises', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(isoWeekday('2026-10-13')).toBe(2);
    expect(parseUkDate('3/9/2026')).toBe('2026-09-03');
    expect(parseUkDate('2026-09-03')).toBe('2026-09-03');
    expect(parseUkDate('31/02/2027')).toBeUndefined();
    expect(parseUkDate('09/03/26')).toBeUndefined();
  });
});

describe('the London wall clock, worked out from a per-hour offset', () => {
  it('agrees with the time zone database for any instant from 1990 to 2100', () => {
    const reference = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const parts = Object.fromEntries(reference.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
        expect(londonWallClock(new Date(ms))).toEqual({
          date: `${parts.year}-${parts.month}-${parts.day}`,
          time: `${parts.hour}:${parts.minute}`,
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
