import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, ClusterSnapshot } from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import { draftMinutes } from '../domain/minutes/minutes-drafts';
import {
  checkMinutes,
  defaultDueDate,
  type MinutesInput,
  meetingToMinute,
  refuseMinutesInput,
} from '../domain/minutes/minutes-rules';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { buildRota } from '../domain/rota/build-rota';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import type { LocalDate } from '../domain/time/local-date';
import { type ClusterWorkspace, NO_CLUSTER, requireLead } from './cluster-workspace';
import type { RsvpService } from './rsvp-service';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

export interface MinutesView {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  /** The stored minutes, or a fresh start from the RSVPs and the agenda. */
  minutes: MeetingMinutes;
  stored: boolean;
  canWrite: boolean;
  /** When actions without a due date are due: the day of the next meeting. */
  defaultDue: LocalDate;
}

export interface PublishedMinutes {
  cluster: ClusterSnapshot;
  meeting: PlannedMeeting;
  minutes: MeetingMinutes;
}

/** Makes the signed links to the printable (HTML) and Markdown minutes. */
export type MinutesLinkMaker = (clusterId: string, meetingId: string) => { html: string; markdown: string };

/** The minutes of the current or most recent meeting: drafted, saved, published and printed. */
export class MinutesService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly rsvp: RsvpService,
    private readonly links: MinutesLinkMaker,
  ) {}

  /** `/minutes` in a cluster's team or chat. */
  async open(place: Place, actor: Actor): Promise<Outcome<MinutesView>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const now = this.workspace.clock();
    const { meetings } = buildRota(stored.value, now);
    const meeting = meetingToMinute(meetings, now);
    if (!meeting) return fail('no meeting has taken place yet, so there are no minutes to write');
    return this.viewOf(stored.value, meetings, meeting, actor);
  }

  /** The same view for a card that names its cluster and meeting (e.g. in a personal chat). */
  async view(clusterId: string, meetingId: string, actor: Actor): Promise<Outcome<MinutesView>> {
    const stored = await this.workspace.store.load(clusterId);
    if (!stored) return fail('this cluster no longer exists');
    const { meetings } = buildRota(stored.value, this.workspace.clock());
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!meeting) return fail('this meeting is no longer on the rota');
    return this.viewOf(stored.value, meetings, meeting, actor);
  }

  /** Saves a draft to come back to. Published minutes are corrected by publishing again. */
  async save(
    clusterId: string,
    meetingId: string,
    input: MinutesInput,
    actor: Actor,
  ): Promise<Outcome<MinutesView>> {
    const refused = refuseMinutesInput(input, this.workspace.clock());
    if (refused) return fail(refused);
    return this.workspace.changeCluster(clusterId, (cluster, now) => {
      const checked = checkMinutes(cluster, meetingId, input, actor, now);
      if (!checked.ok) return checked;
      const { minutes } = checked.value;
      if (minutes.published) {
        return fail('these minutes are already published: use **Publish** to publish your corrections');
      }
      return succeed({
        write: {
          minutes: [minutes],
          changeLog: [changeRecord(actor, now, 'minutes', `Saved draft minutes for ${meetingId}.`)],
        },
        value: writtenView(cluster, checked.value),
      });
    });
  }

  /** Published minutes with their cluster and meeting, for the printable and Markdown downloads. */
  async published(clusterId: string, meetingId: string): Promise<Outcome<PublishedMinutes>> {
    const stored = await this.workspace.store.load(clusterId);
    // Older years' minutes are not in the working set: one more read, only for them.
    const minutes =
      stored?.value.minutes.find((m) => m.meetingId === meetingId) ??
      (stored ? await this.workspace.store.minutesOf(clusterId, meetingId) : undefined);
    const meeting =
      stored && buildRota(stored.value, this.workspace.clock()).meetings.find((m) => m.id === meetingId);
    if (!stored || !minutes?.published || !meeting) return fail('these minutes are not published');
    return succeed({ cluster: stored.value, meeting, minutes });
  }

  /** Every minutes link made until now stops opening (a lead; new links work as before). */
  async withdrawLinks(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>, actor: Actor) {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<Date>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, minutesLinksWithdrawnAt: now },
          changeLog: [changeRecord(actor, now, 'minutes', 'Withdrew every minutes link made so far.')],
        },
        value: now,
      });
    });
  }

  linksFor(clusterId: string, meetingId: string) {
    return this.links(clusterId, meetingId);
  }

  private async viewOf(
    cluster: ClusterSnapshot,
    meetings: readonly PlannedMeeting[],
    meeting: PlannedMeeting,
    actor: Actor,
  ): Promise<Outcome<MinutesView>> {
    const canWrite = whoMay.writeMinutes(cluster, meeting, actor.userId);
    const now = this.workspace.clock();
    const defaultDue = defaultDueDate(meetings, meeting, now);
    const stored = cluster.minutes.find((m) => m.meetingId === meeting.id);
    if (stored) return succeed({ cluster, meeting, minutes: stored, stored: true, canWrite, defaultDue });
    const attendance = await this.rsvp.attendance(cluster.profile.id, meeting.id);
    if (!attendance.ok) return attendance;
    const minutes = draftMinutes(cluster, meeting, attendance.value, actor, now);
    return succeed({ cluster, meeting, minutes, stored: false, canWrite, defaultDue });
  }
}

/** The view after a save or publish, from what was just written (the writer may write: checked). */
export function writtenView(
  cluster: ClusterSnapshot,
  written: { meeting: PlannedMeeting; minutes: MeetingMinutes; defaultDue: LocalDate },
): MinutesView {
  return { cluster, ...written, stored: true, canWrite: true };
}
