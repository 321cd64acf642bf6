import { cardOf, say, startBotHarness } from './bot-harness';
import { COVENTRY_ROSTER } from './fixtures';
import { TERM_DATES_CSV_2026_27 } from './sample-calendar';
import { cardAction, type Person } from './teams-activities';

/**
 * Roots on 10 Nov 2026 (17 schools, 2026-27 terms), `heads` linked with /join, and the first of
 * them sending apologies with `reason` for the Autumn 2 meeting (17 Nov).
 */
export async function rootsWithAnApology(reason: string, heads: Array<[Person, string]>) {
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  await say(bot, '/setup Roots');
  await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
  await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  for (const [person, school] of heads) await say(bot, `/join ${school}`, person);
  const rota = cardOf(await say(bot, '/rota ics'));
  const url = new URL(String((rota?.actions as Array<{ url?: string }> | undefined)?.[0]?.url));
  const clusterId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const meeting = { clusterId, meetingId: '2026-27#2', meetingDate: '2026-11-17' };
  const [first] = heads;
  if (first)
    await bot.send(cardAction('rsvp', { ...meeting, answer: 'apologies', reason }, first[0], 'channel'));
  return { bot, clusterId };
}
