import { bankHolidaysFor } from '../calendar/bank-holidays';
import type { ClusterSnapshot } from '../clusters/cluster';
import type { LocalDate } from '../time/local-date';
import { planRota } from './plan-rota';
import type { PlannedMeeting, RotaSchool } from './rota-types';
import { scheduleMeetings } from './schedule-meetings';

export interface BuiltRota {
  meetings: PlannedMeeting[];
  /** Half terms for which no meeting date could be found. */
  problems: string[];
  isClosed: (date: LocalDate) => string | undefined;
}

/** The whole rota (all years with term dates) from one cluster snapshot. */
export function buildRota(cluster: ClusterSnapshot, now: Date): BuiltRota {
  const calendars = [...cluster.calendars].sort((a, b) => a.year.localeCompare(b.year));
  const calendarYears = calendars.flatMap((c) => [
    Number(c.year.slice(0, 4)),
    Number(c.year.slice(0, 4)) + 1,
  ]);
  const bankHolidays = bankHolidaysFor(calendarYears);
  const closures = new Set(calendars.flatMap((c) => c.closures));
  const { meetings, problems } = scheduleMeetings(
    calendars,
    cluster.profile.pattern,
    bankHolidays,
    cluster.meetingChanges,
  );
  const schools: RotaSchool[] = cluster.schools.map((s) => ({
    id: s.id,
    name: s.name,
    position: s.position,
    ...(s.joinedOn ? { joinedOn: s.joinedOn } : {}),
    ...(s.leftOn ? { leftOn: s.leftOn } : {}),
  }));
  return {
    meetings: planRota(schools, meetings, now, cluster.profile.boardRep),
    problems,
    isClosed: (date) =>
      bankHolidays.has(date)
        ? `${bankHolidays.get(date)} (a bank holiday)`
        : closures.has(date)
          ? 'a closure (INSET day)'
          : undefined,
  };
}
