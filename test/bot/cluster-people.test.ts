import { describe, expect, it } from 'vitest';
import { groupByNetwork, readRoster } from '../../src/import/read-roster';
import { type BotHarness, cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { COVENTRY_ROSTER } from '../support/fixtures';
import {
  cardAction,
  channelMessage,
  channelMessageMentioning,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  inTeam,
  type Person,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
const NEW_HEAD: Person = {
  id: '29:1NewHeadOfEarlsdon000000000000',
  name: 'Sam Okafor',
  aadObjectId: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
};

async function roots(): Promise<BotHarness> {
  const bot = await startBotHarness('2026-09-01T08:00:00Z');
  await say(bot, '/setup Roots');
  await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
  return bot;
}

describe('schools and people', () => {
  it('/school add on its own offers a card, which adds the school', async () => {
    const bot = await roots();
    const card = cardOf(await say(bot, '/school add'));
    expect(cardText(card)).toContain('Add a member school');
    const replies = await bot.send(
      cardAction('addSchool', { name: 'Coundon Court', urn: '103725', head: 'R Patel' }, LEAD, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      '**Coundon Court** has joined the cluster and enters the rota for future meetings.',
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain('URN 103725 · head: R Patel');
  });

  it('/join on its own offers a card listing the schools, and links the person who answers it', async () => {
    const bot = await roots();
    const card = cardOf(await say(bot, '/join', HEAD_OF_EARLSDON));
    const choices = JSON.stringify(card);
    expect(choices).toContain('{"title":"Earlsdon","value":"Earlsdon"}');
    const replies = await bot.send(
      cardAction('joinSchool', { school: 'Earlsdon' }, HEAD_OF_EARLSDON, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      'Thanks, Priya Shah: you are linked to **Earlsdon** as its head teacher.',
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain('linked: Priya Shah');
  });

  it("finds a school however its name's apostrophes, case and '&' are typed, and keeps the official spelling", async () => {
    const bot = await roots();
    await say(bot, '/school add St John’s Church of England Primary & Nursery, 103711, Ann Lee');
    const joined = await say(bot, '/join st johns church of england primary and nursery', NEW_HEAD);
    expect(joined?.text).toContain('St John’s Church of England Primary & Nursery');
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain(
      'St John’s Church of England Primary & Nursery',
    );
    // A school without a URN, imported again spelt another way, is the same school.
    await say(bot, '/school import\nschool,urn,head\nSt Mary’s & St Paul’s CofE Primary,,');
    expect(
      (await say(bot, '/school import\nschool,urn,head\nst marys and st pauls cofe primary,,'))?.text,
    ).toContain('Imported 0 school(s); 1 already in the cluster, left as they were.');
  });

  it("says when a person was typed after @ rather than picked from Teams' list", async () => {
    const bot = await roots();
    expect((await say(bot, '/school link Earlsdon @Anna Novak'))?.text).toContain(
      '"@Anna Novak" was typed rather than picked: type @, then choose Anna Novak from the list Teams shows',
    );
  });

  it('imports two schools of the same name with their own URNs, told apart by town everywhere', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Basildon');
    const file = [
      'school,urn,head,town',
      'Basildon Green Primary Academy,140001,,Pitsea',
      'Basildon Green Primary Academy,140002,,Laindon',
    ].join('\n');
    expect((await say(bot, `/school import\n${file}`))?.text).toContain(
      '2 schools are called Basildon Green Primary Academy: they are told apart as Basildon Green Primary Academy (Pitsea) and Basildon Green Primary Academy (Laindon).',
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain(
      'Basildon Green Primary Academy (Laindon)',
    );
    expect((await say(bot, '/join Basildon Green Primary Academy (Laindon)', NEW_HEAD))?.text).toContain(
      'Basildon Green Primary Academy (Laindon)',
    );
    const noUrns = 'school,urn,head\nOak Primary,,\nOak Primary,,';
    expect((await say(bot, `/school import\n${noUrns}`))?.text).toContain(
      'line 3: Oak Primary is also on line 2: give each its URN to tell them apart',
    );
  });

  it('links deputies, observers and further cluster leads by @mention', async () => {
    const bot = await roots();
    const [deputy] = await bot.send(channelMessageMentioning('/school link Earlsdon', HEAD_OF_EARLSDON));
    expect(deputy?.text).toBe('Priya Shah is now linked to **Earlsdon** as its head.');
    const [asDeputy] = await bot.send(channelMessageMentioning('/school link Cannon Park', NEW_HEAD));
    expect(asDeputy?.text).toBe('Sam Okafor is now linked to **Cannon Park** as its head.');

    const activity = channelMessageMentioning('/school link Earlsdon', NEW_HEAD);
    const [staff] = await bot.send({ ...activity, text: `${activity.text} as deputy` });
    expect(staff?.text).toBe(
      'Sam Okafor is now linked to **Earlsdon** as a member of staff (deputy or other).',
    );

    const lead = channelMessageMentioning('/school link', HEAD_OF_EARLSDON);
    const [asLead] = await bot.send({ ...lead, text: `${lead.text} as lead` });
    expect(asLead?.text).toBe(
      'Priya Shah is now linked to **Earlsdon** as a cluster lead.'.replace(' to **Earlsdon**', ''),
    );
    expect((await say(bot, '/school leave Wyken Croft', HEAD_OF_EARLSDON))?.text).toContain(
      '**Wyken Croft** has left',
    );
  });

  it('a change of head keeps the school and its history; the previous head stays on as staff', async () => {
    const bot = await roots();
    await bot.send(channelMessageMentioning('/school link Earlsdon', HEAD_OF_EARLSDON));
    await bot.send(channelMessageMentioning('/school link Earlsdon', NEW_HEAD));
    const history = await say(bot, '/rota history');
    expect(history?.text).toContain(
      'Sam Okafor linked to Earlsdon as head (previous head Priya Shah now listed as staff).',
    );
    const list = cardText(cardOf(await say(bot, '/school list')));
    expect(list).toContain('17 members');
    expect(list).toContain('linked: Sam Okafor');
  });
});

describe("Coventry's eight networks", () => {
  it('import cleanly as eight clusters, each in its own team, each with only its own schools', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    const roster = readRoster(COVENTRY_ROSTER);
    if ('problem' in roster) throw new Error(roster.problem);
    const networks = [...groupByNetwork(roster.rows).entries()];
    expect(networks).toHaveLength(8);

    for (const [index, [network]] of networks.entries()) {
      const team = `19:coventry-network-${index}@thread.tacv2`;
      await bot.send(inTeam(channelMessage(`/setup ${network}`), team));
      const [reply] = await bot.send(inTeam(channelMessage(`/school import\n${COVENTRY_ROSTER}`), team));
      expect(reply?.text).toMatch(new RegExp(`^Imported \\d+ school\\(s\\) of ${network}\\.`));
    }
    let total = 0;
    for (const [index, [network, rows]] of networks.entries()) {
      const [list] = await bot.send(
        inTeam(channelMessage('/school list'), `19:coventry-network-${index}@thread.tacv2`),
      );
      expect(cardText(cardOf(list))).toContain(
        `${network}: member schools\n${rows.length} members, in rota order.`,
      );
      total += rows.length;
    }
    expect(total).toBe(93);
  });
});
