import type { Application } from '@microsoft/teams-ai';
import type { BotDependencies } from '../bot-dependencies';
import { includesBot, tenantIdOf } from '../turn-input';
import { turnLogger } from '../turn-logger';

/** The bot was removed from a team or chat: stop every future send there (no reply is possible). */
export function registerBotRemovedListener(app: Application, deps: BotDependencies): void {
  app.conversationUpdate('membersRemoved', async (context) => {
    const { activity } = context;
    if (!includesBot(activity.membersRemoved, activity)) {
      return;
    }
    const log = turnLogger(context, deps.logger);
    const key = { tenantId: tenantIdOf(activity), conversationId: activity.conversation.id };
    const conversation = await deps.installations.removed(key, 'bot-removed');
    log.info({ known: conversation !== undefined }, 'bot removed');
  });
}
