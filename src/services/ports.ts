/**
 * What the services need from storage, in the domain's own words. src/storage implements these
 * on Azure Tables; nothing here knows which store is behind them.
 */
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
import type { MeetingChange } from '../domain/rota/schedule-meetings';

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
}

/** Rows to write for one change to a cluster, all or nothing. */
export interface ClusterWrite {
  profile: ClusterProfile;
  schools?: School[];
  people?: ClusterPerson[];
  calendars?: YearCalendar[];
  meetingChanges?: MeetingChange[];
  changeLog?: RotaChangeRecord[];
}

export interface ClusterStore {
  findClusterId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined>;
  /** @throws AlreadyExistsError when this team or chat already has a cluster. */
  create(profile: ClusterProfile, lead: ClusterPerson): Promise<void>;
  load(clusterId: string): Promise<Versioned<ClusterSnapshot> | undefined>;
  /** @throws ConcurrentUpdateError when the cluster changed since `version` was read. */
  write(clusterId: string, version: string, write: ClusterWrite): Promise<void>;
}
