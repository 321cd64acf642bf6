import { renderGuestApprovalCard } from '../cards/guest-approval-card';
import type { ClusterAction } from '../domain/actions/cluster-action';
import type { Actor } from '../domain/actor';
import type { AgendaItem } from '../domain/agenda/agenda';
import type { ClusterPerson, ClusterProfile, ClusterSnapshot, School } from '../domain/clusters/cluster';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import type { PeerReview } from '../domain/peer-reviews/peer-review';
import type { ReminderSlot } from '../domain/reminders/reminder-slots';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import type { GuestRequest } from '../domain/rsvp/guest-request';
import type { MeetingAttendance } from '../domain/rsvp/meeting-attendance';
import { formatLocalDate } from '../domain/time/london-time';
import type { MinutesLinkMaker } from '../services/minutes-service';
import type { ClusterNotices, Posted, SendOnce } from '../services/notices-port';
import { publishedAgendaMessage } from '../views/agenda-view';
import { minutesDocument } from '../views/minutes-document';
import { peerReviewMessage } from '../views/peer-review-view';
import { publishedMinutesMessage } from '../views/published-minutes-view';
import { guestApprovalCardData } from '../views/reminder-view';
import { postOrUpdate } from './channel-post';
import { deliverMeetingSlot } from './meeting-slot-delivery';
import type { Messenger } from './messenger';
import { reachPeople, sendNow } from './reach-people';

/** The cluster's notices, worded by the views and delivered through the chat's messenger. */
export class MessengerNotices implements ClusterNotices {
  constructor(
    private readonly messenger: Messenger,
    private readonly minutesLinks: MinutesLinkMaker,
    private readonly clock: () => Date,
  ) {}

  agendaPublished(
    cluster: ClusterSnapshot,
    meeting: PlannedMeeting,
    items: readonly AgendaItem[],
    by: Actor,
    at: Date,
    previousPostId: string | undefined,
  ): Promise<Posted> {
    const message = publishedAgendaMessage(cluster, meeting, items, by, at);
    return postOrUpdate(this.messenger, cluster.profile.place, previousPostId, message);
  }

  minutesPublished(
    cluster: ClusterSnapshot,
    meeting: PlannedMeeting,
    minutes: MeetingMinutes,
  ): Promise<Posted> {
    const message = publishedMinutesMessage(
      minutesDocument(cluster, meeting, minutes),
      this.minutesLinks(cluster.profile.id, meeting.id),
    );
    return postOrUpdate(this.messenger, cluster.profile.place, minutes.published?.activityId, message);
  }

  peerReviewChanged(cluster: ClusterSnapshot, review: PeerReview): Promise<Posted> {
    const message = peerReviewMessage(cluster, review);
    return postOrUpdate(this.messenger, cluster.profile.place, review.announcementId, message);
  }

  async volunteerOffered(cluster: ClusterSnapshot, review: PeerReview, school: School): Promise<void> {
    const offer = review.volunteers.at(-1);
    if (!offer) return;
    await this.messenger.sendToPerson(cluster.profile.place.tenantId, review.requestedBy, {
      text: `${offer.reviewer} (${school.name}) volunteered to review for ${review.id}. Accept with **/peerreview accept ${review.id} ${offer.id}** in the cluster channel.`,
      summary: `A volunteer for ${review.id}`,
    });
  }

  async linkedToBoard(cluster: ClusterProfile, boardName: string): Promise<void> {
    await this.messenger.postToCluster(cluster.place, {
      text: `**${cluster.name}** is now linked to the board **${boardName}**. The board sees this cluster's figures (meetings, attendance, minutes on time, actions, peer reviews) and its published minutes; never drafts, answers by name or anything about pupils.`,
      summary: `${cluster.name} is linked to ${boardName}`,
    });
  }

  async guestRequested(
    attendance: MeetingAttendance,
    request: GuestRequest,
    hosts: readonly ClusterPerson[],
    by: Actor,
  ): Promise<number> {
    const card = renderGuestApprovalCard(guestApprovalCardData(attendance, request, this.clock()));
    const summary = `${by.name} asks to bring a guest to the ${attendance.cluster.profile.name} meeting`;
    const reach = await reachPeople(
      this.messenger,
      sendNow,
      attendance.cluster.profile.place,
      hosts,
      { card, summary },
      (withoutChat) => ({
        card,
        summary,
        text: withoutChat.length
          ? 'For the host to approve or decline:'
          : 'No one is linked to the host school yet; a cluster lead can decide:',
      }),
    );
    return reach.privately;
  }

  meetingSlot(
    once: SendOnce,
    cluster: ClusterSnapshot,
    slot: ReminderSlot,
    attendance: MeetingAttendance,
    now: Date,
  ): Promise<string> {
    return deliverMeetingSlot(this.messenger, once, cluster, slot, attendance, now);
  }

  async actionOverdue(once: SendOnce, cluster: ClusterSnapshot, action: ClusterAction): Promise<string> {
    const school = cluster.schools.find((s) => s.id === action.ownerSchoolId)?.name ?? 'its owner';
    const owners = action.ownerPerson
      ? [action.ownerPerson]
      : cluster.people.filter((p) => p.schoolId === action.ownerSchoolId);
    const message = {
      text: `Action ${action.id} for ${school} was due on ${formatLocalDate(action.due)}: ${action.title}. Please update it (/action ${action.id} done, or in progress).`,
      summary: `Action ${action.id} is overdue`,
    };
    await reachPeople(this.messenger, once, cluster.profile.place, owners, message, () => message);
    return `overdue action: ${owners.length} owner(s)`;
  }
}
