import { describe, expect, it } from 'vitest';
import { cardOf, cardText } from '../support/bot-harness';
import { rootsCluster, say } from '../support/roots-cluster';
import {
  CHANNEL_ID,
  cardAction,
  channelMessageMentioning,
  HEAD_OF_EARLSDON,
  type Person,
} from '../support/teams-activities';

const EARLSDON_HEAD = HEAD_OF_EARLSDON;
const CANNON_HEAD: Person = {
  id: '29:1CannonParkHead00000000000000',
  name: 'Ray Patel',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000009',
};

async function roots() {
  return rootsCluster('2026-11-23T10:00:00Z', [
    [EARLSDON_HEAD, 'Earlsdon'],
    [CANNON_HEAD, 'Cannon Park'],
  ]);
}

describe('actions', () => {
  it('a lead adds two actions, sees them in /actions, and an owner marks one done from the card', async () => {
    const { bot } = await roots();
    expect((await say(bot, '/action add Share the phonics audit template; Earlsdon; 11/12/2026'))?.text).toBe(
      'Added **A1**: Share the phonics audit template, due Fri 11 Dec 2026. Owners update it with **/action A1 done**.',
    );
    const [second] = await bot.send(
      channelMessageMentioning('/action add Book the CPD venue; Cannon Park; 01/12/2026', CANNON_HEAD),
    );
    expect(second?.text).toContain('Added **A2**: Book the CPD venue, due Tue 1 Dec 2026.');

    const overview = cardText(cardOf(await say(bot, '/actions')));
    expect(overview).toContain('Roots: all actions');
    expect(overview).toContain('0 overdue · 2 open · 0 in progress · 0 done · 0 dropped');
    expect(overview.indexOf('A2 · Book the CPD venue')).toBeLessThan(
      overview.indexOf('A1 · Share the phonics audit template'),
    );
    expect(overview).toContain('Cannon Park (Ray Patel)');

    const refused = await say(bot, '/action A1 done', CANNON_HEAD);
    expect(refused?.text).toBe(
      "Sorry, only A1's owner school or a cluster lead can change it. Nothing was changed.",
    );

    const replies = await bot.send(
      cardAction('actionStatus', { id: 'A1', status: 'done' }, EARLSDON_HEAD, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      '**A1** is now done (updated by Priya Shah).',
    );
    // The card that was clicked shows the list as it now stands: A1 done, no buttons on it.
    const invoke = replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: unknown } };
    expect(cardText(invoke.body.value)).toContain('0 overdue · 1 open · 0 in progress · 1 done · 0 dropped');
    expect(cardText(cardOf(await say(bot, '/actions')))).toContain(
      '0 overdue · 1 open · 0 in progress · 1 done · 0 dropped',
    );
  });

  it('filters: mine, overdue, a school, this half term', async () => {
    const { bot } = await roots();
    await say(bot, '/action add Share the phonics audit template; Earlsdon; 11/12/2026');
    await say(bot, '/action add Plan the spring moderation; Cannon Park; 20/01/2027');
    expect(cardText(cardOf(await say(bot, '/actions mine', EARLSDON_HEAD)))).toContain(
      'A1 · Share the phonics audit template',
    );
    expect(cardText(cardOf(await say(bot, '/actions mine', EARLSDON_HEAD)))).not.toContain('A2');
    expect(cardText(cardOf(await say(bot, '/actions school cannon park')))).toContain(
      "Cannon Park's actions",
    );
    expect(cardText(cardOf(await say(bot, '/actions this half term')))).not.toContain('A2');
    expect(cardText(cardOf(await say(bot, '/actions overdue')))).toContain('No actions here yet.');
  });

  it('refuses pupil data, a date already past, and an unknown action, changing nothing', async () => {
    const { bot } = await roots();
    expect((await say(bot, '/action add Follow up B801200005001; Earlsdon; 11/12/2026'))?.text).toContain(
      'the action contains a Unique Pupil Number (UPN): "B801200005001"',
    );
    expect((await say(bot, '/action add Something; Earlsdon; 01/11/2026'))?.text).toBe(
      'Sorry, the due date Sun 1 Nov 2026 has already passed. Nothing was changed.',
    );
    expect((await say(bot, '/action A9 done'))?.text).toBe(
      'Sorry, there is no action A9. Type **/actions** to see them. Nothing was changed.',
    );
    expect(cardText(cardOf(await say(bot, '/actions')))).toContain('No actions here yet.');
  });

  it('reminds the owners of an overdue action exactly once', async () => {
    const { bot, connector } = await roots();
    await say(bot, '/action add Share the phonics audit template; Earlsdon; 24/11/2026');
    connector.requests.splice(0);

    bot.clock.set('2026-11-25T08:59:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([]);
    bot.clock.set('2026-11-25T09:01:00Z');
    expect((await bot.reminders.tick()).sent).toEqual(['action|A1|overdue|2026-11-24']);
    bot.clock.set('2026-11-26T09:01:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([]);

    const posts = connector.requests.filter((r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toBe(
      'Action A1 for Earlsdon was due on Tue 24 Nov 2026: Share the phonics audit template. Please update it (/action A1 done, or in progress). <at>Priya Shah</at>',
    );
  });
});
