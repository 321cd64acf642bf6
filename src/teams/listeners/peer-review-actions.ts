import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorOf, placeOf } from '../../commands/command-definition';
import type { Outcome } from '../../domain/outcome';
import { PEER_REVIEW_VERBS, readDoneCard, readRequestCard } from '../../views/peer-review-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const ReviewCard = z.object({
  clusterId: z.string().min(1).max(40),
  reviewId: z.string().regex(/^R\d{1,5}$/),
});

/**
 * The peer-review cards: the request form, Volunteer on a request in the channel, and the outcome
 * form. Each answers with a short message, which leaves the card (and anything typed in it) as it
 * was, so a refused request can be corrected and sent again.
 */
export function registerPeerReviewActions(app: Application, deps: BotDependencies): void {
  const answer = async <T>(
    context: TurnContext,
    verb: string,
    outcome: Outcome<T>,
    done: (value: T) => string,
  ) => {
    turnLogger(context, deps.logger).info({ verb, stored: outcome.ok }, 'peer review card');
    const message = outcome.ok ? done(outcome.value) : `Not done: ${outcome.problem}.`;
    await respond(context, message);
    return message;
  };

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    PEER_REVIEW_VERBS.request,
    async (context, _state, data) => {
      const invocation = invocationFrom(context.activity);
      const input = readRequestCard(data ?? {});
      if (typeof input === 'string')
        return answer(context, PEER_REVIEW_VERBS.request, { ok: false, problem: input }, () => '');
      const outcome = await deps.peerReviews.request(placeOf(invocation), input, actorOf(invocation));
      return answer(
        context,
        PEER_REVIEW_VERBS.request,
        outcome,
        (r) => `Asked: ${r.id} is in the channel for partners to volunteer.`,
      );
    },
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    PEER_REVIEW_VERBS.volunteer,
    async (context, _state, data) => {
      const card = ReviewCard.safeParse(data ?? {});
      if (!card.success)
        return answer(
          context,
          PEER_REVIEW_VERBS.volunteer,
          { ok: false, problem: 'this card is out of date' },
          () => '',
        );
      const colleague = typeof data?.colleague === 'string' ? data.colleague.trim() : '';
      const outcome = await deps.peerReviews.volunteer(
        card.data.clusterId,
        card.data.reviewId,
        colleague || undefined,
        actorOf(invocationFrom(context.activity)),
      );
      return answer(
        context,
        PEER_REVIEW_VERBS.volunteer,
        outcome,
        ({ review, school }) =>
          `Thank you: ${school.name}'s offer for ${review.id} is with the requesting school.`,
      );
    },
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    PEER_REVIEW_VERBS.done,
    async (context, _state, data) => {
      const card = ReviewCard.safeParse(data ?? {});
      const input = readDoneCard(data ?? {});
      if (!card.success)
        return answer(
          context,
          PEER_REVIEW_VERBS.done,
          { ok: false, problem: 'this card is out of date' },
          () => '',
        );
      if (typeof input === 'string')
        return answer(context, PEER_REVIEW_VERBS.done, { ok: false, problem: input }, () => '');
      const outcome = await deps.peerReviewDecisions.complete(
        card.data.clusterId,
        card.data.reviewId,
        input.summary,
        input.actions,
        actorOf(invocationFrom(context.activity)),
      );
      return answer(
        context,
        PEER_REVIEW_VERBS.done,
        outcome,
        (r) =>
          `Recorded: ${r.id} is done${r.followUpActionIds.length > 0 ? ` with follow-up actions ${r.followUpActionIds.join(', ')}` : ''}.`,
      );
    },
  );
}
