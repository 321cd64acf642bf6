import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  ClusterPerson,
  ClusterPlace,
  ClusterProfile,
  ClusterSnapshot,
} from '../domain/clusters/cluster';
import type { GuestRequest } from '../domain/rsvp/guest-request';
import type { SchoolRsvp } from '../domain/rsvp/rsvp';
import type { ClusterReplies, ClusterStore, ClusterWrite, MeetingRows, RsvpStore, Versioned } from './ports';

/** What this turn has read so far, by key: a promise, so reads made side by side share one request. */
interface Turn {
  seen: Map<string, Promise<unknown>>;
  /** The meeting the turn is about (a click on a meeting's card), read with the cluster. */
  meetingId?: string;
}
const turn = new AsyncLocalStorage<Turn>();

/**
 * One read per turn: everything a turn does (the access check, the service, the view) runs
 * inside `inTurn`, and the cluster it reads is read from storage once. Outside a turn (the
 * scheduler, downloads) every read goes to storage.
 */
export function inTurn<T>(work: () => Promise<T>, about: { meetingId?: string } = {}): Promise<T> {
  return turn.run({ seen: new Map(), ...about }, work);
}

function remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
  const seen = turn.getStore()?.seen;
  if (!seen) return read();
  const known = seen.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  seen.set(key, reading);
  // A failed read is not remembered: the next one tries storage again.
  reading.catch(() => seen.delete(key));
  return reading;
}

function forget(key: string): void {
  turn.getStore()?.seen.delete(key);
}

const clusterKey = (clusterId: string) => `cluster|${clusterId}`;
const meetingKey = (clusterId: string, meetingId: string) => `meeting|${clusterId}|${meetingId}`;

/**
 * The cluster store, reading each cluster (and each team's link) at most once per turn. A write
 * forgets what was read, whether it landed or not, so a retry after a conflict reads afresh.
 */
export class ReadOncePerTurn implements ClusterStore {
  constructor(private readonly store: ClusterStore) {}

  findClusterId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined> {
    return remembered(`link|${place.tenantId}|${place.placeKey}`, () => this.store.findClusterId(place));
  }

  load(clusterId: string): Promise<Versioned<ClusterSnapshot> | undefined> {
    const meetingId = turn.getStore()?.meetingId;
    // A meeting card's turn: its answers come in the same query, for the RSVP store to find.
    return remembered(clusterKey(clusterId), async () =>
      meetingId ? (await this.loadWithMeeting(clusterId, meetingId)).cluster : this.store.load(clusterId),
    );
  }

  loadWithMeeting(clusterId: string, meetingId: string) {
    const both = this.store.loadWithMeeting(clusterId, meetingId);
    const meeting = both.then((b) => b.meeting);
    meeting.catch(() => forget(meetingKey(clusterId, meetingId)));
    turn.getStore()?.seen.set(meetingKey(clusterId, meetingId), meeting);
    return both;
  }

  async write(clusterId: string, version: string, write: ClusterWrite): Promise<void> {
    try {
      await this.store.write(clusterId, version, write);
    } finally {
      forget(clusterKey(clusterId));
    }
  }

  async create(profile: ClusterProfile, lead: ClusterPerson): Promise<void> {
    forget(`link|${profile.place.tenantId}|${profile.place.placeKey}`);
    forget(clusterKey(profile.id));
    await this.store.create(profile, lead);
  }

  listClusterIds(): Promise<string[]> {
    return this.store.listClusterIds();
  }

  profilesInTenant(tenantId: string): Promise<ClusterProfile[]> {
    return this.store.profilesInTenant(tenantId);
  }

  recentChanges(clusterId: string, since: Date) {
    return this.store.recentChanges(clusterId, since);
  }

  minutesOf(clusterId: string, meetingId: string) {
    return this.store.minutesOf(clusterId, meetingId);
  }
}

/**
 * The RSVP store, reading a meeting's rows at most once per turn (and not at all when they came
 * with the cluster). A write forgets them, so a retry after a conflict reads afresh.
 */
export class MeetingRowsOncePerTurn implements RsvpStore {
  constructor(private readonly store: RsvpStore) {}

  meeting(clusterId: string, meetingId: string): Promise<MeetingRows> {
    return remembered(meetingKey(clusterId, meetingId), () => this.store.meeting(clusterId, meetingId));
  }

  repliesForCluster(clusterId: string): Promise<ClusterReplies> {
    return this.store.repliesForCluster(clusterId);
  }

  async saveGuest(clusterId: string, request: GuestRequest, version?: string): Promise<void> {
    await this.writing(clusterId, request.meetingId, () => this.store.saveGuest(clusterId, request, version));
  }

  async create(clusterId: string, rsvp: SchoolRsvp): Promise<void> {
    await this.writing(clusterId, rsvp.meetingId, () => this.store.create(clusterId, rsvp));
  }

  async replace(clusterId: string, rsvp: SchoolRsvp, version: string): Promise<void> {
    await this.writing(clusterId, rsvp.meetingId, () => this.store.replace(clusterId, rsvp, version));
  }

  private async writing(clusterId: string, meetingId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } finally {
      forget(meetingKey(clusterId, meetingId));
    }
  }
}
