import { academicYearOf, startYearOf } from '../calendar/academic-year';
import { londonWallClock } from '../time/london-time';
import type { RecordChange, StoredRecord } from './stored-records';

/**
 * How long Clusterbot keeps what names people, by rule. The defaults follow the partnership's
 * own needs: last year's answers help plan this year's meetings; a draft nobody published in a
 * year is not the record; the change log shows who changed what for six years (the period
 * schools keep governance records for); a receipt that a scheduled message reached someone is
 * only needed while its round might be resumed.
 */
export interface RetentionRules {
  /** Answers (with apology reasons and deputies) and guest requests: school years after the meeting's. */
  answersSchoolYears: number;
  /** Unpublished minute drafts: years after they were last saved. */
  draftMinutesYears: number;
  /** Change-log entries (each names who made the change): years. */
  changeLogYears: number;
  /** Receipts of scheduled messages (they carry the recipient's Teams id): days. */
  deliveryReceiptDays: number;
}

export const DEFAULT_RETENTION: RetentionRules = {
  answersSchoolYears: 2,
  draftMinutesYears: 1,
  changeLogYears: 6,
  deliveryReceiptDays: 365,
};

export type RetentionRule = keyof RetentionRules;

export const RULE_WORDS: Record<RetentionRule, (rules: RetentionRules) => string> = {
  answersSchoolYears: (r) =>
    `Answers to meetings, apology reasons, deputies and guest requests: deleted ${r.answersSchoolYears} school years after the meeting's school year`,
  draftMinutesYears: (r) =>
    `Minute drafts never published: deleted ${r.draftMinutesYears} year(s) after last saved`,
  changeLogYears: (r) =>
    `Change-log entries (they name who made each change): deleted after ${r.changeLogYears} years`,
  deliveryReceiptDays: (r) =>
    `Receipts that a reminder reached someone: deleted after ${r.deliveryReceiptDays} days`,
};

const DAY_MS = 86_400_000;
const dateOf = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
/** At least `years` calendar years have passed since `value` (1 Sep 2020 is six years old on 1 Sep 2026). */
const yearsPassed = (value: unknown, years: number, now: Date) => {
  const due = new Date(dateOf(value));
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return now.getTime() >= due.getTime();
};

/** Which rule, if any, says the record is due for deletion now. */
export function dueUnder(record: StoredRecord, rules: RetentionRules, now: Date): RetentionRule | undefined {
  const value = record.value as Record<string, unknown>;
  if (record.kind === 'rsvp' || record.kind === 'guest') {
    const meetingYear = /^(\d{4})-\d{2}#/.exec(String(value.meetingId ?? ''))?.[1];
    const thisYear = startYearOf(academicYearOf(londonWallClock(now).date));
    if (meetingYear && Number(meetingYear) + rules.answersSchoolYears <= thisYear)
      return 'answersSchoolYears';
  }
  if (record.kind === 'minutes' && !value.published && value.savedAt)
    if (yearsPassed(value.savedAt, rules.draftMinutesYears, now)) return 'draftMinutesYears';
  if (record.kind === 'change' && yearsPassed(value.at, rules.changeLogYears, now)) return 'changeLogYears';
  if (record.kind === 'delivery' && record.key.startsWith('to|') && value.at)
    if (now.getTime() - dateOf(value.at).getTime() >= rules.deliveryReceiptDays * DAY_MS)
      return 'deliveryReceiptDays';
  return undefined;
}

/** Everything due for deletion now, and how many under each rule. */
export function retentionDue(records: readonly StoredRecord[], rules: RetentionRules, now: Date) {
  const counts = new Map<RetentionRule, number>(
    (Object.keys(RULE_WORDS) as RetentionRule[]).map((rule) => [rule, 0]),
  );
  const changes: RecordChange[] = [];
  for (const record of records) {
    const rule = dueUnder(record, rules, now);
    if (!rule) continue;
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
    changes.push({ record, remove: true });
  }
  return { changes, counts };
}
