import { describe, expect, it } from 'vitest';
import type { ClusterAction } from '../../src/domain/actions/cluster-action';
import { type AgendaProposal, buildAgenda, decideProposal } from '../../src/domain/agenda/agenda';

const proposal = (id: string, status: AgendaProposal['status'] = 'proposed', order = 0): AgendaProposal => ({
  id,
  meetingId: '2026-27#3',
  text: `Item ${id}`,
  proposedBy: '29:x',
  proposedByName: 'X',
  at: new Date(`2026-11-2${id.slice(1)}T10:00:00Z`),
  status,
  order,
});
const action = (id: string, due: string, status: ClusterAction['status'] = 'open'): ClusterAction => ({
  id,
  title: `Action ${id}`,
  ownerSchoolId: 'earlsdon',
  due,
  status,
  createdAt: new Date(),
  createdBy: 'x',
  history: [],
});

describe('building the agenda', () => {
  it('opens with standing items, then focus, actions (overdue first), accepted proposals, and ends with AOB', () => {
    const items = buildAgenda({
      standingItems: [],
      focus: 'Reading for pleasure',
      actions: [action('A1', '2027-01-30'), action('A2', '2026-12-01'), action('A3', '2026-12-01', 'done')],
      proposals: [proposal('P1', 'accepted', 2), proposal('P2', 'proposed'), proposal('P3', 'accepted', 1)],
      today: '2026-12-10',
      schoolName: () => 'Earlsdon',
    });
    expect(items.map((i) => i.text)).toEqual([
      'Welcome and apologies',
      'Minutes of the last meeting and matters arising',
      "This half term's focus: Reading for pleasure",
      'Action A2 (Earlsdon, overdue): Action A2',
      'Action A1 (Earlsdon): Action A1',
      'Item P3',
      'Item P1',
      'Any other business',
    ]);
  });
});

describe("the chair's decisions on proposed items", () => {
  it('accepts at the end, moves up and down, and drops', () => {
    let list = [proposal('P1'), proposal('P2'), proposal('P3')];
    for (const id of ['P1', 'P2', 'P3']) {
      const next = decideProposal(list, id, 'accept');
      if (typeof next === 'string') throw new Error(next);
      list = next;
    }
    const moved = decideProposal(list, 'p3', 'up');
    if (typeof moved === 'string') throw new Error(moved);
    const order = (l: AgendaProposal[]) =>
      l
        .filter((p) => p.status === 'accepted')
        .sort((a, b) => a.order - b.order)
        .map((p) => p.id);
    expect(order(moved)).toEqual(['P1', 'P3', 'P2']);
    const dropped = decideProposal(moved, 'P1', 'drop');
    if (typeof dropped === 'string') throw new Error(dropped);
    expect(order(dropped)).toEqual(['P3', 'P2']);
  });

  it('says why a decision cannot be made', () => {
    expect(decideProposal([proposal('P1')], 'P9', 'accept')).toBe(
      'there is no proposed item P9 for this meeting',
    );
    expect(decideProposal([proposal('P1')], 'P1', 'up')).toBe('P1 is not on the agenda yet: accept it first');
    expect(decideProposal([proposal('P1', 'accepted', 1)], 'P1', 'up')).toBe('P1 is already first');
  });
});

describe('actions carried forward', () => {
  it('come in number order when due the same day: A2 before A10', () => {
    const action = (id: string) => ({
      id,
      title: `Action ${id}`,
      ownerSchoolId: 's',
      due: '2026-12-01' as const,
      status: 'open' as const,
      createdAt: new Date('2026-10-01T09:00:00Z'),
      createdBy: '29:a',
      createdByName: 'A',
      history: [],
    });
    const items = buildAgenda({
      standingItems: [],
      actions: [action('A10'), action('A2'), action('A1')] as never,
      proposals: [],
      today: '2026-11-01',
      schoolName: () => 'Earlsdon',
    });
    expect(items.filter((i) => i.kind === 'action').map((i) => i.text.split(' ')[1])).toEqual([
      'A1',
      'A2',
      'A10',
    ]);
  });
});
