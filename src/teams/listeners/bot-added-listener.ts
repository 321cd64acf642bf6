import type { Application } from '@microsoft/teams-ai';
import { welcomeReply } from '../../commands/welcome-reply';
import type { BotDependencies } from '../bot-dependencies';
import { replyActivity } from '../reply-activity';
import { replyOnFailure } from '../reply-on-failure';
import { includesBot, installationDetailsFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/**
 * The bot was added to a team, group chat or personal chat: remember the conversation (reminders
 * will need it) and say hello. People joining a team the bot is already in are not greeted here.
 */
export function registerBotAddedListener(app: Application, deps: BotDependencies): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const { activity } = context;
    if (!includesBot(activity.membersAdded, activity)) {
      return;
    }
    const log = turnLogger(context, deps.logger);
    await replyOnFailure(context, log, async () => {
      const conversation = await deps.installations.installed(installationDetailsFrom(activity));
      log.info({ scope: conversation.scope, tenantId: conversation.tenantId }, 'bot installed');
      await context.sendActivity(replyActivity(welcomeReply(conversation.scope)));
    });
  });
}
