import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardWrites, PupilDataRefusedError, pupilDataIn } from '../../src/services/pupil-data-gate';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { sampleProfile } from '../support/sample-profile';
import { freshTableStorage } from '../support/test-tables';

const TODAY = new Date('2026-12-02T10:00:00Z');
const clock = () => TODAY;
const PUPIL = 'Sam Pupil3 04/04/2016';

/** Every string leaf of a value, with a function that puts `text` in the n-th one. */
function withTextInLeaf(value: unknown, n: number, text: string): { value: unknown; leaves: number } {
  let seen = 0;
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return seen++ === n ? `${v}; ${text}` : v;
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [`f${k}`, visit(x)]));
    return v;
  };
  const result = visit(value);
  return { value: result, leaves: seen };
}

describe('the pupil-data gate before storage', () => {
  it('finds pupil data in any string of any shape of record, and says where', () => {
    const record = fc.object({
      key: fc.stringMatching(/^[a-z]{1,8}$/),
      values: [
        fc.stringMatching(/^[a-z ]{0,12}$/),
        fc.integer(),
        fc.boolean(),
        fc.date({ noInvalidDate: true }),
      ],
      maxDepth: 3,
    });
    fc.assert(
      fc.property(record, fc.nat(), (value, pick) => {
        expect(pupilDataIn(value, TODAY)).toBeUndefined();
        const { leaves } = withTextInLeaf(value, -1, '');
        fc.pre(leaves > 0);
        const poisoned = withTextInLeaf(value, pick % leaves, PUPIL).value;
        const found = pupilDataIn(poisoned, TODAY);
        expect(found).toBeInstanceOf(PupilDataRefusedError);
        expect(found?.refusal).toContain(`"${PUPIL}"`);
      }),
    );
  });

  it('names the field in words: a deputy name in the minutes is "the deputy name"', () => {
    const found = pupilDataIn({ minutes: [{ attendance: [{ deputyName: `${PUPIL}` }] }] }, TODAY);
    expect(found?.field).toBe('minutes.0.attendance.0.deputyName');
    expect(found?.refusal).toMatch(/^the deputy name contains a name next to a date/);
  });

  it('stops a write to Azure Tables that holds pupil data in a field no use case checks, storing nothing of it', async () => {
    const tables = await freshTableStorage();
    const clusters = tables.table('clusters');
    const store = guardWrites(
      new ClusterRepository(clusters, tables.table('clusterLinks')),
      ['create', 'write'],
      clock,
    );
    await store.create(sampleProfile(), { userId: '29:lead', name: 'Lead', role: 'cluster-lead' });
    const loaded = await store.load('c1');
    const school = { id: 'earlsdon', name: 'Earlsdon Primary', position: 1, phase: `Primary; ${PUPIL}` };
    await expect(
      store.write('c1', loaded?.version ?? '', { profile: sampleProfile(), schools: [school] }),
    ).rejects.toThrow(PupilDataRefusedError);
    const rows: string[] = [];
    for await (const row of clusters.listEntities()) rows.push(JSON.stringify(row));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join('\n')).not.toContain('Pupil3');
    expect(rows.join('\n')).not.toContain('earlsdon');
  });

  it('lets everything else through to storage unchanged', async () => {
    const tables = await freshTableStorage();
    const store = guardWrites(
      new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
      ['create', 'write'],
      clock,
    );
    await store.create(sampleProfile(), { userId: '29:lead', name: 'Lead', role: 'cluster-lead' });
    const loaded = await store.load('c1');
    const school = {
      id: 'earlsdon',
      name: 'Earlsdon Primary',
      position: 1,
      phase: 'Primary, inspected 12/03/2019',
    };
    await store.write('c1', loaded?.version ?? '', { profile: sampleProfile(), schools: [school] });
    expect((await store.load('c1'))?.value.schools).toEqual([school]);
  });
});
