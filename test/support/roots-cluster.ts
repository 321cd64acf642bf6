import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { say, startBotHarness } from './bot-harness';

export { say };

import { startConnectorRecorder } from './connector-recorder';
import { TERM_DATES_CSV_2026_27 } from './sample-calendar';
import {
  botAddedToTeam,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  LEE_EVANS,
  type Person,
} from './teams-activities';

export const COVENTRY_ROSTER = readFileSync(
  join(__dirname, '..', 'fixtures', 'coventry-networks.csv'),
  'utf8',
);
/** Alex Morgan runs the cluster in these tests. */
export const LEAD = HEAD_OF_BROAD_HEATH;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/**
 * The Roots network as a cluster in a team whose conversation points at a local fake Bot
 * Connector: set up by the lead, 17 schools, 2026-27 term dates, and heads linked with /join.
 */
export async function rootsCluster(now: string, heads: Array<[Person, string]>) {
  const connector = await startConnectorRecorder();
  closers.push(connector.close);
  const bot = await startBotHarness(now);
  await bot.send({ ...botAddedToTeam(), serviceUrl: connector.serviceUrl });
  await say(bot, '/setup Roots');
  await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
  await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  for (const [person, school] of heads) await say(bot, `/join ${school}`, person);
  return { bot, connector };
}

/** Autumn 2 (Tue 17 Nov 2026) is hosted by Cannon Park: its head chairs the next meeting. */
export const CHAIR: Person = HEAD_OF_EARLSDON;
/** A head who is neither chair nor lead (Allesley). */
export const MEMBER: Person = LEE_EVANS;

/** Roots on Mon 2 Nov 2026, with the next meeting's chair and a member linked. */
export const rootsWithChairAndMember = () =>
  rootsCluster('2026-11-02T08:00:00Z', [
    [CHAIR, 'Cannon Park'],
    [MEMBER, 'Allesley'],
  ]);
