import type { Application } from '@microsoft/teams-ai';
import { CARD_COMMANDS, CARD_REFRESHES } from '../../commands/card-commands';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { replyActivity } from '../reply-activity';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/**
 * Buttons on cards that stand for a command (import a roster, save term dates). The command runs
 * through the registry like a typed one and its answer is posted as a new message; the card
 * itself is left as it was, so whatever the person typed into it is still there if they need to
 * correct it.
 */
export function registerCardCommandActions(app: Application, deps: BotDependencies): void {
  for (const [verb, toCommandText] of Object.entries(CARD_COMMANDS)) {
    app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, async (context, _state, data) => {
      const invocation = invocationFrom(context.activity);
      // A card sent to someone's personal chat says which cluster it is for.
      const place = data?.clusterPlaceKey;
      if (invocation.conversation.scope === 'personal' && typeof place === 'string' && place) {
        invocation.clusterPlaceKey = place;
      }
      const result = await deps.commands.dispatch(toCommandText(data ?? {}), invocation);
      turnLogger(context, deps.logger).info(
        { verb, outcome: result.outcome, command: result.command },
        'card action',
      );
      await context.sendActivity(replyActivity(result.reply));
      // A card whose button changed something shows itself as it now stands (the actions list).
      const refresh = CARD_REFRESHES[verb];
      if (refresh && result.outcome === 'handled') {
        const shown = await deps.commands.dispatch(refresh(data ?? {}), { ...invocation, redrawing: true });
        // This person's view, answered here: others see theirs through the card's refresh.
        if (shown.reply.kind === 'card') {
          await respond(context, shown.reply.card);
          return shown.reply.card as never;
        }
      }
      return result.outcome === 'handled' ? 'Done: see my reply below.' : 'Not done: see my reply below.';
    });
  }
}
