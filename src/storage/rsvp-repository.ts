import { odata, type TableClient } from '@azure/data-tables';
import type { GuestRequest } from '../domain/rsvp/guest-request';
import type { SchoolRsvp } from '../domain/rsvp/rsvp';
import type { ClusterReplies, MeetingRows, RsvpStore } from '../services/ports';
import { parseRowVersion } from './parsed-rows';
import { ROW_SCHEMA_VERSION } from './row-schemas';
import { translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * RSVPs live in the cluster's own partition of `Clusters` (the cluster's data stays together),
 * one row per school per meeting: RowKey `rsvp|<meeting>|<school>`. Different schools never
 * contend; two people answering for one school are serialised by the row's ETag.
 */
export const rsvpKeys = {
  prefix: (meetingId: string) => `rsvp|${toTableKey(meetingId)}|`,
  row: (meetingId: string, schoolId: string) => `rsvp|${toTableKey(meetingId)}|${toTableKey(schoolId)}`,
  guestPrefix: (meetingId: string) => `rsvp|${toTableKey(meetingId)}|guest|`,
  guest: (meetingId: string, guestId: string) => `rsvp|${toTableKey(meetingId)}|guest|${toTableKey(guestId)}`,
};

export class RsvpRepository implements RsvpStore {
  constructor(private readonly clusters: TableClient) {}

  async meeting(clusterId: string, meetingId: string): Promise<MeetingRows> {
    return meetingRowsFrom(await this.rowsFrom(clusterId, rsvpKeys.prefix(meetingId)), clusterId, meetingId);
  }

  /** Every answer and guest request for every meeting of one cluster: one query, for the board's figures. */
  async repliesForCluster(clusterId: string): Promise<ClusterReplies> {
    const rows = await this.rowsFrom(clusterId, 'rsvp|');
    const isGuest = (row: Row) => row.rowKey.includes('|guest|');
    return {
      answers: rows.filter((row) => !isGuest(row)).map((row) => parse<SchoolRsvp>('rsvp', clusterId, row)),
      guests: rows.filter(isGuest).map((row) => parse<GuestRequest>('guest', clusterId, row)),
    };
  }

  async saveGuest(clusterId: string, request: GuestRequest, version?: string): Promise<void> {
    const row = {
      partitionKey: clusterId,
      rowKey: rsvpKeys.guest(request.meetingId, request.id),
      v: ROW_SCHEMA_VERSION,
      json: JSON.stringify(request),
    };
    try {
      if (version) await this.clusters.updateEntity(row, 'Replace', { etag: version });
      else await this.clusters.upsertEntity(row, 'Replace');
    } catch (error) {
      throw translateStorageError(error, 'the guest request');
    }
  }

  private async rowsFrom(clusterId: string, prefix: string): Promise<Array<Row & { etag: string }>> {
    const found: Array<Row & { etag: string }> = [];
    try {
      const rows = this.clusters.listEntities<{ json: string; v?: unknown }>({
        queryOptions: {
          filter: `${odata`PartitionKey eq ${clusterId}`} and ${rowsStartingWith(prefix)}`,
        },
      });
      for await (const row of rows)
        found.push({ rowKey: row.rowKey ?? '', json: row.json, v: row.v, etag: row.etag });
    } catch (error) {
      throw translateStorageError(error, 'the answers');
    }
    return found;
  }

  async create(clusterId: string, rsvp: SchoolRsvp): Promise<void> {
    try {
      await this.clusters.createEntity(entity(clusterId, rsvp));
    } catch (error) {
      throw translateStorageError(error, 'the answer');
    }
  }

  async replace(clusterId: string, rsvp: SchoolRsvp, version: string): Promise<void> {
    try {
      await this.clusters.updateEntity(entity(clusterId, rsvp), 'Replace', { etag: version });
    } catch (error) {
      throw translateStorageError(error, 'the answer');
    }
  }
}

function entity(clusterId: string, rsvp: SchoolRsvp) {
  return {
    partitionKey: clusterId,
    rowKey: rsvpKeys.row(rsvp.meetingId, rsvp.schoolId),
    v: ROW_SCHEMA_VERSION,
    json: JSON.stringify(rsvp),
  };
}

type Row = { rowKey: string; json: string; v?: unknown; etag?: string };

/** The query range of one meeting's answers and guest requests, for a filter that reads them with other rows. */
export function meetingRange(meetingId: string): string {
  return rowsStartingWith(rsvpKeys.prefix(meetingId));
}

const rowsStartingWith = (prefix: string) => odata`(RowKey ge ${prefix} and RowKey lt ${`${prefix}~`})`;

/** One meeting's rows, as read (answers and guest requests apart, each with its ETag). */
export function meetingRowsFrom(
  rows: ReadonlyArray<Row & { etag: string }>,
  clusterId: string,
  meetingId: string,
): MeetingRows {
  const isGuest = (row: { rowKey: string }) => row.rowKey.startsWith(rsvpKeys.guestPrefix(meetingId));
  return {
    answers: rows
      .filter((r) => !isGuest(r))
      .map((r) => ({ value: parse('rsvp', clusterId, r), version: r.etag })),
    guests: rows
      .filter(isGuest)
      .map((r) => ({ value: parse<GuestRequest>('guest', clusterId, r), version: r.etag })),
  };
}

function parse<T = SchoolRsvp>(kind: 'rsvp' | 'guest', clusterId: string, row: Row): T {
  return parseRowVersion<T>(kind, row.json, `row ${row.rowKey} of cluster ${clusterId}`, row.v, row.etag);
}
