import {
  type AcademicYear,
  type HalfTermNumber,
  halfTermName,
  parseAcademicYear,
} from '../calendar/academic-year';
import type { PlannedMeeting } from './rota-types';

/** How people name a meeting: "autumn 2", "Spring 1 2027-28", "2026-27 summer 2". */
export interface MeetingRef {
  halfTerm: HalfTermNumber;
  year?: AcademicYear;
}

const REF =
  /^(?:(\d{4}\s*[-/]\s*\d{2,4})\s+)?(aut(?:umn)?|spr(?:ing)?|sum(?:mer)?)\s*([12])(?:\s+(\d{4}\s*[-/]\s*\d{2,4}))?$/i;

export function parseMeetingRef(text: string): MeetingRef | undefined {
  const match = REF.exec(text.trim());
  if (!match) return undefined;
  const term = (match[2] ?? '').toLowerCase();
  const halfTerm = ((term.startsWith('aut') ? 0 : term.startsWith('spr') ? 2 : 4) +
    Number(match[3])) as HalfTermNumber;
  const yearText = match[1] ?? match[4];
  const year = yearText ? parseAcademicYear(yearText) : undefined;
  if (yearText && !year) return undefined;
  return year ? { halfTerm, year } : { halfTerm };
}

/** Without a year, "autumn 2" means the next Autumn 2 meeting that has not happened yet. */
export function resolveMeetingRef(plan: readonly PlannedMeeting[], ref: MeetingRef): PlannedMeeting | string {
  const matching = plan.filter((m) => m.halfTerm === ref.halfTerm && (!ref.year || m.year === ref.year));
  const chosen = ref.year ? matching[0] : (matching.find((m) => m.status !== 'held') ?? matching.at(-1));
  return (
    chosen ??
    `there is no ${halfTermName(ref.halfTerm)}${ref.year ? ` ${ref.year}` : ''} meeting on the rota (are its term dates set?)`
  );
}
