import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eesApiSource } from '../../src/http/ees-api-client';
import { createLogger } from '../../src/logging/logger';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';

const DIR = join(__dirname, '..', 'fixtures', 'benchmarking');
const DATA_SETS: Record<string, string> = {
  'ks2-school-performance': 'ks2_school_performance.csv',
  'ks2-school-information': 'ks2_school_information.csv',
};

/** A fake EES public API on loopback: each data set's CSV, in small pieces, as the real one streams. */
async function fakeEesApi() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const id = /^\/data-sets\/([\w-]+)\/csv$/.exec(req.url ?? '')?.[1] ?? '';
    const file = DATA_SETS[id];
    if (!file) return void res.writeHead(404).end('{"title":"Not found"}');
    const bytes = readFileSync(join(DIR, file));
    res.writeHead(200, { 'content-type': 'text/csv' });
    for (let i = 0; i < bytes.length; i += 1000) res.write(bytes.subarray(i, i + 1000));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const ROSTER = 'school,urn,head\nWychwood Primary School,149101,\nLittle Haddon Primary School,149103,';

describe('fetching KS2 data sets from the EES public API', () => {
  it("imports each configured data set's rows for the cluster's schools, as a pasted file would", async () => {
    const api = await fakeEesApi();
    const source = eesApiSource(api.url, ['ks2-school-performance', 'ks2-school-information', 'missing-set']);
    const bot = await startBotHarness('2026-11-10T08:00:00Z', createLogger('silent'), {
      publishedData: source,
    });
    await say(bot, '/setup Wychwood');
    await say(bot, `/school import\n${ROSTER}`);
    const report = (await say(bot, '/performance fetch'))?.text ?? '';
    expect(report).toContain(
      'Data set ks2-school-performance: read **DfE KS2 school performance (Explore Education Statistics)**',
    );
    expect(report).toContain('for 2 school(s)');
    expect(report).toContain(
      'Data set missing-set: nothing imported, because it could not be fetched (the EES public API answered 404',
    );
    expect(api.requests).toEqual([
      '/data-sets/ks2-school-performance/csv',
      '/data-sets/ks2-school-information/csv',
      '/data-sets/missing-set/csv',
    ]);
    expect(cardText(cardOf(await say(bot, '/performance 2024-25')))).toContain(
      'Little Haddon Primary School\nfewer than 6 pupils',
    );
  });

  it('says how to paste the files instead when no data sets are configured', async () => {
    const bot = await startBotHarness('2026-11-10T08:00:00Z');
    await say(bot, '/setup Wychwood');
    expect((await say(bot, '/performance fetch'))?.text).toContain(
      'fetching from the EES public API is not set up here',
    );
  });
});
