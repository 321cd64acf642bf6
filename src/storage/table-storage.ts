import { TableClient, TableServiceClient } from '@azure/data-tables';
import { TABLES, type TableName, tableName } from './table-names';

export interface TableStorageSettings {
  connectionString: string;
  tablePrefix: string;
}

/**
 * The one place that opens Table storage. The same code serves Azure and Azurite: only the
 * connection string differs (Azurite speaks plain http on loopback).
 */
export class TableStorage {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly service: TableServiceClient;

  constructor(private readonly settings: TableStorageSettings) {
    this.service = TableServiceClient.fromConnectionString(
      settings.connectionString,
      clientOptions(settings),
    );
  }

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(
        this.settings.connectionString,
        tableName(this.settings.tablePrefix, name),
        clientOptions(this.settings),
      );
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
  const isPlainHttp = /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|TableEndpoint=http:/i.test(
    settings.connectionString,
  );
  return { allowInsecureConnection: isPlainHttp, retryOptions: { maxRetries: 2 } };
}
