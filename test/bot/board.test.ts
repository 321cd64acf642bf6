import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { boardCsvDownload } from '../../src/http/signed-downloads';
import { type BotHarness, cardOf, cardText, startBotHarness, TEST_LINK_SECRET } from '../support/bot-harness';
import { buttonPress } from '../support/card-inputs';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  cardAction,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  inTeam,
  JO_SMITH,
  LEE_EVANS,
  type Person,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH; // runs all eight networks in these tests
const BOARD_ADMIN: Person = {
  id: '29:1BoardAdmin000000000000000000',
  name: 'Sam Okafor',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000031',
};
const NETWORKS = [
  'Aspire too',
  'Compass',
  'Focus',
  'Network E',
  'Potential',
  'RC Network',
  'Roots',
  'Special',
];
const BOARD_TEAM = '19:coventry-board@thread.tacv2';
const teamOf = (network: string) => `19:coventry-${network.toLowerCase().replace(/\s+/g, '-')}@thread.tacv2`;

function in_(network: string) {
  return (bot: BotHarness, text: string, from: Person = LEAD) =>
    bot.send(inTeam(channelMessage(text, from), network === 'board' ? BOARD_TEAM : teamOf(network)));
}

async function clusterIdOf(bot: BotHarness, network: string): Promise<string> {
  const [rota] = await in_(network)(bot, '/rota ics');
  const url = new URL(String((cardOf(rota)?.actions as Array<{ url: string }> | undefined)?.[0]?.url));
  return decodeURIComponent(url.pathname.split('/')[2] ?? '');
}

const text = (replies: Partial<Activity>[]) => replies[0]?.text;

/**
 * Coventry's eight networks, each in its own team, with their year spread out: Roots and Compass
 * answered the Autumn 2 invitation and published its minutes, Focus let three actions slip,
 * Potential had a lesson study done and asked for another; the rest did nothing since setup.
 */
async function coventry() {
  const bot = await startBotHarness('2026-09-01T08:00:00Z');
  for (const network of NETWORKS) {
    const say = in_(network);
    await say(bot, `/setup ${network}`);
    await say(bot, `/school import ${network}\n${COVENTRY_ROSTER}`);
    await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  }
  const potential = in_('Potential');
  await in_('Roots')(bot, '/join Earlsdon', JO_SMITH);
  await in_('Compass')(bot, '/join Park Hill', LEE_EVANS);
  await potential(bot, "/join Alderman's Green", HEAD_OF_EARLSDON);
  await potential(bot, '/join Grangehurst', JO_SMITH);

  bot.clock.set('2026-11-02T09:00:00Z');
  for (const [i, due] of ['03/11/2026', '05/11/2026', '10/11/2026'].entries()) {
    await in_('Focus')(bot, `/action add Focus task ${i + 1}; Parkgate; ${due}`);
  }
  await in_('Roots')(bot, '/action add Share the phonics audit; Earlsdon; 20/11/2026');
  // Potential: a lesson study asked for, a partner volunteers, accepted, visited on 12 November.
  const ask = async (edits: Record<string, string>) => {
    const [form] = await potential(bot, '/peerreview', HEAD_OF_EARLSDON);
    await bot.send(
      inTeam(buttonPress(cardOf(form), 'Ask the cluster', HEAD_OF_EARLSDON, edits), teamOf('Potential')),
    );
  };
  await ask({ type: 'lesson-study', focus: 'Early reading', reviewers: '1' });
  const [shown] = await potential(bot, '/peerreview show R1', HEAD_OF_EARLSDON);
  await bot.send(inTeam(buttonPress(cardOf(shown), 'Volunteer', JO_SMITH), teamOf('Potential')));
  await potential(bot, '/peerreview accept R1 V1', HEAD_OF_EARLSDON);
  await potential(bot, '/peerreview schedule R1 12/11/2026', HEAD_OF_EARLSDON);

  bot.clock.set('2026-11-10T09:00:00Z');
  for (const [network, head] of [
    ['Roots', JO_SMITH],
    ['Compass', LEE_EVANS],
  ] as const) {
    const clusterId = await clusterIdOf(bot, network);
    const answer = { clusterId, meetingId: '2026-27#2', meetingDate: '2026-11-17', answer: 'attending' };
    await bot.send(inTeam(cardAction('rsvp', answer, head, 'channel'), teamOf(network)));
  }
  await in_('Roots')(bot, '/action A1 done', JO_SMITH);

  bot.clock.set('2026-11-23T10:00:00Z');
  for (const network of ['Roots', 'Compass']) {
    const [editor] = await in_(network)(bot, '/minutes');
    await bot.send(inTeam(buttonPress(cardOf(editor), 'Publish', LEAD, {}, 'channel'), teamOf(network)));
  }
  const [outcome] = await potential(bot, '/peerreview done R1', HEAD_OF_EARLSDON);
  await bot.send(
    inTeam(
      buttonPress(cardOf(outcome), 'Record the outcome', HEAD_OF_EARLSDON, {
        summary: 'Phonics is consistent.',
      }),
      teamOf('Potential'),
    ),
  );
  await ask({ focus: 'Maths mastery', reviewers: '1' });

  await in_('board')(bot, '/board setup Coventry primary steering group', BOARD_ADMIN);
  for (const network of NETWORKS) await in_('board')(bot, `/board link ${network}`, BOARD_ADMIN);
  return bot;
}

describe("the board's view of Coventry's eight networks", () => {
  it('shows every network with its figures, the ones needing attention first, and the same as CSV', async () => {
    const bot = await coventry();
    const card = cardOf((await in_('board')(bot, '/board', BOARD_ADMIN))[0]);
    const overview = cardText(card);
    expect(overview).toContain(
      '8 clusters, 8 needing attention. School year 2026-27, as of Mon 23 Nov 2026, 10:00.',
    );
    const order = NETWORKS.map((n) => [n, overview.indexOf(`\n${n}\nNeeds attention`)] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([n]) => n);
    expect(order).toEqual([
      'Focus',
      'Aspire too',
      'Compass',
      'Network E',
      'Potential',
      'RC Network',
      'Roots',
      'Special',
    ]);
    expect(overview).toContain(
      'Focus\nNeeds attention: minutes not published within two weeks for 1 meeting; 0 of 14 schools at the last meeting; 3 actions overdue.\n' +
        'Meetings 2/6 · 0% attendance · minutes on time 0/1 · actions 3 open, 3 overdue, 0 done · peer reviews 0 requested, 0 completed · board rep set',
    );
    // Roots: 1 of 17 schools at Autumn 2 and none at Autumn 1 (1 of 34 places, 3%).
    expect(overview).toContain(
      'Meetings 2/6 · 3% attendance · minutes on time 1/2 · actions 0 open, 0 overdue, 1 done, 100% done on time · peer reviews 0 requested, 0 completed · board rep set\nLatest minutes (Autumn 2)',
    );
    expect(overview).toContain('peer reviews 2 requested, 1 completed');
    expect(overview).not.toContain('Phonics is consistent'); // aggregates, not the clusters' own records

    const csvUrl = new URL(String((card?.actions as Array<{ url: string }> | undefined)?.[0]?.url));
    const boardId = decodeURIComponent(csvUrl.pathname.split('/')[2] ?? '');
    const csv = await boardCsvDownload(bot.boardOverviews, TEST_LINK_SECRET, bot.clock)(
      boardId,
      csvUrl.searchParams.get('expires') ?? '',
      csvUrl.searchParams.get('sig') ?? '',
    );
    if (csv.status !== 200) throw new Error(csv.message);
    expect(csv.filename).toBe('Coventry-primary-steering-group-2026-11-23.csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(
      'cluster,year,meetings planned,meetings held,attendance rate,minutes due,minutes within two weeks,actions open,actions overdue,actions done,done on time,peer reviews requested,peer reviews completed,board representative set,needs attention because',
    );
    expect(lines[1]).toBe(
      'Focus,2026-27,6,2,0%,1,0,3,3,0,,0,0,yes,minutes not published within two weeks for 1 meeting; 0 of 14 schools at the last meeting; 3 actions overdue',
    );
  });

  it('is for the board only: admins link clusters by name, and a cluster sees no other cluster', async () => {
    const bot = await coventry();
    expect(text(await in_('Roots')(bot, '/board'))).toBe(
      'Sorry, this team or chat is not a board yet. A board admin sets one up here with **/board setup <name>**, for example `/board setup Coventry primary steering group`. Nothing was changed.',
    );
    expect(text(await in_('board')(bot, '/board unlink Roots', LEAD))).toBe(
      'Sorry, only an admin of Coventry primary steering group (Sam Okafor) can link or unlink clusters. Nothing was changed.',
    );
    expect(text(await in_('board')(bot, '/board link Network', BOARD_ADMIN))).toBe(
      'Sorry, "Network" matches Network E, RC Network: give more of the name. Nothing was changed.',
    );
    expect(text(await in_('board')(bot, '/board link Nowhere', BOARD_ADMIN))).toBe(
      'Sorry, no cluster in this organisation is called "Nowhere". Nothing was changed.',
    );
    expect(text(await in_('board')(bot, '/board minutes Roots', LEAD))).toMatch(
      /^\[The latest published minutes of Roots\]\(http:\/\/localhost:3978\/clusters\/c[0-9a-f]+\/minutes\/2026-27%232\.html\?expires=\d+&sig=[\w-]+\)\. The link works for 7 days\.$/,
    );
    expect(text(await in_('board')(bot, '/board minutes Focus', LEAD))).toBe(
      'Focus has not published any minutes yet.',
    );
    expect(text(await in_('board')(bot, '/board unlink Roots', BOARD_ADMIN))).toBe(
      '**Roots** is no longer linked to this board.',
    );
    expect(cardText(cardOf((await in_('board')(bot, '/board', BOARD_ADMIN))[0]))).toContain('7 clusters');
    expect(text(await in_('board')(bot, '/board setup Another board', BOARD_ADMIN))).toBe(
      'Sorry, this team or chat is already a board. Nothing was changed.',
    );
  });
});
