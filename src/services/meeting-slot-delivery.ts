import { renderReminderCard } from '../cards/reminder-card';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import type { ReminderSlot } from '../domain/reminders/reminder-slots';
import { formatLondon } from '../domain/time/london-time';
import type { Messenger, OutgoingMessage, SendOutcome } from './ports';
import { countTally, describeTally, reminderCardData } from './reminder-view';
import type { MeetingAttendance } from './rsvp-service';

/** What a scheduled delivery may do: send, at most once per recipient for its slot. */
export interface Delivery {
  messenger: Messenger;
  once(
    recipient: string,
    send: () => Promise<SendOutcome | 'no-chat'>,
  ): Promise<SendOutcome | 'no-chat' | 'already'>;
}

/**
 * The messages of one meeting slot: the reminder (heads' 1:1 chats, the channel with mentions for
 * the rest), the nudge to schools that have not answered, and the chair's summary (counts only if
 * it has to go to the channel: reasons for apologies are for the chair).
 */
export async function deliverMeetingSlot(
  delivery: Delivery,
  cluster: ClusterSnapshot,
  slot: ReminderSlot,
  attendance: MeetingAttendance,
  now: Date,
): Promise<string> {
  const { meeting, tally } = attendance;
  const when = formatLondon(meeting.startsAt);
  const position = new Map(cluster.schools.filter((s) => !s.leftOn).map((s) => [s.id, s.position]));
  // Heads of member schools, in rota order.
  const heads = cluster.people
    .filter((p) => p.schoolId && (p.role === 'head' || p.role === 'cluster-lead') && position.has(p.schoolId))
    .sort((a, b) => (position.get(a.schoolId ?? '') ?? 0) - (position.get(b.schoolId ?? '') ?? 0));
  switch (slot.kind) {
    case 'reminder': {
      const withoutChat: Array<{ userId: string; name: string }> = [];
      for (const head of heads) {
        const card = renderReminderCard(reminderCardData(attendance, now, { userId: head.userId }));
        const result = await delivery.once(`person:${head.userId}`, () =>
          delivery.messenger.sendToPerson(cluster.profile.place.tenantId, head.userId, {
            card,
            summary: `${cluster.profile.name} meeting ${when}: please answer for your school`,
          }),
        );
        if (result === 'no-chat') withoutChat.push({ userId: head.userId, name: head.name });
      }
      await delivery.once('channel', () =>
        delivery.messenger.postToCluster(cluster.profile.place, {
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
      await delivery.once('channel', () =>
        delivery.messenger.postToCluster(cluster.profile.place, {
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
        const result = await delivery.once(`person:${chair.userId}`, () =>
          delivery.messenger.sendToPerson(cluster.profile.place.tenantId, chair.userId, {
            text: full,
            summary: `Attendance for ${cluster.profile.name} tomorrow`,
          }),
        );
        if (result === 'no-chat') fallback.push({ userId: chair.userId, name: chair.name });
      }
      if (fallback.length > 0 || chairs.length === 0) {
        // In the channel only the counts: reasons for apologies are for the chair's eyes.
        await delivery.once('channel', () =>
          delivery.messenger.postToCluster(cluster.profile.place, {
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
