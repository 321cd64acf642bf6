import type { TurnContext } from 'botbuilder';
import { textReply } from '../commands/reply';
import type { Logger } from '../logging/logger';
import { replyActivity } from './reply-activity';

/**
 * Runs a turn's work; if it fails, the person gets a plain apology with a reference they can
 * quote, and the full error goes to the log under the same request id.
 */
export async function replyOnFailure(
  context: TurnContext,
  log: Logger,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const requestId = String(log.bindings().requestId ?? 'unknown');
    log.error({ err: error }, 'turn failed');
    await context.sendActivity(
      replyActivity(
        textReply(
          'Sorry, something went wrong on my side and I could not finish that. Please try again in a minute. ' +
            `If it keeps happening, tell your cluster lead and quote reference **${requestId.slice(0, 8)}**.`,
        ),
      ),
    );
  }
}
