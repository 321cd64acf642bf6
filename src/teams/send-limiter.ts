/**
 * Sliding windows over the messages this instance has sent: per conversation (Teams allows 7 a
 * second and 60 in 30 seconds) and per tenant (Teams allows about 50 requests a second per app
 * and tenant; see tenant-pacer.ts for how that is shared between instances).
 */
export interface Window {
  limit: number;
  perMs: number;
}

export const PER_CONVERSATION: Window[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 60, perMs: 30_000 },
];

const LONGEST_WINDOW_MS = 30_000;

export class SendLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly flying = new Map<string, Set<object>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Waits until a message to `conversation` may go (and, if given, one more to the tenant), then
   * counts it. Teams counts a message when it arrives, which can be a while after it left, so a
   * message counts as sent "now" until `done()` says it has been answered, and from then on at the
   * time it was answered: the window never moves on before Teams has seen what is in it.
   */
  async acquire(conversation: string, tenant?: { key: string; windows: Window[] }): Promise<() => void> {
    const keys: Array<[string, Window[]]> = [[`c:${conversation}`, PER_CONVERSATION]];
    if (tenant) keys.push([tenant.key, tenant.windows]);
    for (;;) {
      const wait = Math.max(...keys.map(([key, windows]) => this.waitFor(key, windows)));
      if (wait <= 0) break;
      await this.sleep(wait);
    }
    // No await between the check above and the count below: callers side by side cannot both slip in.
    const token = {};
    for (const [key] of keys) this.inFlight(key).add(token);
    return () => {
      const at = this.now();
      for (const [key] of keys) {
        if (this.inFlight(key).delete(token)) this.record(key, [at]);
      }
    };
  }

  /** Sends another instance made just before this one took over the tenant: they count too. */
  seed(key: string, times: readonly number[]): void {
    this.record(key, times);
  }

  /** When this instance sent to `key` within the last `withinMs`. */
  recent(key: string, withinMs: number): number[] {
    const at = this.now();
    return (this.sent.get(key) ?? []).filter((t) => at - t < withinMs);
  }

  private inFlight(key: string): Set<object> {
    let set = this.flying.get(key);
    if (!set) {
      set = new Set();
      this.flying.set(key, set);
    }
    return set;
  }

  private record(key: string, times: readonly number[]): void {
    const at = this.now();
    const kept = [...(this.sent.get(key) ?? []), ...times].filter((t) => at - t < LONGEST_WINDOW_MS);
    this.sent.set(
      key,
      kept.sort((a, b) => a - b),
    );
  }

  private waitFor(key: string, windows: Window[]): number {
    const at = this.now();
    // Messages still in flight count as sent this instant.
    const flying = this.flying.get(key)?.size ?? 0;
    const times = [...(this.sent.get(key) ?? []), ...Array<number>(flying).fill(at)];
    let wait = 0;
    for (const { limit, perMs } of windows) {
      const recent = times.filter((t) => at - t < perMs);
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit] ?? at;
        wait = Math.max(wait, oldest + perMs - at + 1);
      }
    }
    return wait;
  }
}
