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
  /**
   * Speak https with these PEM files and accept bearer tokens as Azure does (Azurite's "basic"
   * OAuth: audience, issuer and lifetime checked, not the signature). For testing the
   * managed-identity path; the connection string then carries the https endpoint.
   */
  https?: { certPath: string; keyPath: string };
}

export interface LocalAzurite {
  /** The Table endpoint, e.g. http://127.0.0.1:10002/devstoreaccount1. */
  endpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * Azurite is a development dependency: a production install (`npm ci --omit=dev`) leaves it out,
 * so it is loaded only here, only when local storage was asked for.
 */
function loadAzurite(): { TableServer: TableServerClass; TableConfiguration: TableConfigurationClass } {
  try {
    return {
      TableServer: (require('azurite/dist/src/table/TableServer') as { default: TableServerClass }).default,
      TableConfiguration: (
        require('azurite/dist/src/table/TableConfiguration') as { default: TableConfigurationClass }
      ).default,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'No Table storage is configured, and local storage (Azurite) is not installed: it is a development ' +
        'dependency, left out of production installs. Set TABLES_ENDPOINT (managed identity) or ' +
        'TABLES_CONNECTION_STRING, or run from a clone after `npm install` for local mode.',
    );
  }
}

export async function startLocalAzurite(options: LocalAzuriteOptions): Promise<LocalAzurite> {
  const { TableServer, TableConfiguration } = loadAzurite();

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
    options.https?.certPath ?? '',
    options.https?.keyPath ?? '',
    '',
    options.https ? 'basic' : undefined,
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
  const endpoint = `${server.getHttpServerAddress()}/${DEV_ACCOUNT}`;
  return {
    endpoint,
    connectionString:
      `DefaultEndpointsProtocol=${options.https ? 'https' : 'http'};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=${endpoint};`,
    stop: () => server.close(),
  };
}
