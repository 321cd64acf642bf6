import type { ClusterSnapshot } from './cluster';
import { whoMay } from './who-may';

/**
 * Where a card's button was pressed, and by whom. Card data comes from the client, so an id in
 * it proves nothing: a click counts for the cluster it names only from that cluster's own team or
 * chat, or from the personal chat of someone linked to it.
 */
export interface CardOrigin {
  tenantId?: string | undefined;
  /** The team id for a channel, else the conversation id (as a cluster's place is keyed). */
  placeKey: string;
  personal: boolean;
  userId: string;
}

export function mayUseClusterCard(
  cluster: Pick<ClusterSnapshot, 'profile' | 'people'>,
  origin: CardOrigin,
): boolean {
  const home = cluster.profile.place;
  if (origin.tenantId && home.tenantId && origin.tenantId.toLowerCase() !== home.tenantId.toLowerCase()) {
    return false;
  }
  if (origin.personal) return whoMay.member(cluster, origin.userId);
  return origin.placeKey === home.placeKey;
}
