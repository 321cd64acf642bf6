import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../src/import/decode-text-file';
import { type BotHarness, cardOf, cardText, startBotHarness } from '../support/bot-harness';
import { buttonPress } from '../support/card-inputs';
import { channelMessage, HEAD_OF_BROAD_HEATH, inTeam, type Person } from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
const BOARD_ADMIN: Person = {
  id: '29:1BoardAdmin000000000000000000',
  name: 'Sam Okafor',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000031',
};
const DIR = join(__dirname, '..', 'fixtures', 'benchmarking');
const sample = (name: string) => decodeTextFile(readFileSync(join(DIR, name)));
const TEAMS = {
  North: '19:north@thread.tacv2',
  South: '19:south@thread.tacv2',
  board: '19:board@thread.tacv2',
};
const SCHOOLS = {
  North: [
    'Wychwood Primary School,149101',
    'Ashcombe CofE Primary School,149102',
    'St Ethelburga’s Catholic Primary School,149104',
  ],
  South: ['Brookfield Junior School,149105', 'Kingsmead Academy,149106', 'Meadow View Free School,149107'],
};

const in_ =
  (team: keyof typeof TEAMS) =>
  async (bot: BotHarness, text: string, from: Person = LEAD) =>
    (await bot.send(inTeam(channelMessage(text, from), TEAMS[team])))[0];

async function twoClustersAndABoard() {
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  for (const name of ['North', 'South'] as const) {
    await in_(name)(bot, `/setup ${name}`);
    await in_(name)(bot, `/school import\nschool,urn,head\n${SCHOOLS[name].map((s) => `${s},`).join('\n')}`);
    for (const file of [
      'ks2_school_performance.csv',
      'ks2_school_information.csv',
      'ks2_la_national_performance.csv',
    ])
      await in_(name)(bot, `/performance import\n${sample(file)}`);
  }
  await in_('board')(bot, '/board setup Wychwoodshire primary board', BOARD_ADMIN);
  for (const name of ['North', 'South']) await in_('board')(bot, `/board link ${name}`, BOARD_ADMIN);
  return bot;
}

describe('/board performance', () => {
  it("shows each cluster's weighted figure beside its LAs and England, never a school's", async () => {
    const bot = await twoClustersAndABoard();
    const card = cardText(cardOf(await in_('board')(bot, '/board performance 2024-25', BOARD_ADMIN)));
    // North: (32×77 + 49×78 + 56×76) / 137 = 76.9; South: (84×65 + 11×62 + 22×45) / 117 = 60.9
    expect(card).toMatch(/North\n\d+%\n\d+%\n77%/);
    expect(card).toMatch(/South\n\d+%\n\d+%\n61%/);
    expect(card).toContain('Wychwoodshire');
    expect(card).toContain('Brookfield\n');
    expect(card).toContain('England');
    expect(card).not.toContain('Wychwood Primary School');
    const csv = (await in_('board')(bot, '/board performance csv 2024-25', BOARD_ADMIN))?.text ?? '';
    expect(csv).toContain('North,');
    expect(csv).toContain('KS2 reading, writing and maths: expected standard 2024-25');
  });

  it("shows a cluster's school-entered figures only once the cluster shares them", async () => {
    const bot = await twoClustersAndABoard();
    const entry = cardOf(await in_('North')(bot, '/performance enter 2025-26 for Ashcombe'));
    // The lead saves Ashcombe's phonics: 90% of 30 pupils.
    await bot.send(
      inTeam(buttonPress(entry, 'Save figures', LEAD, { phonics: '90', phonicsCohort: '30' }), TEAMS.North),
    );
    const hidden = cardText(
      cardOf(await in_('board')(bot, '/board performance 2025-26 phonics', BOARD_ADMIN)),
    );
    expect(hidden).toContain('North\nnot shared by the cluster');
    expect((await in_('North')(bot, '/performance share on'))?.text).toContain('The board now sees');
    const shared = cardText(
      cardOf(await in_('board')(bot, '/board performance 2025-26 phonics', BOARD_ADMIN)),
    );
    expect(shared).toMatch(/North\n–\n–\n90% ✎/);
    expect((await in_('North')(bot, '/performance share on', BOARD_ADMIN))?.text).toContain(
      'only a cluster lead',
    );
  });
});
