import { TeamsAdapter } from '@microsoft/teams-ai';
import { afterEach, describe, expect, it } from 'vitest';
import { InstallationService } from '../../src/services/installation-service';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { TeamsMessenger } from '../../src/teams/proactive-messenger';
import { SendLimiter } from '../../src/teams/send-limiter';
import { TenantPacer } from '../../src/teams/tenant-pacer';
import { startConnectorRecorder } from '../support/connector-recorder';
import { fakeClock } from '../support/fake-clock';
import { BOT_ID, CHANNEL_ID, TEAM_ID, TENANT_ID } from '../support/teams-activities';
import { freshTableStorage } from '../support/test-tables';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const place = {
  tenantId: TENANT_ID,
  placeKey: TEAM_ID,
  conversationId: `${CHANNEL_ID};messageid=1763000000000`,
};
const message = { text: 'Reminder', summary: 'Roots meeting next week' };

async function setUp() {
  const connector = await startConnectorRecorder();
  closers.push(connector.close);
  const conversations = new ConversationRepository((await freshTableStorage()).table('conversations'));
  const installations = new InstallationService(conversations, fakeClock('2026-11-10T09:00:00Z'));
  const reference = (conversationId: string, type: string) => ({
    bot: { id: BOT_ID, name: 'Clusterbot' },
    conversation: { id: conversationId, conversationType: type, tenantId: TENANT_ID },
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
  });
  await installations.installed({
    tenantId: TENANT_ID,
    conversationId: TEAM_ID,
    scope: 'channel',
    teamId: TEAM_ID,
    reference: reference(TEAM_ID, 'channel'),
  });
  await installations.installed({
    tenantId: TENANT_ID,
    conversationId: 'a:1head',
    scope: 'personal',
    userId: '29:head',
    reference: reference('a:1head', 'personal'),
  });
  const sleeps: number[] = [];
  const messenger = new TeamsMessenger(
    new TeamsAdapter({}),
    '',
    conversations,
    installations,
    new TenantPacer(undefined, 'test-instance'),
    'own',
    async (ms) => {
      sleeps.push(ms);
    },
  );
  return { connector, conversations, messenger, sleeps };
}

describe('proactive sending through a local fake Bot Connector', () => {
  it("posts a new message in the cluster's channel", async () => {
    const { connector, messenger } = await setUp();
    expect(await messenger.postToCluster(place, message)).toEqual({
      ok: true,
      activityId: expect.stringMatching(/^reply-/),
    });
    expect(connector.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', `/v3/conversations/${CHANNEL_ID}/activities`],
    ]);
    expect(connector.requests[0]?.body).toMatchObject({
      type: 'message',
      text: 'Reminder',
      summary: 'Roots meeting next week',
    });
  });

  it('waits out a 429 with Retry-After and then delivers once', async () => {
    const { connector, messenger } = await setUp();
    connector.answerNext({ status: 429, headers: { 'Retry-After': '1' } });
    expect(await messenger.postToCluster(place, message)).toEqual({
      ok: true,
      activityId: expect.stringMatching(/^reply-/),
    });
    expect(connector.requests).toHaveLength(2);
  });

  it('backs off with jitter after a 429 without Retry-After, and retries 503s', async () => {
    const { connector, messenger, sleeps } = await setUp();
    connector.answerNext({ status: 429 }, { status: 503 }, { status: 503 });
    expect(await messenger.postToCluster(place, message)).toEqual({
      ok: true,
      activityId: expect.stringMatching(/^reply-/),
    });
    expect(connector.requests.filter((r) => r.method === 'POST').length).toBeGreaterThanOrEqual(4);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(60_000);
  });

  it('never retries a 403: the bot was removed, so the team is marked inactive', async () => {
    const { connector, messenger, conversations } = await setUp();
    connector.answerNext({ status: 403 });
    expect(await messenger.postToCluster(place, message)).toMatchObject({ ok: false, reason: 'gone' });
    expect(connector.requests).toHaveLength(1);
    expect((await conversations.find({ tenantId: TENANT_ID, conversationId: TEAM_ID }))?.value).toMatchObject(
      {
        status: 'inactive',
        deactivationReason: 'send-refused',
      },
    );
    expect(await messenger.postToCluster(place, message)).toMatchObject({ ok: false, reason: 'gone' });
    expect(connector.requests).toHaveLength(1);
  });

  it("never retries a 404 for a person: their chat is marked inactive and they aren't messaged again", async () => {
    const { connector, messenger } = await setUp();
    connector.answerNext({ status: 404 });
    expect(await messenger.sendToPerson(TENANT_ID, '29:head', message)).toMatchObject({
      ok: false,
      reason: 'gone',
    });
    expect(await messenger.sendToPerson(TENANT_ID, '29:head', message)).toBe('no-chat');
    expect(connector.requests).toHaveLength(1);
  });

  it('never messages someone the bot has no chat with', async () => {
    const { connector, messenger } = await setUp();
    expect(await messenger.sendToPerson(TENANT_ID, '29:stranger', message)).toBe('no-chat');
    expect(connector.requests).toEqual([]);
  });
});

describe('the send limiter', () => {
  it('holds a conversation to 7 messages a second and 60 in 30 seconds', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new SendLimiter(
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 61; i++) (await limiter.acquire('19:channel'))();
    // 7 go at once; the rest are spread so that no second holds more than 7 and no 30 s more than 60.
    expect(now).toBeGreaterThanOrEqual(30_000);
    expect(waits.length).toBeGreaterThan(0);
  });
});

describe('a message in flight', () => {
  it('counts as sent until Teams has answered it, then from the moment it answered', async () => {
    let now = 0;
    let answer: (() => void) | undefined;
    const limiter = new SendLimiter(
      () => now,
      async (ms) => {
        if (!answer) {
          now += ms;
          return;
        }
        now = 900; // Teams answers the first message at 900 ms
        answer();
        answer = undefined;
      },
    );
    const tenant = { key: 't:tenant', windows: [{ limit: 1, perMs: 1_000 }] };
    answer = await limiter.acquire('a', tenant);
    await limiter.acquire('b', tenant);
    // Counted from when it was answered: the next may go only after 1,900 ms, not 1,000.
    expect(now).toBeGreaterThan(1_900);
  });
});
