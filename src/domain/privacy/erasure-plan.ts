import type { RecordChange, RecordKind } from './stored-records';

/**
 * What an erasure will do, in words for the card that asks to confirm it: what goes, what stays
 * and why (the partnership's record and its counts).
 */
export interface ErasurePlan {
  removed: string[];
  kept: string[];
  changes: number;
}

const REMOVED: Partial<Record<RecordKind, string>> = {
  person: 'links to schools (Teams ids and names)',
  conversation: 'personal chats with Clusterbot',
  delivery: 'receipts of scheduled messages',
  rsvp: 'names on answers, apology reasons and deputies',
  guest: 'guest requests: the guests and who asked',
  school: "the head's name on the school",
  minutes: 'names in minutes (deputies, note-takers, mentions)',
  action: 'names on actions',
  agenda: 'names on agenda items',
  review: 'names on peer reviews',
  change: 'names in the change log',
  board: 'names on boards',
  boardLink: 'names on board links',
};

export const KEPT_AND_WHY = [
  "Published minutes keep the school's name: they are the partnership's record.",
  'Counts stay (answers, attendance, actions), with "Former member" / "Former head" in place of names.',
  'The change log records that an erasure happened, without what was erased.',
];

export function erasurePlan(changes: readonly RecordChange[]): ErasurePlan {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const what = REMOVED[change.record.kind] ?? 'other records naming them';
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return {
    removed: [...counts].map(([what, count]) => `${what} (${count})`),
    kept: KEPT_AND_WHY,
    changes: changes.length,
  };
}
