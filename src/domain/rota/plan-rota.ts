import { startYearOf, termOf } from '../calendar/academic-year';
import type { BoardRepRule, PlannedMeeting, RotaSchool, ScheduledMeeting } from './rota-types';

export function isMemberOn(school: RotaSchool, date: string): boolean {
  return (!school.joinedOn || school.joinedOn <= date) && (!school.leftOn || date < school.leftOn);
}

interface Standing {
  /** Meetings hosted so far (a joiner starts level with the least-hosted member). */
  hosted: number;
  /** Sequence number of the last hosting, or of joining: who has waited longest goes first. */
  waitingSince: number;
}

/**
 * Who hosts (and so chairs), who takes the minutes and who represents the cluster on the board,
 * for every meeting in order, across years.
 *
 * The host of each meeting is the member who has hosted fewest times, then who has waited
 * longest, then who comes first in the rota order. So nobody hosts twice before every other
 * member has hosted once, the order carries on from year to year, a joiner goes to the back of
 * the current round, a leaver simply drops out, and a skipped (cancelled) meeting changes
 * nothing. Swaps and passes are host overrides; a school overridden onto a later meeting is kept
 * back until then so the rest of the order is unchanged.
 *
 * Only membership dates and stored overrides feed this, so past meetings come out the same on
 * every run: they are never rewritten by later changes.
 */
export function planRota(
  schools: readonly RotaSchool[],
  meetings: readonly ScheduledMeeting[],
  now: Date,
  boardRep: BoardRepRule,
): PlannedMeeting[] {
  const ordered = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const byPosition = [...schools].sort((a, b) => a.position - b.position);
  const standing = new Map<string, Standing>();
  const firstStartYear = ordered[0] ? startYearOf(ordered[0].year) : 0;
  let previousHost: RotaSchool | undefined;
  let nextFound = false;

  return ordered.map((meeting, sequence) => {
    const members = byPosition.filter((s) => isMemberOn(s, meeting.date));
    enterNewMembers(members, standing, sequence);

    const status = statusOf(meeting, now, nextFound);
    if (status === 'next') nextFound = true;
    const planned: PlannedMeeting = { ...meeting, status };
    const rep = boardRepresentative(boardRep, members, meeting, firstStartYear);
    if (rep) planned.boardRep = rep;
    if (meeting.cancelled || members.length === 0) {
      return planned;
    }

    const host = chooseHost(meeting, members, ordered.slice(sequence + 1), standing);
    const current = standing.get(host.id) ?? { hosted: 0, waitingSince: -1 };
    standing.set(host.id, { hosted: current.hosted + 1, waitingSince: sequence });
    planned.host = host;

    const minutes = chooseMinuteTaker(meeting, host, previousHost, members);
    if (minutes.school) planned.minuteTaker = minutes.school;
    if (minutes.note) planned.minuteTakerNote = minutes.note;
    previousHost = host;
    return planned;
  });
}

function enterNewMembers(members: readonly RotaSchool[], standing: Map<string, Standing>, sequence: number) {
  const known = members.filter((s) => standing.has(s.id));
  const fewest = known.length > 0 ? Math.min(...known.map((s) => standing.get(s.id)?.hosted ?? 0)) : 0;
  for (const school of members) {
    if (!standing.has(school.id)) {
      // Founding members all start equal; a later joiner queues behind everyone already waiting.
      standing.set(school.id, { hosted: fewest, waitingSince: school.joinedOn ? sequence - 0.5 : -1 });
    }
  }
}

function statusOf(meeting: ScheduledMeeting, now: Date, nextFound: boolean): PlannedMeeting['status'] {
  if (meeting.cancelled) return 'cancelled';
  if (meeting.startsAt.getTime() <= now.getTime()) return 'held';
  return nextFound ? 'upcoming' : 'next';
}

function chooseHost(
  meeting: ScheduledMeeting,
  members: readonly RotaSchool[],
  later: readonly ScheduledMeeting[],
  standing: Map<string, Standing>,
): RotaSchool {
  const override = members.find((s) => s.id === meeting.hostOverride);
  if (override) return override;
  const reserved = new Set(
    later
      .filter((m) => !m.cancelled && m.hostOverride)
      .filter((m) => members.some((s) => s.id === m.hostOverride && isMemberOn(s, m.date)))
      .map((m) => m.hostOverride),
  );
  const candidates = members.filter((s) => !reserved.has(s.id));
  const pool = candidates.length > 0 ? candidates : members;
  return [...pool].sort((a, b) => {
    const sa = standing.get(a.id) ?? { hosted: 0, waitingSince: -1 };
    const sb = standing.get(b.id) ?? { hosted: 0, waitingSince: -1 };
    return sa.hosted - sb.hosted || sa.waitingSince - sb.waitingSince || a.position - b.position;
  })[0] as RotaSchool;
}

/**
 * The previous meeting's host takes the minutes. For the first meeting, or when that school has
 * left or sent apologies, the next school in the rota order after it does, and the rota says so.
 */
function chooseMinuteTaker(
  meeting: ScheduledMeeting,
  host: RotaSchool,
  previousHost: RotaSchool | undefined,
  members: readonly RotaSchool[],
): { school?: RotaSchool; note?: string } {
  const apologies = new Set(meeting.apologies ?? []);
  let reason: string | undefined;
  if (!previousHost) reason = 'first meeting, so no previous host';
  else if (!members.some((s) => s.id === previousHost.id))
    reason = `${previousHost.name} has left the cluster`;
  else if (apologies.has(previousHost.id)) reason = `${previousHost.name} (previous host) sent apologies`;
  else if (previousHost.id === host.id) reason = `${host.name} is hosting again`;
  if (!reason && previousHost) return { school: previousHost };

  const from = previousHost ?? host;
  const rotation = [...members].sort((a, b) => a.position - b.position);
  const after = rotation
    .filter((s) => s.position > from.position)
    .concat(rotation.filter((s) => s.position <= from.position));
  const fallback = after.find((s) => s.id !== host.id && !apologies.has(s.id));
  return fallback
    ? { school: fallback, note: `${reason}: next school in the rota takes the minutes` }
    : { note: `${reason}: no other school is free to take the minutes` };
}

function boardRepresentative(
  rule: BoardRepRule,
  members: readonly RotaSchool[],
  meeting: ScheduledMeeting,
  firstStartYear: number,
): RotaSchool | undefined {
  if (rule.kind === 'fixed') return members.find((s) => s.id === rule.schoolId);
  if (members.length === 0) return undefined;
  const years = startYearOf(meeting.year) - firstStartYear;
  const turn = rule.kind === 'rotate-yearly' ? years : years * 3 + termOf(meeting.halfTerm);
  return members[turn % members.length];
}
