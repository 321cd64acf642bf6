import type { ClusterAction } from '../actions/cluster-action';
import type { PeerReview } from '../peer-reviews/peer-review';
import type { PlannedMeeting } from '../rota/rota-types';
import type { ClusterPerson, ClusterSnapshot } from './cluster';

/**
 * Every "who may do this" rule of a cluster, in one place, so a rule changes once and every
 * command, card and view agrees. Each takes the cluster as read and the person's Teams user id.
 * The roles: a cluster lead may do everything; a school's linked people (head, deputy, staff)
 * act for their school; the host school of a meeting chairs it and the previous host minutes it.
 */
type People = Pick<ClusterSnapshot, 'people'>;

const personIn = (cluster: People, userId: string): ClusterPerson | undefined =>
  cluster.people.find((p) => p.userId === userId);

const schoolOf = (cluster: People, userId: string): string | undefined => personIn(cluster, userId)?.schoolId;

export const whoMay = {
  /** Membership, term dates, the board role, foci and standing items: cluster leads. */
  lead: (cluster: People, userId: string): boolean => personIn(cluster, userId)?.role === 'cluster-lead',

  /** Anything for members, from outside the cluster's own channel (a card in a personal chat). */
  member: (cluster: People, userId: string): boolean => personIn(cluster, userId) !== undefined,

  /** Publishing and ordering a meeting's agenda, agreeing guests, seeing reasons: its chair (the host) or a lead. */
  chair: (cluster: People, meeting: Pick<PlannedMeeting, 'host'>, userId: string): boolean => {
    const school = schoolOf(cluster, userId);
    return whoMay.lead(cluster, userId) || (school !== undefined && school === meeting.host?.id);
  },

  /** A meeting's minutes: the minute-taker's and the host's people, and leads. */
  writeMinutes: (
    cluster: People,
    meeting: Pick<PlannedMeeting, 'host' | 'minuteTaker'>,
    userId: string,
  ): boolean => {
    const school = schoolOf(cluster, userId);
    return (
      whoMay.chair(cluster, meeting, userId) || (school !== undefined && school === meeting.minuteTaker?.id)
    );
  },

  /** Moving, swapping or skipping a meeting: a lead, or a school whose meeting it is. */
  changeMeeting: (cluster: People, affectedSchools: readonly string[], userId: string): boolean => {
    const school = schoolOf(cluster, userId);
    return whoMay.lead(cluster, userId) || (school !== undefined && affectedSchools.includes(school));
  },

  /** An action's progress: its owner (the person, or anyone at the school) or a lead. */
  changeAction: (
    cluster: People,
    action: Pick<ClusterAction, 'ownerPerson' | 'ownerSchoolId'>,
    userId: string,
  ) => {
    const school = schoolOf(cluster, userId);
    return (
      whoMay.lead(cluster, userId) ||
      action.ownerPerson?.userId === userId ||
      (school !== undefined && school === action.ownerSchoolId)
    );
  },

  /** Accepting reviewers, scheduling, withdrawing, recording the outcome: the requesting school or a lead. */
  decideReview: (cluster: People, review: Pick<PeerReview, 'schoolId'>, userId: string): boolean => {
    const school = schoolOf(cluster, userId);
    return whoMay.lead(cluster, userId) || (school !== undefined && school === review.schoolId);
  },

  /** For one school (everything stored about it, its targets, its own figures): a lead, or its head. */
  leadOrHeadOf: (cluster: People, schoolId: string, userId: string): boolean => {
    const person = personIn(cluster, userId);
    return whoMay.lead(cluster, userId) || (person?.role === 'head' && person.schoolId === schoolId);
  },

  /** Erasing a school that has left: a lead. Forgetting a person: a lead, or the person. */
  forgetPerson: (cluster: People, personUserId: string, userId: string): boolean =>
    personUserId === userId || whoMay.lead(cluster, userId),

  /** Linking someone to a school: themselves (/join), or anyone if a lead does it. */
  linkPerson: (cluster: People, personUserId: string, userId: string): boolean =>
    personUserId === userId || whoMay.lead(cluster, userId),
};

/** Who gets a meeting's reminders for their school: heads and leads linked to a member school. */
export function answersForSchool(person: Pick<ClusterPerson, 'role' | 'schoolId'>): boolean {
  return person.schoolId !== undefined && (person.role === 'head' || person.role === 'cluster-lead');
}

export const LEADS_ONLY = (cluster: Pick<ClusterSnapshot, 'profile'>) =>
  `only a cluster lead of ${cluster.profile.name} can do that`;
