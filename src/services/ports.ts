/**
 * What the services need from storage, in the domain's own words. src/storage implements these
 * on Azure Tables; nothing here knows which store is behind them.
 */
import type { ClusterAction } from '../domain/actions/cluster-action';
import type { AgendaProposal, PublishedAgenda } from '../domain/agenda/agenda';
import type { Board, BoardLink } from '../domain/board/board';
import type { YearCalendar } from '../domain/calendar/term-dates';
import type {
  ClusterPerson,
  ClusterPlace,
  ClusterProfile,
  ClusterSnapshot,
  RotaChangeRecord,
  School,
} from '../domain/clusters/cluster';
import type { ConversationKey, InstalledConversation } from '../domain/conversations/installed-conversation';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import type { PeerReview } from '../domain/peer-reviews/peer-review';
import type { MeetingChange } from '../domain/rota/schedule-meetings';
import type { GuestRequest } from '../domain/rsvp/guest-request';
import type { SchoolRsvp } from '../domain/rsvp/rsvp';

/** A stored record together with the version it was read at (an ETag, for optimistic updates). */
export interface Versioned<T> {
  value: T;
  version: string;
}

export interface ConversationStore {
  find(key: ConversationKey): Promise<Versioned<InstalledConversation> | undefined>;
  /** @throws AlreadyExistsError when the conversation was stored meanwhile. */
  create(conversation: InstalledConversation): Promise<void>;
  /** @throws ConcurrentUpdateError when the stored version is no longer `version`. */
  replace(conversation: InstalledConversation, version: string): Promise<void>;
  /** The person's 1:1 chat with the bot, if they installed it personally. */
  findPersonal(tenantId: string, userId: string): Promise<InstalledConversation | undefined>;
}

/** Rows to write for one change to a cluster, all or nothing. */
export interface ClusterWrite {
  profile: ClusterProfile;
  schools?: School[];
  people?: ClusterPerson[];
  calendars?: YearCalendar[];
  meetingChanges?: MeetingChange[];
  changeLog?: RotaChangeRecord[];
  actions?: ClusterAction[];
  proposals?: AgendaProposal[];
  publishedAgendas?: PublishedAgenda[];
  minutes?: MeetingMinutes[];
  peerReviews?: PeerReview[];
}

export interface ClusterStore {
  findClusterId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined>;
  /** @throws AlreadyExistsError when this team or chat already has a cluster. */
  create(profile: ClusterProfile, lead: ClusterPerson): Promise<void>;
  /** The cluster's working set, in one query (see ClusterSnapshot). */
  load(clusterId: string): Promise<Versioned<ClusterSnapshot> | undefined>;
  /** The working set and one meeting's answers and guests, still one query (a meeting card's click). */
  loadWithMeeting(
    clusterId: string,
    meetingId: string,
  ): Promise<{ cluster: Versioned<ClusterSnapshot> | undefined; meeting: MeetingRows }>;
  /** Every cluster (for the scheduler's rounds). */
  listClusterIds(): Promise<string[]>;
  /** The profiles of every cluster in a tenant (a board links clusters by name). */
  profilesInTenant(tenantId: string): Promise<ClusterProfile[]>;
  /** @throws ConcurrentUpdateError when the cluster changed since `version` was read. */
  write(clusterId: string, version: string, write: ClusterWrite): Promise<void>;
  /** The change log since a date, oldest first (not part of the snapshot: it only grows). */
  recentChanges(clusterId: string, since: Date): Promise<RotaChangeRecord[]>;
  /** One meeting's minutes of any year (the snapshot holds this school year's and last year's). */
  minutesOf(clusterId: string, meetingId: string): Promise<MeetingMinutes | undefined>;
}

/** One meeting's answers and guest requests, each with the version it was read at. */
export interface MeetingRows {
  answers: Array<Versioned<SchoolRsvp>>;
  guests: Array<Versioned<GuestRequest>>;
}

/** Answers to meeting invitations: one row per school per meeting, updated under its ETag. */
/** What a cluster's schools have said to its invitations: answers, and requests to bring guests. */
export interface ClusterReplies {
  answers: SchoolRsvp[];
  guests: GuestRequest[];
}

export interface RsvpStore {
  /** Everything answered for one meeting (answers and guests): one query. */
  meeting(clusterId: string, meetingId: string): Promise<MeetingRows>;
  /** Every answer and guest request for every meeting of the cluster (the board's attendance figures). */
  repliesForCluster(clusterId: string): Promise<ClusterReplies>;
  /** Creates or replaces a guest request; with `version`, only if unchanged since it was read. */
  saveGuest(clusterId: string, request: GuestRequest, version?: string): Promise<void>;
  /** @throws AlreadyExistsError when someone answered for the school meanwhile. */
  create(clusterId: string, rsvp: SchoolRsvp): Promise<void>;
  /** @throws ConcurrentUpdateError when the answer changed since `version`. */
  replace(clusterId: string, rsvp: SchoolRsvp, version: string): Promise<void>;
}

export type SlotOutcome = 'sent' | 'dropped';

/**
 * Which scheduled sends are done. A slot is claimed by inserting its row (only one instance can),
 * then sent, then marked done; a claim whose lease has run out (its instance crashed) can be
 * taken over once.
 */
export interface SlotLedger {
  finished(clusterId: string): Promise<Set<string>>;
  /** Ours if unclaimed, if its claim lapsed, or if it is this instance's own (from before a restart). */
  claim(clusterId: string, slotId: string, instance: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Extends our claim while we work; false when it is no longer ours. */
  renew(clusterId: string, slotId: string, instance: string, now: Date, leaseMs: number): Promise<boolean>;
  /** The clusters with a claim whose lease has run out: an instance died while sending. */
  clustersWithLapsedClaims(now: Date): Promise<string[]>;
  finish(clusterId: string, slotId: string, outcome: SlotOutcome, now: Date, note?: string): Promise<void>;
  /** Per-recipient idempotency: has this slot already reached this recipient? */
  delivered(clusterId: string, slotId: string, recipient: string): Promise<boolean>;
  markDelivered(clusterId: string, slotId: string, recipient: string, now: Date): Promise<void>;
}

/** Boards and the clusters they watch. */
export interface BoardStore {
  findBoardId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined>;
  /** @throws AlreadyExistsError when this team or chat already has a board. */
  create(board: Board): Promise<void>;
  load(boardId: string): Promise<{ board: Board; links: BoardLink[] } | undefined>;
  link(boardId: string, link: BoardLink): Promise<void>;
  /** Unlinking a cluster that is not linked changes nothing. */
  unlink(boardId: string, clusterId: string): Promise<void>;
}

/**
 * Which instance may send a tenant's scheduled messages right now (Teams limits a tenant, not an
 * instance). A claim is ours if free, lapsed or already ours; taking it over hands us the send
 * times of the last holder's final second, so the two together stay inside the limit.
 */
export interface SendLeases {
  claim(
    tenantId: string,
    instance: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<{ held: true; recent: number[]; previousHolder?: string } | { held: false; untilMs: number }>;
  release(tenantId: string, instance: string, recent: number[]): Promise<void>;
}
