import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderPerformanceEntryCard } from '../../cards/performance-card';
import { actorOf } from '../../commands/command-definition';
import { ENTRY_INPUTS, performanceEntryCardData } from '../../views/performance-view';
import type { BotDependencies } from '../bot-dependencies';
import { respond } from '../invoke-response';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

/** A number typed in a card (Teams sends inputs as strings; empty means not given). */
const typedNumber = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined || String(v).trim() === '' ? undefined : Number(v)));

const EntryData = z
  .object({
    clusterId: z.string().min(1).max(40),
    schoolId: z.string().min(1).max(200),
    year: z.string().regex(/^\d{4}-\d{2}$/),
  })
  .passthrough();

/** "Save figures" on a school's entry card: the figures given, each with its cohort. */
export function registerPerformanceActions(app: Application, deps: BotDependencies): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'performanceEnter',
    async (context, _state, raw) => {
      const parsed = EntryData.safeParse(raw ?? {});
      if (!parsed.success) {
        await respond(context, 'This card is out of date: ask again with /performance enter.');
        return 'invalid';
      }
      const data = parsed.data as Record<string, unknown> & z.infer<typeof EntryData>;
      const entries = [];
      for (const input of ENTRY_INPUTS) {
        const value = typedNumber.parse(data[input.id]);
        const cohort = typedNumber.parse(data[input.cohortId]);
        if (value === undefined && cohort === undefined) continue;
        if (value === undefined || cohort === undefined || Number.isNaN(value) || Number.isNaN(cohort)) {
          await respond(
            context,
            'Give each figure with its number of pupils (both, or neither). Nothing was saved.',
          );
          return 'incomplete';
        }
        entries.push({ measure: input.measure, value, cohort });
      }
      const actor = actorOf(invocationFrom(context.activity));
      const saved = await deps.performanceEntry.enter(
        data.clusterId,
        data.schoolId,
        data.year,
        actor,
        entries,
      );
      if (!saved.ok) {
        await respond(context, `Sorry, ${saved.problem}. Nothing was saved.`);
        return saved.problem;
      }
      turnLogger(context, deps.logger).info({ figures: entries.length }, 'school figures entered');
      const { school, entered } = saved.value;
      const note = `Saved ${entries.length} figure(s) for ${school.name}, ${data.year}.`;
      await respond(
        context,
        renderPerformanceEntryCard(
          performanceEntryCardData(data.clusterId, school, data.year, entered, note),
        ),
      );
      return note;
    },
  );
}
