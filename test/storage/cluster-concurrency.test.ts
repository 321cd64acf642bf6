import { describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/services/calendar-service';
import { ClusterSetupService } from '../../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { RosterImportService } from '../../src/services/roster-import-service';
import { RotaService } from '../../src/services/rota-service';
import { SchoolService } from '../../src/services/school-service';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { fakeClock } from '../support/fake-clock';
import { YEAR_2026_27 } from '../support/sample-calendar';
import { freshTableStorage } from '../support/test-tables';

const lead = { userId: '29:lead', name: 'Alex Morgan' };
const place = {
  tenantId: 'tenant',
  placeKey: '19:team@thread.tacv2',
  conversationId: '19:team@thread.tacv2',
};
const pattern = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };

async function cluster() {
  const tables = await freshTableStorage();
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
    fakeClock('2026-09-01T08:00:00Z'),
  );
  const setup = await new ClusterSetupService(workspace).setUp({
    place,
    name: 'Roots',
    pattern,
    boardRep: { kind: 'rotate-yearly' },
    actor: lead,
  });
  if (!setup.ok) throw new Error(setup.problem);
  return { workspace, schools: new SchoolService(workspace), rota: new RotaService(workspace) };
}

describe('concurrent changes to one cluster on Azurite', () => {
  it('twenty schools added at once all land, each with its own place in the rota', async () => {
    const { workspace, schools } = await cluster();
    const names = Array.from({ length: 20 }, (_, i) => `School ${String(i + 1).padStart(2, '0')}`);

    const results = await Promise.all(names.map((name) => schools.addSchool(place, { name }, lead)));

    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await workspace.read(place);
    const positions = stored?.value.schools.map((s) => s.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(stored?.value.profile.nextPosition).toBe(21);
    const log = await workspace.store.recentChanges(stored?.value.profile.id ?? '', new Date(0));
    expect(log).toHaveLength(20);
  });

  it('two rota changes made at the same moment both survive', async () => {
    const { workspace, rota } = await cluster();
    await new RosterImportService(workspace).importRoster(place, 'school\nA\nB\nC\nD\nE\nF\n', lead);
    await new CalendarService(workspace).setTermDates(place, '2026-27', YEAR_2026_27.halfTerms, [], lead);

    const [swap, venue] = await Promise.all([
      rota.change(place, { kind: 'swap', first: { halfTerm: 2 }, second: { halfTerm: 3 } }, lead),
      rota.change(place, { kind: 'venue', meeting: { halfTerm: 5 }, venue: 'Earlsdon school hall' }, lead),
    ]);

    expect(swap.ok && venue.ok).toBe(true);
    const view = await rota.view(place);
    if (!view.ok) throw new Error(view.problem);
    const meetings = view.value.rota.meetings;
    expect(meetings.map((m) => m.host?.name).join('')).toBe('ACBDEF');
    expect(meetings[4]?.venue).toBe('Earlsdon school hall');
  });
});
