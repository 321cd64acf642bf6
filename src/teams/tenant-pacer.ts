import type { SendLeases } from '../services/ports';
import { SendLimiter, type Window } from './send-limiter';

/**
 * Teams allows about 50 requests a second per app and tenant, however many instances send. A
 * scheduled round sends under the tenant's sending lease (held in Table storage by one instance at
 * a time) at 45 a second, leaving a tenth for replies and people's own actions elsewhere; the next
 * holder counts the last holder's final second. An instance without the lease sends people's own
 * actions (a published agenda, a guest request) at 2 a second of its own.
 */
export const ROUND_SHARE: Window[] = [{ limit: 45, perMs: 1_000 }];
export const OWN_ALLOWANCE: Window[] = [{ limit: 2, perMs: 1_000 }];
const LEASE_MS = 5_000;
/** A holder with nothing more to send lets the lease go after this long. */
const IDLE_MS = 100;
const POLL_MS = 100;

export type SendKind = 'round' | 'own';

/** The limiter's window for everything this instance sends to a tenant. */
const tenantKey = (tenantId: string) => `t:${tenantId}`;

export class TenantPacer {
  private readonly held = new Map<string, number>();
  private readonly claiming = new Map<string, Promise<void>>();
  private readonly idle = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly sending = new Map<string, number>();

  constructor(
    private readonly leases: SendLeases | undefined,
    private readonly instance: string,
    private readonly limiter: SendLimiter = new SendLimiter(),
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Sends once one more message to `conversationId` in `tenantId` keeps everyone inside Teams' limits. */
  async paced<T>(
    tenantId: string,
    conversationId: string,
    kind: SendKind,
    send: () => Promise<T>,
  ): Promise<T> {
    const leased = kind === 'round' && this.leases !== undefined;
    if (leased) {
      // While anything is being sent the lease is kept: the next holder must see every send.
      this.sending.set(tenantId, (this.sending.get(tenantId) ?? 0) + 1);
      clearTimeout(this.idle.get(tenantId));
      this.idle.delete(tenantId);
    }
    try {
      if (leased) await this.holdLease(tenantId);
      return await this.pacedHere(tenantId, conversationId, send);
    } finally {
      if (leased) {
        const left = (this.sending.get(tenantId) ?? 1) - 1;
        this.sending.set(tenantId, left);
        if (left === 0) this.keepUntilIdle(tenantId);
      }
    }
  }

  private async pacedHere<T>(tenantId: string, conversationId: string, send: () => Promise<T>) {
    const holding = !this.leases || this.held.has(tenantId);
    const done = await this.limiter.acquire(conversationId, {
      key: tenantKey(tenantId),
      windows: holding ? ROUND_SHARE : OWN_ALLOWANCE,
    });
    try {
      return await send();
    } finally {
      done();
    }
  }

  private async holdLease(tenantId: string): Promise<void> {
    const until = this.held.get(tenantId);
    if (until !== undefined && until - this.now() > LEASE_MS / 2) return;
    // Sends side by side share one claim.
    let claim = this.claiming.get(tenantId);
    if (!claim) {
      claim = this.claim(tenantId).finally(() => this.claiming.delete(tenantId));
      this.claiming.set(tenantId, claim);
    }
    await claim;
  }

  private async claim(tenantId: string): Promise<void> {
    const leases = this.leases as SendLeases;
    for (;;) {
      const now = this.now();
      const result = await leases.claim(tenantId, this.instance, now, LEASE_MS);
      if (result.held) {
        // Our own sends are in our limiter already; another holder's are handed over.
        if (result.previousHolder !== this.instance) this.limiter.seed(tenantKey(tenantId), result.recent);
        this.held.set(tenantId, now + LEASE_MS);
        return;
      }
      this.held.delete(tenantId);
      await this.sleep(Math.max(20, Math.min(POLL_MS, result.untilMs - now)) + Math.random() * 25);
    }
  }

  private keepUntilIdle(tenantId: string): void {
    clearTimeout(this.idle.get(tenantId));
    const next = setTimeout(() => {
      this.idle.delete(tenantId);
      void this.release(tenantId);
    }, IDLE_MS);
    next.unref();
    this.idle.set(tenantId, next);
  }

  private async release(tenantId: string): Promise<void> {
    if ((this.sending.get(tenantId) ?? 0) > 0 || !this.held.delete(tenantId) || !this.leases) return;
    const recent = this.limiter.recent(tenantKey(tenantId), 1_000);
    // If this fails the lease simply runs out; nothing is lost.
    await this.leases.release(tenantId, this.instance, recent).catch(() => undefined);
  }
}
