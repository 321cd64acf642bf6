import { describe, expect, it } from 'vitest';
import { type ClusterYear, clusterHealth, orderForBoard } from '../../src/domain/board/cluster-health';
import type { MeetingMinutes } from '../../src/domain/minutes/meeting-minutes';
import type { PlannedMeeting } from '../../src/domain/rota/rota-types';
import type { SchoolRsvp } from '../../src/domain/rsvp/rsvp';
import { boardCsv } from '../../src/export/board-csv';
import { clusterYear } from '../support/cluster-year';

const school = { id: 'a', name: 'A', position: 1 };
function meeting(id: string, date: string, status: PlannedMeeting['status']): PlannedMeeting {
  return {
    id,
    year: '2026-27',
    halfTerm: Number(id.slice(-1)) as 1,
    date,
    startTime: '13:30',
    endTime: '15:30',
    startsAt: new Date(`${date}T13:30:00Z`),
    endsAt: new Date(`${date}T15:30:00Z`),
    cancelled: false,
    status,
    host: school,
    boardRep: school,
  };
}
const answer = (meetingId: string, schoolId: string, kind: 'attending' | 'apologies'): SchoolRsvp => {
  const entry = {
    answer: { kind },
    by: 'u',
    byName: 'U',
    at: new Date('2026-09-01T09:00:00Z'),
    key: meetingId + schoolId,
  };
  return { meetingId, schoolId, current: entry, history: [entry] };
};
const published = (
  meetingId: string,
  at: string,
  marks: Record<string, 'present' | 'absent'>,
): MeetingMinutes => ({
  meetingId,
  attendance: Object.entries(marks).map(([schoolId, mark]) => ({ schoolId, mark })),
  guests: [],
  notes: [],
  decisions: [],
  pendingActions: [],
  actionIds: [],
  savedAt: new Date(at),
  savedBy: 'u',
  savedByName: 'U',
  published: { at: new Date(at), by: 'u', byName: 'U' },
});

function year(changes: Partial<ClusterYear> = {}): ClusterYear {
  return clusterYear({
    meetings: [
      meeting('2026-27#1', '2026-09-15', 'held'),
      meeting('2026-27#2', '2026-11-17', 'held'),
      meeting('2026-27#3', '2027-01-19', 'next'),
    ],
    membersOn: () => ['a', 'b', 'c', 'd'],
    ...changes,
  });
}

describe("a cluster's health for the board", () => {
  it('takes attendance from published minutes, else from the answers', () => {
    const health = clusterHealth(
      year({
        minutes: [
          published('2026-27#1', '2026-09-20T10:00:00Z', {
            a: 'present',
            b: 'present',
            c: 'present',
            d: 'absent',
          }),
        ],
        answers: [answer('2026-27#2', 'a', 'attending'), answer('2026-27#2', 'b', 'apologies')],
      }),
    );
    expect(health.turnout.map((t) => [t.source, t.present, t.apologies, t.noAnswer])).toEqual([
      ['minutes', 3, 0, 1],
      ['answers', 1, 1, 2],
    ]);
    expect(health.attendanceRate).toBe(4 / 8);
    expect(health.concerns).toEqual(['1 of 4 schools at the last meeting']);
  });

  it('counts a school that asked to bring a guest as coming, unless it answered otherwise', () => {
    const guest = (schoolId: string, status: string) => ({ meetingId: '2026-27#2', schoolId, status });
    const health = clusterHealth(
      year({
        answers: [answer('2026-27#2', 'b', 'apologies')],
        guests: [guest('a', 'pending'), guest('b', 'approved'), guest('c', 'declined')],
      }),
    );
    expect(health.turnout.map((t) => [t.meetingId, t.present, t.apologies, t.noAnswer])).toEqual([
      ['2026-27#1', 0, 0, 4],
      ['2026-27#2', 1, 1, 2],
    ]);
  });

  it('counts minutes as on time only when published within two weeks of the meeting', () => {
    const health = clusterHealth(
      year({
        minutes: [
          published('2026-27#1', '2026-10-05T10:00:00Z', { a: 'present', b: 'present', c: 'present' }),
          published('2026-27#2', '2026-11-20T10:00:00Z', { a: 'present', b: 'present', c: 'present' }),
        ],
      }),
    );
    expect([health.minutesDue, health.minutesOnTime]).toEqual([2, 1]);
  });

  it('puts clusters with more concerns first, and writes formulas in CSV as text', () => {
    const calm = clusterHealth(
      year({ name: '=cmd()', minutes: [], meetings: [meeting('2026-27#3', '2027-01-19', 'next')] }),
    );
    const worried = clusterHealth(year({ name: 'Focus' }));
    expect(orderForBoard([calm, worried]).map((h) => h.name)).toEqual(['Focus', '=cmd()']);
    expect(boardCsv([calm]).split('\r\n')[1]).toMatch(/^'=cmd\(\),2026-27,1,0,,0,0,0,0,0,,0,0,yes,$/);
  });
});

describe('a cluster that starts with Clusterbot mid-year', () => {
  it('does not count the meetings before it started: new, not 0% attendance', () => {
    const health = clusterHealth(
      clusterYear({
        meetings: [
          meeting('2026-27#1', '2026-10-13', 'held'),
          meeting('2026-27#2', '2026-11-17', 'held'),
          meeting('2026-27#3', '2027-01-19', 'next'),
        ],
        startedAt: new Date('2026-11-20T09:00:00Z'),
      }),
    );
    expect(health).toMatchObject({ meetingsHeld: 0, meetingsPlanned: 1, meetingsNotRecorded: 2 });
    expect(health.attendanceRate).toBeUndefined();
    expect(health.concerns.join(' ')).not.toMatch(/schools at the last meeting|minutes not published/);
  });
});
