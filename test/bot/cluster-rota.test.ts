import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { rotaCalendarDownload } from '../../src/http/signed-downloads';
import {
  type BotHarness,
  cardOf,
  cardText,
  say,
  startBotHarness,
  TEST_LINK_SECRET,
} from '../support/bot-harness';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  channelMessage,
  channelMessageMentioning,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  inTeam,
  personalMessage,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
const START_OF_YEAR = '2026-09-01T08:00:00Z';

/** The facts of each meeting on the rota card: heading, host, chair, minutes, board rep. */
function rotaRows(card: unknown) {
  const body = (card as { body: Array<Record<string, unknown>> }).body;
  return body
    .filter((item) => item.type === 'Container')
    .map((container) => {
      const text = cardText(container);
      const fact = (title: string) => new RegExp(`${title}\\n([^\\n]*)`).exec(text)?.[1];
      return {
        heading: text.split('\n')[0],
        host: fact('Host and venue'),
        chair: fact('Chair'),
        minutes: fact('Minutes'),
      };
    });
}

/** The URL of the card's first action (the calendar download). */
function actionUrl(card: Record<string, unknown> | undefined): string {
  const actions = (card?.actions ?? []) as Array<{ url?: string }>;
  return actions[0]?.url ?? '';
}

async function rootsWithTermDates(): Promise<BotHarness> {
  const bot = await startBotHarness(START_OF_YEAR);
  await say(bot, '/setup Roots; Tuesday of week 3, 13:30-15:30; board rep yearly');
  await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
  await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  return bot;
}

describe('a cluster lead runs the Roots network in Teams', () => {
  it('sets up the cluster and becomes its lead', async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    const reply = await say(bot, '/setup Roots; Tuesday of week 3, 13:30-15:30');
    expect(reply?.text).toContain('**Roots** is set up, and you are its cluster lead.');
    expect(reply?.text).toContain('Meetings: Tuesday of week 3, 13:30–15:30 (London time)');

    const again = await say(bot, '/setup Roots again');
    expect(again?.text).toBe(
      'Sorry, this team already runs the cluster **Roots**: one team or chat holds one cluster. Nothing was changed.',
    );
  });

  it("imports the Roots network's 17 schools from Coventry's file, and a second import changes nothing", async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    await say(bot, '/setup Roots');
    const first = await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
    expect(first?.text).toMatch(
      /^Imported 17 school\(s\) of Roots\.\n\nAldermoor Farm, Cannon Park, Earlsdon, /,
    );

    const second = await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
    expect(second?.text).toBe('Imported 0 school(s) of Roots; 17 already in the cluster, left as they were.');

    const list = await say(bot, '/school list');
    expect(cardText(cardOf(list))).toContain('17 members, in rota order.');
  });

  it('asks which network when the file has several and the cluster name matches none', async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    await say(bot, '/setup Coventry north');
    const reply = await say(bot, `/school import\n${COVENTRY_ROSTER}`);
    expect(reply?.text).toContain('this file lists 8 networks (Aspire too, Potential, ');
    expect(reply?.text).toContain('Nothing was changed.');
  });

  it("sets 2026-27 term dates and shows the year's rota with host, chair and minute-taker", async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    await say(bot, '/setup Roots');
    await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
    const terms = await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
    expect(terms?.text).toBe(
      'Term dates for **2026-27** are set: 6 meetings are on the rota. Type **/rota 2026-27** to see them.',
    );

    const rota = cardOf(await say(bot, '/rota'));
    expect(cardText(rota)).toContain('Roots rota · 2026-27');
    expect(rotaRows(rota)).toEqual([
      {
        heading: 'Autumn 1 · Tue 15 Sep 2026, 13:30–15:30',
        host: 'Aldermoor Farm',
        chair: 'Aldermoor Farm',
        minutes:
          'Cannon Park (first meeting, so no previous host: next school in the rota takes the minutes)',
      },
      {
        heading: 'Autumn 2 · Tue 17 Nov 2026, 13:30–15:30',
        host: 'Cannon Park',
        chair: 'Cannon Park',
        minutes: 'Aldermoor Farm',
      },
      {
        heading: 'Spring 1 · Tue 19 Jan 2027, 13:30–15:30',
        host: 'Earlsdon',
        chair: 'Earlsdon',
        minutes: 'Cannon Park',
      },
      {
        heading: 'Spring 2 · Tue 9 Mar 2027, 13:30–15:30',
        host: 'Allesley',
        chair: 'Allesley',
        minutes: 'Earlsdon',
      },
      {
        heading: 'Summer 1 · Tue 27 Apr 2027, 13:30–15:30',
        host: 'Allesley Hall',
        chair: 'Allesley Hall',
        minutes: 'Allesley',
      },
      {
        heading: 'Summer 2 · Tue 22 Jun 2027, 13:30–15:30',
        host: 'Charter',
        chair: 'Charter',
        minutes: 'Allesley Hall',
      },
    ]);
    expect(cardText(rota)).toContain('Next meeting');
    expect(actionUrl(rota)).toMatch(
      /^http:\/\/localhost:3978\/clusters\/c[0-9a-f]+\/rota\.ics\?expires=\d+&sig=/,
    );
  });

  it('swaps two hosts, announces it in the channel, and records who did it', async () => {
    const bot = await rootsWithTermDates();
    const reply = await say(bot, '/rota swap autumn 2 and spring 1');
    expect(reply?.text).toBe(
      '**Rota change** by Alex Morgan: Swapped hosts: Earlsdon now hosts Autumn 2 2026-27 (Tue 17 Nov 2026, 13:30); ' +
        'Cannon Park now hosts Spring 1 2026-27 (Tue 19 Jan 2027, 13:30).',
    );
    const rows = rotaRows(cardOf(await say(bot, '/rota')));
    expect(rows.map((r) => r.host)).toEqual([
      'Aldermoor Farm',
      'Earlsdon',
      'Cannon Park',
      'Allesley',
      'Allesley Hall',
      'Charter',
    ]);

    const history = await say(bot, '/rota history');
    expect(history?.text).toContain(
      'Tue 1 Sep 2026, 09:00, Alex Morgan: Swapped hosts: Earlsdon now hosts Autumn 2',
    );
  });

  it('records a school leaving: it drops out of future meetings and the rota moves on', async () => {
    const bot = await rootsWithTermDates();
    const reply = await say(bot, '/school leave Charter');
    expect(reply?.text).toContain('**Charter** has left the cluster.');
    const rows = rotaRows(cardOf(await say(bot, '/rota')));
    expect(rows[5]?.host).toBe('Eastern Green');
    const list = cardText(cardOf(await say(bot, '/school list')));
    expect(list).toContain('Charter (left)');
    expect(list).toContain('16 members, in rota order.');
  });

  it('gives an ICS file whose meetings keep their UIDs between downloads', async () => {
    const bot = await rootsWithTermDates();
    const reply = await say(bot, '/rota ics');
    const card = cardOf(reply);
    expect(cardText(card)).toContain(
      'Importing it again later updates the meetings instead of adding copies.',
    );
    const url = new URL(actionUrl(card));
    const clusterId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const download = rotaCalendarDownload(bot.rota, TEST_LINK_SECRET, bot.clock);

    const file = await download(
      clusterId,
      url.searchParams.get('expires') ?? '',
      url.searchParams.get('sig') ?? '',
    );
    if (file.status !== 200) throw new Error(file.message);
    expect(file.filename).toBe('Roots-rota.ics');
    const events = new ICAL.Component(ICAL.parse(file.body)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual([
      "Roots heads' meeting (Autumn 1) at Aldermoor Farm",
      "Roots heads' meeting (Autumn 2) at Cannon Park",
      "Roots heads' meeting (Spring 1) at Earlsdon",
      "Roots heads' meeting (Spring 2) at Allesley",
      "Roots heads' meeting (Summer 1) at Allesley Hall",
      "Roots heads' meeting (Summer 2) at Charter",
    ]);
    expect(await download(clusterId, url.searchParams.get('expires') ?? '', 'forged')).toMatchObject({
      status: 403,
    });
    bot.clock.set('2026-09-09T09:00:00Z');
    expect(
      await download(clusterId, url.searchParams.get('expires') ?? '', url.searchParams.get('sig') ?? ''),
    ).toMatchObject({
      status: 410,
    });
  });

  it('lets the head of an affected host school pass their meeting on, once linked with /join', async () => {
    const bot = await rootsWithTermDates();
    expect((await say(bot, '/join Cannon Park', HEAD_OF_EARLSDON))?.text).toBe(
      'Thanks, Priya Shah: you are linked to **Cannon Park** as its head teacher.',
    );
    const passed = await say(bot, '/rota pass autumn 2', HEAD_OF_EARLSDON);
    expect(passed?.text).toContain(
      'Cannon Park passed Autumn 2 2026-27 (Tue 17 Nov 2026, 13:30) to Earlsdon',
    );
    const refused = await say(bot, '/rota skip summer 2', HEAD_OF_EARLSDON);
    expect(refused?.text).toBe(
      'Sorry, only a cluster lead, or the head of a school whose meeting this is, can change it. Nothing was changed.',
    );
  });

  it('lets a lead link a head by @mention', async () => {
    const bot = await rootsWithTermDates();
    const [reply] = await bot.send(channelMessageMentioning('/school link Earlsdon', HEAD_OF_EARLSDON));
    expect(reply?.text).toBe('Priya Shah is now linked to **Earlsdon** as its head.');
  });

  it('keeps clusters apart: another team sees only its own cluster', async () => {
    const bot = await rootsWithTermDates();
    const otherTeam = '19:PotentialNetworkTeam0000000000@thread.tacv2';
    const [none] = await bot.send(inTeam(channelMessage('/rota', LEAD), otherTeam));
    expect(none?.text).toContain('this team or chat has no cluster yet');
    await bot.send(inTeam(channelMessage('/setup Potential', HEAD_OF_EARLSDON), otherTeam));
    const [list] = await bot.send(inTeam(channelMessage('/school list', HEAD_OF_EARLSDON), otherTeam));
    expect(cardText(cardOf(list))).toContain('Potential: member schools');
    expect(cardText(cardOf(list))).not.toContain('Aldermoor Farm');
  });
});

describe('bad input changes nothing and says what to fix', () => {
  it('an unknown school', async () => {
    const bot = await rootsWithTermDates();
    expect((await say(bot, '/school leave Narnia'))?.text).toBe(
      'Sorry, no member school matches "Narnia". Type **/school list** to see the schools of Roots. Nothing was changed.',
    );
  });

  it('a date outside the school year', async () => {
    const bot = await rootsWithTermDates();
    const reply = await say(
      bot,
      `/terms 2026-27\n${TERM_DATES_CSV_2026_27.replace('21/07/2027', '21/09/2027')}`,
    );
    expect(reply?.text).toBe(
      "Sorry, those dates can't be used: Summer 2 (Mon 7 Jun 2027 to Tue 21 Sep 2027) is outside the 2026-27 school year. Nothing was changed.",
    );
    const move = await say(bot, '/rota move spring 1 to 01/04/2027');
    expect(move?.text).toBe('Sorry, the new date must be within Spring 1 2026-27. Nothing was changed.');
    expect(rotaRows(cardOf(await say(bot, '/rota')))[2]?.heading).toBe(
      'Spring 1 · Tue 19 Jan 2027, 13:30–15:30',
    );
  });

  it('a CSV with bad rows: every bad row is reported and nothing is imported', async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    await say(bot, '/setup Roots');
    const reply = await say(
      bot,
      '/school import\nschool,urn,head\nEarlsdon,103704,Jo\n,103705,Sam\nCharter,12,Lee',
    );
    expect(reply?.text).toBe(
      'Sorry, nothing was imported, because 2 row(s) need fixing: line 3: the school name is empty; ' +
        'line 4: "12" is not a URN (a URN is 6 digits). Nothing was changed.',
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain('No schools yet.');
  });

  it('a non-lead trying to change the rota or the membership', async () => {
    const bot = await rootsWithTermDates();
    expect((await say(bot, '/rota swap autumn 2 and spring 1', HEAD_OF_EARLSDON))?.text).toBe(
      'Sorry, only a cluster lead, or the head of a school whose meeting this is, can change it. Nothing was changed.',
    );
    expect((await say(bot, '/school leave Earlsdon', HEAD_OF_EARLSDON))?.text).toBe(
      'Sorry, only a cluster lead of Roots can do that. Nothing was changed.',
    );
    const rows = rotaRows(cardOf(await say(bot, '/rota')));
    expect(rows.map((r) => r.host).slice(1, 3)).toEqual(['Cannon Park', 'Earlsdon']);
  });

  it('a meeting that has already happened', async () => {
    const bot = await rootsWithTermDates();
    bot.clock.set('2026-10-01T09:00:00Z');
    expect((await say(bot, '/rota skip autumn 1 2026-27'))?.text).toBe(
      'Sorry, Autumn 1 2026-27 (Tue 15 Sep 2026, 13:30) has already taken place, and past meetings are never changed. Nothing was changed.',
    );
  });

  it('a cluster command in a personal chat or a team without a cluster', async () => {
    const bot = await startBotHarness(START_OF_YEAR);
    const [setup] = await bot.send(personalMessage('/setup Roots'));
    expect(setup?.text).toBe(
      'Sorry, a cluster is set up in the team or group chat its heads share, not in a personal chat. Nothing was changed.',
    );
    expect((await say(bot, '/rota'))?.text).toContain('Sorry, this team or chat has no cluster yet.');
  });
});

describe('a cluster that starts mid-year', () => {
  it('labels the meetings before it started "Before Clusterbot", not "Held"', async () => {
    const bot = await startBotHarness('2026-11-20T09:00:00Z'); // after the Autumn 2 meeting (17 Nov)
    await say(bot, '/setup Roots');
    await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
    await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
    const rota = cardText(cardOf(await say(bot, '/rota')));
    expect(rota).toMatch(/Autumn 2 · Tue 17 Nov 2026, 13:30–15:30\nBefore Clusterbot/);
    expect(rota).not.toContain('Held');
  });
});
