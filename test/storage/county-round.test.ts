import { afterEach, describe, expect, it } from 'vitest';
import { COUNTY_TENANT, countyRoundInstance, ROUND_DUE, seedCounty } from '../support/county';
import { startTeamsLimitsConnector, TEAMS_TENANT_LIMIT_PER_SECOND } from '../support/teams-limits-connector';
import { freshTableStorage } from '../support/test-tables';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Eight partnerships of 9 to 13 schools: 8 channel posts and 88 personal reminders. */
const SIZES = [9, 10, 11, 12, 13, 11, 10, 12];

async function countyRound(instances: number) {
  const connector = await startTeamsLimitsConnector();
  closers.push(connector.close);
  const tables = await freshTableStorage();
  const { channels, heads } = await seedCounty(tables, connector.serviceUrl, SIZES);
  const jobs = Array.from({ length: instances }, (_, i) =>
    countyRoundInstance(tables, `instance-${i}`, ROUND_DUE),
  );
  await Promise.all(jobs.map((job) => job.tick()));
  return { connector, expected: channels + heads };
}

describe("a county's reminder round under Teams' limits", () => {
  for (const instances of [1, 3]) {
    it(`from ${instances} instance(s) stays inside the tenant's limit: no 429, nothing lost, nothing sent twice`, async () => {
      const { connector, expected } = await countyRound(instances);
      expect(connector.refused()).toBe(0);
      expect(connector.accepted).toHaveLength(expected);
      expect(connector.duplicates()).toBe(0);
      expect(connector.accepted.every((a) => a.tenant === COUNTY_TENANT)).toBe(true);
      expect(connector.busiestSecond()).toBeLessThan(TEAMS_TENANT_LIMIT_PER_SECOND);
    }, 60_000);
  }
});
