import { type MeetingRef, resolveMeetingRef } from './meeting-ref';
import type { RotaChangeRequest } from './rota-changes';
import type { PlannedMeeting } from './rota-types';

/** A rota change as people ask for it: meetings named by half term (and optionally year). */
export type RotaChangeOrder =
  | { kind: 'swap'; first: MeetingRef; second: MeetingRef }
  | { kind: 'pass' | 'skip'; meeting: MeetingRef }
  | { kind: 'move'; meeting: MeetingRef; date: string; startTime?: string; endTime?: string }
  | { kind: 'venue'; meeting: MeetingRef; venue: string };

/** The change, with the meetings it names found on the rota (or why one cannot be found). */
export function rotaChangeRequest(
  plan: readonly PlannedMeeting[],
  order: RotaChangeOrder,
): RotaChangeRequest | string {
  const id = (ref: MeetingRef) => {
    const found = resolveMeetingRef(plan, ref);
    return typeof found === 'string' ? found : { id: found.id };
  };
  if (order.kind === 'swap') {
    const first = id(order.first);
    const second = id(order.second);
    if (typeof first === 'string') return first;
    if (typeof second === 'string') return second;
    return { kind: 'swap', first: first.id, second: second.id };
  }
  const meeting = id(order.meeting);
  if (typeof meeting === 'string') return meeting;
  switch (order.kind) {
    case 'move':
      return {
        kind: 'move',
        meeting: meeting.id,
        date: order.date,
        ...(order.startTime ? { startTime: order.startTime } : {}),
        ...(order.endTime ? { endTime: order.endTime } : {}),
      };
    case 'venue':
      return { kind: 'venue', meeting: meeting.id, venue: order.venue };
    default:
      return { kind: order.kind, meeting: meeting.id };
  }
}
