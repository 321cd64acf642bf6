import { effectiveAnswer, type SchoolRsvp } from '../rsvp/rsvp';
import type { LocalDate } from '../time/local-date';

/**
 * The record of a meeting (seed 002: the host of the previous meeting minutes it and circulates the
 * minutes; heads take them back to their governing bodies). Attendance is per school, like RSVPs.
 * Deliberately no free-text field about pupils: every text passes the pupil-data guard first.
 */
export type AttendanceMark = 'present' | 'deputy' | 'apologies' | 'absent';

export const ATTENDANCE_WORDS: Record<AttendanceMark, string> = {
  present: 'Present',
  deputy: 'Sent a deputy',
  apologies: 'Apologies',
  absent: 'Absent (no apologies)',
};

export interface SchoolAttendance {
  schoolId: string;
  mark: AttendanceMark;
  /** Who came instead, e.g. "Sam Patel, deputy head". Only for `deputy`. */
  deputy?: string;
}

/** An action written into the minutes; it joins the cluster's actions when the minutes are published. */
export interface MinutesAction {
  title: string;
  schoolId: string;
  ownerPerson?: { userId: string; name: string };
  due: LocalDate;
}

export interface MinutesNote {
  /** The agenda item, as it stood when the minutes were started. */
  item: string;
  notes: string;
}

export interface MeetingMinutes {
  meetingId: string;
  attendance: SchoolAttendance[];
  /** One guest per line, e.g. "Jo Smith, SENCo (Earlsdon)". */
  guests: string[];
  notes: MinutesNote[];
  decisions: string[];
  /** Written in the minutes, not yet cluster actions (they become actions on publishing). */
  pendingActions: MinutesAction[];
  /** Actions created from these minutes (A7, A8, …). */
  actionIds: string[];
  savedAt: Date;
  savedBy: string;
  savedByName: string;
  published?: {
    at: Date;
    by: string;
    byName: string;
    /** The channel post, so publishing a correction updates it instead of posting a copy. */
    activityId?: string;
  };
}

/** The minute-taker's starting point: attendance as the schools answered the invitation. */
export function attendanceFromAnswers(
  schools: ReadonlyArray<{ id: string }>,
  answers: readonly SchoolRsvp[],
  guests: ReadonlyArray<{ schoolId: string; status: string }> = [],
): SchoolAttendance[] {
  return schools.map((school): SchoolAttendance => {
    const answer = effectiveAnswer(school.id, answers, guests);
    if (!answer) return { schoolId: school.id, mark: 'absent' };
    if (answer.kind === 'deputy')
      return { schoolId: school.id, mark: 'deputy', deputy: `${answer.name}, ${answer.role}` };
    return { schoolId: school.id, mark: answer.kind === 'attending' ? 'present' : 'apologies' };
  });
}

export interface AttendanceSummary {
  present: string[];
  deputies: string[];
  apologies: string[];
  absent: string[];
}

/** Who was there, in words for the minutes (apology reasons are the chair's only: never shown). */
export function summariseAttendance(
  attendance: readonly SchoolAttendance[],
  schoolName: (schoolId: string) => string,
): AttendanceSummary {
  const summary: AttendanceSummary = { present: [], deputies: [], apologies: [], absent: [] };
  for (const entry of attendance) {
    const name = schoolName(entry.schoolId);
    if (entry.mark === 'present') summary.present.push(name);
    else if (entry.mark === 'deputy')
      summary.deputies.push(entry.deputy ? `${entry.deputy} for ${name}` : name);
    else if (entry.mark === 'apologies') summary.apologies.push(name);
    else summary.absent.push(name);
  }
  return summary;
}

/** Limits that keep minutes readable in Teams and inside one storage row. */
export const MINUTES_LIMITS = {
  notesPerItem: 2000,
  decisions: 20,
  decision: 300,
  guests: 20,
  guest: 150,
  actions: 10,
  actionTitle: 300,
  deputy: 150,
} as const;

/** Everything wrong with the minutes as written, in words the minute-taker can act on. */
export function minutesProblems(
  minutes: Omit<MeetingMinutes, 'savedAt' | 'savedBy' | 'savedByName'>,
): string[] {
  const problems: string[] = [];
  for (const note of minutes.notes) {
    if (note.notes.length > MINUTES_LIMITS.notesPerItem)
      problems.push(
        `the notes on "${shorten(note.item)}" are ${note.notes.length} characters; keep them under ${MINUTES_LIMITS.notesPerItem} (link longer papers)`,
      );
  }
  if (minutes.decisions.length > MINUTES_LIMITS.decisions)
    problems.push(`record at most ${MINUTES_LIMITS.decisions} decisions`);
  if (minutes.decisions.some((d) => d.length > MINUTES_LIMITS.decision))
    problems.push(`keep each decision under ${MINUTES_LIMITS.decision} characters`);
  if (minutes.guests.length > MINUTES_LIMITS.guests)
    problems.push(`list at most ${MINUTES_LIMITS.guests} guests`);
  if (minutes.guests.some((g) => g.length > MINUTES_LIMITS.guest))
    problems.push(`keep each guest under ${MINUTES_LIMITS.guest} characters`);
  if (minutes.attendance.some((a) => (a.deputy ?? '').length > MINUTES_LIMITS.deputy))
    problems.push(`keep each deputy's name and role under ${MINUTES_LIMITS.deputy} characters`);
  if (minutes.pendingActions.length + minutes.actionIds.length > MINUTES_LIMITS.actions * 3)
    problems.push('that is a lot of actions for one meeting: add the rest with /action add');
  if (minutes.pendingActions.length > MINUTES_LIMITS.actions)
    problems.push(`add at most ${MINUTES_LIMITS.actions} actions at a time`);
  if (minutes.pendingActions.some((a) => a.title.length > MINUTES_LIMITS.actionTitle))
    problems.push(`keep each action under ${MINUTES_LIMITS.actionTitle} characters`);
  return problems;
}

/** The cut-off the board watches: minutes published within two weeks of the meeting. */
export const MINUTES_DUE_WITHIN_DAYS = 14;

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
