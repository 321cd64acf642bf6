/**
 * Keeps proactive sends inside Teams' limits: per conversation 7 messages a second and 60 in 30
 * seconds; per app and tenant about 50 requests a second. One limiter is shared by everything
 * that sends, so a reminder round for twenty clusters paces itself instead of earning 429s.
 */
export interface Window {
  limit: number;
  perMs: number;
}

export const PER_CONVERSATION: Window[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 60, perMs: 30_000 },
];
export const PER_APP: Window[] = [{ limit: 50, perMs: 1_000 }];

export class SendLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits until a message to `conversation` may go, then counts it. */
  async acquire(conversation: string): Promise<void> {
    for (;;) {
      const wait = Math.max(
        this.waitFor(`c:${conversation}`, PER_CONVERSATION),
        this.waitFor('app', PER_APP),
      );
      if (wait <= 0) break;
      await this.sleep(wait);
    }
    const at = this.now();
    for (const key of [`c:${conversation}`, 'app']) {
      const times = this.sent.get(key) ?? [];
      times.push(at);
      this.sent.set(
        key,
        times.filter((t) => at - t < 30_000),
      );
    }
  }

  private waitFor(key: string, windows: Window[]): number {
    const times = this.sent.get(key) ?? [];
    const at = this.now();
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
