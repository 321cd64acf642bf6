import type { Clock } from './domain/clock';
import type { RetentionRules } from './domain/privacy/retention';
import type { Logger } from './logging/logger';
import type { Messenger } from './notices/messenger';
import type { InstallationService } from './services/installation-service';
import type { ConversationStore } from './services/ports';
import type { PublishedDataSource } from './services/published-data-port';
import type { TableStorage } from './storage/table-storage';

/** What the composition is built from: storage, time, the log, and how links and proactive sends are made. */
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
  /** Public data sets to fetch (the EES public API), if configured. */
  publishedData?: PublishedDataSource;
  /** Retention periods (DEFAULT_RETENTION unless configured). */
  retention?: RetentionRules;
  /**
   * How long a file attached in a personal chat may take before the person is told it is still
   * being read (the rest then arrives as a message of its own): Teams wants its answer in 15 s.
   */
  answerFileWithinMs?: number;
  /** Proactive sending (reminders), made by the chat edge from the stored conversations. */
  createMessenger: (
    conversations: ConversationStore,
    installations: InstallationService,
    kind: 'round' | 'own',
  ) => Messenger;
}
