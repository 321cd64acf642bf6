/**
 * What the services need from storage, in the domain's own words. src/storage implements these
 * on Azure Tables; nothing here knows which store is behind them.
 */
import type { ConversationKey, InstalledConversation } from '../domain/conversations/installed-conversation';

/** A stored record together with the version it was read at (an ETag, for optimistic updates). */
export interface Versioned<T> {
  value: T;
  version: string;
}

export interface ConversationStore {
  find(key: ConversationKey): Promise<Versioned<InstalledConversation> | undefined>;
  /** @throws AlreadyExistsError when the conversation was stored meanwhile. */
  create(conversation: InstalledConversation): Promise<void>;
  /** @throws ConcurrentUpdateError when the stored version is no longer `version`. */
  replace(conversation: InstalledConversation, version: string): Promise<void>;
}
