import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderErasureCard } from '../../cards/privacy-cards';
import { actorOf, placeOf } from '../../commands/command-definition';
import { erasureCardData, PRIVACY_VERBS } from '../../views/privacy-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const ErasureData = z.object({
  kind: z.enum(['school', 'person']),
  clusterId: z.string().max(40).default(''),
  schoolId: z.string().max(200).default(''),
  userId: z.string().max(200).default(''),
  label: z.string().min(1).max(200),
});

/**
 * The confirm click of "/privacy erase" and "/privacy forget": who may do it is checked again
 * (the card may have been forwarded), the changes are worked out again from what is stored now,
 * and the card answers with what was done.
 */
export function registerPrivacyActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    PRIVACY_VERBS.erase,
    async (context, _state, raw) => {
      const parsed = ErasureData.safeParse(raw ?? {});
      if (!parsed.success) {
        await respond(context, 'This card is out of date: ask again with /privacy.');
        return 'invalid';
      }
      const data = parsed.data;
      const invocation = invocationFrom(context.activity);
      const actor = actorOf(invocation);
      const subject =
        data.kind === 'school'
          ? await deps.erasures.schoolSubject(placeOf(invocation), data.label, actor)
          : await deps.erasures.personSubject(
              placeOf(invocation),
              { userId: data.userId, name: data.label },
              actor,
            );
      const sameSchool =
        !subject.ok || subject.value.kind !== 'school' || subject.value.schoolId === data.schoolId;
      if (!subject.ok || !sameSchool) {
        const problem = subject.ok ? 'this card is for another school' : subject.problem;
        await respond(context, `Sorry, ${problem}. Nothing was erased.`);
        return problem;
      }
      const done = await deps.erasures.erase(subject.value, actor);
      if (!done.ok) {
        await respond(context, `Sorry, ${done.problem}. Nothing was erased.`);
        return done.problem;
      }
      turnLogger(context, deps.logger).info(
        { kind: data.kind, changes: done.value.changes },
        'personal data erased',
      );
      await respond(context, renderErasureCard(erasureCardData(subject.value, done.value, true)));
      return 'erased';
    },
  );
}
