import type { CommandRegistry } from '../commands/command-registry';
import type { Logger } from '../logging/logger';
import type { InstallationService } from '../services/installation-service';

/** What the listeners may call: services and the command registry, never storage directly. */
export interface BotDependencies {
  commands: CommandRegistry;
  installations: InstallationService;
  logger: Logger;
}
