import type { Clock } from '../domain/clock';
import type { UploadTarget } from '../domain/imports/file-upload';
import type { ActionService } from '../services/action-service';
import type { AgendaService } from '../services/agenda-service';
import type { BoardOverviewService } from '../services/board-overview-service';
import type { BoardPerformanceService } from '../services/board-performance-service';
import type { BoardService } from '../services/board-service';
import type { CalendarService } from '../services/calendar-service';
import type { ClusterSetupService } from '../services/cluster-setup-service';
import type { ErasureService } from '../services/erasure-service';
import type { FileUploadService } from '../services/file-upload-service';
import type { MeetingPlanService } from '../services/meeting-plan-service';
import type { MinutesService } from '../services/minutes-service';
import type { PeerReviewDecisions } from '../services/peer-review-decisions';
import type { PeerReviewService } from '../services/peer-review-service';
import type { PerformanceEntryService } from '../services/performance-entry-service';
import type { PerformanceImportService } from '../services/performance-import-service';
import type { PerformanceService } from '../services/performance-service';
import type { PrivacyExportService } from '../services/privacy-export-service';
import type { RetentionJob } from '../services/retention-job';
import type { RosterImportService } from '../services/roster-import-service';
import type { RotaService } from '../services/rota-service';
import type { SchoolService } from '../services/school-service';
import type { TargetsService } from '../services/targets-service';
import type { OutgoingMessage } from '../views/outgoing-message';

/** What an export link opens (the same shape as the HTTP layer's, so a command can name it). */
export type ExportSubject =
  | { kind: 'school'; clusterId: string; schoolId: string }
  | { kind: 'person'; tenantId: string; userId: string };

/** Signs a short-lived download link for a cluster's rota calendar. */
export type RotaLinkMaker = (clusterId: string) => string;

/** The services a command handler may call (each handler calls one). */
export interface CommandServices {
  setup: ClusterSetupService;
  schools: SchoolService;
  rosterImport: RosterImportService;
  calendar: CalendarService;
  rota: RotaService;
  actions: ActionService;
  agenda: AgendaService;
  meetingPlan: MeetingPlanService;
  minutes: MinutesService;
  peerReviews: PeerReviewService;
  peerReviewDecisions: PeerReviewDecisions;
  boards: BoardService;
  boardOverviews: BoardOverviewService;
  /** Signs a short-lived link to a board's figures as CSV. */
  boardCsvLink: (boardId: string) => string;
  rotaLink: RotaLinkMaker;
  privacyExports: PrivacyExportService;
  erasures: ErasureService;
  retention: RetentionJob;
  performance: PerformanceService;
  performanceImport: PerformanceImportService;
  boardPerformance: BoardPerformanceService;
  performanceEntry: PerformanceEntryService;
  targets: TargetsService;
  /** Signs hour-long links to an export of everything stored about a school or a person. */
  exportLinks: (subject: ExportSubject) => { json: string; html: string };
  uploads: FileUploadService;
  /** Signs an hour-long link to the upload page for one lead's import of one kind of file. */
  uploadLink: (target: UploadTarget) => string;
  clock: Clock;
  /** Sends a card to the person's 1:1 chat with the bot; false when they have none or it failed. */
  sendPrivately: (tenantId: string, userId: string, message: OutgoingMessage) => Promise<boolean>;
}
