import { describe, expect, it } from 'vitest';
import { eraseSchoolIn, forgetPeopleIn } from '../../src/domain/privacy/erasure';
import { DEFAULT_RETENTION, dueUnder } from '../../src/domain/privacy/retention';
import type { StoredRecord } from '../../src/domain/privacy/stored-records';

const record = (kind: StoredRecord['kind'], value: unknown, key = `${kind}|x`): StoredRecord => ({
  table: 'clusters',
  partition: 'c1',
  key,
  kind,
  value,
  version: 'W/"1"',
});
const PRIYA = {
  userId: '29:1Hq7Lm2Np4Rs6Tv8',
  aadObjectId: 'c7d8e9f0-1a2b',
  name: 'Priya Shah',
  role: 'head' as const,
};
const answer = (reason: string) => ({
  answer: { kind: 'apologies', reason },
  by: PRIYA.userId,
  byName: PRIYA.name,
  at: new Date('2026-11-10T09:00:00Z'),
  key: 'k1',
});

describe('forgetting a person', () => {
  it('removes their link, and puts "Former head" and a placeholder id wherever they are named', () => {
    expect(
      forgetPeopleIn(record('person', { userId: PRIYA.userId, name: PRIYA.name, role: 'head' }), [PRIYA]),
    ).toEqual({
      record: expect.anything(),
      remove: true,
    });
    const change = record('change', {
      at: new Date(),
      by: PRIYA.userId,
      byName: PRIYA.name,
      kind: 'join',
      summary: 'Priya Shah linked to Cannon Park.',
    });
    expect(forgetPeopleIn(change, [PRIYA])).toMatchObject({
      to: { by: 'former-member', byName: 'Former head', summary: 'former head linked to Cannon Park.' },
    });
  });

  it('changes nothing in a record that does not name them', () => {
    expect(
      forgetPeopleIn(record('school', { id: 'earlsdon', name: 'Earlsdon Primary' }), [PRIYA]),
    ).toBeUndefined();
  });
});

describe('erasing a school that has left', () => {
  it("takes out its answers' reasons and deputies but keeps the answer, and its guests, and its head's name", () => {
    const rsvp = record('rsvp', {
      meetingId: '2026-27#2',
      schoolId: 'cannon',
      current: answer('Ofsted visit'),
      history: [answer('Ofsted visit')],
    });
    const erased = eraseSchoolIn(rsvp, 'cannon', [PRIYA]);
    const after = JSON.stringify(erased && 'to' in erased ? erased.to : undefined);
    expect(after).not.toContain('Ofsted visit');
    expect(after).not.toContain(PRIYA.name);
    expect(erased).toMatchObject({
      to: { current: { answer: { kind: 'apologies' }, byName: 'Former head' } },
    });
    const school = record('school', {
      id: 'cannon',
      name: 'Cannon Park',
      headName: 'Priya Shah',
      position: 3,
    });
    expect(eraseSchoolIn(school, 'cannon', [PRIYA])).toMatchObject({
      to: { name: 'Cannon Park', personalDataErased: true },
    });
    const erasedSchool = eraseSchoolIn(school, 'cannon', [PRIYA]);
    expect(erasedSchool && 'to' in erasedSchool ? erasedSchool.to : undefined).not.toHaveProperty('headName');
  });

  it("leaves another school's answers alone", () => {
    const other = record('rsvp', {
      meetingId: '2026-27#2',
      schoolId: 'earlsdon',
      current: { ...answer('Training'), by: '29:other', byName: 'Jo Smith' },
      history: [],
    });
    expect(eraseSchoolIn(other, 'cannon', [PRIYA])).toBeUndefined();
  });
});

describe('retention rules', () => {
  const rsvp = record('rsvp', { meetingId: '2024-25#6', schoolId: 's', current: answer('x'), history: [] });

  it("deletes answers from the start of the second school year after the meeting's (UK time)", () => {
    expect(dueUnder(rsvp, DEFAULT_RETENTION, new Date('2026-08-31T22:59:00Z'))).toBeUndefined(); // 23:59 on 31 Aug, BST
    expect(dueUnder(rsvp, DEFAULT_RETENTION, new Date('2026-08-31T23:00:00Z'))).toBe('answersSchoolYears'); // 00:00 on 1 Sep
  });

  it('deletes unpublished drafts a year after saving, never published minutes', () => {
    const draft = { meetingId: '2026-27#2', savedAt: new Date('2026-11-23T10:00:00Z') };
    const now = new Date('2027-11-24T10:00:00Z');
    expect(dueUnder(record('minutes', draft), DEFAULT_RETENTION, now)).toBe('draftMinutesYears');
    expect(
      dueUnder(record('minutes', { ...draft, published: { at: new Date() } }), DEFAULT_RETENTION, now),
    ).toBeUndefined();
  });

  it('deletes change-log entries after six years and delivery receipts after a year', () => {
    const entry = record('change', {
      at: new Date('2020-09-01T09:00:00Z'),
      by: 'x',
      byName: 'X',
      kind: 'k',
      summary: 's',
    });
    expect(dueUnder(entry, DEFAULT_RETENTION, new Date('2026-09-01T12:00:00Z'))).toBe('changeLogYears');
    expect(dueUnder(entry, DEFAULT_RETENTION, new Date('2026-08-01T12:00:00Z'))).toBeUndefined();
    const receipt = {
      ...record('delivery', { at: new Date('2025-11-01T08:00:00Z') }, 'to|slot|29:a'),
      table: 'deliveries' as const,
    };
    expect(dueUnder(receipt, DEFAULT_RETENTION, new Date('2026-11-02T08:00:00Z'))).toBe(
      'deliveryReceiptDays',
    );
  });
});
