import type { ClusterPlace } from '../domain/clusters/cluster';
import type { Messenger, OutgoingMessage, SendOutcome } from './ports';

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
): Promise<{ sent: SendOutcome; updated: boolean }> {
  if (previousId) {
    const updated = await messenger.updateInCluster(place, previousId, message);
    if (updated.ok) return { sent: updated, updated: true };
  }
  return { sent: await messenger.postToCluster(place, message), updated: false };
}
