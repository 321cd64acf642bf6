import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CalendarService } from '../../src/services/calendar-service';
import { ClusterSetupService } from '../../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { SENDS_IN_FLIGHT_PER_SLOT } from '../../src/services/in-parallel';
import { RosterImportService } from '../../src/services/roster-import-service';
import { SchoolService } from '../../src/services/school-service';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { TableStorage } from '../../src/storage/table-storage';
import { composeReminderJob } from '../support/reminder-job-fixture';
import { YEAR_2026_27 as YEAR } from '../support/sample-calendar';

/**
 * Several instances on one Azurite; the one sending a reminder round is killed with SIGKILL
 * halfway. At most the message in flight may go twice, and another instance must carry on
 * within about one lease (60 s in production, 2 s here), or at once if the dead instance itself
 * restarts.
 */
const NOW = new Date('2026-11-10T09:02:00Z'); // the reminder for Tue 17 Nov 2026 is due
const HEADS = 12;
const LEASE_MS = 2_000;
const SEND_MS = 150;
const clockOffsetMs = NOW.getTime() - Date.now();

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function clusterWithHeads(tablePrefix: string) {
  const tables = new TableStorage({ connectionString: inject('tablesConnectionString'), tablePrefix });
  await tables.ensureTables();
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
    () => NOW,
  );
  const lead = { userId: '29:lead', name: 'Lead' };
  const place = { tenantId: 't', placeKey: '19:team', conversationId: '19:team' };
  const setup = await new ClusterSetupService(workspace).setUp({
    place,
    name: 'Roots',
    pattern: { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' },
    boardRep: { kind: 'rotate-yearly' },
    actor: lead,
  });
  if (!setup.ok) throw new Error(setup.problem);
  const names = Array.from({ length: HEADS }, (_, i) => `School ${i}`);
  const schools = new SchoolService(workspace);
  await new RosterImportService(workspace).importRoster(place, `school\n${names.join('\n')}`, lead);
  await new CalendarService(workspace).setTermDates(place, '2026-27', YEAR.halfTerms, [], lead);
  for (const [i, name] of names.entries()) {
    const head = { userId: `29:head-${i}`, name: `Head ${i}` };
    await schools.linkPerson(place, head, name, 'head', head);
  }
}

async function startRecorder() {
  const sends: Array<{ instance: string; to: string; at: number }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      sends.push({ ...(JSON.parse(body) as { instance: string; to: string }), at: Date.now() });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { sends, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function startInstance(instance: string, tablePrefix: string, recorder: string): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(__dirname, '../support/reminder-instance.ts')],
    {
      env: {
        ...process.env,
        TABLES: inject('tablesConnectionString'),
        PREFIX: tablePrefix,
        INSTANCE: instance,
        RECORDER: recorder,
        LEASE_MS: String(LEASE_MS),
        SEND_MS: String(SEND_MS),
        CLOCK_OFFSET_MS: String(clockOffsetMs),
      },
      stdio: 'ignore',
    },
  );
  children.push(child);
  return child;
}

/** An instance's round in this process, on the same storage and clock as the others. */
function jobInProcess(instance: string, tablePrefix: string, recorder: string, sendMs: number) {
  return composeReminderJob({
    connectionString: inject('tablesConnectionString'),
    tablePrefix,
    instance,
    recorder,
    leaseMs: LEASE_MS,
    sendMs,
    clockOffsetMs,
  });
}

const until = async (done: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return done();
};

const expected = ['channel:19:team', ...Array.from({ length: HEADS }, (_, i) => `person:29:head-${i}`)];

function duplicates(sends: Array<{ to: string }>): number {
  return sends.length - new Set(sends.map((s) => s.to)).size;
}

describe('an instance killed in the middle of a reminder round', () => {
  it('is carried on by another instance within a lease, sending at most the messages in flight twice', async () => {
    const prefix = `Crash${randomBytes(4).toString('hex')}`;
    await clusterWithHeads(prefix);
    const recorder = await startRecorder();
    try {
      const a = startInstance('instance-a', prefix, recorder.url);
      expect(await until(() => recorder.sends.length >= 4, 30_000)).toBe(true);
      a.kill('SIGKILL');
      const killedAt = Date.now();
      const sentByA = recorder.sends.length;

      const b = jobInProcess('instance-b', prefix, recorder.url, 0);
      // Instance B's minute-by-minute check, run often here.
      const everyone = () => expected.every((to) => recorder.sends.some((s) => s.to === to));
      while (!everyone() && Date.now() - killedAt < 15_000) {
        await b.resumeLapsed();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(everyone()).toBe(true);
      const firstByB = recorder.sends.find((s) => s.instance === 'instance-b');
      expect(firstByB?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(killedAt + LEASE_MS + 1_500);
      expect(sentByA).toBeLessThan(expected.length);
      expect(duplicates(recorder.sends)).toBeLessThanOrEqual(SENDS_IN_FLIGHT_PER_SLOT);
      // Nothing is left to send: the next round finds the slot finished.
      expect((await b.tick()).sent).toEqual([]);
    } finally {
      await recorder.close();
    }
  }, 60_000);

  it('keeps its claim while it is alive and slow, so nobody else sends the same round', async () => {
    const prefix = `Slow${randomBytes(4).toString('hex')}`;
    await clusterWithHeads(prefix);
    const recorder = await startRecorder();
    // 13 sends of SEND_MS take about twice the lease.
    const job = (instance: string) => jobInProcess(instance, prefix, recorder.url, SEND_MS);
    try {
      const a = job('instance-a');
      const b = job('instance-b');
      const round = a.tick();
      let finished = false;
      void round.then(() => {
        finished = true;
      });
      while (!finished) {
        await b.resumeLapsed();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(new Set(recorder.sends.map((s) => s.instance))).toEqual(new Set(['instance-a']));
      expect(duplicates(recorder.sends)).toBe(0);
      expect(recorder.sends.map((s) => s.to).sort()).toEqual([...expected].sort());
    } finally {
      await recorder.close();
    }
  }, 60_000);

  it('restarted, takes its own unfinished claim straight back instead of waiting for the lease', async () => {
    const prefix = `Restart${randomBytes(4).toString('hex')}`;
    await clusterWithHeads(prefix);
    const recorder = await startRecorder();
    try {
      const a = startInstance('instance-a', prefix, recorder.url);
      expect(await until(() => recorder.sends.length >= 3, 30_000)).toBe(true);
      a.kill('SIGKILL');
      const killedAt = Date.now();
      startInstance('instance-a', prefix, recorder.url);
      const everyone = () => expected.every((to) => recorder.sends.some((s) => s.to === to));
      expect(await until(everyone, 20_000)).toBe(true);
      const resumed = recorder.sends.find((s) => s.at > killedAt);
      // Sooner than a lease after the kill (a fresh process needs about a second to start).
      expect(resumed?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(killedAt + LEASE_MS);
      expect(duplicates(recorder.sends)).toBeLessThanOrEqual(SENDS_IN_FLIGHT_PER_SLOT);
    } finally {
      await recorder.close();
    }
  }, 60_000);
});
