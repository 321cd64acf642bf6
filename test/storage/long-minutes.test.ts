import { describe, expect, it } from 'vitest';
import { ClusterSetupService } from '../../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { fakeClock } from '../support/fake-clock';
import { freshTableStorage } from '../support/test-tables';

const lead = { userId: '29:lead', name: 'Alex Morgan' };
const place = {
  tenantId: 'tenant',
  placeKey: '19:team@thread.tacv2',
  conversationId: '19:team@thread.tacv2',
};

describe('minutes longer than one table property on Azurite', () => {
  it('are split across properties and read back whole', async () => {
    const tables = await freshTableStorage();
    const store = new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks'));
    const workspace = new ClusterWorkspace(store, fakeClock('2026-11-23T10:00:00Z'));
    const setup = await new ClusterSetupService(workspace).setUp({
      place,
      name: 'Roots',
      pattern: { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' },
      boardRep: { kind: 'rotate-yearly' },
      actor: lead,
    });
    if (!setup.ok) throw new Error(setup.problem);
    // 35 agenda items of 2,000 characters: far more than the 32K characters one property holds.
    const notes = Array.from({ length: 35 }, (_, i) => ({
      item: `Item ${i + 1}`,
      notes: `${i}é`.repeat(1000),
    }));
    const minutes = {
      meetingId: '2026-27#2',
      attendance: [{ schoolId: 'urn-1', mark: 'present' as const }],
      guests: [],
      notes,
      decisions: ['Adopt the moderation calendar'],
      pendingActions: [],
      actionIds: [],
      savedAt: new Date('2026-11-23T10:00:00Z'),
      savedBy: lead.userId,
      savedByName: lead.name,
    };
    expect(JSON.stringify(minutes).length).toBeGreaterThan(70_000);

    const written = await workspace.change(place, () => ({
      ok: true,
      value: { write: { minutes: [minutes] }, value: 1 },
    }));
    expect(written.ok).toBe(true);

    const stored = await workspace.read(place);
    expect(stored?.value.minutes).toEqual([minutes]);
    const rows = tables.table('clusters').listEntities<Record<string, unknown>>({
      queryOptions: { filter: "RowKey ge 'minutes|' and RowKey lt 'minutes}'" },
    });
    const parts: string[][] = [];
    for await (const row of rows) parts.push(Object.keys(row).filter((key) => /^json\d*$/.test(key)));
    expect(parts).toEqual([['json', 'json1', 'json2', 'json3']]);
  });
});
