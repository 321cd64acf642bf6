import { z } from 'zod';
import { HALF_TERM_NAMES } from '../../domain/calendar/academic-year';
import { MEASURE_CHOICES, measureNamed, schoolYearOf } from '../../domain/performance/measures';
import { halfTermNumberFrom } from '../../import/read-term-dates';
import { targetsReport } from '../../views/targets-view';
import { actorOf, placeOf } from '../command-definition';
import { textReply } from '../reply';
import { defineCommandWithSubcommands, subcommand } from '../subcommands';
import { replyTo } from './outcome-reply';
import { TableArgs } from './performance-command';

const review = subcommand({
  name: 'show',
  usage: '[year] [measure]',
  args: TableArgs,
  async handle({ args, invocation, services }) {
    const outcome = await services.targets.review(placeOf(invocation), args);
    return replyTo(outcome, ({ year, measure, reviews }) => textReply(targetsReport(year, measure, reviews)));
  },
});

/** "rwm 2025-26 70 for Earlsdon", "phonics 2025-26 82% for cluster". */
const SetArgs = z.string().transform((text, ctx) => {
  const match = /^(.+?)\s+(\d{4}\s*[-/]\s*\d{2,4})\s+(-?\d+(?:\.\d+)?)%?(?:\s+for\s+(.+))?$/i.exec(
    text.trim(),
  );
  const measure = match ? measureNamed(match[1] ?? '') : undefined;
  const year = match ? schoolYearOf(match[2] ?? '') : undefined;
  if (!match || !measure || !year) {
    ctx.addIssue({
      code: 'custom',
      message: `say the measure, the year and the target, e.g. "rwm 2025-26 70 for cluster" (measures: ${MEASURE_CHOICES.join(', ')})`,
    });
    return z.NEVER;
  }
  return { measure, year, value: Number(match[3]), ...(match[4] ? { school: match[4].trim() } : {}) };
});

const set = subcommand({
  name: 'set',
  usage: 'set <measure> <year> <value> [for <school> | cluster]',
  args: SetArgs,
  async handle({ args, invocation, services }) {
    const outcome = await services.targets.set(placeOf(invocation), actorOf(invocation), args);
    return replyTo(outcome, ({ label, target }) =>
      textReply(
        `Target set for **${label}**: ${target.value} (${target.measure}, ${target.year}). /targets shows how it is going.`,
      ),
    );
  },
});

const meeting = subcommand({
  name: 'meeting',
  usage: 'meeting <half term, e.g. autumn 2>',
  args: z.string().transform((text, ctx) => {
    const halfTerm = halfTermNumberFrom(text);
    if (!halfTerm) {
      ctx.addIssue({ code: 'custom', message: `say a half term: ${HALF_TERM_NAMES.join(', ')}` });
      return z.NEVER;
    }
    return halfTerm;
  }),
  async handle({ args, invocation, services }) {
    const outcome = await services.targets.reviewAt(placeOf(invocation), actorOf(invocation), args);
    return replyTo(outcome, (halfTerm) =>
      textReply(
        `Performance against targets is now an agenda item at each ${HALF_TERM_NAMES[halfTerm - 1]} meeting.`,
      ),
    );
  },
});

export const targetsCommand = defineCommandWithSubcommands({
  name: 'targets',
  description: 'Year-on-year targets per school and for the cluster, and whether they were met.',
  examples: ['/targets', '/targets 2024-25 phonics', '/targets set rwm 2025-26 70 for cluster'],
  audience: 'cluster-member',
  suggested: false,
  otherwise: review,
  subcommands: [set, meeting],
});
