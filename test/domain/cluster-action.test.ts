import { describe, expect, it } from 'vitest';
import {
  type ClusterAction,
  changeStatus,
  isOverdue,
  matches,
  overview,
} from '../../src/domain/actions/cluster-action';

const action = (
  id: string,
  due: string,
  status: ClusterAction['status'] = 'open',
  ownerSchoolId = 'earlsdon',
): ClusterAction => ({
  id,
  title: `Action ${id}`,
  ownerSchoolId,
  due,
  status,
  createdAt: new Date('2026-11-17T15:00:00Z'),
  createdBy: '29:lead',
  history: [],
});
const lead = { userId: '29:lead', name: 'Alex Morgan' };

describe('actions', () => {
  it('is overdue only while open or in progress and past its due date', () => {
    expect(isOverdue(action('A1', '2026-11-20'), '2026-11-23')).toBe(true);
    expect(isOverdue(action('A1', '2026-11-23'), '2026-11-23')).toBe(false);
    expect(isOverdue(action('A1', '2026-11-20', 'done'), '2026-11-23')).toBe(false);
    expect(isOverdue(action('A1', '2026-11-20', 'in-progress'), '2026-11-23')).toBe(true);
  });

  it('records each change of status with who and when; the same status again changes nothing', () => {
    const first = action('A1', '2026-12-01');
    const done = changeStatus(first, 'done', lead, new Date('2026-11-23T10:00:00Z'));
    expect(done.history).toEqual([
      { at: new Date('2026-11-23T10:00:00Z'), by: '29:lead', byName: 'Alex Morgan', status: 'done' },
    ]);
    expect(changeStatus(done, 'done', lead, new Date())).toBe(done);
  });

  it('orders the overview overdue first and counts by status', () => {
    const all = [
      action('A1', '2026-12-10'),
      action('A2', '2026-11-01', 'done'),
      action('A3', '2026-11-20'),
      action('A4', '2026-11-21', 'in-progress'),
      action('A5', '2026-11-30', 'dropped'),
    ];
    const { counts, ordered } = overview(all, '2026-11-23');
    expect(ordered.map((a) => a.id)).toEqual(['A3', 'A4', 'A1', 'A2', 'A5']);
    expect(counts).toEqual({ open: 2, 'in-progress': 1, done: 1, dropped: 1, overdue: 2 });
  });

  it('filters by owner school, by person, overdue, and due dates', () => {
    const mine = {
      ...action('A1', '2026-12-01', 'open', 'cannon'),
      ownerPerson: { userId: '29:me', name: 'Me' },
    };
    const today = '2026-11-23';
    expect(matches(mine, { kind: 'mine', userId: '29:me' }, today)).toBe(true);
    expect(
      matches(action('A2', '2026-12-01'), { kind: 'mine', userId: '29:me', schoolId: 'earlsdon' }, today),
    ).toBe(true);
    expect(matches(action('A2', '2026-12-01'), { kind: 'school', schoolId: 'cannon' }, today)).toBe(false);
    expect(matches(action('A2', '2026-11-01'), { kind: 'overdue' }, today)).toBe(true);
    expect(
      matches(
        action('A2', '2026-12-01'),
        { kind: 'due-between', from: '2026-11-02', to: '2026-12-18' },
        today,
      ),
    ).toBe(true);
  });
});
