import { renderReminderCard } from '../cards/reminder-card';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import { answersForSchool } from '../domain/clusters/who-may';
import type { ReminderSlot } from '../domain/reminders/reminder-slots';
import type { MeetingAttendance } from '../domain/rsvp/meeting-attendance';
import { formatLondon } from '../domain/time/london-time';
import { inParallel, SENDS_IN_FLIGHT_PER_SLOT } from '../services/in-parallel';
import type { SendOnce } from '../services/notices-port';
import { countTally, describeTally, reminderCardData } from '../views/reminder-view';
import type { Messenger } from './messenger';
import { reachPeople } from './reach-people';

/**
 * The messages of one meeting slot: the reminder (heads' 1:1 chats, the channel with mentions for
 * the rest), the nudge to schools that have not answered, and the chair's summary (counts only if
 * it has to go to the channel: reasons for apologies are for the chair).
 */
export async function deliverMeetingSlot(
  messenger: Messenger,
  once: SendOnce,
  cluster: ClusterSnapshot,
  slot: ReminderSlot,
  attendance: MeetingAttendance,
  now: Date,
): Promise<string> {
  const { meeting, tally } = attendance;
  const { place, name } = cluster.profile;
  const when = formatLondon(meeting.startsAt);
  const position = new Map(cluster.schools.filter((s) => !s.leftOn).map((s) => [s.id, s.position]));
  // Heads of member schools, in rota order.
  const heads = cluster.people
    .filter((p) => answersForSchool(p) && position.has(p.schoolId ?? ''))
    .sort((a, b) => (position.get(a.schoolId ?? '') ?? 0) - (position.get(b.schoolId ?? '') ?? 0));
  switch (slot.kind) {
    case 'reminder': {
      // Each head's card is their own view (their school's answer); the channel's is everyone's.
      const sent = await inParallel(heads, SENDS_IN_FLIGHT_PER_SLOT, (head) =>
        once(`person:${head.userId}`, () =>
          messenger.sendToPerson(place.tenantId, head.userId, {
            card: renderReminderCard(reminderCardData(attendance, now, { userId: head.userId })),
            summary: `${name} meeting ${when}: please answer for your school`,
          }),
        ),
      );
      const withoutChat = heads
        .filter((_, i) => sent[i] === 'no-chat')
        .map((h) => ({ userId: h.userId, name: h.name }));
      await once('channel', () =>
        messenger.postToCluster(place, {
          card: renderReminderCard(reminderCardData(attendance, now)),
          ...(withoutChat.length ? { text: 'Please answer for your school on the card:' } : {}),
          mentions: withoutChat,
          summary: `Reminder: ${name} heads' meeting ${when}`,
        }),
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
      await once('channel', () =>
        messenger.postToCluster(place, {
          text: `The ${name} meeting is on ${when}. We still need answers from ${unanswered.map((s) => s.name).join(', ')}: please use the reminder card.`,
          mentions,
          summary: `${name}: ${unanswered.length} school(s) still to answer`,
        }),
      );
      return `nudge: ${unanswered.length} school(s), ${mentions.length} mentioned`;
    }
    case 'summary': {
      const chairs = heads.filter((h) => h.schoolId === meeting.host?.id);
      const reach = await reachPeople(
        messenger,
        once,
        place,
        chairs,
        {
          text: `Attendance for tomorrow's ${name} meeting (${when}).\n\n${describeTally(tally)}`,
          summary: `Attendance for ${name} tomorrow`,
        },
        // In the channel only the counts: reasons for apologies are for the chair's eyes.
        () => ({
          text: `Tomorrow's ${name} meeting (${when}). ${countTally(tally)} The chair can open the reminder card for the full list.`,
          summary: `${name} attendance for tomorrow`,
        }),
      );
      return `summary: ${reach.privately} chair chat(s), ${reach.inChannel ? 'channel fallback' : 'no channel post'}`;
    }
  }
}
