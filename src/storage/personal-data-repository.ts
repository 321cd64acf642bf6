import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { ClusterProfile, RotaChangeRecord } from '../domain/clusters/cluster';
import type { RecordChange, RecordKind, StoredRecord } from '../domain/privacy/stored-records';
import type { PersonalDataStore } from '../services/privacy-port';
import { changeEntity, type Entity, profileEntity, readRow, row } from './cluster-rows';
import { parseRow, ROW_SCHEMA_VERSION } from './row-schemas';
import { translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/** Azure Tables takes at most 100 operations in one partition's transaction. */
const MAX_PER_TRANSACTION = 100;
const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

function clusterKindOf(rowKey: string): RecordKind {
  if (rowKey === 'profile') return 'profile';
  if (rowKey.startsWith('rsvp|')) return rowKey.includes('|guest|') ? 'guest' : 'rsvp';
  return rowKey.slice(0, rowKey.indexOf('|')) as RecordKind;
}

type Tables = Record<'clusters' | 'deliveries' | 'conversations' | 'boards', TableClient>;
type Row = Entity & { etag: string };
const plain = (entity: Row) => Object.fromEntries(Object.entries(entity).filter(([k]) => !SYSTEM.has(k)));

/**
 * Every row that may hold personal data, read whole for export, erasure and retention (rare
 * work, so whole partitions are read), and changes applied per partition, all or nothing.
 */
export class PersonalDataRepository implements PersonalDataStore {
  constructor(private readonly tables: Tables) {}

  async clusterRecords(clusterId: string): Promise<StoredRecord[]> {
    const rows = await this.rows('clusters', odata`PartitionKey eq ${clusterId}`);
    const deliveries = await this.rows('deliveries', odata`PartitionKey eq ${clusterId}`);
    return [
      ...rows.map((r): StoredRecord => {
        const kind = clusterKindOf(r.rowKey);
        const value = readRow(kind as Parameters<typeof readRow>[0], r);
        return { table: 'clusters', partition: clusterId, key: r.rowKey, kind, value, version: r.etag };
      }),
      ...deliveries.map(
        (r): StoredRecord => ({
          table: 'deliveries',
          partition: clusterId,
          key: r.rowKey,
          kind: 'delivery',
          value: { key: r.rowKey, ...plain(r) },
          version: r.etag,
        }),
      ),
    ];
  }

  async conversationRecords(tenantId: string): Promise<StoredRecord[]> {
    const rows = await this.rows('conversations', odata`PartitionKey eq ${toTableKey(tenantId)}`);
    return rows.map((r) => ({
      table: 'conversations',
      partition: r.partitionKey,
      key: r.rowKey,
      kind: 'conversation',
      value: plain(r),
      version: r.etag,
    }));
  }

  async boardRecords(tenantId: string): Promise<StoredRecord[]> {
    const places = await this.rows('boards', odata`PartitionKey eq ${`place|${toTableKey(tenantId)}`}`);
    const boards = await Promise.all(
      [...new Set(places.map((p) => String(p.boardId)))].map((id) =>
        this.rows('boards', odata`PartitionKey eq ${id}`),
      ),
    );
    return boards.flat().map((r) => {
      const kind = r.rowKey === 'profile' ? 'board' : 'boardLink';
      const value = parseRow(kind, String(r.json), `row ${r.rowKey} of board ${r.partitionKey}`, r.v);
      return { table: 'boards', partition: r.partitionKey, key: r.rowKey, kind, value, version: r.etag };
    });
  }

  async apply(
    changes: readonly RecordChange[],
    log: ReadonlyArray<{ clusterId: string; entry: RotaChangeRecord }>,
  ) {
    const byPartition = new Map<string, { table: keyof Tables; actions: TransactionAction[] }>();
    const add = (table: keyof Tables, partition: string, action: TransactionAction) => {
      const key = `${table}|${partition}`;
      const group = byPartition.get(key) ?? { table, actions: [] };
      group.actions.push(action);
      byPartition.set(key, group);
    };
    for (const change of changes) {
      const { table, partition, key, version } = change.record;
      if ('remove' in change) add(table, partition, ['delete', { partitionKey: partition, rowKey: key }]);
      else
        add(table, partition, [
          'update',
          this.entityOf(change.record, change.to),
          'Replace',
          { etag: version },
        ]);
    }
    for (const { clusterId, entry } of log)
      add('clusters', clusterId, ['create', changeEntity(clusterId, entry)]);
    for (const [where, { table, actions }] of byPartition) {
      try {
        // One transaction per partition; a partition with more rows than one transaction holds
        // is done in turns (each all or nothing), and running the erasure again finishes it.
        for (let i = 0; i < actions.length; i += MAX_PER_TRANSACTION)
          await this.tables[table].submitTransaction(actions.slice(i, i + MAX_PER_TRANSACTION));
      } catch (error) {
        throw translateStorageError(error, `the rows of ${where}`);
      }
    }
  }

  private entityOf(record: StoredRecord, value: unknown): Entity {
    if (record.table === 'clusters')
      return record.kind === 'profile'
        ? profileEntity(value as ClusterProfile)
        : row(record.partition, record.key, value);
    if (record.table === 'boards')
      return {
        partitionKey: record.partition,
        rowKey: record.key,
        v: ROW_SCHEMA_VERSION,
        json: JSON.stringify(value),
      };
    const { key: _key, ...props } = value as Record<string, unknown>;
    return { partitionKey: record.partition, rowKey: record.key, ...props };
  }

  private async rows(table: keyof Tables, filter: string): Promise<Row[]> {
    const found: Row[] = [];
    try {
      for await (const entity of this.tables[table].listEntities<Entity>({ queryOptions: { filter } }))
        found.push(entity as Row);
    } catch (error) {
      throw translateStorageError(error, `the ${table} table`);
    }
    return found;
  }
}
