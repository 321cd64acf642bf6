import type { Clock } from '../../src/domain/clock';

/** A clock the test moves by hand. */
export function fakeClock(start: string | Date): Clock & { set(at: string | Date): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as Clock & { set(at: string | Date): void };
  clock.set = (at) => {
    now = new Date(at);
  };
  return clock;
}
