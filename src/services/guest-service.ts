import type { Actor } from '../domain/actor';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { decideGuest, type GuestRequest, guestRequestId } from '../domain/rsvp/guest-request';
import {
  hostsOf,
  type MeetingAttendance,
  meetingAttendance,
  staleness,
} from '../domain/rsvp/meeting-attendance';
import type { ClusterWorkspace } from './cluster-workspace';
import { MeetingReader, values } from './meeting-reader';
import type { ClusterNotices } from './notices-port';
import type { RsvpStore } from './ports';
import { retryOnConflict } from './storage-errors';

/** Guests are agreed with the host: a head asks on the reminder card, the host school decides. */
export class GuestService {
  private readonly reader: MeetingReader;

  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvps: RsvpStore,
    private readonly notices?: ClusterNotices,
  ) {
    this.reader = new MeetingReader(workspace, rsvps);
  }

  /** A head asks to bring a guest; the host school decides. Asking again for the same guest updates the request. */
  async requestGuest(
    clusterId: string,
    meetingId: string,
    meetingDate: string,
    actor: Actor,
    guest: { name: string; role: string },
  ): Promise<Outcome<{ request: GuestRequest; attendance: MeetingAttendance; hostsReached: number }>> {
    const pupilData = refusePupilData(
      { "guest's name": guest.name, "guest's role": guest.role },
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    const read = await this.reader.answerable(clusterId, meetingId, meetingDate, actor);
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
      const read = await this.reader.read(clusterId, meetingId);
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
}
