import { describe, expect, it } from 'vitest';
import type { HalfTermNumber } from '../../src/domain/calendar/academic-year';
import { academicYearStarting } from '../../src/domain/calendar/academic-year';
import { planRota } from '../../src/domain/rota/plan-rota';
import { planRotaChange, type RotaChangeRequest } from '../../src/domain/rota/rota-changes';
import type {
  BoardRepRule,
  PlannedMeeting,
  RotaSchool,
  ScheduledMeeting,
} from '../../src/domain/rota/rota-types';
import { type MeetingChange, scheduleMeetings } from '../../src/domain/rota/schedule-meetings';
import { YEAR_2026_27, YEAR_2027_28 } from '../support/sample-calendar';

const school = (letter: string, position: number, extra: Partial<RotaSchool> = {}): RotaSchool => ({
  id: letter,
  name: `School ${letter}`,
  position,
  ...extra,
});
const schools = (letters: string) => [...letters].map((l, i) => school(l, i + 1));

/** `count` meetings, one every 7 weeks from September 2026, as half terms of successive years. */
function meetings(
  count: number,
  changes: Partial<Record<number, Partial<ScheduledMeeting>>> = {},
): ScheduledMeeting[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 8, 15 + i * 49, 12, 30));
    const date = start.toISOString().slice(0, 10);
    return {
      id: `m${i + 1}`,
      year: academicYearStarting(2026 + Math.floor(i / 6)),
      halfTerm: ((i % 6) + 1) as HalfTermNumber,
      date,
      startTime: '13:30',
      endTime: '15:30',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      cancelled: false,
      ...changes[i + 1],
    };
  });
}

const BEFORE_EVERYTHING = new Date('2026-09-01T00:00:00Z');
const yearly: BoardRepRule = { kind: 'rotate-yearly' };
const hosts = (plan: PlannedMeeting[]) => plan.map((m) => m.host?.id ?? '-').join('');

describe('the rota of host schools', () => {
  it.each([
    ['an even cluster of 6', 'ABCDEF'],
    ['an odd cluster of 5', 'ABCDE'],
    ['a cluster of 17 (Roots)', 'ABCDEFGHIJKLMNOPQ'],
  ])('in %s, every school hosts once before any school hosts twice, across years', (_, letters) => {
    const plan = planRota(schools(letters), meetings(letters.length * 3), BEFORE_EVERYTHING, yearly);
    const order = hosts(plan);
    expect(order).toBe(letters.repeat(3));
    for (let round = 0; round < 3; round++) {
      const slice = order.slice(round * letters.length, (round + 1) * letters.length);
      expect(new Set(slice).size).toBe(letters.length);
    }
  });

  it('carries the order on into the next school year (7 schools, 6 meetings a year)', () => {
    const plan = planRota(schools('ABCDEFG'), meetings(12), BEFORE_EVERYTHING, yearly);
    expect(
      plan
        .slice(0, 6)
        .map((m) => m.host?.id)
        .join(''),
    ).toBe('ABCDEF');
    expect(
      plan
        .slice(6)
        .map((m) => m.host?.id)
        .join(''),
    ).toBe('GABCDE');
    expect(plan[6]?.year).toBe('2027-28');
  });

  it('the host chairs, and the previous host takes the minutes', () => {
    const plan = planRota(schools('ABCD'), meetings(4), BEFORE_EVERYTHING, yearly);
    expect(plan.map((m) => [m.host?.id, m.minuteTaker?.id])).toEqual([
      ['A', 'B'],
      ['B', 'A'],
      ['C', 'B'],
      ['D', 'C'],
    ]);
    expect(plan[0]?.minuteTakerNote).toBe(
      'first meeting, so no previous host: next school in the rota takes the minutes',
    );
    expect(plan[1]?.minuteTakerNote).toBeUndefined();
  });

  it('hands the minutes to the next school when the previous host has left or sent apologies', () => {
    const leftAfterFirst = [
      school('A', 1, { leftOn: '2026-10-01' }),
      ...schools('BCD').map((s, i) => ({ ...s, position: i + 2 })),
    ];
    const plan = planRota(
      leftAfterFirst,
      meetings(3, { 3: { apologies: ['B'] } }),
      BEFORE_EVERYTHING,
      yearly,
    );
    expect(plan.map((m) => m.host?.id).join('')).toBe('ABC');
    expect(plan[1]).toMatchObject({
      minuteTaker: { id: 'C' },
      minuteTakerNote: 'School A has left the cluster: next school in the rota takes the minutes',
    });
    expect(plan[2]).toMatchObject({
      minuteTaker: { id: 'D' },
      minuteTakerNote: 'School B (previous host) sent apologies: next school in the rota takes the minutes',
    });
  });

  it('puts a joining school at the back of the current round, ahead of anyone hosting twice', () => {
    const withJoiner = [...schools('ABCDE'), school('F', 6, { joinedOn: '2026-11-01' })];
    const plan = planRota(withJoiner, meetings(12), BEFORE_EVERYTHING, yearly);
    // A hosted in September, B in November (F joined before that meeting): F comes after C, D, E.
    expect(hosts(plan)).toBe('ABCDEFABCDEF');
  });

  it('drops a leaving school from future meetings only: past meetings keep their host', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const before = planRota(schools('ABCDE'), meetings(10), now, yearly);
    const cLeaves = schools('ABCDE').map((s) => (s.id === 'C' ? { ...s, leftOn: '2027-01-01' } : s));
    const after = planRota(cLeaves, meetings(10), now, yearly);
    const held = after.filter((m) => m.status === 'held');
    expect(held.map((m) => m.host?.id).join('')).toBe('ABC');
    const roles = (list: PlannedMeeting[]) =>
      list.map((m) => [m.id, m.host?.id, m.minuteTaker?.id, m.minuteTakerNote]);
    expect(roles(held)).toEqual(roles(before.filter((m) => m.status === 'held')));
    expect(hosts(after)).toBe('ABCDEABDEA');
  });

  it('marks held meetings, the next meeting and cancellations', () => {
    const plan = planRota(
      schools('ABC'),
      meetings(4, { 3: { cancelled: true } }),
      new Date('2026-11-01T00:00:00Z'),
      yearly,
    );
    expect(plan.map((m) => m.status)).toEqual(['held', 'next', 'cancelled', 'upcoming']);
  });

  it('rotates the board representative yearly or termly, or keeps one school', () => {
    const year = planRota(schools('ABCD'), meetings(12), BEFORE_EVERYTHING, yearly);
    expect(year.map((m) => m.boardRep?.id).join('')).toBe('AAAAAABBBBBB');
    const term = planRota(schools('ABCD'), meetings(12), BEFORE_EVERYTHING, { kind: 'rotate-termly' });
    expect(term.map((m) => m.boardRep?.id).join('')).toBe('AABBCCDDAABB');
    const fixed = planRota(schools('ABCD'), meetings(3), BEFORE_EVERYTHING, { kind: 'fixed', schoolId: 'C' });
    expect(fixed.map((m) => m.boardRep?.id).join('')).toBe('CCC');
  });
});

describe('changing the rota', () => {
  const now = new Date('2026-10-01T00:00:00Z');
  const context = { calendars: [YEAR_2026_27], isClosed: () => undefined };

  function apply(request: RotaChangeRequest, count = 6, letters = 'ABCDEF') {
    const base = meetings(count);
    const plan = planRota(schools(letters), base, now, yearly);
    const result = planRotaChange(plan, request, context);
    if (!result.ok) return { result, hosts: hosts(plan) };
    const changed = base.map((m) => {
      const change = result.changes.find(
        (c) => `m${base.indexOf(m) + 1}` === m.id && c.halfTerm === m.halfTerm && c.year === m.year,
      );
      return change
        ? {
            ...m,
            cancelled: change.cancelled ?? false,
            ...(change.hostOverride ? { hostOverride: change.hostOverride } : {}),
          }
        : m;
    });
    return { result, hosts: hosts(planRota(schools(letters), changed, now, yearly)) };
  }

  it('swaps the hosts of two meetings and leaves everyone else where they were', () => {
    const { result, hosts: order } = apply({ kind: 'swap', first: 'm2', second: 'm4' });
    expect(order).toBe('ADCBEF');
    expect(result).toMatchObject({ ok: true, affectedSchools: ['B', 'D'] });
  });

  it('a pass hands this meeting on, and the passing school hosts the next one instead', () => {
    expect(apply({ kind: 'pass', meeting: 'm2' }).hosts).toBe('ACBDEF');
  });

  it('a skip cancels the date without changing the order', () => {
    expect(apply({ kind: 'skip', meeting: 'm2' }).hosts).toBe('A-BCDE');
  });

  it('refuses to change a meeting that has already happened, or one that does not exist', () => {
    expect(apply({ kind: 'swap', first: 'm1', second: 'm3' }).result).toEqual({
      ok: false,
      problem:
        'Autumn 1 2026-27 (Tue 15 Sep 2026, 13:30) has already taken place, and past meetings are never changed',
    });
    expect(apply({ kind: 'skip', meeting: 'm99' }).result).toEqual({
      ok: false,
      problem: 'there is no meeting m99 on the rota',
    });
    expect(apply({ kind: 'swap', first: 'm2', second: 'm2' }).result).toEqual({
      ok: false,
      problem: 'choose two different meetings to swap',
    });
  });
});

describe('scheduling a year of meetings', () => {
  const pattern = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };

  it('gives one meeting per half term at 13:30 London time, either side of the October clock change', () => {
    const { meetings: year, problems } = scheduleMeetings([YEAR_2026_27], pattern, new Map(), []);
    expect(problems).toEqual([]);
    expect(year.map((m) => m.date)).toEqual([
      '2026-09-15',
      '2026-11-17',
      '2027-01-19',
      '2027-03-09',
      '2027-04-27',
      '2027-06-22',
    ]);
    expect(year[0]?.startsAt.toISOString()).toBe('2026-09-15T12:30:00.000Z');
    expect(year[1]?.startsAt.toISOString()).toBe('2026-11-17T13:30:00.000Z');
  });

  it('applies stored moves, venues, cancellations and host overrides', () => {
    const changes: MeetingChange[] = [
      {
        year: '2026-27',
        halfTerm: 2,
        movedTo: { date: '2026-11-19', startTime: '09:30', endTime: '11:30' },
        venue: 'Earlsdon hall',
      },
      { year: '2026-27', halfTerm: 3, cancelled: true },
    ];
    const { meetings: year } = scheduleMeetings([YEAR_2026_27, YEAR_2027_28], pattern, new Map(), changes);
    expect(year).toHaveLength(12);
    expect(year[1]).toMatchObject({
      date: '2026-11-19',
      startTime: '09:30',
      venue: 'Earlsdon hall',
      dateNote: 'moved by the cluster',
    });
    expect(year[2]?.cancelled).toBe(true);
    expect(year[6]?.id).toBe('2027-28#1');
  });
});
