import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';

const TURN_LOGGER = Symbol('clusterbot.turnLogger');

/**
 * Gives every turn a request id, and a child logger carrying it plus the activity's ids
 * (never its text), so one person's click can be followed through the logs.
 */
export function attachTurnLogger(
  context: TurnContext,
  logger: Logger,
  requestId: string = randomUUID(),
): Logger {
  const activity = context.activity;
  const child = logger.child({
    requestId,
    activityId: activity.id,
    activityType: activity.type,
    conversationId: activity.conversation?.id,
  });
  context.turnState.set(TURN_LOGGER, child);
  return child;
}

export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}
