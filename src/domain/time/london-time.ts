import type { LocalDate } from './local-date';

/**
 * Europe/London wall-clock time <-> instants. Meetings are agreed in local time ("13:30 on
 * Tuesday"), so a 13:30 meeting stays at 13:30 either side of the October and March clock changes.
 */
const ZONE = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
/** London's offset from UTC for each UTC hour asked about: clocks change only on the hour. */
const offsets = new Map<number, number>();

function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const on = new Date(hour * HOUR_MS);
    const parts = Object.fromEntries(partsFormatter.formatToParts(on).map((p) => [p.type, p.value]));
    offset =
      Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) -
      on.getTime();
    if (offsets.size > 50_000) offsets.clear(); // a bound, never reached in practice
    offsets.set(hour, offset);
  }
  return offset;
}

function wallClockOf(instant: Date): { date: LocalDate; time: string; asUtcMs: number } {
  // Formatting is costly and a turn formats hundreds of dates: the offset is looked up per hour.
  const asUtcMs = instant.getTime() + offsetAt(instant.getTime());
  const iso = new Date(asUtcMs).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), asUtcMs: asUtcMs - (asUtcMs % 1000) };
}

/** The instant at which London's clocks show `time` on `date`. */
export function londonToInstant(date: LocalDate, time: string): Date {
  const wanted = Date.parse(`${date}T${time}:00Z`);
  // London is UTC or UTC+1: try the offset in force at the guess, then correct once.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const offset = wallClockOf(new Date(guess)).asUtcMs - guess;
    guess = wanted - offset;
  }
  return new Date(guess);
}

/** The London calendar date and HH:MM of an instant. */
export function londonWallClock(instant: Date): { date: LocalDate; time: string } {
  const { date, time } = wallClockOf(instant);
  return { date, time };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 13 Oct 2026" */
export function formatLocalDate(date: LocalDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7];
  return `${weekday} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Tue 13 Oct 2026, 13:30" in London time, the way our users write dates. */
export function formatLondon(instant: Date): string {
  const { date, time } = londonWallClock(instant);
  return `${formatLocalDate(date)}, ${time}`;
}
