import { afterEach, describe, expect, it } from 'vitest';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { startBotHarness } from '../support/bot-harness';
import { startConnectorRecorder } from '../support/connector-recorder';
import { addFiveYearsOfHistory } from '../support/five-years-of-history';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import { countTableRequests } from '../support/table-requests';
import {
  botAddedToTeam,
  cardAction,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  JO_SMITH,
  TEAM_ID,
  TENANT_ID,
} from '../support/teams-activities';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function rootsCluster() {
  const connector = await startConnectorRecorder();
  closers.push(connector.close);
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  const say = (text: string, from = HEAD_OF_BROAD_HEATH) => bot.send(channelMessage(text, from));
  await bot.send({ ...botAddedToTeam(), serviceUrl: connector.serviceUrl });
  await say('/setup Roots');
  await say(`/school import Roots\n${COVENTRY_ROSTER}`);
  await say(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  await say('/join Cannon Park', HEAD_OF_EARLSDON);
  await say('/join Earlsdon', JO_SMITH);
  const links = new ClusterRepository(bot.tables.table('clusters'), bot.tables.table('clusterLinks'));
  const clusterId = (await links.findClusterId({ tenantId: TENANT_ID, placeKey: TEAM_ID })) ?? '';
  return { bot, say, clusterId, requests: countTableRequests(bot.tables) };
}

/** The table requests each kind of turn makes, in a cluster as it stands now. */
async function requestsPerTurn(cluster: Awaited<ReturnType<typeof rootsCluster>>) {
  const { bot, say, clusterId, requests } = cluster;
  const meeting = { clusterId, meetingId: '2026-27#2', meetingDate: '2026-11-17' };
  const counted = async (turn: () => Promise<unknown>) => {
    requests.reset();
    await turn();
    return requests.count;
  };
  return {
    rsvpClick: await counted(() =>
      bot.send(cardAction('rsvp', { ...meeting, answer: 'attending' }, JO_SMITH, 'channel')),
    ),
    cardRefresh: await counted(() => bot.send(cardAction('rsvpRefresh', meeting, JO_SMITH, 'channel'))),
    rota: await counted(() => say('/rota')),
    actions: await counted(() => say('/actions')),
  };
}

describe('what a turn costs in table requests', () => {
  it('is two for an answer on the reminder card (one read, one write) and two for a read command, however old the cluster', async () => {
    const cluster = await rootsCluster();
    const young = await requestsPerTurn(cluster);
    expect(young).toEqual({ rsvpClick: 2, cardRefresh: 1, rota: 2, actions: 2 });

    await addFiveYearsOfHistory(cluster.bot.tables, cluster.clusterId);
    expect(await requestsPerTurn(cluster)).toEqual(young);
  }, 60_000);

  it('reads a past year only when asked: the change log and older minutes stay out of the working set', async () => {
    const { bot, say, clusterId } = await rootsCluster();
    await addFiveYearsOfHistory(bot.tables, clusterId);
    const store = new ClusterRepository(
      bot.tables.table('clusters'),
      bot.tables.table('clusterLinks'),
      bot.clock,
    );
    const cluster = (await store.load(clusterId))?.value;
    // 2026-27 is this school year: the working set keeps its minutes and 2025-26's, no older.
    expect(
      cluster?.minutes
        .map((m) => m.meetingId.slice(0, 7))
        .sort()
        .at(0),
    ).toBe('2025-26');
    expect(await store.minutesOf(clusterId, '2021-22#1')).toMatchObject({ meetingId: '2021-22#1' });
    const [history] = await say('/rota history');
    expect(String(history?.text)).toContain('Changes to Roots');
  }, 60_000);
});
