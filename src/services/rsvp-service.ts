import { halfTermName } from '../domain/calendar/academic-year';
import {
  type ClusterPerson,
  type ClusterSnapshot,
  linkedSchoolOf,
  type School,
} from '../domain/clusters/cluster';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { decideGuest, type GuestRequest, guestRequestId } from '../domain/rsvp/guest-request';
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
  guests: GuestRequest[];
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
    const [answers, guests] = await Promise.all([
      this.rsvps.answersFor(clusterId, meetingId),
      this.rsvps.guestsFor(clusterId, meetingId),
    ]);
    const members = cluster.schools
      .filter((s) => !s.leftOn || s.leftOn > meeting.date)
      .sort((a, b) => a.position - b.position);
    return succeed({ cluster, meeting, answers, guests, tally: tallyAnswers(members, answers, guests) });
  }

  /**
   * Records a school's answer. Only people linked to a school answer for it; the latest answer
   * wins; the same delivery (`key`) seen again stores nothing new.
   */
  /**
   * Who may answer for which school, for a card made for `meetingDate`: the meeting must still be
   * ahead (not moved, cancelled or started) and the person linked to a member school.
   */
  private async answerable(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; meeting: PlannedMeeting; school: School }>> {
    const attendance = await this.attendance(clusterId, meetingId);
    if (!attendance.ok) return attendance;
    const { cluster, meeting } = attendance.value;
    const stale = staleness(meeting, meetingDate, this.workspace.clock());
    if (stale) return fail(stale);
    const school = linkedSchoolOf(cluster, actor.userId);
    if (!school) return fail(notListed(cluster));
    return succeed({ cluster, meeting, school });
  }

  /** A head asks to bring a guest; the host school decides. Asking again for the same guest updates the request. */
  async requestGuest(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
    guest: { name: string; role: string },
  ): Promise<Outcome<{ request: GuestRequest; hosts: ClusterPerson[]; attendance: MeetingAttendance }>> {
    const pupilData = refusePupilData({ "guest's name": guest.name, "guest's role": guest.role });
    if (pupilData) return fail(pupilData);
    const answerable = await this.answerable(clusterId, meetingId, meetingDate, actor);
    if (!answerable.ok) return answerable;
    const { cluster, meeting, school } = answerable.value;
    const request: GuestRequest = {
      id: guestRequestId(school.id, guest.name),
      meetingId,
      schoolId: school.id,
      name: guest.name,
      role: guest.role,
      requestedBy: actor.userId,
      requestedByName: actor.name,
      at: this.workspace.clock(),
      status: 'pending',
    };
    await this.rsvps.saveGuest(clusterId, request);
    const updated = await this.attendance(clusterId, meetingId);
    if (!updated.ok) return updated;
    return succeed({ request, hosts: hostsOf(cluster, meeting), attendance: updated.value });
  }

  /** Only the host school's head (or a cluster lead) approves or declines a guest. */
  async decideGuest(
    clusterId: string,
    meetingId: string,
    guestId: string,
    decision: 'approved' | 'declined',
    actor: Actor,
  ): Promise<Outcome<{ request: GuestRequest; attendance: MeetingAttendance }>> {
    const attendance = await this.attendance(clusterId, meetingId);
    if (!attendance.ok) return attendance;
    const { cluster, meeting } = attendance.value;
    const stale = staleness(meeting, meeting.date, this.workspace.clock());
    if (stale) return fail(stale);
    const person = cluster.people.find((p) => p.userId === actor.userId);
    const isHost = person?.schoolId !== undefined && person.schoolId === meeting.host?.id;
    if (!isHost && person?.role !== 'cluster-lead') {
      return fail(
        `only the host school (${meeting.host?.name ?? 'not yet known'}) or a cluster lead can agree guests`,
      );
    }
    let decided: GuestRequest | undefined;
    await retryOnConflict(async () => {
      const stored = await this.rsvps.findGuest(clusterId, meetingId, guestId);
      if (!stored) return;
      decided = decideGuest(stored.value, decision, actor, this.workspace.clock());
      if (decided !== stored.value) await this.rsvps.saveGuest(clusterId, decided, stored.version);
    });
    if (!decided) return fail('that guest request no longer exists');
    const updated = await this.attendance(clusterId, meetingId);
    if (!updated.ok) return updated;
    return succeed({ request: decided, attendance: updated.value });
  }

  async answer(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
    answer: RsvpAnswer,
    key: string,
  ): Promise<Outcome<{ school: School; attendance: MeetingAttendance }>> {
    const pupilData = refusePupilData({
      reason: answer.kind === 'apologies' ? answer.reason : undefined,
      "deputy's name": answer.kind === 'deputy' ? answer.name : undefined,
      "deputy's role": answer.kind === 'deputy' ? answer.role : undefined,
    });
    if (pupilData) return fail(pupilData);
    const answerable = await this.answerable(clusterId, meetingId, meetingDate, actor);
    if (!answerable.ok) return answerable;
    const { school } = answerable.value;
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

function notListed(cluster: ClusterSnapshot): string {
  return `you are not listed for a school in ${cluster.profile.name}. Link yourself with **/join** (in the cluster's channel), or ask your cluster lead`;
}

/** The people who decide for the host school: its linked head(s) and staff. */
export function hostsOf(cluster: ClusterSnapshot, meeting: PlannedMeeting): ClusterPerson[] {
  return cluster.people.filter((p) => p.schoolId !== undefined && p.schoolId === meeting.host?.id);
}
