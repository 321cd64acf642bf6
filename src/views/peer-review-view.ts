import { z } from 'zod';
import {
  renderPeerReviewCard,
  renderPeerReviewDoneCard,
  renderPeerReviewRequestCard,
  renderPeerReviewsCard,
} from '../cards/peer-review-cards';
import { halfTermName } from '../domain/calendar/academic-year';
import { type ClusterSnapshot, schoolNamer } from '../domain/clusters/cluster';
import {
  acceptedReviewers,
  isOpen,
  type PeerReview,
  type PeerReviewType,
  REVIEW_STATUS_WORDS,
  REVIEW_TYPE_WORDS,
  reviewHistory,
} from '../domain/peer-reviews/peer-review';
import type { FollowUpAction, PeerReviewRequest } from '../domain/peer-reviews/peer-review-request';
import { buildRota } from '../domain/rota/build-rota';
import { formatLocalDate } from '../domain/time/london-time';
import { cardText, readActionRows } from './card-input';
import type { OutgoingMessage } from './outgoing-message';

export const PEER_REVIEW_VERBS = {
  request: 'peerReviewRequest',
  volunteer: 'peerReviewVolunteer',
  done: 'peerReviewDone',
} as const;

const FOLLOW_UP_ROWS = 3;

/** One line about a request, for lists and the agenda. */
export function describeReview(cluster: ClusterSnapshot, review: PeerReview): string {
  const school = schoolNamer(cluster)(review.schoolId);
  const accepted = acceptedReviewers(review).length;
  const when =
    review.status === 'scheduled' && review.visitDate
      ? `visit ${formatLocalDate(review.visitDate)}`
      : review.status === 'done' || review.status === 'withdrawn'
        ? REVIEW_STATUS_WORDS[review.status]
        : `${REVIEW_STATUS_WORDS[review.status]}, ${accepted} of ${review.reviewersWanted} reviewer(s)`;
  return `**${review.id}** ${REVIEW_TYPE_WORDS[review.type]} at ${school}: ${review.focus} (${when})`;
}

export function peerReviewCard(cluster: ClusterSnapshot, review: PeerReview) {
  const school = schoolNamer(cluster);
  const open = isOpen(review) && review.status !== 'scheduled';
  const next: Record<PeerReview['status'], string> = {
    requested: `Partners: volunteer yourself or a colleague below. ${review.requestedByName} accepts reviewers with /peerreview accept ${review.id} V1.`,
    'reviewers-found': `Reviewers found. ${review.requestedByName} books the visit with /peerreview schedule ${review.id} <date>.`,
    scheduled: `After the visit, ${review.requestedByName} records the outcome with /peerreview done ${review.id}.`,
    done: 'Done. Follow-up actions are on /actions.',
    withdrawn: 'Withdrawn by the requesting school.',
  };
  return renderPeerReviewCard({
    clusterId: cluster.profile.id,
    reviewId: review.id,
    title: `Peer review ${review.id}: ${REVIEW_TYPE_WORDS[review.type]} at ${school(review.schoolId)}`,
    subtitle: `Asked by ${review.requestedByName}. Status: ${REVIEW_STATUS_WORDS[review.status]}.`,
    facts: [
      { title: 'Focus', value: review.focus },
      { title: 'Reviewers will see', value: review.evidence || 'to be agreed' },
      {
        title: 'When',
        value: review.visitDate
          ? formatLocalDate(review.visitDate)
          : [review.preferredHalfTerm, review.preferredDates].filter(Boolean).join(', ') || 'to be agreed',
      },
      { title: 'Reviewers wanted', value: String(review.reviewersWanted) },
      ...(review.summary ? [{ title: 'Outcome', value: review.summary }] : []),
    ],
    volunteers:
      review.volunteers.length > 0
        ? review.volunteers.map((v) => ({
            text: `${v.id}: ${v.reviewer} (${school(v.schoolId)})${v.accepted ? ' · accepted' : ''}`,
          }))
        : [{ text: 'None yet.' }],
    open,
    volunteerVerb: PEER_REVIEW_VERBS.volunteer,
    footer: next[review.status],
  });
}

export function peerReviewMessage(cluster: ClusterSnapshot, review: PeerReview): OutgoingMessage {
  return {
    card: peerReviewCard(cluster, review),
    summary: `Peer review ${review.id} (${REVIEW_STATUS_WORDS[review.status]})`,
  };
}

/** The request form, offering the coming half terms. */
export function peerReviewRequestCard(cluster: ClusterSnapshot, now: Date) {
  const halfTerms = buildRota(cluster, now)
    .meetings.filter((m) => m.endsAt.getTime() > now.getTime())
    .slice(0, 6)
    .map((m) => `${halfTermName(m.halfTerm)} ${m.year}`);
  const choices = [...halfTerms, 'Any time'].map((t) => ({ title: t, value: t }));
  return renderPeerReviewRequestCard({
    intro: `The request goes to everyone in ${cluster.profile.name}; partners volunteer and you choose your reviewers.`,
    types: Object.entries(REVIEW_TYPE_WORDS).map(([value, title]) => ({ title, value })),
    halfTerms: choices,
    firstHalfTerm: choices[0]?.value ?? 'Any time',
    verb: PEER_REVIEW_VERBS.request,
  });
}

export function peerReviewDoneCard(cluster: ClusterSnapshot, review: PeerReview) {
  return renderPeerReviewDoneCard({
    clusterId: cluster.profile.id,
    reviewId: review.id,
    title: `Outcome of peer review ${review.id}`,
    intro: `${REVIEW_TYPE_WORDS[review.type]} at ${schoolNamer(cluster)(review.schoolId)}: ${review.focus}`,
    rows: Array.from({ length: FOLLOW_UP_ROWS }, (_, i) => ({
      label: `Follow-up action ${i + 1}`,
      titleId: `followUp-${i}-title`,
      schoolId: `followUp-${i}-school`,
      dueId: `followUp-${i}-due`,
    })),
    schoolChoices: cluster.schools
      .filter((s) => !s.leftOn)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({ title: s.name, value: s.id })),
    verb: PEER_REVIEW_VERBS.done,
  });
}

export function peerReviewsCard(cluster: ClusterSnapshot) {
  const reviews = [...cluster.peerReviews].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const line = (r: PeerReview) => ({ text: describeReview(cluster, r) });
  const open = reviews.filter(isOpen).map(line);
  const closed = reviews.filter((r) => !isOpen(r)).map(line);
  const members = cluster.schools.filter((s) => !s.leftOn).sort((a, b) => a.name.localeCompare(b.name));
  return renderPeerReviewsCard({
    title: `${cluster.profile.name}: peer reviews`,
    open: open.length > 0 ? open : [{ text: 'None. Ask for one with /peerreview.' }],
    closed: closed.length > 0 ? closed : [{ text: 'None yet.' }],
    schools: reviewHistory(
      members.map((s) => s.id),
      cluster.peerReviews,
    ).map((h) => ({
      name: schoolNamer(cluster)(h.schoolId),
      counts: `${h.requested} · ${h.given} · ${h.received}`,
    })),
    footer:
      'Given counts reviews done with the school as an accepted reviewer; received counts reviews of the school that are done.',
  });
}

const RequestCard = z.object({
  type: z.enum(Object.keys(REVIEW_TYPE_WORDS) as [PeerReviewType, ...PeerReviewType[]], {
    errorMap: () => ({ message: 'choose what kind of review you would like' }),
  }),
  focus: cardText,
  evidence: cardText,
  halfTerm: cardText,
  dates: cardText,
  reviewers: z.coerce.number({ invalid_type_error: 'say how many reviewers you would like' }),
});

export function readRequestCard(data: Record<string, unknown>): PeerReviewRequest | string {
  const parsed = RequestCard.safeParse(data);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'the request card is incomplete';
  const { type, focus, evidence, halfTerm, dates, reviewers } = parsed.data;
  return {
    type,
    focus,
    evidence,
    preferredHalfTerm: halfTerm,
    preferredDates: dates,
    reviewersWanted: reviewers,
  };
}

export function readDoneCard(
  data: Record<string, unknown>,
): { summary: string; actions: FollowUpAction[] } | string {
  const actions = readActionRows(
    data,
    FOLLOW_UP_ROWS,
    (row, part) => `followUp-${row}-${part}`,
    (row) => `follow-up action ${row + 1}`,
  );
  if (typeof actions === 'string') return actions;
  return {
    summary: cardText.parse(data.summary),
    actions: actions.map(({ title, schoolId, due }) => ({ title, schoolId, ...(due ? { due } : {}) })),
  };
}
