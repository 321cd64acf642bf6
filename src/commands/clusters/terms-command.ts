import { z } from 'zod';
import { renderTermDatesCard } from '../../cards/term-dates-card';
import {
  HALF_TERM_NAMES,
  type HalfTermNumber,
  halfTermName,
  parseAcademicYear,
} from '../../domain/calendar/academic-year';
import { formatLocalDate } from '../../domain/time/london-time';
import { withoutInvisibleCharacters } from '../../import/invisible-characters';
import { readTermDatesCsv, readTermDatesIcs } from '../../import/read-term-dates';
import { termDatesSetText } from '../../views/import-report-view';
import { CARD_VERBS } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
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
  const { text: body, found: invisible } = withoutInvisibleCharacters(rest.join('\n').trim());
  if (!body) return { year, dates: undefined, invisible };
  const read = /BEGIN:VCALENDAR/i.test(body) ? readTermDatesIcs(body, year) : readTermDatesCsv(body);
  if ('problems' in read) {
    for (const message of read.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return { year, dates: read, invisible };
});

export const termsCommand = defineCommand({
  name: 'terms',
  description:
    "Shows or sets a school year's half-term dates and INSET days (CSV or ICS), for cluster leads.",
  usage: '/terms <year> then lines of: half term,start,end (or INSET,date,date; or a pasted ICS file)',
  examples: ['/terms 2026-27', '/terms 2026-27\nAutumn 1,03/09/2026,23/10/2026\n…'],
  audience: 'cluster-member',
  suggested: false,
  args: TermsArgs,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    if (!args.dates) {
      const view = await services.rota.view(place);
      return replyTo(view, ({ cluster }) => {
        const calendar = cluster.calendars.find((c) => c.year === args.year);
        const dateOf = (n: number, key: 'start' | 'end') =>
          calendar?.halfTerms.find((h) => h.halfTerm === n)?.[key] ?? '';
        const summary = calendar
          ? calendar.halfTerms
              .map(
                (h) =>
                  `${halfTermName(h.halfTerm as HalfTermNumber)} ${formatLocalDate(h.start)} to ${formatLocalDate(h.end)}`,
              )
              .join('; ')
          : '';
        return cardReply(
          renderTermDatesCard({
            title: `${cluster.profile.name}: ${args.year} term dates`,
            explanation: calendar
              ? `Current dates: ${summary}. Change any and save (cluster leads only).`
              : `No dates are set for ${args.year} yet. Enter the first and last day of each half term (cluster leads only). Bank holidays are never meeting days.`,
            year: args.year,
            halfTerms: HALF_TERM_NAMES.map((name, i) => ({
              name,
              startId: `start${i + 1}`,
              endId: `end${i + 1}`,
              start: dateOf(i + 1, 'start'),
              end: dateOf(i + 1, 'end'),
            })),
            closures: (calendar?.closures ?? []).join(', '),
            verb: CARD_VERBS.setTermDates,
            uploadVerb: CARD_VERBS.uploadFile,
          }),
          `${args.year} term dates`,
        );
      });
    }
    const outcome = await services.calendar.setTermDates(
      place,
      args.year,
      args.dates.halfTerms,
      args.dates.closures,
      actorOf(invocation),
    );
    return replyTo(outcome, (set) => textReply(termDatesSetText(set, args.invisible)));
  },
});
