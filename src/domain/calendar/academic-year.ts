import type { LocalDate } from '../time/local-date';

/**
 * An English academic year, written '2026-27': 1 September 2026 to 31 August 2027, in six
 * half terms. Each cluster sets its own dates (councils and trusts differ).
 */
export type AcademicYear = string;

export const HALF_TERM_NAMES = [
  'Autumn 1',
  'Autumn 2',
  'Spring 1',
  'Spring 2',
  'Summer 1',
  'Summer 2',
] as const;
export type HalfTermNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** Accepts 2026-27, 2026/27, 2026-2027 and 2026/2027. */
export function parseAcademicYear(text: string): AcademicYear | undefined {
  const match = /^\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2]?.length === 4 ? Number(match[2]) : Math.floor(start / 100) * 100 + Number(match[2]);
  const endFixed = end < start ? end + 100 : end;
  return endFixed === start + 1 ? academicYearStarting(start) : undefined;
}

export function academicYearStarting(startYear: number): AcademicYear {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function startYearOf(year: AcademicYear): number {
  return Number(year.slice(0, 4));
}

/** The academic year a date falls in (August belongs to the year that is ending). */
export function academicYearOf(date: LocalDate): AcademicYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return academicYearStarting(month >= 9 ? year : year - 1);
}

/** The widest span term dates of a year may use: 1 August to 31 August the next year. */
export function academicYearBounds(year: AcademicYear): { from: LocalDate; to: LocalDate } {
  const start = startYearOf(year);
  return { from: `${start}-08-01`, to: `${start + 1}-08-31` };
}

export function halfTermName(halfTerm: HalfTermNumber): string {
  return HALF_TERM_NAMES[halfTerm - 1] ?? `Half term ${halfTerm}`;
}

/** Autumn = 0, spring = 1, summer = 2. */
export function termOf(halfTerm: HalfTermNumber): 0 | 1 | 2 {
  return Math.floor((halfTerm - 1) / 2) as 0 | 1 | 2;
}
