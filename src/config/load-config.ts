import { randomBytes } from 'node:crypto';
import { z } from 'zod';

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
      };
    };

export type StorageConfig =
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
  /** Signs download links; random per run unless configured (links then die on restart). */
  linkSigningSecret: string;
  /** How often the reminder round looks for due work (cron, Europe/London), or 'off'. */
  schedulerCron: string;
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

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : String(fallback)))
    .pipe(
      z.coerce
        .number({ invalid_type_error: `${name} must be a whole number` })
        .int(`${name} must be a whole number`)
        .min(1, `${name} must be between 1 and 65535`)
        .max(65535, `${name} must be between 1 and 65535`),
    );

const EnvSchema = z
  .object({
    PORT: port('PORT', 3978),
    HOST: optionalText,
    NODE_ENV: optionalText.pipe(
      z
        .enum(['development', 'test', 'production'], {
          errorMap: () => ({ message: 'NODE_ENV must be development, test or production' }),
        })
        .default('development'),
    ),
    LOG_LEVEL: optionalText.pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          errorMap: () => ({
            message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
          }),
        })
        .default('info'),
    ),
    MicrosoftAppId: optionalText.refine((v) => v === undefined || GUID.test(v), {
      message:
        "MicrosoftAppId must be the bot registration's Application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000",
    }),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText.pipe(
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          errorMap: () => ({
            message: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI',
          }),
        })
        .default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText,
    CertificateThumbprint: optionalText,
    CertificatePrivateKey: optionalText,
    TABLES_CONNECTION_STRING: optionalText,
    AZURITE_PORT: port('AZURITE_PORT', 10002),
    AZURITE_LOCATION: optionalText,
    PUBLIC_BASE_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message:
        'PUBLIC_BASE_URL must be the address people reach the bot at, such as https://clusterbot.example.org',
    }),
    LINK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message:
        'LINK_SIGNING_SECRET must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)',
    }),
    SCHEDULER_CRON: optionalText
      .transform((v) => v ?? '*/5 * * * *')
      .pipe(
        z
          .string()
          .regex(
            /^(off|(\S+\s+){4,5}\S+)$/,
            'SCHEDULER_CRON must be a cron expression such as "*/5 * * * *" (every 5 minutes), or "off"',
          ),
      ),
    TABLE_PREFIX: optionalText
      .transform((v) => v ?? 'Clusterbot')
      .pipe(
        z
          .string()
          .regex(
            /^[A-Za-z][A-Za-z0-9]{0,39}$/,
            'TABLE_PREFIX must start with a letter and use only letters and digits (at most 40)',
          ),
      ),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const hasCertificate = env.CertificateThumbprint !== undefined || env.CertificatePrivateKey !== undefined;

    if (env.MicrosoftAppId === undefined) {
      for (const name of [
        'MicrosoftAppPassword',
        'CertificateThumbprint',
        'CertificatePrivateKey',
      ] as const) {
        if (env[name] !== undefined) {
          problem(
            name,
            `${name} is set but MicrosoftAppId is missing: set MicrosoftAppId too, or remove ${name}`,
          );
        }
      }
      if (env.NODE_ENV === 'production') {
        problem(
          'MicrosoftAppId',
          'local mode (no bot authentication) is refused when NODE_ENV=production: set MicrosoftAppId and its credential',
        );
      }
    } else {
      if (
        hasCertificate &&
        (env.CertificateThumbprint === undefined || env.CertificatePrivateKey === undefined)
      ) {
        problem(
          'CertificateThumbprint',
          'a certificate needs both CertificateThumbprint and CertificatePrivateKey',
        );
      }
      const hasCredential =
        env.MicrosoftAppPassword !== undefined ||
        hasCertificate ||
        env.MicrosoftAppType === 'UserAssignedMSI';
      if (!hasCredential) {
        problem(
          'MicrosoftAppPassword',
          'MicrosoftAppId is set but has no credential: set MicrosoftAppPassword, or CertificateThumbprint and CertificatePrivateKey, or MicrosoftAppType=UserAssignedMSI',
        );
      }
      if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
        problem(
          'MicrosoftAppTenantId',
          `MicrosoftAppType=${env.MicrosoftAppType} needs MicrosoftAppTenantId (your tenant's GUID)`,
        );
      }
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['PUBLIC_BASE_URL', 'LINK_SIGNING_SECRET'] as const) {
        if (env[name] === undefined)
          problem(name, `production needs ${name} (see README: "Pointing it at Azure")`);
      }
    }
    if (env.TABLES_CONNECTION_STRING === undefined && env.NODE_ENV === 'production') {
      problem(
        'TABLES_CONNECTION_STRING',
        "production needs real Table storage: set TABLES_CONNECTION_STRING to the storage account's connection string",
      );
    }
  });

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
    storage:
      e.TABLES_CONNECTION_STRING !== undefined
        ? { kind: 'connection-string', connectionString: e.TABLES_CONNECTION_STRING }
        : { kind: 'local-azurite', port: e.AZURITE_PORT, location: e.AZURITE_LOCATION ?? '.azurite' },
    tablePrefix: e.TABLE_PREFIX,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL } : {}),
    linkSigningSecret: e.LINK_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
    schedulerCron: e.SCHEDULER_CRON,
  };
}

function definedOnly<T extends Record<string, string | undefined>>(
  values: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
