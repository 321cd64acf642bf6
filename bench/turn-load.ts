/**
 * Clusterbot under load beside a bare teams-ai v1 bot, both driven by the same load generator
 * over HTTP with Teams-shaped activities, replies going to a fake Bot Connector, storage in a
 * process of its own: latency at 1, 10 and 50 turns at once, CPU per turn in the bot's process,
 * and the table requests a turn makes (3 clusters or 40 stored; a new or five-year-old cluster).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildRota } from '../src/domain/rota/build-rota';
import { ClusterRepository } from '../src/storage/cluster-repository';
import { TableStorage } from '../src/storage/table-storage';
import { startConnectorRecorder } from '../test/support/connector-recorder';
import { addFiveYearsOfHistory } from '../test/support/five-years-of-history';
import { COVENTRY_ROSTER } from '../test/support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../test/support/sample-calendar';
import {
  botAddedToTeam,
  cardAction,
  channelMessage,
  inTeam,
  type Person,
  TEAM_ID,
  TENANT_ID,
} from '../test/support/teams-activities';
import { cpuMs, startAzuriteProcess, startBot, startCountingProxy } from './bench-processes';

type Row = [string, string];
const ROOT = join(__dirname, '..');
const CONCURRENCY = [1, 10, 50] as const;
const TURNS: Record<number, number> = { 1: 150, 10: 300, 50: 600 };
/**
 * Ten 17-school partnerships whose heads answer: 170 schools, so 50 clicks at once are 50 schools
 * and each school answers a meeting a handful of times, as in a real round (not hundreds).
 */
const ANSWERING = 10;
const headOf = (cluster: number, i: number): Person => ({
  id: `29:bench-head-${cluster}-${i}`,
  name: `Head ${cluster + 1}-${i + 1}`,
  aadObjectId: `00000000-0000-4000-8000-${String(cluster * 100 + i).padStart(12, '0')}`,
});
const heads = Array.from({ length: 17 }, (_, i) => headOf(0, i));

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

async function post(url: string, activity: unknown): Promise<void> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`the bot answered ${response.status}`);
}

/** `turns` turns, `concurrency` at a time; each turn's latency in ms. */
async function drive(url: string, concurrency: number, turns: number, activity: (i: number) => unknown) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < turns) {
        const i = next++;
        const start = performance.now();
        await post(url, activity(i));
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies;
}

export async function turnLoadRows(): Promise<Row[]> {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
    },
  );
  const rows: Row[] = [];
  const azurite = await startAzuriteProcess();
  const proxy = await startCountingProxy(azurite.connectionString);
  const connector = await startConnectorRecorder();
  const clusterbot = await startBot('dist/src/main.js', {
    TABLES_CONNECTION_STRING: proxy.connectionString,
    TABLE_PREFIX: 'Load',
  });
  const bare = await startBot('bench/bare-teams-ai-bot.cjs', {});
  const at = (activity: Record<string, unknown>, team = TEAM_ID) => ({
    ...inTeam(activity, team),
    serviceUrl: connector.serviceUrl,
  });
  try {
    // A 17-school cluster, its heads linked, as a lead would set it up in Teams.
    const setUp = async (team: string, name: string, join: number | undefined) => {
      const say = (text: string, from?: Person) => post(clusterbot.url, at(channelMessage(text, from), team));
      await post(
        clusterbot.url,
        at({ ...botAddedToTeam(), conversation: { ...botAddedToTeam().conversation, id: team } }, team),
      );
      await say(`/setup ${name}`);
      await say(`/school import Roots\n${COVENTRY_ROSTER}`);
      await say(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
      if (join === undefined) return;
      const roster = COVENTRY_ROSTER.split('\n').filter((l) => l.startsWith('Roots,'));
      for (const [i, line] of roster.entries()) await say(`/join ${line.split(',')[1]}`, headOf(join, i));
    };
    const answeringTeams = Array.from({ length: ANSWERING }, (_, c) =>
      c === 0 ? TEAM_ID : `19:answering-${c}@thread.tacv2`,
    );
    for (const [c, team] of answeringTeams.entries())
      await setUp(team, c === 0 ? 'Roots' : `Roots ${c + 1}`, c);
    const tables = new TableStorage({ connectionString: azurite.connectionString, tablePrefix: 'Load' });
    const store = new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks'));
    const clusterId = (await store.findClusterId({ tenantId: TENANT_ID, placeKey: TEAM_ID })) ?? '';
    const cluster = await store.load(clusterId);
    const next = cluster && buildRota(cluster.value, new Date()).meetings.find((m) => m.status === 'next');
    if (!next) throw new Error('the bench cluster has no next meeting');
    const rsvp = (i: number) =>
      at(
        cardAction(
          'rsvp',
          {
            clusterId,
            meetingId: next.id,
            meetingDate: next.date,
            answer: i % 3 ? 'attending' : 'apologies',
          },
          heads[i % heads.length],
          'channel',
        ),
      );
    const scenarios: Array<[string, (i: number) => unknown]> = [
      ['/rota', (i) => at(channelMessage('/rota', heads[i % heads.length]))],
      ['/actions', (i) => at(channelMessage('/actions', heads[i % heads.length]))],
      ['RSVP click', rsvp],
    ];
    for (const [name, activity] of scenarios) {
      const measured: Record<string, { p: Record<number, [number, number]>; cpu: number }> = {};
      for (const [label, bot] of [
        ['bare', bare],
        ['clusterbot', clusterbot],
      ] as const) {
        await drive(bot.url, 10, 50, activity); // warm up
        const cpuBefore = cpuMs(bot.pid);
        let turns = 0;
        const p: Record<number, [number, number]> = {};
        for (const concurrency of CONCURRENCY) {
          const latencies = await drive(bot.url, concurrency, TURNS[concurrency] ?? 100, activity);
          turns += latencies.length;
          p[concurrency] = [percentile(latencies, 50), percentile(latencies, 99)];
        }
        measured[label] = { p, cpu: (cpuMs(bot.pid) - cpuBefore) / turns };
      }
      const { bare: base, clusterbot: ours } = measured as Record<
        'bare' | 'clusterbot',
        { p: Record<number, [number, number]>; cpu: number }
      >;
      const at = (m: typeof ours) =>
        CONCURRENCY.map((c) => `${c}: ${m.p[c]?.[0].toFixed(0)}/${m.p[c]?.[1].toFixed(0)}`).join(', ');
      rows.push([`${name}: p50/p99 ms at 1, 10, 50 at once, bare teams-ai bot`, at(base)]);
      rows.push([`${name}: p50/p99 ms at 1, 10, 50 at once, Clusterbot`, at(ours)]);
      rows.push([
        `${name}: p99 at 50 at once, Clusterbot ÷ bare bot (goal ≤ 2.5)`,
        `${((ours.p[50]?.[1] ?? 0) / (base.p[50]?.[1] ?? 1)).toFixed(2)}×`,
      ]);
      rows.push([
        `${name}: CPU ms per turn in the bot's process, bare / Clusterbot (goal ≤ 2)`,
        `${base.cpu.toFixed(2)} / ${ours.cpu.toFixed(2)}`,
      ]);
    }
    // Table requests per turn, counted between the bot and storage.
    const requestsPerTurn = async (activity: (i: number) => unknown) => {
      const before = proxy.counter.count;
      await drive(clusterbot.url, 1, 20, activity);
      return ((proxy.counter.count - before) / 20).toFixed(1);
    };
    const counts = async (label: string) => {
      rows.push([`Table requests per RSVP click, ${label}`, await requestsPerTurn(rsvp)]);
      rows.push([`Table requests per /rota, ${label}`, await requestsPerTurn(scenarios[0]?.[1] ?? rsvp)]);
    };
    await counts(`${ANSWERING} clusters stored`);
    for (let c = ANSWERING; c < 40; c++)
      await setUp(`19:load-team-${c}@thread.tacv2`, `Cluster ${c}`, undefined);
    await counts('40 clusters stored');
    await addFiveYearsOfHistory(tables, clusterId);
    await counts('40 stored, this one five years old');
  } finally {
    await clusterbot.stop();
    await bare.stop();
    await connector.close();
    await proxy.close();
    await azurite.stop();
  }
  return rows;
}
