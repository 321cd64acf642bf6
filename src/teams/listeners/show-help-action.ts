import type { Application } from '@microsoft/teams-ai';
import { SHOW_HELP_VERB } from '../../commands/welcome-reply';
import type { BotDependencies } from '../bot-dependencies';
import { replyActivity } from '../reply-activity';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/**
 * "Show commands" on the welcome card (Action.Execute). The help card is posted as a new message
 * so the welcome stays in place for everyone else in the channel.
 */
export function registerShowHelpAction(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute(SHOW_HELP_VERB, async (context) => {
    const result = await deps.commands.dispatch('help', invocationFrom(context.activity));
    turnLogger(context, deps.logger).info({ outcome: result.outcome }, 'help shown from card');
    await context.sendActivity(replyActivity(result.reply));
    return 'Here are my commands.';
  });
}
