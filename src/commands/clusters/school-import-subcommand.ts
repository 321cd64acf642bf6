import { z } from 'zod';
import { renderSchoolImportCard } from '../../cards/school-import-card';
import { rosterImportText } from '../../views/import-report-view';
import { CARD_VERBS } from '../card-commands';
import { actorOf, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { subcommand } from '../subcommands';
import { replyTo } from './outcome-reply';

/**
 * `/school import [network]` and the pasted lines below it. Without lines it shows the import
 * card (a box to paste the roster into), which sends the same command back.
 */
export const schoolImport = subcommand({
  name: 'import',
  usage: 'import [network] + CSV lines',
  args: z.string().transform((text) => {
    const [first = '', ...lines] = text.split('\n');
    const network = first.trim();
    const csv = lines.join('\n').trim();
    return { network: network || undefined, csv };
  }),
  async handle({ args, invocation, services }) {
    if (!args.csv) {
      return cardReply(
        renderSchoolImportCard({
          title: 'Import member schools',
          explanation:
            'Paste a roster: "school,urn,head" (URN and head may be empty), a "network,school" file such as ' +
            "Coventry's, or a GIAS export. Every row is checked first: if any row is wrong nothing is imported, " +
            'and importing the same file again changes nothing. A file too large to paste: *Upload the file instead* sends you a link to upload it as downloaded. Only cluster leads can import.',
          network: args.network ?? '',
          csv: '',
          verb: CARD_VERBS.importRoster,
          uploadVerb: CARD_VERBS.uploadFile,
        }),
        'Import member schools',
      );
    }
    const outcome = await services.rosterImport.importRoster(
      placeOf(invocation),
      args.csv,
      actorOf(invocation),
      args.network,
    );
    return replyTo(outcome, (report) => textReply(rosterImportText(report)));
  },
});
