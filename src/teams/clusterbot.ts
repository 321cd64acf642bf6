import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotDependencies } from './bot-dependencies';
import { registerBotAddedListener } from './listeners/bot-added-listener';
import { registerBotRemovedListener } from './listeners/bot-removed-listener';
import { registerCardCommandActions } from './listeners/card-command-actions';
import { registerCommandMessageListener } from './listeners/command-message-listener';
import { registerGuestActions } from './listeners/guest-actions';
import { registerInstallationUpdateListener } from './listeners/installation-update-listener';
import { registerMinutesActions } from './listeners/minutes-actions';
import { registerPeerReviewActions } from './listeners/peer-review-actions';
import { registerRsvpActions } from './listeners/rsvp-actions';
import { registerShowHelpAction } from './listeners/show-help-action';
import { attachTurnLogger } from './turn-logger';

export interface Clusterbot {
  application: Application;
  /** Runs one turn: the HTTP route and the tests both come in through here. */
  runTurn(context: TurnContext, requestId?: string): Promise<void>;
}

/**
 * Assembles the teams-ai Application. This folder (src/teams) is the only code that knows
 * botbuilder or teams-ai: moving to another Teams SDK means rewriting this folder alone.
 */
export function createClusterbot(deps: BotDependencies, adapter?: TeamsAdapter): Clusterbot {
  const application = new Application({
    ...(adapter ? { adapter } : {}),
    // Commands answer in well under Teams' 15 s, and a typing indicator would be noise in channels.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });

  // Order matters: teams-ai runs the first route that matches.
  registerBotAddedListener(application, deps);
  registerBotRemovedListener(application, deps);
  registerInstallationUpdateListener(application, deps);
  registerShowHelpAction(application, deps);
  registerCardCommandActions(application, deps);
  registerRsvpActions(application, deps);
  registerMinutesActions(application, deps);
  registerPeerReviewActions(application, deps);
  registerGuestActions(application, deps);
  registerCommandMessageListener(application, deps);

  application.error(async (context, error) => {
    deps.logger.error({ err: error, activityType: context.activity.type }, 'unhandled turn error');
  });

  return {
    application,
    async runTurn(context, requestId) {
      attachTurnLogger(context, deps.logger, requestId);
      await application.run(context);
    },
  };
}
