import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config';

const APP_ID = '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs in local mode on loopback with local Azurite when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.linkSigningSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(config).toEqual({
      linkSigningSecret: expect.any(String),
      schedulerCron: '*/5 * * * *',
      retention: { answersSchoolYears: 2, draftMinutesYears: 1, changeLogYears: 6, deliveryReceiptDays: 365 },
      port: 3978,
      host: '127.0.0.1',
      nodeEnv: 'development',
      logLevel: 'info',
      auth: { mode: 'local' },
      storage: { kind: 'local-azurite', port: 10002, location: '.azurite' },
      tablePrefix: 'Clusterbot',
      allowedTenants: 'any',
      instanceId: expect.stringMatching(/:3978$/),
    });
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3', PORT: '8080' }).instanceId).toBe('a1b2c3:8080');
  });

  it('reads retention periods, and refuses one that is not a whole number in range', () => {
    expect(loadConfig({ RETENTION_CHANGE_LOG_YEARS: '7' }).retention.changeLogYears).toBe(7);
    expect(() => loadConfig({ RETENTION_ANSWERS_SCHOOL_YEARS: 'two' })).toThrow(
      'RETENTION_ANSWERS_SCHOOL_YEARS must be a whole number of school years',
    );
    expect(() => loadConfig({ RETENTION_DELIVERY_RECEIPT_DAYS: '0' })).toThrow(
      'RETENTION_DELIVERY_RECEIPT_DAYS must be between 1 and 3650 days',
    );
  });

  it('uses a bot registration with a password and listens on all interfaces', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', PORT: '8080' });
    expect(config.auth).toEqual({
      mode: 'bot-framework',
      botFramework: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppPassword: 'secret',
      },
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
  });

  it('accepts a certificate or a user-assigned managed identity instead of a password', () => {
    const withCertificate = loadConfig({
      MicrosoftAppId: APP_ID,
      CertificateThumbprint: 'AB12',
      CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----',
    });
    expect(withCertificate.auth.mode).toBe('bot-framework');
    const withIdentity = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    });
    expect(withIdentity.auth).toMatchObject({
      botFramework: { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT },
    });
  });

  it('uses the configured Table storage connection string instead of Azurite', () => {
    const config = loadConfig({ TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(config.storage).toEqual({
      kind: 'connection-string',
      connectionString: 'UseDevelopmentStorage=true',
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', PORT: '' }).auth.mode).toBe('local');
  });

  it('lists every problem at once, each saying how to fix it', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'not-a-guid',
      TABLE_PREFIX: '1bad-prefix',
    });
    expect(problems).toEqual([
      'PORT must be a whole number',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      expect.stringContaining('MicrosoftAppId must be the bot registration'),
      expect.stringContaining('TABLE_PREFIX must start with a letter'),
    ]);
  });

  it('refuses local mode and local storage in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringContaining('local mode (no bot authentication) is refused when NODE_ENV=production'),
      expect.stringContaining('production needs ALLOWED_TENANT_IDS'),
      expect.stringContaining('production needs PUBLIC_BASE_URL'),
      expect.stringContaining('production needs LINK_SIGNING_SECRET'),
      expect.stringContaining('production needs real Table storage: set TABLES_ENDPOINT'),
    ]);
  });

  it('reaches Table storage through a managed identity when given an https endpoint', () => {
    const config = loadConfig({
      TABLES_ENDPOINT: 'https://clusterbotdata.table.core.windows.net/',
      AZURE_CLIENT_ID: APP_ID,
    });
    expect(config.storage).toEqual({
      kind: 'managed-identity',
      endpoint: 'https://clusterbotdata.table.core.windows.net',
      managedIdentityClientId: APP_ID,
    });
    expect(loadConfig({ TABLES_ENDPOINT: 'https://clusterbotdata.table.core.windows.net' }).storage).toEqual({
      kind: 'managed-identity',
      endpoint: 'https://clusterbotdata.table.core.windows.net',
    });
  });

  it('accepts a production instance run wholly on one user-assigned managed identity', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      AZURE_CLIENT_ID: APP_ID,
      TABLES_ENDPOINT: 'https://clusterbotdata.table.core.windows.net',
      PUBLIC_BASE_URL: 'https://clusterbot.azurewebsites.net',
      LINK_SIGNING_SECRET: 'x'.repeat(64),
      ALLOWED_TENANT_IDS: `${TENANT}, 0f1e2d3c-4b5a-4968-8776-655443322110`,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${TENANT};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/`,
    });
    expect(config.auth).toEqual({
      mode: 'bot-framework',
      botFramework: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT,
      },
    });
    expect(config.storage.kind).toBe('managed-identity');
    expect(config.host).toBe('0.0.0.0');
    expect(config.applicationInsightsConnectionString).toContain('InstrumentationKey=');
    expect(config.allowedTenants).toEqual([TENANT, '0f1e2d3c-4b5a-4968-8776-655443322110']);
  });

  it('refuses a tenant allow-list that is not a list of tenant ids', () => {
    expect(problemsOf({ ALLOWED_TENANT_IDS: `${TENANT}, contoso.onmicrosoft.com` })).toEqual([
      expect.stringContaining('ALLOWED_TENANT_IDS must be Microsoft Entra tenant IDs'),
    ]);
  });

  it('refuses incomplete or contradictory managed-identity settings, saying what to change', () => {
    expect(problemsOf({ AZURE_CLIENT_ID: APP_ID })).toEqual([
      expect.stringContaining(
        'AZURE_CLIENT_ID names a managed identity for Table storage, so TABLES_ENDPOINT is needed too',
      ),
    ]);
    expect(problemsOf({ TABLES_ENDPOINT: 'http://clusterbotdata.table.core.windows.net' })).toEqual([
      expect.stringContaining("TABLES_ENDPOINT must be the storage account's Table endpoint over https"),
    ]);
    expect(
      problemsOf({
        TABLES_ENDPOINT: 'https://a.table.core.windows.net',
        TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      }),
    ).toEqual([expect.stringContaining('both TABLES_ENDPOINT and TABLES_CONNECTION_STRING are set')]);
    expect(
      problemsOf({
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        AZURE_CLIENT_ID: 'my-identity',
        TABLES_ENDPOINT: 'https://a.table.core.windows.net',
      }),
    ).toEqual([
      expect.stringContaining("AZURE_CLIENT_ID must be the user-assigned managed identity's client ID"),
      "MicrosoftAppType=UserAssignedMSI needs MicrosoftAppTenantId (your tenant's GUID)",
    ]);
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://uksouth.example' })).toEqual([
      expect.stringContaining('APPLICATIONINSIGHTS_CONNECTION_STRING must be'),
    ]);
  });

  it('never repeats a secret in its messages', () => {
    const secrets = { password: 'hunter2-password', signing: 'too-short-secret', key: 'AccountKey=abc123' };
    let message = '';
    try {
      loadConfig({
        NODE_ENV: 'production',
        MicrosoftAppPassword: secrets.password,
        LINK_SIGNING_SECRET: secrets.signing,
        TABLES_CONNECTION_STRING: secrets.key,
        TABLES_ENDPOINT: 'https://a.table.core.windows.net',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('settings need attention');
    for (const secret of Object.values(secrets)) expect(message).not.toContain(secret);
  });

  it('refuses an app id without any credential, and a credential without an app id', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID })).toEqual([
      expect.stringContaining('MicrosoftAppId is set but has no credential'),
    ]);
    expect(problemsOf({ MicrosoftAppPassword: 'secret' })).toEqual([
      'MicrosoftAppPassword is set but MicrosoftAppId is missing: set MicrosoftAppId too, or remove MicrosoftAppPassword',
    ]);
  });

  it('needs a tenant for single-tenant registrations and both halves of a certificate', () => {
    expect(
      problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', CertificateThumbprint: 'AB12' }),
    ).toEqual([
      'a certificate needs both CertificateThumbprint and CertificatePrivateKey',
      expect.stringContaining('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId'),
    ]);
  });

  it('says how many settings need attention in one message', () => {
    expect(() => loadConfig({ PORT: '0', AZURITE_PORT: '70000' })).toThrow(
      /Clusterbot cannot start: 2 settings need attention\.\n {2}- PORT must be between 1 and 65535\n {2}- AZURITE_PORT must be between 1 and 65535/,
    );
  });
});
