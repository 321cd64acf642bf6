import { randomUUID } from 'node:crypto';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { placeOf } from '../commands/command-definition';
import { PupilDataRefusedError } from '../services/pupil-data-gate';
import { inTurn } from '../services/turn-reads';
import type { BotDependencies } from './bot-dependencies';
import { cardClusterId, cardMeetingId, tenantOf } from './incoming-activity';
import { respond } from './invoke-response';
import { registerBotAddedListener } from './listeners/bot-added-listener';
import { registerBotRemovedListener } from './listeners/bot-removed-listener';
import { registerCardCommandActions } from './listeners/card-command-actions';
import { registerCardRefreshActions } from './listeners/card-refresh-actions';
import { registerCommandMessageListener } from './listeners/command-message-listener';
import { registerFileAttachmentListener } from './listeners/file-attachment-listener';
import { registerGuestActions } from './listeners/guest-actions';
import { registerInstallationUpdateListener } from './listeners/installation-update-listener';
import { registerMinutesActions } from './listeners/minutes-actions';
import { registerPeerReviewActions } from './listeners/peer-review-actions';
import { registerPerformanceActions } from './listeners/performance-actions';
import { registerPrivacyActions } from './listeners/privacy-actions';
import { registerRsvpActions } from './listeners/rsvp-actions';
import { registerShowHelpAction } from './listeners/show-help-action';
import { replyActivity } from './reply-activity';
import { invocationFrom } from './turn-input';
import { attachTurnLogger } from './turn-logger';
import {
  type Notice,
  type NoticeKind,
  noticeCard,
  noticeFor,
  noticeForError,
  noticeText,
} from './turn-notices';

export interface Clusterbot {
  application: Application;
  /** Runs one turn: the HTTP route and the tests both come in through here. */
  runTurn(context: TurnContext, requestId?: string): Promise<void>;
}

export interface ClusterbotOptions {
  adapter?: TeamsAdapter;
  /** Microsoft Entra tenants whose people may use the bot; 'any' in local mode and in tests. */
  allowedTenants?: readonly string[] | 'any';
}

/**
 * Assembles the teams-ai Application. This folder (src/teams) is the only code that knows
 * botbuilder or teams-ai: moving to another Teams SDK means rewriting this folder alone.
 */
export function createClusterbot(deps: BotDependencies, options: ClusterbotOptions = {}): Clusterbot {
  const { adapter, allowedTenants = 'any' } = options;
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
  registerCardRefreshActions(application, deps);
  registerRsvpActions(application, deps);
  registerMinutesActions(application, deps);
  registerPeerReviewActions(application, deps);
  registerGuestActions(application, deps);
  registerPrivacyActions(application, deps);
  registerPerformanceActions(application, deps);
  registerFileAttachmentListener(application, deps);
  registerCommandMessageListener(application, deps);

  application.error(async (context, error) => {
    deps.logger.error({ err: error, activityType: context.activity.type }, 'unhandled turn error');
  });

  /**
   * Card data is the client's to write: a click or refresh that names a cluster must come from
   * that cluster's team or chat, or from the personal chat of someone linked to it. One check for
   * every card listener, before any of them runs.
   */
  async function cardIsForHere(context: TurnContext, clusterId: string): Promise<boolean> {
    const invocation = invocationFrom(context.activity);
    return deps.cardAccess.mayUse(clusterId, {
      tenantId: tenantOf(context.activity),
      placeKey: placeOf({ ...invocation, clusterPlaceKey: undefined }).placeKey,
      personal: invocation.conversation.scope === 'personal',
      userId: invocation.actor.userId,
    });
  }

  /** Answers a turn that cannot be done: a card for a click, a sentence for a message. */
  async function answerWith(
    context: TurnContext,
    kind: NoticeKind | Notice,
    requestId: string,
  ): Promise<void> {
    const notice = typeof kind === 'string' ? noticeFor(kind, requestId) : kind;
    if (context.activity.type === ActivityTypes.Invoke) {
      if (!context.turnState.get(INVOKE_RESPONSE_KEY)) await respond(context, noticeCard(notice));
    } else if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(replyActivity({ kind: 'text', text: noticeText(notice) }));
    }
  }

  return {
    application,
    async runTurn(context, requestId = randomUUID()) {
      const log = attachTurnLogger(context, deps.logger, requestId);
      const tenant = tenantOf(context.activity);
      if (allowedTenants !== 'any' && !(tenant && allowedTenants.includes(tenant))) {
        // Nothing of this turn is stored: no conversation reference, no welcome, no answer.
        log.warn({ tenantId: tenant ?? 'none' }, 'refused: tenant not allowed');
        await answerWith(context, 'tenant-refused', requestId);
        return;
      }
      try {
        // One read per turn: the access check, the service and the view share what they read.
        const about = { meetingId: cardMeetingId(context.activity) };
        const refused = await inTurn(async () => {
          const clusterId = cardClusterId(context.activity);
          if (clusterId !== undefined && !(await cardIsForHere(context, clusterId))) {
            log.warn({ clusterId }, 'refused: card names a cluster not run here');
            return true;
          }
          await application.run(context);
          return false;
        }, about);
        if (refused) {
          await answerWith(context, 'other-cluster', requestId);
          return;
        }
      } catch (error) {
        // A pupil-data refusal quotes what was typed: only where it was goes in the log.
        if (error instanceof PupilDataRefusedError)
          log.warn({ field: error.field }, 'refused: pupil data on its way to storage');
        else log.error({ err: error }, 'unhandled turn error');
        await answerWith(context, noticeForError(error, requestId), requestId).catch(() => undefined);
        return;
      }
      // An invoke nobody handled (an unknown verb or invoke name) still gets an answer Teams shows.
      if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        log.warn({ invokeName: context.activity.name ?? 'none' }, 'invoke not handled');
        if (context.activity.name === 'adaptiveCard/action') {
          await answerWith(context, 'unknown-action', requestId);
        } else {
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: { status: 200, body: {} },
          });
        }
      }
    },
  };
}
