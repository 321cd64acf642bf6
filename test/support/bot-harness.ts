import { TeamsAdapter } from '@microsoft/teams-ai';
import { type Activity, INVOKE_RESPONSE_KEY, TestAdapter } from 'botbuilder';
import { type CompositionSettings, composeClusterbot } from '../../src/compose-clusterbot';
import { createLogger } from '../../src/logging/logger';
import type { BoardOverviewService } from '../../src/services/board-overview-service';
import type { BoardService } from '../../src/services/board-service';
import type { MinutesService } from '../../src/services/minutes-service';
import type { PrivacyExportService } from '../../src/services/privacy-export-service';
import type { ReminderJob } from '../../src/services/reminder-job';
import type { RetentionJob } from '../../src/services/retention-job';
import type { RotaService } from '../../src/services/rota-service';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import type { TableStorage } from '../../src/storage/table-storage';
import { createClusterbot } from '../../src/teams/clusterbot';
import { teamsMessengerFactory } from '../../src/teams/proactive-messenger';
import { fakeClock } from './fake-clock';
import { channelMessage, HEAD_OF_BROAD_HEATH, type Person } from './teams-activities';
import { freshTableStorage } from './test-tables';

/**
 * The real Clusterbot Application, real services and real Table storage (Azurite), driven through
 * botbuilder's TestAdapter with Teams-shaped activities. Replies are collected for assertions.
 */
export const TEST_LINK_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface BotHarness {
  tables: TableStorage;
  conversations: ConversationRepository;
  clock: ReturnType<typeof fakeClock>;
  rota: RotaService;
  minutes: MinutesService;
  boards: BoardService;
  boardOverviews: BoardOverviewService;
  privacyExports: PrivacyExportService;
  /** The nightly retention run, to run by hand in tests. */
  retention: RetentionJob;
  /** The scheduled reminder round, to run by hand in tests. */
  reminders: ReminderJob;
  /** Sends one activity and returns everything the bot sent back during that turn. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Posts the bot has edited in place (updateActivity), since the harness started. */
  updatedPosts: Partial<Activity>[];
}

export async function startBotHarness(
  now = '2026-11-23T09:00:00Z',
  logger = createLogger('silent'),
  extra: Pick<CompositionSettings, 'publishedData' | 'answerFileWithinMs'> = {},
): Promise<BotHarness> {
  const tables = await freshTableStorage();
  const clock = fakeClock(now);
  const conversations = new ConversationRepository(tables.table('conversations'));
  const { rota, reminders, retention, ...dependencies } = composeClusterbot({
    tables,
    clock,
    logger,
    publicBaseUrl: () => 'http://localhost:3978',
    linkSigningSecret: TEST_LINK_SECRET,
    instanceId: 'test-instance',
    ...extra,
    createMessenger: teamsMessengerFactory(new TeamsAdapter({}), '', { sleep: async () => {} }),
  });
  const bot = createClusterbot(dependencies);
  const adapter = new TestAdapter((context) => bot.runTurn(context), { channelId: 'msteams' });
  // As CloudAdapter does: an invoke response sent during the turn is the turn's answer, so
  // teams-ai does not add one of its own (nor edit the shared post) after a listener answered.
  const sendActivities = adapter.sendActivities.bind(adapter);
  adapter.sendActivities = (context, activities) => {
    for (const activity of activities)
      if (activity.type === 'invokeResponse') context.turnState.set(INVOKE_RESPONSE_KEY, activity);
    return sendActivities(context, activities);
  };
  const updatedPosts: Partial<Activity>[] = [];
  const updateActivity = adapter.updateActivity.bind(adapter);
  adapter.updateActivity = (context, activity) => {
    updatedPosts.push(activity);
    return updateActivity(context, activity);
  };
  return {
    updatedPosts,
    tables,
    conversations,
    clock,
    rota,
    minutes: dependencies.minutes,
    boards: dependencies.boards,
    boardOverviews: dependencies.boardOverviews,
    privacyExports: dependencies.privacyExports,
    retention,
    reminders,
    async send(activity) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(activity);
      return adapter.activeQueue.splice(0);
    },
  };
}

/** The Adaptive Card attached to a reply, if any. */
export function cardOf(reply: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = reply?.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  return attachment?.content as Record<string, unknown> | undefined;
}

/** All the visible text of a card (TextBlocks and facts), for readable assertions. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) {
        if (typeof record[key] === 'string') texts.push(record[key] as string);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return texts.join('\n');
}

/** Another bot instance on the same storage and clock (as when several instances run). */
export function secondInstance(bot: BotHarness): ReminderJob {
  return secondComposition(bot).reminders;
}

/** The nightly retention run of another instance on the same storage and clock. */
export function secondRetention(bot: BotHarness): RetentionJob {
  return secondComposition(bot).retention;
}

function secondComposition(bot: BotHarness) {
  return composeClusterbot({
    tables: bot.tables,
    clock: bot.clock,
    logger: createLogger('silent'),
    publicBaseUrl: () => 'http://localhost:3978',
    linkSigningSecret: TEST_LINK_SECRET,
    instanceId: 'second-instance',
    createMessenger: teamsMessengerFactory(new TeamsAdapter({}), '', { sleep: async () => {} }),
  });
}

/** Sends a channel message mentioning the bot, and returns its first reply. */
export async function say(bot: BotHarness, text: string, from: Person = HEAD_OF_BROAD_HEATH) {
  const [reply] = await bot.send(channelMessage(text, from));
  return reply;
}
