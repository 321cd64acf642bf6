import { odata, type TableClient } from '@azure/data-tables';
import type {
  ConversationKey,
  ConversationScope,
  DeactivationReason,
  InstalledConversation,
} from '../domain/conversations/installed-conversation';
import type { ConversationStore, Versioned } from '../services/ports';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Conversations`: where the bot is installed.
 * PartitionKey = tenant id (one school trust's or council's tenant together),
 * RowKey = conversation id (encoded: Teams ids may contain characters keys forbid).
 */
export const conversationKeys = {
  partitionKey: (tenantId: string) => toTableKey(tenantId),
  rowKey: (conversationId: string) => toTableKey(conversationId),
};

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  conversationId: string;
  scope: ConversationScope;
  teamId?: string;
  userId?: string;
  referenceJson: string;
  status: 'active' | 'inactive';
  installedAt: Date;
  deactivatedAt?: Date;
  deactivationReason?: DeactivationReason;
}

export class ConversationRepository implements ConversationStore {
  constructor(private readonly table: TableClient) {}

  async find(key: ConversationKey): Promise<Versioned<InstalledConversation> | undefined> {
    try {
      const entity = await this.table.getEntity<ConversationEntity>(
        conversationKeys.partitionKey(key.tenantId),
        conversationKeys.rowKey(key.conversationId),
      );
      return { value: fromEntity(entity), version: entity.etag };
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw translateStorageError(error, 'the conversation');
    }
  }

  async findPersonal(tenantId: string, userId: string): Promise<InstalledConversation | undefined> {
    try {
      const rows = this.table.listEntities<ConversationEntity>({
        queryOptions: {
          filter: odata`PartitionKey eq ${conversationKeys.partitionKey(tenantId)} and scope eq 'personal' and userId eq ${userId} and status eq 'active'`,
        },
      });
      for await (const row of rows) return fromEntity(row);
    } catch (error) {
      throw translateStorageError(error, 'the personal chat');
    }
    return undefined;
  }

  async create(conversation: InstalledConversation): Promise<void> {
    try {
      await this.table.createEntity(toEntity(conversation));
    } catch (error) {
      throw translateStorageError(error, 'the conversation');
    }
  }

  async replace(conversation: InstalledConversation, version: string): Promise<void> {
    try {
      await this.table.updateEntity(toEntity(conversation), 'Replace', { etag: version });
    } catch (error) {
      throw translateStorageError(error, 'the conversation');
    }
  }
}

function toEntity(c: InstalledConversation): ConversationEntity {
  return {
    partitionKey: conversationKeys.partitionKey(c.tenantId),
    rowKey: conversationKeys.rowKey(c.conversationId),
    tenantId: c.tenantId,
    conversationId: c.conversationId,
    scope: c.scope,
    ...(c.teamId ? { teamId: c.teamId } : {}),
    ...(c.userId ? { userId: c.userId } : {}),
    referenceJson: JSON.stringify(c.reference),
    status: c.status,
    installedAt: c.installedAt,
    ...(c.deactivatedAt ? { deactivatedAt: c.deactivatedAt } : {}),
    ...(c.deactivationReason ? { deactivationReason: c.deactivationReason } : {}),
  };
}

function fromEntity(e: ConversationEntity): InstalledConversation {
  return {
    tenantId: e.tenantId,
    conversationId: e.conversationId,
    scope: e.scope,
    ...(e.teamId ? { teamId: e.teamId } : {}),
    ...(e.userId ? { userId: e.userId } : {}),
    reference: JSON.parse(e.referenceJson) as Record<string, unknown>,
    status: e.status,
    installedAt: new Date(e.installedAt),
    ...(e.deactivatedAt ? { deactivatedAt: new Date(e.deactivatedAt) } : {}),
    ...(e.deactivationReason ? { deactivationReason: e.deactivationReason } : {}),
  };
}
