import { isOverdue } from '../domain/actions/cluster-action';
import type { Clock } from '../domain/clock';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { planSlots, slotsFor } from '../domain/reminders/reminder-slots';
import { addDays } from '../domain/time/local-date';
import { formatLocalDate, londonToInstant, londonWallClock } from '../domain/time/london-time';
import { type Delivery, deliverMeetingSlot } from './meeting-slot-delivery';
import type { ClusterStore, Messenger, SendOutcome, SlotLedger } from './ports';
import { buildRota } from './rota-builder';
import type { RsvpService } from './rsvp-service';

export const DEFAULT_REMINDER_TIME = '09:00';
const DEFAULT_LEASE_MS = 60_000;
const DAY = 86_400_000;

export interface ReminderJobDependencies {
  store: ClusterStore;
  ledger: SlotLedger;
  rsvp: RsvpService;
  messenger: Messenger;
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
          note: await deliverMeetingSlot(
            this.delivery(clusterId, slot.id),
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
      await this.claimAndRun(clusterId, slotId, now, report, async () => {
        const school = cluster.schools.find((s) => s.id === action.ownerSchoolId)?.name ?? 'its owner';
        const owners = action.ownerPerson
          ? [action.ownerPerson]
          : cluster.people
              .filter((p) => p.schoolId === action.ownerSchoolId)
              .map((p) => ({ userId: p.userId, name: p.name }));
        const text = `Action ${action.id} for ${school} was due on ${formatLocalDate(action.due)}: ${action.title}. Please update it (/action ${action.id} done, or in progress).`;
        const withoutChat: Array<{ userId: string; name: string }> = [];
        for (const owner of owners) {
          const sent = await this.once(clusterId, slotId, `person:${owner.userId}`, () =>
            this.deps.messenger.sendToPerson(cluster.profile.place.tenantId, owner.userId, {
              text,
              summary: `Action ${action.id} is overdue`,
            }),
          );
          if (sent === 'no-chat') withoutChat.push(owner);
        }
        if (owners.length === 0 || withoutChat.length > 0) {
          await this.once(clusterId, slotId, 'channel', () =>
            this.deps.messenger.postToCluster(cluster.profile.place, {
              text,
              mentions: withoutChat,
              summary: `Action ${action.id} is overdue`,
            }),
          );
        }
        return { outcome: 'sent', note: `overdue action: ${owners.length} owner(s)` };
      });
    }
  }

  /** What a delivery may do: send through the messenger, once per recipient for this slot. */
  private delivery(clusterId: string, slotId: string): Delivery {
    return {
      messenger: this.deps.messenger,
      once: (recipient, send) => this.once(clusterId, slotId, recipient, send),
    };
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
