import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from '../logging/logger';
import { tagCurrentRequest } from '../telemetry/request-tag';
import { classifyAuthFailure } from './auth-failure';
import { bearerTokenProblem } from './bearer-token-check';
import type { Clusterbot } from './clusterbot';
import type { ClusterbotAdapter } from './create-teams-adapter';
import { checkIncomingActivity } from './incoming-activity';
import { invokeResponseBody } from './invoke-response';
import { noticeCard, noticeFor } from './turn-notices';

export interface MessageEndpointOptions {
  /** Bot Framework authentication is on (a registration is configured). */
  authenticate: boolean;
  logger: Logger;
  clock?: () => number;
}

/**
 * POST /api/messages. The order matters: a token that cannot be valid is refused first (401,
 * before any work for a stranger); then a body that is not a Teams activity (400, or an error
 * card for an invoke); then the SDK's full token check (401 when it fails, 503 when Microsoft's
 * keys cannot be fetched, each logged once without the token); then the turn.
 * Nothing here answers 500: a turn's own failures are answered inside the turn (clusterbot.ts).
 */
export function createMessageEndpoint(
  adapter: ClusterbotAdapter,
  bot: Clusterbot,
  options: MessageEndpointOptions,
) {
  const now = options.clock ?? Date.now;
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    tagCurrentRequest(requestId);
    const log = options.logger.child({ requestId });

    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    if (options.authenticate) {
      const problem = bearerTokenProblem(authorization, Math.floor(now() / 1000));
      if (problem) {
        log.warn({ reason: problem }, 'refused: authentication failed');
        res.status(401).end();
        return;
      }
    }
    const checked = checkIncomingActivity(req.body);
    if (!checked.ok) {
      log.warn(
        { reason: checked.reason, activityType: checked.type },
        'refused: not a well-formed Teams activity',
      );
      if (checked.type === 'invoke') {
        res.status(200).json(invokeResponseBody(noticeCard(noticeFor('malformed-card', requestId))));
      } else {
        res.status(400).json({ error: 'not a well-formed Teams activity', reason: checked.reason });
      }
      return;
    }

    try {
      const invokeResponse = await adapter.handle(
        authorization,
        checked.activity as unknown as Activity,
        (context) => bot.runTurn(context, requestId),
      );
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      const failure = classifyAuthFailure(error);
      if (failure?.kind === 'keys-unavailable') {
        log.error(
          { reason: failure.reason },
          "refused: Microsoft's token signing keys cannot be fetched, so no request can be authenticated (answering 503; Teams retries)",
        );
        res.status(503).setHeader('retry-after', '30').end();
      } else if (failure) {
        log.warn({ reason: failure.reason }, 'refused: authentication failed');
        res.status(401).end();
      } else {
        log.error({ err: error }, 'request failed before the turn could run');
        res.status(503).setHeader('retry-after', '30').end();
      }
    }
  };
}
