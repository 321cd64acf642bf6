import { describe, expect, it } from 'vitest';
import { type BotHarness, cardOf, say, secondRetention } from '../support/bot-harness';
import { pressButton } from '../support/card-inputs';
import { rootsWithAnApology } from '../support/roots-with-an-apology';
import { HEAD_OF_EARLSDON } from '../support/teams-activities';

const REASON = 'Governors visit that afternoon';

/** Roots in November 2026: an apology with a reason, and a minutes draft nobody publishes. */
async function rootsWithHistory() {
  const { bot, clusterId } = await rootsWithAnApology(REASON, [[HEAD_OF_EARLSDON, 'Cannon Park']]);
  bot.clock.set('2026-11-23T10:00:00Z');
  const minutes = cardOf(await say(bot, '/minutes', HEAD_OF_EARLSDON));
  await pressButton(bot, minutes, 'Save draft', HEAD_OF_EARLSDON, {
    'note-0': 'Draft notes, never published',
  });
  return { bot, clusterId };
}

async function clusterRows(bot: BotHarness): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of bot.tables.table('clusters').listEntities())
    rows.push(`${row.rowKey} ${JSON.stringify(row)}`);
  return rows;
}

describe('retention', () => {
  it('keeps answers and drafts while they are recent: the dry run shows nothing due', async () => {
    const { bot } = await rootsWithHistory();
    bot.clock.set('2027-06-01T09:00:00Z');
    const report = (await say(bot, '/privacy retention'))?.text ?? '';
    expect(report).toContain('a dry run: nothing has been deleted');
    expect(report).toContain('Nothing is due');
    expect((await say(bot, '/privacy retention', HEAD_OF_EARLSDON))?.text).toContain(
      'only a cluster lead of Roots',
    );
  });

  it('deletes what has fallen due once, across two instances, after the dry run showed it', async () => {
    const { bot, clusterId } = await rootsWithHistory();
    bot.clock.set('2028-09-04T01:17:00Z'); // school year 2028-29: two after 2026-27; the draft is 21 months old
    const report = (await say(bot, '/privacy retention'))?.text ?? '';
    expect(report).toMatch(/apology reasons.*Due now: \*\*1\*\*/);
    expect(report).toMatch(/Minute drafts.*Due now: \*\*1\*\*/);
    expect((await clusterRows(bot)).join('\n')).toContain(REASON); // the dry run deleted nothing

    const [first, second] = await Promise.all([bot.retention.tick(), secondRetention(bot).tick()]);
    const deleted = [first?.[clusterId], second?.[clusterId]].filter((n) => n !== undefined);
    expect(deleted).toEqual([2]); // one instance did it, the other found it claimed
    const rows = await clusterRows(bot);
    expect(rows.filter((r) => r.startsWith('rsvp|'))).toEqual([]);
    expect(rows.filter((r) => r.startsWith('minutes|'))).toEqual([]);
    expect(rows.join('\n')).toContain(
      'Retention: deleted 1 under answersSchoolYears, 1 under draftMinutesYears.',
    );

    expect(await bot.retention.tick()).toEqual({}); // the same day again: already done
    bot.clock.set('2028-09-05T01:17:00Z');
    expect((await bot.retention.tick())[clusterId]).toBe(0); // next night: nothing new is due
  });
});
