import { describe, expect, it } from 'vitest';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27, YEAR_2026_27 } from '../support/sample-calendar';
import { cardAction, HEAD_OF_BROAD_HEATH, HEAD_OF_EARLSDON } from '../support/teams-activities';

function inputs(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) ids.push(String(record.id));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return ids;
}

describe('cards for the cluster lead', () => {
  it('/school import on its own offers a card to paste the roster into, which imports it', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Roots');
    const card = cardOf(await say(bot, '/school import'));
    expect(inputs(card)).toEqual(['network', 'csv']);
    expect(card?.actions).toEqual([
      { type: 'Action.Execute', title: 'Import schools', verb: 'importRoster', data: {} },
      {
        type: 'Action.Execute',
        title: 'Upload the file instead',
        verb: 'uploadFile',
        associatedInputs: 'none',
        data: { kind: 'roster', option: '' },
      },
    ]);
    // Without a personal chat to send the link to, the link is not shown in the channel.
    const uploadPressed = await bot.send(
      cardAction('uploadFile', { kind: 'roster', option: '' }, HEAD_OF_BROAD_HEATH, 'channel'),
    );
    expect(uploadPressed.find((r) => r.type === 'message')?.text).toContain(
      'an upload link acts as you, so it is never posted here',
    );

    const replies = await bot.send(
      cardAction('importRoster', { network: 'Roots', csv: COVENTRY_ROSTER }, HEAD_OF_BROAD_HEATH, 'channel'),
    );
    const message = replies.find((r) => r.type === 'message');
    expect(message?.text).toMatch(/^Imported 17 school\(s\) of Roots\./);
    const response = replies.find((r) => r.type === 'invokeResponse')?.value as {
      status: number;
      body: { value: string };
    };
    expect(response.status).toBe(200);
    expect(response.body.value).toBe('Done: see my reply below.');
  });

  it('a refused card import changes nothing and leaves the card as it was', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Roots');
    const replies = await bot.send(
      cardAction('importRoster', { network: '', csv: COVENTRY_ROSTER }, HEAD_OF_EARLSDON, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      'Sorry, only a cluster lead of Roots can do that. Nothing was changed.',
    );
    const response = replies.find((r) => r.type === 'invokeResponse')?.value as {
      body: { type: string; value: string };
    };
    expect(response.body).toMatchObject({ value: 'Not done: see my reply below.' });
    expect(response.body.type).not.toBe('application/vnd.microsoft.card.adaptive');
  });

  it('/terms <year> offers a card of twelve dates and INSET days, which saves them', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Roots');
    const card = cardOf(await say(bot, '/terms 2026-27'));
    expect(cardText(card)).toContain('No dates are set for 2026-27 yet.');
    expect(inputs(card)).toEqual([
      ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`start${n}`, `end${n}`]),
      'closures',
      'pasted',
    ]);

    const data: Record<string, string> = { year: '2026-27', closures: '02/09/2026' };
    YEAR_2026_27.halfTerms.forEach((h) => {
      data[`start${h.halfTerm}`] = h.start;
      data[`end${h.halfTerm}`] = h.end;
    });
    const replies = await bot.send(cardAction('setTermDates', data, HEAD_OF_BROAD_HEATH, 'channel'));
    expect(replies.find((r) => r.type === 'message')?.text).toBe(
      'Term dates for **2026-27** are set: 0 meetings are on the rota. Type **/rota 2026-27** to see them.'.replace(
        '0 meetings',
        '6 meetings',
      ),
    );
    const again = cardOf(await say(bot, '/terms 2026-27'));
    expect(cardText(again)).toContain('Current dates: Autumn 1 Thu 3 Sep 2026 to Fri 23 Oct 2026;');
    expect(JSON.stringify(again)).toContain('"value":"2026-09-02"');
  });

  it('a term-dates card also takes dates pasted as CSV, which win over the date pickers', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Roots');
    const replies = await bot.send(
      cardAction(
        'setTermDates',
        { year: '2026-27', start1: '2026-09-09', pasted: TERM_DATES_CSV_2026_27 },
        HEAD_OF_BROAD_HEATH,
        'channel',
      ),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toContain(
      'Term dates for **2026-27** are set: 6 meetings',
    );
    expect(cardText(cardOf(await say(bot, '/terms 2026-27')))).toContain(
      'Autumn 1 Thu 3 Sep 2026 to Fri 23 Oct 2026',
    );
  });

  it('a term-dates card with a missing date says which line to fix', async () => {
    const bot = await startBotHarness('2026-09-01T08:00:00Z');
    await say(bot, '/setup Roots');
    const replies = await bot.send(
      cardAction('setTermDates', { year: '2026-27', start1: '2026-09-03' }, HEAD_OF_BROAD_HEATH, 'channel'),
    );
    expect(replies.find((r) => r.type === 'message')?.text).toContain(
      "I couldn't follow that **/terms**: line 1 (Autumn 1): both the first and last day are needed; " +
        'line 2 (Autumn 2): both the first and last day are needed;',
    );
  });
});
