/**
 * What the use cases say happened, for the cluster and its people to be told. src/notices words
 * it (views) and delivers it (in a 1:1 chat where there is one, else the channel).
 */
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

/** `gone`: the bot was removed or the person left (403/404); never retried, the chat is marked inactive. */
export type SendOutcome =
  | { ok: true; activityId?: string }
  | { ok: false; reason: 'gone' | 'failed'; detail: string };

/** How a post in the cluster's channel went: made (or updated in place), or why not. */
export type Posted = { ok: true; activityId?: string; updated: boolean } | { ok: false; detail: string };

/**
 * Sends to one recipient at most once for a scheduled slot (the ledger remembers who was reached),
 * so a round resumed after a crash never messages anyone twice.
 */
export type SendOnce = (
  recipient: string,
  send: () => Promise<SendOutcome | 'no-chat'>,
) => Promise<SendOutcome | 'no-chat' | 'already'>;

/**
 * What the cluster and its people are told when something happens. Services say what happened;
 * src/notices words it (views) and delivers it (in a 1:1 chat if there is one, else the channel).
 */
export interface ClusterNotices {
  /** The agenda in the channel; the earlier post for the meeting is updated in place. */
  agendaPublished(
    cluster: ClusterSnapshot,
    meeting: PlannedMeeting,
    items: readonly AgendaItem[],
    by: Actor,
    at: Date,
    previousPostId: string | undefined,
  ): Promise<Posted>;
  /** The published minutes in the channel (again in place of the earlier post after a correction). */
  minutesPublished(
    cluster: ClusterSnapshot,
    meeting: PlannedMeeting,
    minutes: MeetingMinutes,
  ): Promise<Posted>;
  /** The request's card in the channel, kept current: posted once, then updated. */
  peerReviewChanged(cluster: ClusterSnapshot, review: PeerReview): Promise<Posted>;
  /** The requesting head hears that a partner volunteered. */
  volunteerOffered(cluster: ClusterSnapshot, review: PeerReview, school: School): Promise<void>;
  /** The cluster is told a board now sees its figures. */
  linkedToBoard(cluster: ClusterProfile, boardName: string): Promise<void>;
  /** The host school decides on a guest: privately where it can, else in the channel. Returns how many were reached privately. */
  guestRequested(
    attendance: MeetingAttendance,
    request: GuestRequest,
    hosts: readonly ClusterPerson[],
    by: Actor,
  ): Promise<number>;
  /** One scheduled message of a meeting (reminder, nudge, chair's summary); returns what was done, for the log. */
  meetingSlot(
    once: SendOnce,
    cluster: ClusterSnapshot,
    slot: ReminderSlot,
    attendance: MeetingAttendance,
    now: Date,
  ): Promise<string>;
  /** An overdue action's owners are reminded, once. */
  actionOverdue(once: SendOnce, cluster: ClusterSnapshot, action: ClusterAction): Promise<string>;
}
