import { halfTermName } from '../domain/calendar/academic-year';
import type { ClusterSnapshot, School } from '../domain/clusters/cluster';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import {
  type RsvpAnswer,
  recordAnswer,
  type SchoolRsvp,
  type Tally,
  tallyAnswers,
} from '../domain/rsvp/rsvp';
import { formatLondon } from '../domain/time/london-time';
import type { Actor } from './actor';
import type { ClusterWorkspace } from './cluster-workspace';
import { fail, type Outcome, succeed } from './outcome';
import type { RsvpStore } from './ports';
import { buildRota } from './rota-builder';
import { retryOnConflict } from './storage-errors';

export interface MeetingAttendance {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  answers: SchoolRsvp[];
  tally: Tally;
}

/** Answers to meeting invitations, per school; the chair's tally. */
export class RsvpService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvps: RsvpStore,
  ) {}

  /** The meeting as it stands now, with every school's answer. */
  async attendance(clusterId: string, meetingId: string): Promise<Outcome<MeetingAttendance>> {
    const stored = await this.workspace.store.load(clusterId);
    if (!stored) return fail('this cluster no longer exists');
    const cluster = stored.value;
    const meeting = buildRota(cluster, this.workspace.clock()).meetings.find((m) => m.id === meetingId);
    if (!meeting) return fail('this meeting is no longer on the rota');
    const answers = await this.rsvps.answersFor(clusterId, meetingId);
    const members = cluster.schools
      .filter((s) => !s.leftOn || s.leftOn > meeting.date)
      .sort((a, b) => a.position - b.position);
    return succeed({ cluster, meeting, answers, tally: tallyAnswers(members, answers) });
  }

  /**
   * Records a school's answer. Only people linked to a school answer for it; the latest answer
   * wins; the same delivery (`key`) seen again stores nothing new.
   */
  async answer(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
    answer: RsvpAnswer,
    key: string,
  ): Promise<Outcome<{ school: School; attendance: MeetingAttendance }>> {
    const attendance = await this.attendance(clusterId, meetingId);
    if (!attendance.ok) return attendance;
    const { cluster, meeting } = attendance.value;
    const stale = staleness(meeting, meetingDate, this.workspace.clock());
    if (stale) return fail(stale);
    const person = cluster.people.find((p) => p.userId === actor.userId);
    const school = cluster.schools.find((s) => s.id === person?.schoolId && !s.leftOn);
    if (!school) {
      return fail(
        `you are not listed for a school in ${cluster.profile.name}. Link yourself with **/join** (in the cluster's channel), or ask your cluster lead`,
      );
    }
    await retryOnConflict(async () => {
      const stored = await this.rsvps.find(clusterId, meetingId, school.id);
      const next = recordAnswer(stored?.value, meetingId, school.id, {
        answer,
        by: actor.userId,
        byName: actor.name,
        at: this.workspace.clock(),
        key,
      });
      if (stored && next === stored.value) return;
      if (stored) await this.rsvps.replace(clusterId, next, stored.version);
      else await this.rsvps.create(clusterId, next);
    });
    const updated = await this.attendance(clusterId, meetingId);
    if (!updated.ok) return updated;
    return succeed({ school, attendance: updated.value });
  }
}

/** A card is stale when its meeting moved, was cancelled or has started. */
export function staleness(meeting: PlannedMeeting, cardDate: string, now: Date): string | undefined {
  const name = `${halfTermName(meeting.halfTerm)} ${meeting.year}`;
  if (meeting.cancelled) return `the ${name} meeting has been cancelled`;
  if (meeting.date !== cardDate) return `the ${name} meeting has moved to ${formatLondon(meeting.startsAt)}`;
  if (meeting.startsAt.getTime() <= now.getTime()) return `the ${name} meeting has already started`;
  return undefined;
}
