import { describe, expect, it } from 'vitest';
import { type BotHarness, cardOf, cardText, startBotHarness } from '../support/bot-harness';
import {
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  inTeam,
  JO_SMITH,
  LEE_EVANS,
  type Person,
  personalMessage,
} from '../support/teams-activities';

const TEAMS = { Roots: '19:roots@thread.tacv2', 'Small schools': '19:small@thread.tacv2' };
const inChannel = async (
  bot: BotHarness,
  team: keyof typeof TEAMS,
  text: string,
  from: Person = HEAD_OF_BROAD_HEATH,
) => (await bot.send(inTeam(channelMessage(text, from), TEAMS[team])))[0];
const inPersonalChat = async (bot: BotHarness, text: string, from: Person) =>
  (await bot.send(personalMessage(text, from)))[0];

describe('read commands in a personal chat', () => {
  it('answer from the one cluster the person is linked to, ask which when several, and say so when none', async () => {
    const bot = await startBotHarness('2026-11-09T08:00:00Z');
    for (const cluster of ['Roots', 'Small schools'] as const) {
      await inChannel(bot, cluster, `/setup ${cluster}`);
      await inChannel(bot, cluster, '/school add Earlsdon Primary School, 103704, Jo Smith');
      await inChannel(bot, cluster, '/school add Allesley Primary School, 103701, Lee Evans');
    }
    await inChannel(bot, 'Roots', '/action add Share the phonics audit; Earlsdon; 11/12/2026');
    await inChannel(bot, 'Roots', '/join Allesley', LEE_EVANS);
    expect(cardText(cardOf(await inPersonalChat(bot, '/actions', LEE_EVANS)))).toContain(
      'Roots: all actions',
    );

    for (const cluster of ['Roots', 'Small schools'] as const)
      await inChannel(bot, cluster, '/join Earlsdon', JO_SMITH);
    expect((await inPersonalChat(bot, '/actions', JO_SMITH))?.text).toContain(
      'you are linked to 2 clusters (Roots, Small schools). Use **/actions** in the channel of the one you mean',
    );
    const stranger: Person = {
      id: '29:1Stranger000000000000000000',
      name: 'Pat Doe',
      aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000099',
    };
    expect((await inPersonalChat(bot, '/actions', stranger))?.text).toContain('no cluster yet');
  });
});
