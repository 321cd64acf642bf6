import type { Actor } from '../domain/actor';
import { halfTermName } from '../domain/calendar/academic-year';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import { publishMinutes } from '../domain/minutes/minutes-drafts';
import { checkMinutes, type MinutesInput, refuseMinutesInput } from '../domain/minutes/minutes-rules';
import { fail, type Outcome, succeed } from '../domain/outcome';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import type { ClusterWorkspace } from './cluster-workspace';
import { type MinutesView, writtenView } from './minutes-service';
import type { ClusterNotices } from './notices-port';

export interface PublishedOutcome {
  view: MinutesView;
  /** A correction updated the earlier post in place. */
  updated: boolean;
  /** Whether the channel post went out (the minutes are published either way). */
  posted: Outcome<true>;
}

/** Publishing minutes: their actions join the cluster's, and the channel gets (or updates) the post. */
export class MinutesPublishing {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly notices?: ClusterNotices,
  ) {}

  /**
   * Records the minutes as published (creating their new actions in the same write), then posts
   * them in the channel, or updates the earlier post when a correction is published.
   */
  async publish(
    clusterId: string,
    meetingId: string,
    input: MinutesInput,
    actor: Actor,
  ): Promise<Outcome<PublishedOutcome>> {
    const refused = refuseMinutesInput(input, this.workspace.clock());
    if (refused) return fail(refused);
    const published = await this.workspace.changeCluster(clusterId, (cluster, now) => {
      const checked = checkMinutes(cluster, meetingId, input, actor, now);
      if (!checked.ok) return checked;
      const { minutes, meeting } = checked.value;
      const number = cluster.profile.nextActionNumber ?? 1;
      const { minutes: final, actions } = publishMinutes(minutes, number, actor, now);
      const what = `${halfTermName(meeting.halfTerm)} ${meeting.year}`;
      const ids = actions.length > 0 ? ` with actions ${actions.map((a) => a.id).join(', ')}` : '';
      const verb = minutes.published ? 'Re-published' : 'Published';
      return succeed({
        write: {
          profile: { ...cluster.profile, nextActionNumber: number + actions.length },
          minutes: [final],
          actions,
          changeLog: [changeRecord(actor, now, 'minutes', `${verb} the minutes of ${what}${ids}.`)],
        },
        value: writtenView(
          { ...cluster, actions: [...cluster.actions, ...actions] },
          { ...checked.value, minutes: final },
        ),
      });
    });
    if (!published.ok) return published;
    const view = published.value;
    const posted = await this.post(view.cluster, view.meeting, view.minutes);
    return succeed({
      view,
      updated: posted.ok && posted.value.updated,
      posted: posted.ok ? succeed(true) : posted,
    });
  }

  /** Posts (or updates) the channel's copy and remembers the post, so a correction replaces it. */
  private async post(
    cluster: ClusterSnapshot,
    meeting: PlannedMeeting,
    minutes: MeetingMinutes,
  ): Promise<Outcome<{ updated: boolean }>> {
    if (!this.notices) return fail('posting is not available here');
    const posted = await this.notices.minutesPublished(cluster, meeting, minutes);
    if (!posted.ok) return fail(`the minutes could not be posted in the channel (${posted.detail})`);
    const { activityId } = posted;
    if (activityId && activityId !== minutes.published?.activityId) {
      await this.workspace.changeCluster(cluster.profile.id, (latest) => {
        const current = latest.minutes.find((m) => m.meetingId === meeting.id);
        if (!current?.published) return succeed({ write: {}, value: undefined });
        const withPost = { ...current, published: { ...current.published, activityId } };
        return succeed({ write: { minutes: [withPost] }, value: undefined });
      });
    }
    return succeed({ updated: posted.updated });
  }
}
