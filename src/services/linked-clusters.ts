import type { ClusterProfile } from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import { inParallel } from './in-parallel';
import type { ClusterStore } from './ports';

const CLUSTERS_AT_ONCE = 4;

/**
 * The clusters of a tenant a person is linked to. It reads each of the tenant's clusters, so it
 * is asked only when a read command comes from a personal chat that names none.
 */
export async function clustersLinking(
  store: ClusterStore,
  tenantId: string,
  userId: string,
): Promise<ClusterProfile[]> {
  const profiles = await store.profilesInTenant(tenantId);
  const loaded = await inParallel(profiles, CLUSTERS_AT_ONCE, (p) => store.load(p.id));
  return profiles.filter((_, i) => {
    const cluster = loaded[i]?.value;
    return cluster !== undefined && whoMay.member(cluster, userId);
  });
}
