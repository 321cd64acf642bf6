import { halfTermName } from '../calendar/academic-year';
import type { ClusterPerson, ClusterSnapshot } from '../clusters/cluster';
import type { PlannedMeeting } from '../rota/rota-types';
import { formatLondon } from '../time/london-time';
import type { GuestRequest } from './guest-request';
import { type SchoolRsvp, type Tally, tallyAnswers } from './rsvp';

/** A meeting as it stands: the cluster, the meeting, every school's answer and the guests. */
export interface MeetingAttendance {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  answers: SchoolRsvp[];
  guests: GuestRequest[];
  tally: Tally;
}

/** The attendance from what was read: the schools that are members on the meeting's day. */
export function meetingAttendance(
  cluster: ClusterSnapshot,
  meeting: PlannedMeeting,
  answers: SchoolRsvp[],
  guests: GuestRequest[],
): MeetingAttendance {
  const members = cluster.schools
    .filter((s) => !s.leftOn || s.leftOn > meeting.date)
    .sort((a, b) => a.position - b.position);
  return { cluster, meeting, answers, guests, tally: tallyAnswers(members, answers, guests) };
}

/** A card is stale when its meeting moved, was cancelled or has started. */
export function staleness(meeting: PlannedMeeting, cardDate: string, now: Date): string | undefined {
  const name = `${halfTermName(meeting.halfTerm)} ${meeting.year}`;
  if (meeting.cancelled) return `the ${name} meeting has been cancelled`;
  if (meeting.date !== cardDate) return `the ${name} meeting has moved to ${formatLondon(meeting.startsAt)}`;
  if (meeting.startsAt.getTime() <= now.getTime()) return `the ${name} meeting has already started`;
  return undefined;
}

/** The people who decide for the host school: its linked head(s) and staff. */
export function hostsOf(cluster: ClusterSnapshot, meeting: PlannedMeeting): ClusterPerson[] {
  return cluster.people.filter((p) => p.schoolId !== undefined && p.schoolId === meeting.host?.id);
}
