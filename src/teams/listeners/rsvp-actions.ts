import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderReminderCard } from '../../cards/reminder-card';
import { actorOf } from '../../commands/command-definition';
import type { MeetingAttendance } from '../../domain/rsvp/meeting-attendance';
import type { RsvpAnswer } from '../../domain/rsvp/rsvp';
import { RSVP_VERBS, reminderCardData } from '../../views/reminder-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/** What the reminder card's buttons send back; anything else is a stale or forged card. */
const RsvpData = z.object({
  clusterId: z.string().min(1).max(40),
  meetingId: z.string().min(1).max(20),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  answer: z.enum(['attending', 'apologies', 'deputy']).optional(),
  reason: z.string().trim().max(200).optional(),
  deputyName: z.string().trim().max(100).optional(),
  deputyRole: z.string().trim().max(100).optional(),
});

/**
 * RSVP buttons and per-user refreshes on the reminder card (Universal Actions). The answer is
 * stored per school, and the card that comes back is this person's own view. We send the invoke
 * response ourselves so teams-ai does not overwrite the shared post with one person's view.
 * Everything here is quick (a few storage round trips), well inside Teams' 5 s.
 */
export function registerRsvpActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    [RSVP_VERBS.answer, RSVP_VERBS.refresh],
    async (context, _state, raw) => {
      const log = turnLogger(context, deps.logger);
      const parsed = RsvpData.safeParse(raw ?? {});
      if (!parsed.success) {
        await respond(
          context,
          'This card is out of date. Type /rota in the cluster channel for the current meetings.',
        );
        return 'out of date';
      }
      const data = parsed.data;
      const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb;
      let note: string | undefined;
      let drafts = {};
      let answered: MeetingAttendance | undefined;
      if (verb === RSVP_VERBS.answer) {
        const answer = toAnswer(data);
        if (typeof answer === 'string') note = answer;
        else {
          const actor = actorOf(invocationFrom(context.activity));
          const key = context.activity.id ?? `${actor.userId}:${data.meetingId}:${JSON.stringify(answer)}`;
          const result = await deps.rsvp.answer(
            data.clusterId,
            data.meetingId,
            data.meetingDate,
            actor,
            answer,
            key,
          );
          if (result.ok) answered = result.value.attendance;
          else {
            note = `${result.problem.charAt(0).toUpperCase()}${result.problem.slice(1)}.`;
            // Give the person back what they typed, so they can correct it rather than start again.
            drafts = {
              reason: data.reason ?? '',
              deputyName: data.deputyName ?? '',
              deputyRole: data.deputyRole ?? '',
            };
            if (/has moved to/.test(result.problem))
              note += ' This card now shows the new date: please answer again.';
          }
          log.info({ verb, answer: answer.kind, stored: result.ok }, 'rsvp');
        }
      }
      // An answer brings the meeting as it now stands; anything else reads it.
      const attendance = answered
        ? { ok: true as const, value: answered }
        : await deps.rsvp.attendance(data.clusterId, data.meetingId);
      if (!attendance.ok) {
        await respond(context, `Sorry, ${attendance.problem}.`);
        return attendance.problem;
      }
      const card = renderReminderCard(
        reminderCardData(attendance.value, deps.clock(), { userId: context.activity.from.id }, note, drafts),
      );
      await respond(context, card);
      return card as never;
    },
  );
}

function toAnswer(data: z.infer<typeof RsvpData>): RsvpAnswer | string {
  switch (data.answer) {
    case 'attending':
      return { kind: 'attending' };
    case 'apologies':
      return { kind: 'apologies', ...(data.reason ? { reason: data.reason } : {}) };
    case 'deputy':
      if (!data.deputyName || !data.deputyRole)
        return "Give the deputy's name and role, then nominate them again.";
      return { kind: 'deputy', name: data.deputyName, role: data.deputyRole };
    default:
      return 'Choose Attending, Apologies or Sending a deputy.';
  }
}
