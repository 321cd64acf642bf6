import { randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import {
  type AcademicYear,
  academicYearOf,
  academicYearStarting,
  type HalfTermNumber,
  startYearOf,
} from '../domain/calendar/academic-year';
import { londonWallClock } from '../domain/time/london-time';
import { parseRowVersion, ROW_SCHEMA_VERSION, type RowKind } from './row-schemas';
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
