import type { Application } from '@microsoft/teams-ai';
import { CARD_VERBS, CARD_VIEWS, type CardView } from '../../commands/card-commands';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const OUT_OF_DATE = 'This card is out of date: type the command again for the current view.';

const isView = (value: unknown): value is CardView =>
  typeof value === 'string' && Object.hasOwn(CARD_VIEWS, value);

/**
 * Teams asks for a card again when one of the people in its refresh list looks at it (Universal
 * Actions): it is drawn as it now stands, for that person (their own buttons, their own view),
 * through the same command as typing it. Nothing is posted and nothing changes.
 */
export function registerCardRefreshActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    CARD_VERBS.refreshCard,
    async (context, _state, data) => {
      const log = turnLogger(context, deps.logger);
      const view = data?.view;
      if (!isView(view)) {
        log.warn({ verb: CARD_VERBS.refreshCard }, 'refused: refresh of an unknown view');
        await respond(context, OUT_OF_DATE);
        return OUT_OF_DATE;
      }
      const invocation = { ...invocationFrom(context.activity), redrawing: true };
      // A card in someone's personal chat says which cluster it is for.
      const place = data?.clusterPlaceKey;
      if (invocation.conversation.scope === 'personal' && typeof place === 'string' && place)
        invocation.clusterPlaceKey = place;
      const shown = await deps.commands.dispatch(CARD_VIEWS[view](data ?? {}), invocation);
      log.info({ view, outcome: shown.outcome }, 'card refreshed');
      // Answered here: teams-ai would otherwise replace the shared post with this person's view.
      const answer = shown.reply.kind === 'card' ? shown.reply.card : shown.reply.text;
      await respond(context, answer);
      return answer as never;
    },
  );
}
