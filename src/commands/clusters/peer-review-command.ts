import { z } from 'zod';
import { withRefresh } from '../../cards/card-refresh';
import { type LocalDate, parseUkDate } from '../../domain/time/local-date';
import { formatLocalDate } from '../../domain/time/london-time';
import {
  peerReviewCard,
  peerReviewDoneCard,
  peerReviewRequestCard,
  peerReviewsCard,
} from '../../views/peer-review-view';
import { refreshOf } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';

type PeerReviewArgs =
  | { action: 'ask' }
  | { action: 'list' }
  | { action: 'show' | 'withdraw' | 'done'; id: string }
  | { action: 'accept'; id: string; volunteer: string }
  | { action: 'schedule'; id: string; date: LocalDate };

const REVIEW_ID = /^r\d{1,5}$/i;

const Args = z.string().transform((raw, ctx): PeerReviewArgs => {
  const [word = '', id = '', third = ''] = raw.trim().split(/\s+/);
  const problem = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER as never;
  };
  const action = word.toLowerCase();
  if (action === '') return { action: 'ask' };
  if (action === 'list') return { action: 'list' };
  if (!['show', 'withdraw', 'done', 'accept', 'schedule'].includes(action))
    return problem(
      `"${word}" is not something /peerreview does (list, show, accept, schedule, done, withdraw)`,
    );
  if (!REVIEW_ID.test(id)) return problem(`name the request, e.g. "/peerreview ${action} R2"`);
  const reviewId = id.toUpperCase();
  if (action === 'accept') {
    if (!/^v\d{1,3}$/i.test(third))
      return problem('name the volunteer to accept, e.g. "/peerreview accept R2 V1"');
    return { action, id: reviewId, volunteer: third.toUpperCase() };
  }
  if (action === 'schedule') {
    const date = parseUkDate(third);
    if (!date) return problem('give the visit date, e.g. "/peerreview schedule R2 14/01/2027"');
    return { action, id: reviewId, date };
  }
  return { action: action as 'show', id: reviewId };
});

export const peerReviewCommand = defineCommand({
  name: 'peerreview',
  aliases: ['peer-review', 'review'],
  description:
    'Asks partner schools for a peer review; partners volunteer, the requester accepts, schedules and records the outcome.',
  usage:
    '/peerreview | list | show <R#> | accept <R#> <V#> | schedule <R#> <date> | done <R#> | withdraw <R#>',
  examples: [
    '/peerreview',
    '/peerreview list',
    '/peerreview accept R2 V1',
    '/peerreview schedule R2 14/01/2027',
  ],
  audience: 'cluster-member',
  args: Args,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    switch (args.action) {
      case 'ask':
      case 'list': {
        const cluster = await services.peerReviews.all(place);
        if (!cluster.ok) return problemReply(cluster.problem);
        return args.action === 'ask'
          ? cardReply(peerReviewRequestCard(cluster.value, services.clock()), 'Ask for a peer review')
          : cardReply(
              withRefresh(peerReviewsCard(cluster.value), refreshOf(cluster.value, { view: 'peerReviews' })),
              `${cluster.value.profile.name}: peer reviews`,
            );
      }
      case 'show':
      case 'done': {
        const found = await services.peerReviews.find(place, args.id);
        if (!found.ok) return problemReply(found.problem);
        const { cluster, review } = found.value;
        if (args.action === 'show')
          return cardReply(peerReviewCard(cluster, review), `Peer review ${review.id}`);
        if (review.status !== 'scheduled')
          return problemReply(`${review.id} needs a scheduled visit before its outcome is recorded`);
        return cardReply(peerReviewDoneCard(cluster, review), `Outcome of ${review.id}`);
      }
      case 'accept': {
        const outcome = await services.peerReviewDecisions.accept(place, args.id, args.volunteer, actor);
        return replyTo(outcome, (r) =>
          textReply(
            `Accepted ${args.volunteer} for **${r.id}**${r.status === 'reviewers-found' ? `: reviewers found. Book the visit with /peerreview schedule ${r.id} <date>.` : '.'}`,
          ),
        );
      }
      case 'schedule': {
        const outcome = await services.peerReviewDecisions.schedule(place, args.id, args.date, actor);
        return replyTo(outcome, (r) =>
          textReply(`**${r.id}**: the visit is on ${formatLocalDate(args.date)}.`),
        );
      }
      case 'withdraw': {
        const outcome = await services.peerReviewDecisions.withdraw(place, args.id, actor);
        return replyTo(outcome, (r) => textReply(`**${r.id}** is withdrawn.`));
      }
    }
  },
});
