import type { Actor } from '../actor';
import { agendaFor } from '../agenda/agenda-for';
import type { ClusterSnapshot } from '../clusters/cluster';
import { whoMay } from '../clusters/who-may';
import { fail, type Outcome, succeed } from '../outcome';
import { refusePupilData } from '../privacy/pupil-data-guard';
import { buildRota } from '../rota/build-rota';
import type { PlannedMeeting } from '../rota/rota-types';
import { addDays, type LocalDate } from '../time/local-date';
import { formatLocalDate, londonWallClock } from '../time/london-time';
import {
  type MeetingMinutes,
  type MinutesAction,
  minutesProblems,
  type SchoolAttendance,
} from './meeting-minutes';

/** What the minute-taker wrote, as it came from the card: checked before anything is stored. */
export interface MinutesInput {
  attendance: SchoolAttendance[];
  guests: string[];
  /** Notes per agenda item, in the agenda's order. */
  notes: string[];
  decisions: string[];
  actions: Array<{ title: string; schoolId: string; ownerUserId?: string; due?: LocalDate }>;
}

/**
 * The rules of the minutes, apart from reading and writing them: which meeting, who may write,
 * what they are taken against, and whether what was written may be stored.
 */
export const MINUTES_REFUSED =
  'only the minute-taker, the chair of that meeting or a cluster lead can write its minutes';

/** The current or most recent meeting: the last one that has started and was not cancelled. */
export function meetingToMinute(meetings: readonly PlannedMeeting[], now: Date): PlannedMeeting | undefined {
  return meetings.filter((m) => !m.cancelled && m.startsAt.getTime() <= now.getTime()).at(-1);
}

/** What the minutes are taken against: the agenda as published, or else as it stands. */
export function agendaItemsOf(cluster: ClusterSnapshot, meeting: PlannedMeeting, now: Date): string[] {
  const published = cluster.publishedAgendas.find((p) => p.meetingId === meeting.id);
  return (published?.items ?? agendaFor(cluster, meeting, now)).map((i) => i.text);
}

/** Checks the writer and the text against the cluster, and builds the minutes to store. */
export function checkMinutes(
  cluster: ClusterSnapshot,
  meetingId: string,
  input: MinutesInput,
  actor: Actor,
  now: Date,
): Outcome<{ meeting: PlannedMeeting; minutes: MeetingMinutes; defaultDue: LocalDate }> {
  const { meetings } = buildRota(cluster, now);
  const meeting = meetings.find((m) => m.id === meetingId);
  if (!meeting) return fail('this meeting is no longer on the rota');
  if (meeting.cancelled) return fail('this meeting was cancelled, so it has no minutes');
  if (meeting.startsAt.getTime() > now.getTime()) return fail('this meeting has not started yet');
  if (!whoMay.writeMinutes(cluster, meeting, actor.userId)) return fail(MINUTES_REFUSED);
  const previous = cluster.minutes.find((m) => m.meetingId === meetingId);
  const items = previous?.notes.map((n) => n.item) ?? agendaItemsOf(cluster, meeting, now);
  const defaultDue = defaultDueDate(meetings, meeting, now);
  const today = londonWallClock(now).date;
  const pendingActions: MinutesAction[] = [];
  for (const [i, a] of input.actions.entries()) {
    const school = cluster.schools.find((s) => s.id === a.schoolId && !s.leftOn);
    if (!school) return fail(`action ${i + 1} ("${a.title}") needs an owner school from the cluster`);
    const person = a.ownerUserId ? cluster.people.find((p) => p.userId === a.ownerUserId) : undefined;
    if (a.ownerUserId && !person)
      return fail(`the owner of action ${i + 1} is no longer linked to the cluster`);
    const due = a.due ?? defaultDue;
    if (due < today)
      return fail(`the due date of action ${i + 1} (${formatLocalDate(due)}) has already passed`);
    pendingActions.push({
      title: a.title,
      schoolId: school.id,
      ...(person ? { ownerPerson: { userId: person.userId, name: person.name } } : {}),
      due,
    });
  }
  const attendance = input.attendance.filter((a) => cluster.schools.some((s) => s.id === a.schoolId));
  const minutes: MeetingMinutes = {
    meetingId,
    attendance: attendance.map((a) => (a.mark === 'deputy' ? a : { schoolId: a.schoolId, mark: a.mark })),
    guests: input.guests,
    notes: items.map((item, i) => ({ item, notes: input.notes[i] ?? '' })),
    decisions: input.decisions,
    pendingActions,
    actionIds: previous?.actionIds ?? [],
    savedAt: now,
    savedBy: actor.userId,
    savedByName: actor.name,
    ...(previous?.published ? { published: previous.published } : {}),
  };
  const problems = minutesProblems(minutes);
  if (problems.length > 0) return fail(problems.join('; '));
  return succeed({ meeting, minutes, defaultDue });
}

/** Every free-text field of the minutes, named the way the card names it. */
export function refuseMinutesInput(input: MinutesInput, today: Date): string | undefined {
  return refusePupilData(
    {
      ...Object.fromEntries(input.notes.map((n, i) => [`note on item ${i + 1}`, n])),
      ...Object.fromEntries(input.decisions.map((d, i) => [`decision ${i + 1}`, d])),
      ...Object.fromEntries(input.guests.map((g, i) => [`guest ${i + 1}`, g])),
      ...Object.fromEntries(input.actions.map((a, i) => [`action ${i + 1}`, a.title])),
      ...Object.fromEntries(input.attendance.map((a, i) => [`deputy ${i + 1}`, a.deputy])),
    },
    today,
  );
}

/** Actions are due by the next meeting unless the minute-taker says otherwise. */
export function defaultDueDate(
  meetings: readonly PlannedMeeting[],
  meeting: PlannedMeeting,
  now: Date,
): LocalDate {
  const next = meetings.find((m) => !m.cancelled && m.date > meeting.date);
  const today = londonWallClock(now).date;
  const due = next?.date ?? addDays(meeting.date, 42);
  return due < today ? addDays(today, 14) : due;
}
