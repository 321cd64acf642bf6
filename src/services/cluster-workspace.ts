import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import type { ClusterPlace, ClusterSnapshot } from '../domain/clusters/cluster';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import type { ClusterStore, ClusterWrite, Versioned } from './ports';
import { retryOnConflict } from './storage-errors';

export const NO_CLUSTER =
  'this team or chat has no cluster yet. A cluster lead can create one with **/setup <name>**, for example `/setup Roots`';

export type ClusterDecision<T> = Outcome<{ write: Partial<ClusterWrite>; value: T }>;

/**
 * Read a cluster, decide (pure), write all-or-nothing under the version read. If someone else
 * changed the cluster meanwhile, read again and decide again, so no change is lost.
 */
export class ClusterWorkspace {
  constructor(
    readonly store: ClusterStore,
    readonly clock: Clock,
  ) {}

  async read(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
  ): Promise<Versioned<ClusterSnapshot> | undefined> {
    const clusterId = await this.store.findClusterId(place);
    return clusterId ? this.store.load(clusterId) : undefined;
  }

  async change<T>(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    decide: (cluster: ClusterSnapshot, now: Date) => ClusterDecision<T>,
  ): Promise<Outcome<T>> {
    const clusterId = await this.store.findClusterId(place);
    if (!clusterId) return fail(NO_CLUSTER);
    return this.changeCluster(clusterId, decide);
  }

  /** The same, for a cluster named by id (a card carries its cluster's id into a personal chat). */
  async changeCluster<T>(
    clusterId: string,
    decide: (cluster: ClusterSnapshot, now: Date) => ClusterDecision<T>,
  ): Promise<Outcome<T>> {
    return retryOnConflict(async () => {
      const stored = await this.store.load(clusterId);
      if (!stored) return fail('this cluster no longer exists');
      const decision = decide(stored.value, this.clock());
      if (!decision.ok) return decision;
      const { write, value } = decision.value;
      if (Object.keys(write).length === 0) return succeed(value); // nothing changed: write nothing
      await this.store.write(stored.value.profile.id, stored.version, {
        profile: stored.value.profile,
        ...write,
      });
      return succeed(value);
    });
  }
}

/** A decision refused unless the actor is a cluster lead (see whoMay.lead). */
export function requireLead<T>(cluster: ClusterSnapshot, actor: Actor): ClusterDecision<T> | undefined {
  return whoMay.lead(cluster, actor.userId) ? undefined : fail(LEADS_ONLY(cluster));
}
