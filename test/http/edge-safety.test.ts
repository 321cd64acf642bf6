import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';
import { startLocalAzurite } from '../../src/storage/local-azurite';
import { TableStorage } from '../../src/storage/table-storage';
import { startConnectorRecorder } from '../support/connector-recorder';
import { type FakeBotFrameworkKeys, startFakeBotFrameworkKeys } from '../support/fake-bot-framework-keys';
import { postActivity } from '../support/post-activity';
import { cardAction, channelMessage, TENANT_ID } from '../support/teams-activities';

const APP_ID = '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d';
const FOREIGN_TENANT = '0f1e2d3c-4b5a-4968-8776-655443322110';

const running: Array<{ close(): Promise<void> } | RunningClusterbot> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await ('stop' in item ? item.stop() : item.close());
});

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

async function startBot(env: NodeJS.ProcessEnv = {}, adjust: (config: Config) => Config = (c) => c) {
  const prefix = `Edge${randomBytes(5).toString('hex')}`;
  const config = loadConfig({
    TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
    TABLE_PREFIX: prefix,
    ...env,
  });
  const lines: LogLine[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as LogLine),
  });
  const bot = await startClusterbot(adjust({ ...config, port: 0, host: '127.0.0.1' }), logger);
  running.push(bot);
  const tables = new TableStorage({
    connectionString: inject('tablesConnectionString'),
    tablePrefix: prefix,
  });
  const rowsIn = async (table: 'clusters' | 'conversations') => {
    let count = 0;
    for await (const _ of tables.table(table).listEntities()) count++;
    return count;
  };
  return { bot, lines, rowsIn };
}

function fromTenant<T extends Record<string, unknown>>(activity: T, tenantId: string): T {
  const conversation = { ...(activity.conversation as object), tenantId };
  const channelData = { ...(activity.channelData as object), tenant: { id: tenantId } };
  return { ...activity, conversation, channelData };
}

describe('the tenant allow-list', () => {
  it('answers another organisation with one polite sentence, stores nothing and logs the tenant once', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const { bot, lines, rowsIn } = await startBot({ ALLOWED_TENANT_IDS: TENANT_ID });
    const setup = {
      ...fromTenant(channelMessage('/setup Foreign'), FOREIGN_TENANT),
      serviceUrl: connector.serviceUrl,
    };

    expect((await postActivity(bot.url, setup)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply?.body.text).toContain('Clusterbot is not available to your organisation.');
    expect(await rowsIn('clusters')).toBe(0);
    expect(await rowsIn('conversations')).toBe(0);
    const refusals = lines.filter((l) => l.msg === 'refused: tenant not allowed');
    expect(refusals).toEqual([expect.objectContaining({ tenantId: FOREIGN_TENANT, level: 40 })]);
  });

  it('answers a click from another organisation with an error card, and serves its own tenant as before', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const { bot } = await startBot({ ALLOWED_TENANT_IDS: `${FOREIGN_TENANT.toUpperCase()},${TENANT_ID}` });
    const click = fromTenant(
      cardAction('showHelp', {}, undefined, 'channel') as Record<string, unknown>,
      '11111111-2222-4333-8444-555555555555',
    );
    const refused = await postActivity(bot.url, { ...click, serviceUrl: connector.serviceUrl });
    expect(refused.status).toBe(200);
    expect(JSON.stringify(await refused.json())).toContain('Clusterbot is not available here');

    const own = await postActivity(bot.url, { ...channelMessage('/help'), serviceUrl: connector.serviceUrl });
    expect(own.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply?.body.attachments).toBeDefined();
  });
});

describe('malformed traffic', () => {
  it('refuses what is not a Teams activity with 400 and one warning, before any handler runs', async () => {
    const { bot, lines } = await startBot();
    const message = channelMessage('/help') as Record<string, unknown>;
    for (const body of [
      { ...message, from: { name: 'nobody' } },
      { ...message, conversation: undefined },
      { ...message, text: 42 },
      { ...message, serviceUrl: 'not an address' },
      null,
      'just text',
    ]) {
      const response = await postActivity(bot.url, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const refusals = lines.filter((l) => l.msg.startsWith('refused: '));
    expect(refusals.map((l) => l.msg)).toEqual([
      ...Array(4).fill('refused: not a well-formed Teams activity'),
      'refused: request body unreadable',
      'refused: request body unreadable',
    ]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('answers unknown invokes as Teams expects and out-of-date buttons with a card, never 501', async () => {
    const { bot } = await startBot();
    const click = cardAction('noSuchVerb', { school: 'Broad Heath' }, undefined, 'channel') as Record<
      string,
      unknown
    >;
    const unknownVerb = await postActivity(bot.url, click);
    expect(unknownVerb.status).toBe(200);
    expect(JSON.stringify(await unknownVerb.json())).toContain('This card is out of date');

    const unknownCluster = await postActivity(
      bot.url,
      cardAction('rsvp', { clusterId: 'c0000000000000000' }),
    );
    expect(unknownCluster.status).toBe(200);
    expect(JSON.stringify(await unknownCluster.json())).toContain('This card is for another cluster');

    const unknownInvoke = await postActivity(bot.url, {
      ...click,
      name: 'composeExtension/query',
      value: {},
    });
    expect(unknownInvoke.status).toBe(200);

    const brokenCard = await postActivity(bot.url, { ...click, from: {} });
    expect(brokenCard.status).toBe(200);
    expect(JSON.stringify(await brokenCard.json())).toContain('That button did not work');
  });
});

describe('a storage outage', () => {
  it('answers a card click with a card saying nothing was saved, and a message with an apology', async () => {
    const storage = await startLocalAzurite({ port: 0 });
    const connector = await startConnectorRecorder();
    running.push(connector);
    const { bot, lines } = await startBot({ TABLES_CONNECTION_STRING: storage.connectionString });
    await storage.stop();

    const click = cardAction('joinSchool', { school: 'Broad Heath' }, undefined, 'channel') as Record<
      string,
      unknown
    >;
    const clicked = await postActivity(bot.url, { ...click, serviceUrl: connector.serviceUrl });
    expect(clicked.status).toBe(200);
    const card = JSON.stringify(await clicked.json());
    expect(card).toContain("Clusterbot can't reach its storage just now; your answer was not saved.");
    expect(card).toMatch(/quote reference [0-9a-f]{8}/);

    const typed = await postActivity(bot.url, {
      ...channelMessage('/rota'),
      serviceUrl: connector.serviceUrl,
    });
    expect(typed.status).toBe(200);
    const sent = await connector.waitFor(2);
    const apology = sent.find((request) => request.body.type === 'message');
    expect(String(apology?.body.text)).toContain('Please try again in a minute');
    expect(lines.some((l) => l.level === 50)).toBe(true);
  });
});

describe('authentication failures', () => {
  let keys: FakeBotFrameworkKeys;

  async function startAuthenticatedBot(openIdMetadataUrl: string) {
    return startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }, (config) =>
      config.auth.mode === 'bot-framework'
        ? {
            ...config,
            auth: {
              mode: 'bot-framework',
              botFramework: {
                ...config.auth.botFramework,
                ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
                ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
              },
            },
          }
        : config,
    );
  }

  it('answers every bad token with 401 and one warning that never holds the token', async () => {
    keys = await startFakeBotFrameworkKeys();
    running.push(keys);
    const { bot, lines } = await startAuthenticatedBot(keys.openIdMetadataUrl);
    const unsigned = keys.token(APP_ID).split('.').slice(0, 2).join('.');
    const tokens = {
      garbage: 'Bearer not-a-token',
      'alg none': `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${unsigned.split('.')[1]}.x`,
      expired: `Bearer ${keys.token(APP_ID, { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } })}`,
      'another key': `Bearer ${keys.token(APP_ID, { key: keys.otherKey })}`,
      'unknown key id': `Bearer ${keys.token(APP_ID, { header: { kid: 'nobody-knows' } })}`,
      'wrong audience': `Bearer ${keys.token('00000000-0000-0000-0000-000000000000')}`,
      'wrong issuer': `Bearer ${keys.token(APP_ID, { claims: { iss: 'https://evil.example' } })}`,
    };
    for (const [what, authorization] of Object.entries(tokens)) {
      const response = await postActivity(bot.url, channelMessage('/help'), { authorization });
      expect(response.status, what).toBe(401);
    }
    const warnings = lines.filter((l) => l.msg === 'refused: authentication failed');
    expect(warnings).toHaveLength(Object.keys(tokens).length);
    const logged = JSON.stringify(lines);
    for (const authorization of Object.values(tokens)) {
      expect(logged).not.toContain(authorization.slice(7, 60));
    }
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("answers 503 and logs an error when Microsoft's signing keys cannot be fetched", async () => {
    keys = await startFakeBotFrameworkKeys();
    const token = keys.token(APP_ID);
    const closedPort = keys.openIdMetadataUrl;
    await keys.close();
    const { bot, lines } = await startAuthenticatedBot(closedPort);
    const response = await postActivity(bot.url, channelMessage('/help'), {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([
      expect.stringContaining("Microsoft's token signing keys cannot be fetched"),
    ]);
  });
});
