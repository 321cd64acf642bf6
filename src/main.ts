/**
 * Clusterbot's entry point. Where everything is, one hop from here:
 * - what starts and is wired together: start-clusterbot.ts → compose-clusterbot.ts (every service);
 * - typed commands (/rota, /school, …): commands/all-commands.ts, one file per command;
 * - card buttons and install events: teams/clusterbot.ts registers teams/listeners/*, one per file;
 * - scheduled sends (reminders, nudges, summaries, overdue actions): scheduler/reminder-scheduler.ts
 *   → services/reminder-job.ts, told to people through notices/cluster-notices.ts;
 * - web routes (health, privacy page, signed downloads): http/create-http-server.ts;
 * - the rules themselves: domain/ (who may do what: domain/clusters/who-may.ts).
 * docs/architecture.md has the rooms of src and which may use which.
 */
import { existsSync } from 'node:fs';
import { type Config, ConfigError, loadConfig } from './config/load-config';
import { createLogger } from './logging/logger';
import { loadTeamsAiWithoutUnusedParts } from './teams/lighter-sdk-load';
import type { Telemetry } from './telemetry/application-insights';

const LOCAL_MODE_BANNER = [
  '',
  '  ============================================================================',
  '   LOCAL MODE: no MicrosoftAppId is set, so incoming requests are NOT',
  '   authenticated. Listening on loopback only. Fine for Agents Playground and',
  '   tests; never for real users (NODE_ENV=production refuses to start like this).',
  '   Every Microsoft 365 tenant is allowed unless ALLOWED_TENANT_IDS is set.',
  '  ============================================================================',
  '',
].join('\n');

function readConfig(): Config {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();

  // Telemetry first: it instruments http, express and the Azure SDK as they are loaded below.
  let telemetry: Telemetry | undefined;
  if (config.applicationInsightsConnectionString) {
    const { startApplicationInsights } =
      require('./telemetry/application-insights') as typeof import('./telemetry/application-insights');
    telemetry = startApplicationInsights(config.applicationInsightsConnectionString);
  }
  const logger = createLogger(config.logLevel, undefined, telemetry?.logStream);
  if (config.auth.mode === 'local') {
    process.stderr.write(LOCAL_MODE_BANNER);
    logger.warn({ host: config.host }, 'local mode: Bot Framework authentication is OFF');
  } else if (config.allowedTenants === 'any') {
    logger.warn('ALLOWED_TENANT_IDS is not set: people from any Microsoft 365 tenant may use this bot');
  }

  loadTeamsAiWithoutUnusedParts();
  const { startClusterbot } = require('./start-clusterbot') as typeof import('./start-clusterbot');
  let running: Awaited<ReturnType<typeof startClusterbot>>;
  try {
    running = await startClusterbot(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'Clusterbot could not start');
    await telemetry?.stop();
    console.error(`\nClusterbot could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.error(`\nClusterbot is ready at ${running.url}/api/messages (health: ${running.url}/healthz)\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await running.stop();
    await telemetry?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
