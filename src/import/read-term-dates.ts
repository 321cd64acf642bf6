import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { type AcademicYear, HALF_TERM_NAMES, type HalfTermNumber } from '../domain/calendar/academic-year';
import type { HalfTermDates } from '../domain/calendar/term-dates';
import { addDays, type LocalDate, parseUkDate } from '../domain/time/local-date';

export type TermDatesResult = { halfTerms: HalfTermDates[]; closures: LocalDate[] } | { problems: string[] };

/** "Autumn 1", "autumn1", "Aut 2", "Summer Term 2", "HT3" or just 3 → the half-term number. */
export function halfTermNumberFrom(text: string): HalfTermNumber | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const plain = /^(?:ht\s*)?([1-6])$/.exec(t);
  if (plain) return Number(plain[1]) as HalfTermNumber;
  const named = /^(aut(?:umn)?|spr(?:ing)?|sum(?:mer)?)(?: term)?\s*([12])$/.exec(t);
  if (!named) return undefined;
  const term = named[1]?.startsWith('aut') ? 0 : named[1]?.startsWith('spr') ? 1 : 2;
  return (term * 2 + Number(named[2])) as HalfTermNumber;
}

/**
 * CSV of term dates: `half term,start,end` (dates as 2026-09-03 or 03/09/2026). Rows named
 * INSET or closure add closure days instead: `INSET,2026-09-02,2026-09-02`.
 */
export function readTermDatesCsv(text: string): TermDatesResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return {
      problems: [`the text is not valid CSV (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  const problems: string[] = [];
  const halfTerms: HalfTermDates[] = [];
  const closures: LocalDate[] = [];
  records.forEach((record, index) => {
    const line = index + 1;
    const [label = '', startText = '', endText = ''] = record;
    if (index === 0 && /half|term|name/i.test(label) && !parseUkDate(startText)) return; // header row
    const isClosure = /inset|closure|closed/i.test(label);
    const start = parseUkDate(startText);
    // Only a closure may give one date for a single day; a half term needs its first and last day.
    const end = parseUkDate(endText || (isClosure ? startText : ''));
    if (!start || !end) {
      const where = `line ${line}${label ? ` (${label})` : ''}`;
      problems.push(
        !startText || (!endText && !isClosure)
          ? `${where}: both the first and last day are needed`
          : `${where}: "${startText}"/"${endText}" are not dates (use 2026-09-03 or 03/09/2026)`,
      );
      return;
    }
    if (isClosure) {
      for (let day = start; day <= end; day = addDays(day, 1)) closures.push(day);
      return;
    }
    const halfTerm = halfTermNumberFrom(label);
    if (!halfTerm) {
      problems.push(`line ${line}: "${label}" is not a half term (use ${HALF_TERM_NAMES.join(', ')})`);
      return;
    }
    halfTerms.push({ halfTerm, start, end });
  });
  return problems.length > 0 ? { problems } : { halfTerms, closures };
}

/**
 * An ICS file of term dates (as councils publish): events whose titles name half terms
 * ("Autumn 1", "Spring term 2") give their dates; events titled INSET give closures.
 * All-day events end the day before DTEND, as the iCalendar standard says.
 */
export function readTermDatesIcs(text: string, year: AcademicYear): TermDatesResult {
  let events: Array<{ summary: string; start: LocalDate; end: LocalDate }>;
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      const start = event.startDate.toString().slice(0, 10);
      const rawEnd = event.endDate ? event.endDate.toString().slice(0, 10) : start;
      const end = event.startDate.isDate && rawEnd > start ? addDays(rawEnd, -1) : rawEnd;
      return { summary: event.summary ?? '', start, end };
    });
  } catch (error) {
    return {
      problems: [
        `the calendar file could not be read (${error instanceof Error ? error.message : String(error)})`,
      ],
    };
  }
  const startYear = Number(year.slice(0, 4));
  const inYear = events.filter((e) => e.start >= `${startYear}-08-01` && e.start <= `${startYear + 1}-08-31`);
  const halfTerms: HalfTermDates[] = [];
  const closures: LocalDate[] = [];
  for (const event of inYear) {
    const name = event.summary.replace(/half[- ]?term|\(.*\)/gi, '').trim();
    if (/inset|closure/i.test(event.summary)) {
      for (let day = event.start; day <= event.end; day = addDays(day, 1)) closures.push(day);
      continue;
    }
    const halfTerm = halfTermNumberFrom(name);
    if (halfTerm) halfTerms.push({ halfTerm, start: event.start, end: event.end });
  }
  if (halfTerms.length === 0) {
    return { problems: [`the calendar has no events named after half terms (e.g. "Autumn 1") in ${year}`] };
  }
  return { halfTerms, closures };
}
