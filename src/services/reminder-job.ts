import { isOverdue } from '../domain/actions/cluster-action';
import { schoolDays } from '../domain/calendar/school-days';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { planSlots, slotsFor } from '../domain/reminders/reminder-slots';
import { buildRota } from '../domain/rota/build-rota';
import { addDays } from '../domain/time/local-date';
import { londonToInstant, londonWallClock } from '../domain/time/london-time';
import { inParallel } from './in-parallel';
import type { ClusterNotices } from './notices-port';
import type { ClusterStore } from './ports';
import type { RsvpService } from './rsvp-service';
import { SlotRunner, type SlotRunnerDependencies, type TickReport } from './slot-runner';

export type { TickReport } from './slot-runner';

export const DEFAULT_REMINDER_TIME = '09:00';
const DAY = 86_400_000;
/** Enough in flight to keep a county round at Teams' pace when each send takes a few hundred ms. */
const CLUSTERS_AT_ONCE = 4;

export interface ReminderJobDependencies extends SlotRunnerDependencies {
  store: ClusterStore;
  rsvp: RsvpService;
  notices: ClusterNotices;
}

/**
 * One round of scheduled work, driven by what is in storage: every cluster's due reminders,
 * nudges and summaries are claimed (once, across instances), sent, and recorded. Restarting
 * catches up; a second instance running the same round sends nothing twice.
 */
export class ReminderJob {
  private readonly slots: SlotRunner;

  constructor(private readonly deps: ReminderJobDependencies) {
    this.slots = new SlotRunner(deps);
  }

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

  /**
   * Clusters side by side, a few at a time (the messenger keeps the tenant inside Teams' limits);
   * one cluster's failure is logged and the round goes on with the others.
   */
  private async runClusters(clusterIds: string[], failure: string): Promise<TickReport> {
    const report: TickReport = { clusters: 0, sent: [], dropped: [], retrying: [] };
    await inParallel(clusterIds, CLUSTERS_AT_ONCE, async (clusterId) => {
      report.clusters++;
      try {
        await this.runCluster(clusterId, report);
      } catch (error) {
        this.deps.log?.('error', { clusterId, err: error }, failure);
      }
    });
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
      slotsFor(near, cluster.profile.reminderTime ?? DEFAULT_REMINDER_TIME, schoolDays(cluster.calendars)),
      finished,
      now,
    );
    await this.remindOverdueActions(cluster, finished, now, report);
    for (const { slot, reason } of plan.drop) {
      await this.deps.ledger.finish(clusterId, slot.id, 'dropped', now, reason);
      report.dropped.push(slot.id);
    }
    for (const slot of plan.send) {
      await this.slots.claimAndRun(clusterId, slot.id, now, report, async () => {
        const attendance = await this.deps.rsvp.attendance(clusterId, slot.meetingId);
        if (!attendance.ok) return { outcome: 'dropped', note: attendance.problem };
        return {
          outcome: 'sent',
          note: await this.deps.notices.meetingSlot(
            this.slots.onceFor(clusterId, slot.id),
            cluster,
            slot,
            attendance.value,
            now,
          ),
        };
      });
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
      await this.slots.claimAndRun(clusterId, slotId, now, report, async () => ({
        outcome: 'sent',
        note: await this.deps.notices.actionOverdue(this.slots.onceFor(clusterId, slotId), cluster, action),
      }));
    }
  }
}
