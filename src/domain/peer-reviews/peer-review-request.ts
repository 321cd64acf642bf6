import { type ClusterAction, openAction } from '../actions/cluster-action';
import type { Actor } from '../actor';
import type { ClusterSnapshot, School } from '../clusters/cluster';
import { fail, type Outcome, succeed } from '../outcome';
import { refusePupilData } from '../privacy/pupil-data-guard';
import { addDays, type LocalDate } from '../time/local-date';
import type { PeerReview } from './peer-review';

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

/** What is wrong with a request as typed, if anything (pupil data first: nothing of it is kept). */
export function requestProblem(input: PeerReviewRequest, today: Date): string | undefined {
  const refused = refusePupilData(
    {
      'focus or enquiry question': input.focus,
      'evidence reviewers will see': input.evidence,
      'preferred dates': input.preferredDates,
    },
    today,
  );
  if (refused) return refused;
  if (!input.focus) return 'say what the review should focus on (the enquiry question)';
  if (input.focus.length > 500 || input.evidence.length > 1000 || input.preferredDates.length > 200)
    return 'keep the focus under 500 characters, the evidence under 1,000 and the dates under 200';
  const wanted = input.reviewersWanted;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_REVIEWERS)
    return `ask for between 1 and ${MAX_REVIEWERS} reviewers`;
  return undefined;
}

/** A new request from a school, numbered R1, R2, … in the cluster. */
export function newPeerReview(
  input: PeerReviewRequest,
  number: number,
  school: School,
  actor: Actor,
  now: Date,
): PeerReview {
  return {
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
}

/** What is wrong with an outcome as typed, if anything. */
export function outcomeProblem(
  summary: string,
  actions: readonly FollowUpAction[],
  today: Date,
): string | undefined {
  const refused = refusePupilData(
    {
      summary,
      ...Object.fromEntries(actions.map((a, i) => [`follow-up action ${i + 1}`, a.title])),
    },
    today,
  );
  if (refused) return refused;
  if (!summary) return 'write a short summary of what the reviewers found';
  if (summary.length > 2000) return 'keep the summary under 2,000 characters';
  return undefined;
}

/** The follow-up actions of an outcome, numbered on from the cluster's next action number. */
export function followUpActions(
  cluster: ClusterSnapshot,
  actions: readonly FollowUpAction[],
  firstNumber: number,
  today: LocalDate,
  actor: Actor,
  now: Date,
): Outcome<ClusterAction[]> {
  const created: ClusterAction[] = [];
  for (const [i, a] of actions.entries()) {
    if (!cluster.schools.some((s) => s.id === a.schoolId && !s.leftOn))
      return fail(`follow-up action ${i + 1} needs an owner school from the cluster`);
    const due = a.due ?? addDays(today, FOLLOW_UP_DAYS);
    if (due < today) return fail(`the due date of follow-up action ${i + 1} has already passed`);
    const id = `A${firstNumber + i}`;
    created.push(openAction({ id, title: a.title, ownerSchoolId: a.schoolId, due }, actor, now));
  }
  return succeed(created);
}

export function findReview(
  cluster: Pick<ClusterSnapshot, 'peerReviews'>,
  id: string,
): PeerReview | undefined {
  return cluster.peerReviews.find((r) => r.id.toLowerCase() === id.toLowerCase());
}
