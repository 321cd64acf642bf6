import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthConfig } from '../config/load-config';
import type { Logger } from '../logging/logger';
import { rememberConnectorClients } from './remembered-connector-clients';
import { keepCachedSigningKeysWhenRefreshFails } from './signing-keys-fallback';

/**
 * The Bot Framework adapter. With a bot registration configured every request must carry a valid
 * Bot Framework token. In local mode there are no credentials, which botbuilder treats as
 * "authentication disabled" in both directions.
 *
 * `handle` is CloudAdapter's own processing without its HTTP wrapper, which answers 500 with the
 * error's message for anything but its own AuthenticationError: the endpoint decides instead.
 */
export class ClusterbotAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    rememberConnectorClients(this.botFrameworkAuthentication);
  }

  handle(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createTeamsAdapter(auth: AuthConfig, logger?: Logger): ClusterbotAdapter {
  if (auth.mode === 'bot-framework') {
    keepCachedSigningKeysWhenRefreshFails((error) =>
      logger?.error(
        { reason: error instanceof Error ? error.message.slice(0, 120) : String(error) },
        "Microsoft's token signing keys could not be refreshed: still checking tokens with the cached keys, retrying in 5 minutes",
      ),
    );
  }
  return new ClusterbotAdapter(auth.mode === 'bot-framework' ? auth.botFramework : {});
}
