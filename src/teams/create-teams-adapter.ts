import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthConfig } from '../config/load-config';

/**
 * The Bot Framework adapter. With a bot registration configured every request must carry a valid
 * Bot Framework token. In local mode there are no credentials, which botbuilder treats as
 * "authentication disabled" in both directions.
 *
 * `handle` is CloudAdapter's own processing without its HTTP wrapper, which answers 500 with the
 * error's message for anything but its own AuthenticationError: the endpoint decides instead.
 */
export class ClusterbotAdapter extends TeamsAdapter {
  handle(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createTeamsAdapter(auth: AuthConfig): ClusterbotAdapter {
  return new ClusterbotAdapter(auth.mode === 'bot-framework' ? auth.botFramework : {});
}
