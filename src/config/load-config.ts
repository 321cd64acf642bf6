import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type Env, EnvSchema } from './env-schema';

/**
 * All configuration, read once at start-up from the environment (and `.env`, which main.ts loads).
 * A bad or missing value stops start-up with one message that lists every problem and its fix.
 */
export type AuthConfig =
  | { mode: 'local' }
  | {
      mode: 'bot-framework';
      /** Passed as-is to botbuilder's ConfigurationBotFrameworkAuthentication. */
      botFramework: {
        MicrosoftAppId: string;
        MicrosoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
        MicrosoftAppPassword?: string;
        MicrosoftAppTenantId?: string;
        CertificateThumbprint?: string;
        CertificatePrivateKey?: string;
        /**
         * Where Microsoft's signing keys are published, and the issuer they sign as: botbuilder's
         * defaults for the public cloud. Set only by tests (a fake key server on loopback).
         */
        ToBotFromChannelOpenIdMetadataUrl?: string;
        ToBotFromChannelTokenIssuer?: string;
      };
    };

export type StorageConfig =
  /** Azure Tables through a managed identity (no key anywhere): production's way. */
  | { kind: 'managed-identity'; endpoint: string; managedIdentityClientId?: string }
  /** An account key inside a connection string: Azurite, or accounts that still allow keys. */
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'local-azurite'; port: number; location: string };

export interface Config {
  port: number;
  host: string;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  auth: AuthConfig;
  storage: StorageConfig;
  tablePrefix: string;
  /**
   * Where people's browsers and calendar programs reach the bot (for download links). Unset
   * (local use): the address the bot is listening on.
   */
  publicBaseUrl?: string;
  /** Fetching KS2 data sets from the EES public API instead of pasting files (both set, or neither). */
  ees?: { apiUrl: string; dataSets: string[] };
  /** Signs download links; random per run unless configured (links then die on restart). */
  linkSigningSecret: string;
  /** How often the reminder round looks for due work (cron, Europe/London), or 'off'. */
  schedulerCron: string;
  /** How long what names people is kept (see domain/privacy/retention.ts for the defaults' reasons). */
  retention: {
    answersSchoolYears: number;
    draftMinutesYears: number;
    changeLogYears: number;
    deliveryReceiptDays: number;
  };
  /**
   * The Microsoft Entra tenants whose people may use the bot; 'any' when ALLOWED_TENANT_IDS is
   * unset, which production refuses.
   */
  allowedTenants: readonly string[] | 'any';
  /** Set: traces, requests and exceptions go to Application Insights. */
  applicationInsightsConnectionString?: string;
  /**
   * Who this instance is when it claims scheduled sends: App Service's instance id, else the
   * host name and port. The same after a restart, so it takes its own unfinished claims back.
   */
  instanceId: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      `Clusterbot cannot start: ${problems.length === 1 ? 'one setting needs' : `${problems.length} settings need`} attention.\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const auth: AuthConfig =
    e.MicrosoftAppId === undefined
      ? { mode: 'local' }
      : {
          mode: 'bot-framework',
          botFramework: {
            MicrosoftAppId: e.MicrosoftAppId,
            MicrosoftAppType: e.MicrosoftAppType,
            ...definedOnly({
              MicrosoftAppPassword: e.MicrosoftAppPassword,
              MicrosoftAppTenantId: e.MicrosoftAppTenantId,
              CertificateThumbprint: e.CertificateThumbprint,
              CertificatePrivateKey: e.CertificatePrivateKey,
            }),
          },
        };
  return {
    port: e.PORT,
    // Without authentication anyone who can reach the port could talk as anyone: stay on loopback.
    host: e.HOST ?? (auth.mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    auth,
    storage: storageConfig(e),
    tablePrefix: e.TABLE_PREFIX,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL } : {}),
    ...(e.EES_KS2_DATA_SETS
      ? {
          ees: {
            apiUrl: (e.EES_API_URL ?? 'https://api.education.gov.uk/statistics/v1').replace(/\/+$/, ''),
            dataSets: e.EES_KS2_DATA_SETS.split(',').map((id) => id.trim()),
          },
        }
      : {}),
    linkSigningSecret: e.LINK_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
    schedulerCron: e.SCHEDULER_CRON,
    retention: {
      answersSchoolYears: e.RETENTION_ANSWERS_SCHOOL_YEARS,
      draftMinutesYears: e.RETENTION_DRAFT_MINUTES_YEARS,
      changeLogYears: e.RETENTION_CHANGE_LOG_YEARS,
      deliveryReceiptDays: e.RETENTION_DELIVERY_RECEIPT_DAYS,
    },
    instanceId: `${e.WEBSITE_INSTANCE_ID ?? hostname()}:${e.PORT}`,
    allowedTenants: e.ALLOWED_TENANT_IDS
      ? e.ALLOWED_TENANT_IDS.split(',').map((id) => id.trim().toLowerCase())
      : 'any',
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : {}),
  };
}

function storageConfig(e: Env): StorageConfig {
  if (e.TABLES_ENDPOINT !== undefined) {
    return {
      kind: 'managed-identity',
      endpoint: e.TABLES_ENDPOINT.replace(/\/$/, ''),
      ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}),
    };
  }
  if (e.TABLES_CONNECTION_STRING !== undefined) {
    return { kind: 'connection-string', connectionString: e.TABLES_CONNECTION_STRING };
  }
  return { kind: 'local-azurite', port: e.AZURITE_PORT, location: e.AZURITE_LOCATION ?? '.azurite' };
}

function definedOnly<T extends Record<string, string | undefined>>(
  values: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
