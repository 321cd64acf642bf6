import { existsSync } from 'node:fs';
import { type Config, ConfigError, loadConfig } from './config/load-config';
import { createLogger } from './logging/logger';
import { type RunningClusterbot, startClusterbot } from './start-clusterbot';

const LOCAL_MODE_BANNER = [
  '',
  '  ============================================================================',
  '   LOCAL MODE: no MicrosoftAppId is set, so incoming requests are NOT',
  '   authenticated. Listening on loopback only. Fine for Agents Playground and',
  '   tests; never for real users (NODE_ENV=production refuses to start like this).',
  '  ============================================================================',
  '',
].join('\n');

async function main(): Promise<void> {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  if (config.auth.mode === 'local') {
    process.stderr.write(LOCAL_MODE_BANNER);
    logger.warn({ host: config.host }, 'local mode: Bot Framework authentication is OFF');
  }

  let running: RunningClusterbot;
  try {
    running = await startClusterbot(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'Clusterbot could not start');
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
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
