import { z } from 'zod';
import { renderAgendaCard } from '../../cards/agenda-card';
import { withRefresh } from '../../cards/card-refresh';
import { type HalfTermNumber, halfTermName, parseAcademicYear } from '../../domain/calendar/academic-year';
import { whoMay } from '../../domain/clusters/who-may';
import { formatLondon } from '../../domain/time/london-time';
import { agendaCardHeading } from '../../views/agenda-view';
import { CARD_VERBS, refreshOf } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';
import { replyWithDraft } from './private-draft';

type AgendaArgs =
  | { action: 'show' }
  | { action: 'publish' }
  | { action: 'add'; text: string; paper?: string }
  | { action: 'accept' | 'drop' | 'up' | 'down'; id: string }
  | { action: 'foci'; year: string; foci: string[] }
  | { action: 'standing'; items: string[] };

const Args = z.string().transform((raw, ctx): AgendaArgs => {
  const text = raw.trim();
  const [word = '', ...rest] = text.split(/\s+/);
  const remainder = text.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case '':
      return { action: 'show' };
    case 'publish':
      return { action: 'publish' };
    case 'add': {
      const [item = '', paper] = remainder.split('|').map((p) => p.trim());
      if (!item) {
        ctx.addIssue({
          code: 'custom',
          message: 'say what the item is, e.g. "/agenda add Year 6 writing moderation"',
        });
        return z.NEVER as never;
      }
      return { action: 'add', text: item, ...(paper ? { paper } : {}) };
    }
    case 'accept':
    case 'drop':
    case 'up':
    case 'down': {
      const id = rest[0] ?? '';
      if (!/^p\d+$/i.test(id)) {
        ctx.addIssue({ code: 'custom', message: 'name the proposed item, e.g. P3' });
        return z.NEVER as never;
      }
      return { action: word.toLowerCase() as 'accept', id: id.toUpperCase() };
    }
    case 'foci': {
      const match = /^([^\s:]+)\s*:?\s*([\s\S]*)$/.exec(remainder);
      const year = parseAcademicYear(match?.[1] ?? '');
      if (!year) {
        ctx.addIssue({
          code: 'custom',
          message: 'start with the school year, e.g. "/agenda foci 2026-27: Reading; Maths; …"',
        });
        return z.NEVER as never;
      }
      return {
        action: 'foci',
        year,
        foci: (match?.[2] ?? '')
          .split(';')
          .map((f) => f.trim())
          .filter(Boolean),
      };
    }
    case 'standing':
      return {
        action: 'standing',
        items: remainder
          .split(';')
          .map((f) => f.trim())
          .filter(Boolean),
      };
    default:
      ctx.addIssue({
        code: 'custom',
        message: `"${word}" is not something /agenda does (add, accept, drop, up, down, foci, standing)`,
      });
      return z.NEVER as never;
  }
});

export const agendaCommand = defineCommand({
  name: 'agenda',
  readsInPersonalChat: true,
  description:
    "Shows the next meeting's agenda; members propose items, the chair accepts or drops them; leads set the foci.",
  usage:
    '/agenda | add <item> [| <paper link>] | accept|drop|up|down <P#> | publish | foci <year>: <six foci> | standing <items>',
  examples: [
    '/agenda',
    '/agenda add Year 6 writing moderation | https://contoso.sharepoint.com/…',
    '/agenda accept P2',
  ],
  audience: 'cluster-member',
  args: Args,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    switch (args.action) {
      case 'show': {
        const next = await services.agenda.next(place);
        if (!next.ok) return problemReply(next.problem);
        const { cluster, meeting, items } = next.value;
        const isChair = whoMay.chair(cluster, meeting, actor.userId);
        const waiting = cluster.proposals.filter(
          (p) => p.meetingId === meeting.id && p.status === 'proposed',
        );
        const published = cluster.publishedAgendas.some((p) => p.meetingId === meeting.id);
        const drawn = renderAgendaCard({
          ...agendaCardHeading(cluster, meeting, items),
          proposalsHeading: 'Proposed items waiting for the chair',
          proposals: isChair
            ? waiting.map((p) => ({
                id: p.id,
                text: `${p.id}: ${p.text} (from ${p.proposedByName})`,
                verb: CARD_VERBS.agendaDecision,
                clusterPlaceKey: cluster.profile.place.placeKey,
              }))
            : [],
          footer: isChair
            ? 'Draft: accept or drop proposed items here, order them with /agenda up P# or /agenda down P#, then /agenda publish. Until then the week-before reminder carries this draft.'
            : published
              ? 'Propose an item with /agenda add <item>; the chair decides what goes on.'
              : 'Not published yet: this is the draft so far. Propose an item with /agenda add <item>.',
        });
        const card = withRefresh(drawn, refreshOf(cluster, { view: 'agenda' }));
        const summary = `Agenda for ${formatLondon(meeting.startsAt)}`;
        if (!isChair) return cardReply(card, summary);
        return replyWithDraft(
          invocation,
          services,
          { card, summary },
          "I've sent you the draft agenda in our personal chat. Publish it with **/agenda publish**.",
        );
      }
      case 'publish': {
        const outcome = await services.agenda.publish(place, actor);
        return replyTo(outcome, ({ updated }) =>
          textReply(
            updated
              ? 'The agenda in the channel has been updated.'
              : 'The agenda is published in the channel.',
          ),
        );
      }
      case 'add': {
        const outcome = await services.agenda.propose(place, args.text, args.paper, actor);
        return replyTo(outcome, (p) =>
          textReply(`Proposed **${p.id}**: ${p.text}. The chair will accept or drop it.`),
        );
      }
      case 'foci': {
        const outcome = await services.meetingPlan.setFoci(place, args.year, args.foci, actor);
        return replyTo(outcome, (foci) =>
          textReply(
            `Meeting foci for ${args.year}: ${foci.map((f, i) => `${halfTermName((i + 1) as HalfTermNumber)} ${f}`).join('; ')}.`,
          ),
        );
      }
      case 'standing': {
        const outcome = await services.meetingPlan.setStandingItems(place, args.items, actor);
        return replyTo(outcome, (items) => textReply(`Standing items: ${items.join('; ')}.`));
      }
      default: {
        const outcome = await services.agenda.decide(place, args.id, args.action, actor);
        return replyTo(outcome, ({ proposal: p, itemNumber }) => {
          const where = itemNumber ? ` as item ${itemNumber}` : '';
          const what =
            p.status === 'dropped'
              ? 'dropped'
              : args.action === 'up' || args.action === 'down'
                ? `moved ${args.action}: it is now item ${itemNumber ?? '?'} of the agenda`
                : `is on the agenda${where}`;
          return textReply(`**${p.id}** ${what} (by ${actor.name}).`);
        });
      }
    }
  },
});
