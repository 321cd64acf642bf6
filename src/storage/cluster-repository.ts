import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { ClusterAction } from '../domain/actions/cluster-action';
import type { AgendaProposal, PublishedAgenda } from '../domain/agenda/agenda';
import type { AcademicYear, HalfTermNumber } from '../domain/calendar/academic-year';
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
import type { ClusterStore, ClusterWrite, Versioned } from '../services/ports';
import { AlreadyExistsError, StorageUnavailableError } from '../services/storage-errors';
import { parseJson } from './json-column';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Clusters`: one partition per cluster, so reading a cluster's year (profile, schools,
 * people, term dates, meeting changes, change log) is a single partition query.
 * Table `ClusterLinks`: which cluster a team or group chat belongs to (PartitionKey = tenant).
 */
export const clusterKeys = {
  partition: (clusterId: string) => clusterId,
  profile: 'profile',
  school: (schoolId: string) => `school|${toTableKey(schoolId)}`,
  person: (userId: string) => `person|${toTableKey(userId)}`,
  calendar: (year: AcademicYear) => `calendar|${year}`,
  meeting: (year: AcademicYear, halfTerm: HalfTermNumber) => `meeting|${year}|${halfTerm}`,
  change: (at: Date) => `change|${at.toISOString()}|${randomBytes(3).toString('hex')}`,
  action: (id: string) => `action|${id}`,
  proposal: (meetingId: string, id: string) => `agenda|${toTableKey(meetingId)}|${id}`,
  publishedAgenda: (meetingId: string) => `agendapub|${toTableKey(meetingId)}`,
  minutes: (meetingId: string) => `minutes|${toTableKey(meetingId)}`,
  peerReview: (id: string) => `review|${id}`,
};

const MAX_ROWS_PER_WRITE = 99;

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

export class ClusterRepository implements ClusterStore {
  constructor(
    private readonly clusters: TableClient,
    private readonly links: TableClient,
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
    const rows: Array<TableEntityResult<Entity>> = [];
    try {
      const query = this.clusters.listEntities<Entity>({
        // Everything but the RSVP rows (they are read per meeting by RsvpRepository).
        queryOptions: {
          filter: odata`PartitionKey eq ${clusterId} and (RowKey lt 'rsvp|' or RowKey ge 'rsvp}')`,
        },
      });
      for await (const row of query) rows.push(row);
    } catch (error) {
      throw translateStorageError(error, 'the cluster');
    }
    const profileRow = rows.find((r) => r.rowKey === clusterKeys.profile);
    if (!profileRow) return undefined;
    const of = (prefix: string) => rows.filter((r) => r.rowKey.startsWith(`${prefix}|`));
    return {
      version: profileRow.etag,
      value: {
        profile: parseRow<ClusterProfile>(profileRow),
        schools: of('school').map((r) => parseRow<School>(r)),
        people: of('person').map((r) => parseRow<ClusterPerson>(r)),
        calendars: of('calendar').map((r) => parseRow<YearCalendar>(r)),
        meetingChanges: of('meeting').map((r) => parseRow<MeetingChange>(r)),
        changeLog: of('change').map((r) => parseRow<RotaChangeRecord>(r)),
        actions: of('action').map((r) => parseRow<ClusterAction>(r)),
        proposals: of('agenda').map((r) => parseRow<AgendaProposal>(r)),
        publishedAgendas: of('agendapub').map((r) => parseRow<PublishedAgenda>(r)),
        minutes: of('minutes').map((r) => parseRow<MeetingMinutes>(r)),
        peerReviews: of('review').map((r) => parseRow<PeerReview>(r)),
      },
    };
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
          return parseRow<ClusterProfile>(row);
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw translateStorageError(error, 'a cluster');
        }
      }),
    );
    return profiles.filter((p): p is ClusterProfile => p !== undefined);
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

const DATE_FIELDS = new Set(['createdAt', 'at', 'publishedAt', 'savedAt']);

/**
 * A string property holds at most 64 KiB (32K UTF-16 characters), so long values (minutes) are
 * split across json, json1, json2, … and joined again on reading.
 */
const CHUNK_CHARACTERS = 30_000;

function row(clusterId: string, rowKey: string, value: unknown): Entity {
  const json = JSON.stringify(value);
  const entity: Entity = {
    partitionKey: clusterKeys.partition(clusterId),
    rowKey,
    json: json.slice(0, CHUNK_CHARACTERS),
  };
  for (let i = 1; i * CHUNK_CHARACTERS < json.length; i++) {
    entity[`json${i}`] = json.slice(i * CHUNK_CHARACTERS, (i + 1) * CHUNK_CHARACTERS);
  }
  return entity;
}

/** Every row is read this way, so any record may grow past one property. */
function parseRow<T>(entity: Entity): T {
  let json = String(entity.json);
  for (let i = 1; typeof entity[`json${i}`] === 'string'; i++) json += entity[`json${i}`];
  return parseJson<T>(json, DATE_FIELDS);
}

const profileEntity = (p: ClusterProfile) => ({ ...row(p.id, clusterKeys.profile, p), name: p.name });
const schoolEntity = (clusterId: string, s: School) => row(clusterId, clusterKeys.school(s.id), s);
const personEntity = (clusterId: string, p: ClusterPerson) => row(clusterId, clusterKeys.person(p.userId), p);
const calendarEntity = (clusterId: string, c: YearCalendar) =>
  row(clusterId, clusterKeys.calendar(c.year), c);
const meetingEntity = (clusterId: string, m: MeetingChange) =>
  row(clusterId, clusterKeys.meeting(m.year, m.halfTerm), m);
const changeEntity = (clusterId: string, c: RotaChangeRecord) => row(clusterId, clusterKeys.change(c.at), c);
