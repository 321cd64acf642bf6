import type { LocalDate } from '../time/local-date';

/**
 * A school asks its partners to look at its practice (seeds 002 and 004): peer enquiry, lesson
 * study, an audit or a review of provision. Partners volunteer themselves or a colleague, the
 * requesting head accepts reviewers, the visit is scheduled, and afterwards the requester records a
 * short summary and any follow-up actions.
 */
export type PeerReviewType = 'peer-enquiry' | 'lesson-study' | 'audit' | 'review-of-provision';

export const REVIEW_TYPE_WORDS: Record<PeerReviewType, string> = {
  'peer-enquiry': 'Peer enquiry',
  'lesson-study': 'Lesson study',
  audit: 'Audit',
  'review-of-provision': 'Review of provision',
};

export type PeerReviewStatus = 'requested' | 'reviewers-found' | 'scheduled' | 'done' | 'withdrawn';

export const REVIEW_STATUS_WORDS: Record<PeerReviewStatus, string> = {
  requested: 'requested',
  'reviewers-found': 'reviewers found',
  scheduled: 'scheduled',
  done: 'done',
  withdrawn: 'withdrawn',
};

export interface ReviewVolunteer {
  /** V1, V2, … within the request. */
  id: string;
  schoolId: string;
  /** Who would visit: the volunteer themselves, or a colleague they put forward. */
  reviewer: string;
  offeredBy: string;
  offeredByName: string;
  at: Date;
  accepted: boolean;
}

export interface PeerReview {
  /** R1, R2, … per cluster. */
  id: string;
  schoolId: string;
  requestedBy: string;
  requestedByName: string;
  type: PeerReviewType;
  focus: string;
  evidence: string;
  /** e.g. "Spring 1 2026-27". */
  preferredHalfTerm: string;
  preferredDates: string;
  reviewersWanted: number;
  status: PeerReviewStatus;
  volunteers: ReviewVolunteer[];
  visitDate?: LocalDate;
  summary?: string;
  followUpActionIds: string[];
  createdAt: Date;
  /** The request's card in the channel, kept up to date as volunteers come forward. */
  announcementId?: string;
  history: Array<{ at: Date; by: string; byName: string; status: PeerReviewStatus }>;
}

type Person = { userId: string; name: string };
type Step = PeerReview | string;

const OPEN: readonly PeerReviewStatus[] = ['requested', 'reviewers-found', 'scheduled'];

export function isOpen(review: PeerReview): boolean {
  return OPEN.includes(review.status);
}

function moved(review: PeerReview, status: PeerReviewStatus, by: Person, at: Date): PeerReview {
  if (review.status === status) return review;
  return { ...review, status, history: [...review.history, { at, by: by.userId, byName: by.name, status }] };
}

export const acceptedReviewers = (review: PeerReview) => review.volunteers.filter((v) => v.accepted);

/** A partner school offers a reviewer; offering the same reviewer again changes nothing. */
export function volunteer(
  review: PeerReview,
  offer: { schoolId: string; reviewer: string },
  by: Person,
  at: Date,
): Step {
  if (!isOpen(review))
    return `${review.id} is ${REVIEW_STATUS_WORDS[review.status]}, so it takes no more volunteers`;
  if (offer.schoolId === review.schoolId)
    return `${review.id} is your own school's request: volunteers come from partner schools`;
  const same = review.volunteers.find(
    (v) => v.schoolId === offer.schoolId && v.reviewer.toLowerCase() === offer.reviewer.toLowerCase(),
  );
  if (same) return review;
  const id = `V${review.volunteers.length + 1}`;
  return {
    ...review,
    volunteers: [
      ...review.volunteers,
      { id, ...offer, offeredBy: by.userId, offeredByName: by.name, at, accepted: false },
    ],
  };
}

/** The requesting school accepts a volunteer; once enough are accepted, reviewers are found. */
export function acceptVolunteer(review: PeerReview, volunteerId: string, by: Person, at: Date): Step {
  if (!isOpen(review)) return `${review.id} is ${REVIEW_STATUS_WORDS[review.status]}`;
  const target = review.volunteers.find((v) => v.id.toLowerCase() === volunteerId.toLowerCase());
  if (!target) return `${review.id} has no volunteer ${volunteerId.toUpperCase()}`;
  const next = {
    ...review,
    volunteers: review.volunteers.map((v) => (v === target ? { ...v, accepted: true } : v)),
  };
  const enough = acceptedReviewers(next).length >= review.reviewersWanted;
  return review.status === 'requested' && enough ? moved(next, 'reviewers-found', by, at) : next;
}

/** The visit is booked: it needs at least one accepted reviewer and a date not in the past. */
export function scheduleVisit(
  review: PeerReview,
  date: LocalDate,
  today: LocalDate,
  by: Person,
  at: Date,
): Step {
  if (!isOpen(review)) return `${review.id} is ${REVIEW_STATUS_WORDS[review.status]}`;
  if (acceptedReviewers(review).length === 0) return `accept a reviewer for ${review.id} first`;
  if (date < today) return 'that date has already passed';
  return moved({ ...review, visitDate: date }, 'scheduled', by, at);
}

/** After the visit, the requester records a summary (and the follow-up actions made from it). */
export function completeReview(
  review: PeerReview,
  summary: string,
  actionIds: string[],
  today: LocalDate,
  by: Person,
  at: Date,
): Step {
  if (review.status !== 'scheduled') return `${review.id} needs a scheduled visit before it can be done`;
  if (review.visitDate && review.visitDate > today) return `the visit for ${review.id} has not happened yet`;
  return moved({ ...review, summary, followUpActionIds: actionIds }, 'done', by, at);
}

export function withdrawReview(review: PeerReview, by: Person, at: Date): Step {
  if (!isOpen(review)) return `${review.id} is already ${REVIEW_STATUS_WORDS[review.status]}`;
  return moved(review, 'withdrawn', by, at);
}

export interface SchoolReviewHistory {
  schoolId: string;
  requested: number;
  /** Reviews this school's people took part in as accepted reviewers (done). */
  given: number;
  /** Reviews of this school that were done. */
  received: number;
}

/** Support flowing both ways: what each school asked for, gave and received. */
export function reviewHistory(
  schoolIds: readonly string[],
  reviews: readonly PeerReview[],
): SchoolReviewHistory[] {
  return schoolIds.map((schoolId) => ({
    schoolId,
    requested: reviews.filter((r) => r.schoolId === schoolId && r.status !== 'withdrawn').length,
    given: reviews.filter(
      (r) => r.status === 'done' && acceptedReviewers(r).some((v) => v.schoolId === schoolId),
    ).length,
    received: reviews.filter((r) => r.schoolId === schoolId && r.status === 'done').length,
  }));
}
