import { type CardOrigin, mayUseClusterCard } from '../domain/clusters/card-access';
import type { ClusterStore } from './ports';

/** The one check every card click and refresh passes before a listener sees its cluster id. */
export class CardAccessService {
  constructor(private readonly store: ClusterStore) {}

  async mayUse(clusterId: string, origin: CardOrigin): Promise<boolean> {
    // Only something shaped like an id is looked up: card data can hold anything.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(clusterId)) return false;
    const stored = await this.store.load(clusterId);
    return stored !== undefined && mayUseClusterCard(stored.value, origin);
  }
}
