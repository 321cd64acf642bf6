import { ALL_COMMANDS } from './commands/all-commands';
import { CommandRegistry } from './commands/command-registry';
import type { Clock } from './domain/clock';
import type { Logger } from './logging/logger';
import { clusterAccessPolicy } from './services/access-policy';
import { ActionService } from './services/action-service';
import { AgendaService } from './services/agenda-service';
import { BoardService } from './services/board-service';
import { CalendarService } from './services/calendar-service';
import { CardAccessService } from './services/card-access-service';
import { ClusterSetupService } from './services/cluster-setup-service';
import { ClusterWorkspace } from './services/cluster-workspace';
import { InstallationService } from './services/installation-service';
import { MinutesService } from './services/minutes-service';
import { PeerReviewService } from './services/peer-review-service';
import type { ConversationStore, Messenger } from './services/ports';
import { ReminderJob } from './services/reminder-job';
import { RotaService } from './services/rota-service';
import { RsvpService } from './services/rsvp-service';
import { SchoolService } from './services/school-service';
import { boardCsvLink, minutesLinks, rotaLink } from './services/signed-links';
import { BoardRepository } from './storage/board-repository';
import { ClusterRepository } from './storage/cluster-repository';
import { ConversationRepository } from './storage/conversation-repository';
import { RsvpRepository } from './storage/rsvp-repository';
import { SlotLedgerRepository } from './storage/slot-ledger-repository';
import type { TableStorage } from './storage/table-storage';
import type { BotDependencies } from './teams/bot-dependencies';

export interface CompositionSettings {
  tables: TableStorage;
  clock: Clock;
  logger: Logger;
  /** Read when a link is made, so it can be the address the server ended up listening on. */
  publicBaseUrl: () => string;
  linkSigningSecret: string;
  /**
   * Who this instance is when it claims scheduled sends: the same after a restart (so it resumes
   * its own claims at once), different for every instance sharing the storage.
   */
  instanceId: string;
  /** Proactive sending (reminders), made by the chat edge from the stored conversations. */
  createMessenger: (conversations: ConversationStore, installations: InstallationService) => Messenger;
}

/**
 * Builds the services, the command registry and the bot's dependencies from storage and a clock.
 * The server and the bot tests both use this, so tests run exactly what production runs.
 */
export function composeClusterbot(settings: CompositionSettings): BotDependencies & {
  rota: RotaService;
  workspace: ClusterWorkspace;
  reminders: ReminderJob;
  boards: BoardService;
} {
  const { tables, clock, logger } = settings;
  const conversations = new ConversationRepository(tables.table('conversations'));
  const installations = new InstallationService(conversations, clock);
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
    clock,
  );
  const rota = new RotaService(workspace);
  const messenger = settings.createMessenger(conversations, installations);
  const rsvpStore = new RsvpRepository(tables.table('clusters'));
  const rsvp = new RsvpService(workspace, rsvpStore);
  const minutes = new MinutesService(
    workspace,
    rsvp,
    (clusterId, meetingId) =>
      minutesLinks(settings.publicBaseUrl(), settings.linkSigningSecret, clusterId, meetingId, clock()),
    messenger,
  );
  const peerReviews = new PeerReviewService(workspace, messenger);
  const boards = new BoardService(
    new BoardRepository(tables.table('boards')),
    workspace.store,
    rsvpStore,
    clock,
    (clusterId, meetingId) =>
      minutesLinks(settings.publicBaseUrl(), settings.linkSigningSecret, clusterId, meetingId, clock()).html,
    messenger,
  );
  const commands = new CommandRegistry(ALL_COMMANDS, clusterAccessPolicy(workspace), {
    setup: new ClusterSetupService(workspace),
    schools: new SchoolService(workspace),
    calendar: new CalendarService(workspace),
    rota,
    actions: new ActionService(workspace),
    agenda: new AgendaService(workspace, messenger),
    minutes,
    peerReviews,
    boards,
    boardCsvLink: (boardId) =>
      boardCsvLink(settings.publicBaseUrl(), settings.linkSigningSecret, boardId, clock()),
    rotaLink: (clusterId) =>
      rotaLink(settings.publicBaseUrl(), settings.linkSigningSecret, clusterId, clock()),
    clock,
    sendPrivately: async (tenantId, userId, message) => {
      const sent = await messenger.sendToPerson(tenantId, userId, message);
      return sent !== 'no-chat' && sent.ok;
    },
  });
  const reminders = new ReminderJob({
    store: workspace.store,
    ledger: new SlotLedgerRepository(tables.table('deliveries')),
    rsvp,
    messenger,
    clock,
    instance: settings.instanceId,
    log: (level, fields, message) => logger[level](fields, message),
  });
  return {
    commands,
    installations,
    cardAccess: new CardAccessService(workspace.store),
    rsvp,
    minutes,
    peerReviews,
    boards,
    messenger,
    clock,
    logger,
    rota,
    workspace,
    reminders,
  };
}
