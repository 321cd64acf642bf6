import type { Actor } from '../actor';
import type { RotaChangeRecord } from './cluster';

/** A line for the cluster's change log: who changed what, and when. */
export function changeRecord(actor: Actor, at: Date, kind: string, summary: string): RotaChangeRecord {
  return { at, by: actor.userId, byName: actor.name, kind, summary };
}
