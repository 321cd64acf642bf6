import { describe, expect, it } from 'vitest';
import {
  attendanceFromAnswers,
  type MeetingMinutes,
  minutesProblems,
  summariseAttendance,
} from '../../src/domain/minutes/meeting-minutes';
import type { RsvpAnswer, SchoolRsvp } from '../../src/domain/rsvp/rsvp';

const schools = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
const names: Record<string, string> = { a: 'Aldermoor Farm', b: 'Cannon Park', c: 'Earlsdon', d: 'Allesley' };
const answered = (schoolId: string, answer: RsvpAnswer): SchoolRsvp => {
  const entry = { answer, by: 'u', byName: 'U', at: new Date('2026-11-10T09:00:00Z'), key: schoolId };
  return { meetingId: '2026-27#2', schoolId, current: entry, history: [entry] };
};

function minutes(changes: Partial<MeetingMinutes> = {}): MeetingMinutes {
  return {
    meetingId: '2026-27#2',
    attendance: [],
    guests: [],
    notes: [{ item: 'Welcome and apologies', notes: '' }],
    decisions: [],
    pendingActions: [],
    actionIds: [],
    savedAt: new Date('2026-11-23T10:00:00Z'),
    savedBy: 'u',
    savedByName: 'U',
    ...changes,
  };
}

describe('attendance in the minutes', () => {
  it('starts from the answers: attending is present, a deputy is named, no answer is absent', () => {
    const attendance = attendanceFromAnswers(schools, [
      answered('a', { kind: 'attending' }),
      answered('b', { kind: 'deputy', name: 'Sam Lee', role: 'deputy head' }),
      answered('c', { kind: 'apologies', reason: 'Ofsted inspection' }),
    ]);
    expect(attendance).toEqual([
      { schoolId: 'a', mark: 'present' },
      { schoolId: 'b', mark: 'deputy', deputy: 'Sam Lee, deputy head' },
      { schoolId: 'c', mark: 'apologies' },
      { schoolId: 'd', mark: 'absent' },
    ]);
  });

  it('is summarised in words without apology reasons', () => {
    const attendance = attendanceFromAnswers(schools, [
      answered('b', { kind: 'deputy', name: 'Sam Lee', role: 'deputy head' }),
      answered('c', { kind: 'apologies', reason: 'Ofsted inspection' }),
    ]);
    const summary = summariseAttendance(attendance, (id) => names[id] ?? id);
    expect(summary).toEqual({
      present: [],
      deputies: ['Sam Lee, deputy head for Cannon Park'],
      apologies: ['Earlsdon'],
      absent: ['Aldermoor Farm', 'Allesley'],
    });
    expect(JSON.stringify(summary)).not.toContain('Ofsted');
  });
});

describe('what the minutes may hold', () => {
  it('accepts ordinary minutes', () => {
    expect(minutesProblems(minutes({ decisions: ['Adopt the moderation calendar'] }))).toEqual([]);
  });

  it('names notes that are too long by their agenda item', () => {
    const notes = [{ item: 'Minutes of the last meeting and matters arising', notes: 'x'.repeat(2001) }];
    expect(minutesProblems(minutes({ notes }))).toEqual([
      'the notes on "Minutes of the last meeting and matters…" are 2001 characters; keep them under 2000 (link longer papers)',
    ]);
  });

  it('limits decisions, guests and new actions', () => {
    const action = { title: 'Do it', schoolId: 'a', due: '2027-01-19' };
    const problems = minutesProblems(
      minutes({
        decisions: Array.from({ length: 21 }, () => 'Agreed'),
        guests: ['x'.repeat(151)],
        pendingActions: Array.from({ length: 11 }, () => action),
      }),
    );
    expect(problems).toEqual([
      'record at most 20 decisions',
      'keep each guest under 150 characters',
      'add at most 10 actions at a time',
    ]);
  });
});
