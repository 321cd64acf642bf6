import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalAzurite, startLocalAzurite } from '../../src/storage/local-azurite';
import { startConnectorRecorder } from '../support/connector-recorder';
import { startFakeApplicationInsights } from '../support/fake-application-insights';
import { type FakeManagedIdentity, startFakeManagedIdentity } from '../support/fake-managed-identity';
import { buildInstalledArtefact, devToolsPresentIn, startArtefact } from '../support/production-artefact';
import { channelMessage } from '../support/teams-activities';

const TENANT = randomUUID();
const IDENTITY_CLIENT_ID = randomUUID();
const SIGNING_SECRET = `signing-${randomUUID()}-${randomUUID()}`;
const TLS = join(__dirname, '../fixtures/tls');
const TEST_CERTIFICATE = {
  certPath: join(TLS, 'localhost-cert.pem'),
  keyPath: join(TLS, 'localhost-key.pem'),
};

/**
 * The artefact an IT admin deploys, installed as App Service installs it and run the way
 * infra/main.bicep configures it: a user-assigned managed identity for the bot and for Table
 * storage (an https Azurite that demands bearer tokens), no key or client secret anywhere.
 */
describe('the production artefact', () => {
  let dir: string;
  let storage: LocalAzurite;
  let identity: FakeManagedIdentity;

  beforeAll(async () => {
    dir = buildInstalledArtefact();
    storage = await startLocalAzurite({
      port: 0,
      https: TEST_CERTIFICATE,
    });
    identity = await startFakeManagedIdentity(TENANT);
  }, 240_000);

  afterAll(async () => {
    await storage?.stop();
    await identity?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const productionEnv = () => ({
    NODE_ENV: 'production',
    MicrosoftAppId: IDENTITY_CLIENT_ID,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: TENANT,
    AZURE_CLIENT_ID: IDENTITY_CLIENT_ID,
    TABLES_ENDPOINT: storage.endpoint,
    PUBLIC_BASE_URL: 'https://clusterbot.example.org',
    LINK_SIGNING_SECRET: SIGNING_SECRET,
    ALLOWED_TENANT_IDS: TENANT,
    // What App Service provides to a Web App with a managed identity, and the test CA for Azurite.
    ...identity.env,
    NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE.certPath,
  });

  it('is installed by npm ci --omit=dev without TypeScript, tsx or Azurite', () => {
    expect(devToolsPresentIn(dir)).toEqual([]);
    expect(devToolsPresentIn(join(__dirname, '../..'))).toContain('azurite');
  });

  it('starts with npm start, reaches Tables with its managed identity, and answers /healthz and /api/messages', async () => {
    const bot = await startArtefact(dir, productionEnv());
    try {
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', storage: 'reachable', auth: 'bot-framework' });

      const unsigned = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: '/help', channelId: 'msteams' }),
      });
      expect(unsigned.status).toBe(401);

      // Storage tokens came from the platform's identity endpoint, for that identity only.
      expect(identity.requests.length).toBeGreaterThan(0);
      expect(identity.requests.every((r) => r.headerOk && r.clientId === IDENTITY_CLIENT_ID)).toBe(true);
      expect(identity.requests[0]?.resource).toMatch(/^https:\/\/storage\.azure\.com/);
      // And no secret or token was ever written to the log.
      const output = bot.output();
      expect(output).not.toContain(SIGNING_SECRET);
      for (const token of identity.tokensIssued) expect(output).not.toContain(token.split('.')[1]);
    } finally {
      await bot.stop();
    }
  });

  it('sends requests and log lines to Application Insights with the request id, never the message text', async () => {
    const insights = await startFakeApplicationInsights(TEST_CERTIFICATE);
    const connector = await startConnectorRecorder();
    // Local mode (no bot registration) so the message is really handled, on the run's Azurite.
    const bot = await startArtefact(
      dir,
      {
        NODE_ENV: 'development',
        TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
        TABLE_PREFIX: 'Insights',
        APPLICATIONINSIGHTS_CONNECTION_STRING: insights.connectionString,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
        NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE.certPath,
      },
      { via: 'node' },
    );
    try {
      const marker = 'Ms Marker-Privatename';
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...channelMessage(`/help ${marker}`), serviceUrl: connector.serviceUrl }),
      });
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      await connector.waitFor(1);
      await fetch(`${bot.url}/clusters/C1/rota.ics?expires=1&sig=signature-never-logged`);
      await bot.stop(); // SIGTERM: the bot sends what is buffered before it exits

      const requests = insights.envelopes.filter((e) => e.data?.baseType === 'RequestData');
      const message = requests.find(
        (e) => e.data?.baseData?.properties?.['clusterbot.request_id'] === requestId,
      );
      expect(message?.data?.baseData).toMatchObject({ responseCode: '200' });
      const lines = insights.envelopes.filter((e) => e.data?.baseType === 'MessageData');
      expect(lines.map((e) => e.data?.baseData?.message)).toContain(
        'Clusterbot is listening on /api/messages',
      );
      expect(lines.some((e) => e.data?.baseData?.properties?.requestId === requestId)).toBe(true);
      expect(insights.raw()).not.toContain('Marker-Privatename');
      expect(insights.raw()).not.toContain('signature-never-logged');
    } finally {
      await bot.stop();
      await connector.close();
      await insights.close();
    }
  });

  it('refuses to start without its settings, listing every one with how to fix it', async () => {
    const failure = await startArtefact(dir, { NODE_ENV: 'production' }).then(
      () => undefined,
      (error: { output: string; code: number }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.output).toContain('Clusterbot cannot start: 5 settings need attention.');
    expect(failure?.output).toContain('set TABLES_ENDPOINT');
  });

  it('outside production with no storage configured, says local storage is for development installs', async () => {
    const failure = await startArtefact(dir, { NODE_ENV: 'development' }).then(
      () => undefined,
      (error: { output: string; code: number }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.output).toContain(
      'local storage (Azurite) is not installed: it is a development dependency',
    );
  });
});
