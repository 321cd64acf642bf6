import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { Invocation } from '../command-definition';
import type { CommandServices } from '../command-services';
import { cardReply, type Reply, refusalReply, textReply } from '../reply';

/**
 * A draft (the chair's agenda, the minute-taker's minutes) asked for in a channel goes to the
 * person's personal chat, so it is not in front of the whole channel; without a personal chat it
 * is shown where it was asked for.
 */
export async function replyWithDraft(
  invocation: Invocation,
  services: CommandServices,
  draft: { card: AdaptiveCard; summary: string },
  sentPrivately: string,
): Promise<Reply> {
  // Redrawn in place (a refresh is seen by this person alone), it stays where it is.
  if (invocation.conversation.scope !== 'personal' && !invocation.redrawing) {
    const { tenantId } = invocation.conversation;
    if (await services.sendPrivately(tenantId, invocation.actor.userId, draft))
      return textReply(sentPrivately);
  }
  return cardReply(draft.card, draft.summary);
}

/**
 * Links that act as the person (an upload link) or open personal data (an export) go to their
 * personal chat only: asked for in a channel, they are sent there, and never shown in the channel.
 */
export async function replyPrivately(
  invocation: Invocation,
  services: CommandServices,
  message: { card: AdaptiveCard; summary: string },
  said: { sent: string; why: string },
): Promise<Reply> {
  if (invocation.conversation.scope === 'personal') return cardReply(message.card, message.summary);
  const { tenantId } = invocation.conversation;
  if (await services.sendPrivately(tenantId, invocation.actor.userId, message)) return textReply(said.sent);
  return refusalReply(
    `I could not reach you in a personal chat, and ${said.why}. Open a chat with Clusterbot (Apps in Teams, then Clusterbot, Open), then ask again.`,
  );
}
