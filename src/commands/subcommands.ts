import { type ZodType, type ZodTypeDef, z } from 'zod';
import {
  type CommandDefinition,
  type CommandHandlerInput,
  parseThenHandle,
  type RegisteredCommand,
  type RunOutcome,
} from './command-definition';
import type { Reply } from './reply';

/**
 * A subcommand is data, like a command: its word, how it is used, and a zod schema over the text
 * after the word. The command's usage line, its "not something /x does" message and the usage
 * shown when a subcommand's text is wrong all come from these.
 */
export interface Subcommand {
  name: string;
  aliases: readonly string[];
  /** What follows the command, e.g. "swap <meeting> and <meeting>". */
  usage: string;
  run(text: string, input: Omit<CommandHandlerInput<string>, 'args'>): Promise<RunOutcome>;
}

export function subcommand<TArgs>(definition: {
  name: string;
  aliases?: readonly string[];
  usage: string;
  args: ZodType<TArgs, ZodTypeDef, string>;
  handle(input: CommandHandlerInput<TArgs>): Promise<Reply>;
}): Subcommand {
  const { args, handle, aliases = [], ...info } = definition;
  return {
    ...info,
    aliases,
    run: (text, input) => parseThenHandle(args, text, handle, input),
  };
}

/** For subcommands that take nothing after their word. */
export const nothingAfter = z.string().refine((t) => t.trim() === '', 'this takes nothing after it');

interface CommandWithSubcommands
  extends Omit<CommandDefinition<unknown>, 'args' | 'handle' | 'usage' | 'aliases'> {
  aliases?: readonly string[];
  subcommands: readonly Subcommand[];
  /**
   * What runs when the first word names no subcommand, given all the text (for /rota, a year or
   * nothing: show the rota). If it cannot read the text either, the word is reported as unknown.
   */
  otherwise: Subcommand;
}

/** A command whose first word picks a subcommand. Its usage line and errors come from them. */
export function defineCommandWithSubcommands(definition: CommandWithSubcommands): RegisteredCommand {
  const { subcommands, otherwise, aliases = [], ...info } = definition;
  const byWord = new Map(subcommands.flatMap((s) => [s.name, ...s.aliases].map((w) => [w, s] as const)));
  const listed = [otherwise, ...subcommands.filter((s) => s !== otherwise)];
  const usage = `/${info.name} ${listed.map((s) => s.usage).join(' | ')}`;
  const words = subcommands.map((s) => s.name).join(', ');
  return {
    ...info,
    aliases,
    usage,
    async run(rawArgs, invocation, catalogue, services) {
      const text = rawArgs.trim();
      const match = /^(\S*)[ \t]*([\s\S]*)$/.exec(text);
      const word = (match?.[1] ?? '').toLowerCase();
      const named = byWord.get(word);
      const sub = named ?? otherwise;
      const outcome = await sub.run(named ? (match?.[2] ?? '') : text, { invocation, catalogue, services });
      if (outcome.ok) return outcome;
      // A word starting with a digit (a year, a date) is the text's argument, not a mistyped subcommand.
      if (!named && word && !/^\d/.test(word))
        return { ok: false, problems: [`"${word}" is not something /${info.name} does (${words})`], usage };
      return { ok: false, problems: outcome.problems, usage: `/${info.name} ${sub.usage}` };
    },
  };
}
