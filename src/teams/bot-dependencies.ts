import type { AttachedFileImports } from '../commands/attached-file-imports';
import type { CommandRegistry } from '../commands/command-registry';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logging/logger';
import type { CardAccessService } from '../services/card-access-service';
import type { ErasureService } from '../services/erasure-service';
import type { GuestService } from '../services/guest-service';
import type { InstallationService } from '../services/installation-service';
import type { MinutesPublishing } from '../services/minutes-publishing';
import type { MinutesService } from '../services/minutes-service';
import type { PeerReviewDecisions } from '../services/peer-review-decisions';
import type { PeerReviewService } from '../services/peer-review-service';
import type { PerformanceEntryService } from '../services/performance-entry-service';
import type { RsvpService } from '../services/rsvp-service';
import type { OutgoingMessage } from '../views/outgoing-message';

/** What the listeners may call: services and the command registry, never storage directly. */
export interface BotDependencies {
  commands: CommandRegistry;
  installations: InstallationService;
  /** Checked for every card click and refresh that names a cluster (see clusterbot.ts). */
  cardAccess: CardAccessService;
  rsvp: RsvpService;
  guests: GuestService;
  minutes: MinutesService;
  minutesPublishing: MinutesPublishing;
  peerReviews: PeerReviewService;
  peerReviewDecisions: PeerReviewDecisions;
  erasures: ErasureService;
  performanceEntry: PerformanceEntryService;
  /** Files attached in a personal chat, imported as their pasted text would be. */
  attachedFiles: AttachedFileImports;
  /** How long an attached file may take before the person is told it is still being read. */
  answerFileWithinMs: number;
  /** Sends a message to a person's personal chat with the bot (what a long file import did). */
  sendPrivately: (tenantId: string, userId: string, message: OutgoingMessage) => Promise<boolean>;
  clock: Clock;
  logger: Logger;
}
