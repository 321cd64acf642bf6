import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { cardOf, cardText } from '../support/bot-harness';
import { invokeAnswer, pressButton } from '../support/card-inputs';
import { CHAIR, LEAD, MEMBER, rootsWithChairAndMember, say } from '../support/roots-cluster';
import {
  botAddedToPersonalChat,
  cardAction,
  type Person,
  personalConversationId,
} from '../support/teams-activities';

const roots = rootsWithChairAndMember;

type Refresh = { action: { verb: string; data: Record<string, string> }; userIds: string[] };

/** What Teams sends when someone in the card's refresh list looks at it. */
function lookAt(
  card: Record<string, unknown> | undefined,
  who: Person,
  where: 'channel' | 'personal' = 'channel',
) {
  const refresh = card?.refresh as Refresh | undefined;
  if (!refresh) throw new Error('the card has no refresh');
  const activity = cardAction(refresh.action.verb, structuredClone(refresh.action.data), who, where);
  return { ...activity, value: { ...(activity.value as object), trigger: 'automatic' } } as Partial<Activity>;
}

describe('cards that others see too stay true', () => {
  it('the actions card is redrawn as it now stands for whoever looks, after a change made elsewhere', async () => {
    const { bot } = await roots();
    await say(bot, '/action add Share the phonics audit template; Cannon Park; 11/12/2026');
    const posted = cardOf(await say(bot, '/actions'));
    const refresh = posted?.refresh as Refresh;
    expect(refresh.action.data).toMatchObject({ view: 'actions', filter: '' });
    expect(refresh.userIds).toEqual(expect.arrayContaining([LEAD.id, CHAIR.id, MEMBER.id]));

    await say(bot, '/action A1 done', CHAIR); // typed, not clicked: the posted card knows nothing of it
    bot.updatedPosts.splice(0);
    const replies = await bot.send(lookAt(posted, MEMBER));
    expect(replies.filter((r) => r.type === 'message')).toEqual([]);
    expect(bot.updatedPosts).toEqual([]); // this person's view, not a new post for everyone
    const seen = invokeAnswer(replies).card;
    expect(cardText(seen)).toContain('0 overdue · 0 open · 0 in progress · 1 done · 0 dropped');
    expect((seen?.refresh as Refresh | undefined)?.action.data.view).toBe('actions');
  });

  it("the agenda is each viewer's own: the chair sees the draft with its buttons in place, a member the agenda", async () => {
    const { bot, connector } = await roots();
    await bot.send({ ...botAddedToPersonalChat(CHAIR), serviceUrl: connector.serviceUrl });
    const posted = cardOf(await say(bot, '/agenda', MEMBER));
    await say(bot, '/agenda add Year 6 writing moderation', MEMBER);
    connector.requests.splice(0);
    bot.updatedPosts.splice(0);

    const chairSees = invokeAnswer(await bot.send(lookAt(posted, CHAIR))).card;
    expect(cardText(chairSees)).toContain('P1: Year 6 writing moderation (from Lee Evans)');
    expect(JSON.stringify(chairSees)).toContain('"title":"Accept"');
    // Looking at a card sends nothing anywhere: the draft was not sent to the chair's chat again.
    expect(connector.requests.filter((r) => r.path.includes(personalConversationId(CHAIR)))).toEqual([]);
    expect(bot.updatedPosts).toEqual([]); // the channel's post is not turned into the chair's draft

    const memberSees = invokeAnswer(await bot.send(lookAt(posted, MEMBER))).card;
    expect(cardText(memberSees)).not.toContain('Proposed items waiting for the chair');
    expect(JSON.stringify(memberSees)).not.toContain('"title":"Accept"');
  });

  it('the rota, the schools and the peer reviews list are redrawn as they now stand: a change typed elsewhere shows', async () => {
    const { bot } = await roots();
    const rota = cardOf(await say(bot, '/rota 2026-27'));
    await say(bot, '/rota swap spring 1 and spring 2');
    const seen = invokeAnswer(await bot.send(lookAt(rota, MEMBER))).card;
    expect(cardText(seen)).not.toBe(cardText(rota));
    expect(cardText(seen)).toBe(cardText(cardOf(await say(bot, '/rota 2026-27', MEMBER))));

    const schools = cardOf(await say(bot, '/school list'));
    await say(bot, '/school leave Charter');
    expect(cardText(invokeAnswer(await bot.send(lookAt(schools, MEMBER))).card)).toContain('(left)');

    const reviews = cardOf(await say(bot, '/peerreview list'));
    const form = cardOf(await say(bot, '/peerreview', MEMBER));
    await pressButton(bot, form, 'Ask the cluster', MEMBER, {
      type: 'lesson-study',
      focus: 'How well does our reading curriculum build fluency?',
      halfTerm: 'Spring 1 2026-27',
      reviewers: '1',
    });
    expect(cardText(invokeAnswer(await bot.send(lookAt(reviews, LEAD))).card)).toContain(
      'How well does our reading curriculum build fluency?',
    );
  });

  it('a refresh naming another view, or a cluster the person is not in, shows nothing of it', async () => {
    const { bot } = await roots();
    const posted = cardOf(await say(bot, '/actions'));
    const forgedView = lookAt(posted, MEMBER);
    (forgedView.value as { action: { data: Record<string, string> } }).action.data.view = 'minutes';
    expect(invokeAnswer(await bot.send(forgedView)).message).toBe(
      'This card is out of date: type the command again for the current view.',
    );
    const stranger: Person = {
      id: '29:1Stranger000000000000000000',
      name: 'Pat Doe',
      aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000099',
    };
    const answer = invokeAnswer(await bot.send(lookAt(posted, stranger, 'personal')));
    expect(answer.card).toBeUndefined();
    expect(answer.message).toContain('you are not linked to Roots');
  });
});
