import type { Clock } from '../domain/clock';
import type { SendOnce, SendOutcome } from './notices-port';
import type { SlotLedger } from './ports';

const DEFAULT_LEASE_MS = 60_000;

export interface TickReport {
  clusters: number;
  sent: string[];
  dropped: string[];
  /** Slots left claimed for a later retry (a recipient could not be reached for now). */
  retrying: string[];
}

export interface SlotRunnerDependencies {
  ledger: SlotLedger;
  clock: Clock;
  /** Who is claiming (stable across a restart of the same instance). */
  instance: string;
  /** How long a claim stays ours without renewal (default 60 s); renewed every third of it. */
  leaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) => void;
}

class RetryLater extends Error {}

/**
 * Scheduled sends as stored state: a slot is claimed once across instances, kept while its work
 * goes on, recorded when done; each recipient is recorded as reached, so a retry skips them.
 */
export class SlotRunner {
  constructor(private readonly deps: SlotRunnerDependencies) {}

  /**
   * Claims a slot (once across instances), runs it and records how it ended. If it throws, the
   * claim is left: once the lease runs out a later round retries it, skipping recipients already
   * reached.
   */
  async claimAndRun(
    clusterId: string,
    slotId: string,
    now: Date,
    report: TickReport,
    run: () => Promise<{ outcome: 'sent' | 'dropped'; note: string }>,
  ): Promise<void> {
    const leaseMs = this.deps.leaseMs ?? DEFAULT_LEASE_MS;
    if (!(await this.deps.ledger.claim(clusterId, slotId, this.deps.instance, now, leaseMs))) {
      return; // another instance has it
    }
    const heartbeat = setInterval(() => {
      this.deps.ledger.renew(clusterId, slotId, this.deps.instance, this.deps.clock(), leaseMs).then(
        (kept) => {
          if (!kept) this.deps.log?.('warn', { clusterId, slot: slotId }, 'scheduled send claim lost');
        },
        (error: unknown) =>
          this.deps.log?.(
            'warn',
            { clusterId, slot: slotId, err: error },
            'scheduled send claim not renewed',
          ),
      );
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      const { outcome, note } = await run();
      await this.deps.ledger.finish(clusterId, slotId, outcome, this.deps.clock(), note);
      (outcome === 'sent' ? report.sent : report.dropped).push(slotId);
      this.deps.log?.('info', { clusterId, slot: slotId, note }, `scheduled send ${outcome}`);
    } catch (error) {
      report.retrying.push(slotId);
      this.deps.log?.('warn', { clusterId, slot: slotId, err: error }, 'scheduled send will be retried');
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Sending for this slot: once per recipient, remembered in the ledger. */
  onceFor(clusterId: string, slotId: string): SendOnce {
    return (recipient, send) => this.once(clusterId, slotId, recipient, send);
  }

  /**
   * Sends to one recipient at most once per slot. 'gone' (bot removed, person left) is recorded
   * and not retried; a failure that may pass leaves the slot for a later round.
   */
  private async once(
    clusterId: string,
    slotId: string,
    recipient: string,
    send: () => Promise<SendOutcome | 'no-chat'>,
  ): Promise<SendOutcome | 'no-chat' | 'already'> {
    if (await this.deps.ledger.delivered(clusterId, slotId, recipient)) return 'already';
    const result = await send();
    if (result === 'no-chat') return result;
    if (!result.ok && result.reason === 'failed') throw new RetryLater(`${recipient}: ${result.detail}`);
    await this.deps.ledger.markDelivered(clusterId, slotId, recipient, this.deps.clock());
    return result;
  }
}
