import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { BotDependencies } from '../bot-dependencies';
import { plainMessageText } from '../message-text';
import { replyActivity } from '../reply-activity';
import { replyOnFailure } from '../reply-on-failure';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/** Every text message is a command: `/help`, `help`, or `@Clusterbot /help` in a channel. */
export function registerCommandMessageListener(app: Application, deps: BotDependencies): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const log = turnLogger(context, deps.logger);
    await replyOnFailure(context, log, async () => {
      const text = plainMessageText(context.activity.text);
      const result = await deps.commands.dispatch(text, invocationFrom(context.activity));
      log.info({ outcome: result.outcome, command: result.command }, 'command handled');
      await context.sendActivity(replyActivity(result.reply));
    });
  });
}
