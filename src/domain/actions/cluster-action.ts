import type { LocalDate } from '../time/local-date';

/**
 * Something agreed (seed 002: "ensure that agreed projects are completed"): an owner school (and
 * optionally a person), a due date, a status, and a short history of updates.
 */
export type ActionStatus = 'open' | 'in-progress' | 'done' | 'dropped';

export const STATUS_WORDS: Record<ActionStatus, string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
};

export interface ActionUpdate {
  at: Date;
  by: string;
  byName: string;
  status: ActionStatus;
}

export interface ClusterAction {
  /** Short and sayable in chat: A1, A2, … per cluster. */
  id: string;
  title: string;
  ownerSchoolId: string;
  ownerPerson?: { userId: string; name: string };
  due: LocalDate;
  status: ActionStatus;
  createdAt: Date;
  createdBy: string;
  /** The meeting it came from, when it came from minutes. */
  meetingId?: string;
  history: ActionUpdate[];
}

const HISTORY_KEPT = 20;

/** What says an action into being: typed, or written into minutes or a peer review's outcome. */
export type NewActionFields = Pick<
  ClusterAction,
  'id' | 'title' | 'ownerSchoolId' | 'ownerPerson' | 'due' | 'meetingId'
>;

/** A new, open action, its history starting with who agreed it and when. */
export function openAction(
  fields: NewActionFields,
  by: { userId: string; name: string },
  at: Date,
): ClusterAction {
  return {
    id: fields.id,
    title: fields.title,
    ownerSchoolId: fields.ownerSchoolId,
    ...(fields.ownerPerson ? { ownerPerson: fields.ownerPerson } : {}),
    due: fields.due,
    status: 'open',
    createdAt: at,
    createdBy: by.userId,
    ...(fields.meetingId ? { meetingId: fields.meetingId } : {}),
    history: [{ at, by: by.userId, byName: by.name, status: 'open' }],
  };
}

export function changeStatus(
  action: ClusterAction,
  status: ActionStatus,
  by: { userId: string; name: string },
  at: Date,
): ClusterAction {
  if (action.status === status) return action;
  return {
    ...action,
    status,
    history: [...action.history, { at, by: by.userId, byName: by.name, status }].slice(-HISTORY_KEPT),
  };
}

export function isOverdue(action: ClusterAction, today: LocalDate): boolean {
  return (action.status === 'open' || action.status === 'in-progress') && action.due < today;
}

export type ActionFilter =
  | { kind: 'all' }
  | { kind: 'overdue' }
  | { kind: 'school'; schoolId: string }
  | { kind: 'mine'; userId: string; schoolId?: string }
  | { kind: 'due-between'; from: LocalDate; to: LocalDate };

export function matches(action: ClusterAction, filter: ActionFilter, today: LocalDate): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'overdue':
      return isOverdue(action, today);
    case 'school':
      return action.ownerSchoolId === filter.schoolId;
    case 'mine':
      return (
        action.ownerPerson?.userId === filter.userId ||
        (filter.schoolId !== undefined && action.ownerSchoolId === filter.schoolId)
      );
    case 'due-between':
      return action.due >= filter.from && action.due <= filter.to;
  }
}

export interface ActionOverview {
  counts: Record<ActionStatus, number> & { overdue: number };
  /** Overdue first, then open and in progress by due date, then done and dropped. */
  ordered: ClusterAction[];
}

/** A1, A2, … A10 in number order (not A1, A10, A2 as text would sort them). */
export const byActionNumber = (a: Pick<ClusterAction, 'id'>, b: Pick<ClusterAction, 'id'>) =>
  Number(a.id.slice(1)) - Number(b.id.slice(1));

export function overview(actions: readonly ClusterAction[], today: LocalDate): ActionOverview {
  const rank = (a: ClusterAction) =>
    isOverdue(a, today) ? 0 : a.status === 'open' || a.status === 'in-progress' ? 1 : 2;
  const counts = { open: 0, 'in-progress': 0, done: 0, dropped: 0, overdue: 0 };
  for (const action of actions) {
    counts[action.status]++;
    if (isOverdue(action, today)) counts.overdue++;
  }
  const ordered = [...actions].sort(
    (a, b) => rank(a) - rank(b) || a.due.localeCompare(b.due) || byActionNumber(a, b),
  );
  return { counts, ordered };
}
