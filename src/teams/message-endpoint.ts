import { randomUUID } from 'node:crypto';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import { tagCurrentRequest } from '../telemetry/request-tag';
import type { Clusterbot } from './clusterbot';

/**
 * POST /api/messages: CloudAdapter authenticates the request (401 when a registration is
 * configured and the token is missing or bad), then the turn runs through the Application.
 */
export function createMessageEndpoint(adapter: TeamsAdapter, bot: Clusterbot) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    tagCurrentRequest(requestId);
    await adapter.process(req, res, (context) => bot.runTurn(context, requestId));
  };
}
