import { addDays, isWeekend, type LocalDate, mondayOf } from '../time/local-date';
import { formatLocalDate } from '../time/london-time';
import { halfTermName } from './academic-year';
import type { HalfTermDates } from './term-dates';

/**
 * When a cluster usually meets: "Tuesday of week 3, 13:30–15:30". Week 1 of a half term is the
 * week (Monday to Friday) in which the half term starts.
 */
export interface MeetingPattern {
  /** 1 = Monday … 5 = Friday */
  weekday: number;
  week: number;
  startTime: string;
  endTime: string;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export function describePattern(pattern: MeetingPattern): string {
  return `${WEEKDAY_NAMES[pattern.weekday - 1]} of week ${pattern.week}, ${pattern.startTime}–${pattern.endTime}`;
}

/**
 * Reads "Tuesday of week 3, 13:30-15:30" (also "tue week 3 13:30 to 15:30").
 * Returns the problems when it cannot.
 */
export function parseMeetingPattern(text: string): MeetingPattern | { problems: string[] } {
  const normalised = text.toLowerCase().replace(/[–—]/g, '-');
  const problems: string[] = [];
  const weekday = WEEKDAY_NAMES.findIndex((name) =>
    new RegExp(`\\b${name.slice(0, 3).toLowerCase()}`).test(normalised),
  );
  if (weekday < 0) problems.push('say which weekday, Monday to Friday (e.g. "Tuesday")');
  const week = /\bweek\s*(\d+)/.exec(normalised);
  if (!week) problems.push('say which week of the half term (e.g. "week 3")');
  else if (Number(week[1]) < 1 || Number(week[1]) > 6) problems.push('the week must be between 1 and 6');
  const times = /(\d{1,2})[:.](\d{2})\s*(?:-|to)\s*(\d{1,2})[:.](\d{2})/.exec(normalised);
  let startTime = '';
  let endTime = '';
  if (!times) {
    problems.push('give the start and end times in 24-hour form (e.g. "13:30-15:30")');
  } else {
    startTime = `${times[1]?.padStart(2, '0')}:${times[2]}`;
    endTime = `${times[3]?.padStart(2, '0')}:${times[4]}`;
    if (!validTime(startTime) || !validTime(endTime))
      problems.push('times must be real 24-hour times such as 09:00 or 13:30');
    else if (startTime >= endTime) problems.push('the meeting must end after it starts');
  }
  if (problems.length > 0) return { problems };
  return { weekday: weekday + 1, week: Number(week?.[1]), startTime, endTime };
}

function validTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

export type PatternDate = { date: LocalDate; movedBecause?: string } | { problem: string };

/**
 * The meeting date the pattern gives in one half term. If that day is a bank holiday or closure
 * (or falls outside the half term), the meeting moves to the next open weekday, and says why.
 */
export function patternDateIn(
  halfTerm: HalfTermDates,
  pattern: MeetingPattern,
  isClosed: (date: LocalDate) => string | undefined,
): PatternDate {
  const planned = addDays(mondayOf(halfTerm.start), (pattern.week - 1) * 7 + (pattern.weekday - 1));
  let reason: string | undefined;
  if (planned < halfTerm.start) reason = 'the half term had not started';
  else if (planned > halfTerm.end) reason = 'the half term had ended';
  else reason = isClosed(planned);
  if (!reason) return { date: planned };

  // Forwards to the next open weekday; for a pattern beyond a short half term, back from its end.
  const step = planned > halfTerm.end ? -1 : 1;
  let candidate =
    planned < halfTerm.start ? halfTerm.start : planned > halfTerm.end ? halfTerm.end : addDays(planned, 1);
  while (candidate >= halfTerm.start && candidate <= halfTerm.end) {
    if (!isWeekend(candidate) && !isClosed(candidate)) {
      return { date: candidate, movedBecause: `${formatLocalDate(planned)}: ${reason}` };
    }
    candidate = addDays(candidate, step);
  }
  return {
    problem: `${halfTermName(halfTerm.halfTerm)} has no open weekday on or after ${formatLocalDate(planned)} for the meeting`,
  };
}
