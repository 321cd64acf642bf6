import type { AcademicYear, HalfTermNumber } from '../calendar/academic-year';
import type { LocalDate } from '../time/local-date';

/** A member school as the rota sees it. Membership is by school, not by head. */
export interface RotaSchool {
  id: string;
  name: string;
  /** Place in the rota order (the order schools joined); never reused or reshuffled. */
  position: number;
  /** Undefined for founding members; otherwise the first day of membership. */
  joinedOn?: LocalDate;
  /** The first day the school is no longer a member. */
  leftOn?: LocalDate;
}

/** One half term's meeting as scheduled (dates from term dates + pattern, plus stored changes). */
export interface ScheduledMeeting {
  /** `2026-27#1` … `2026-27#6` */
  id: string;
  year: AcademicYear;
  halfTerm: HalfTermNumber;
  date: LocalDate;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Set by a swap or pass: this school hosts, whatever the rotation would say. */
  hostOverride?: string;
  venue?: string;
  /** Why the date differs from the pattern (a bank holiday, a closure, a move). */
  dateNote?: string;
  /** Schools that sent apologies (from RSVPs): they cannot take the minutes. */
  apologies?: readonly string[];
}

export type BoardRepRule =
  | { kind: 'rotate-yearly' }
  | { kind: 'rotate-termly' }
  | { kind: 'fixed'; schoolId: string };

export type MeetingStatus = 'held' | 'next' | 'upcoming' | 'cancelled';

export interface PlannedMeeting extends ScheduledMeeting {
  status: MeetingStatus;
  /** The host school chairs the meeting. */
  host?: RotaSchool;
  minuteTaker?: RotaSchool;
  /** Said on the rota when the minute-taker is not the previous host. */
  minuteTakerNote?: string;
  boardRep?: RotaSchool;
}
