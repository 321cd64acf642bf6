import { describe, expect, it } from 'vitest';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import { HEAD_OF_EARLSDON } from '../support/teams-activities';

/** Teams refuses a message over about 28 KB: the minute-taker would get nothing at all. */
const TEAMS_LIMIT = 28_000;

describe('the largest realistic cluster', () => {
  it('gets cards Teams accepts (minutes editor, agenda, actions, rota, schools): 20 schools, 40 open actions, a long agenda', async () => {
    const bot = await startBotHarness('2026-11-10T08:00:00Z');
    await say(bot, '/setup Roots');
    await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
    for (const name of ['Stivichall Primary School', 'Finham Primary School', 'Whitmore Park Primary School'])
      await say(bot, `/school add ${name}`);
    await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
    await say(bot, '/join Cannon Park', HEAD_OF_EARLSDON);
    for (let i = 1; i <= 40; i++)
      await say(
        bot,
        `/action add Share the moderated writing samples and the feedback grid, round ${i}; Earlsdon; 12/01/2027`,
      );
    for (let i = 1; i <= 6; i++)
      await say(
        bot,
        `/agenda add Curriculum item ${i}: transition planning for Year 6 into Year 7 across the partnership`,
      );
    expect(cardText(cardOf(await say(bot, '/agenda')))).toContain(
      '30 more open actions, due later (all of them: /actions)',
    );
    const sizes: Record<string, number> = {};
    for (const command of ['/agenda', '/actions', '/rota', '/school list'])
      sizes[command] = Buffer.byteLength(JSON.stringify(cardOf(await say(bot, command))), 'utf8');
    bot.clock.set('2026-11-23T10:00:00Z');
    const card = cardOf(await say(bot, '/minutes', HEAD_OF_EARLSDON));
    expect(cardText(card)).toContain('Stivichall Primary School');
    sizes['/minutes'] = Buffer.byteLength(JSON.stringify(card), 'utf8');
    expect(Object.entries(sizes).filter(([, size]) => size >= TEAMS_LIMIT)).toEqual([]);
  });
});
