import { z } from 'zod';
import { renderFileUploadCard } from '../../cards/file-upload-card';
import { parseAcademicYear } from '../../domain/calendar/academic-year';
import type { FileKind } from '../../domain/imports/file-upload';
import { schoolYearOf } from '../../domain/performance/measures';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { problemReply } from './outcome-reply';
import { replyPrivately } from './private-draft';

const KIND_WORDS: Record<string, FileKind> = {
  roster: 'roster',
  schools: 'roster',
  gias: 'roster',
  terms: 'terms',
  'term-dates': 'terms',
  performance: 'performance',
  results: 'performance',
  ofsted: 'performance',
};

/** The kind of file a word names ("roster", "gias", "terms", "results"…), if any. */
export const fileKindNamed = (word: string): FileKind | undefined =>
  Object.hasOwn(KIND_WORDS, word.toLowerCase()) ? KIND_WORDS[word.toLowerCase()] : undefined;

const WHAT: Record<FileKind, { title: string; explanation: (option: string) => string }> = {
  roster: {
    title: 'Upload a roster',
    explanation: (network) =>
      `Choose the file as you downloaded it: a GIAS establishment export, a network file such as Coventry's${network ? ` (the ${network} rows are read)` : ''}, or your own "school,urn,head" CSV. Every row is checked first: if any row is wrong nothing is imported, and importing the same file again changes nothing.`,
  },
  terms: {
    title: 'Upload term dates',
    explanation: (year) =>
      `Choose your local authority's term dates for ${year}: a CSV (half term,start,end; INSET rows for closures) or an .ics calendar.`,
  },
  performance: {
    title: 'Upload performance data',
    explanation: (year) =>
      `Choose a DfE KS2 file (Explore Education Statistics, or england_ks2final${year ? ` for ${year}` : ''}) or Ofsted's management information, as downloaded: only your schools' rows are kept. Files with pupil-level columns are refused.`,
  },
};

const Args = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const [word = '', ...rest] = text.split(/\s+/);
    const kind = fileKindNamed(word);
    const option = rest.join(' ');
    if (!kind) {
      ctx.addIssue({
        code: 'custom',
        message: 'say what the file is: roster, terms <year> or performance [year]',
      });
      return z.NEVER;
    }
    const year = kind === 'terms' ? parseAcademicYear(option) : option ? schoolYearOf(option) : '';
    if (kind !== 'roster' && year === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${option}" is not a school year: write it like 2026-27` });
      return z.NEVER;
    }
    return { kind, option: kind === 'roster' ? option : (year ?? '') };
  });

/**
 * "/upload roster [network] | terms <year> | performance [year]": a link to a page where a cluster
 * lead chooses the file as downloaded. The link acts as them, so it only ever goes to their
 * personal chat; in a personal chat a file can also simply be attached.
 */
export const uploadCommand = defineCommand({
  name: 'upload',
  readsInPersonalChat: true,
  description:
    'Sends a cluster lead a link to upload a roster, term dates or performance file as downloaded.',
  usage: '/upload roster [network] | terms <year> | performance [year]',
  examples: ['/upload roster', '/upload terms 2026-27', '/upload performance 2023-24'],
  audience: 'cluster-lead',
  suggested: false,
  args: Args,
  async handle({ args, invocation, services }) {
    const outcome = await services.uploads.target(
      placeOf(invocation),
      actorOf(invocation),
      args.kind,
      args.option,
    );
    if (!outcome.ok) return problemReply(outcome.problem);
    const { target, clusterName } = outcome.value;
    const what = WHAT[args.kind];
    const draft = {
      card: renderFileUploadCard({
        title: `${what.title} for ${clusterName}`,
        explanation: what.explanation(args.option),
        validity:
          'This link is yours alone (it imports as you) and works for an hour. Files are read as windows-1252 or UTF-8, whichever they are, and invisible characters are taken out and listed. In this chat you can also attach the file to a message.',
        url: services.uploadLink(target),
      }),
      summary: `${what.title} for ${clusterName}`,
    };
    return replyPrivately(invocation, services, draft, {
      sent: "I've sent you an upload link in our personal chat: it is yours alone and works for an hour.",
      why: 'an upload link acts as you, so it is never posted here',
    });
  },
});
