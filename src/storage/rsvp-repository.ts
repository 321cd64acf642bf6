import { odata, type TableClient } from '@azure/data-tables';
import type { SchoolRsvp } from '../domain/rsvp/rsvp';
import type { RsvpStore, Versioned } from '../services/ports';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * RSVPs live in the cluster's own partition of `Clusters` (the cluster's data stays together),
 * one row per school per meeting: RowKey `rsvp|<meeting>|<school>`. Different schools never
 * contend; two people answering for one school are serialised by the row's ETag.
 */
export const rsvpKeys = {
  prefix: (meetingId: string) => `rsvp|${toTableKey(meetingId)}|`,
  row: (meetingId: string, schoolId: string) => `rsvp|${toTableKey(meetingId)}|${toTableKey(schoolId)}`,
};

export class RsvpRepository implements RsvpStore {
  constructor(private readonly clusters: TableClient) {}

  async answersFor(clusterId: string, meetingId: string): Promise<SchoolRsvp[]> {
    const prefix = rsvpKeys.prefix(meetingId);
    const answers: SchoolRsvp[] = [];
    try {
      const rows = this.clusters.listEntities<{ json: string }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${clusterId} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`,
        },
      });
      for await (const row of rows) answers.push(parse(row.json));
    } catch (error) {
      throw translateStorageError(error, 'the answers');
    }
    return answers;
  }

  async find(
    clusterId: string,
    meetingId: string,
    schoolId: string,
  ): Promise<Versioned<SchoolRsvp> | undefined> {
    try {
      const row = await this.clusters.getEntity<{ json: string }>(
        clusterId,
        rsvpKeys.row(meetingId, schoolId),
      );
      return { value: parse(row.json), version: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStorageError(error, 'the answer');
    }
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
    json: JSON.stringify(rsvp),
  };
}

function parse(json: string): SchoolRsvp {
  return JSON.parse(json, (key, value) =>
    key === 'at' && typeof value === 'string' ? new Date(value) : value,
  );
}
