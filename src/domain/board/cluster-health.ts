import { type ClusterAction, isOverdue } from '../actions/cluster-action';
import type { AcademicYear } from '../calendar/academic-year';
import { type MeetingMinutes, MINUTES_DUE_WITHIN_DAYS } from '../minutes/meeting-minutes';
import type { PeerReview } from '../peer-reviews/peer-review';
import { recordedByClusterbot } from '../rota/recorded-meetings';
import type { PlannedMeeting } from '../rota/rota-types';
import { effectiveAnswer, type RsvpAnswer, type SchoolRsvp } from '../rsvp/rsvp';
import { addDays, type LocalDate } from '../time/local-date';
import { londonWallClock } from '../time/london-time';

/**
 * Seeds 002–004: a board (city or county) holds its partnerships to account with a healthcheck.
 * These are the figures for one cluster's school year, all aggregates: no names of people, no
 * drafts, nothing about pupils.
 */
export interface MeetingTurnout {
  meetingId: string;
  date: LocalDate;
  members: number;
  present: number;
  deputies: number;
  apologies: number;
  noAnswer: number;
  /** Where the figures come from: the published minutes, else the answers to the invitation. */
  source: 'minutes' | 'answers';
}

export interface ClusterHealth {
  clusterId: string;
  name: string;
  year: AcademicYear;
  meetingsPlanned: number;
  meetingsHeld: number;
  /** Meetings this year before the cluster started with Clusterbot (not counted anywhere). */
  meetingsNotRecorded: number;
  turnout: MeetingTurnout[];
  /** Schools there in person or by deputy, over all held meetings (0–1); undefined before any. */
  attendanceRate?: number;
  /** Held meetings whose two weeks are up, and how many of them had minutes published in time. */
  minutesDue: number;
  minutesOnTime: number;
  actions: { open: number; overdue: number; done: number; doneOnTime: number };
  reviews: { requested: number; completed: number };
  boardRepSet: boolean;
  /** Why the board should look at this cluster first; empty when all is well. */
  concerns: string[];
}

export interface ClusterYear {
  clusterId: string;
  name: string;
  year: AcademicYear;
  /** This school year's meetings, as the rota plans them. */
  meetings: readonly PlannedMeeting[];
  /** Member school ids per meeting date (joiners and leavers counted right). */
  membersOn: (date: LocalDate) => string[];
  answers: readonly SchoolRsvp[];
  /** Asking to bring a guest counts as coming (see effectiveAnswer). */
  guests: ReadonlyArray<{ meetingId: string; schoolId: string; status: string }>;
  minutes: readonly MeetingMinutes[];
  actions: readonly ClusterAction[];
  peerReviews: readonly PeerReview[];
  today: LocalDate;
  /** When the cluster started with Clusterbot: meetings before it were not recorded here. */
  startedAt?: Date;
  /** The school year's first and last day, to count this year's actions and reviews. */
  yearStart: LocalDate;
  yearEnd: LocalDate;
}

/** Below this share of schools at the last meeting, the board is told. */
export const LOW_ATTENDANCE = 0.6;
/** This many overdue actions or more is a concern. */
export const MANY_OVERDUE = 3;

function turnoutOf(meeting: PlannedMeeting, input: ClusterYear): MeetingTurnout {
  const members = input.membersOn(meeting.date);
  const published = input.minutes.find((m) => m.meetingId === meeting.id && m.published);
  const counts = { present: 0, deputies: 0, apologies: 0, noAnswer: 0 };
  for (const schoolId of members) {
    const mark = published
      ? published.attendance.find((a) => a.schoolId === schoolId)?.mark
      : answerMark(
          effectiveAnswer(
            schoolId,
            input.answers.filter((a) => a.meetingId === meeting.id),
            input.guests.filter((g) => g.meetingId === meeting.id),
          ),
        );
    if (mark === 'present') counts.present++;
    else if (mark === 'deputy') counts.deputies++;
    else if (mark === 'apologies') counts.apologies++;
    else counts.noAnswer++;
  }
  return {
    meetingId: meeting.id,
    date: meeting.date,
    members: members.length,
    ...counts,
    source: published ? 'minutes' : 'answers',
  };
}

function answerMark(answer: RsvpAnswer | undefined) {
  const kind = answer?.kind;
  return kind === 'attending' ? 'present' : kind;
}

const inYear = (date: LocalDate, input: ClusterYear) => date >= input.yearStart && date <= input.yearEnd;
const londonDate = (instant: Date) => londonWallClock(instant).date;

export function clusterHealth(input: ClusterYear): ClusterHealth {
  const notCancelled = input.meetings.filter((m) => !m.cancelled);
  const started = input.startedAt;
  const planned = started
    ? notCancelled.filter((m) => recordedByClusterbot(m, { createdAt: started }))
    : notCancelled;
  const held = planned.filter((m) => m.status === 'held');
  const turnout = held.map((m) => turnoutOf(m, input));
  const seats = turnout.reduce((sum, t) => sum + t.members, 0);
  const there = turnout.reduce((sum, t) => sum + t.present + t.deputies, 0);

  const minutesDue = held.filter((m) => {
    const published = input.minutes.find((x) => x.meetingId === m.id)?.published;
    return published !== undefined || addDays(m.date, MINUTES_DUE_WITHIN_DAYS) < input.today;
  });
  const onTime = minutesDue.filter((m) => {
    const published = input.minutes.find((x) => x.meetingId === m.id)?.published;
    return published !== undefined && londonDate(published.at) <= addDays(m.date, MINUTES_DUE_WITHIN_DAYS);
  });

  const actions = input.actions.filter((a) => inYear(londonDate(a.createdAt), input));
  const done = actions.filter((a) => a.status === 'done');
  const doneOnTime = done.filter((a) => {
    const when = a.history.findLast((h) => h.status === 'done')?.at;
    return when !== undefined && londonDate(when) <= a.due;
  });
  const reviews = input.peerReviews.filter((r) => inYear(londonDate(r.createdAt), input));
  const next = planned.find((m) => m.status === 'next') ?? planned.at(-1);

  const health: Omit<ClusterHealth, 'concerns'> = {
    clusterId: input.clusterId,
    name: input.name,
    year: input.year,
    meetingsPlanned: planned.length,
    meetingsHeld: held.length,
    meetingsNotRecorded: notCancelled.length - planned.length,
    turnout,
    ...(seats > 0 ? { attendanceRate: there / seats } : {}),
    minutesDue: minutesDue.length,
    minutesOnTime: onTime.length,
    actions: {
      open: actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length,
      overdue: actions.filter((a) => isOverdue(a, input.today)).length,
      done: done.length,
      doneOnTime: doneOnTime.length,
    },
    reviews: {
      requested: reviews.filter((r) => r.status !== 'withdrawn').length,
      completed: reviews.filter((r) => r.status === 'done').length,
    },
    boardRepSet: next?.boardRep !== undefined,
  };
  return { ...health, concerns: concernsAbout(health, held, input) };
}

function concernsAbout(
  health: Omit<ClusterHealth, 'concerns'>,
  held: readonly PlannedMeeting[],
  input: ClusterYear,
): string[] {
  const concerns: string[] = [];
  if (health.meetingsPlanned === 0)
    concerns.push(`no meetings planned for ${health.year} (term dates missing?)`);
  const late = held.filter(
    (m) =>
      !input.minutes.find((x) => x.meetingId === m.id)?.published &&
      addDays(m.date, MINUTES_DUE_WITHIN_DAYS) < input.today,
  );
  if (late.length > 0)
    concerns.push(
      `minutes not published within two weeks for ${late.length} meeting${late.length > 1 ? 's' : ''}`,
    );
  const last = health.turnout.at(-1);
  if (last && last.members > 0 && (last.present + last.deputies) / last.members < LOW_ATTENDANCE) {
    concerns.push(`${last.present + last.deputies} of ${last.members} schools at the last meeting`);
  }
  if (health.actions.overdue >= MANY_OVERDUE) concerns.push(`${health.actions.overdue} actions overdue`);
  if (!health.boardRepSet) concerns.push('no board representative');
  return concerns;
}

/** Clusters needing attention first (most concerns first), then by name. */
export function orderForBoard(healths: readonly ClusterHealth[]): ClusterHealth[] {
  return [...healths].sort(
    (a, b) => b.concerns.length - a.concerns.length || a.name.localeCompare(b.name, 'en-GB'),
  );
}

export const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : '';
