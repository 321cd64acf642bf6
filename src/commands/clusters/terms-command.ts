import { z } from 'zod';
import { type HalfTermNumber, halfTermName, parseAcademicYear } from '../../domain/calendar/academic-year';
import { formatLocalDate } from '../../domain/time/london-time';
import { readTermDatesCsv, readTermDatesIcs } from '../../import/read-term-dates';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { textReply } from '../reply';
import { replyTo } from './outcome-reply';

/**
 * "/terms 2026-27" then, on the following lines, either a CSV (half term,start,end; INSET rows
 * for closures) or a pasted ICS calendar. Without dates it shows that year's dates.
 */
const TermsArgs = z.string().transform((raw, ctx) => {
  const [first = '', ...rest] = raw.split('\n');
  const year = parseAcademicYear(first.trim());
  if (!year) {
    ctx.addIssue({ code: 'custom', message: 'start with the school year, e.g. 2026-27' });
    return z.NEVER;
  }
  const body = rest.join('\n').trim();
  if (!body) return { year, dates: undefined };
  const read = /BEGIN:VCALENDAR/i.test(body) ? readTermDatesIcs(body, year) : readTermDatesCsv(body);
  if ('problems' in read) {
    for (const message of read.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return { year, dates: read };
});

export const termsCommand = defineCommand({
  name: 'terms',
  description:
    "Shows or sets a school year's half-term dates and INSET days (CSV or ICS), for cluster leads.",
  usage: '/terms <year> then lines of: half term,start,end (or INSET,date,date; or a pasted ICS file)',
  examples: ['/terms 2026-27', '/terms 2026-27\nAutumn 1,03/09/2026,23/10/2026\n…'],
  audience: 'cluster-member',
  args: TermsArgs,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    if (!args.dates) {
      const view = await services.rota.view(place);
      return replyTo(view, ({ cluster }) => {
        const calendar = cluster.calendars.find((c) => c.year === args.year);
        if (!calendar) {
          return textReply(
            `No term dates are set for ${args.year} yet. A cluster lead can set them with **/terms ${args.year}** followed by the six half terms.`,
          );
        }
        const lines = calendar.halfTerms.map(
          (h) =>
            `- ${halfTermName(h.halfTerm as HalfTermNumber)}: ${formatLocalDate(h.start)} to ${formatLocalDate(h.end)}`,
        );
        const closures = calendar.closures.length
          ? `\n\nClosures (INSET): ${calendar.closures.map(formatLocalDate).join(', ')}`
          : '';
        return textReply(`**${args.year} term dates**\n\n${lines.join('\n')}${closures}`);
      });
    }
    const outcome = await services.calendar.setTermDates(
      place,
      args.year,
      args.dates.halfTerms,
      args.dates.closures,
      actorOf(invocation),
    );
    return replyTo(outcome, ({ year, meetings }) =>
      textReply(
        `Term dates for **${year}** are set: ${meetings} meetings are on the rota. Type **/rota ${year}** to see them.`,
      ),
    );
  },
});
