import { clusterAccessPolicy } from './commands/access-policy';
import { ALL_COMMANDS } from './commands/all-commands';
import { AttachedFileImports } from './commands/attached-file-imports';
import { CommandRegistry } from './commands/command-registry';
import { FileImports } from './commands/file-imports';
import { composeStores } from './compose-stores';
import { uploadReceiver } from './compose-uploads';
import type { CompositionSettings } from './composition-settings';
import type { UploadTarget } from './domain/imports/file-upload';
import { DEFAULT_RETENTION } from './domain/privacy/retention';
import type { UploadRun } from './http/file-uploads';
import { boardCsvLink, exportLinks, minutesLinks, rotaLink, uploadLink } from './http/signed-links';
import { MessengerNotices } from './notices/cluster-notices';
import { ActionService } from './services/action-service';
import { AgendaService } from './services/agenda-service';
import { BoardOverviewService } from './services/board-overview-service';
import { BoardPerformanceService } from './services/board-performance-service';
import { BoardService } from './services/board-service';
import { CalendarService } from './services/calendar-service';
import { CardAccessService } from './services/card-access-service';
import { ClusterSetupService } from './services/cluster-setup-service';
import { ClusterWorkspace } from './services/cluster-workspace';
import { ErasureService } from './services/erasure-service';
import { FileUploadService } from './services/file-upload-service';
import { GuestService } from './services/guest-service';
import { InstallationService } from './services/installation-service';
import { clustersLinking } from './services/linked-clusters';
import { MeetingPlanService } from './services/meeting-plan-service';
import { MinutesPublishing } from './services/minutes-publishing';
import { MinutesService } from './services/minutes-service';
import { PeerReviewDecisions } from './services/peer-review-decisions';
import { PeerReviewService } from './services/peer-review-service';
import { PerformanceEntryService } from './services/performance-entry-service';
import { PerformanceImportService } from './services/performance-import-service';
import { PerformanceService } from './services/performance-service';
import { PrivacyExportService } from './services/privacy-export-service';
import { ReminderJob } from './services/reminder-job';
import { RetentionJob } from './services/retention-job';
import { RosterImportService } from './services/roster-import-service';
import { RotaService } from './services/rota-service';
import { RsvpService } from './services/rsvp-service';
import { SchoolService } from './services/school-service';
import { TargetsService } from './services/targets-service';
import type { BotDependencies } from './teams/bot-dependencies';
import type { OutgoingMessage } from './views/outgoing-message';

export type { CompositionSettings };

/** Well inside the 15 s Teams gives a message turn, leaving room for the reply itself. */
const ANSWER_FILE_WITHIN_MS = 8_000;

/**
 * Builds the services, the command registry and the bot's dependencies from storage and a clock.
 * The server and the bot tests both use this, so tests run exactly what production runs.
 */
export function composeClusterbot(settings: CompositionSettings): BotDependencies & {
  rota: RotaService;
  workspace: ClusterWorkspace;
  reminders: ReminderJob;
  boards: BoardService;
  boardOverviews: BoardOverviewService;
  privacyExports: PrivacyExportService;
  retention: RetentionJob;
  receiveUpload: UploadRun;
  uploadClusterName: (target: UploadTarget) => Promise<string | undefined>;
} {
  const { tables, clock, logger } = settings;
  const stores = composeStores(tables, clock);
  const { conversations, personalData, ledger } = stores;
  const installations = new InstallationService(conversations, clock);
  const workspace = new ClusterWorkspace(stores.clusters, clock);
  const rota = new RotaService(workspace);
  // People's own actions and the scheduled round are paced differently within the tenant's limit.
  const messenger = settings.createMessenger(conversations, installations, 'own');
  const linksToMinutes = (clusterId: string, meetingId: string) =>
    minutesLinks(settings.publicBaseUrl(), settings.linkSigningSecret, clusterId, meetingId, clock());
  const notices = new MessengerNotices(messenger, linksToMinutes, clock);
  const rsvpStore = stores.rsvps;
  const rsvp = new RsvpService(workspace, rsvpStore);
  const guests = new GuestService(workspace, rsvpStore, notices);
  const minutes = new MinutesService(workspace, rsvp, linksToMinutes);
  const minutesPublishing = new MinutesPublishing(workspace, notices);
  const peerReviews = new PeerReviewService(workspace, notices);
  const peerReviewDecisions = new PeerReviewDecisions(workspace, notices);
  const boardStore = stores.boards;
  const minutesPage = (clusterId: string, meetingId: string) => linksToMinutes(clusterId, meetingId).html;
  const boards = new BoardService(boardStore, workspace.store, clock, minutesPage, notices);
  const boardOverviews = new BoardOverviewService(boardStore, workspace.store, rsvpStore, clock, minutesPage);
  const privacyExports = new PrivacyExportService(workspace, personalData);
  const erasures = new ErasureService(workspace, personalData);
  const retention = new RetentionJob({
    workspace,
    data: personalData,
    ledger,
    rules: settings.retention ?? DEFAULT_RETENTION,
    clock,
    instance: settings.instanceId,
  });
  const performanceStore = stores.performance;
  const performance = new PerformanceService(workspace, performanceStore);
  const performanceEntry = new PerformanceEntryService(workspace, performanceStore);
  const targets = new TargetsService(workspace, performanceStore, performance);
  const performanceImport = new PerformanceImportService(workspace, performanceStore, settings.publishedData);
  const uploads = new FileUploadService(workspace);
  const clustersOf = (tenantId: string, userId: string) => clustersLinking(workspace.store, tenantId, userId);
  const sendPrivately = async (tenantId: string, userId: string, message: OutgoingMessage) => {
    const sent = await messenger.sendToPerson(tenantId, userId, message);
    return sent !== 'no-chat' && sent.ok;
  };
  const commands = new CommandRegistry(
    ALL_COMMANDS,
    clusterAccessPolicy(workspace),
    {
      setup: new ClusterSetupService(workspace),
      schools: new SchoolService(workspace),
      rosterImport: new RosterImportService(workspace),
      calendar: new CalendarService(workspace),
      rota,
      actions: new ActionService(workspace),
      agenda: new AgendaService(workspace, notices, (place) => targets.summary(place)),
      meetingPlan: new MeetingPlanService(workspace),
      minutes,
      peerReviews,
      peerReviewDecisions,
      boards,
      boardOverviews,
      boardCsvLink: (boardId) =>
        boardCsvLink(settings.publicBaseUrl(), settings.linkSigningSecret, boardId, clock()),
      rotaLink: (clusterId) =>
        rotaLink(settings.publicBaseUrl(), settings.linkSigningSecret, clusterId, clock()),
      privacyExports,
      erasures,
      retention,
      performance,
      performanceImport,
      performanceEntry,
      boardPerformance: new BoardPerformanceService(boardStore, workspace.store, performanceStore),
      targets,
      exportLinks: (subject) =>
        exportLinks(settings.publicBaseUrl(), settings.linkSigningSecret, subject, clock()),
      uploads,
      uploadLink: (target) =>
        uploadLink(settings.publicBaseUrl(), settings.linkSigningSecret, target, clock()),
      clock,
      sendPrivately,
    },
    clustersOf,
  );
  const fileImports = new FileImports(commands, performanceImport);
  const roundNotices = new MessengerNotices(
    settings.createMessenger(conversations, installations, 'round'),
    linksToMinutes,
    clock,
  );
  const reminders = new ReminderJob({
    store: workspace.store,
    ledger,
    rsvp,
    notices: roundNotices,
    clock,
    instance: settings.instanceId,
    log: (level, fields, message) => logger[level](fields, message),
  });
  return {
    commands,
    installations,
    cardAccess: new CardAccessService(workspace.store),
    rsvp,
    guests,
    minutes,
    minutesPublishing,
    peerReviews,
    peerReviewDecisions,
    boards,
    erasures,
    performanceEntry,
    privacyExports,
    clock,
    logger,
    rota,
    workspace,
    reminders,
    retention,
    boardOverviews,
    attachedFiles: new AttachedFileImports(fileImports, clustersOf),
    answerFileWithinMs: settings.answerFileWithinMs ?? ANSWER_FILE_WITHIN_MS,
    sendPrivately,
    receiveUpload: uploadReceiver({ fileImports, uploads, sendPrivately, logger }),
    uploadClusterName: (target) => uploads.clusterNameOf(target),
  };
}
