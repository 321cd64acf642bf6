import { type ClusterAction, openAction } from '../domain/actions/cluster-action';
import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import {
  type ClusterPlace,
  type ClusterSnapshot,
  linkedSchoolOf,
  type School,
} from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import {
  acceptVolunteer,
  completeReview,
  type PeerReview,
  REVIEW_TYPE_WORDS,
  scheduleVisit,
  volunteer,
  withdrawReview,
} from '../domain/peer-reviews/peer-review';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { addDays, type LocalDate } from '../domain/time/local-date';
import { formatLocalDate, londonWallClock } from '../domain/time/london-time';
import { type ClusterDecision, type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import type { ClusterNotices } from './ports';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** What the requesting head fills in on the request card. */
export type PeerReviewRequest = Pick<
  PeerReview,
  'type' | 'focus' | 'evidence' | 'preferredHalfTerm' | 'preferredDates' | 'reviewersWanted'
>;

export interface FollowUpAction {
  title: string;
  schoolId: string;
  due?: LocalDate;
}

export const MAX_REVIEWERS = 6;
/** Follow-up actions without a date are due about a half term later. */
const FOLLOW_UP_DAYS = 42;

const notLinked = (cluster: ClusterSnapshot) =>
  `you are not linked to a school in ${cluster.profile.name}: link yourself with **/join** first`;

function findReview(cluster: ClusterSnapshot, id: string): PeerReview | undefined {
  return cluster.peerReviews.find((r) => r.id.toLowerCase() === id.toLowerCase());
}

/** Peer-review requests: asked, volunteered for, accepted, scheduled, done or withdrawn. */
export class PeerReviewService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly notices?: ClusterNotices,
  ) {}

  async request(place: Place, input: PeerReviewRequest, actor: Actor): Promise<Outcome<PeerReview>> {
    const refused = refusePupilData({
      'focus or enquiry question': input.focus,
      'evidence reviewers will see': input.evidence,
      'preferred dates': input.preferredDates,
    });
    if (refused) return fail(refused);
    if (!input.focus) return fail('say what the review should focus on (the enquiry question)');
    if (input.focus.length > 500 || input.evidence.length > 1000 || input.preferredDates.length > 200)
      return fail('keep the focus under 500 characters, the evidence under 1,000 and the dates under 200');
    if (
      !Number.isInteger(input.reviewersWanted) ||
      input.reviewersWanted < 1 ||
      input.reviewersWanted > MAX_REVIEWERS
    )
      return fail(`ask for between 1 and ${MAX_REVIEWERS} reviewers`);
    const created = await this.workspace.change(place, (cluster, now) => {
      const school = linkedSchoolOf(cluster, actor.userId);
      if (!school) return fail(notLinked(cluster));
      const number = cluster.profile.nextReviewNumber ?? 1;
      const review: PeerReview = {
        id: `R${number}`,
        schoolId: school.id,
        requestedBy: actor.userId,
        requestedByName: actor.name,
        ...input,
        status: 'requested',
        volunteers: [],
        followUpActionIds: [],
        createdAt: now,
        history: [{ at: now, by: actor.userId, byName: actor.name, status: 'requested' }],
      };
      return succeed({
        write: {
          profile: { ...cluster.profile, nextReviewNumber: number + 1 },
          peerReviews: [review],
          changeLog: [
            changeRecord(
              actor,
              now,
              'peer-review',
              `${school.name} asked for a ${REVIEW_TYPE_WORDS[input.type].toLowerCase()} (${review.id}).`,
            ),
          ],
        },
        value: { cluster, review },
      });
    });
    if (!created.ok) return created;
    await this.announce(created.value.cluster, created.value.review);
    return succeed(created.value.review);
  }

  /** A partner offers themselves, or a colleague, as a reviewer; the requester hears about it. */
  async volunteer(
    clusterId: string,
    reviewId: string,
    colleague: string | undefined,
    actor: Actor,
  ): Promise<Outcome<{ review: PeerReview; school: School }>> {
    const refused = refusePupilData({ "colleague's name": colleague });
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
      return recordStep(next, review, actor, now, `${school.name} volunteered for ${review.id}.`, {
        cluster,
        review: next,
        school,
      });
    });
    if (!offered.ok) return offered;
    const { cluster, review, school } = offered.value;
    await this.announce(cluster, review);
    await this.notices?.volunteerOffered(cluster, review, school);
    return succeed({ review, school });
  }

  async accept(place: Place, reviewId: string, volunteerId: string, actor: Actor) {
    return this.decide(
      place,
      reviewId,
      actor,
      (review, now) => acceptVolunteer(review, volunteerId, actor, now),
      'accepted a reviewer for',
    );
  }

  async schedule(place: Place, reviewId: string, date: LocalDate, actor: Actor) {
    return this.decide(
      place,
      reviewId,
      actor,
      (review, now) => scheduleVisit(review, date, londonWallClock(now).date, actor, now),
      `scheduled the visit on ${formatLocalDate(date)} for`,
    );
  }

  async withdraw(place: Place, reviewId: string, actor: Actor) {
    return this.decide(
      place,
      reviewId,
      actor,
      (review, now) => withdrawReview(review, actor, now),
      'withdrew',
    );
  }

  /** After the visit: a summary, and follow-up actions that join the cluster's actions. */
  async complete(
    clusterId: string,
    reviewId: string,
    summary: string,
    actions: FollowUpAction[],
    actor: Actor,
  ): Promise<Outcome<PeerReview>> {
    const refused = refusePupilData({
      summary,
      ...Object.fromEntries(actions.map((a, i) => [`follow-up action ${i + 1}`, a.title])),
    });
    if (refused) return fail(refused);
    if (!summary) return fail('write a short summary of what the reviewers found');
    if (summary.length > 2000) return fail('keep the summary under 2,000 characters');
    const done = await this.workspace.changeCluster(clusterId, (cluster, now) => {
      const review = findReview(cluster, reviewId);
      if (!review) return fail(`there is no peer-review request ${reviewId}`);
      if (!whoMay.decideReview(cluster, review, actor.userId))
        return fail(`only the requesting school or a cluster lead can record the outcome of ${review.id}`);
      const today = londonWallClock(now).date;
      let number = cluster.profile.nextActionNumber ?? 1;
      const created: ClusterAction[] = [];
      for (const [i, a] of actions.entries()) {
        if (!cluster.schools.some((s) => s.id === a.schoolId && !s.leftOn))
          return fail(`follow-up action ${i + 1} needs an owner school from the cluster`);
        const due = a.due ?? addDays(today, FOLLOW_UP_DAYS);
        if (due < today) return fail(`the due date of follow-up action ${i + 1} has already passed`);
        created.push(
          openAction({ id: `A${number++}`, title: a.title, ownerSchoolId: a.schoolId, due }, actor, now),
        );
      }
      const next = completeReview(
        review,
        summary,
        created.map((a) => a.id),
        today,
        actor,
        now,
      );
      if (typeof next === 'string') return fail(next);
      return succeed({
        write: {
          profile: { ...cluster.profile, nextActionNumber: number },
          peerReviews: [next],
          actions: created,
          changeLog: [changeRecord(actor, now, 'peer-review', `Recorded the outcome of ${review.id}.`)],
        },
        value: { cluster: { ...cluster, actions: [...cluster.actions, ...created] }, review: next },
      });
    });
    if (!done.ok) return done;
    await this.announce(done.value.cluster, done.value.review);
    return succeed(done.value.review);
  }

  async find(
    place: Place,
    reviewId: string,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; review: PeerReview }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const review = findReview(stored.value, reviewId);
    if (!review)
      return fail(
        `there is no peer-review request ${reviewId.toUpperCase()}. Type **/peerreview list** to see them`,
      );
    return succeed({ cluster: stored.value, review });
  }

  async all(place: Place): Promise<Outcome<ClusterSnapshot>> {
    const stored = await this.workspace.read(place);
    return stored ? succeed(stored.value) : fail(NO_CLUSTER);
  }

  private async decide(
    place: Place,
    reviewId: string,
    actor: Actor,
    step: (review: PeerReview, now: Date) => PeerReview | string,
    verb: string,
  ): Promise<Outcome<PeerReview>> {
    const decided = await this.workspace.change(place, (cluster, now) => {
      const review = findReview(cluster, reviewId);
      if (!review)
        return fail(
          `there is no peer-review request ${reviewId.toUpperCase()}. Type **/peerreview list** to see them`,
        );
      if (!whoMay.decideReview(cluster, review, actor.userId))
        return fail(`only the requesting school or a cluster lead can change ${review.id}`);
      const next = step(review, now);
      if (typeof next === 'string') return fail(next);
      return recordStep(next, review, actor, now, `${actor.name} ${verb} ${review.id}.`, {
        cluster,
        review: next,
      });
    });
    if (!decided.ok) return decided;
    await this.announce(decided.value.cluster, decided.value.review);
    return succeed(decided.value.review);
  }

  /**
   * Keeps the request's card in the channel current: posted once, then updated in place, so the
   * channel shows one card per request with its volunteers and status.
   */
  private async announce(cluster: ClusterSnapshot, review: PeerReview): Promise<void> {
    if (!this.notices) return;
    // Every step keeps the request's announcementId, so the review in hand knows its post.
    const posted = await this.notices.peerReviewChanged(cluster, review);
    const activityId = posted.ok && !posted.updated ? posted.activityId : undefined;
    if (!activityId) return;
    await this.workspace.changeCluster(cluster.profile.id, (latest) => {
      const current = findReview(latest, review.id);
      if (!current || current.announcementId === activityId) return succeed({ write: {}, value: undefined });
      return succeed({
        write: { peerReviews: [{ ...current, announcementId: activityId }] },
        value: undefined,
      });
    });
  }
}

/** The request's new state and a change-log line; nothing at all when nothing changed. */
function recordStep<T>(
  next: PeerReview,
  previous: PeerReview,
  actor: Actor,
  now: Date,
  summary: string,
  value: T,
): ClusterDecision<T> {
  if (next === previous) return succeed({ write: {}, value });
  return succeed({
    write: { peerReviews: [next], changeLog: [changeRecord(actor, now, 'peer-review', summary)] },
    value,
  });
}
