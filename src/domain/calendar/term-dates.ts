import { isWeekend, type LocalDate } from '../time/local-date';
import { formatLocalDate } from '../time/london-time';
import { type AcademicYear, academicYearBounds, type HalfTermNumber, halfTermName } from './academic-year';

export interface HalfTermDates {
  halfTerm: HalfTermNumber;
  /** First and last days pupils are in (inclusive). */
  start: LocalDate;
  end: LocalDate;
}

export interface YearCalendar {
  year: AcademicYear;
  halfTerms: HalfTermDates[];
  /** INSET days and other closures: never meeting days. */
  closures: LocalDate[];
}

/** Every problem with a year's term dates, in words a head can act on. Empty means valid. */
export function checkTermDates(year: AcademicYear, halfTerms: readonly HalfTermDates[]): string[] {
  const problems: string[] = [];
  const bounds = academicYearBounds(year);
  const numbers = halfTerms.map((h) => h.halfTerm).sort();
  if (numbers.join() !== '1,2,3,4,5,6') {
    problems.push(`${year} needs all six half terms (Autumn 1 to Summer 2) exactly once`);
  }
  const ordered = [...halfTerms].sort((a, b) => a.halfTerm - b.halfTerm);
  ordered.forEach((h, i) => {
    const name = halfTermName(h.halfTerm);
    if (h.start > h.end) {
      problems.push(
        `${name} ends (${formatLocalDate(h.end)}) before it starts (${formatLocalDate(h.start)})`,
      );
    }
    if (h.start < bounds.from || h.end > bounds.to) {
      problems.push(
        `${name} (${formatLocalDate(h.start)} to ${formatLocalDate(h.end)}) is outside the ${year} school year`,
      );
    }
    if (isWeekend(h.start)) {
      problems.push(
        `${name} starts on a ${formatLocalDate(h.start).slice(0, 3)}: a half term starts on a weekday`,
      );
    }
    const previous = ordered[i - 1];
    if (previous && previous.end >= h.start) {
      problems.push(`${name} starts before ${halfTermName(previous.halfTerm)} has ended`);
    }
  });
  return problems;
}
