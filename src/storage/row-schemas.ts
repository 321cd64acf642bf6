import { z } from 'zod';

/**
 * Every stored row, parsed by a schema for its kind, so an old or damaged row fails with a clear
 * error instead of flowing on as the wrong type. Dates are stored as ISO strings and come back as
 * Dates for the fields the schema names, nowhere else. Fields a schema does not name pass through
 * unchanged (optional details the domain adds later need no migration).
 *
 * ROW_SCHEMA_VERSION goes into each row as it is written. Rows from before versioning count as
 * version 1 (the same shape). A row from a newer version is refused rather than misread.
 */
export const ROW_SCHEMA_VERSION = 1;

const text = z.string();
/** A published or entered figure, or the reason there is none (never a 0 standing in for it). */
const figure = z.union([z.object({ value: z.number() }), z.object({ missing: z.string() })]);
const when = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'not a date');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');
const schoolYear = z.string().regex(/^\d{4}-\d{2}$/, 'not a school year like 2026-27');
const stamped = z.object({ at: when }).passthrough();

export const ROW_SCHEMAS = {
  profile: z
    .object({
      id: text,
      name: text,
      pattern: z.object({ weekday: z.number(), startTime: text, endTime: text }).passthrough(),
      boardRep: z.object({ kind: text }).passthrough(),
      place: z.object({ tenantId: text, placeKey: text, conversationId: text }).passthrough(),
      createdAt: when,
      createdBy: text,
      nextPosition: z.number().int(),
      minutesLinksWithdrawnAt: when.optional(),
    })
    .passthrough(),
  school: z
    .object({
      id: text,
      name: text,
      position: z.number().int(),
      joinedOn: localDate.optional(),
      leftOn: localDate.optional(),
    })
    .passthrough(),
  person: z
    .object({
      userId: text,
      name: text,
      role: z.enum(['cluster-lead', 'head', 'staff', 'observer']),
      schoolId: text.optional(),
    })
    .passthrough(),
  calendar: z
    .object({
      year: schoolYear,
      halfTerms: z.array(z.object({ start: localDate, end: localDate }).passthrough()),
      closures: z.array(localDate),
    })
    .passthrough(),
  meeting: z.object({ year: schoolYear, halfTerm: z.number().int().min(1).max(6) }).passthrough(),
  change: z.object({ at: when, by: text, byName: text, kind: text, summary: text }).passthrough(),
  action: z
    .object({
      id: text,
      title: text,
      ownerSchoolId: text,
      due: localDate,
      status: text,
      createdAt: when,
      createdBy: text,
      history: z.array(stamped),
    })
    .passthrough(),
  agenda: z
    .object({
      id: text,
      meetingId: text,
      text,
      proposedBy: text,
      proposedByName: text,
      at: when,
      status: text,
      order: z.number(),
    })
    .passthrough(),
  agendapub: z
    .object({
      meetingId: text,
      items: z.array(z.object({ kind: text, text }).passthrough()),
      publishedAt: when,
      publishedBy: text,
      publishedByName: text,
    })
    .passthrough(),
  minutes: z
    .object({
      meetingId: text,
      attendance: z.array(z.object({ schoolId: text, mark: text }).passthrough()),
      guests: z.array(text),
      notes: z.array(z.object({ item: text, notes: text }).passthrough()),
      decisions: z.array(text),
      pendingActions: z.array(z.object({ title: text, schoolId: text, due: localDate }).passthrough()),
      actionIds: z.array(text),
      savedAt: when,
      savedBy: text,
      savedByName: text,
      published: stamped.optional(),
    })
    .passthrough(),
  review: z
    .object({
      id: text,
      schoolId: text,
      requestedBy: text,
      type: text,
      focus: text,
      status: text,
      volunteers: z.array(stamped),
      followUpActionIds: z.array(text),
      createdAt: when,
      history: z.array(stamped),
    })
    .passthrough(),
  rsvp: z
    .object({
      meetingId: text,
      schoolId: text,
      current: stamped,
      history: z.array(stamped),
    })
    .passthrough(),
  guest: z
    .object({
      id: text,
      meetingId: text,
      schoolId: text,
      name: text,
      role: text,
      at: when,
      status: z.enum(['pending', 'approved', 'declined']),
      decidedAt: when.optional(),
    })
    .passthrough(),
  board: z
    .object({
      id: text,
      name: text,
      place: z.object({ tenantId: text, placeKey: text, conversationId: text }).passthrough(),
      createdAt: when,
      createdBy: text,
      admins: z.array(text),
    })
    .passthrough(),
  boardLink: z.object({ clusterId: text, clusterName: text, linkedAt: when, linkedBy: text }).passthrough(),
  perf: z
    .object({
      urn: text,
      year: text,
      figures: z.record(figure),
      source: z.enum(['ees', 'legacy', 'school-entered']),
    })
    .passthrough(),
  perfarea: z
    .object({
      area: z.object({ kind: z.enum(['la', 'england']) }).passthrough(),
      year: text,
      figures: z.record(figure),
    })
    .passthrough(),
  ofsted: z.object({ urn: text, asAt: text }).passthrough(),
  perftarget: z
    .object({ for: text, measure: text, year: text, value: z.number(), setBy: text, setAt: when })
    .passthrough(),
} as const;

export type RowKind = keyof typeof ROW_SCHEMAS;

/** A stored row that is not what its kind says it is (damaged, or written by a newer version). */
export class DamagedRowError extends Error {
  override readonly name = 'DamagedRowError';
}

/** Parses a row's JSON as its kind; the error names the row and the first thing wrong. */
export function parseRow<T>(kind: RowKind, json: string, where: string, version: unknown): T {
  const stored = typeof version === 'number' ? version : 1;
  if (stored > ROW_SCHEMA_VERSION)
    throw new DamagedRowError(
      `${where} was written by a newer Clusterbot (row version ${stored}, this one reads ${ROW_SCHEMA_VERSION})`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DamagedRowError(`${where} is not valid JSON`);
  }
  const result = ROW_SCHEMAS[kind].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'the row';
    throw new DamagedRowError(
      `${where} is not a valid ${kind} row (${field}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return result.data as T;
}
