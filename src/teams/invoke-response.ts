import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';

/**
 * Answers an Action.Execute invoke ourselves: a card shown only to the person who clicked, or a
 * short message. Because the response is already set, teams-ai does not replace the shared post
 * for everyone with this one person's view.
 */
export async function respond(context: TurnContext, result: AdaptiveCard | string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: invokeResponseBody(result) },
  });
}

/** The body Teams shows for an Action.Execute: a card, or a short message. */
export function invokeResponseBody(result: AdaptiveCard | string) {
  return typeof result === 'string'
    ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result }
    : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result };
}
