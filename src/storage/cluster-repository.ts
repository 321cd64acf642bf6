import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { ClusterAction } from '../domain/actions/cluster-action';
import type { AgendaProposal, PublishedAgenda } from '../domain/agenda/agenda';
import type { YearCalendar } from '../domain/calendar/term-dates';
import type {
  ClusterPerson,
  ClusterPlace,
  ClusterProfile,
  ClusterSnapshot,
  RotaChangeRecord,
  School,
} from '../domain/clusters/cluster';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import type { PeerReview } from '../domain/peer-reviews/peer-review';
import type { MeetingChange } from '../domain/rota/schedule-meetings';
import type { ClusterStore, ClusterWrite, MeetingRows, Versioned } from '../services/ports';
import { AlreadyExistsError, StorageUnavailableError } from '../services/storage-errors';
import { clusterKeys, type Entity, readRow, row, workingSetFilter } from './cluster-rows';
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
    const actions: Array<[string, Entity, { etag: string }?]> = [
      ['update', profileEntity(write.profile), { etag: version }],
      ...(write.schools ?? []).map((s): [string, Entity] => ['upsert', schoolEntity(clusterId, s)]),
      ...(write.people ?? []).map((p): [string, Entity] => ['upsert', personEntity(clusterId, p)]),
      ...(write.calendars ?? []).map((c): [string, Entity] => ['upsert', calendarEntity(clusterId, c)]),
      ...(write.meetingChanges ?? []).map((m): [string, Entity] => ['upsert', meetingEntity(clusterId, m)]),
      ...(write.changeLog ?? []).map((c): [string, Entity] => ['create', changeEntity(clusterId, c)]),
      ...(write.actions ?? []).map((a): [string, Entity] => [
        'upsert',
        row(clusterId, clusterKeys.action(a.id), a),
      ]),
      ...(write.publishedAgendas ?? []).map((p): [string, Entity] => [
        'upsert',
        row(clusterId, clusterKeys.publishedAgenda(p.meetingId), p),
      ]),
      ...(write.proposals ?? []).map((p): [string, Entity] => [
        'upsert',
        row(clusterId, clusterKeys.proposal(p.meetingId, p.id), p),
      ]),
      ...(write.minutes ?? []).map((m): [string, Entity] => [
        'upsert',
        row(clusterId, clusterKeys.minutes(m.meetingId), m),
      ]),
      ...(write.peerReviews ?? []).map((r): [string, Entity] => [
        'upsert',
        row(clusterId, clusterKeys.peerReview(r.id), r),
      ]),
    ];
    await this.submit(clusterId, actions);
  }

  private async submit(
    clusterId: string,
    actions: Array<[string, Entity, { etag: string }?]>,
  ): Promise<void> {
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

const profileEntity = (p: ClusterProfile) => ({ ...row(p.id, clusterKeys.profile, p), name: p.name });
const schoolEntity = (clusterId: string, s: School) => row(clusterId, clusterKeys.school(s.id), s);
const personEntity = (clusterId: string, p: ClusterPerson) => row(clusterId, clusterKeys.person(p.userId), p);
const calendarEntity = (clusterId: string, c: YearCalendar) =>
  row(clusterId, clusterKeys.calendar(c.year), c);
const meetingEntity = (clusterId: string, m: MeetingChange) =>
  row(clusterId, clusterKeys.meeting(m.year, m.halfTerm), m);
const changeEntity = (clusterId: string, c: RotaChangeRecord) => row(clusterId, clusterKeys.change(c.at), c);

/** A cluster's snapshot from its rows, at the profile's ETag; undefined without a profile. */
function snapshotOf(rows: ReadonlyArray<TableEntityResult<Entity>>): Versioned<ClusterSnapshot> | undefined {
  const profileRow = rows.find((r) => r.rowKey === clusterKeys.profile);
  if (!profileRow) return undefined;
  const of = (prefix: string) => rows.filter((r) => r.rowKey.startsWith(`${prefix}|`));
  return {
    version: profileRow.etag,
    value: {
      profile: readRow<ClusterProfile>('profile', profileRow),
      schools: of('school').map((r) => readRow<School>('school', r)),
      people: of('person').map((r) => readRow<ClusterPerson>('person', r)),
      calendars: of('calendar').map((r) => readRow<YearCalendar>('calendar', r)),
      meetingChanges: of('meeting').map((r) => readRow<MeetingChange>('meeting', r)),
      actions: of('action').map((r) => readRow<ClusterAction>('action', r)),
      proposals: of('agenda').map((r) => readRow<AgendaProposal>('agenda', r)),
      publishedAgendas: of('agendapub').map((r) => readRow<PublishedAgenda>('agendapub', r)),
      minutes: of('minutes').map((r) => readRow<MeetingMinutes>('minutes', r)),
      peerReviews: of('review').map((r) => readRow<PeerReview>('review', r)),
    },
  };
}
