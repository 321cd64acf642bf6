/**
 * npm run bench: speed goals measured on this machine, against a real (in-memory) Azurite.
 * - answering on the reminder card (store the answer, re-read the tally, render the person's card)
 *   must stay well inside Teams' 5 s invoke limit;
 * - a reminder round over 40 clusters;
 * - planning a 20-school rota over five school years;
 * - a board's overview of 1 and of 40 linked clusters (time, and table requests made);
 * - Clusterbot under load beside a bare teams-ai v1 bot (p50/p99 at 1, 10 and 50 at once, CPU per
 *   turn) and the table requests a turn makes (1 or 40 clusters stored, a new or five-year-old one);
 * - a county's reminder round against a connector enforcing Teams' limits, from 1 and 3 instances;
 * - the performance table for a 93-school city, and streaming a 1,000,000-row and a 20,000-row
 *   public file (time and peak RSS beside a tenth of the rows: flat memory), and the tidy files
 *   again through the upload page (time beside reading from disk);
 * - the production artefact's start-up time and idle memory beside a bare teams-ai bot.
 * Prints a table; it asserts nothing (timings are for reading, not for failing builds).
 */

import { performance } from 'node:perf_hooks';
import { renderReminderCard } from '../src/cards/reminder-card';
import { planRota } from '../src/domain/rota/plan-rota';
import { scheduleMeetings } from '../src/domain/rota/schedule-meetings';
import { MessengerNotices } from '../src/notices/cluster-notices';
import type { Messenger } from '../src/notices/messenger';
import { BoardOverviewService } from '../src/services/board-overview-service';
import { BoardService } from '../src/services/board-service';
import { CalendarService } from '../src/services/calendar-service';
import { ClusterSetupService } from '../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../src/services/cluster-workspace';
import { ReminderJob } from '../src/services/reminder-job';
import { RosterImportService } from '../src/services/roster-import-service';
import { RsvpService } from '../src/services/rsvp-service';
import { SchoolService } from '../src/services/school-service';
import { BoardRepository } from '../src/storage/board-repository';
import { ClusterRepository } from '../src/storage/cluster-repository';
import { startLocalAzurite } from '../src/storage/local-azurite';
import { RsvpRepository } from '../src/storage/rsvp-repository';
import { SlotLedgerRepository } from '../src/storage/slot-ledger-repository';
import { TableStorage } from '../src/storage/table-storage';
import { reminderCardData } from '../src/views/reminder-view';
import { CARD_SAMPLES } from '../test/support/card-samples';
import { YEAR_2026_27 as YEAR } from '../test/support/sample-calendar';
import { countyRoundRows } from './county-round';
import { performanceBenchRows } from './performance-bench';
import { productionStartRows } from './production-start';
import { turnLoadRows } from './turn-load';

const pattern = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const rows: Array<[string, string]> = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const azurite = await startLocalAzurite({ port: 0 });
  try {
    const tables = new TableStorage({ connectionString: azurite.connectionString, tablePrefix: 'Bench' });
    await tables.ensureTables();
    const now = new Date('2026-11-10T09:02:00Z');
    const workspace = new ClusterWorkspace(
      new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
      () => now,
    );
    const rsvp = new RsvpService(workspace, new RsvpRepository(tables.table('clusters')));
    const lead = { userId: '29:lead', name: 'Lead' };

    const clusterIds: string[] = [];
    for (let c = 0; c < 40; c++) {
      const place = { tenantId: 't', placeKey: `19:team-${c}`, conversationId: `19:team-${c}` };
      const setup = await new ClusterSetupService(workspace).setUp({
        place,
        name: `Cluster ${c}`,
        pattern,
        boardRep: { kind: 'rotate-yearly' },
        actor: lead,
      });
      if (!setup.ok) throw new Error(setup.problem);
      const names = Array.from({ length: 17 }, (_, i) => `School ${c}-${i}`);
      const schools = new SchoolService(workspace);
      await new RosterImportService(workspace).importRoster(place, `school\n${names.join('\n')}`, lead);
      await new CalendarService(workspace).setTermDates(place, '2026-27', YEAR.halfTerms, [], lead);
      if (c === 0) {
        for (const [i, name] of names.entries())
          await schools.linkPerson(place, { userId: `29:head-${i}`, name: `Head ${i}` }, name, 'head', {
            userId: `29:head-${i}`,
            name: `Head ${i}`,
          });
      }
      clusterIds.push(setup.value.id);
    }

    // 1. The invoke path of an RSVP click.
    const timings: number[] = [];
    for (let i = 0; i < 200; i++) {
      const head = { userId: `29:head-${i % 17}`, name: `Head ${i % 17}` };
      const start = performance.now();
      const result = await rsvp.answer(
        clusterIds[0] ?? '',
        '2026-27#2',
        '2026-11-17',
        head,
        i % 3 ? { kind: 'attending' } : { kind: 'apologies' },
        `k-${i}`,
      );
      if (!result.ok) throw new Error(result.problem);
      renderReminderCard(reminderCardData(result.value.attendance, now, head));
      timings.push(performance.now() - start);
    }
    rows.push(['RSVP click (store, tally, personal card), 200 clicks: p50', ms(percentile(timings, 50))]);
    rows.push(['RSVP click: p95 (Teams allows 5,000 ms)', ms(percentile(timings, 95))]);

    // 2. A reminder round over 40 clusters, with a messenger that accepts everything instantly.
    let sends = 0;
    const messenger: Messenger = {
      postToCluster: async () => {
        sends++;
        return { ok: true };
      },
      sendToPerson: async () => 'no-chat',
      updateInCluster: async () => ({ ok: true }),
    };
    const job = new ReminderJob({
      store: workspace.store,
      ledger: new SlotLedgerRepository(tables.table('deliveries')),
      rsvp,
      notices: new MessengerNotices(
        messenger,
        () => ({ html: '', markdown: '' }),
        () => now,
      ),
      clock: () => now,
      instance: 'bench',
    });
    let start = performance.now();
    const first = await job.tick();
    rows.push([
      `Reminder round, 40 clusters, ${first.sent.length} reminders due`,
      ms(performance.now() - start),
    ]);
    start = performance.now();
    await job.tick();
    rows.push(['Reminder round, 40 clusters, nothing due', ms(performance.now() - start)]);
    rows.push(['Channel posts made (should equal reminders due)', String(sends)]);

    // 3. Planning a rota: 20 schools over five years (30 meetings).
    const years = Array.from({ length: 5 }, (_, y) => ({
      ...YEAR,
      year: `${2026 + y}-${String(27 + y).padStart(2, '0')}`,
      halfTerms: YEAR.halfTerms.map((h) => ({
        ...h,
        start: `${2026 + y + Number(h.start.slice(0, 4)) - 2026}${h.start.slice(4)}`,
        end: `${2026 + y + Number(h.end.slice(0, 4)) - 2026}${h.end.slice(4)}`,
      })),
    }));
    const schools = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      name: `School ${i}`,
      position: i + 1,
    }));
    start = performance.now();
    for (let i = 0; i < 100; i++) {
      const { meetings } = scheduleMeetings(years, pattern, new Map(), []);
      planRota(schools, meetings, now, { kind: 'rotate-yearly' });
    }
    rows.push([
      'Schedule and plan a 20-school rota over 5 years (each)',
      ms((performance.now() - start) / 100),
    ]);

    // 4. The board's overview: one linked cluster among 40, then all 40. Reads grow with the
    //    clusters a board links, never with the others in the same storage.
    let requests = 0;
    for (const name of ['clusters', 'clusterLinks', 'boards'] as const) {
      tables.table(name).pipeline.addPolicy({
        name: 'count-requests',
        sendRequest: (request, next) => {
          requests++;
          return next(request);
        },
      });
    }
    const boardStore = new BoardRepository(tables.table('boards'));
    const boards = new BoardService(
      boardStore,
      workspace.store,
      () => now,
      () => 'https://bench.example/minutes',
    );
    const overviews = new BoardOverviewService(
      boardStore,
      workspace.store,
      new RsvpRepository(tables.table('clusters')),
      () => now,
      () => 'https://bench.example/minutes',
    );
    const admin = { userId: '29:admin', name: 'Admin' };
    for (const [key, linked] of [
      ['one', 1],
      ['all', 40],
    ] as const) {
      const place = { tenantId: 't', placeKey: `19:board-${key}`, conversationId: `19:board-${key}` };
      await boards.setUp(place, `Board ${key}`, admin);
      for (let c = 0; c < linked; c++) await boards.link(place, `Cluster ${c}`, admin);
      const runs: number[] = [];
      let perOverview = 0;
      for (let i = 0; i < 10; i++) {
        requests = 0;
        const begin = performance.now();
        const overview = await overviews.overview(place);
        if (!overview.ok || overview.value.healths.length !== linked) throw new Error('overview failed');
        runs.push(performance.now() - begin);
        perOverview = requests;
      }
      rows.push([`Board overview, ${linked} of 40 clusters linked: p50 of 10`, ms(percentile(runs, 50))]);
      rows.push([`Board overview, ${linked} of 40 clusters linked: table requests`, String(perOverview)]);
    }
  } finally {
    await azurite.stop();
  }
  // 5. Rendering cards: every template with its largest sample data (the first render of each
  //    parses its expressions; the rest reuse them).
  const samples = Object.values(CARD_SAMPLES);
  for (const render of samples) render();
  const renderStart = performance.now();
  for (let i = 0; i < 20; i++) for (const render of samples) render();
  rows.push([
    `Render a card (all ${samples.length} templates, largest sample data, mean)`,
    ms((performance.now() - renderStart) / (20 * samples.length)),
  ]);

  rows.push(...(await turnLoadRows()));
  rows.push(...(await countyRoundRows()));
  rows.push(...(await performanceBenchRows()));
  rows.push(...(await productionStartRows()));
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('Clusterbot benchmark (in-memory Azurite, this machine)\n');
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
