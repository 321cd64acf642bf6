import type { Outcome } from '../../services/outcome';
import { type Reply, textReply } from '../reply';

/** A refused change says why, and that nothing was changed. */
export function problemReply(problem: string): Reply {
  return textReply(`Sorry, ${problem}. Nothing was changed.`);
}

export function replyTo<T>(outcome: Outcome<T>, onSuccess: (value: T) => Reply): Reply {
  return outcome.ok ? onSuccess(outcome.value) : problemReply(outcome.problem);
}
