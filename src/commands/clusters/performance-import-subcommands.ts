import { z } from 'zod';
import { schoolYearOf } from '../../domain/performance/measures';
import { performanceImportText } from '../../views/import-report-view';
import { actorOf, placeOf } from '../command-definition';
import { textReply } from '../reply';
import { nothingAfter, subcommand } from '../subcommands';
import { replyTo } from './outcome-reply';

/** "/performance import" (a pasted file) and "/performance fetch" (the EES public API): leads. */
export const importFile = subcommand({
  name: 'import',
  usage: 'import [year] + the CSV file pasted below',
  args: z.string().transform((text) => {
    const [first = '', ...lines] = text.split('\n');
    return { year: schoolYearOf(first.trim()), csv: lines.join('\n') };
  }),
  async handle({ args, invocation, services }) {
    if (!args.csv.trim())
      return textReply(
        "Paste the file below the command: a DfE KS2 file (Explore Education Statistics, or the england_ks2final download with its year, e.g. `/performance import 2023-24`) or Ofsted's management information. Only your schools' rows are kept. A file too large to paste: attach it in your personal chat with me, or type **/upload performance [year]** for a link to upload it.",
      );
    const outcome = await services.performanceImport.importFile(
      placeOf(invocation),
      [args.csv],
      actorOf(invocation),
      args.year,
    );
    return replyTo(outcome, (report) => textReply(performanceImportText(report)));
  },
});

export const fetchPublished = subcommand({
  name: 'fetch',
  usage: 'fetch',
  args: nothingAfter,
  async handle({ invocation, services }) {
    const outcome = await services.performanceImport.fetchPublished(placeOf(invocation), actorOf(invocation));
    return replyTo(outcome, (reports) =>
      textReply(
        reports
          .map(({ dataSet, report }) =>
            report.ok
              ? `Data set ${dataSet}: read **${report.value.format}**; kept ${report.value.matched.reduce((n, m) => n + m.rows, 0)} rows for ${report.value.matched.length} school(s).`
              : `Data set ${dataSet}: nothing imported, because ${report.problem}.`,
          )
          .join('\n'),
      ),
    );
  },
});
