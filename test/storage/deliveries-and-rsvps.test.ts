import { describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/services/calendar-service';
import { ClusterSetupService } from '../../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { RosterImportService } from '../../src/services/roster-import-service';
import { RsvpService } from '../../src/services/rsvp-service';
import { SchoolService } from '../../src/services/school-service';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { RsvpRepository } from '../../src/storage/rsvp-repository';
import { SlotLedgerRepository } from '../../src/storage/slot-ledger-repository';
import { fakeClock } from '../support/fake-clock';
import { YEAR_2026_27 } from '../support/sample-calendar';
import { freshTableStorage } from '../support/test-tables';

const NOW = new Date('2026-11-10T09:00:00Z');
const LEASE = 60_000;

describe('the delivery ledger on Azurite', () => {
  it('lets exactly one of two instances claim a slot', async () => {
    const tables = await freshTableStorage();
    const a = new SlotLedgerRepository(tables.table('deliveries'));
    const b = new SlotLedgerRepository(tables.table('deliveries'));
    const claims = await Promise.all([
      a.claim('c1', 'm#2|2026-11-17|reminder', 'instance-a', NOW, LEASE),
      b.claim('c1', 'm#2|2026-11-17|reminder', 'instance-b', NOW, LEASE),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('retries a claim left by a crashed instance once its lease has run out, and only once', async () => {
    const ledger = new SlotLedgerRepository((await freshTableStorage()).table('deliveries'));
    expect(await ledger.claim('c1', 'slot', 'crashed', NOW, LEASE)).toBe(true);
    expect(await ledger.claim('c1', 'slot', 'b', new Date(NOW.getTime() + 30_000), LEASE)).toBe(false);
    const later = new Date(NOW.getTime() + 61_000);
    const takeovers = await Promise.all([
      ledger.claim('c1', 'slot', 'b', later, LEASE),
      ledger.claim('c1', 'slot', 'c', later, LEASE),
    ]);
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });

  it('never hands out a finished slot again, and remembers each recipient', async () => {
    const ledger = new SlotLedgerRepository((await freshTableStorage()).table('deliveries'));
    await ledger.claim('c1', 'slot', 'a', NOW, LEASE);
    await ledger.markDelivered('c1', 'slot', '19:channel', NOW);
    await ledger.finish('c1', 'slot', 'sent', NOW);
    await ledger.finish('c1', 'dropped-slot', 'dropped', NOW, 'the meeting had already started');
    expect(await ledger.finished('c1')).toEqual(new Set(['slot', 'dropped-slot']));
    expect(await ledger.claim('c1', 'slot', 'b', new Date(NOW.getTime() + 3_600_000), LEASE)).toBe(false);
    expect(await ledger.delivered('c1', 'slot', '19:channel')).toBe(true);
    expect(await ledger.delivered('c1', 'slot', '29:someone-else')).toBe(false);
  });
});

describe('answers to a meeting on Azurite', () => {
  async function clusterOfFifty() {
    const tables = await freshTableStorage();
    const clock = fakeClock(NOW);
    const workspace = new ClusterWorkspace(
      new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
      clock,
    );
    const place = { tenantId: 't', placeKey: '19:team', conversationId: '19:team' };
    const lead = { userId: '29:lead', name: 'Lead' };
    const setup = await new ClusterSetupService(workspace).setUp({
      place,
      name: 'Big cluster',
      pattern: { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' },
      boardRep: { kind: 'rotate-yearly' },
      actor: lead,
    });
    if (!setup.ok) throw new Error(setup.problem);
    const names = Array.from({ length: 50 }, (_, i) => `School ${String(i + 1).padStart(2, '0')}`);
    const schools = new SchoolService(workspace);
    await new RosterImportService(workspace).importRoster(place, `school\n${names.join('\n')}`, lead);
    await new CalendarService(workspace).setTermDates(place, '2026-27', YEAR_2026_27.halfTerms, [], lead);
    const heads = names.map((name, i) => ({ userId: `29:head-${i}`, name: `Head ${i}`, school: name }));
    for (const head of heads) await schools.linkPerson(place, head, head.school, 'head', head);
    return {
      rsvp: new RsvpService(workspace, new RsvpRepository(tables.table('clusters'))),
      heads,
      clusterId: setup.value.id,
    };
  }

  it('loses none of 50 answers sent at the same moment', async () => {
    const { rsvp, heads, clusterId } = await clusterOfFifty();
    const results = await Promise.all(
      heads.map((head, i) =>
        rsvp.answer(
          clusterId,
          '2026-27#2',
          '2026-11-17',
          head,
          i % 2 ? { kind: 'attending' } : { kind: 'apologies' },
          `invoke-${i}`,
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const attendance = await rsvp.attendance(clusterId, '2026-27#2');
    if (!attendance.ok) throw new Error(attendance.problem);
    expect(attendance.value.tally.attending).toHaveLength(25);
    expect(attendance.value.tally.apologies).toHaveLength(25);
    expect(attendance.value.tally.noAnswer).toEqual([]);
  });

  it('stores one answer when the same click is delivered three times', async () => {
    const { rsvp, heads, clusterId } = await clusterOfFifty();
    const head = heads[0];
    if (!head) throw new Error('no head');
    await Promise.all(
      [1, 2, 3].map(() =>
        rsvp.answer(clusterId, '2026-27#2', '2026-11-17', head, { kind: 'attending' }, 'invoke-same-id'),
      ),
    );
    const attendance = await rsvp.attendance(clusterId, '2026-27#2');
    if (!attendance.ok) throw new Error(attendance.problem);
    expect(attendance.value.answers).toHaveLength(1);
    expect(attendance.value.answers[0]?.history).toHaveLength(1);
  });

  it('refuses someone not linked to a school, and a card whose meeting has moved', async () => {
    const { rsvp, heads, clusterId } = await clusterOfFifty();
    const stranger = await rsvp.answer(
      clusterId,
      '2026-27#2',
      '2026-11-17',
      { userId: '29:x', name: 'X' },
      { kind: 'attending' },
      'k',
    );
    expect(stranger).toEqual({
      ok: false,
      problem:
        "you are not listed for a school in Big cluster. Link yourself with **/join** (in the cluster's channel), or ask your cluster lead",
    });
    const head = heads[1];
    if (!head) throw new Error('no head');
    const moved = await rsvp.answer(clusterId, '2026-27#2', '2026-11-18', head, { kind: 'attending' }, 'k2');
    expect(moved).toEqual({
      ok: false,
      problem: 'the Autumn 2 2026-27 meeting has moved to Tue 17 Nov 2026, 13:30',
    });
  });
});
