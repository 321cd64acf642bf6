import { describe, expect, it } from 'vitest';
import { cardOf, cardText } from '../support/bot-harness';
import { choiceValue, invokeAnswer, pressButton } from '../support/card-inputs';
import { attachedCard } from '../support/connector-recorder';
import { LEAD, rootsCluster, say } from '../support/roots-cluster';
import { CHANNEL_ID, HEAD_OF_EARLSDON, JO_SMITH, LEE_EVANS, type Person } from '../support/teams-activities';

const REQUESTER: Person = HEAD_OF_EARLSDON; // Priya Shah, head of Earlsdon here
const UPN = 'B801200005001';

async function roots() {
  const { bot, connector } = await rootsCluster('2026-11-23T10:00:00Z', [
    [REQUESTER, 'Earlsdon'],
    [LEE_EVANS, 'Allesley'],
    [JO_SMITH, 'Cannon Park'],
  ]);
  connector.requests.splice(0);
  return { bot, connector };
}

type Connector = Awaited<ReturnType<typeof roots>>['connector'];

/** The latest card the bot put in the channel (posted or updated). */
function latestChannelCard(connector: Connector): unknown {
  const sent = connector.requests.filter((r) =>
    r.path.startsWith(`/v3/conversations/${CHANNEL_ID}/activities`),
  );
  return attachedCard(sent.at(-1));
}

async function ask(bot: Awaited<ReturnType<typeof roots>>['bot'], edits: Record<string, string>) {
  const form = cardOf(await say(bot, '/peerreview', REQUESTER));
  return invokeAnswer(await pressButton(bot, form, 'Ask the cluster', REQUESTER, edits)).message;
}

describe('a peer-review request from asking to done', () => {
  it('is announced, gets volunteers, is accepted, scheduled and done with a follow-up action', async () => {
    const { bot, connector } = await roots();

    expect(await ask(bot, { type: 'lesson-study', focus: `How is ${UPN} doing?`, reviewers: '2' })).toBe(
      `Not done: the focus or enquiry question contains a Unique Pupil Number (UPN): "${UPN}". Pupil data is shared only live in meetings and is never stored, so nothing was saved. Please take it out and try again.`,
    );
    expect(
      await ask(bot, {
        type: 'lesson-study',
        focus: 'How well does our reading curriculum build fluency in Key Stage 2?',
        evidence: 'Lesson visits in Years 3 and 5; talking to the English lead',
        halfTerm: 'Spring 1 2026-27',
        reviewers: '2',
      }),
    ).toBe('Asked: R1 is in the channel for partners to volunteer.');
    const announced = latestChannelCard(connector);
    expect(cardText(announced)).toContain('Peer review R1: Lesson study at Earlsdon');
    expect(cardText(announced)).toContain('When\nSpring 1 2026-27');

    expect(cardText(cardOf(await say(bot, '/agenda', LEE_EVANS)))).toContain(
      'Peer review R1 (Earlsdon, lesson study): How well does our reading curriculum build fluency in Key Stage 2? (requested: 0 of 2 reviewer(s) accepted)',
    );

    const own = invokeAnswer(await pressButton(bot, announced, 'Volunteer', REQUESTER));
    expect(own.message).toBe(
      "Not done: R1 is your own school's request: volunteers come from partner schools.",
    );
    expect(invokeAnswer(await pressButton(bot, announced, 'Volunteer', LEE_EVANS)).message).toBe(
      "Thank you: Allesley's offer for R1 is with the requesting school.",
    );
    await pressButton(bot, announced, 'Volunteer', JO_SMITH, { colleague: 'Sam Lee, maths lead' });
    const updated = connector.requests.filter((r) => r.method === 'PUT').at(-1);
    expect(updated?.path).toMatch(new RegExp(`^/v3/conversations/${CHANNEL_ID}/activities/reply-\\d+$`));
    expect(cardText(latestChannelCard(connector))).toContain(
      'V1: Lee Evans (Allesley)\nV2: Sam Lee, maths lead (Cannon Park)',
    );

    expect((await say(bot, '/peerreview accept R1 V1', LEE_EVANS))?.text).toBe(
      'Sorry, only the requesting school or a cluster lead can change R1. Nothing was changed.',
    );
    expect((await say(bot, '/peerreview accept R1 V1', REQUESTER))?.text).toBe('Accepted V1 for **R1**.');
    expect((await say(bot, '/peerreview accept R1 V2', REQUESTER))?.text).toBe(
      'Accepted V2 for **R1**: reviewers found. Book the visit with /peerreview schedule R1 <date>.',
    );
    expect((await say(bot, '/peerreview schedule R1 14/01/2027', REQUESTER))?.text).toBe(
      '**R1**: the visit is on Thu 14 Jan 2027.',
    );
    const early = cardOf(await say(bot, '/peerreview done R1', REQUESTER));
    expect(
      invokeAnswer(
        await pressButton(bot, early, 'Record the outcome', REQUESTER, { summary: 'Strong phonics.' }),
      ).message,
    ).toBe('Not done: the visit for R1 has not happened yet.');

    bot.clock.set('2027-01-18T10:00:00Z');
    const done = cardOf(await say(bot, '/peerreview done R1', REQUESTER));
    const recorded = invokeAnswer(
      await pressButton(bot, done, 'Record the outcome', REQUESTER, {
        summary: 'Fluency teaching is consistent; guided reading in Year 5 needs sharper questioning.',
        'followUp-0-title': 'Share Year 5 questioning stems',
        'followUp-0-school': choiceValue(done, 'followUp-0-school', 'Earlsdon'),
        'followUp-0-due': '2027-03-01',
      }),
    );
    expect(recorded.message).toBe('Recorded: R1 is done with follow-up actions A1.');
    expect(cardText(latestChannelCard(connector))).toContain('Outcome\nFluency teaching is consistent');
    expect(cardText(cardOf(await say(bot, '/actions', LEAD)))).toContain(
      'A1 · Share Year 5 questioning stems',
    );

    const list = cardText(cardOf(await say(bot, '/peerreview list', LEE_EVANS)));
    expect(list).toContain('**R1** Lesson study at Earlsdon');
    expect(list).toContain('Earlsdon\n1 · 0 · 1');
    expect(list).toContain('Allesley\n0 · 1 · 0');
    expect(list).toContain('Cannon Park\n0 · 1 · 0');
    expect(cardText(cardOf(await say(bot, '/agenda', LEE_EVANS)))).not.toContain('Peer review R1');
  });

  it('can be withdrawn by the requesting school, and then takes no volunteers', async () => {
    const { bot, connector } = await roots();
    await ask(bot, { type: 'audit', focus: 'SEND provision map', reviewers: '1' });
    const card = latestChannelCard(connector);
    expect((await say(bot, '/peerreview withdraw R1', REQUESTER))?.text).toBe('**R1** is withdrawn.');
    expect(invokeAnswer(await pressButton(bot, card, 'Volunteer', LEE_EVANS)).message).toBe(
      'Not done: R1 is withdrawn, so it takes no more volunteers.',
    );
    expect((await say(bot, '/peerreview schedule R1 14/01/2027', REQUESTER))?.text).toBe(
      'Sorry, R1 is withdrawn. Nothing was changed.',
    );
  });

  it('refuses pupil data in a volunteer, an outcome and a follow-up action', async () => {
    const { bot, connector } = await roots();
    await ask(bot, { type: 'audit', focus: 'SEND provision map', reviewers: '1' });
    const card = latestChannelCard(connector);
    expect(
      invokeAnswer(await pressButton(bot, card, 'Volunteer', LEE_EVANS, { colleague: `Parent of ${UPN}` }))
        .message,
    ).toBe(
      `Not done: the colleague's name contains a Unique Pupil Number (UPN): "${UPN}". Pupil data is shared only live in meetings and is never stored, so nothing was saved. Please take it out and try again.`,
    );
    await pressButton(bot, card, 'Volunteer', LEE_EVANS);
    await say(bot, '/peerreview accept R1 V1', REQUESTER);
    await say(bot, '/peerreview schedule R1 24/11/2026', REQUESTER);
    bot.clock.set('2026-11-25T10:00:00Z');
    const done = cardOf(await say(bot, '/peerreview done R1', REQUESTER));
    const refusals = [
      [{ summary: 'Met Sam (DOB 12/03/2015) in class' }, 'the summary contains a date of birth'],
      [
        {
          summary: 'Good',
          'followUp-0-title': `Check ${UPN}`,
          'followUp-0-school': choiceValue(done, 'followUp-0-school', 'Earlsdon'),
        },
        'follow-up action 1 contains a Unique Pupil Number',
      ],
    ] as const;
    for (const [edits, problem] of refusals) {
      const answer = invokeAnswer(await pressButton(bot, done, 'Record the outcome', REQUESTER, edits));
      expect(answer.message).toContain(problem);
    }
    expect(cardText(cardOf(await say(bot, '/peerreview show R1', REQUESTER)))).toContain(
      'Status: scheduled.',
    );
  });

  it('explains what a request needs', async () => {
    const { bot } = await roots();
    expect(await ask(bot, { focus: '', reviewers: '2' })).toBe(
      'Not done: say what the review should focus on (the enquiry question).',
    );
    expect(await ask(bot, { focus: 'Maths', reviewers: '9' })).toBe(
      'Not done: ask for between 1 and 6 reviewers.',
    );
    expect((await say(bot, '/peerreview accept R9', REQUESTER))?.text).toContain(
      'name the volunteer to accept, e.g. "/peerreview accept R2 V1"',
    );
  });
});
