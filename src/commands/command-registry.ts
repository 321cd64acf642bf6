import type { ClusterProfile } from '../domain/clusters/cluster';
import { parseCommandText } from '../domain/commands/parse-command-text';
import { suggestCommandName } from '../domain/commands/suggest-command-name';
import {
  AUDIENCE_LABELS,
  type Audience,
  type CommandInfo,
  type Invocation,
  type RegisteredCommand,
} from './command-definition';
import type { CommandServices } from './command-services';
import { type Reply, refusalReply, textReply } from './reply';

/**
 * Decides whether the person invoking may use a command meant for `audience`: true, false, or a
 * refusal that explains itself (e.g. there is no cluster here yet).
 */
export type AccessPolicy = (
  audience: Audience,
  invocation: Invocation,
) => Promise<boolean | { refused: string }>;

export type DispatchOutcome = 'handled' | 'refused' | 'empty' | 'unknown' | 'forbidden' | 'invalid-arguments';

export interface DispatchResult {
  outcome: DispatchOutcome;
  /** The command's name when one was recognised (safe to log: it is ours, not the user's text). */
  command?: string;
  reply: Reply;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const MAX_DESCRIPTION = 128;

/**
 * The one list of commands. Routing, permissions, argument validation and the help card all come
 * from it, so a command is added by writing one file and listing it in src/commands/all-commands.ts.
 */
export class CommandRegistry {
  private readonly byName = new Map<string, RegisteredCommand>();
  readonly catalogue: readonly CommandInfo[];

  constructor(
    readonly commands: readonly RegisteredCommand[],
    private readonly allows: AccessPolicy,
    private readonly services: CommandServices,
    /** The clusters a person is linked to (a personal chat's read commands use theirs). */
    private readonly clustersOf?: (tenantId: string, userId: string) => Promise<ClusterProfile[]>,
  ) {
    for (const command of commands) {
      if (command.description.length > MAX_DESCRIPTION) {
        throw new Error(`/${command.name}: description is longer than ${MAX_DESCRIPTION} characters`);
      }
      for (const name of [command.name, ...command.aliases]) {
        if (!NAME.test(name)) {
          throw new Error(`/${command.name}: "${name}" is not a valid command name (lower case, no spaces)`);
        }
        if (this.byName.has(name)) {
          throw new Error(`Two commands are called "${name}"`);
        }
        this.byName.set(name, command);
      }
    }
    this.catalogue = catalogueOf(commands);
  }

  find(name: string): RegisteredCommand | undefined {
    return this.byName.get(name.toLowerCase().replace(/^\/+/, ''));
  }

  /**
   * In a personal chat, a read command works on the one cluster the person is linked to: its place
   * key, or why not (linked to several: say which channel to use; to none: the usual answer).
   */
  private async homeClusterFor(
    command: RegisteredCommand,
    invocation: Invocation,
  ): Promise<{ placeKey: string } | string | undefined> {
    if (!command.readsInPersonalChat || !this.clustersOf) return undefined;
    if (invocation.conversation.scope !== 'personal' || invocation.clusterPlaceKey) return undefined;
    const linked = await this.clustersOf(invocation.conversation.tenantId, invocation.actor.userId);
    if (linked.length === 1 && linked[0]) return { placeKey: linked[0].place.placeKey };
    if (linked.length > 1)
      return `you are linked to ${linked.length} clusters (${linked.map((c) => c.name).join(', ')}). Use **/${command.name}** in the channel of the one you mean`;
    return undefined;
  }

  async dispatch(text: string | undefined, invocation: Invocation): Promise<DispatchResult> {
    const parsed = parseCommandText(text);
    if (parsed.kind === 'empty') {
      return {
        outcome: 'empty',
        reply: textReply('Hello! Type **/help** to see what I can do.'),
      };
    }
    const command = this.byName.get(parsed.name);
    if (!command) {
      const suggestion = suggestCommandName(parsed.name, [...this.byName.keys()]);
      const hint = suggestion ? `Did you mean **/${suggestion}**? ` : '';
      return {
        outcome: 'unknown',
        reply: refusalReply(
          `I don't know the command **/${parsed.name}**. ${hint}Type **/help** to see everything I can do.`,
        ),
      };
    }
    const home = await this.homeClusterFor(command, invocation);
    if (typeof home === 'string')
      return { outcome: 'forbidden', command: command.name, reply: refusalReply(home) };
    if (home) invocation = { ...invocation, clusterPlaceKey: home.placeKey };
    const access = await this.allows(command.audience, invocation);
    if (access !== true) {
      const why =
        access === false
          ? `**/${command.name}** is only for: ${AUDIENCE_LABELS[command.audience].toLowerCase()}`
          : access.refused;
      return {
        outcome: 'forbidden',
        command: command.name,
        reply: refusalReply(
          `Sorry, ${why}. Nothing was changed. If you think you should have access, ask your cluster lead.`,
        ),
      };
    }
    const outcome = await command.run(parsed.args, invocation, this.catalogue, this.services);
    if (!outcome.ok) {
      return {
        outcome: 'invalid-arguments',
        command: command.name,
        reply: refusalReply(
          `I couldn't follow that **/${command.name}**: ${outcome.problems.join('; ')}.\n\n` +
            `Use it like this: \`${outcome.usage ?? command.usage}\`, for example \`${exampleFor(command, outcome.usage)}\`. Nothing was changed.`,
        ),
      };
    }
    // A handler may still refuse (a service said no): report that as its own outcome.
    const refused = outcome.reply.kind === 'text' && outcome.reply.refused === true;
    return { outcome: refused ? 'refused' : 'handled', command: command.name, reply: outcome.reply };
  }
}

/** An example of the part that went wrong (the subcommand's), else the command's first. */
function exampleFor(command: RegisteredCommand, usage: string | undefined): string {
  const word = usage?.split(/\s+/)[1];
  const fitting = word ? command.examples.find((e) => e.split(/\s+/)[1]?.toLowerCase() === word) : undefined;
  return fitting ?? command.examples[0] ?? command.usage;
}

/** The public description of commands (for /help and the Teams manifest), without their handlers. */
export function catalogueOf(commands: readonly RegisteredCommand[]): CommandInfo[] {
  return commands.map(({ name, aliases, description, usage, examples, audience, suggested }) => ({
    name,
    aliases,
    description,
    usage,
    examples,
    audience,
    ...(suggested === false ? { suggested } : {}),
  }));
}
