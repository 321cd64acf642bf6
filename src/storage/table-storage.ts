import { TableClient, TableServiceClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { TABLES, type TableName, tableName } from './table-names';

/**
 * How to reach Table storage: a connection string (Azurite, or an account that still allows
 * keys), or an https endpoint with a token credential (a managed identity in production).
 */
export type TableStorageSettings = { tablePrefix: string } & (
  | { connectionString: string }
  | { endpoint: string; credential: TokenCredential }
);

/**
 * The one place that opens Table storage. The same code serves Azure and Azurite: only the
 * connection settings differ (Azurite speaks plain http on loopback).
 */
export class TableStorage {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly service: TableServiceClient;

  constructor(private readonly settings: TableStorageSettings) {
    this.service =
      'connectionString' in settings
        ? TableServiceClient.fromConnectionString(settings.connectionString, clientOptions(settings))
        : new TableServiceClient(settings.endpoint, settings.credential, clientOptions(settings));
  }

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const settings = this.settings;
      const table = tableName(settings.tablePrefix, name);
      client =
        'connectionString' in settings
          ? TableClient.fromConnectionString(settings.connectionString, table, clientOptions(settings))
          : new TableClient(settings.endpoint, table, settings.credential, clientOptions(settings));
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates any missing tables; existing tables and their data are left alone. */
  async ensureTables(): Promise<void> {
    await Promise.all((Object.keys(TABLES) as TableName[]).map((name) => this.table(name).createTable()));
  }

  /** A cheap round trip that proves storage answers (used by /healthz). */
  async ping(timeoutMs: number): Promise<void> {
    const pages = this.service
      .listTables({ abortSignal: AbortSignal.timeout(timeoutMs) })
      .byPage({ maxPageSize: 1 });
    await pages.next();
  }
}

function clientOptions(settings: TableStorageSettings) {
  // Tokens only ever travel over https (the SDK refuses otherwise); keys may reach local Azurite.
  const isPlainHttp =
    'connectionString' in settings &&
    /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|TableEndpoint=http:/i.test(
      settings.connectionString,
    );
  return { allowInsecureConnection: isPlainHttp, retryOptions: { maxRetries: 2 } };
}
