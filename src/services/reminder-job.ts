import { renderReminderCard } from '../cards/reminder-card';
import { isOverdue } from '../domain/actions/cluster-action';
import type { Clock } from '../domain/clock';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { planSlots, type ReminderSlot, slotsFor } from '../domain/reminders/reminder-slots';
import { addDays } from '../domain/time/local-date';
import { formatLocalDate, formatLondon, londonToInstant, londonWallClock } from '../domain/time/london-time';
import type { ClusterStore, Messenger, OutgoingMessage, SendOutcome, SlotLedger } from './ports';
import { countTally, describeTally, reminderCardData } from './reminder-view';
import { buildRota } from './rota-builder';
import type { MeetingAttendance, RsvpService } from './rsvp-service';

export const DEFAULT_REMINDER_TIME = '09:00';
const DAY = 86_400_000;

export interface ReminderJobDependencies {
  store: ClusterStore;
  ledger: SlotLedger;
  rsvp: RsvpService;
  messenger: Messenger;
  clock: Clock;
  /** Who is claiming (for the ledger and the logs): host name and process id. */
  instance: string;
  /** How long a claim stays ours before another instance may take over (it crashed). */
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
    const report: TickReport = { clusters: 0, sent: [], dropped: [], retrying: [] };
    for (const clusterId of await this.deps.store.listClusterIds()) {
      report.clusters++;
      try {
        await this.runCluster(clusterId, report);
      } catch (error) {
        this.deps.log?.('error', { clusterId, err: error }, 'reminder round failed for a cluster');
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
      if (
        !(await this.deps.ledger.claim(
          clusterId,
          slot.id,
          this.deps.instance,
          now,
          this.deps.leaseMs ?? 10 * 60_000,
        ))
      ) {
        continue; // another instance has it
      }
      try {
        const attendance = await this.deps.rsvp.attendance(clusterId, slot.meetingId);
        if (!attendance.ok) {
          await this.deps.ledger.finish(clusterId, slot.id, 'dropped', now, attendance.problem);
          report.dropped.push(slot.id);
          continue;
        }
        const note = await this.deliver(cluster, slot, attendance.value, now);
        await this.deps.ledger.finish(clusterId, slot.id, 'sent', this.deps.clock(), note);
        report.sent.push(slot.id);
        this.deps.log?.('info', { clusterId, slot: slot.id, note }, 'scheduled send done');
      } catch (error) {
        // Left claimed: once the lease runs out a later round retries, skipping recipients already reached.
        report.retrying.push(slot.id);
        this.deps.log?.('warn', { clusterId, slot: slot.id, err: error }, 'scheduled send will be retried');
      }
    }
  }

  private async deliver(
    cluster: ClusterSnapshot,
    slot: ReminderSlot,
    attendance: MeetingAttendance,
    now: Date,
  ) {
    const { meeting, tally } = attendance;
    const when = formatLondon(meeting.startsAt);
    const position = new Map(cluster.schools.filter((s) => !s.leftOn).map((s) => [s.id, s.position]));
    // Heads of member schools, in rota order.
    const heads = cluster.people
      .filter(
        (p) => p.schoolId && (p.role === 'head' || p.role === 'cluster-lead') && position.has(p.schoolId),
      )
      .sort((a, b) => (position.get(a.schoolId ?? '') ?? 0) - (position.get(b.schoolId ?? '') ?? 0));
    switch (slot.kind) {
      case 'reminder': {
        const withoutChat: Array<{ userId: string; name: string }> = [];
        for (const head of heads) {
          const card = renderReminderCard(reminderCardData(attendance, now, { userId: head.userId }));
          const result = await this.once(cluster, slot, `person:${head.userId}`, () =>
            this.deps.messenger.sendToPerson(cluster.profile.place.tenantId, head.userId, {
              card,
              summary: `${cluster.profile.name} meeting ${when}: please answer for your school`,
            }),
          );
          if (result === 'no-chat') withoutChat.push({ userId: head.userId, name: head.name });
        }
        await this.once(cluster, slot, 'channel', () =>
          this.deps.messenger.postToCluster(cluster.profile.place, {
            card: renderReminderCard(reminderCardData(attendance, now)),
            text: withoutChat.length ? 'Please answer for your school on the card:' : undefined,
            mentions: withoutChat,
            summary: `Reminder: ${cluster.profile.name} heads' meeting ${when}`,
          } as OutgoingMessage),
        );
        return `reminder: channel and ${heads.length - withoutChat.length} personal chat(s); ${withoutChat.length} mentioned`;
      }
      case 'nudge': {
        const unanswered = cluster.schools
          .filter((s) => tally.noAnswer.includes(s.name))
          .sort((a, b) => a.position - b.position);
        if (unanswered.length === 0) return 'nudge: every school has answered';
        const mentions = heads
          .filter((h) => unanswered.some((s) => s.id === h.schoolId))
          .map((h) => ({ userId: h.userId, name: h.name }));
        await this.once(cluster, slot, 'channel', () =>
          this.deps.messenger.postToCluster(cluster.profile.place, {
            text: `Two days to the ${cluster.profile.name} meeting (${when}). We still need answers from ${unanswered.map((s) => s.name).join(', ')}: please use the reminder card.`,
            mentions,
            summary: `${cluster.profile.name}: ${unanswered.length} school(s) still to answer`,
          }),
        );
        return `nudge: ${unanswered.length} school(s), ${mentions.length} mentioned`;
      }
      case 'summary': {
        const chairs = heads.filter((h) => h.schoolId === meeting.host?.id);
        const full = `Attendance for tomorrow's ${cluster.profile.name} meeting (${when}).\n\n${describeTally(tally)}`;
        const fallback: Array<{ userId: string; name: string }> = [];
        for (const chair of chairs) {
          const result = await this.once(cluster, slot, `person:${chair.userId}`, () =>
            this.deps.messenger.sendToPerson(cluster.profile.place.tenantId, chair.userId, {
              text: full,
              summary: `Attendance for ${cluster.profile.name} tomorrow`,
            }),
          );
          if (result === 'no-chat') fallback.push({ userId: chair.userId, name: chair.name });
        }
        if (fallback.length > 0 || chairs.length === 0) {
          // In the channel only the counts: reasons for apologies are for the chair's eyes.
          await this.once(cluster, slot, 'channel', () =>
            this.deps.messenger.postToCluster(cluster.profile.place, {
              text: `Tomorrow's ${cluster.profile.name} meeting (${when}). ${countTally(tally)} The chair can open the reminder card for the full list.`,
              mentions: fallback,
              summary: `${cluster.profile.name} attendance for tomorrow`,
            }),
          );
        }
        return `summary: ${chairs.length - fallback.length} chair chat(s), ${fallback.length ? 'channel fallback' : 'no channel post'}`;
      }
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
      const slot: ReminderSlot = {
        id: `action|${action.id}|overdue|${action.due}`,
        kind: 'reminder',
        meetingId: '',
        dueAt: londonToInstant(addDays(action.due, 1), reminderTime),
        meetingStartsAt: now,
      };
      if (finished.has(slot.id) || slot.dueAt.getTime() > now.getTime()) continue;
      if (
        !(await this.deps.ledger.claim(
          clusterId,
          slot.id,
          this.deps.instance,
          now,
          this.deps.leaseMs ?? 10 * 60_000,
        ))
      )
        continue;
      try {
        const school = cluster.schools.find((s) => s.id === action.ownerSchoolId)?.name ?? 'its owner';
        const owners = action.ownerPerson
          ? [action.ownerPerson]
          : cluster.people
              .filter((p) => p.schoolId === action.ownerSchoolId)
              .map((p) => ({ userId: p.userId, name: p.name }));
        const text = `Action ${action.id} for ${school} was due on ${formatLocalDate(action.due)}: ${action.title}. Please update it (/action ${action.id} done, or in progress).`;
        const withoutChat: Array<{ userId: string; name: string }> = [];
        for (const owner of owners) {
          const sent = await this.once(cluster, slot, `person:${owner.userId}`, () =>
            this.deps.messenger.sendToPerson(cluster.profile.place.tenantId, owner.userId, {
              text,
              summary: `Action ${action.id} is overdue`,
            }),
          );
          if (sent === 'no-chat') withoutChat.push(owner);
        }
        if (owners.length === 0 || withoutChat.length > 0) {
          await this.once(cluster, slot, 'channel', () =>
            this.deps.messenger.postToCluster(cluster.profile.place, {
              text,
              mentions: withoutChat,
              summary: `Action ${action.id} is overdue`,
            }),
          );
        }
        await this.deps.ledger.finish(
          clusterId,
          slot.id,
          'sent',
          this.deps.clock(),
          `overdue action: ${owners.length} owner(s)`,
        );
        report.sent.push(slot.id);
      } catch (error) {
        report.retrying.push(slot.id);
        this.deps.log?.('warn', { clusterId, slot: slot.id, err: error }, 'overdue reminder will be retried');
      }
    }
  }

  /**
   * Sends to one recipient at most once per slot. 'gone' (bot removed, person left) is recorded
   * and not retried; a failure that may pass leaves the slot for a later round.
   */
  private async once(
    cluster: ClusterSnapshot,
    slot: ReminderSlot,
    recipient: string,
    send: () => Promise<SendOutcome | 'no-chat'>,
  ): Promise<SendOutcome | 'no-chat' | 'already'> {
    const clusterId = cluster.profile.id;
    if (await this.deps.ledger.delivered(clusterId, slot.id, recipient)) return 'already';
    const result = await send();
    if (result === 'no-chat') return result;
    if (!result.ok && result.reason === 'failed') throw new RetryLater(`${recipient}: ${result.detail}`);
    await this.deps.ledger.markDelivered(clusterId, slot.id, recipient, this.deps.clock());
    return result;
  }
}
