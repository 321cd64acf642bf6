import type { Outcome } from '../../domain/outcome';
import { type Reply, refusalReply } from '../reply';

/** A refused change says why, and that nothing was changed. */
export function problemReply(problem: string): Reply {
  return refusalReply(`Sorry, ${problem}. Nothing was changed.`);
}

export function replyTo<T>(outcome: Outcome<T>, onSuccess: (value: T) => Reply): Reply {
  return outcome.ok ? onSuccess(outcome.value) : problemReply(outcome.problem);
}
