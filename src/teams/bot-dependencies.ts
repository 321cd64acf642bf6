import type { CommandRegistry } from '../commands/command-registry';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logging/logger';
import type { Messenger } from '../notices/messenger';
import type { CardAccessService } from '../services/card-access-service';
import type { InstallationService } from '../services/installation-service';
import type { MinutesService } from '../services/minutes-service';
import type { PeerReviewService } from '../services/peer-review-service';
import type { RsvpService } from '../services/rsvp-service';

/** What the listeners may call: services and the command registry, never storage directly. */
export interface BotDependencies {
  commands: CommandRegistry;
  installations: InstallationService;
  /** Checked for every card click and refresh that names a cluster (see clusterbot.ts). */
  cardAccess: CardAccessService;
  rsvp: RsvpService;
  minutes: MinutesService;
  peerReviews: PeerReviewService;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
}
