import { z } from 'zod';
import { renderPerformanceCard } from '../../cards/performance-card';
import { performanceCsv } from '../../export/performance-csv';
import { boardOverviewCard } from '../../views/board-view';
import { performanceCardData } from '../../views/performance-view';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';
import { TableArgs } from './performance-command';

type BoardArgs =
  | { action: 'overview' }
  | { action: 'csv' }
  | { action: 'performance'; text: string }
  | { action: 'setup' | 'link' | 'unlink' | 'minutes'; name: string };

const Args = z.string().transform((raw, ctx): BoardArgs => {
  const text = raw.trim();
  const [word = ''] = text.split(/\s+/);
  const name = text.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case '':
      return { action: 'overview' };
    case 'csv':
      return { action: 'csv' };
    case 'performance':
      return { action: 'performance', text: name };
    case 'setup':
    case 'link':
    case 'unlink':
    case 'minutes':
      if (!name) {
        ctx.addIssue({
          code: 'custom',
          message: `give a name, e.g. "/board ${word.toLowerCase()} ${word.toLowerCase() === 'setup' ? 'Coventry primary steering group' : 'Roots'}"`,
        });
        return z.NEVER as never;
      }
      return { action: word.toLowerCase() as 'setup', name };
    default:
      ctx.addIssue({
        code: 'custom',
        message: `"${word}" is not something /board does (setup, link, unlink, minutes, csv, performance)`,
      });
      return z.NEVER as never;
  }
});

export const boardCommand = defineCommand({
  name: 'board',
  aliases: ['overview'],
  description:
    "A board's view across its clusters: meetings, attendance, minutes on time, actions, peer reviews; CSV download.",
  usage:
    '/board | csv | performance [csv] [year] [measure] | minutes <cluster name> | setup <board name> | link <cluster name> | unlink <cluster name>',
  examples: [
    '/board',
    '/board setup Coventry primary steering group',
    '/board link Roots',
    '/board csv',
    '/board performance',
  ],
  audience: 'anyone',
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    switch (args.action) {
      case 'overview': {
        const overview = await services.boardOverviews.overview(place);
        if (!overview.ok) return problemReply(overview.problem);
        return cardReply(
          boardOverviewCard(overview.value, services.boardCsvLink(overview.value.board.id)),
          `${overview.value.board.name}: clusters at a glance`,
        );
      }
      case 'performance': {
        const wantsCsv = /^csv\b/i.test(args.text);
        const choice = TableArgs.safeParse(args.text.replace(/^csv\b/i, ''));
        if (!choice.success) return problemReply(choice.error.issues.map((i) => i.message).join('; '));
        const outcome = await services.boardPerformance.overview(place, choice.data);
        return replyTo(outcome, ({ boardName, table }) =>
          wantsCsv
            ? textReply(
                `**${boardName}: performance ${table.years.at(-1)} (CSV)**\n\n\`\`\`\n${performanceCsv(table)}\`\`\``,
              )
            : cardReply(
                renderPerformanceCard(performanceCardData(boardName, table)),
                `${boardName}: performance`,
              ),
        );
      }
      case 'csv': {
        const overview = await services.boardOverviews.overview(place);
        if (!overview.ok) return problemReply(overview.problem);
        return textReply(
          `[Download the figures for ${overview.value.board.name} (CSV)](${services.boardCsvLink(overview.value.board.id)}). The link works for 7 days.`,
        );
      }
      case 'setup': {
        const outcome = await services.boards.setUp(
          {
            tenantId: place.tenantId,
            placeKey: place.placeKey,
            conversationId: invocation.conversation.conversationId,
          },
          args.name,
          actor,
        );
        return replyTo(outcome, (board) =>
          textReply(
            `**${board.name}** is set up here, and you are its admin. Link each cluster with **/board link <cluster name>**; then **/board** shows them all.`,
          ),
        );
      }
      case 'link': {
        const outcome = await services.boards.link(place, args.name, actor);
        return replyTo(outcome, (cluster) =>
          textReply(`**${cluster.name}** is linked to this board; its channel has been told.`),
        );
      }
      case 'minutes': {
        const outcome = await services.boards.latestMinutes(place, args.name);
        return replyTo(outcome, ({ cluster, minutes }) =>
          textReply(
            minutes
              ? `[The latest published minutes of ${cluster}](${minutes.html}). The link works for 7 days.`
              : `${cluster} has not published any minutes yet.`,
          ),
        );
      }
      case 'unlink': {
        const outcome = await services.boards.unlink(place, args.name, actor);
        return replyTo(outcome, (cluster) =>
          textReply(`**${cluster.name}** is no longer linked to this board.`),
        );
      }
    }
  },
  args: Args,
});
