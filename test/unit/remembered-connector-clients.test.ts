import type { Activity, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../src/teams/create-teams-adapter';
import { channelMessage } from '../support/teams-activities';

const at = (serviceUrl: string) => ({ ...channelMessage('/rota'), serviceUrl }) as Activity;

/** The Bot Connector and user-token clients each of `activities` was handed. */
async function clientsOfTurns(activities: Activity[]) {
  const adapter = createTeamsAdapter({ mode: 'local' } as Parameters<typeof createTeamsAdapter>[0]);
  const seen: Array<{ connector: unknown; tokens: unknown }> = [];
  for (const activity of activities)
    await adapter.handle('', activity, async (context: TurnContext) => {
      seen.push({
        connector: context.turnState.get(adapter.ConnectorClientKey),
        tokens: context.turnState.get(adapter.UserTokenClientKey),
      });
    });
  return seen;
}

describe('Bot Connector clients', () => {
  it('are made once per service URL and used by every later turn', async () => {
    const [first, second] = await clientsOfTurns([
      at('https://smba.trafficmanager.net/uk/'),
      at('https://smba.trafficmanager.net/uk/'),
    ]);
    expect(first?.connector).toBeDefined();
    expect(second?.connector).toBe(first?.connector);
    expect(second?.tokens).toBe(first?.tokens);
  });

  it('are separate for a different service URL', async () => {
    const [uk, emea] = await clientsOfTurns([
      at('https://smba.trafficmanager.net/uk/'),
      at('https://smba.trafficmanager.net/emea/'),
    ]);
    expect(emea?.connector).not.toBe(uk?.connector);
    expect((emea?.connector as { baseUri?: string } | undefined)?.baseUri).toContain('/emea');
  });
});
