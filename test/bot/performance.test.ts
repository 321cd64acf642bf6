import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../src/import/decode-text-file';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { invokeAnswer, pressButton } from '../support/card-inputs';
import { attachedCard, startConnectorRecorder } from '../support/connector-recorder';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  botAddedToTeam,
  CHANNEL_ID,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
} from '../support/teams-activities';

const DIR = join(__dirname, '..', 'fixtures', 'benchmarking');
const sample = (name: string) => decodeTextFile(readFileSync(join(DIR, name)));
const WYCHWOOD_ROSTER = [
  'school,urn,head',
  'Wychwood Primary School,149101,',
  'Ashcombe CofE Primary School,149102,',
  'Little Haddon Primary School,149103,',
  'St Ethelburga’s Catholic Primary School,149104,',
  'Brookfield Junior School,149105,',
  'Kingsmead Academy,149106,',
  'Meadow View Free School,149107,',
  'Wychwood High School,149108,',
].join('\n');

async function wychwood() {
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  await say(bot, '/setup Wychwood');
  await say(bot, `/school import\n${WYCHWOOD_ROSTER}`);
  return bot;
}

async function withFigures() {
  const bot = await wychwood();
  for (const name of [
    'ks2_school_performance.csv',
    'ks2_school_information.csv',
    'ks2_la_national_performance.csv',
  ])
    await say(bot, `/performance import\n${sample(name)}`);
  return bot;
}

describe('/performance enter', () => {
  it("lets a head enter their school's phonics with its cohort, shown as school-entered; 5 pupils are never shown", async () => {
    const bot = await wychwood();
    await say(bot, '/join Kingsmead', HEAD_OF_EARLSDON);
    const card = cardOf(await say(bot, '/performance enter 2025-26', HEAD_OF_EARLSDON));
    expect(cardText(card)).toContain('Kingsmead Academy: figures for 2025-26');
    const saved = invokeAnswer(
      await pressButton(bot, card, 'Save figures', HEAD_OF_EARLSDON, { phonics: '82', phonicsCohort: '30' }),
    );
    expect(cardText(saved.card)).toContain('Saved 1 figure(s) for Kingsmead Academy, 2025-26.');
    const table = cardText(cardOf(await say(bot, '/performance 2025-26 phonics')));
    expect(table).toContain('Kingsmead Academy\n–\n–\n82% ✎');
    expect(table).toContain('Figures entered by each school');

    const lead = cardOf(await say(bot, '/performance enter 2025-26 for Little Haddon'));
    await pressButton(bot, lead, 'Save figures', HEAD_OF_BROAD_HEATH, { phonics: '100', phonicsCohort: '5' });
    expect(cardText(cardOf(await say(bot, '/performance 2025-26 phonics')))).toContain(
      'Little Haddon Primary School\n–\n–\nfewer than 6 pupils',
    );
  });

  it("refuses someone entering another school's figures, and a figure without its cohort", async () => {
    const bot = await wychwood();
    await say(bot, '/join Kingsmead', HEAD_OF_EARLSDON);
    expect((await say(bot, '/performance enter 2025-26 for Ashcombe', HEAD_OF_EARLSDON))?.text).toContain(
      'only a cluster lead, or the head of Ashcombe CofE Primary School, can enter its figures',
    );
    expect((await say(bot, '/performance enter 2025-26 for Wychwood'))?.text).toContain(
      '"Wychwood" matches Wychwood Primary School, Wychwood High School: give more of the name',
    );
    expect((await say(bot, '/targets set rwm 2026-27 70 for Wychwood'))?.text).toContain(
      '"Wychwood" matches Wychwood Primary School, Wychwood High School: give more of the name',
    );
    const card = cardOf(await say(bot, '/performance enter 2025-26', HEAD_OF_EARLSDON));
    const half = invokeAnswer(
      await pressButton(bot, card, 'Save figures', HEAD_OF_EARLSDON, { phonics: '82' }),
    );
    expect(half.message).toContain('Give each figure with its number of pupils');
  });
});

describe('/targets', () => {
  it('sets targets for the cluster and a school, and reviews them against the results', async () => {
    const bot = await withFigures();
    expect((await say(bot, '/targets set rwm 2024-25 70 for cluster'))?.text).toContain(
      'Target set for **Wychwood**',
    );
    await say(bot, '/targets set rwm 2024-25 75 for Wychwood Primary');
    const review = (await say(bot, '/targets 2024-25'))?.text ?? '';
    expect(review).toContain('- Wychwood Primary School: target 75% · result 77% · **met**');
    expect(review).toContain('- Cluster (weighted by cohort): target 70% · result 70% · **met**'); // 69.6%, shown as 70%
    expect(review).toContain('- Ashcombe CofE Primary School: no target set');
  });

  it('carries the review, with the cluster against its target, in the published autumn 2 agenda', async () => {
    const connector = await startConnectorRecorder();
    const bot = await startBotHarness('2026-11-10T08:00:00Z');
    await bot.send({ ...botAddedToTeam(), serviceUrl: connector.serviceUrl });
    await say(bot, '/setup Wychwood');
    await say(bot, `/school import\n${WYCHWOOD_ROSTER}`);
    await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
    for (const name of ['ks2_school_performance.csv', 'ks2_school_information.csv'])
      await say(bot, `/performance import\n${sample(name)}`);
    await say(bot, '/targets set rwm 2024-25 72 for cluster');
    expect((await say(bot, '/agenda publish'))?.text).toBe('The agenda is published in the channel.');
    const posted = connector.requests.find(
      (r) => r.method === 'POST' && r.path === `/v3/conversations/${CHANNEL_ID}/activities`,
    );
    expect(cardText(attachedCard(posted))).toContain(
      'KS2 reading, writing and maths: expected standard, 2024-25: cluster 70% against a target of 72% (not met); schools: 0 met, 0 not met, 8 without a result or target',
    );
    await connector.close();
  });

  it('puts the review on the agenda of the half term the cluster chooses (autumn 2 by default)', async () => {
    const bot = await wychwood();
    expect((await say(bot, '/targets meeting spring 1'))?.text).toContain(
      'an agenda item at each Spring 1 meeting',
    );
    expect((await say(bot, '/targets meeting spring 1', HEAD_OF_EARLSDON))?.text).toContain(
      'only a cluster lead',
    );
    expect((await say(bot, '/targets meeting easter'))?.text).toContain('say a half term: Autumn 1');
  });

  it('refuses a target from someone who is neither a lead nor the head, and one out of range', async () => {
    const bot = await withFigures();
    expect((await say(bot, '/targets set rwm 2024-25 70 for Kingsmead', HEAD_OF_EARLSDON))?.text).toContain(
      'only a cluster lead, or the head of Kingsmead Academy, can set its targets',
    );
    expect((await say(bot, '/targets set rwm 2024-25 170 for cluster'))?.text).toContain('between 0 and 100');
  });
});

describe('/performance', () => {
  it('imports the public files for its own schools and shows the table: schools, cluster, LAs, England, Ofsted', async () => {
    const bot = await wychwood();
    expect((await say(bot, '/performance'))?.text).toContain('no performance figures yet');
    const report =
      (await say(bot, `/performance import\n${sample('ks2_school_performance.csv')}`))?.text ?? '';
    expect(report).toContain('Read **DfE KS2 school performance (Explore Education Statistics)**');
    expect(report).toContain('Kept Wychwood Primary School');
    expect(report).toMatch(/Left out: \d+ rows of schools not in this cluster \(not stored\)/);
    expect(report).toContain('No rows for Wychwood High School');
    await say(bot, `/performance import\n${sample('ks2_school_information.csv')}`);
    await say(bot, `/performance import\n${sample('ks2_la_national_performance.csv')}`);
    await say(bot, `/performance import\n${sample('ofsted_mi_state_funded_schools_latest.csv')}`);

    const table = cardText(cardOf(await say(bot, '/performance 2024-25')));
    expect(table).toContain('KS2 reading, writing and maths: expected standard');
    expect(table).toContain('Little Haddon Primary School\nfewer than 6 pupils');
    expect(table).toContain('Cluster (weighted by cohort)');
    expect(table).toContain('Wychwoodshire');
    expect(table).toContain('England');
    expect(table).toContain('Sources: DfE, Explore Education Statistics (2022-23, 2023-24, 2024-25)');
    expect(table).toContain('St Ethelburga’s Catholic Primary School: Report card 2026-03-16');
    expect(table).toContain(
      'Ashcombe CofE Primary School: Requires improvement (graded 2019-12-28); ungraded 2024-03-03: School remains Good',
    );

    // (32×77 + 49×78 + 56×76 + 84×65 + 11×62 + 22×45) / 254 pupils, Little Haddon's 4 left out
    expect(table).toMatch(/Cluster \(weighted by cohort\)\n\d+%\n\d+%\n70%\n/);
    expect(table).toContain('Kingsmead Academy\n');
    expect(table).toContain('62%'); // Kingsmead: 11 pupils in 2024-25, so not flagged

    const progress = cardText(cardOf(await say(bot, '/performance 2024-25 reading progress')));
    expect(progress).toContain('not published for 2023/24 or 2024/25 (no KS1 baseline)');

    const rows: string[] = [];
    for await (const row of bot.tables.table('clusters').listEntities()) rows.push(JSON.stringify(row));
    expect(rows.join('\n')).not.toContain('149190'); // Other Town Primary is not in the partnership
  });

  it('refuses an import from someone who is not a lead, a pupil-level file, and an unknown measure', async () => {
    const bot = await wychwood();
    expect(
      (await say(bot, `/performance import\n${sample('ks2_school_performance.csv')}`, HEAD_OF_EARLSDON))
        ?.text,
    ).toContain('only a cluster lead of Wychwood can do that');
    expect((await say(bot, '/performance import\nUPN,Surname,KS2 reading\nA1,Pupil,104'))?.text).toContain(
      'this file has pupil-level columns (UPN, Surname)',
    );
    expect((await say(bot, '/performance 2024-25 handwriting'))?.text).toContain(
      '"handwriting" is not a measure Clusterbot knows',
    );
  });
});
