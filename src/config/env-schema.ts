import { z } from 'zod';
import { checkSettingCombinations } from './setting-rules';

/**
 * Each environment variable on its own: its type, default and the message that says how to fix
 * it. How settings combine (and what production needs) is in setting-rules.ts.
 * Messages never repeat a value: a mistyped secret must not end up in a log.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalGuid = (message: string) =>
  optionalText.refine((v) => v === undefined || GUID.test(v), { message });

/** A retention period: a whole number of years or days, within sensible bounds. */
const period = (name: string, fallback: number, unit: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : String(fallback)))
    .pipe(
      z.coerce
        .number({ invalid_type_error: `${name} must be a whole number of ${unit}` })
        .int(`${name} must be a whole number of ${unit}`)
        .min(1, `${name} must be between 1 and ${max} ${unit}`)
        .max(max, `${name} must be between 1 and ${max} ${unit}`),
    );

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

const oneOf = <T extends [string, ...string[]]>(name: string, values: T, fallback: T[number]) =>
  optionalText.pipe(
    z
      .enum(values, { errorMap: () => ({ message: `${name} must be one of ${values.join(', ')}` }) })
      .default(fallback as never),
  );

export const EnvSchema = z
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
    LOG_LEVEL: oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies [string, ...string[]],
      'info',
    ),
    MicrosoftAppId: optionalGuid(
      "MicrosoftAppId must be the bot registration's Application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000",
    ),
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
    MicrosoftAppTenantId: optionalGuid(
      "MicrosoftAppTenantId must be your Microsoft Entra tenant's ID, a GUID (Azure portal: Microsoft Entra ID, Overview)",
    ),
    ALLOWED_TENANT_IDS: optionalText.refine(
      (v) => v === undefined || v.split(',').every((id) => GUID.test(id.trim())),
      {
        message:
          'ALLOWED_TENANT_IDS must be Microsoft Entra tenant IDs (GUIDs), separated by commas, such as 72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
    ),
    CertificateThumbprint: optionalText,
    CertificatePrivateKey: optionalText,
    TABLES_CONNECTION_STRING: optionalText,
    TABLES_ENDPOINT: optionalText.refine((v) => v === undefined || /^https:\/\/[^\s/]+(\/\S*)?$/.test(v), {
      message:
        "TABLES_ENDPOINT must be the storage account's Table endpoint over https, such as https://<account>.table.core.windows.net",
    }),
    AZURE_CLIENT_ID: optionalGuid(
      "AZURE_CLIENT_ID must be the user-assigned managed identity's client ID, a GUID (Azure portal: the identity's Overview)",
    ),
    /** Set by App Service on each instance; names this instance when it claims scheduled sends. */
    WEBSITE_INSTANCE_ID: optionalText,
    AZURITE_PORT: port('AZURITE_PORT', 10002),
    AZURITE_LOCATION: optionalText,
    PUBLIC_BASE_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message:
        'PUBLIC_BASE_URL must be the address people reach the bot at, such as https://clusterbot.example.org',
    }),
    EES_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message:
        'EES_API_URL must be the address of the EES public API, such as https://api.education.gov.uk/statistics/v1',
    }),
    EES_KS2_DATA_SETS: optionalText.refine((v) => v === undefined || /^[\w-]+(\s*,\s*[\w-]+)*$/.test(v), {
      message: 'EES_KS2_DATA_SETS must be the data set ids to fetch, separated by commas',
    }),
    LINK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message:
        'LINK_SIGNING_SECRET must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)',
    }),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
      (v) => v === undefined || /(^|;)\s*InstrumentationKey=/i.test(v),
      {
        message:
          "APPLICATIONINSIGHTS_CONNECTION_STRING must be the Application Insights resource's connection string (it starts InstrumentationKey=…)",
      },
    ),
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
    RETENTION_ANSWERS_SCHOOL_YEARS: period('RETENTION_ANSWERS_SCHOOL_YEARS', 2, 'school years', 10),
    RETENTION_DRAFT_MINUTES_YEARS: period('RETENTION_DRAFT_MINUTES_YEARS', 1, 'years', 10),
    RETENTION_CHANGE_LOG_YEARS: period('RETENTION_CHANGE_LOG_YEARS', 6, 'years', 20),
    RETENTION_DELIVERY_RECEIPT_DAYS: period('RETENTION_DELIVERY_RECEIPT_DAYS', 365, 'days', 3650),
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
    for (const { setting, message } of checkSettingCombinations(env)) {
      ctx.addIssue({ code: 'custom', path: [setting], message });
    }
  });

export type Env = z.output<typeof EnvSchema>;

/** Every environment variable loadConfig reads (the Bicep test checks app settings against it). */
export const SETTING_NAMES: readonly string[] = Object.keys(EnvSchema.innerType().shape);
