import type { TestProject } from 'vitest/node';
import { startLocalAzurite } from '../../src/storage/local-azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    tablesConnectionString: string;
  }
}

/**
 * One real Azurite Table service for the whole run, in memory, on a free loopback port. Test files
 * isolate themselves with their own table prefix (see test-tables.ts), so they can run in parallel.
 */
export default async function setup(project: TestProject) {
  const azurite = await startLocalAzurite({ port: 0 });
  project.provide('tablesConnectionString', azurite.connectionString);
  return async () => {
    await azurite.stop();
  };
}
