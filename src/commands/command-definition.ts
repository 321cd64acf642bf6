import type { ZodType, ZodTypeDef } from 'zod';
import type { ConversationScope } from '../domain/conversations/installed-conversation';
import type { CommandServices } from './command-services';
import type { Reply } from './reply';

/** Who may use a command. Checked by the registry before the handler runs. */
export type Audience = 'anyone' | 'cluster-member' | 'chair' | 'cluster-lead';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  anyone: 'Anyone',
  'cluster-member': 'Members of this cluster',
  chair: 'The chair of the next meeting, and cluster leads',
  'cluster-lead': 'Cluster leads',
};

/** Who is asking, and where. Plain data built by the chat edge from the incoming activity. */
export interface Invocation {
  actor: { userId: string; aadObjectId?: string; name?: string };
  conversation: { tenantId: string; conversationId: string; scope: ConversationScope; teamId?: string };
  /** People @mentioned in the message (the bot excluded), in order. */
  mentions?: Array<{ userId: string; name: string }>;
  /**
   * For a card button pressed in a personal chat: the team or chat of the cluster the card belongs
   * to (a chair's private agenda preview). Only people linked to that cluster get through.
   */
  clusterPlaceKey?: string;
  /**
   * A card being drawn again as it now stands (its refresh, or after its own button): the answer
   * is that card, in place, with no side effects such as sending a draft to a personal chat.
   */
  redrawing?: boolean;
}

/** The team (for channels) or chat a command was given in: where its cluster lives. */
export function placeOf(invocation: Invocation) {
  const { tenantId, conversationId, teamId } = invocation.conversation;
  return { tenantId, placeKey: invocation.clusterPlaceKey ?? teamId ?? conversationId, conversationId };
}

/** The person giving the command, for services and the change log. */
export function actorOf(invocation: Invocation) {
  const { userId, aadObjectId, name } = invocation.actor;
  return { userId, name: name ?? 'Someone', ...(aadObjectId ? { aadObjectId } : {}) };
}

/** A command's public description: drives routing, the /help card and the Teams manifest. */
export interface CommandInfo {
  /** Lower-case, no spaces, no slash: what follows the `/`. */
  name: string;
  aliases: readonly string[];
  /** One sentence, at most 128 characters (the Teams manifest's limit). */
  description: string;
  usage: string;
  examples: readonly string[];
  audience: Audience;
  /**
   * Offered in Teams' command menu (the manifest allows ten). Commands used once per cluster or
   * year say false: they are still in /help and work as usual.
   */
  suggested?: boolean;
  /**
   * Works in a personal chat for someone linked to one cluster, reading that cluster (/actions,
   * /rota, /minutes, /agenda): a head need not go to the channel to look something up.
   */
  readsInPersonalChat?: boolean;
}

export interface CommandHandlerInput<TArgs> {
  args: TArgs;
  invocation: Invocation;
  /** Every registered command's description (for /help). */
  catalogue: readonly CommandInfo[];
  services: CommandServices;
}

export interface CommandDefinition<TArgs> extends Omit<CommandInfo, 'aliases'> {
  aliases?: readonly string[];
  /** Validates and shapes the text typed after the command name. */
  args: ZodType<TArgs, ZodTypeDef, string>;
  handle(input: CommandHandlerInput<TArgs>): Promise<Reply>;
}

/** A command with its argument type sealed inside, so commands of any shape share one registry. */
export interface RegisteredCommand extends CommandInfo {
  run(
    rawArgs: string,
    invocation: Invocation,
    catalogue: readonly CommandInfo[],
    services: CommandServices,
  ): Promise<RunOutcome>;
}

/** `usage`: how the part that went wrong is used, when it is narrower than the command's own. */
export type RunOutcome = { ok: true; reply: Reply } | { ok: false; problems: string[]; usage?: string };

export function defineCommand<TArgs>(definition: CommandDefinition<TArgs>): RegisteredCommand {
  const { args, handle, aliases = [], ...info } = definition;
  return {
    ...info,
    aliases,
    run: (rawArgs, invocation, catalogue, services) =>
      parseThenHandle(args, rawArgs, handle, { invocation, catalogue, services }),
  };
}

/** Reads the typed text with its schema, then handles it; what is wrong with it, if it cannot be read. */
export async function parseThenHandle<TArgs>(
  args: ZodType<TArgs, ZodTypeDef, string>,
  text: string,
  handle: (input: CommandHandlerInput<TArgs>) => Promise<Reply>,
  input: Omit<CommandHandlerInput<TArgs>, 'args'>,
): Promise<RunOutcome> {
  const parsed = args.safeParse(text);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  return { ok: true, reply: await handle({ ...input, args: parsed.data }) };
}
