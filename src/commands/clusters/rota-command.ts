import { z } from 'zod';
import { withRefresh } from '../../cards/card-refresh';
import { renderRotaCard } from '../../cards/rota-card';
import { renderRotaDownloadCard } from '../../cards/rota-download-card';
import { parseAcademicYear } from '../../domain/calendar/academic-year';
import type { RotaChangeOrder } from '../../domain/rota/rota-change-order';
import { formatLondon } from '../../domain/time/london-time';
import { refreshOf } from '../card-commands';
import { actorOf, type CommandHandlerInput, placeOf } from '../command-definition';
import { cardReply, type Reply, textReply } from '../reply';
import { defineCommandWithSubcommands, nothingAfter, subcommand } from '../subcommands';
import { problemReply, replyTo } from './outcome-reply';
import { MOVE_ARGS, PASS_ARGS, SKIP_ARGS, SWAP_ARGS, VENUE_ARGS } from './rota-change-args';
import { defaultYear, presentRota } from './rota-presenter';

/** Every change to a meeting goes the same way: the service checks who may, and records it. */
async function change({ args, invocation, services }: CommandHandlerInput<RotaChangeOrder>): Promise<Reply> {
  const actor = actorOf(invocation);
  const outcome = await services.rota.change(placeOf(invocation), args, actor);
  return replyTo(outcome, ({ summary }) => textReply(`**Rota change** by ${actor.name}: ${summary}`));
}

const show = subcommand({
  name: 'show',
  usage: '[year]',
  args: z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (!text) return {};
    const year = parseAcademicYear(text);
    if (!year) ctx.addIssue({ code: 'custom', message: `"${text}" is not a school year like 2027-28` });
    return year ? { year } : z.NEVER;
  }),
  async handle({ args, invocation, services }) {
    const view = await services.rota.view(placeOf(invocation));
    return replyTo(view, ({ cluster, rota }) => {
      const year = args.year ?? defaultYear(rota);
      if (!year) {
        return textReply(
          `The rota of **${cluster.profile.name}** is empty: it needs member schools (**/school import**) and term dates (**/terms 2026-27** …).`,
        );
      }
      const card = presentRota(cluster, rota, year, services.rotaLink(cluster.profile.id));
      return cardReply(
        withRefresh(renderRotaCard(card), refreshOf(cluster, { view: 'rota', filter: year })),
        `${cluster.profile.name} rota ${year}`,
      );
    });
  },
});

const ics = subcommand({
  name: 'ics',
  aliases: ['calendar'],
  usage: 'ics',
  args: nothingAfter,
  async handle({ invocation, services }) {
    const view = await services.rota.view(placeOf(invocation));
    return replyTo(view, ({ cluster }) =>
      cardReply(
        renderRotaDownloadCard({
          title: `${cluster.profile.name} meetings calendar`,
          explanation:
            'Download the rota as a calendar file and open it in Outlook or Google Calendar. Importing it again later updates the meetings instead of adding copies. The link works for 7 days.',
          url: services.rotaLink(cluster.profile.id),
        }),
        `${cluster.profile.name} calendar file`,
      ),
    );
  },
});

const history = subcommand({
  name: 'history',
  aliases: ['changes'],
  usage: 'history',
  args: nothingAfter,
  async handle({ invocation, services }) {
    const found = await services.rota.history(placeOf(invocation));
    return replyTo(found, ({ cluster, changes }) => {
      if (changes.length === 0) return textReply('No changes have been recorded yet.');
      const lines = changes.map((c) => `- ${formatLondon(c.at)}, ${c.byName}: ${c.summary}`);
      return textReply(`**Changes to ${cluster.profile.name}** (latest first)\n\n${lines.join('\n')}`);
    });
  },
});

const board = subcommand({
  name: 'board',
  usage: 'board yearly|termly|<school>',
  args: z
    .string()
    .transform((t) => t.trim())
    .refine(Boolean, 'say "yearly", "termly" or the school that represents the cluster')
    .transform((t) => (/^(yearly|termly)$/i.test(t) ? t.toLowerCase() : t)),
  async handle({ args, invocation, services }) {
    if (!args) return problemReply('say "yearly", "termly" or a school');
    const actor = actorOf(invocation);
    const outcome = await services.rota.setBoardRep(placeOf(invocation), args, actor);
    return replyTo(outcome, ({ summary }) => textReply(`${summary} (changed by ${actor.name})`));
  },
});

const reminders = subcommand({
  name: 'reminders',
  usage: 'reminders <hh:mm>',
  args: z.string().transform((raw, ctx) => {
    const match = /^(\d{1,2})[:.](\d{2})$/.exec(raw.trim());
    const time = match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : '';
    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return time;
    ctx.addIssue({ code: 'custom', message: 'give the time reminders go out, in 24-hour form, e.g. 08:30' });
    return z.NEVER;
  }),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    const outcome = await services.rota.setReminderTime(placeOf(invocation), args, actor);
    return replyTo(outcome, ({ summary }) => textReply(`${summary} (changed by ${actor.name})`));
  },
});

const changes = [
  subcommand({ name: 'swap', usage: 'swap <meeting> and <meeting>', args: SWAP_ARGS, handle: change }),
  subcommand({ name: 'pass', usage: 'pass <meeting>', args: PASS_ARGS, handle: change }),
  subcommand({ name: 'skip', usage: 'skip <meeting>', args: SKIP_ARGS, handle: change }),
  subcommand({
    name: 'move',
    usage: 'move <meeting> to <date> [hh:mm-hh:mm]',
    args: MOVE_ARGS,
    handle: change,
  }),
  subcommand({ name: 'venue', usage: 'venue <meeting> at <place>', args: VENUE_ARGS, handle: change }),
];

export const rotaCommand = defineCommandWithSubcommands({
  name: 'rota',
  readsInPersonalChat: true,
  description:
    'Shows who hosts, chairs and minutes each meeting; leads and affected hosts swap, pass, skip or move meetings.',
  examples: [
    '/rota',
    '/rota 2027-28',
    '/rota swap autumn 2 and spring 1',
    '/rota ics',
    '/rota move summer 1 to 04/05/2027',
  ],
  audience: 'cluster-member',
  otherwise: show,
  subcommands: [ics, ...changes, board, reminders, history],
});
