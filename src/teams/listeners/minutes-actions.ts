import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { actorOf } from '../../commands/command-definition';
import { MINUTES_VERBS, minutesEditorCard, readMinutesCard } from '../../views/minutes-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const MinutesCardIds = z.object({
  clusterId: z.string().min(1).max(40),
  meetingId: z.string().min(1).max(20),
});

/**
 * Save draft and Publish on the minutes card. The card names its cluster and meeting, so it works
 * in the minute-taker's personal chat as well as in the channel; the service checks who may write.
 * The card that comes back is the clicker's own (we send the invoke response ourselves), and when
 * something is refused it carries everything they typed, so nothing is lost.
 */
export function registerMinutesActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    [MINUTES_VERBS.save, MINUTES_VERBS.publish],
    async (context, _state, raw) => {
      const log = turnLogger(context, deps.logger);
      const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb;
      const card = MinutesCardIds.safeParse(raw ?? {});
      if (!card.success) {
        await respond(
          context,
          'This card is out of date. Type /minutes in the cluster channel to open the minutes.',
        );
        return 'out of date';
      }
      const { clusterId, meetingId } = card.data;
      const actor = actorOf(invocationFrom(context.activity));
      const input = readMinutesCard(raw ?? {});
      if (typeof input === 'string') {
        // A message leaves the card (and what was typed in it) as it is.
        await respond(context, `Not saved: ${input}.`);
        return input;
      }
      const outcome =
        verb === MINUTES_VERBS.publish
          ? await deps.minutesPublishing.publish(clusterId, meetingId, input, actor)
          : await deps.minutes.save(clusterId, meetingId, input, actor);
      log.info({ verb, meetingId, stored: outcome.ok, actions: input.actions.length }, 'minutes');
      if (!outcome.ok) {
        const view = await deps.minutes.view(clusterId, meetingId, actor);
        if (!view.ok || !view.value.canWrite) {
          await respond(context, `Sorry, ${outcome.problem}. Nothing was changed.`);
          return outcome.problem;
        }
        const refused = minutesEditorCard(view.value, {
          input,
          note: `Nothing was saved: ${outcome.problem}. Everything you typed is still here.`,
          noteStyle: 'attention',
        });
        await respond(context, refused);
        return refused as never;
      }
      const saved =
        'view' in outcome.value
          ? minutesEditorCard(outcome.value.view, {
              note: outcome.value.posted.ok
                ? outcome.value.updated
                  ? 'Corrections published: the minutes in the channel have been updated.'
                  : 'Published: the minutes are in the channel and their actions are on /actions.'
                : `The minutes are recorded as published and their actions are on /actions, but ${outcome.value.posted.problem}. Press Publish corrections to try posting again.`,
              noteStyle: outcome.value.posted.ok ? 'good' : 'attention',
            })
          : minutesEditorCard(outcome.value, {
              note: 'Draft saved. Type /minutes to come back to it.',
              noteStyle: 'good',
            });
      await respond(context, saved);
      return saved as never;
    },
  );
}
