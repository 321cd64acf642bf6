/**
 * A county's reminder round (37 partnerships, 505 heads in personal chats, all due at once)
 * against a fake Bot Connector that enforces Teams' limits and answers each message in 30 ms:
 * its time against the Teams bound (every message at 50 a second), with the 429s, lost and
 * doubled messages counted at the connector, from 1 and from 3 instances sharing one storage.
 */
import { startLocalAzurite } from '../src/storage/local-azurite';
import { TableStorage } from '../src/storage/table-storage';
import { countyRoundInstance, ROUND_DUE, seedCounty } from '../test/support/county';
import {
  startTeamsLimitsConnector,
  TEAMS_TENANT_LIMIT_PER_SECOND,
} from '../test/support/teams-limits-connector';

/** 37 partnerships: 24 of 14 schools and 13 of 13, 505 heads. */
const SIZES = [...Array<number>(24).fill(14), ...Array<number>(13).fill(13)];

export async function countyRoundRows(): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  const azurite = await startLocalAzurite({ port: 0 });
  try {
    for (const instances of [1, 3]) {
      const connector = await startTeamsLimitsConnector(30);
      const tables = new TableStorage({
        connectionString: azurite.connectionString,
        tablePrefix: `County${instances}`,
      });
      await tables.ensureTables();
      const { channels, heads } = await seedCounty(tables, connector.serviceUrl, SIZES);
      const messages = channels + heads;
      const bound = (messages / TEAMS_TENANT_LIMIT_PER_SECOND) * 1_000;
      const jobs = Array.from({ length: instances }, (_, i) =>
        countyRoundInstance(tables, `bench-${i}`, ROUND_DUE),
      );
      const start = performance.now();
      await Promise.all(jobs.map((job) => job.tick()));
      const took = performance.now() - start;
      const reached = new Set(connector.accepted.map((a) => a.conversation)).size;
      rows.push([
        `County round, ${channels} channels + ${heads} personal chats, ${instances} instance(s): time / Teams bound (${(bound / 1000).toFixed(1)} s; goal ≤ 1.25)`,
        `${(took / 1000).toFixed(1)} s = ${(took / bound).toFixed(2)}×`,
      ]);
      rows.push([
        `County round, ${instances} instance(s): 429s / lost / sent twice / busiest second`,
        `${connector.refused()} / ${messages - reached} / ${connector.duplicates()} / ${connector.busiestSecond()}`,
      ]);
      await connector.close();
    }
  } finally {
    await azurite.stop();
  }
  return rows;
}
