import { describe, expect, it } from 'vitest';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { invokeAnswer } from '../support/card-inputs';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import { cardAction, HEAD_OF_BROAD_HEATH, HEAD_OF_EARLSDON, type Person } from '../support/teams-activities';

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
    // Sixty more people linked (heads, deputies, staff): every one is in the cards' refresh list.
    const schools = COVENTRY_ROSTER.split('\n')
      .filter((line) => line.startsWith('Roots,'))
      .map((line) => line.split(',')[1]);
    for (let i = 0; i < 60; i++) {
      const person: Person = {
        id: `29:1${'Xq7'.repeat(24)}${String(i).padStart(4, '0')}`,
        name: `Colleague ${i}`,
        aadObjectId: `e1e2e3e4-0000-4000-8000-${String(i).padStart(12, '0')}`,
      };
      await say(bot, `/join ${schools[i % schools.length]}`, person);
    }
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
    // Sixty people in every action row's owner list would not fit: one head a school, then.
    expect(JSON.stringify(card)).toContain('{"title":"Colleague 59","value":"29:');
    expect(JSON.stringify(card)).not.toContain('"title":"Colleague 0"');
    expect(JSON.stringify(card)).not.toContain('(Cannon Park Primary School)","value":"29:');
    expect(Object.entries(sizes).filter(([, size]) => size >= TEAMS_LIMIT)).toEqual([]);
    // The reminder card as the lead sees it (every school's answer), with its refresh list.
    const rota = cardOf(await say(bot, '/rota ics')) as { actions: Array<{ url: string }> };
    const clusterId = decodeURIComponent(new URL(rota.actions[0]?.url ?? '').pathname.split('/')[2] ?? '');
    const reminder = invokeAnswer(
      await bot.send(
        cardAction(
          'rsvpRefresh',
          { clusterId, meetingId: '2026-27#3', meetingDate: '2027-01-19' },
          HEAD_OF_BROAD_HEATH,
          'channel',
        ),
      ),
    ).card;
    expect(cardText(reminder)).toContain('Stivichall Primary School');
    expect(Buffer.byteLength(JSON.stringify(reminder), 'utf8')).toBeLessThan(TEAMS_LIMIT);

    // What does not fit is a command away: the list says how to see the rest; everyone stays refreshed.
    const actions = cardOf(await say(bot, '/actions')) as { refresh?: { userIds: string[] } };
    expect(cardText(actions)).toMatch(/Showing the first \d+ of 40: see the rest with \/actions overdue/);
    expect(actions.refresh?.userIds).toHaveLength(60);
  });
});
