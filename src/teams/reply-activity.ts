import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Reply } from '../commands/reply';

/** Turns an SDK-free Reply into a Teams message. */
export function replyActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') {
    const message = MessageFactory.text(reply.text);
    message.textFormat = 'markdown';
    return message;
  }
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  // Teams shows the summary in notifications and the chat list instead of "sent a card".
  message.summary = reply.summary;
  return message;
}
