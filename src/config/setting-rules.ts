/**
 * How settings combine, and what a production instance cannot run without. Each problem names
 * the setting and says how to fix it; loadConfig reports them all at once.
 */
export interface SettingValues {
  NODE_ENV: string;
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppType: string;
  MicrosoftAppTenantId?: string | undefined;
  CertificateThumbprint?: string | undefined;
  CertificatePrivateKey?: string | undefined;
  TABLES_CONNECTION_STRING?: string | undefined;
  TABLES_ENDPOINT?: string | undefined;
  AZURE_CLIENT_ID?: string | undefined;
  PUBLIC_BASE_URL?: string | undefined;
  LINK_SIGNING_SECRET?: string | undefined;
  ALLOWED_TENANT_IDS?: string | undefined;
}

export interface SettingProblem {
  setting: string;
  message: string;
}

export interface ProductionRequirement {
  /** Any one of these settings satisfies the requirement. */
  anyOf: readonly (keyof SettingValues)[];
  message: string;
}

/**
 * What NODE_ENV=production refuses to start without. The Bicep test reads this list and fails
 * when infra/main.bicep does not set one of them, so a deployment can never be short of a setting.
 */
export const PRODUCTION_REQUIREMENTS: readonly ProductionRequirement[] = [
  {
    anyOf: ['MicrosoftAppId'],
    message:
      'local mode (no bot authentication) is refused when NODE_ENV=production: set MicrosoftAppId and its credential',
  },
  {
    anyOf: ['ALLOWED_TENANT_IDS'],
    message:
      'production needs ALLOWED_TENANT_IDS, the Microsoft Entra tenants whose people may use the bot (your own tenant ID, comma-separated if several), so no other organisation can',
  },
  {
    anyOf: ['PUBLIC_BASE_URL'],
    message: 'production needs PUBLIC_BASE_URL, the https address of the bot (see README: "Deploy to Azure")',
  },
  {
    anyOf: ['LINK_SIGNING_SECRET'],
    message:
      'production needs LINK_SIGNING_SECRET, which signs download links (see README: "Deploy to Azure")',
  },
  {
    anyOf: ['TABLES_ENDPOINT', 'TABLES_CONNECTION_STRING'],
    message:
      'production needs real Table storage: set TABLES_ENDPOINT (https://<account>.table.core.windows.net, reached with a managed identity) or TABLES_CONNECTION_STRING',
  },
];

export function checkSettingCombinations(env: SettingValues): SettingProblem[] {
  return [...botCredentialProblems(env), ...storageProblems(env), ...productionProblems(env)];
}

function botCredentialProblems(env: SettingValues): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const hasCertificate = env.CertificateThumbprint !== undefined || env.CertificatePrivateKey !== undefined;
  if (env.MicrosoftAppId === undefined) {
    for (const name of ['MicrosoftAppPassword', 'CertificateThumbprint', 'CertificatePrivateKey'] as const) {
      if (env[name] !== undefined) {
        problems.push({
          setting: name,
          message: `${name} is set but MicrosoftAppId is missing: set MicrosoftAppId too, or remove ${name}`,
        });
      }
    }
    return problems;
  }
  if (
    hasCertificate &&
    (env.CertificateThumbprint === undefined || env.CertificatePrivateKey === undefined)
  ) {
    problems.push({
      setting: 'CertificateThumbprint',
      message: 'a certificate needs both CertificateThumbprint and CertificatePrivateKey',
    });
  }
  const hasCredential =
    env.MicrosoftAppPassword !== undefined || hasCertificate || env.MicrosoftAppType === 'UserAssignedMSI';
  if (!hasCredential) {
    problems.push({
      setting: 'MicrosoftAppPassword',
      message:
        'MicrosoftAppId is set but has no credential: set MicrosoftAppPassword, or CertificateThumbprint and CertificatePrivateKey, or MicrosoftAppType=UserAssignedMSI',
    });
  }
  if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
    problems.push({
      setting: 'MicrosoftAppTenantId',
      message: `MicrosoftAppType=${env.MicrosoftAppType} needs MicrosoftAppTenantId (your tenant's GUID)`,
    });
  }
  return problems;
}

function storageProblems(env: SettingValues): SettingProblem[] {
  if (env.TABLES_ENDPOINT !== undefined && env.TABLES_CONNECTION_STRING !== undefined) {
    return [
      {
        setting: 'TABLES_ENDPOINT',
        message:
          'both TABLES_ENDPOINT and TABLES_CONNECTION_STRING are set: keep TABLES_ENDPOINT for a managed identity, or the connection string for an account key, not both',
      },
    ];
  }
  if (env.AZURE_CLIENT_ID !== undefined && env.TABLES_ENDPOINT === undefined) {
    return [
      {
        setting: 'AZURE_CLIENT_ID',
        message:
          'AZURE_CLIENT_ID names a managed identity for Table storage, so TABLES_ENDPOINT is needed too (https://<account>.table.core.windows.net)',
      },
    ];
  }
  return [];
}

function productionProblems(env: SettingValues): SettingProblem[] {
  if (env.NODE_ENV !== 'production') return [];
  return PRODUCTION_REQUIREMENTS.filter((rule) => rule.anyOf.every((name) => env[name] === undefined)).map(
    (rule) => ({ setting: rule.anyOf[0] ?? 'NODE_ENV', message: rule.message }),
  );
}
