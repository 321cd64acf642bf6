import { describe, expect, it } from 'vitest';
import { type BotHarness, cardOf, cardText, startBotHarness } from '../support/bot-harness';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  inTeam,
  JO_SMITH,
  type Person,
} from '../support/teams-activities';

const BOARD_ADMIN: Person = {
  id: '29:1BoardAdmin000000000000000000',
  name: 'Sam Okafor',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000031',
};
const TEAMS = {
  Roots: '19:roots@thread.tacv2',
  'Small schools': '19:small@thread.tacv2',
  board: '19:board@thread.tacv2',
};
const say = async (
  bot: BotHarness,
  team: keyof typeof TEAMS,
  text: string,
  from: Person = HEAD_OF_BROAD_HEATH,
) => (await bot.send(inTeam(channelMessage(text, from), TEAMS[team])))[0];

describe('a school in two clusters (an area cluster and a small-schools cluster)', () => {
  it('belongs to both, its head is linked in both, each reminds it, and the board counts it in each and says so', async () => {
    const bot = await startBotHarness('2026-11-09T08:00:00Z');
    for (const cluster of ['Roots', 'Small schools'] as const) {
      await say(bot, cluster, `/setup ${cluster}`);
      await say(bot, cluster, '/school add Earlsdon Primary School, 103704, Jo Smith');
      await say(
        bot,
        cluster,
        `/school add ${cluster === 'Roots' ? 'Broad Heath Primary School, 103692' : 'Hollyfast Primary School, 103700'}, Ann Lee`,
      );
      await say(bot, cluster, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
      expect((await say(bot, cluster, '/join Earlsdon', JO_SMITH))?.text).toContain(
        'Earlsdon Primary School',
      );
    }
    bot.clock.set('2026-11-10T09:01:00Z');
    const round = await bot.reminders.tick();
    expect(round.sent.filter((slot: string) => slot.endsWith('|reminder'))).toHaveLength(2); // one per cluster

    await say(bot, 'board', '/board setup Coventry primary steering group', BOARD_ADMIN);
    for (const cluster of ['Roots', 'Small schools'])
      await say(bot, 'board', `/board link ${cluster}`, BOARD_ADMIN);
    const overview = cardText(cardOf(await say(bot, 'board', '/board', BOARD_ADMIN)));
    expect(overview).toContain(
      'In more than one cluster, and counted in each: Earlsdon Primary School (Roots, Small schools).',
    );
  });
});
