import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import {
  type ClusterPlace,
  type ClusterSnapshot,
  linkedSchoolOf,
  type School,
} from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { type PeerReview, REVIEW_TYPE_WORDS, volunteer } from '../domain/peer-reviews/peer-review';
import {
  findReview,
  newPeerReview,
  type PeerReviewRequest,
  requestProblem,
} from '../domain/peer-reviews/peer-review-request';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import type { ClusterNotices } from './notices-port';
import { announceReview } from './peer-review-announcer';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

const notLinked = (cluster: ClusterSnapshot) =>
  `you are not linked to a school in ${cluster.profile.name}: link yourself with **/join** first`;

export const noSuchReview = (reviewId: string) =>
  `there is no peer-review request ${reviewId.toUpperCase()}. Type **/peerreview list** to see them`;

/** Asking for a peer review, volunteering for one, and reading them. */
export class PeerReviewService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly notices?: ClusterNotices,
  ) {}

  async request(place: Place, input: PeerReviewRequest, actor: Actor): Promise<Outcome<PeerReview>> {
    const problem = requestProblem(input, this.workspace.clock());
    if (problem) return fail(problem);
    const created = await this.workspace.change(place, (cluster, now) => {
      const school = linkedSchoolOf(cluster, actor.userId);
      if (!school) return fail(notLinked(cluster));
      const number = cluster.profile.nextReviewNumber ?? 1;
      const review = newPeerReview(input, number, school, actor, now);
      const kind = REVIEW_TYPE_WORDS[input.type].toLowerCase();
      return succeed({
        write: {
          profile: { ...cluster.profile, nextReviewNumber: number + 1 },
          peerReviews: [review],
          changeLog: [
            changeRecord(actor, now, 'peer-review', `${school.name} asked for a ${kind} (${review.id}).`),
          ],
        },
        value: { cluster, review },
      });
    });
    if (!created.ok) return created;
    await announceReview(this.workspace, this.notices, created.value.cluster, created.value.review);
    return succeed(created.value.review);
  }

  /** A partner offers themselves, or a colleague, as a reviewer; the requester hears about it. */
  async volunteer(
    clusterId: string,
    reviewId: string,
    colleague: string | undefined,
    actor: Actor,
  ): Promise<Outcome<{ review: PeerReview; school: School }>> {
    const refused = refusePupilData({ "colleague's name": colleague }, this.workspace.clock());
    if (refused) return fail(refused);
    if ((colleague ?? '').length > 150)
      return fail("keep the colleague's name and role under 150 characters");
    const offered = await this.workspace.changeCluster(clusterId, (cluster, now) => {
      const review = findReview(cluster, reviewId);
      if (!review) return fail(`there is no peer-review request ${reviewId}`);
      const school = linkedSchoolOf(cluster, actor.userId);
      if (!school) return fail(notLinked(cluster));
      const next = volunteer(review, { schoolId: school.id, reviewer: colleague || actor.name }, actor, now);
      if (typeof next === 'string') return fail(next);
      if (next === review) return succeed({ write: {}, value: { cluster, review: next, school } });
      return succeed({
        write: {
          peerReviews: [next],
          changeLog: [
            changeRecord(actor, now, 'peer-review', `${school.name} volunteered for ${review.id}.`),
          ],
        },
        value: { cluster, review: next, school },
      });
    });
    if (!offered.ok) return offered;
    const { cluster, review, school } = offered.value;
    await announceReview(this.workspace, this.notices, cluster, review);
    await this.notices?.volunteerOffered(cluster, review, school);
    return succeed({ review, school });
  }

  async find(
    place: Place,
    reviewId: string,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; review: PeerReview }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const review = findReview(stored.value, reviewId);
    if (!review) return fail(noSuchReview(reviewId));
    return succeed({ cluster: stored.value, review });
  }

  async all(place: Place): Promise<Outcome<ClusterSnapshot>> {
    const stored = await this.workspace.read(place);
    return stored ? succeed(stored.value) : fail(NO_CLUSTER);
  }
}
