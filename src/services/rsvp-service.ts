import type { Actor } from '../domain/actor';
import type { School } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { type MeetingAttendance, meetingAttendance } from '../domain/rsvp/meeting-attendance';
import { type RsvpAnswer, recordAnswer } from '../domain/rsvp/rsvp';
import type { ClusterWorkspace } from './cluster-workspace';
import { MeetingReader, values } from './meeting-reader';
import type { RsvpStore } from './ports';
import { retryOnConflict } from './storage-errors';

/**
 * Answers to meeting invitations, per school; the chair's tally. A click reads the cluster and
 * the meeting's rows (in a turn, one query for both: turn-reads.ts), writes one row, and works out
 * the new tally from what it read and wrote: two table requests, however old the cluster.
 */
export class RsvpService {
  private readonly reader: MeetingReader;

  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvps: RsvpStore,
  ) {
    this.reader = new MeetingReader(workspace, rsvps);
  }

  /** The meeting as it stands now, with every school's answer. */
  async attendance(clusterId: string, meetingId: string): Promise<Outcome<MeetingAttendance>> {
    const read = await this.reader.read(clusterId, meetingId);
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
    const pupilData = refusePupilData(
      {
        reason: answer.kind === 'apologies' ? answer.reason : undefined,
        "deputy's name": answer.kind === 'deputy' ? answer.name : undefined,
        "deputy's role": answer.kind === 'deputy' ? answer.role : undefined,
      },
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    return retryOnConflict(async () => {
      const read = await this.reader.answerable(clusterId, meetingId, meetingDate, actor);
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
}
