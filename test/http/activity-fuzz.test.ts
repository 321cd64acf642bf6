import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';
import { startConnectorRecorder } from '../support/connector-recorder';
import { botAddedToTeam, cardAction, channelMessage, personalMessage } from '../support/teams-activities';

/**
 * Thousands of odd activities through the real HTTP endpoint, as a clumsy client or a prober
 * would send them: valid Teams activities with fields removed, nulled or replaced by values of
 * the wrong type, unknown activity types and invoke names, card data with wrong verbs and ids.
 * Replies only ever go to the loopback recorder (serviceUrl is never a generated host).
 */
const SHAPES = [
  () => channelMessage('/help'),
  () => channelMessage('/rota swap autumn 1 and spring 2'),
  () => personalMessage('/actions'),
  () => botAddedToTeam(),
  () =>
    cardAction(
      'rsvp',
      { clusterId: 'C1', meetingId: '2026-27#1', answer: 'attending' },
      undefined,
      'channel',
    ),
  () => cardAction('minutes', { verb: 'publish', clusterId: 'C2' }),
  () => cardAction('noSuchVerb', {}),
];

const FIELDS = [
  'type',
  'id',
  'text',
  'name',
  'from',
  'recipient',
  'conversation',
  'channelData',
  'value',
  'entities',
  'attachments',
  'serviceUrl',
  'channelId',
  'membersAdded',
  'replyToId',
];

const oddValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'invoke',
    'message',
    'event',
    'typing',
    'conversationUpdate',
    'installationUpdate',
    'messageReaction',
  ),
  fc.constantFrom(
    'adaptiveCard/action',
    'composeExtension/query',
    'task/fetch',
    'signin/verifyState',
    'fileConsent/invoke',
    'config/fetch',
  ),
  fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('id', 'name', 'verb', 'data', 'action', 'tenantId', 'aadObjectId'),
    fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.integer()),
    { maxKeys: 4 },
  ),
  fc.record({
    action: fc.record({
      type: fc.constantFrom('Action.Execute', 'Action.Submit', 'x'),
      verb: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
      data: fc.object({ maxDepth: 2 }),
    }),
  }),
);

const mutation = fc.record({ field: fc.constantFrom(...FIELDS), value: oddValue, remove: fc.boolean() });
const oddActivity = fc.record({
  shape: fc.nat({ max: SHAPES.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

describe('odd activities through the HTTP endpoint', () => {
  let bot: RunningClusterbot;
  let connector: Awaited<ReturnType<typeof startConnectorRecorder>>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    connector = await startConnectorRecorder();
    const config = loadConfig({
      TABLES_CONNECTION_STRING: inject('tablesConnectionString'),
      TABLE_PREFIX: `Fuzz${randomBytes(5).toString('hex')}`,
      SCHEDULER_CRON: 'off',
    });
    bot = await startClusterbot({ ...config, port: 0, host: '127.0.0.1' }, createLogger('silent'));
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await bot?.stop();
    await connector?.close();
  });

  it('never answers 5xx, leaves no promise unhandled, and /help still answers', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(oddActivity, async ({ shape, mutations }) => {
        const activity: Record<string, unknown> = {
          ...(SHAPES[shape]?.() ?? {}),
          serviceUrl: connector.serviceUrl,
        };
        for (const { field, value, remove } of mutations) {
          if (remove) delete activity[field];
          // A generated serviceUrl would send replies to arbitrary hosts: keep it on loopback.
          else if (field === 'serviceUrl')
            activity[field] = typeof value === 'string' ? 'not an address' : value;
          else activity[field] = value;
        }
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        return response.status < 500;
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(500);
    // Both kinds were generated: activities the bot handled and ones it refused at the edge.
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(statuses.get(400)).toBeGreaterThan(50);

    const help = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...channelMessage('/help'), serviceUrl: connector.serviceUrl }),
    });
    expect(help.status).toBe(200);
  }, 90_000);
});
