import type { ClusterPlace } from '../domain/clusters/cluster';
import type { Posted } from '../services/notices-port';
import type { OutgoingMessage } from '../views/outgoing-message';
import type { Messenger } from './messenger';

/**
 * Puts a message the cluster already has a post for (an agenda, minutes, a peer-review request)
 * in the channel: the earlier post is updated in place, so publishing again never leaves two; if
 * there is none, or it can no longer be updated (deleted), a new post is made.
 */
export async function postOrUpdate(
  messenger: Messenger,
  place: ClusterPlace,
  previousId: string | undefined,
  message: OutgoingMessage,
): Promise<Posted> {
  if (previousId) {
    const updated = await messenger.updateInCluster(place, previousId, message);
    if (updated.ok) return { ok: true, activityId: previousId, updated: true };
  }
  const sent = await messenger.postToCluster(place, message);
  if (!sent.ok) return { ok: false, detail: sent.detail };
  return { ok: true, ...(sent.activityId ? { activityId: sent.activityId } : {}), updated: false };
}
