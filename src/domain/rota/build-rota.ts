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

type RotaInputs = Pick<ClusterSnapshot, 'profile' | 'schools' | 'calendars' | 'meetingChanges'>;

/**
 * The last rota built for each profile record, with what it was built from. Stored rows come back
 * as the same (frozen) objects while they are unchanged, so a turn that reads an unchanged cluster
 * gets the rota built by an earlier one, as long as the minute and every input are the same ones.
 */
const built = new WeakMap<object, { inputs: RotaInputs; minute: number; rota: BuiltRota }>();

const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The whole rota (all years with term dates) from one cluster snapshot. */
export function buildRota(cluster: ClusterSnapshot, now: Date): BuiltRota {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = built.get(cluster.profile);
  if (
    known &&
    known.minute === minute &&
    sameItems(known.inputs.schools, cluster.schools) &&
    sameItems(known.inputs.calendars, cluster.calendars) &&
    sameItems(known.inputs.meetingChanges, cluster.meetingChanges)
  ) {
    return known.rota;
  }
  const rota = buildRotaAfresh(cluster, now);
  // Shared between turns: frozen, so no caller can change what the next one gets.
  for (const meeting of rota.meetings) Object.freeze(meeting);
  Object.freeze(rota.meetings);
  built.set(cluster.profile, { inputs: cluster, minute, rota });
  return rota;
}

function buildRotaAfresh(cluster: ClusterSnapshot, now: Date): BuiltRota {
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
