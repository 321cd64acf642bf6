import { halfTermName } from '../calendar/academic-year';
import type { YearCalendar } from '../calendar/term-dates';
import { isWeekend, type LocalDate } from '../time/local-date';
import { formatLondon, londonToInstant } from '../time/london-time';
import type { PlannedMeeting } from './rota-types';
import type { MeetingChange } from './schedule-meetings';

/** A change a cluster lead (or an affected host) asks for. */
export type RotaChangeRequest =
  | { kind: 'swap'; first: string; second: string }
  | { kind: 'pass'; meeting: string }
  | { kind: 'skip'; meeting: string }
  | { kind: 'move'; meeting: string; date: LocalDate; startTime?: string; endTime?: string }
  | { kind: 'venue'; meeting: string; venue: string };

export type RotaChangeResult =
  | { ok: true; changes: MeetingChange[]; summary: string; affectedSchools: string[] }
  | { ok: false; problem: string };

const label = (m: PlannedMeeting) => `${halfTermName(m.halfTerm)} ${m.year} (${formatLondon(m.startsAt)})`;

/**
 * Works out the stored changes for a request against the current plan. Past, cancelled or unknown
 * meetings are refused with the reason: past meetings are never rewritten.
 */
export function planRotaChange(
  plan: readonly PlannedMeeting[],
  request: RotaChangeRequest,
  context: { calendars: readonly YearCalendar[]; isClosed: (date: LocalDate) => string | undefined },
): RotaChangeResult {
  const find = (id: string) => plan.find((m) => m.id === id);
  const upcoming = (id: string): PlannedMeeting | string => {
    const meeting = find(id);
    if (!meeting) return `there is no meeting ${id} on the rota`;
    if (meeting.status === 'held')
      return `${label(meeting)} has already taken place, and past meetings are never changed`;
    if (meeting.status === 'cancelled' && request.kind !== 'move') return `${label(meeting)} is cancelled`;
    return meeting;
  };
  const change = (m: PlannedMeeting, extra: Partial<MeetingChange>): MeetingChange => ({
    year: m.year,
    halfTerm: m.halfTerm,
    ...(m.hostOverride ? { hostOverride: m.hostOverride } : {}),
    ...(m.venue ? { venue: m.venue } : {}),
    ...(m.cancelled ? { cancelled: true } : {}),
    ...(m.dateNote === 'moved by the cluster'
      ? { movedTo: { date: m.date, startTime: m.startTime, endTime: m.endTime } }
      : {}),
    ...extra,
  });

  switch (request.kind) {
    case 'swap': {
      const a = upcoming(request.first);
      const b = upcoming(request.second);
      if (typeof a === 'string') return { ok: false, problem: a };
      if (typeof b === 'string') return { ok: false, problem: b };
      if (a.id === b.id) return { ok: false, problem: 'choose two different meetings to swap' };
      if (!a.host || !b.host)
        return { ok: false, problem: 'both meetings need a host before they can be swapped' };
      if (a.host.id === b.host.id)
        return { ok: false, problem: `${a.host.name} hosts both meetings already` };
      return {
        ok: true,
        changes: [change(a, { hostOverride: b.host.id }), change(b, { hostOverride: a.host.id })],
        summary: `Swapped hosts: ${b.host.name} now hosts ${label(a)}; ${a.host.name} now hosts ${label(b)}.`,
        affectedSchools: [a.host.id, b.host.id],
      };
    }
    case 'pass': {
      const a = upcoming(request.meeting);
      if (typeof a === 'string') return { ok: false, problem: a };
      const b = plan.find((m) => m.startsAt > a.startsAt && m.status !== 'cancelled' && m.status !== 'held');
      if (!a.host) return { ok: false, problem: `${label(a)} has no host to pass it on` };
      if (!b?.host)
        return { ok: false, problem: `there is no later meeting for ${a.host.name} to host instead` };
      return {
        ok: true,
        changes: [change(a, { hostOverride: b.host.id }), change(b, { hostOverride: a.host.id })],
        summary: `${a.host.name} passed ${label(a)} to ${b.host.name}, and hosts ${label(b)} instead.`,
        affectedSchools: [a.host.id, b.host.id],
      };
    }
    case 'skip': {
      const a = upcoming(request.meeting);
      if (typeof a === 'string') return { ok: false, problem: a };
      return {
        ok: true,
        changes: [change(a, { cancelled: true, hostOverride: undefined })],
        summary: `Cancelled ${label(a)}. The rota order is unchanged: the next meeting's host is as it would have been.`,
        affectedSchools: a.host ? [a.host.id] : [],
      };
    }
    case 'move': {
      const a = upcoming(request.meeting);
      if (typeof a === 'string') return { ok: false, problem: a };
      const halfTerm = context.calendars
        .find((c) => c.year === a.year)
        ?.halfTerms.find((h) => h.halfTerm === a.halfTerm);
      if (!halfTerm || request.date < halfTerm.start || request.date > halfTerm.end) {
        return { ok: false, problem: `the new date must be within ${halfTermName(a.halfTerm)} ${a.year}` };
      }
      if (isWeekend(request.date)) return { ok: false, problem: 'the new date is a weekend' };
      const closed = context.isClosed(request.date);
      if (closed) return { ok: false, problem: `the new date is ${closed}` };
      const startTime = request.startTime ?? a.startTime;
      const endTime = request.endTime ?? a.endTime;
      if (startTime >= endTime) return { ok: false, problem: 'the meeting must end after it starts' };
      return {
        ok: true,
        changes: [change(a, { movedTo: { date: request.date, startTime, endTime }, cancelled: false })],
        summary: `Moved ${halfTermName(a.halfTerm)} ${a.year} from ${formatLondon(a.startsAt)} to ${formatLondon(londonToInstant(request.date, startTime))}.`,
        affectedSchools: a.host ? [a.host.id] : [],
      };
    }
    case 'venue': {
      const a = upcoming(request.meeting);
      if (typeof a === 'string') return { ok: false, problem: a };
      return {
        ok: true,
        changes: [change(a, { venue: request.venue })],
        summary: `${label(a)} will be at ${request.venue}.`,
        affectedSchools: a.host ? [a.host.id] : [],
      };
    }
  }
}
