import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { RsvpRepository } from '../../src/storage/rsvp-repository';
import { SlotLedgerRepository } from '../../src/storage/slot-ledger-repository';
import { type BotHarness, cardOf, cardText, secondInstance, startBotHarness } from '../support/bot-harness';
import { attachedCard, startConnectorRecorder } from '../support/connector-recorder';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  botAddedToPersonalChat,
  botAddedToTeam,
  CHANNEL_ID,
  cardAction,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  JO_SMITH,
  LEE_EVANS,
  type Person,
  personalConversationId,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
/** Cannon Park hosts (and so chairs) Autumn 2, Tue 17 Nov 2026, 13:30. */
const CHAIR = HEAD_OF_EARLSDON;
const EARLSDON_HEAD = JO_SMITH;
const ALLESLEY_HEAD = LEE_EVANS;
const STRANGER: Person = {
  id: '29:1Stranger00000000000000000000',
  name: 'Pat Jones',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000003',
};
const AUTUMN_2 = { clusterId: '', meetingId: '2026-27#2', meetingDate: '2026-11-17' };

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function rootsWithHeads() {
  const connector = await startConnectorRecorder();
  closers.push(connector.close);
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  const say = (text: string, from = LEAD) => bot.send(channelMessage(text, from));
  await bot.send({ ...botAddedToTeam(), serviceUrl: connector.serviceUrl });
  await say('/setup Roots');
  await say(`/school import Roots\n${COVENTRY_ROSTER}`);
  await say(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  await say('/join Cannon Park', CHAIR);
  await say('/join Earlsdon', EARLSDON_HEAD);
  await say('/join Allesley', ALLESLEY_HEAD);
  // Jo Smith has Clusterbot in a personal chat, so her reminder also arrives there.
  await bot.send({ ...botAddedToPersonalChat(EARLSDON_HEAD), serviceUrl: connector.serviceUrl });
  connector.requests.splice(0);
  const [rota] = await say('/rota ics');
  const actions = (cardOf(rota)?.actions ?? []) as Array<{ url?: string }>;
  const url = new URL(String(actions[0]?.url));
  const clusterId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  return { bot, connector, meeting: { ...AUTUMN_2, clusterId } };
}

function invokeCard(replies: Partial<Activity>[]) {
  const response = replies.find((r) => r.type === 'invokeResponse')?.value as {
    status: number;
    body: { type: string; value: Record<string, unknown> | string };
  };
  return response;
}

async function click(
  bot: BotHarness,
  person: Person,
  data: Record<string, unknown>,
  verb = 'rsvp',
  id?: string,
) {
  const activity = cardAction(verb, data, person, 'channel');
  return invokeCard(await bot.send(id ? { ...activity, id } : activity));
}

describe('week-before reminders and answers on the card', () => {
  it('posts the reminder a week before, and heads answer for their schools on it', async () => {
    const { bot, connector, meeting } = await rootsWithHeads();

    bot.clock.set('2026-11-10T09:02:00Z');
    const first = await bot.reminders.tick();
    expect(first.sent).toEqual(['2026-27#2|2026-11-17|reminder']);

    const posts = connector.requests.filter((r) => r.method === 'POST');
    const channelPost = posts.find((r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`);
    const card = attachedCard(channelPost);
    expect(cardText(card)).toContain("Roots heads' meeting · Tue 17 Nov 2026, 13:30–15:30");
    expect(cardText(card)).toContain('hosted and chaired by Cannon Park');
    expect(cardText(card)).toContain(
      'Answers so far: 0 of 17 schools represented · 0 apologies · 17 not answered.',
    );
    expect(channelPost?.body.text).toBe(
      'Please answer for your school on the card: <at>Priya Shah</at>, <at>Lee Evans</at>',
    );
    const personal = posts.find(
      (r) => r.path === `/v3/conversations/${personalConversationId(EARLSDON_HEAD)}/activities`,
    );
    expect(cardText(attachedCard(personal))).toContain('Your school (Earlsdon) has not answered yet.');

    expect((await bot.reminders.tick()).sent).toEqual([]);
    expect(connector.requests.filter((r) => r.method === 'POST')).toHaveLength(posts.length);

    const attending = await click(bot, CHAIR, { ...meeting, answer: 'attending' });
    expect(attending.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(attending.body.value)).toContain(
      'Your school (Cannon Park): attending. Answered by Priya Shah',
    );

    const apologies = await click(bot, EARLSDON_HEAD, {
      ...meeting,
      answer: 'apologies',
      reason: 'Ofsted inspection',
    });
    expect(cardText(apologies.body.value)).toContain('Your school (Earlsdon): apologies.');
    expect(cardText(apologies.body.value)).not.toContain('Ofsted inspection'); // reasons are for the chair

    await click(bot, ALLESLEY_HEAD, {
      ...meeting,
      answer: 'deputy',
      deputyName: 'Sam Okafor',
      deputyRole: 'Deputy head',
    });
    const stranger = await click(bot, STRANGER, { ...meeting, answer: 'attending' });
    expect(cardText(stranger.body.value)).toContain('You are not listed for a school in Roots');

    const chairView = await click(bot, CHAIR, meeting, 'rsvpRefresh');
    expect(cardText(chairView.body.value)).toContain('Attending: Cannon Park.');
    expect(cardText(chairView.body.value)).toContain('Deputies: Allesley (Sam Okafor, Deputy head).');
    expect(cardText(chairView.body.value)).toContain('Apologies: Earlsdon (Ofsted inspection).');
    expect(cardText(chairView.body.value)).toMatch(/No answer yet: Aldermoor Farm, .*Wyken Croft\./);

    const headView = await click(bot, EARLSDON_HEAD, meeting, 'rsvpRefresh');
    expect(cardText(headView.body.value)).not.toContain('Attending: Cannon Park.');
  });

  it('a head asks to bring a guest, the host approves, and the chair sees the guest in the tally', async () => {
    const { bot, connector, meeting } = await rootsWithHeads();
    const asked = await click(
      bot,
      ALLESLEY_HEAD,
      { ...meeting, guestName: 'Dr Ann Lee', guestRole: 'Educational psychologist' },
      'guestRequest',
    );
    expect(cardText(asked.body.value)).toContain(
      'Your request to bring Dr Ann Lee is with the host, Cannon Park, for approval.',
    );

    // Cannon Park's head has no personal chat with the bot: the approval card goes to the channel, mentioning her.
    const approvalPost = connector.requests.find(
      (r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`,
    );
    expect(approvalPost?.body.text).toBe('For the host to approve or decline: <at>Priya Shah</at>');
    const approvalCard = attachedCard(approvalPost) as {
      actions: Array<{ data: Record<string, unknown> }>;
    };
    expect(cardText(approvalCard)).toContain('Waiting for the host to approve or decline.');
    const approve = approvalCard.actions[0]?.data ?? {};

    const notHost = await click(bot, EARLSDON_HEAD, approve, 'guestDecision');
    expect(notHost.body.value).toBe(
      'Sorry, only the host school (Cannon Park) or a cluster lead can agree guests.',
    );

    const decided = await click(bot, CHAIR, approve, 'guestDecision');
    expect(cardText(decided.body.value)).toContain('Approved by Priya Shah');
    expect((decided.body.value as { actions?: unknown[] }).actions).toEqual([]);

    const chairView = await click(bot, CHAIR, meeting, 'rsvpRefresh');
    expect(cardText(chairView.body.value)).toContain(
      'Guests: Dr Ann Lee (Educational psychologist) with Allesley.',
    );
    const askerView = await click(bot, ALLESLEY_HEAD, meeting, 'rsvpRefresh');
    expect(cardText(askerView.body.value)).toContain('Guest Dr Ann Lee: approved.');
  });

  it('sends reminders at the time the cluster lead chose', async () => {
    const { bot } = await rootsWithHeads();
    const [reply] = await bot.send(channelMessage('/rota reminders 7.45'));
    expect(reply?.text).toContain('Reminders now go out at 07:45 (London time)');
    const [refused] = await bot.send(channelMessage('/rota reminders 08:00', CHAIR));
    expect(refused?.text).toBe('Sorry, only a cluster lead of Roots can do that. Nothing was changed.');
    bot.clock.set('2026-11-10T07:44:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([]);
    bot.clock.set('2026-11-10T07:46:00Z');
    expect((await bot.reminders.tick()).sent).toEqual(['2026-27#2|2026-11-17|reminder']);
  });

  it('stores one answer when Teams delivers the same click three times', async () => {
    const { bot, meeting } = await rootsWithHeads();
    const data = { ...meeting, answer: 'attending' };
    const responses = await Promise.all(
      [1, 2, 3].map(() => click(bot, CHAIR, data, 'rsvp', 'f:1763990000000-same-click')),
    );
    for (const response of responses) expect(response.status).toBe(200);

    const rows = await new RsvpRepository(bot.tables.table('clusters')).meeting(
      meeting.clusterId,
      meeting.meetingId,
    );
    const stored = rows.answers.map((a) => a.value);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.history.map((h) => h.key)).toEqual(['f:1763990000000-same-click']);
  });

  it('nudges schools that have not answered, then sends the chair a summary (counts only in the channel)', async () => {
    const { bot, connector, meeting } = await rootsWithHeads();
    bot.clock.set('2026-11-10T09:02:00Z');
    await bot.reminders.tick();
    await click(bot, EARLSDON_HEAD, { ...meeting, answer: 'apologies', reason: 'Ofsted inspection' });
    connector.requests.splice(0);

    bot.clock.set('2026-11-15T09:01:00Z');
    expect((await bot.reminders.tick()).sent).toEqual(['2026-27#2|2026-11-17|nudge']);
    const nudge = connector.requests.find((r) => r.method === 'POST');
    expect(String(nudge?.body.text)).toContain('We still need answers from Aldermoor Farm, Cannon Park,');
    expect(String(nudge?.body.text)).not.toContain('Earlsdon,');
    expect(nudge?.body.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ mentioned: { id: CHAIR.id, name: CHAIR.name } })]),
    );

    connector.requests.splice(0);
    bot.clock.set('2026-11-16T09:01:00Z');
    expect((await bot.reminders.tick()).sent).toEqual(['2026-27#2|2026-11-17|summary']);
    const summary = connector.requests.find((r) => r.method === 'POST');
    expect(String(summary?.body.text)).toContain('0 of 17 schools represented · 1 apology · 16 not answered');
    expect(String(summary?.body.text)).not.toContain('Ofsted');
  });

  it('answers a card whose meeting has moved or been cancelled with an updated card saying so', async () => {
    const { bot, meeting } = await rootsWithHeads();
    await bot.send(channelMessage('/rota move autumn 2 to 19/11/2026'));
    const stale = await click(bot, CHAIR, { ...meeting, answer: 'attending' });
    expect(cardText(stale.body.value)).toContain(
      'The Autumn 2 2026-27 meeting has moved to Thu 19 Nov 2026, 13:30. This card now shows the new date: please answer again.',
    );
    expect(JSON.stringify(stale.body.value)).toContain('"meetingDate":"2026-11-19"');
    const chairView = await click(bot, CHAIR, { ...meeting, meetingDate: '2026-11-19' }, 'rsvpRefresh');
    expect(cardText(chairView.body.value)).toContain('No answer yet: Aldermoor Farm, Cannon Park'); // the old click was not stored

    await bot.send(channelMessage('/rota skip autumn 2'));
    const cancelled = await click(bot, CHAIR, { ...meeting, meetingDate: '2026-11-19', answer: 'attending' });
    expect(cardText(cancelled.body.value)).toContain('The Autumn 2 2026-27 meeting has been cancelled.');
    expect((cancelled.body.value as { actions?: unknown[] }).actions).toEqual([]);
  });

  it('retries a reminder whose claim was left by a crashed instance, once its lease has run out', async () => {
    const { bot, connector, meeting } = await rootsWithHeads();
    const ledger = new SlotLedgerRepository(bot.tables.table('deliveries'));
    const slot = '2026-27#2|2026-11-17|reminder';
    await ledger.claim(
      meeting.clusterId,
      slot,
      'crashed-instance',
      new Date('2026-11-10T09:00:30Z'),
      10 * 60_000,
    );

    bot.clock.set('2026-11-10T09:05:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([]);
    bot.clock.set('2026-11-10T09:11:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([slot]);
    bot.clock.set('2026-11-10T09:16:00Z');
    expect((await bot.reminders.tick()).sent).toEqual([]);
    expect(
      connector.requests.filter((r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`),
    ).toHaveLength(1);
  });

  it('sends each reminder once when two instances run the same round', async () => {
    const { bot, connector } = await rootsWithHeads();
    const other = secondInstance(bot);
    bot.clock.set('2026-11-10T09:02:00Z');
    const [a, b] = await Promise.all([bot.reminders.tick(), other.tick()]);
    expect([...a.sent, ...b.sent]).toEqual(['2026-27#2|2026-11-17|reminder']);
    expect(
      connector.requests.filter((r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`),
    ).toHaveLength(1);
    expect(
      connector.requests.filter((r) => r.path.includes(personalConversationId(EARLSDON_HEAD))),
    ).toHaveLength(1);
  });

  it('catches up after downtime while the meeting is still ahead, and drops what is too late', async () => {
    const { bot, connector } = await rootsWithHeads();
    bot.clock.set('2026-11-16T10:00:00Z');
    const report = await bot.reminders.tick();
    expect(report.sent).toEqual(['2026-27#2|2026-11-17|reminder', '2026-27#2|2026-11-17|summary']);
    expect(report.dropped).toEqual(['2026-27#2|2026-11-17|nudge']);
    connector.requests.splice(0);
    bot.clock.set('2026-11-17T14:00:00Z');
    expect(await bot.reminders.tick()).toMatchObject({ sent: [], dropped: [] });
    expect(connector.requests).toEqual([]);
  });
});

describe("the README's way to try reminders", () => {
  it('gets a reminder for a meeting a week ahead within one round', async () => {
    const connector = await startConnectorRecorder();
    closers.push(connector.close);
    const bot = await startBotHarness('2026-11-23T05:00:00Z');
    const say = (text: string, from = LEAD) => bot.send(channelMessage(text, from));
    await bot.send({ ...botAddedToTeam(), serviceUrl: connector.serviceUrl });
    await say('/setup Roots; Monday of week 1, 13:30-15:30');
    await say(`/school import Roots\n${COVENTRY_ROSTER}`);
    const terms = TERM_DATES_CSV_2026_27.replace(
      'Autumn 1,03/09/2026,23/10/2026',
      'Autumn 1,03/09/2026,27/11/2026',
    ).replace('Autumn 2,02/11/2026,18/12/2026', 'Autumn 2,30/11/2026,18/12/2026');
    const [set] = await say(`/terms 2026-27\n${terms}`);
    expect(set?.text).toContain('are set: 6 meetings');
    await say('/join Cannon Park');
    await say('/rota reminders 00:01');

    expect((await bot.reminders.tick()).sent).toEqual(['2026-27#2|2026-11-30|reminder']);
    const post = connector.requests.find((r) => r.path === `/v3/conversations/${CHANNEL_ID}/activities`);
    expect(cardText(attachedCard(post))).toContain("Roots heads' meeting · Mon 30 Nov 2026, 13:30–15:30");
  });
});
