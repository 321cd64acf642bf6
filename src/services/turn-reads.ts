import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  ClusterPerson,
  ClusterPlace,
  ClusterProfile,
  ClusterSnapshot,
} from '../domain/clusters/cluster';
import type { ClusterStore, ClusterWrite, Versioned } from './ports';

/** What this turn has read so far, by key: a promise, so reads made side by side share one request. */
const turn = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/**
 * One read per turn: everything a turn does (the access check, the service, the view) runs
 * inside `inTurn`, and the cluster it reads is read from storage once. Outside a turn (the
 * scheduler, downloads) every read goes to storage.
 */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  return turn.run(new Map(), work);
}

function remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
  const seen = turn.getStore();
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
  turn.getStore()?.delete(key);
}

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
    return remembered(`cluster|${clusterId}`, () => this.store.load(clusterId));
  }

  async write(clusterId: string, version: string, write: ClusterWrite): Promise<void> {
    forget(`cluster|${clusterId}`);
    try {
      await this.store.write(clusterId, version, write);
    } finally {
      forget(`cluster|${clusterId}`);
    }
  }

  async create(profile: ClusterProfile, lead: ClusterPerson): Promise<void> {
    forget(`link|${profile.place.tenantId}|${profile.place.placeKey}`);
    forget(`cluster|${profile.id}`);
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
