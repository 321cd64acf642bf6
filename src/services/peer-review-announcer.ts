import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { succeed } from '../domain/outcome';
import type { PeerReview } from '../domain/peer-reviews/peer-review';
import { findReview } from '../domain/peer-reviews/peer-review-request';
import type { ClusterWorkspace } from './cluster-workspace';
import type { ClusterNotices } from './notices-port';

/**
 * Keeps a request's card in the channel current: posted once, then updated in place, so the
 * channel shows one card per request with its volunteers and status. The post's id is stored
 * on the request the first time.
 */
export async function announceReview(
  workspace: ClusterWorkspace,
  notices: ClusterNotices | undefined,
  cluster: ClusterSnapshot,
  review: PeerReview,
): Promise<void> {
  if (!notices) return;
  const posted = await notices.peerReviewChanged(cluster, review);
  const activityId = posted.ok && !posted.updated ? posted.activityId : undefined;
  if (!activityId) return;
  await workspace.changeCluster(cluster.profile.id, (latest) => {
    const current = findReview(latest, review.id);
    if (!current || current.announcementId === activityId) return succeed({ write: {}, value: undefined });
    return succeed({
      write: { peerReviews: [{ ...current, announcementId: activityId }] },
      value: undefined,
    });
  });
}
