import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import {
  acceptVolunteer,
  completeReview,
  type PeerReview,
  scheduleVisit,
  withdrawReview,
} from '../domain/peer-reviews/peer-review';
import {
  type FollowUpAction,
  findReview,
  followUpActions,
  outcomeProblem,
} from '../domain/peer-reviews/peer-review-request';
import type { LocalDate } from '../domain/time/local-date';
import { formatLocalDate, londonWallClock } from '../domain/time/london-time';
import type { ClusterWorkspace } from './cluster-workspace';
import type { ClusterNotices } from './notices-port';
import { announceReview } from './peer-review-announcer';
import { noSuchReview } from './peer-review-service';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** The requesting school's (or a lead's) steps: accept reviewers, book the visit, withdraw, record the outcome. */
export class PeerReviewDecisions {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly notices?: ClusterNotices,
  ) {}

  accept(place: Place, reviewId: string, volunteerId: string, actor: Actor) {
    return this.step(place, reviewId, actor, 'accepted a reviewer for', (review, now) =>
      acceptVolunteer(review, volunteerId, actor, now),
    );
  }

  schedule(place: Place, reviewId: string, date: LocalDate, actor: Actor) {
    return this.step(
      place,
      reviewId,
      actor,
      `scheduled the visit on ${formatLocalDate(date)} for`,
      (review, now) => scheduleVisit(review, date, londonWallClock(now).date, actor, now),
    );
  }

  withdraw(place: Place, reviewId: string, actor: Actor) {
    return this.step(place, reviewId, actor, 'withdrew', (review, now) => withdrawReview(review, actor, now));
  }

  /** After the visit: a summary, and follow-up actions that join the cluster's actions. */
  async complete(
    clusterId: string,
    reviewId: string,
    summary: string,
    actions: FollowUpAction[],
    actor: Actor,
  ): Promise<Outcome<PeerReview>> {
    const problem = outcomeProblem(summary, actions, this.workspace.clock());
    if (problem) return fail(problem);
    const done = await this.workspace.changeCluster(clusterId, (cluster, now) => {
      const review = findReview(cluster, reviewId);
      if (!review) return fail(`there is no peer-review request ${reviewId}`);
      if (!whoMay.decideReview(cluster, review, actor.userId))
        return fail(`only the requesting school or a cluster lead can record the outcome of ${review.id}`);
      const today = londonWallClock(now).date;
      const number = cluster.profile.nextActionNumber ?? 1;
      const created = followUpActions(cluster, actions, number, today, actor, now);
      if (!created.ok) return created;
      const ids = created.value.map((a) => a.id);
      const next = completeReview(review, summary, ids, today, actor, now);
      if (typeof next === 'string') return fail(next);
      return succeed({
        write: {
          profile: { ...cluster.profile, nextActionNumber: number + ids.length },
          peerReviews: [next],
          actions: created.value,
          changeLog: [changeRecord(actor, now, 'peer-review', `Recorded the outcome of ${review.id}.`)],
        },
        value: { cluster: { ...cluster, actions: [...cluster.actions, ...created.value] }, review: next },
      });
    });
    if (!done.ok) return done;
    await announceReview(this.workspace, this.notices, done.value.cluster, done.value.review);
    return succeed(done.value.review);
  }

  /** One step by the requesting school or a lead; a step that changes nothing writes nothing. */
  private async step(
    place: Place,
    reviewId: string,
    actor: Actor,
    verb: string,
    apply: (review: PeerReview, now: Date) => PeerReview | string,
  ): Promise<Outcome<PeerReview>> {
    const decided = await this.workspace.change(place, (cluster, now) => {
      const review = findReview(cluster, reviewId);
      if (!review) return fail(noSuchReview(reviewId));
      if (!whoMay.decideReview(cluster, review, actor.userId))
        return fail(`only the requesting school or a cluster lead can change ${review.id}`);
      const next = apply(review, now);
      if (typeof next === 'string') return fail(next);
      const value = { cluster, review: next };
      if (next === review) return succeed({ write: {}, value });
      const line = changeRecord(actor, now, 'peer-review', `${actor.name} ${verb} ${review.id}.`);
      return succeed({ write: { peerReviews: [next], changeLog: [line] }, value });
    });
    if (!decided.ok) return decided;
    await announceReview(this.workspace, this.notices, decided.value.cluster, decided.value.review);
    return succeed(decided.value.review);
  }
}
