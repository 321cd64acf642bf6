import type { Clock } from '../domain/clock';
import {
  type ConversationKey,
  type DeactivationReason,
  deactivateConversation,
  type InstallationDetails,
  type InstalledConversation,
  recordInstallation,
} from '../domain/conversations/installed-conversation';
import type { ConversationStore } from './ports';
import { retryOnConflict } from './storage-errors';

/** Keeps track of where the bot is installed, so later features can reach those conversations. */
export class InstallationService {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
  ) {}

  async installed(details: InstallationDetails): Promise<InstalledConversation> {
    return retryOnConflict(async () => {
      const stored = await this.conversations.find(details);
      const next = recordInstallation(stored?.value, details, this.clock());
      if (stored) {
        if (next !== stored.value) {
          await this.conversations.replace(next, stored.version);
        }
      } else {
        await this.conversations.create(next);
      }
      return next;
    });
  }

  /** Returns undefined when we never knew the conversation: there is nothing to deactivate. */
  async removed(
    key: ConversationKey,
    reason: DeactivationReason,
  ): Promise<InstalledConversation | undefined> {
    return retryOnConflict(async () => {
      const stored = await this.conversations.find(key);
      if (!stored) {
        return undefined;
      }
      const next = deactivateConversation(stored.value, reason, this.clock());
      if (next !== stored.value) {
        await this.conversations.replace(next, stored.version);
      }
      return next;
    });
  }
}
