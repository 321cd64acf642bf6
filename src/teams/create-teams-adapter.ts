import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AuthConfig } from '../config/load-config';

/**
 * The Bot Framework adapter. With a bot registration configured every request must carry a valid
 * Bot Framework token (CloudAdapter answers 401 otherwise). In local mode there are no
 * credentials, which botbuilder treats as "authentication disabled" in both directions.
 */
export function createTeamsAdapter(auth: AuthConfig): TeamsAdapter {
  return new TeamsAdapter(auth.mode === 'bot-framework' ? auth.botFramework : {});
}
