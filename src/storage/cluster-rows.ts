import { randomBytes } from 'node:crypto';
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { ClusterAction } from '../domain/actions/cluster-action';
import type { AgendaProposal, PublishedAgenda } from '../domain/agenda/agenda';
import {
  type AcademicYear,
  academicYearOf,
  academicYearStarting,
  type HalfTermNumber,
  startYearOf,
} from '../domain/calendar/academic-year';
import type { YearCalendar } from '../domain/calendar/term-dates';
import type {
  ClusterPerson,
  ClusterProfile,
  ClusterSnapshot,
  RotaChangeRecord,
  School,
} from '../domain/clusters/cluster';
import type { MeetingMinutes } from '../domain/minutes/meeting-minutes';
import type { PeerReview } from '../domain/peer-reviews/peer-review';
import type { MeetingChange } from '../domain/rota/schedule-meetings';
import { londonWallClock } from '../domain/time/london-time';
import type { ClusterWrite, Versioned } from '../services/ports';
import { parseRowVersion } from './parsed-rows';
import { ROW_SCHEMA_VERSION, type RowKind } from './row-schemas';
import { toTableKey } from './table-key';

/**
 * The rows of table `Clusters`: one partition per cluster. A row's kind is the start of its
 * RowKey; its record is JSON in `json` (split across json1, json2, … past one property's 32K
 * characters) with the schema version in `v`.
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

export type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

const CHUNK_CHARACTERS = 30_000;

export function row(clusterId: string, rowKey: string, value: unknown): Entity {
  const json = JSON.stringify(value);
  const entity: Entity = {
    partitionKey: clusterKeys.partition(clusterId),
    rowKey,
    v: ROW_SCHEMA_VERSION,
    json: json.slice(0, CHUNK_CHARACTERS),
  };
  for (let i = 1; i * CHUNK_CHARACTERS < json.length; i++) {
    entity[`json${i}`] = json.slice(i * CHUNK_CHARACTERS, (i + 1) * CHUNK_CHARACTERS);
  }
  return entity;
}

/** The row's record, checked against its kind's schema. */
export function readRow<T>(kind: RowKind, entity: Entity): T {
  let json = String(entity.json);
  for (let i = 1; typeof entity[`json${i}`] === 'string'; i++) json += entity[`json${i}`];
  const where = `row ${entity.rowKey} of cluster ${entity.partitionKey}`;
  return parseRowVersion<T>(
    kind,
    json,
    where,
    entity.v,
    typeof entity.etag === 'string' ? entity.etag : undefined,
  );
}

/**
 * What a turn reads of a cluster: everything it works with, but not the change log (read on its
 * own when asked for) nor the minutes and agendas of school years before the last one (one row
 * each when asked for), so a cluster in its fifth year costs a turn what a new one does. RSVP
 * rows are read per meeting.
 */
export function workingSetFilter(clusterId: string, now: Date): string {
  const from = academicYearStarting(startYearOf(academicYearOf(londonWallClock(now).date)) - 1);
  const recent = (prefix: string) => `(RowKey ge '${prefix}|${from}' and RowKey lt '${prefix}}')`;
  return [
    odata`PartitionKey eq ${clusterId}`,
    ' and (',
    [
      "RowKey lt 'agendapub|'", // action|
      recent('agendapub'),
      recent('agenda'),
      "(RowKey ge 'calendar|' and RowKey lt 'change|')",
      "(RowKey ge 'meeting|' and RowKey lt 'minutes|')",
      recent('minutes'),
      "(RowKey ge 'person|' and RowKey lt 'rsvp|')", // person|, profile, review|
      "RowKey ge 'school|'",
    ].join(' or '),
    ')',
  ].join('');
}

export const profileEntity = (p: ClusterProfile) => ({ ...row(p.id, clusterKeys.profile, p), name: p.name });
export const schoolEntity = (clusterId: string, s: School) => row(clusterId, clusterKeys.school(s.id), s);
export const personEntity = (clusterId: string, p: ClusterPerson) =>
  row(clusterId, clusterKeys.person(p.userId), p);
export const calendarEntity = (clusterId: string, c: YearCalendar) =>
  row(clusterId, clusterKeys.calendar(c.year), c);
export const meetingEntity = (clusterId: string, m: MeetingChange) =>
  row(clusterId, clusterKeys.meeting(m.year, m.halfTerm), m);
export const changeEntity = (clusterId: string, c: RotaChangeRecord) =>
  row(clusterId, clusterKeys.change(c.at), c);

/** A cluster's snapshot from its rows, at the profile's ETag; undefined without a profile. */
export function snapshotOf(
  rows: ReadonlyArray<TableEntityResult<Entity>>,
): Versioned<ClusterSnapshot> | undefined {
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

/** A row to write and how: created, replaced whatever it was, or replaced under an ETag. */
export type RowAction = [string, Entity, { etag: string }?];

/** The rows one change to a cluster writes, the profile under the ETag it was read at. */
export function rowsOfWrite(clusterId: string, version: string, write: ClusterWrite): RowAction[] {
  return [
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
}
