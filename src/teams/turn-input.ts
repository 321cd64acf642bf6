import { type Activity, TurnContext } from 'botbuilder';
import type { Invocation } from '../commands/command-definition';
import type { ConversationScope, InstallationDetails } from '../domain/conversations/installed-conversation';

/** Translates Teams activities into the plain data the commands and services understand. */

export function scopeOf(activity: Activity): ConversationScope {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'personal';
  }
}

export function tenantIdOf(activity: Activity): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'no-tenant';
}

export function teamIdOf(activity: Activity): string | undefined {
  return (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

/** People @mentioned in a message, leaving out the bot itself. */
export function mentionsOf(activity: Activity): Array<{ userId: string; name: string }> {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => (e as { mentioned?: { id?: string; name?: string } }).mentioned)
    .filter((m): m is { id: string; name?: string } => Boolean(m?.id) && m?.id !== activity.recipient?.id)
    .map((m) => ({ userId: m.id, name: m.name ?? 'Someone' }));
}

export function invocationFrom(activity: Activity): Invocation {
  const teamId = teamIdOf(activity);
  const mentions = mentionsOf(activity);
  return {
    ...(mentions.length > 0 ? { mentions } : {}),
    actor: {
      userId: activity.from.id,
      ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(activity.from.name ? { name: activity.from.name } : {}),
    },
    conversation: {
      tenantId: tenantIdOf(activity),
      conversationId: activity.conversation.id,
      scope: scopeOf(activity),
      ...(teamId ? { teamId } : {}),
    },
  };
}

export function installationDetailsFrom(activity: Activity): InstallationDetails {
  const teamId = teamIdOf(activity);
  const scope = scopeOf(activity);
  return {
    tenantId: tenantIdOf(activity),
    conversationId: activity.conversation.id,
    scope,
    ...(teamId ? { teamId } : {}),
    ...(scope === 'personal' && activity.from?.id ? { userId: activity.from.id } : {}),
    reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<
      string,
      unknown
    >,
  };
}

/** True when the bot itself is among the members added or removed by this conversationUpdate. */
export function includesBot(members: Activity['membersAdded'], activity: Activity): boolean {
  return (members ?? []).some((member) => member.id === activity.recipient?.id);
}
