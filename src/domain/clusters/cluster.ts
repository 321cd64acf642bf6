import type { ClusterAction } from '../actions/cluster-action';
import type { AgendaProposal, PublishedAgenda } from '../agenda/agenda';
import type { MeetingPattern } from '../calendar/meeting-pattern';
import type { YearCalendar } from '../calendar/term-dates';
import type { MeetingMinutes } from '../minutes/meeting-minutes';
import type { PeerReview } from '../peer-reviews/peer-review';
import type { BoardRepRule } from '../rota/rota-types';
import type { MeetingChange } from '../rota/schedule-meetings';
import type { LocalDate } from '../time/local-date';
import { nameKey } from './name-matching';

/** Where a cluster lives in Teams: a team (any of its channels) or a group chat. */
export interface ClusterPlace {
  tenantId: string;
  /** The team id for channel conversations, else the conversation id. */
  placeKey: string;
  /** The conversation to post announcements and reminders in. */
  conversationId: string;
}

export interface ClusterProfile {
  id: string;
  name: string;
  pattern: MeetingPattern;
  boardRep: BoardRepRule;
  place: ClusterPlace;
  createdAt: Date;
  createdBy: string;
  /** The next free place in the rota order: positions are never reused. */
  nextPosition: number;
  /** When reminders go out (London time, HH:MM); 09:00 unless the cluster chose otherwise. */
  reminderTime?: string;
  /** The number the next action gets (A1, A2, …). */
  nextActionNumber?: number;
  /** The number the next peer-review request gets (R1, R2, …). */
  nextReviewNumber?: number;
  /** The number the next proposed agenda item gets (P1, P2, …). */
  nextProposalNumber?: number;
  /** Standing agenda items; the last is the closing one (AOB). Unset: the defaults. */
  standingItems?: string[];
  /** Minutes links made before this no longer open (a lead withdrew them). */
  minutesLinksWithdrawnAt?: Date;
  /** Whether the board sees the cluster's school-entered figures (phonics, KS1, attendance). */
  shareEnteredFiguresWithBoard?: boolean;
  /** The half term (1–6) whose meeting reviews performance against targets; autumn 2 unless set. */
  performanceReviewHalfTerm?: number;
  /** The year's plan of meeting foci: six per school year, one per half term. */
  foci?: Record<string, string[]>;
}

export interface School {
  id: string;
  name: string;
  urn?: string;
  headName?: string;
  phase?: string;
  town?: string;
  /** The published name, where `name` tells it apart from another school of the same name. */
  officialName?: string;
  position: number;
  /** Undefined for schools that were members from the start. */
  joinedOn?: LocalDate;
  leftOn?: LocalDate;
}

export type ClusterRole = 'cluster-lead' | 'head' | 'staff' | 'observer';

/** A person is linked by their Teams identity; membership itself belongs to the school. */
export interface ClusterPerson {
  userId: string;
  aadObjectId?: string;
  name: string;
  role: ClusterRole;
  schoolId?: string;
}

export interface RotaChangeRecord {
  at: Date;
  by: string;
  byName: string;
  kind: string;
  summary: string;
}

/**
 * A cluster's working set, read in one go: everything a command or click works with. Its change
 * log is read on its own when asked for, and only this school year's and last year's minutes,
 * proposals and published agendas are in it, so a turn costs the same in a cluster's fifth year
 * as in its first.
 */
export interface ClusterSnapshot {
  profile: ClusterProfile;
  schools: School[];
  people: ClusterPerson[];
  calendars: YearCalendar[];
  meetingChanges: MeetingChange[];
  actions: ClusterAction[];
  proposals: AgendaProposal[];
  publishedAgendas: PublishedAgenda[];
  /** Drafts and published minutes, one per meeting (this school year and last). */
  minutes: MeetingMinutes[];
  peerReviews: PeerReview[];
}

/** A stable id for a school: its URN where known, else its name. */
export function schoolIdFor(name: string, urn?: string): string {
  if (urn) return `urn-${urn}`;
  return `name-${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/**
 * Finds a school (or anything named, such as a cluster) by URN, name, or an unambiguous part of
 * its name ("Earlsdon"), ignoring apostrophe style, case, spaces, "&"/"and", "St"/"St." and accents.
 */
export function findSchool<T extends { name: string; urn?: string }>(
  schools: readonly T[],
  reference: string,
): T | T[] | undefined {
  const wanted = nameKey(reference);
  if (!wanted) return undefined;
  const exact = schools.find((s) => s.urn === reference.trim() || nameKey(s.name) === wanted);
  if (exact) return exact;
  const partial = schools.filter(
    (s) => nameKey(s.name).startsWith(wanted) || nameKey(s.name).includes(wanted),
  );
  if (partial.length === 1) return partial[0];
  return partial.length > 1 ? partial : undefined;
}

/** A school's name for display; schools that have since left are still named by the cluster. */
export function schoolNamer(cluster: Pick<ClusterSnapshot, 'schools'>): (schoolId: string) => string {
  return (schoolId) => cluster.schools.find((s) => s.id === schoolId)?.name ?? 'a former member';
}

/** The current member school a person is linked to, if any. */
export function linkedSchoolOf(
  cluster: Pick<ClusterSnapshot, 'people' | 'schools'>,
  userId: string,
): School | undefined {
  const person = cluster.people.find((p) => p.userId === userId);
  return cluster.schools.find((s) => s.id === person?.schoolId && !s.leftOn);
}
