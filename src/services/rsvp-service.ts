import type { Actor } from '../domain/actor';
import { type ClusterSnapshot, linkedSchoolOf, type School } from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { buildRota } from '../domain/rota/build-rota';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { decideGuest, type GuestRequest, guestRequestId } from '../domain/rsvp/guest-request';
import {
  hostsOf,
  type MeetingAttendance,
  meetingAttendance,
  staleness,
} from '../domain/rsvp/meeting-attendance';
import { type RsvpAnswer, recordAnswer } from '../domain/rsvp/rsvp';
import type { ClusterWorkspace } from './cluster-workspace';
import type { ClusterNotices, MeetingRows, RsvpStore } from './ports';
import { retryOnConflict } from './storage-errors';

interface MeetingRead {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  rows: MeetingRows;
}

const values = <T>(rows: Array<{ value: T }>) => rows.map((r) => r.value);

/**
 * Answers to meeting invitations, per school; the chair's tally. A click reads the cluster (once
 * per turn) and the meeting's rows (one query), writes one row, and works out the new tally
 * from what it read and wrote: three table requests, however old the cluster.
 */
export class RsvpService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvps: RsvpStore,
    private readonly notices?: ClusterNotices,
  ) {}

  /** The meeting as it stands now, with every school's answer. */
  async attendance(clusterId: string, meetingId: string): Promise<Outcome<MeetingAttendance>> {
    const read = await this.read(clusterId, meetingId);
    if (!read.ok) return read;
    const { cluster, meeting, rows } = read.value;
    return succeed(meetingAttendance(cluster, meeting, values(rows.answers), values(rows.guests)));
  }

  /**
   * Records a school's answer. Only people linked to a school answer for it, on a card whose
   * meeting is still ahead; the latest answer wins; the same delivery (`key`) stores nothing new.
   */
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
    return retryOnConflict(async () => {
      const read = await this.answerable(clusterId, meetingId, meetingDate, actor);
      if (!read.ok) return read;
      const { cluster, meeting, rows, school } = read.value;
      const stored = rows.answers.find((a) => a.value.schoolId === school.id);
      const next = recordAnswer(stored?.value, meetingId, school.id, {
        answer,
        by: actor.userId,
        byName: actor.name,
        at: this.workspace.clock(),
        key,
      });
      if (!stored) await this.rsvps.create(clusterId, next);
      else if (next !== stored.value) await this.rsvps.replace(clusterId, next, stored.version);
      const answers = [...values(rows.answers).filter((a) => a.schoolId !== school.id), next];
      return succeed({
        school,
        attendance: meetingAttendance(cluster, meeting, answers, values(rows.guests)),
      });
    });
  }

  /** A head asks to bring a guest; the host school decides. Asking again for the same guest updates the request. */
  async requestGuest(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
    guest: { name: string; role: string },
  ): Promise<Outcome<{ request: GuestRequest; attendance: MeetingAttendance; hostsReached: number }>> {
    const pupilData = refusePupilData({ "guest's name": guest.name, "guest's role": guest.role });
    if (pupilData) return fail(pupilData);
    const read = await this.answerable(clusterId, meetingId, meetingDate, actor);
    if (!read.ok) return read;
    const { cluster, meeting, rows, school } = read.value;
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
    const guests = [...values(rows.guests).filter((g) => g.id !== request.id), request];
    const attendance = meetingAttendance(cluster, meeting, values(rows.answers), guests);
    const hostsReached = this.notices
      ? await this.notices.guestRequested(attendance, request, hostsOf(cluster, meeting), actor)
      : 0;
    return succeed({ request, attendance, hostsReached });
  }

  /** Only the meeting's chair (the host school) or a cluster lead approves or declines a guest. */
  async decideGuest(
    clusterId: string,
    meetingId: string,
    guestId: string,
    decision: 'approved' | 'declined',
    actor: Actor,
  ): Promise<Outcome<{ request: GuestRequest; attendance: MeetingAttendance }>> {
    return retryOnConflict(async () => {
      const read = await this.read(clusterId, meetingId);
      if (!read.ok) return read;
      const { cluster, meeting, rows } = read.value;
      const stale = staleness(meeting, meeting.date, this.workspace.clock());
      if (stale) return fail(stale);
      if (!whoMay.chair(cluster, meeting, actor.userId)) {
        return fail(
          `only the host school (${meeting.host?.name ?? 'not yet known'}) or a cluster lead can agree guests`,
        );
      }
      const stored = rows.guests.find((g) => g.value.id === guestId);
      if (!stored) return fail('that guest request no longer exists');
      const decided = decideGuest(stored.value, decision, actor, this.workspace.clock());
      if (decided !== stored.value) await this.rsvps.saveGuest(clusterId, decided, stored.version);
      const guests = values(rows.guests).map((g) => (g.id === guestId ? decided : g));
      return succeed({
        request: decided,
        attendance: meetingAttendance(cluster, meeting, values(rows.answers), guests),
      });
    });
  }

  private async read(clusterId: string, meetingId: string): Promise<Outcome<MeetingRead>> {
    const [stored, rows] = await Promise.all([
      this.workspace.store.load(clusterId),
      this.rsvps.meeting(clusterId, meetingId),
    ]);
    if (!stored) return fail('this cluster no longer exists');
    const meeting = buildRota(stored.value, this.workspace.clock()).meetings.find((m) => m.id === meetingId);
    if (!meeting) return fail('this meeting is no longer on the rota');
    return succeed({ cluster: stored.value, meeting, rows });
  }

  /**
   * Who may answer for which school, for a card made for `meetingDate`: the meeting must still be
   * ahead (not moved, cancelled or started) and the person linked to a member school.
   */
  private async answerable(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
  ): Promise<Outcome<MeetingRead & { school: School }>> {
    const read = await this.read(clusterId, meetingId);
    if (!read.ok) return read;
    const { cluster, meeting } = read.value;
    const stale = staleness(meeting, meetingDate, this.workspace.clock());
    if (stale) return fail(stale);
    const school = linkedSchoolOf(cluster, actor.userId);
    if (!school) return fail(notListed(cluster));
    return succeed({ ...read.value, school });
  }
}

function notListed(cluster: ClusterSnapshot): string {
  return `you are not listed for a school in ${cluster.profile.name}. Link yourself with **/join** (in the cluster's channel), or ask your cluster lead`;
}
