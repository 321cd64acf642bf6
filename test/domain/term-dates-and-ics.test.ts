import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planRota } from '../../src/domain/rota/plan-rota';
import { scheduleMeetings } from '../../src/domain/rota/schedule-meetings';
import { rotaToIcs } from '../../src/export/rota-ics';
import { halfTermNumberFrom, readTermDatesCsv, readTermDatesIcs } from '../../src/import/read-term-dates';
import { TERM_DATES_CSV_2026_27, YEAR_2026_27 } from '../support/sample-calendar';

describe('reading term dates', () => {
  it('reads a CSV of half terms in UK date format, with INSET days as closures', () => {
    const result = readTermDatesCsv(`${TERM_DATES_CSV_2026_27}\nINSET,02/09/2026,02/09/2026`);
    expect(result).toEqual({ halfTerms: YEAR_2026_27.halfTerms, closures: ['2026-09-02'] });
  });

  it('names each bad line', () => {
    expect(
      readTermDatesCsv('Autumn 1,03/09/2026,23/10/2026\nAutumn 3,02/11/2026,18/12/2026\nSpring 1,soon,later'),
    ).toEqual({
      problems: [
        'line 2: "Autumn 3" is not a half term (use Autumn 1, Autumn 2, Spring 1, Spring 2, Summer 1, Summer 2)',
        'line 3 (Spring 1): "soon"/"later" are not dates (use 2026-09-03 or 03/09/2026)',
      ],
    });
  });

  it('understands the usual names for half terms', () => {
    expect(
      ['Autumn 1', 'aut 2', 'Spring term 1', 'SPR2', 'summer 1', 'HT6', '3'].map(halfTermNumberFrom),
    ).toEqual([1, 2, 3, 4, 5, 6, 3]);
  });

  it('reads an ICS file of term dates, where all-day events end the day before DTEND', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Council//Term dates//EN',
      ...YEAR_2026_27.halfTerms.flatMap((h, i) => {
        const end = new Date(`${h.end}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        return [
          'BEGIN:VEVENT',
          `UID:term-${i}@council`,
          `DTSTART;VALUE=DATE:${h.start.replace(/-/g, '')}`,
          `DTEND;VALUE=DATE:${end.toISOString().slice(0, 10).replace(/-/g, '')}`,
          `SUMMARY:${['Autumn', 'Autumn', 'Spring', 'Spring', 'Summer', 'Summer'][i]} term ${(i % 2) + 1}`,
          'END:VEVENT',
        ];
      }),
      'BEGIN:VEVENT',
      'UID:inset@council',
      'DTSTART;VALUE=DATE:20260902',
      'DTEND;VALUE=DATE:20260903',
      'SUMMARY:INSET day',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(readTermDatesIcs(ics, '2026-27')).toEqual({
      halfTerms: YEAR_2026_27.halfTerms,
      closures: ['2026-09-02'],
    });
  });
});

describe('the rota as an ICS file', () => {
  const pattern = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };
  const schools = ['Aldermoor Farm', 'Cannon Park', 'Earlsdon'].map((name, i) => ({
    id: `s${i}`,
    name,
    position: i + 1,
  }));
  const { meetings } = scheduleMeetings([YEAR_2026_27], pattern, new Map(), [
    { year: '2026-27', halfTerm: 3, cancelled: true },
  ]);
  const plan = planRota(schools, meetings, new Date('2026-09-01T00:00:00Z'), { kind: 'rotate-yearly' });

  function events(ics: string) {
    return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  }

  it('has one event per meeting with a UID that stays the same between exports', () => {
    const first = rotaToIcs({
      clusterId: 'c-roots',
      clusterName: 'Roots',
      meetings: plan,
      generatedAt: new Date('2026-09-01T09:00:00Z'),
    });
    const second = rotaToIcs({
      clusterId: 'c-roots',
      clusterName: 'Roots',
      meetings: plan,
      generatedAt: new Date('2026-09-08T09:00:00Z'),
    });
    const uids = (ics: string) => events(ics).map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(first)).toHaveLength(6);
    expect(uids(first)).toEqual(uids(second));
    expect(uids(first)[0]).toBe('c-roots-2026-27-ht1@clusterbot');
    const sequence = (ics: string) => Number(events(ics)[0]?.getFirstPropertyValue('sequence'));
    expect(sequence(second)).toBeGreaterThan(sequence(first));
  });

  it('writes UTC times that match 13:30 in London on both sides of the clock change', () => {
    const ics = rotaToIcs({
      clusterId: 'c-roots',
      clusterName: 'Roots',
      meetings: plan,
      generatedAt: new Date('2026-09-01T09:00:00Z'),
    });
    expect(ics).toContain('DTSTART:20260915T123000Z');
    expect(ics).toContain('DTSTART:20261117T133000Z');
    expect(ics).toContain("SUMMARY:Roots heads' meeting (Autumn 1) at Aldermoor Farm");
    expect(ics).toMatch(/DESCRIPTION:Host and chair: Aldermoor Farm\\nMinutes: Cannon Park/);
    expect(ics.split('\r\n').filter((l) => l === 'STATUS:CANCELLED')).toHaveLength(1);
  });
});
