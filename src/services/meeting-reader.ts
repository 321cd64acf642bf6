import type { Actor } from '../domain/actor';
import { type ClusterSnapshot, linkedSchoolOf, type School } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { buildRota } from '../domain/rota/build-rota';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { staleness } from '../domain/rsvp/meeting-attendance';
import type { ClusterWorkspace } from './cluster-workspace';
import type { MeetingRows, RsvpStore } from './ports';

export interface MeetingRead {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  rows: MeetingRows;
}

export const values = <T>(rows: Array<{ value: T }>) => rows.map((r) => r.value);

function notListed(cluster: ClusterSnapshot): string {
  return `you are not listed for a school in ${cluster.profile.name}. Link yourself with **/join** (in the cluster's channel), or ask your cluster lead`;
}

/** One meeting as stored: the cluster (read once per turn) and the meeting's rows (one query). */
export class MeetingReader {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvps: RsvpStore,
  ) {}

  async read(clusterId: string, meetingId: string): Promise<Outcome<MeetingRead>> {
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
  async answerable(
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
