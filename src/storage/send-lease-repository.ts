import type { TableClient } from '@azure/data-tables';
import type { SendLeases } from '../services/ports';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Deliveries`, partition `send-lease`: one row per tenant naming the instance that may send
 * its scheduled messages until `untilMs`, and the send times of the last holder's final second.
 * Every change is made under the row's ETag, so two instances can never both hold it.
 */
const PARTITION = 'send-lease';

interface LeaseRow {
  holder: string;
  untilMs: number;
  recent: string;
}

export class SendLeaseRepository implements SendLeases {
  constructor(private readonly deliveries: TableClient) {}

  async claim(
    tenantId: string,
    instance: string,
    nowMs: number,
    leaseMs: number,
  ): Promise<{ held: true; recent: number[]; previousHolder?: string } | { held: false; untilMs: number }> {
    const rowKey = toTableKey(tenantId);
    const taken = {
      partitionKey: PARTITION,
      rowKey,
      holder: instance,
      untilMs: nowMs + leaseMs,
      recent: '[]',
    };
    try {
      const row = await this.find(rowKey);
      if (!row) {
        await this.deliveries.createEntity(taken);
        return { held: true, recent: [] };
      }
      if (row.holder !== instance && row.untilMs > nowMs) return { held: false, untilMs: row.untilMs };
      await this.deliveries.updateEntity({ ...taken, recent: row.recent }, 'Replace', { etag: row.etag });
      return { held: true, recent: readTimes(row.recent), previousHolder: row.holder };
    } catch (error) {
      // Another instance claimed it between our read and write: theirs, for now.
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412) return { held: false, untilMs: nowMs + 50 };
      throw translateStorageError(error, 'the sending lease');
    }
  }

  async release(tenantId: string, instance: string, recent: number[]): Promise<void> {
    const rowKey = toTableKey(tenantId);
    try {
      const row = await this.find(rowKey);
      if (row?.holder !== instance) return;
      const released = {
        partitionKey: PARTITION,
        rowKey,
        holder: instance,
        untilMs: 0,
        recent: JSON.stringify(recent),
      };
      await this.deliveries.updateEntity(released, 'Replace', { etag: row.etag });
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 412) return; // someone else has it already
      throw translateStorageError(error, 'the sending lease');
    }
  }

  private async find(rowKey: string): Promise<(LeaseRow & { etag: string }) | undefined> {
    try {
      const row = await this.deliveries.getEntity<LeaseRow>(PARTITION, rowKey);
      return { holder: row.holder, untilMs: Number(row.untilMs), recent: row.recent, etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function readTimes(json: string): number[] {
  try {
    const times = JSON.parse(json) as unknown;
    return Array.isArray(times) ? times.filter((t): t is number => typeof t === 'number') : [];
  } catch {
    return [];
  }
}
