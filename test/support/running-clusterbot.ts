import { randomBytes } from 'node:crypto';
import { afterEach, inject } from 'vitest';
import { type Config, loadConfig } from '../../src/config/load-config';
import type { Clock } from '../../src/domain/clock';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';

/** The whole server as `npm start` runs it, on the test Azurite, a free port and its own tables. */
const running: Array<{ close(): Promise<void> } | RunningClusterbot> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) {
    await ('stop' in item ? item.stop() : item.close());
  }
});

/** Stopped (or closed) after the test. */
export function stopAfterTest<T extends { close(): Promise<void> } | RunningClusterbot>(item: T): T {
  running.push(item);
  return item;
}

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  const config = loadConfig({
    TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
    TABLE_PREFIX: `Http${randomBytes(5).toString('hex')}`,
    ...env,
  });
  return { ...config, port: 0, host: '127.0.0.1' };
}

export async function startServer(config: Config, clock?: Clock) {
  return stopAfterTest(await startClusterbot(config, createLogger('silent'), clock));
}
