import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { SlotLedger, SlotOutcome } from '../services/ports';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Deliveries`: PartitionKey = cluster id. RowKey `slot|<slot id>` records a scheduled
 * send (claimed → sent | dropped); RowKey `to|<slot id>|<recipient>` records that one recipient
 * got it, so a retried slot never messages the same person twice.
 */
export const deliveryKeys = {
  slot: (slotId: string) => `slot|${toTableKey(slotId)}`,
  recipient: (slotId: string, recipient: string) => `to|${toTableKey(slotId)}|${toTableKey(recipient)}`,
};

interface SlotRow {
  status: 'claimed' | SlotOutcome;
  slotId: string;
  claimedBy: string;
  leaseUntil: Date;
  attempts: number;
  finishedAt?: Date;
  note?: string;
}

export class SlotLedgerRepository implements SlotLedger {
  constructor(private readonly deliveries: TableClient) {}

  async finished(clusterId: string): Promise<Set<string>> {
    const done = new Set<string>();
    try {
      const rows = this.deliveries.listEntities<SlotRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${clusterId} and status ne 'claimed'`,
        },
      });
      for await (const row of rows) if (row.slotId) done.add(row.slotId);
    } catch (error) {
      throw translateStorageError(error, 'the delivery records');
    }
    return done;
  }

  async claim(
    clusterId: string,
    slotId: string,
    instance: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const row = { partitionKey: clusterId, rowKey: deliveryKeys.slot(slotId) };
    const claim: SlotRow = {
      status: 'claimed',
      slotId,
      claimedBy: instance,
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: 1,
    };
    try {
      await this.deliveries.createEntity({ ...row, ...claim });
      return true;
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 409))
        throw translateStorageError(error, 'a delivery claim');
    }
    // Someone has (or had) it. Take it over only if their claim lapsed without finishing, or it
    // was this instance's own before it restarted (it is not working on it any more).
    const existing = await this.deliveries.getEntity<SlotRow>(row.partitionKey, row.rowKey);
    const lapsed = new Date(existing.leaseUntil).getTime() <= now.getTime();
    if (existing.status !== 'claimed' || !(lapsed || existing.claimedBy === instance)) return false;
    try {
      await this.deliveries.updateEntity(
        { ...row, ...claim, attempts: (existing.attempts ?? 1) + 1 },
        'Replace',
        { etag: existing.etag },
      );
      return true;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 412) return false; // another instance took it over first
      throw translateStorageError(error, 'a delivery claim');
    }
  }

  async renew(
    clusterId: string,
    slotId: string,
    instance: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const key = deliveryKeys.slot(slotId);
    try {
      const existing = await this.deliveries.getEntity<SlotRow>(clusterId, key);
      if (existing.status !== 'claimed' || existing.claimedBy !== instance) return false;
      await this.deliveries.updateEntity(
        { partitionKey: clusterId, rowKey: key, leaseUntil: new Date(now.getTime() + leaseMs) },
        'Merge',
        { etag: existing.etag },
      );
      return true;
    } catch (error) {
      if (isNotFound(error) || (error instanceof RestError && error.statusCode === 412)) return false;
      throw translateStorageError(error, 'a delivery claim');
    }
  }

  async clustersWithLapsedClaims(now: Date): Promise<string[]> {
    const clusters = new Set<string>();
    try {
      const rows = this.deliveries.listEntities<SlotRow>({
        queryOptions: {
          filter: odata`status eq 'claimed' and leaseUntil lt ${now}`,
          select: ['PartitionKey'],
        },
      });
      for await (const row of rows) if (row.partitionKey) clusters.add(row.partitionKey);
    } catch (error) {
      throw translateStorageError(error, 'the delivery claims');
    }
    return [...clusters];
  }

  async finish(
    clusterId: string,
    slotId: string,
    outcome: SlotOutcome,
    now: Date,
    note?: string,
  ): Promise<void> {
    try {
      await this.deliveries.upsertEntity(
        {
          partitionKey: clusterId,
          rowKey: deliveryKeys.slot(slotId),
          status: outcome,
          slotId,
          finishedAt: now,
          ...(note ? { note } : {}),
        },
        'Merge',
      );
    } catch (error) {
      throw translateStorageError(error, 'a delivery record');
    }
  }

  async delivered(clusterId: string, slotId: string, recipient: string): Promise<boolean> {
    try {
      await this.deliveries.getEntity(clusterId, deliveryKeys.recipient(slotId, recipient));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw translateStorageError(error, 'a delivery record');
    }
  }

  async markDelivered(clusterId: string, slotId: string, recipient: string, now: Date): Promise<void> {
    try {
      await this.deliveries.upsertEntity({
        partitionKey: clusterId,
        rowKey: deliveryKeys.recipient(slotId, recipient),
        at: now,
      });
    } catch (error) {
      throw translateStorageError(error, 'a delivery record');
    }
  }
}
