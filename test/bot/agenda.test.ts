import { describe, expect, it } from 'vitest';
import { cardOf, cardText } from '../support/bot-harness';
import { invokeAnswer, pressButton } from '../support/card-inputs';
import { attachedCard } from '../support/connector-recorder';
import { CHAIR, LEAD, MEMBER, rootsWithChairAndMember, say } from '../support/roots-cluster';
import {
  botAddedToPersonalChat,
  CHANNEL_ID,
  cardAction,
  LEE_EVANS,
  personalConversationId,
} from '../support/teams-activities';

const PAPER = 'https://contoso.sharepoint.com/sites/roots/Shared%20Documents/moderation.docx';

const roots = rootsWithChairAndMember;

describe('the agenda of the next meeting', () => {
  it('members propose items, the chair accepts them, and the week-before reminder carries the agenda', async () => {
    const { bot, connector } = await roots();
    await say(
      bot,
      '/agenda foci 2026-27: Reading for pleasure; Maths mastery; SEND provision; Attendance; Curriculum review; Transition',
    );
    await say(bot, '/action add Share the phonics audit template; Earlsdon; 11/12/2026');
    expect((await say(bot, `/agenda add Year 6 writing moderation | ${PAPER}`, MEMBER))?.text).toBe(
      'Proposed **P1**: Year 6 writing moderation. The chair will accept or drop it.',
    );
    await say(bot, '/agenda add Transition to secondary', MEMBER);

    const memberView = cardText(cardOf(await say(bot, '/agenda', MEMBER)));
    expect(memberView).toContain('Agenda: Roots, Autumn 2 meeting');
    expect(memberView).toContain("3. This half term's focus: Maths mastery");
    expect(memberView).toContain("4. Performance review: last year's results against the targets set"); // autumn 2
    expect(memberView).toContain('5. Action A1 (Earlsdon): Share the phonics audit template');
    expect(memberView).not.toContain('Proposed items waiting for the chair');

    expect((await say(bot, '/agenda accept P1', MEMBER))?.text).toBe(
      'Sorry, only the chair of the next meeting (Cannon Park) or a cluster lead can change its agenda. Nothing was changed.',
    );
    const chairCard = cardOf(await say(bot, '/agenda', CHAIR));
    expect(cardText(chairCard)).toContain('P1: Year 6 writing moderation (from Lee Evans)');
    const replies = await bot.send(
      cardAction('agendaDecision', { id: 'P1', decision: 'accept' }, CHAIR, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      '**P1** is on the agenda as item 6 (by Priya Shah).',
    );
    await say(bot, '/agenda drop P2', CHAIR);

    const agenda = cardText(cardOf(await say(bot, '/agenda', MEMBER)));
    expect(agenda).toContain(`6. Year 6 writing moderation ([paper](${PAPER}))`);
    expect(agenda).toContain('7. Any other business');
    expect(agenda).not.toContain('Transition to secondary');

    bot.clock.set('2026-11-10T09:01:00Z');
    await bot.reminders.tick();
    const post = connector.requests.find(
      (r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities` && r.body.attachments,
    );
    const reminder = cardText(attachedCard(post));
    expect(reminder).toContain('6. Year 6 writing moderation');
    expect(reminder).toContain(`Papers: [Year 6 writing moderation](${PAPER})`);
  });

  it('refuses pupil data in an item, and a paper that is not an https link', async () => {
    const { bot } = await roots();
    expect((await say(bot, '/agenda add Discuss B801200005001', MEMBER))?.text).toContain(
      'the agenda item contains a Unique Pupil Number (UPN): "B801200005001"',
    );
    expect((await say(bot, '/agenda add Moderation | ftp://files/x.doc', MEMBER))?.text).toBe(
      'Sorry, a paper must be a link starting with https:// (Teams or SharePoint). Nothing was changed.',
    );
    expect((await say(bot, '/agenda foci 2026-27: Only one', LEAD))?.text).toBe(
      'Sorry, give six foci, one per half term (you gave 1). Nothing was changed.',
    );
  });
});

describe('publishing the agenda', () => {
  it('previews privately, publishes once, and re-publishing updates the same post', async () => {
    const { bot, connector } = await roots();
    await bot.send({ ...botAddedToPersonalChat(CHAIR), serviceUrl: connector.serviceUrl });
    await say(bot, '/agenda add Year 6 writing moderation', MEMBER);
    await say(bot, '/agenda add Transition to secondary', MEMBER);
    await say(bot, '/agenda accept P1', CHAIR);
    connector.requests.splice(0);

    expect((await say(bot, '/agenda', CHAIR))?.text).toBe(
      "I've sent you the draft agenda in our personal chat. Publish it with **/agenda publish**.",
    );
    const preview = connector.requests.find(
      (r) => r.path === `/v3/conversations/${personalConversationId(CHAIR)}/activities`,
    );
    expect(cardText(attachedCard(preview))).toContain('P2: Transition to secondary (from Lee Evans)');
    // The preview's buttons work in the personal chat, for the chair only.
    const previewCard = attachedCard(preview);
    const stranger = { ...LEE_EVANS, id: '29:1Stranger00000000000000000000', name: 'Pat Jones' };
    const forged = await pressButton(bot, previewCard, 'Drop', stranger, {}, 'personal');
    expect(invokeAnswer(forged).message).toBe('Not done: see my reply below.');
    expect(forged.find((r) => r.type === 'message')?.text).toBe(
      'Sorry, you are not linked to Roots. Use /join in its channel first. Nothing was changed. If you think you should have access, ask your cluster lead.',
    );

    expect((await say(bot, '/agenda publish', MEMBER))?.text).toBe(
      'Sorry, only the chair of the next meeting (Cannon Park) or a cluster lead can publish its agenda. Nothing was changed.',
    );
    expect((await say(bot, '/agenda publish', CHAIR))?.text).toBe('The agenda is published in the channel.');
    const posted = connector.requests.filter(
      (r) => r.method === 'POST' && r.path === `/v3/conversations/${CHANNEL_ID}/activities`,
    );
    expect(posted).toHaveLength(1);

    expect(JSON.stringify(previewCard)).toMatch(/"id":"P2","decision":"accept"/);
    const accepted = await pressButton(bot, previewCard, 'Accept', CHAIR, {}, 'personal');
    expect(accepted.find((r) => r.type === 'message')?.text).toBe(
      '**P2** is on the agenda as item 5 (by Priya Shah).',
    );
    // The draft that was clicked shows itself again: P2 is on it, no longer waiting for Accept / Drop.
    const redrawn = invokeAnswer(accepted).card;
    expect(cardText(redrawn)).toContain('Transition to secondary');
    expect(JSON.stringify(redrawn)).not.toMatch(/"id":"P2","decision":"accept"/);
    expect((await say(bot, '/agenda up P2', CHAIR))?.text).toMatch(
      /^\*\*P2\*\* moved up: it is now item 4 of the agenda/,
    );
    bot.clock.set('2026-11-10T09:01:00Z');
    await bot.reminders.tick();
    const reminder = connector.requests.filter(
      (r) => r.method === 'POST' && r.path === `/v3/conversations/${CHANNEL_ID}/activities`,
    )[1];
    const reminderText = cardText(attachedCard(reminder));
    expect(reminderText).toContain('Year 6 writing moderation');
    expect(reminderText).not.toContain('Transition to secondary'); // accepted after publishing: not yet published

    expect((await say(bot, '/agenda publish', CHAIR))?.text).toBe(
      'The agenda in the channel has been updated.',
    );
    const update = connector.requests.find((r) => r.method === 'PUT');
    // The recorder answers the nth request with id reply-n: the update targets the published post.
    const publishedId = `reply-${connector.requests.indexOf(posted[0] as (typeof connector.requests)[number]) + 1}`;
    expect(update?.path).toBe(`/v3/conversations/${CHANNEL_ID}/activities/${publishedId}`);
    expect(cardText(attachedCard(update))).toContain('Transition to secondary');
  });
});
