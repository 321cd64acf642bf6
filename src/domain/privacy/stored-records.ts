import type { ClusterRole } from '../clusters/cluster';

/**
 * Every row Clusterbot keeps, as plain data, for the data-protection work that must look at all
 * of them (export, erasure, retention): which table and partition, its kind, its value and the
 * version it was read at (so a change lands only on what was read).
 */
export type RecordKind =
  | 'profile'
  | 'school'
  | 'person'
  | 'calendar'
  | 'meeting'
  | 'change'
  | 'action'
  | 'agenda'
  | 'agendapub'
  | 'minutes'
  | 'review'
  | 'rsvp'
  | 'guest'
  | 'conversation'
  | 'delivery'
  | 'board'
  | 'boardLink'
  | 'perf'
  | 'perfarea'
  | 'ofsted'
  | 'perftarget';

export interface StoredRecord {
  table: 'clusters' | 'deliveries' | 'conversations' | 'boards';
  partition: string;
  key: string;
  kind: RecordKind;
  value: unknown;
  version: string;
}

/** What a change to a record is: its new value, or that it goes. */
export type RecordChange = { record: StoredRecord; to: unknown } | { record: StoredRecord; remove: true };

/** A person as they are known to Clusterbot: their Teams ids and their name. */
export interface PersonIdentity {
  userId: string;
  aadObjectId?: string;
  name: string;
  role?: ClusterRole;
}

/** What stands in for an erased person's Teams id, so every count and history still adds up. */
export const FORMER_MEMBER_ID = 'former-member';
export const FORMER_MEMBER = 'Former member';
export const FORMER_HEAD = 'Former head';

/** Every string in the value, depth first. */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const inner of value) yield* stringsIn(inner);
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const inner of Object.values(value)) yield* stringsIn(inner);
}

/** A copy of the value with every string passed through `change` (Dates and numbers as they are). */
export function mapStrings(value: unknown, change: (text: string, key: string) => string, key = ''): unknown {
  if (typeof value === 'string') return change(value, key);
  if (Array.isArray(value)) return value.map((inner) => mapStrings(inner, change, key));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, mapStrings(inner, change, k)]));
  return value;
}

/** The record names the person: by a Teams id, anywhere, or by their name in any text. */
export function mentionsPerson(value: unknown, person: PersonIdentity): boolean {
  const ids = [person.userId, person.aadObjectId].filter((id): id is string => !!id);
  for (const text of stringsIn(value)) {
    // Ids also sit inside keys and stored JSON (a delivery receipt's key, a conversation reference).
    if (ids.some((id) => text === id || (id.length >= 8 && text.includes(id)))) return true;
    if (person.name.length >= 3 && text.includes(person.name)) return true;
  }
  return false;
}

/** The record is about the school: it carries the school's id, or its name in any text. */
export function mentionsSchool(value: unknown, school: { id: string; name: string; urn?: string }): boolean {
  const carriesId = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(carriesId);
    if (!v || typeof v !== 'object' || v instanceof Date) return false;
    return Object.entries(v).some(
      ([k, inner]) =>
        (/schoolId$|SchoolId$|^for$/.test(k) && inner === school.id) ||
        (k === 'urn' && school.urn !== undefined && inner === school.urn) ||
        carriesId(inner),
    );
  };
  if (carriesId(value)) return true;
  for (const text of stringsIn(value)) if (text.includes(school.name)) return true;
  return false;
}
