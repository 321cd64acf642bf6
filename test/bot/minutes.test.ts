import { describe, expect, it } from 'vitest';
import { minutesDownload } from '../../src/http/signed-downloads';
import { cardOf, cardText, TEST_LINK_SECRET } from '../support/bot-harness';
import { choiceValue, inputIdLabelled, inputValues, invokeAnswer, pressButton } from '../support/card-inputs';
import { attachedCard } from '../support/connector-recorder';
import { LEAD, rootsCluster, say } from '../support/roots-cluster';
import {
  botAddedToPersonalChat,
  CHANNEL_ID,
  cardAction,
  HEAD_OF_EARLSDON,
  JO_SMITH,
  LEE_EVANS,
  type Person,
  personalConversationId,
} from '../support/teams-activities';

/** Autumn 2 (Tue 17 Nov 2026, 13:30) is hosted by Cannon Park; Aldermoor Farm takes the minutes. */
const CHAIR: Person = HEAD_OF_EARLSDON;
const MINUTE_TAKER: Person = {
  id: '29:1AldermoorHead00000000000000',
  name: 'Chris Dunn',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000021',
};
const ALLESLEY_HEAD = LEE_EVANS;
const EARLSDON_HEAD = JO_SMITH;
const AUTUMN_2 = { meetingId: '2026-27#2', meetingDate: '2026-11-17' };
/** A valid Unique Pupil Number (check letter B): pupil data that must never be stored. */
const UPN = 'B801200005001';

/**
 * Roots before Autumn 2: an agenda published by the chair, Allesley's apologies and Earlsdon's
 * deputy recorded from the reminder card; then the clock moves to the Monday after the meeting.
 */
async function afterAutumn2() {
  const { bot, connector } = await rootsCluster('2026-11-02T08:00:00Z', [
    [CHAIR, 'Cannon Park'],
    [MINUTE_TAKER, 'Aldermoor Farm'],
    [ALLESLEY_HEAD, 'Allesley'],
    [EARLSDON_HEAD, 'Earlsdon'],
  ]);
  await say(bot, '/agenda add Year 6 writing moderation', ALLESLEY_HEAD);
  await say(bot, '/agenda accept P1', CHAIR);
  await say(bot, '/agenda publish', CHAIR);
  const link = new URL(
    String((cardOf(await say(bot, '/rota ics')) as { actions: Array<{ url: string }> }).actions[0]?.url),
  );
  const clusterId = decodeURIComponent(link.pathname.split('/')[2] ?? '');
  bot.clock.set('2026-11-10T09:01:00Z');
  const rsvp = (from: Person, answer: Record<string, string>) =>
    bot.send(cardAction('rsvp', { clusterId, ...AUTUMN_2, ...answer }, from, 'channel'));
  await rsvp(ALLESLEY_HEAD, { answer: 'apologies', reason: 'Ofsted inspection' });
  await rsvp(EARLSDON_HEAD, { answer: 'deputy', deputyName: 'Sam Lee', deputyRole: 'deputy head' });
  await rsvp(CHAIR, { answer: 'attending' });
  bot.clock.set('2026-11-23T10:00:00Z');
  connector.requests.splice(0);
  return { bot, connector, clusterId };
}

const channelPosts = (connector: Awaited<ReturnType<typeof afterAutumn2>>['connector']) =>
  connector.requests.filter((r) => r.path.startsWith(`/v3/conversations/${CHANNEL_ID}/activities`));

describe('writing the minutes', () => {
  it('opens pre-filled from the answers, saves a draft, refuses a UPN without losing the text, and publishes with two actions', async () => {
    const { bot, connector, clusterId } = await afterAutumn2();

    expect((await say(bot, '/minutes', ALLESLEY_HEAD))?.text).toBe(
      'The minutes of the Autumn 2 2026-27 meeting (Tue 17 Nov 2026, 13:30) are not published yet. Aldermoor Farm takes them; they will appear in the channel.',
    );

    const card = cardOf(await say(bot, '/minutes', MINUTE_TAKER));
    const text = cardText(card);
    expect(text).toContain('Minutes: Roots, Autumn 2 2026-27 meeting');
    expect(text).toContain('Tue 17 Nov 2026, 13:30, chaired by Cannon Park; minutes by Aldermoor Farm.');
    expect(
      inputIdLabelled(
        card,
        "3. Performance review: last year's results against the targets set, school by school and for the cluster (/targets and /performance show the table)",
      ),
    ).toBe('note-2');
    expect(inputIdLabelled(card, '4. Year 6 writing moderation')).toBe('note-3');
    const values = inputValues(card);
    const mark = (school: string) => values[inputIdLabelled(card, school)];
    expect(mark('Cannon Park')).toBe('present');
    expect(mark('Allesley')).toBe('apologies');
    expect(mark('Earlsdon')).toBe('deputy');
    expect(values[inputIdLabelled(card, 'Earlsdon').replace('mark-', 'deputy-')]).toBe(
      'Sam Lee, deputy head',
    );
    expect(mark('Whoberley')).toBe('absent');
    expect(JSON.stringify(card)).not.toContain('Ofsted'); // apology reasons are the chair's only

    const notOurs = invokeAnswer(await pressButton(bot, card, 'Publish', ALLESLEY_HEAD));
    expect(notOurs.message).toBe(
      'Sorry, only the minute-taker, the chair of that meeting or a cluster lead can write its minutes. Nothing was changed.',
    );

    const saved = invokeAnswer(
      await pressButton(bot, card, 'Save draft', MINUTE_TAKER, {
        'note-0': 'Welcomed Sam Lee, deputising for Earlsdon.',
        [inputIdLabelled(card, 'Whoberley')]: 'apologies',
        decisions: 'Adopt the shared moderation calendar\nMeet at Earlsdon in January',
      }),
    );
    expect(cardText(saved.card)).toContain('Draft saved. Type /minutes to come back to it.');

    const upn = `Discussed pupil ${UPN}'s writing`;
    const refused = invokeAnswer(
      await pressButton(bot, saved.card, 'Publish', MINUTE_TAKER, { 'note-2': upn }),
    );
    expect(cardText(refused.card)).toContain(
      `Nothing was saved: the note on item 3 contains a Unique Pupil Number (UPN): "${UPN}"`,
    );
    expect(inputValues(refused.card)['note-2']).toBe(upn); // what they typed is still there
    expect(channelPosts(connector)).toHaveLength(0);

    const reopened = cardOf(await say(bot, '/minutes', MINUTE_TAKER));
    expect(inputValues(reopened)['note-0']).toBe('Welcomed Sam Lee, deputising for Earlsdon.');
    expect(inputValues(reopened)['note-2']).toBe('');
    expect(inputValues(reopened).decisions).toBe(
      'Adopt the shared moderation calendar\nMeet at Earlsdon in January',
    );
    expect(inputValues(reopened)[inputIdLabelled(reopened, 'Whoberley')]).toBe('apologies');

    const published = invokeAnswer(
      await pressButton(bot, reopened, 'Publish', MINUTE_TAKER, {
        'note-2': 'Agreed a joint moderation session in the spring.',
        'action-0-title': 'Share the moderation timetable',
        'action-0-school': choiceValue(reopened, 'action-0-school', 'Earlsdon'),
        'action-0-owner': choiceValue(reopened, 'action-0-owner', 'Jo Smith (Earlsdon)'),
        'action-1-title': 'Book the spring venue',
        'action-1-school': choiceValue(reopened, 'action-1-school', 'Cannon Park'),
        'action-1-due': '2026-12-11',
      }),
    );
    expect(cardText(published.card)).toContain(
      'Published: the minutes are in the channel and their actions are on /actions.',
    );
    const [post] = channelPosts(connector);
    const posted = cardText(attachedCard(post));
    expect(posted).toContain('Apologies\nAllesley; Whoberley');
    expect(posted).toContain('Deputies\nSam Lee, deputy head for Earlsdon');
    expect(posted).toContain('Agreed a joint moderation session in the spring.');
    expect(posted).toContain('Adopt the shared moderation calendar');
    expect(posted).toContain('A1: Share the moderation timetable (Earlsdon, Jo Smith; due Tue 19 Jan 2027)');
    expect(posted).toContain('A2: Book the spring venue (Cannon Park; due Fri 11 Dec 2026)');
    expect(posted).not.toContain('Ofsted');

    const actions = cardText(cardOf(await say(bot, '/actions', LEAD)));
    expect(actions).toContain('0 overdue · 2 open · 0 in progress · 0 done · 0 dropped');
    expect(actions).toContain('A1 · Share the moderation timetable');
    expect(actions).toContain('A2 · Book the spring venue');
    expect((await say(bot, '/action A1 done', EARLSDON_HEAD))?.text).toBe(
      '**A1** is now done (updated by Jo Smith).',
    );
    expect(cardText(cardOf(await say(bot, '/actions', LEAD)))).toContain(
      '0 overdue · 1 open · 0 in progress · 1 done · 0 dropped',
    );

    // Anyone in the cluster reads the published minutes, with links to print or forward them.
    const readerCard = cardOf(await say(bot, '/minutes', ALLESLEY_HEAD)) as {
      actions: Array<{ url: string }>;
    };
    expect(cardText(readerCard)).toContain('Published by Chris Dunn, Mon 23 Nov 2026, 10:00.');
    const printable = new URL(String(readerCard.actions[0]?.url));
    const download = minutesDownload(bot.minutes, TEST_LINK_SECRET, bot.clock);
    const params = [
      printable.searchParams.get('expires') ?? '',
      printable.searchParams.get('sig') ?? '',
    ] as const;
    const html = await download(clusterId, AUTUMN_2.meetingId, 'html', ...params);
    if (html.status !== 200) throw new Error(html.message);
    expect(html.filename).toBe('Roots-Autumn-2-2026-27-meeting-minutes.html');
    expect(html.body).toContain('<h1>Minutes: Roots, Autumn 2 2026-27 meeting</h1>');
    expect(html.body).toContain('<dt>Apologies</dt><dd>Allesley; Whoberley</dd>');
    expect(html.body).toContain('<li>A2: Book the spring venue (Cannon Park; due Fri 11 Dec 2026)</li>');
    const markdown = await download(clusterId, AUTUMN_2.meetingId, 'md', ...params);
    if (markdown.status !== 200) throw new Error(markdown.message);
    expect(markdown.body).toContain(
      '## Decisions\n\n- Adopt the shared moderation calendar\n- Meet at Earlsdon in January',
    );
    const forged = await download(clusterId, '2026-27#1', 'html', ...params);
    expect(forged).toMatchObject({ status: 403 });

    // Forwarded to governors, it still opens next term; a lead can withdraw every link sent so far.
    bot.clock.set('2027-04-20T10:00:00Z');
    expect((await download(clusterId, AUTUMN_2.meetingId, 'html', ...params)).status).toBe(200);
    expect((await say(bot, '/minutes withdraw links', CHAIR))?.text).toContain('only a cluster lead');
    expect((await say(bot, '/minutes withdraw links', LEAD))?.text).toContain(
      'Every minutes link sent so far no longer opens',
    );
    expect(await download(clusterId, AUTUMN_2.meetingId, 'html', ...params)).toMatchObject({
      status: 410,
      message: expect.stringContaining('A cluster lead has withdrawn this link'),
    });
  });

  it('publishing corrections updates the post in the channel and keeps the actions already made', async () => {
    const { bot, connector } = await afterAutumn2();
    const card = cardOf(await say(bot, '/minutes', CHAIR)); // the chair may write them too
    const first = invokeAnswer(
      await pressButton(bot, card, 'Publish', CHAIR, {
        'action-0-title': 'Share the moderation timetable',
        'action-0-school': choiceValue(card, 'action-0-school', 'Earlsdon'),
      }),
    );
    expect(cardText(first.card)).toContain(
      'A1: Share the moderation timetable (Earlsdon; due Tue 19 Jan 2027)',
    );
    expect(JSON.stringify(first.card)).not.toContain('Save draft');
    const corrected = invokeAnswer(
      await pressButton(bot, first.card, 'Publish corrections', CHAIR, {
        'note-0': 'Correction: Sam Lee sent apologies too.',
      }),
    );
    expect(cardText(corrected.card)).toContain(
      'Corrections published: the minutes in the channel have been updated.',
    );
    const posts = channelPosts(connector);
    expect(posts.map((p) => p.method)).toEqual(['POST', 'PUT']);
    expect(cardText(attachedCard(posts[1]))).toContain('Correction: Sam Lee sent apologies too.');
    expect(cardText(cardOf(await say(bot, '/actions', LEAD)))).toContain('1 open');
  });

  it("sends the minutes to the writer's personal chat when asked in the channel", async () => {
    const { bot, connector } = await afterAutumn2();
    await bot.send({ ...botAddedToPersonalChat(MINUTE_TAKER), serviceUrl: connector.serviceUrl });
    expect((await say(bot, '/minutes', MINUTE_TAKER))?.text).toBe(
      "I've sent you the minutes of the Autumn 2 2026-27 meeting in our personal chat: write them there, save a draft, and publish when they're ready.",
    );
    const preview = connector.requests.find(
      (r) => r.path === `/v3/conversations/${personalConversationId(MINUTE_TAKER)}/activities`,
    );
    const card = attachedCard(preview);
    const saved = invokeAnswer(
      await pressButton(bot, card, 'Save draft', MINUTE_TAKER, { 'note-0': 'Apologies noted.' }, 'personal'),
    );
    expect(cardText(saved.card)).toContain('Draft saved.');
  });

  it('before any meeting has happened there is nothing to minute', async () => {
    const { bot } = await rootsCluster('2026-09-07T08:00:00Z', [[MINUTE_TAKER, 'Aldermoor Farm']]);
    expect((await say(bot, '/minutes', MINUTE_TAKER))?.text).toBe(
      'Sorry, no meeting has taken place yet, so there are no minutes to write. Nothing was changed.',
    );
  });
});
