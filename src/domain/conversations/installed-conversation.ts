/**
 * A Teams conversation (team channel, group chat or personal chat) that Clusterbot is installed in.
 * We keep it so that reminders can be sent later without anyone talking to the bot first.
 *
 * `reference` is the chat platform's own address for the conversation. The domain treats it as an
 * opaque JSON object: only the Teams edge (src/teams) knows its shape.
 */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export type DeactivationReason = 'bot-removed' | 'app-uninstalled' | 'send-refused';

export interface ConversationKey {
  tenantId: string;
  conversationId: string;
}

export interface InstalledConversation extends ConversationKey {
  scope: ConversationScope;
  /** The team's id for channel conversations (member lookups use the team, not the channel). */
  teamId?: string;
  /** For personal chats: whose chat it is. */
  userId?: string;
  reference: Record<string, unknown>;
  status: 'active' | 'inactive';
  installedAt: Date;
  /** Set while inactive: when and why the bot lost this conversation. */
  deactivatedAt?: Date;
  deactivationReason?: DeactivationReason;
}

export interface InstallationDetails extends ConversationKey {
  scope: ConversationScope;
  teamId?: string;
  userId?: string;
  reference: Record<string, unknown>;
}

/**
 * Installing again (after removal, or a repeated install event) reactivates the conversation and
 * refreshes its address; the first installation date is kept while it stays installed.
 */
export function recordInstallation(
  existing: InstalledConversation | undefined,
  details: InstallationDetails,
  at: Date,
): InstalledConversation {
  const keepsFirstInstall = existing?.status === 'active';
  const next: InstalledConversation = {
    tenantId: details.tenantId,
    conversationId: details.conversationId,
    scope: details.scope,
    ...(details.teamId ? { teamId: details.teamId } : {}),
    ...(details.userId ? { userId: details.userId } : {}),
    reference: details.reference,
    status: 'active',
    installedAt: keepsFirstInstall && existing ? existing.installedAt : at,
  };
  // A repeated install event changes nothing: hand back the same record so no write is needed.
  return existing && sameInstallation(existing, next) ? existing : next;
}

function sameInstallation(a: InstalledConversation, b: InstalledConversation): boolean {
  return (
    a.status === b.status &&
    a.scope === b.scope &&
    a.teamId === b.teamId &&
    a.userId === b.userId &&
    a.installedAt.getTime() === b.installedAt.getTime() &&
    JSON.stringify(a.reference) === JSON.stringify(b.reference)
  );
}

/** Removal keeps the record (history, and the reference for a later reinstall) but stops all sends. */
export function deactivateConversation(
  existing: InstalledConversation,
  reason: DeactivationReason,
  at: Date,
): InstalledConversation {
  if (existing.status === 'inactive') {
    return existing;
  }
  return { ...existing, status: 'inactive', deactivatedAt: at, deactivationReason: reason };
}
