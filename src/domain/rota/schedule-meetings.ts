import type { AcademicYear, HalfTermNumber } from '../calendar/academic-year';
import { type MeetingPattern, patternDateIn } from '../calendar/meeting-pattern';
import type { YearCalendar } from '../calendar/term-dates';
import type { LocalDate } from '../time/local-date';
import { londonToInstant } from '../time/london-time';
import type { ScheduledMeeting } from './rota-types';

/** What has been changed about one half term's meeting, as stored. */
export interface MeetingChange {
  year: AcademicYear;
  halfTerm: HalfTermNumber;
  movedTo?: { date: LocalDate; startTime: string; endTime: string };
  cancelled?: boolean;
  hostOverride?: string;
  venue?: string;
}

export const meetingId = (year: AcademicYear, halfTerm: HalfTermNumber) => `${year}#${halfTerm}`;

/**
 * One meeting per half term: the pattern's date (moved off bank holidays and closures), unless a
 * cluster lead moved it. Returns the problems for half terms that have no possible date.
 */
export function scheduleMeetings(
  calendars: readonly YearCalendar[],
  pattern: MeetingPattern,
  bankHolidays: ReadonlyMap<LocalDate, string>,
  changes: readonly MeetingChange[],
): { meetings: ScheduledMeeting[]; problems: string[] } {
  const meetings: ScheduledMeeting[] = [];
  const problems: string[] = [];
  const changeFor = new Map(changes.map((c) => [meetingId(c.year, c.halfTerm), c]));

  for (const calendar of calendars) {
    const closures = new Set(calendar.closures);
    const isClosed = (date: LocalDate) =>
      bankHolidays.has(date)
        ? `${bankHolidays.get(date)} (bank holiday)`
        : closures.has(date)
          ? 'a closure (INSET day)'
          : undefined;
    for (const halfTerm of calendar.halfTerms) {
      const id = meetingId(calendar.year, halfTerm.halfTerm);
      const change = changeFor.get(id);
      let date: LocalDate;
      let startTime = pattern.startTime;
      let endTime = pattern.endTime;
      let dateNote: string | undefined;
      if (change?.movedTo) {
        ({ date, startTime, endTime } = change.movedTo);
        dateNote = 'moved by the cluster';
      } else {
        const found = patternDateIn(halfTerm, pattern, isClosed);
        if ('problem' in found) {
          problems.push(found.problem);
          continue;
        }
        date = found.date;
        if (found.movedBecause) dateNote = `moved from ${found.movedBecause}`;
      }
      meetings.push({
        id,
        year: calendar.year,
        halfTerm: halfTerm.halfTerm,
        date,
        startTime,
        endTime,
        startsAt: londonToInstant(date, startTime),
        endsAt: londonToInstant(date, endTime),
        cancelled: change?.cancelled ?? false,
        ...(change?.hostOverride ? { hostOverride: change.hostOverride } : {}),
        ...(change?.venue ? { venue: change.venue } : {}),
        ...(dateNote ? { dateNote } : {}),
      });
    }
  }
  return { meetings: meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()), problems };
}
