import { z } from 'zod';
import { renderPerformanceCard, renderPerformanceEntryCard } from '../../cards/performance-card';
import {
  MEASURE_CHOICES,
  type MeasureId,
  measureNamed,
  schoolYearOf,
} from '../../domain/performance/measures';
import { performanceCardData, performanceEntryCardData } from '../../views/performance-view';
import { actorOf, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { defineCommandWithSubcommands, subcommand } from '../subcommands';
import { replyTo } from './outcome-reply';
import { fetchPublished, importFile } from './performance-import-subcommands';

/** "[year] [measure]": "2023-24 reading progress", "phonics", or nothing. */
export const TableArgs = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const yearMatch = /^(\d{4}\s*[-/]\s*\d{2,4})\b/.exec(trimmed);
  const year = yearMatch ? schoolYearOf(yearMatch[1] ?? '') : undefined;
  const rest = (yearMatch ? trimmed.slice(yearMatch[0].length) : trimmed).trim();
  const measure = rest ? measureNamed(rest) : undefined;
  if (rest && !measure) {
    ctx.addIssue({
      code: 'custom',
      message: `"${rest}" is not a measure Clusterbot knows. Try one of: ${MEASURE_CHOICES.join(', ')}`,
    });
    return z.NEVER;
  }
  return { ...(year ? { year } : {}), ...(measure ? { measure } : {}) } as {
    year?: string;
    measure?: MeasureId;
  };
});

const show = subcommand({
  name: 'show',
  usage: '[year] [measure]',
  args: TableArgs,
  async handle({ args, invocation, services }) {
    const outcome = await services.performance.table(placeOf(invocation), args);
    return replyTo(outcome, ({ cluster, table }) =>
      cardReply(
        renderPerformanceCard(performanceCardData(cluster.profile.name, table)),
        `Performance: ${cluster.profile.name}`,
      ),
    );
  },
});

/** "[year] [for <school>]": a head enters for their own school; a lead names the school. */
const enter = subcommand({
  name: 'enter',
  usage: 'enter [year] [for <school>]',
  args: z.string().transform((text) => {
    const match = /^\s*(\d{4}\s*[-/]\s*\d{2,4})?\s*(?:for\s+(.+))?$/i.exec(text.trim());
    return { year: schoolYearOf(match?.[1] ?? ''), school: match?.[2]?.trim() };
  }),
  async handle({ args, invocation, services }) {
    const year = args.year ?? services.performanceEntry.latestYear();
    const outcome = await services.performanceEntry.form(
      placeOf(invocation),
      actorOf(invocation),
      year,
      args.school,
    );
    return replyTo(outcome, ({ cluster, school, entered }) =>
      cardReply(
        renderPerformanceEntryCard(performanceEntryCardData(cluster.profile.id, school, year, entered)),
        `${school.name}: figures for ${year}`,
      ),
    );
  },
});

const share = subcommand({
  name: 'share',
  usage: 'share on | off',
  args: z
    .string()
    .transform((t) => t.trim().toLowerCase())
    .refine((t) => t === 'on' || t === 'off', 'say "on" or "off"'),
  async handle({ args, invocation, services }) {
    const outcome = await services.performance.setSharing(
      placeOf(invocation),
      actorOf(invocation),
      args === 'on',
    );
    return replyTo(outcome, (shared) =>
      textReply(
        shared
          ? "The board now sees the cluster's school-entered figures (phonics, KS1, attendance), as the cluster's weighted figure only."
          : "The board no longer sees the cluster's school-entered figures.",
      ),
    );
  },
});

export const performanceCommand = defineCommandWithSubcommands({
  name: 'performance',
  description:
    "The partnership's performance table: each school, the cluster, its LAs and England, three years.",
  examples: [
    '/performance',
    '/performance 2023-24 reading',
    '/performance phonics',
    '/performance import',
    '/performance enter',
  ],
  audience: 'cluster-member',
  // Used a few times a year, when results arrive: in /help, not in Teams' short menu.
  suggested: false,
  otherwise: show,
  subcommands: [importFile, fetchPublished, enter, share],
});
