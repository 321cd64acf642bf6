import { describe, expect, it } from 'vitest';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { parseRowVersion } from '../../src/storage/parsed-rows';
import { DamagedRowError, parseRow, ROW_SCHEMA_VERSION } from '../../src/storage/row-schemas';
import { sampleProfile } from '../support/sample-profile';
import { freshTableStorage } from '../support/test-tables';

const school = { id: 'earlsdon', name: 'Earlsdon Primary', position: 2, joinedOn: '2026-09-01' };

describe('stored rows, read through a schema per kind', () => {
  it('come back as their kind, with dates as Dates and unknown optional fields kept', () => {
    const change = parseRow<{ at: Date; note: string }>(
      'change',
      JSON.stringify({
        at: '2026-11-10T09:00:00.000Z',
        by: '29:a',
        byName: 'A',
        kind: 'swap',
        summary: 'S',
        note: 'kept',
      }),
      'row change|x',
      ROW_SCHEMA_VERSION,
    );
    expect(change.at).toEqual(new Date('2026-11-10T09:00:00.000Z'));
    expect(change.note).toBe('kept');
  });

  it('read rows from before versioning (no version stored) as version 1', () => {
    expect(parseRow('school', JSON.stringify(school), 'row school|earlsdon', undefined)).toEqual(school);
  });

  it('refuse a damaged row, naming the row and what is wrong with it', () => {
    const damaged = JSON.stringify({ ...school, position: 'second' });
    expect(() => parseRow('school', damaged, 'row school|earlsdon of cluster c1', 1)).toThrow(
      new DamagedRowError(
        'row school|earlsdon of cluster c1 is not a valid school row (position: Expected number, received string)',
      ),
    );
    expect(() => parseRow('school', '{"id":', 'row school|x', 1)).toThrow('row school|x is not valid JSON');
    expect(() =>
      parseRow('action', JSON.stringify({ id: 'A1', createdAt: 'yesterday' }), 'row action|A1', 1),
    ).toThrow(/row action\|A1 is not a valid action row/);
  });

  it('refuse a row written by a newer version rather than misread it', () => {
    expect(() =>
      parseRow('school', JSON.stringify(school), 'row school|earlsdon', ROW_SCHEMA_VERSION + 1),
    ).toThrow(/written by a newer Clusterbot/);
  });

  it('stop a damaged row in Azure Tables from reaching a service: loading the cluster says which row', async () => {
    const tables = await freshTableStorage();
    const clusters = tables.table('clusters');
    const store = new ClusterRepository(clusters, tables.table('clusterLinks'));
    await store.create(sampleProfile(), { userId: '29:lead', name: 'Lead', role: 'cluster-lead' });
    await clusters.upsertEntity({ partitionKey: 'c1', rowKey: 'school|broken', json: '{"name":"No id"}' });
    await expect(store.load('c1')).rejects.toThrow(
      'row school|broken of cluster c1 is not a valid school row (id: Required)',
    );
  });
});

describe('rows read again at the same version', () => {
  it('are parsed once, shared frozen (so no turn can change another turn’s copy), and parsed afresh when they change', () => {
    const json = JSON.stringify(school);
    const first = parseRowVersion<typeof school>(
      'school',
      json,
      'row school|earlsdon of cluster c9',
      1,
      'W/"1"',
    );
    const again = parseRowVersion<typeof school>(
      'school',
      json,
      'row school|earlsdon of cluster c9',
      1,
      'W/"1"',
    );
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
    const changed = parseRowVersion<typeof school>(
      'school',
      JSON.stringify({ ...school, name: 'Earlsdon Academy' }),
      'row school|earlsdon of cluster c9',
      1,
      'W/"2"',
    );
    expect(changed.name).toBe('Earlsdon Academy');
  });
});
