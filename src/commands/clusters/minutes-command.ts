import { z } from 'zod';
import { halfTermName } from '../../domain/calendar/academic-year';
import { formatLondon } from '../../domain/time/london-time';
import { minutesDocument } from '../../views/minutes-document';
import { minutesEditorCard } from '../../views/minutes-view';
import { publishedMinutesCard } from '../../views/published-minutes-view';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply } from './outcome-reply';
import { replyWithDraft } from './private-draft';

export const minutesCommand = defineCommand({
  name: 'minutes',
  readsInPersonalChat: true,
  description:
    'Opens the minutes of the latest meeting: the minute-taker or chair writes and publishes them; everyone reads them.',
  usage: '/minutes | withdraw links',
  examples: ['/minutes', '/minutes withdraw links'],
  audience: 'cluster-member',
  args: z
    .string()
    .transform((text) => text.trim().toLowerCase().replace(/\s+/g, ' '))
    .refine((text) => text === '' || text === 'withdraw links', {
      message:
        '/minutes opens the minutes of the latest meeting; a lead can stop every link sent so far with "/minutes withdraw links"',
    }),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    if (args === 'withdraw links') {
      const withdrawn = await services.minutes.withdrawLinks(placeOf(invocation), actor);
      if (!withdrawn.ok) return problemReply(withdrawn.problem);
      return textReply(
        'Every minutes link sent so far no longer opens (copies already downloaded are unaffected). /minutes gives fresh links, which last three years.',
      );
    }
    const opened = await services.minutes.open(placeOf(invocation), actor);
    if (!opened.ok) return problemReply(opened.problem);
    const view = opened.value;
    const { cluster, meeting, minutes } = view;
    const name = `${halfTermName(meeting.halfTerm)} ${meeting.year}`;
    if (!view.canWrite) {
      // Members and board readers see published minutes only, never drafts.
      if (!minutes.published) {
        return textReply(
          `The minutes of the ${name} meeting (${formatLondon(meeting.startsAt)}) are not published yet. ${meeting.minuteTaker?.name ?? 'The minute-taker'} takes them; they will appear in the channel.`,
        );
      }
      const doc = minutesDocument(cluster, meeting, minutes);
      return cardReply(
        publishedMinutesCard(doc, services.minutes.linksFor(cluster.profile.id, meeting.id)),
        doc.title,
      );
    }
    const card = minutesEditorCard(view);
    const summary = `Minutes of the ${name} meeting`;
    return replyWithDraft(
      invocation,
      services,
      { card, summary },
      `I've sent you the minutes of the ${name} meeting in our personal chat: write them there, save a draft, and publish when they're ready.`,
    );
  },
});
