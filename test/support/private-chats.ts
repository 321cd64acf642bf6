import { afterEach } from 'vitest';
import type { BotHarness } from './bot-harness';
import { say } from './bot-harness';
import { attachedCard, startConnectorRecorder } from './connector-recorder';
import { botAddedToPersonalChat, type Person, personalConversationId } from './teams-activities';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/**
 * People's personal chats with the bot, on a fake Bot Connector: what Clusterbot sends someone
 * privately (links that act as them or open personal data) can be read back.
 */
export async function privateChats(bot: BotHarness) {
  const connector = await startConnectorRecorder();
  closers.push(connector.close);
  const installed = new Set<string>();
  return {
    connector,
    /** Asks in the channel, and returns the reply there and the card sent to the person's chat. */
    async ask(text: string, from: Person) {
      if (!installed.has(from.id)) {
        await bot.send({ ...botAddedToPersonalChat(from), serviceUrl: connector.serviceUrl });
        installed.add(from.id);
      }
      connector.requests.splice(0);
      const reply = await say(bot, text, from);
      const sent = connector.requests.find(
        (r) =>
          r.path === `/v3/conversations/${personalConversationId(from)}/activities` && r.body.attachments,
      );
      return { reply: reply?.text ?? '', card: attachedCard(sent) as Record<string, unknown> | undefined };
    },
  };
}
