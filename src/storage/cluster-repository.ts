import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type {
  ClusterPerson,
  ClusterPlace,
  ClusterProfile,
  ClusterSnapshot,
  RotaChangeRecord,
} from '../domain/clusters/cluster';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import type { ClusterStore, ClusterWrite, MeetingRows, Versioned } from '../services/ports';
import { AlreadyExistsError, StorageUnavailableError } from '../services/storage-errors';
import {
  clusterKeys,
  type Entity,
  personEntity,
  profileEntity,
  type RowAction,
  readRow,
  rowsOfWrite,
  snapshotOf,
  workingSetFilter,
} from './cluster-rows';
import { meetingRange, meetingRowsFrom } from './rsvp-repository';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Clusters`: one partition per cluster (its rows: cluster-rows.ts). A turn reads the
 * cluster's working set in one query; the change log and older years' minutes only when asked.
 * Table `ClusterLinks`: which cluster a team or group chat belongs to (PartitionKey = tenant).
 */
const MAX_ROWS_PER_WRITE = 99;

export class ClusterRepository implements ClusterStore {
  constructor(
    private readonly clusters: TableClient,
    private readonly links: TableClient,
    /** Which school years are recent (the working set keeps this one and the last). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async findClusterId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined> {
    try {
      const link = await this.links.getEntity<{ clusterId: string }>(
        toTableKey(place.tenantId),
        toTableKey(place.placeKey),
      );
      return link.clusterId;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStorageError(error, 'the cluster link');
    }
  }

  /** Claims the team or chat for the new cluster first (a 409 means it already has one). */
  async create(profile: ClusterProfile, lead: ClusterPerson): Promise<void> {
    try {
      await this.links.createEntity({
        partitionKey: toTableKey(profile.place.tenantId),
        rowKey: toTableKey(profile.place.placeKey),
        clusterId: profile.id,
      });
    } catch (error) {
      throw translateStorageError(error, 'a cluster for this team');
    }
    await this.submit(profile.id, [
      ['create', profileEntity(profile)],
      ['upsert', personEntity(profile.id, lead)],
    ]);
  }

  async load(clusterId: string): Promise<Versioned<ClusterSnapshot> | undefined> {
    return snapshotOf(await this.query(clusterId, workingSetFilter(clusterId, this.clock())));
  }

  /** The working set and one meeting's answers and guests, in the same one query. */
  async loadWithMeeting(
    clusterId: string,
    meetingId: string,
  ): Promise<{ cluster: Versioned<ClusterSnapshot> | undefined; meeting: MeetingRows }> {
    const range = meetingRange(meetingId);
    const rows = await this.query(
      clusterId,
      `(${workingSetFilter(clusterId, this.clock())}) or (${odata`PartitionKey eq ${clusterId}`} and ${range})`,
    );
    const answered = rows.filter((r) => r.rowKey.startsWith('rsvp|'));
    return {
      cluster: snapshotOf(rows.filter((r) => !r.rowKey.startsWith('rsvp|'))),
      meeting: meetingRowsFrom(
        answered as Array<Entity & { json: string; etag: string }>,
        clusterId,
        meetingId,
      ),
    };
  }

  private async query(clusterId: string, filter: string): Promise<Array<TableEntityResult<Entity>>> {
    const rows: Array<TableEntityResult<Entity>> = [];
    try {
      for await (const row of this.clusters.listEntities<Entity>({ queryOptions: { filter } }))
        rows.push(row);
    } catch (error) {
      throw translateStorageError(error, `cluster ${clusterId}`);
    }
    return rows;
  }

  async listClusterIds(): Promise<string[]> {
    const ids = new Set<string>();
    try {
      for await (const link of this.links.listEntities<{ clusterId: string }>({
        queryOptions: { select: ['clusterId'] },
      })) {
        ids.add(link.clusterId);
      }
    } catch (error) {
      throw translateStorageError(error, 'the list of clusters');
    }
    return [...ids];
  }

  async profilesInTenant(tenantId: string): Promise<ClusterProfile[]> {
    const ids: string[] = [];
    try {
      const links = this.links.listEntities<{ clusterId: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${toTableKey(tenantId)}`, select: ['clusterId'] },
      });
      for await (const link of links) ids.push(link.clusterId);
    } catch (error) {
      throw translateStorageError(error, 'the clusters of this organisation');
    }
    const profiles = await Promise.all(
      [...new Set(ids)].map(async (clusterId) => {
        try {
          const row = await this.clusters.getEntity<Entity>(
            clusterKeys.partition(clusterId),
            clusterKeys.profile,
          );
          return readRow<ClusterProfile>('profile', row);
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw translateStorageError(error, 'a cluster');
        }
      }),
    );
    return profiles.filter((p): p is ClusterProfile => p !== undefined);
  }

  /** The change log since `since`, oldest first: one query over a range of the partition. */
  async recentChanges(clusterId: string, since: Date): Promise<RotaChangeRecord[]> {
    const found: RotaChangeRecord[] = [];
    try {
      const rows = this.clusters.listEntities<Entity>({
        queryOptions: {
          filter: odata`PartitionKey eq ${clusterId} and RowKey ge ${`change|${since.toISOString()}`} and RowKey lt 'change}'`,
        },
      });
      for await (const entity of rows) found.push(readRow<RotaChangeRecord>('change', entity));
    } catch (error) {
      throw translateStorageError(error, 'the change log');
    }
    return found;
  }

  /** One meeting's minutes, of any year (the working set holds only this year's and last year's). */
  async minutesOf(clusterId: string, meetingId: string): Promise<MeetingMinutes | undefined> {
    try {
      const entity = await this.clusters.getEntity<Entity>(clusterId, clusterKeys.minutes(meetingId));
      return readRow<MeetingMinutes>('minutes', entity);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStorageError(error, 'the minutes');
    }
  }

  /**
   * Writes several rows of one cluster at once, all or nothing (a partition transaction), with
   * the profile row replaced under the ETag it was read at, so a concurrent change is refused
   * rather than silently merged.
   */
  async write(clusterId: string, version: string, write: ClusterWrite): Promise<void> {
    await this.submit(clusterId, rowsOfWrite(clusterId, version, write));
  }

  private async submit(clusterId: string, actions: RowAction[]): Promise<void> {
    if (actions.length > MAX_ROWS_PER_WRITE + 1) {
      throw new StorageUnavailableError(`one change may write at most ${MAX_ROWS_PER_WRITE} rows`);
    }
    const transaction = actions.map(([kind, entity, options]): TransactionAction => {
      if (kind === 'update') return ['update', entity, 'Replace', options];
      if (kind === 'upsert') return ['upsert', entity, 'Replace'];
      return ['create', entity];
    });
    try {
      await this.clusters.submitTransaction(transaction);
    } catch (error) {
      const translated = translateStorageError(error, `cluster ${clusterId}`);
      // A transaction's 409 is about one of its rows, not the cluster as a whole.
      throw translated instanceof AlreadyExistsError
        ? new AlreadyExistsError(`a row of cluster ${clusterId}`)
        : translated;
    }
  }
}
