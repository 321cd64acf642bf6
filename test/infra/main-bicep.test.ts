import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasePackageJson } from '../../scripts/build-release';
import { SETTING_NAMES } from '../../src/config/env-schema';
import { loadConfig } from '../../src/config/load-config';
import { PRODUCTION_REQUIREMENTS } from '../../src/config/setting-rules';
import { appSettingsOf, readBicep } from '../support/read-bicep';

const INFRA = join(__dirname, '../../infra');
const bicep = readBicep(join(INFRA, 'main.bicep'));
const webApp = bicep.resource('Microsoft.Web/sites');
const settings = appSettingsOf(webApp.body);
const settingNames = settings.map((s) => s.name);

const STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

/** What Azure would put where the Bicep has an expression, to run loadConfig on the result. */
const DEPLOYED_VALUES: Record<string, string> = {
  MicrosoftAppId: '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d',
  AZURE_CLIENT_ID: '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d',
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  ALLOWED_TENANT_IDS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  TABLES_ENDPOINT: 'https://clusterbotabc.table.core.windows.net/',
  PUBLIC_BASE_URL: 'https://clusterbot-abc.azurewebsites.net',
  // App Service resolves the Key Vault reference before the process starts.
  LINK_SIGNING_SECRET: 'a'.repeat(64),
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
};

function deployedEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    settings.map(({ name, value }) => {
      const literal = /^'([^'$]*)'$/.exec(value)?.[1];
      return [name, literal ?? DEPLOYED_VALUES[name] ?? `unresolved expression ${value}`];
    }),
  );
}

describe('infra/main.bicep', () => {
  it('deploys the resources of a Teams bot on App Service, and nothing else', () => {
    expect(bicep.resources.map((r) => r.type).sort()).toEqual(
      [
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.Insights/components',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
      ].sort(),
    );
    for (const resource of bicep.resources) expect(resource.apiVersion).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('runs Node 20 on Linux, always on, health-checked, https only, on two instances by default', () => {
    // The artefact's own start command, run without npm in between.
    const source = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(webApp.body).toContain(`appCommandLine: '${releasePackageJson(source).scripts.start}'`);
    const plan = bicep.resource('Microsoft.Web/serverfarms');
    expect(plan.body).toMatch(/kind: 'linux'/);
    expect(plan.body).toMatch(/reserved: true/);
    expect(plan.body).toMatch(/capacity: instanceCount/);
    expect(bicep.params.find((p) => p.name === 'instanceCount')?.defaultValue).toBe('2');
    for (const line of [
      "linuxFxVersion: 'NODE|20-lts'",
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      'httpsOnly: true',
      "minTlsVersion: '1.2'",
      "ftpsState: 'Disabled'",
    ]) {
      expect(webApp.body).toContain(line);
    }
  });

  it('keeps Table storage keyless and private: shared keys off, no public blobs, TLS 1.2', () => {
    const storage = bicep.resource('Microsoft.Storage/storageAccounts');
    expect(storage.body).toMatch(/allowSharedKeyAccess: false/);
    expect(storage.body).toMatch(/allowBlobPublicAccess: false/);
    expect(storage.body).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(bicep.source).not.toMatch(/listKeys\(|AccountKey=/);
  });

  it('gives one user-assigned identity the table role on that account and makes it the Web App identity', () => {
    const identity = bicep.resource('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const storage = bicep.resource('Microsoft.Storage/storageAccounts').symbol;
    const tableRole = bicep.resources.find((r) => r.body.includes('storageTableDataContributor)'));
    expect(bicep.source).toContain(`var storageTableDataContributor = '${STORAGE_TABLE_DATA_CONTRIBUTOR}'`);
    expect(tableRole?.body).toContain(`scope: ${storage}\n`);
    expect(tableRole?.body).toContain(`principalId: ${identity}.properties.principalId`);
    expect(webApp.body).toMatch(
      new RegExp(
        `type: 'UserAssigned'\\s+userAssignedIdentities: \\{ '\\$\\{${identity}\\.id\\}': \\{\\} \\}`,
      ),
    );
    expect(webApp.body).toContain(`keyVaultReferenceIdentity: ${identity}.id`);
  });

  it('registers the bot for that identity (no client secret) with the Teams channel and the /api/messages endpoint', () => {
    const identity = bicep.resource('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const bot = bicep.resource('Microsoft.BotService/botServices');
    expect(bot.body).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot.body).toContain(`msaAppId: ${identity}.properties.clientId`);
    expect(bot.body).toContain(`msaAppMSIResourceId: ${identity}.id`);
    // Bicep interpolation, not JavaScript's: the endpoint is the Web App's own host name.
    expect(bot.body).toContain(`endpoint: 'https://\${publicHostName}/api/messages'`);
    const channel = bicep.resource('Microsoft.BotService/botServices/channels');
    expect(channel.body).toContain(`parent: ${bot.symbol}`);
    expect(channel.body).toContain("channelName: 'MsTeamsChannel'");
    const value = (name: string) => settings.find((s) => s.name === name)?.value;
    expect(value('MicrosoftAppType')).toBe("'UserAssignedMSI'");
    expect(value('MicrosoftAppId')).toBe(`${identity}.properties.clientId`);
    expect(value('AZURE_CLIENT_ID')).toBe(`${identity}.properties.clientId`);
    expect(settingNames).not.toContain('MicrosoftAppPassword');
  });

  it('keeps the signing secret in Key Vault, readable by the identity only, referenced from the app settings', () => {
    const identity = bicep.resource('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const vault = bicep.resource('Microsoft.KeyVault/vaults');
    const secret = bicep.resource('Microsoft.KeyVault/vaults/secrets');
    expect(vault.body).toContain('enableRbacAuthorization: true');
    const secretRole = bicep.resources.find((r) => r.body.includes('keyVaultSecretsUser)'));
    expect(bicep.source).toContain(`var keyVaultSecretsUser = '${KEY_VAULT_SECRETS_USER}'`);
    expect(secretRole?.body).toContain(`scope: ${secret.symbol}\n`);
    expect(secretRole?.body).toContain(`principalId: ${identity}.properties.principalId`);
    expect(settings.find((s) => s.name === 'LINK_SIGNING_SECRET')?.value).toBe(
      `'@Microsoft.KeyVault(SecretUri=\${${secret.symbol}.properties.secretUri})'`,
    );
  });

  it('sends logs to a workspace-based Application Insights', () => {
    const insights = bicep.resource('Microsoft.Insights/components');
    const workspace = bicep.resource('Microsoft.OperationalInsights/workspaces');
    expect(insights.body).toContain(`WorkspaceResourceId: ${workspace.symbol}.id`);
    expect(settings.find((s) => s.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.value).toBe(
      `${insights.symbol}.properties.ConnectionString`,
    );
  });

  it('sets every setting production requires, and only settings the bot or App Service knows', () => {
    for (const requirement of PRODUCTION_REQUIREMENTS) {
      expect(
        requirement.anyOf.some((name) => settingNames.includes(name)),
        `infra/main.bicep sets none of ${requirement.anyOf.join(', ')}`,
      ).toBe(true);
    }
    for (const name of settingNames) {
      expect(SETTING_NAMES.includes(name) || /^(WEBSITE|SCM)_/.test(name), `${name} is read by nothing`).toBe(
        true,
      );
    }
  });

  it('configures a production instance that loadConfig accepts as it stands', () => {
    const config = loadConfig(deployedEnvironment());
    expect(config.nodeEnv).toBe('production');
    expect(config.auth).toMatchObject({
      mode: 'bot-framework',
      botFramework: { MicrosoftAppType: 'UserAssignedMSI' },
    });
    expect(config.storage).toEqual({
      kind: 'managed-identity',
      endpoint: 'https://clusterbotabc.table.core.windows.net',
      managedIdentityClientId: DEPLOYED_VALUES.AZURE_CLIENT_ID,
    });
    expect(config.applicationInsightsConnectionString).toBeDefined();
    expect(config.allowedTenants).toEqual(['72f988bf-86f1-41af-91ab-2d7cd011db47']);
  });

  it('holds no secret in its parameters: secrets are @secure() without a default, and the example file has none', () => {
    const secretLike = /secret|password|key$/i;
    for (const param of bicep.params.filter((p) => secretLike.test(p.name))) {
      expect(param.decorators, param.name).toContain('@secure()');
      expect(param.defaultValue, param.name).toBeUndefined();
    }
    const example = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    expect(Object.keys(example.parameters).filter((name) => secretLike.test(name))).toEqual([]);
    expect(Object.keys(example.parameters)).toContain('resourceBaseName');
    for (const name of Object.keys(example.parameters)) {
      expect(
        bicep.params.map((p) => p.name),
        `${name} is not a parameter of main.bicep`,
      ).toContain(name);
    }
  });
});
