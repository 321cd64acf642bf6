import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderGuestApprovalCard } from '../../cards/guest-approval-card';
import { renderReminderCard } from '../../cards/reminder-card';
import { actorOf } from '../../commands/command-definition';
import { guestApprovalCardData, RSVP_VERBS, reminderCardData } from '../../views/reminder-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const GuestRequestData = z.object({
  clusterId: z.string().min(1).max(40),
  meetingId: z.string().min(1).max(20),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  guestName: z.string().trim().min(1, "Give the guest's name").max(100),
  guestRole: z.string().trim().min(1, "Give the guest's role").max(100),
});

const GuestDecisionData = z.object({
  clusterId: z.string().min(1).max(40),
  meetingId: z.string().min(1).max(20),
  guestId: z.string().min(1).max(200),
  decision: z.enum(['approved', 'declined']),
});

/**
 * Guests are agreed with the host beforehand (seed 002). A head asks on the reminder card; the host
 * school gets an approve / decline card (in their 1:1 chat if they have one, else the cluster's
 * channel with a mention); the decision shows on everyone's view of the reminder.
 */
export function registerGuestActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    RSVP_VERBS.guestRequest,
    async (context, _state, raw) => {
      const parsed = GuestRequestData.safeParse(raw ?? {});
      if (!parsed.success) {
        await respond(context, parsed.error.issues.map((i) => i.message).join('. '));
        return 'invalid';
      }
      const data = parsed.data;
      const actor = actorOf(invocationFrom(context.activity));
      const result = await deps.guests.requestGuest(data.clusterId, data.meetingId, data.meetingDate, actor, {
        name: data.guestName,
        role: data.guestRole,
      });
      if (!result.ok) {
        // The person gets back what they typed, so nothing is lost.
        const refusal = `Sorry, ${result.problem}.`;
        const current = await deps.rsvp.attendance(data.clusterId, data.meetingId);
        if (!current.ok) {
          await respond(context, refusal);
          return refusal;
        }
        const drafts = { guestName: data.guestName, guestRole: data.guestRole };
        const card = reminderCardData(current.value, deps.clock(), { userId: actor.userId }, refusal, drafts);
        await respond(context, renderReminderCard(card));
        return refusal;
      }
      const { request, attendance, hostsReached } = result.value;
      const note = `Your request to bring ${request.name} is with the host, ${attendance.meeting.host?.name ?? 'the host school'}, for approval.`;
      turnLogger(context, deps.logger).info({ hostsReached }, 'guest requested');
      await respond(
        context,
        renderReminderCard(reminderCardData(attendance, deps.clock(), { userId: actor.userId }, note)),
      );
      return note;
    },
  );
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    RSVP_VERBS.guestDecision,
    async (context, _state, raw) => {
      const parsed = GuestDecisionData.safeParse(raw ?? {});
      if (!parsed.success) {
        await respond(context, 'This card is out of date.');
        return 'invalid';
      }
      const data = parsed.data;
      const actor = actorOf(invocationFrom(context.activity));
      const result = await deps.guests.decideGuest(
        data.clusterId,
        data.meetingId,
        data.guestId,
        data.decision,
        actor,
      );
      if (!result.ok) {
        await respond(context, `Sorry, ${result.problem}.`);
        return result.problem;
      }
      turnLogger(context, deps.logger).info({ decision: data.decision }, 'guest decided');
      await respond(
        context,
        renderGuestApprovalCard(
          guestApprovalCardData(result.value.attendance, result.value.request, deps.clock()),
        ),
      );
      return data.decision;
    },
  );
}
