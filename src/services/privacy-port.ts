import type { RotaChangeRecord } from '../domain/clusters/cluster';
import type { RecordChange, StoredRecord } from '../domain/privacy/stored-records';

/** Every stored row that may hold personal data, for export, erasure and retention. */
export interface PersonalDataStore {
  /** Every row of a cluster: its partition of Clusters (all years) and of Deliveries. */
  clusterRecords(clusterId: string): Promise<StoredRecord[]>;
  /** Every conversation the bot is installed in within the tenant. */
  conversationRecords(tenantId: string): Promise<StoredRecord[]>;
  /** Every board of the tenant and its links. */
  boardRecords(tenantId: string): Promise<StoredRecord[]>;
  /**
   * Applies the changes, each under the version it was read at, with `log` entries added to
   * their clusters' change logs: one transaction per partition.
   * @throws ConcurrentUpdateError when a row changed since it was read.
   */
  apply(
    changes: readonly RecordChange[],
    log: ReadonlyArray<{ clusterId: string; entry: RotaChangeRecord }>,
  ): Promise<void>;
}
