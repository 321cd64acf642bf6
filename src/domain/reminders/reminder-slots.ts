import { schoolDays, schoolDaysBefore } from '../calendar/school-days';
import type { PlannedMeeting } from '../rota/rota-types';
import { addDays, type LocalDate } from '../time/local-date';
import { londonToInstant } from '../time/london-time';

/**
 * The sends each meeting needs, as slots in time: the reminder a week before (seed 002: the host
 * circulates reminders one week prior), a nudge to schools that have not answered two school
 * days before, and the chair's attendance summary the school day before. All at the cluster's reminder time,
 * London time.
 */
export type SlotKind = 'reminder' | 'nudge' | 'summary';

export const DAYS_BEFORE: Record<SlotKind, number> = { reminder: 7, nudge: 2, summary: 1 };

export interface ReminderSlot {
  /** Stable and unique: the meeting and its date, so a moved meeting gets fresh slots. */
  id: string;
  kind: SlotKind;
  meetingId: string;
  dueAt: Date;
  meetingStartsAt: Date;
}

/**
 * The day each send is due: the reminder a week before (or the school day before that, if it
 * falls in a holiday), the nudge two school days before, the summary the school day before.
 */
export function slotDay(
  meetingDate: LocalDate,
  kind: SlotKind,
  isSchoolDay: (d: LocalDate) => boolean,
): LocalDate {
  return kind === 'reminder'
    ? schoolDaysBefore(addDays(meetingDate, -DAYS_BEFORE.reminder), 0, isSchoolDay)
    : schoolDaysBefore(meetingDate, DAYS_BEFORE[kind], isSchoolDay);
}

export function slotsFor(
  meetings: readonly PlannedMeeting[],
  reminderTime: string,
  isSchoolDay: (d: LocalDate) => boolean = schoolDays([]),
): ReminderSlot[] {
  return meetings
    .filter((m) => !m.cancelled)
    .flatMap((meeting) =>
      (Object.keys(DAYS_BEFORE) as SlotKind[]).map((kind) => ({
        // The id stays the meeting's and its date's: the day a slot falls on may move, the slot does not.
        id: `${meeting.id}|${meeting.date}|${kind}`,
        kind,
        meetingId: meeting.id,
        dueAt: londonToInstant(slotDay(meeting.date, kind, isSchoolDay), reminderTime),
        meetingStartsAt: meeting.startsAt,
      })),
    );
}

export interface SlotPlan {
  /** Due now and still worth sending, earliest first. */
  send: ReminderSlot[];
  /** Never to be sent (meeting already started, or overtaken by a later slot); recorded as dropped. */
  drop: Array<{ slot: ReminderSlot; reason: string }>;
}

/** How far back to look for slots to drop: older ones were dealt with long ago. */
const LOOK_BACK_MS = 14 * 86_400_000;

/**
 * Which slots to act on now. After downtime the bot catches up on anything due whose meeting is
 * still ahead; slots of meetings that have started are dropped. A nudge due in the same tick as
 * its own reminder is dropped too: the reminder already asks for an answer.
 */
export function planSlots(
  slots: readonly ReminderSlot[],
  finished: ReadonlySet<string>,
  now: Date,
): SlotPlan {
  const open = slots.filter((s) => !finished.has(s.id) && s.dueAt.getTime() <= now.getTime());
  const send: ReminderSlot[] = [];
  const drop: SlotPlan['drop'] = [];
  for (const slot of open) {
    if (slot.meetingStartsAt.getTime() <= now.getTime()) {
      if (now.getTime() - slot.meetingStartsAt.getTime() <= LOOK_BACK_MS) {
        drop.push({ slot, reason: 'the meeting had already started' });
      }
      continue;
    }
    send.push(slot);
  }
  const remindersNow = new Set(send.filter((s) => s.kind === 'reminder').map((s) => s.meetingId));
  return {
    send: send
      .filter((s) => {
        if (s.kind === 'nudge' && remindersNow.has(s.meetingId)) {
          drop.push({ slot: s, reason: 'the reminder was only just sent' });
          return false;
        }
        return true;
      })
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    drop,
  };
}
