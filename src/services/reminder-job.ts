import { isOverdue } from '../domain/actions/cluster-action';
import type { Clock } from '../domain/clock';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { planSlots, slotsFor } from '../domain/reminders/reminder-slots';
import { buildRota } from '../domain/rota/build-rota';
import { addDays } from '../domain/time/local-date';
import { londonToInstant, londonWallClock } from '../domain/time/london-time';
import type { ClusterNotices, ClusterStore, SendOnce, SendOutcome, SlotLedger } from './ports';
import type { RsvpService } from './rsvp-service';

export const DEFAULT_REMINDER_TIME = '09:00';
const DEFAULT_LEASE_MS = 60_000;
const DAY = 86_400_000;

export interface ReminderJobDependencies {
  store: ClusterStore;
  ledger: SlotLedger;
  rsvp: RsvpService;
  notices: ClusterNotices;
  clock: Clock;
  /**
   * Who is claiming: stable across a restart of the same instance (App Service's instance id, or
   * the host name), so a restarted instance takes its own unfinished claims straight back.
   */
  instance: string;
  /**
   * How long a claim stays ours without renewal (default 60 s). It is renewed every third of
   * that while the work goes on, so only a dead instance's claim lapses, and soon.
   */
  leaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) => void;
}

export interface TickReport {
  clusters: number;
  sent: string[];
  dropped: string[];
  /** Slots left claimed for a later retry (a recipient could not be reached for now). */
  retrying: string[];
}

class RetryLater extends Error {}

/**
 * One round of scheduled work, driven by what is in storage: every cluster's due reminders,
 * nudges and summaries are claimed (once, across instances), sent, and recorded. Restarting
 * catches up; a second instance running the same round sends nothing twice.
 */
export class ReminderJob {
  constructor(private readonly deps: ReminderJobDependencies) {}

  async tick(): Promise<TickReport> {
    return this.runClusters(await this.deps.store.listClusterIds(), 'reminder round failed for a cluster');
  }

  /**
   * Picks up rounds an instance died in the middle of (their claims lapsed): one query, usually
   * empty, cheap enough to run every minute so the rest of a round goes out within two minutes.
   */
  async resumeLapsed(): Promise<TickReport> {
    const lapsed = await this.deps.ledger.clustersWithLapsedClaims(this.deps.clock());
    return this.runClusters(lapsed, 'resuming a lapsed round failed for a cluster');
  }

  /** One cluster's failure is logged and the round goes on with the next. */
  private async runClusters(clusterIds: string[], failure: string): Promise<TickReport> {
    const report: TickReport = { clusters: 0, sent: [], dropped: [], retrying: [] };
    for (const clusterId of clusterIds) {
      report.clusters++;
      try {
        await this.runCluster(clusterId, report);
      } catch (error) {
        this.deps.log?.('error', { clusterId, err: error }, failure);
      }
    }
    return report;
  }

  private async runCluster(clusterId: string, report: TickReport): Promise<void> {
    const stored = await this.deps.store.load(clusterId);
    if (!stored) return;
    const cluster = stored.value;
    const now = this.deps.clock();
    const near = buildRota(cluster, now).meetings.filter(
      (m) =>
        m.startsAt.getTime() > now.getTime() - 14 * DAY && m.startsAt.getTime() < now.getTime() + 8 * DAY,
    );
    const finished = await this.deps.ledger.finished(clusterId);
    const plan = planSlots(
      slotsFor(near, cluster.profile.reminderTime ?? DEFAULT_REMINDER_TIME),
      finished,
      now,
    );
    await this.remindOverdueActions(cluster, finished, now, report);
    for (const { slot, reason } of plan.drop) {
      await this.deps.ledger.finish(clusterId, slot.id, 'dropped', now, reason);
      report.dropped.push(slot.id);
    }
    for (const slot of plan.send) {
      await this.claimAndRun(clusterId, slot.id, now, report, async () => {
        const attendance = await this.deps.rsvp.attendance(clusterId, slot.meetingId);
        if (!attendance.ok) return { outcome: 'dropped', note: attendance.problem };
        return {
          outcome: 'sent',
          note: await this.deps.notices.meetingSlot(
            this.onceFor(clusterId, slot.id),
            cluster,
            slot,
            attendance.value,
            now,
          ),
        };
      });
    }
  }

  /**
   * Claims a slot (once across instances), runs it and records how it ended. If it throws, the
   * claim is left: once the lease runs out a later round retries it, skipping recipients already
   * reached.
   */
  private async claimAndRun(
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

  /** One reminder per overdue action, the morning after its due date, to its owners. */
  private async remindOverdueActions(
    cluster: ClusterSnapshot,
    finished: Set<string>,
    now: Date,
    report: TickReport,
  ) {
    const clusterId = cluster.profile.id;
    const reminderTime = cluster.profile.reminderTime ?? DEFAULT_REMINDER_TIME;
    const today = londonWallClock(now).date;
    for (const action of cluster.actions.filter((a) => isOverdue(a, today))) {
      const slotId = `action|${action.id}|overdue|${action.due}`;
      const dueAt = londonToInstant(addDays(action.due, 1), reminderTime);
      if (finished.has(slotId) || dueAt.getTime() > now.getTime()) continue;
      await this.claimAndRun(clusterId, slotId, now, report, async () => ({
        outcome: 'sent',
        note: await this.deps.notices.actionOverdue(this.onceFor(clusterId, slotId), cluster, action),
      }));
    }
  }

  /** Sending for this slot: once per recipient, remembered in the ledger. */
  private onceFor(clusterId: string, slotId: string): SendOnce {
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
