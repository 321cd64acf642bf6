import { byActionNumber, type ClusterAction, isOverdue } from '../actions/cluster-action';
import {
  acceptedReviewers,
  isOpen,
  type PeerReview,
  REVIEW_STATUS_WORDS,
  REVIEW_TYPE_WORDS,
} from '../peer-reviews/peer-review';
import type { LocalDate } from '../time/local-date';
import { formatLocalDate } from '../time/london-time';

/** Seed 002: the host circulates the agenda a week before; the partnership plans each meeting's focus. */
export const DEFAULT_STANDING_ITEMS = [
  'Welcome and apologies',
  'Minutes of the last meeting and matters arising',
  'Any other business',
];

export interface Paper {
  title: string;
  url: string;
}

export type ProposalStatus = 'proposed' | 'accepted' | 'dropped';

/** An item a member asked to put on a meeting's agenda; the chair accepts, orders or drops it. */
export interface AgendaProposal {
  /** P1, P2, … per cluster. */
  id: string;
  meetingId: string;
  text: string;
  paper?: Paper;
  proposedBy: string;
  proposedByName: string;
  at: Date;
  status: ProposalStatus;
  /** Position among accepted items (lower first). */
  order: number;
}

export type AgendaItemKind = 'standing' | 'focus' | 'action' | 'peer-review' | 'proposal';

export interface AgendaItem {
  kind: AgendaItemKind;
  text: string;
  paper?: Paper;
}

export interface AgendaInputs {
  standingItems: readonly string[];
  focus?: string;
  /** This is the meeting that reviews results against the year's targets (autumn 2 unless set). */
  performanceReview?: boolean;
  actions: readonly ClusterAction[];
  proposals: readonly AgendaProposal[];
  /** Open peer-review requests: the meeting is where reviewers are found. */
  peerReviews?: readonly PeerReview[];
  today: LocalDate;
  schoolName: (schoolId: string) => string;
}

/**
 * Open actions listed one by one on the agenda (overdue first, then soonest due); the rest are
 * one item. An agenda of 40 actions is not one a meeting works through, and the cards carrying
 * it (reminder, minutes) must fit Teams' message size.
 */
export const ACTIONS_LISTED = 10;

/** The yearly review of results against targets (the Tendring model), carried into the minutes. */
export const PERFORMANCE_REVIEW_ITEM =
  "Performance review: last year's results against the targets set, school by school and for the cluster (/targets and /performance show the table)";

/**
 * The agenda: the opening standing items, this half term's focus, open actions carried forward
 * (overdue first), open peer-review requests, accepted proposals in the chair's order, then the
 * closing standing item (AOB).
 */
export function buildAgenda(inputs: AgendaInputs): AgendaItem[] {
  const standing = inputs.standingItems.length > 0 ? inputs.standingItems : DEFAULT_STANDING_ITEMS;
  const opening = standing.slice(0, -1);
  const closing = standing.slice(-1);
  const openActions = inputs.actions
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .sort(
      (a, b) =>
        Number(isOverdue(b, inputs.today)) - Number(isOverdue(a, inputs.today)) ||
        a.due.localeCompare(b.due) ||
        byActionNumber(a, b),
    );
  const accepted = inputs.proposals
    .filter((p) => p.status === 'accepted')
    .sort((a, b) => a.order - b.order || a.at.getTime() - b.at.getTime());
  return [
    ...opening.map((text): AgendaItem => ({ kind: 'standing', text })),
    ...(inputs.focus ? [{ kind: 'focus' as const, text: `This half term's focus: ${inputs.focus}` }] : []),
    ...(inputs.performanceReview ? [{ kind: 'focus' as const, text: PERFORMANCE_REVIEW_ITEM }] : []),
    ...openActions.slice(0, ACTIONS_LISTED).map(
      (a): AgendaItem => ({
        kind: 'action',
        text: `Action ${a.id} (${inputs.schoolName(a.ownerSchoolId)}${isOverdue(a, inputs.today) ? ', overdue' : ''}): ${a.title}`,
      }),
    ),
    ...(openActions.length > ACTIONS_LISTED
      ? [
          {
            kind: 'action' as const,
            text: `${openActions.length - ACTIONS_LISTED} more open actions, due later (all of them: /actions)`,
          },
        ]
      : []),
    ...(inputs.peerReviews ?? []).filter(isOpen).map(
      (r): AgendaItem => ({
        kind: 'peer-review',
        text: `Peer review ${r.id} (${inputs.schoolName(r.schoolId)}, ${REVIEW_TYPE_WORDS[r.type].toLowerCase()}): ${r.focus} (${describeProgress(r)})`,
      }),
    ),
    ...accepted.map(
      (p): AgendaItem => ({ kind: 'proposal', text: p.text, ...(p.paper ? { paper: p.paper } : {}) }),
    ),
    ...closing.map((text): AgendaItem => ({ kind: 'standing', text })),
  ];
}

/** The agenda as the chair published it (the reminder carries this once it exists). */
export interface PublishedAgenda {
  meetingId: string;
  items: AgendaItem[];
  publishedAt: Date;
  publishedBy: string;
  publishedByName: string;
  /** The channel post, so publishing again updates it instead of posting a copy. */
  activityId?: string;
}

/** Accept, drop or move a proposal; the order of accepted items is the chair's. */
export function decideProposal(
  proposals: readonly AgendaProposal[],
  id: string,
  decision: 'accept' | 'drop' | 'up' | 'down',
): AgendaProposal[] | string {
  const target = proposals.find((p) => p.id.toLowerCase() === id.toLowerCase());
  if (!target) return `there is no proposed item ${id.toUpperCase()} for this meeting`;
  if (decision === 'drop') return proposals.map((p) => (p === target ? { ...p, status: 'dropped' } : p));
  const accepted = proposals.filter((p) => p.status === 'accepted').sort((a, b) => a.order - b.order);
  if (decision === 'accept') {
    const order = (accepted.at(-1)?.order ?? 0) + 1;
    return proposals.map((p) => (p === target ? { ...p, status: 'accepted', order } : p));
  }
  if (target.status !== 'accepted') return `${target.id} is not on the agenda yet: accept it first`;
  const index = accepted.indexOf(target);
  const swapWith = accepted[decision === 'up' ? index - 1 : index + 1];
  if (!swapWith) return `${target.id} is already ${decision === 'up' ? 'first' : 'last'}`;
  return proposals.map((p) =>
    p === target ? { ...p, order: swapWith.order } : p === swapWith ? { ...p, order: target.order } : p,
  );
}

function describeProgress(review: PeerReview): string {
  const accepted = acceptedReviewers(review).length;
  if (review.status === 'scheduled' && review.visitDate)
    return `visit on ${formatLocalDate(review.visitDate)}, ${accepted} reviewer(s)`;
  return `${REVIEW_STATUS_WORDS[review.status]}: ${accepted} of ${review.reviewersWanted} reviewer(s) accepted`;
}
