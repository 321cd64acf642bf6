import { z } from 'zod';
import { renderHelpCard } from '../../cards/help-card';
import { AUDIENCE_LABELS, type CommandInfo, defineCommand } from '../command-definition';
import { cardReply, textReply } from '../reply';

export const HELP_FOOTER =
  'In a channel, mention me first: @Clusterbot /help. In a personal chat just type the command. ' +
  'Commands work with or without the slash.';

export const helpCommand = defineCommand({
  name: 'help',
  aliases: ['commands'],
  description: 'Shows what Clusterbot can do, who can use each command, and examples.',
  usage: '/help [command]',
  examples: ['/help', '/help help'],
  audience: 'anyone',
  args: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase().replace(/^\/+/, '').split(/\s+/)[0] || undefined)
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9-]+$/, 'a command name uses only letters, digits and dashes')
        .optional(),
    ),
  async handle({ args: wanted, catalogue }) {
    const chosen = wanted
      ? catalogue.filter((c) => c.name === wanted || c.aliases.includes(wanted))
      : catalogue;
    if (wanted && chosen.length === 0) {
      return textReply(`There is no command called **/${wanted}**. Type **/help** to see them all.`);
    }
    const card = renderHelpCard({
      title: wanted ? `/${chosen[0]?.name}` : 'What Clusterbot can do',
      intro: wanted
        ? 'How to use this command:'
        : "Clusterbot keeps your cluster's rota of host schools, reminders, RSVPs, agendas, minutes and actions. Here are the commands:",
      commands: chosen.map(describe),
      footer: HELP_FOOTER,
    });
    return cardReply(card, wanted ? `Help for /${wanted}` : 'Clusterbot commands');
  },
});

/**
 * "<name>" in a card's text is read as an HTML tag by some Teams clients (and Agents Playground),
 * which then show nothing; angle quotation marks read the same and always show.
 */
export const placeholdersShown = (usage: string) => usage.replace(/<([^<>]*)>/g, '‹$1›');

function describe(command: CommandInfo) {
  return {
    usage: placeholdersShown(command.usage),
    description: command.description,
    audience: AUDIENCE_LABELS[command.audience],
    examples: command.examples.join('  ·  '),
  };
}
