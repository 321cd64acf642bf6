import { describe, expect, it } from 'vitest';
import { schoolDays } from '../../src/domain/calendar/school-days';
import { planSlots, slotDay, slotsFor } from '../../src/domain/reminders/reminder-slots';
import type { PlannedMeeting } from '../../src/domain/rota/rota-types';
import { recordAnswer, tallyAnswers } from '../../src/domain/rsvp/rsvp';
import { londonToInstant } from '../../src/domain/time/london-time';

function meeting(id: string, date: string, extra: Partial<PlannedMeeting> = {}): PlannedMeeting {
  return {
    id,
    year: '2026-27',
    halfTerm: 2,
    date,
    startTime: '13:30',
    endTime: '15:30',
    startsAt: londonToInstant(date, '13:30'),
    endsAt: londonToInstant(date, '15:30'),
    cancelled: false,
    status: 'upcoming',
    ...extra,
  };
}

const autumn2 = meeting('2026-27#2', '2026-11-17');
const ids = (slots: Array<{ id: string }>) => slots.map((s) => s.id);

describe('reminder slots', () => {
  it('puts the reminder a week before, the nudge two school days before and the summary the school day before, at 09:00 London time', () => {
    const slots = slotsFor([autumn2], '09:00'); // Tue 17 Nov 2026
    expect(slots.map((s) => [s.kind, s.dueAt.toISOString()])).toEqual([
      ['reminder', '2026-11-10T09:00:00.000Z'],
      ['nudge', '2026-11-13T09:00:00.000Z'], // Friday, not Sunday
      ['summary', '2026-11-16T09:00:00.000Z'],
    ]);
  });

  it('keeps deadlines, nudges and summaries off weekends, bank holidays and closures', () => {
    const calendars = [
      {
        year: '2026-27',
        halfTerms: [
          { halfTerm: 1 as const, start: '2026-09-02', end: '2026-10-23' },
          { halfTerm: 2 as const, start: '2026-11-02', end: '2026-12-18' },
        ],
        closures: ['2026-11-13'],
      },
    ];
    const schoolDay = schoolDays(calendars);
    expect(slotDay('2026-11-17', 'nudge', schoolDay)).toBe('2026-11-12'); // Fri 13 is an INSET day
    expect(slotDay('2026-11-03', 'reminder', schoolDay)).toBe('2026-10-23'); // 27 Oct is half term
    expect(slotDay('2026-11-03', 'summary', schoolDay)).toBe('2026-11-02');
    expect(slotDay('2027-01-05', 'nudge', schoolDays([]))).toBe('2026-12-31'); // Fri 1 Jan: New Year's Day
  });

  it('keeps 09:00 London time across the October clock change', () => {
    const [reminder] = slotsFor([meeting('2026-27#1', '2026-10-27')], '09:00');
    expect(reminder?.dueAt.toISOString()).toBe('2026-10-20T08:00:00.000Z');
    const [winter] = slotsFor([meeting('2026-27#1', '2026-11-03')], '09:00');
    expect(winter?.dueAt.toISOString()).toBe('2026-10-27T09:00:00.000Z');
  });

  it('gives a moved meeting fresh slots and a cancelled one none', () => {
    expect(ids(slotsFor([meeting('2026-27#2', '2026-11-19')], '09:00'))[0]).toBe(
      '2026-27#2|2026-11-19|reminder',
    );
    expect(slotsFor([meeting('2026-27#2', '2026-11-17', { cancelled: true })], '09:00')).toEqual([]);
  });

  it('sends what is due, and nothing before its time', () => {
    const slots = slotsFor([autumn2], '09:00');
    expect(planSlots(slots, new Set(), new Date('2026-11-10T08:59:00Z')).send).toEqual([]);
    expect(ids(planSlots(slots, new Set(), new Date('2026-11-10T09:05:00Z')).send)).toEqual([
      '2026-27#2|2026-11-17|reminder',
    ]);
    expect(
      planSlots(slots, new Set(['2026-27#2|2026-11-17|reminder']), new Date('2026-11-10T09:10:00Z')).send,
    ).toEqual([]);
  });

  it('catches up after downtime while the meeting is still ahead, without nudging straight after reminding', () => {
    const plan = planSlots(slotsFor([autumn2], '09:00'), new Set(), new Date('2026-11-16T10:00:00Z'));
    expect(ids(plan.send)).toEqual(['2026-27#2|2026-11-17|reminder', '2026-27#2|2026-11-17|summary']);
    expect(plan.drop.map((d) => [d.slot.kind, d.reason])).toEqual([
      ['nudge', 'the reminder was only just sent'],
    ]);
  });

  it('drops and records the slots of a meeting that has already started', () => {
    const plan = planSlots(slotsFor([autumn2], '09:00'), new Set(), new Date('2026-11-17T14:00:00Z'));
    expect(plan.send).toEqual([]);
    expect(plan.drop.map((d) => d.reason)).toEqual(Array(3).fill('the meeting had already started'));
  });
});

describe('answers to a meeting invitation', () => {
  const entry = (kind: 'attending' | 'apologies', key: string, at: string) => ({
    answer: kind === 'attending' ? { kind } : { kind, reason: 'Ofsted visit' },
    by: '29:head',
    byName: 'Alex Morgan',
    at: new Date(at),
    key,
  });

  it('lets the latest answer win and keeps the history', () => {
    const first = recordAnswer(undefined, 'm', 's', entry('attending', 'a1', '2026-11-10T09:00:00Z'));
    const second = recordAnswer(first, 'm', 's', entry('apologies', 'a2', '2026-11-12T09:00:00Z'));
    expect(second.current.answer).toEqual({ kind: 'apologies', reason: 'Ofsted visit' });
    expect(second.history.map((h) => h.key)).toEqual(['a1', 'a2']);
  });

  it('ignores the same delivery seen again (Teams retries invokes)', () => {
    const first = recordAnswer(undefined, 'm', 's', entry('attending', 'a1', '2026-11-10T09:00:00Z'));
    expect(recordAnswer(first, 'm', 's', entry('attending', 'a1', '2026-11-10T09:00:05Z'))).toBe(first);
  });

  it('tallies every school exactly once for the chair', () => {
    const schools = [
      { id: 'a', name: 'Aldermoor Farm' },
      { id: 'b', name: 'Cannon Park' },
      { id: 'c', name: 'Earlsdon' },
      { id: 'd', name: 'Allesley' },
    ];
    const answer = (schoolId: string, a: Parameters<typeof recordAnswer>[3]['answer']) =>
      recordAnswer(undefined, 'm', schoolId, {
        answer: a,
        by: 'x',
        byName: 'X',
        at: new Date(),
        key: schoolId,
      });
    expect(
      tallyAnswers(schools, [
        answer('a', { kind: 'attending' }),
        answer('b', { kind: 'apologies', reason: 'Ofsted visit' }),
        answer('c', { kind: 'deputy', name: 'Sam Okafor', role: 'Deputy head' }),
      ]),
    ).toEqual({
      attending: ['Aldermoor Farm'],
      apologies: [{ school: 'Cannon Park', reason: 'Ofsted visit' }],
      deputies: [{ school: 'Earlsdon', name: 'Sam Okafor', role: 'Deputy head' }],
      noAnswer: ['Allesley'],
      guests: [],
    });
  });
});
