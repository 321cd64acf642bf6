import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Azurite's Table service, run inside this process, for local development and tests.
 *
 * `require('azurite')` does not work outside VS Code (its main module imports vscode), so we use
 * its table server classes directly. This is pinned with azurite ~3.35 (3.36+ needs Node 22).
 * It listens on loopback only: local data must never be reachable from the network.
 */
interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

type TableServerClass = new (config: unknown) => AzuriteTableServer;
type TableConfigurationClass = new (...args: unknown[]) => unknown;

export interface LocalAzuriteOptions {
  port: number;
  /** A folder for the data; omit for a throwaway in-memory store (tests). */
  location?: string;
}

export interface LocalAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function startLocalAzurite(options: LocalAzuriteOptions): Promise<LocalAzurite> {
  const TableServer = (require('azurite/dist/src/table/TableServer') as { default: TableServerClass })
    .default;
  const TableConfiguration = (
    require('azurite/dist/src/table/TableConfiguration') as { default: TableConfigurationClass }
  ).default;

  const inMemory = options.location === undefined;
  if (options.location) {
    await mkdir(options.location, { recursive: true });
  }
  const dbPath = options.location ? join(options.location, '__azurite_db_table__.json') : 'in-memory';
  // Positional arguments as in azurite's own table/main.js: host, port, keepAlive, db path,
  // debug log off, access log off, (stream), (debug file), loose, skipApiVersionCheck,
  // cert, key, pwd, oauth, disableProductStyleUrl, inMemoryPersistence.
  const config = new TableConfiguration(
    '127.0.0.1',
    options.port,
    undefined,
    dbPath,
    false,
    false,
    undefined,
    undefined,
    false,
    true,
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  );
  const server = new TableServer(config);
  try {
    await server.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new Error(
        `Port ${options.port} is already in use, so local Table storage (Azurite) cannot start. ` +
          'Stop the other program, or set AZURITE_PORT to a free port.',
      );
    }
    throw error;
  }
  const endpoint = server.getHttpServerAddress();
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=${endpoint}/${DEV_ACCOUNT};`,
    stop: () => server.close(),
  };
}
