import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { type BotHarness, cardOf, startBotHarness } from '../support/bot-harness';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  cardAction,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  inTeam,
  JO_SMITH,
  LEE_EVANS,
  type Person,
} from '../support/teams-activities';

/**
 * Card data is written by the client, so a forged click can name any cluster. Cluster A's
 * people, pressing buttons in A's team or in their own chat with B's ids in the data, must
 * learn nothing of B and change nothing of it, whichever listener the verb belongs to.
 */
const LEAD = HEAD_OF_BROAD_HEATH;
const TEAM_A = '19:roots-team@thread.tacv2';
const TEAM_B = '19:compass-team@thread.tacv2';

const inA = (activity: Partial<Activity>) => inTeam(activity, TEAM_A);
const inB = (activity: Partial<Activity>) => inTeam(activity, TEAM_B);

async function setUp(bot: BotHarness, team: string, network: string, head: Person, school: string) {
  const say = (text: string, from: Person = LEAD) => bot.send(inTeam(channelMessage(text, from), team));
  await say(`/setup ${network}`);
  await say(`/school import ${network}\n${COVENTRY_ROSTER}`);
  await say(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  await say(`/join ${school}`, head);
  const [rota] = await say('/rota ics');
  const url = new URL(String((cardOf(rota)?.actions as Array<{ url: string }> | undefined)?.[0]?.url));
  return decodeURIComponent(url.pathname.split('/')[2] ?? '');
}

async function everyRow(bot: BotHarness): Promise<string> {
  const rows: string[] = [];
  for await (const row of bot.tables.table('clusters').listEntities()) rows.push(JSON.stringify(row));
  return rows.sort().join('\n');
}

const VERBS = [
  'rsvp',
  'rsvpRefresh',
  'guestRequest',
  'guestDecision',
  'minutesSave',
  'minutesPublish',
  'peerReviewVolunteer',
  'peerReviewDone',
];

describe('a forged card naming another cluster', () => {
  it('shows and changes nothing of that cluster, from its team or a personal chat, for every card listener', async () => {
    const bot = await startBotHarness('2026-11-10T09:00:00Z');
    await setUp(bot, TEAM_A, 'Roots', JO_SMITH, 'Earlsdon');
    const clusterB = await setUp(bot, TEAM_B, 'Compass', LEE_EVANS, 'Park Hill');
    const meeting = { meetingId: '2026-27#2', meetingDate: '2026-11-17' };
    // B's own head answers, so B has something to leak.
    await bot.send(
      inB(cardAction('rsvp', { clusterId: clusterB, ...meeting, answer: 'attending' }, LEE_EVANS, 'channel')),
    );
    const before = await everyRow(bot);
    expect(before).toContain('attending');

    for (const verb of VERBS) {
      const data = {
        clusterId: clusterB,
        ...meeting,
        answer: 'apologies',
        decision: 'approve',
        reviewId: 'R1',
        guestName: 'Sam Visitor',
        guestRole: 'Adviser',
        summary: 'Forged',
      };
      for (const forged of [
        inA(cardAction(verb, data, JO_SMITH, 'channel')),
        cardAction(verb, data, JO_SMITH, 'personal'),
      ]) {
        const replies = JSON.stringify(await bot.send(forged));
        expect(replies, verb).toContain('This card is for another cluster');
        expect(replies, verb).not.toMatch(/Compass|Park Hill|Lee Evans|attending/);
      }
    }
    expect(await everyRow(bot)).toBe(before);
  });

  it("still serves the cluster's own people, in its team and in their personal chat", async () => {
    const bot = await startBotHarness('2026-11-10T09:00:00Z');
    const clusterB = await setUp(bot, TEAM_B, 'Compass', LEE_EVANS, 'Park Hill');
    const meeting = { clusterId: clusterB, meetingId: '2026-27#2', meetingDate: '2026-11-17' };
    const inTeamB = JSON.stringify(
      await bot.send(inB(cardAction('rsvp', { ...meeting, answer: 'attending' }, LEE_EVANS, 'channel'))),
    );
    expect(inTeamB).not.toContain('another cluster');
    const personal = JSON.stringify(
      await bot.send(cardAction('rsvpRefresh', meeting, LEE_EVANS, 'personal')),
    );
    expect(personal).not.toContain('another cluster');
    expect(personal).toContain('Park Hill');
  });
});
