import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger';
import { type BotHarness, cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { startConnectorRecorder } from '../support/connector-recorder';
import { fileInPersonalChat, startFileServer } from '../support/file-server';
import { giasExport, windows1252 } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  botAddedToPersonalChat,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  type Person,
  personalConversationId,
  personalMessage,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
/** A GIAS export as downloaded: windows-1252, CRLF, every column. */
const GIAS_FILE = windows1252(
  giasExport([
    { urn: '103692', name: 'Broad Heath Primary School', town: 'Coventry' },
    { urn: '103704', name: 'Earlsdon Primary School', town: 'Coventry' },
    { urn: '103711', name: 'St Teresa’s Catholic Primary School', town: 'Coventry' },
  ]),
);
/** The same school in a file that was once decoded as Latin-1 and saved again as UTF-8. */
const MISREAD_FILE = Buffer.from(
  giasExport([{ urn: '103713', name: 'St Bartholomew\u0092s CofE Primary School', town: 'Coventry' }]),
  'utf8',
);
const PERFORMANCE_FILE = readFileSync(
  join(__dirname, '..', 'fixtures', 'benchmarking', 'ks2_school_performance.csv'),
);

async function rootsWithFiles() {
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  await say(bot, '/setup Roots');
  const files = await startFileServer({
    '/gias.csv': GIAS_FILE,
    '/misread.csv': MISREAD_FILE,
    '/terms.csv': Buffer.from(TERM_DATES_CSV_2026_27, 'utf8'),
    '/performance.csv': PERFORMANCE_FILE,
    '/letter.txt': Buffer.from('Dear colleagues,\nPlease find attached the minutes.'),
    '/schools.xlsx': Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', 'latin1'),
  });
  return { bot, files };
}

const send = async (bot: BotHarness, url: string, from: Person, text = '') =>
  (await bot.send(fileInPersonalChat(url, from, text)))[0]?.text ?? '';

describe('a file attached in a personal chat with Clusterbot', () => {
  it('is imported as downloaded from GIAS, decoded from windows-1252, into the one cluster the lead runs', async () => {
    const { bot, files } = await rootsWithFiles();
    expect(await send(bot, files.url('/gias.csv'), LEAD)).toContain('Imported 3 school(s)');
    const list = cardText(cardOf(await say(bot, '/school list')));
    expect(list).toContain('St Teresa’s Catholic Primary School');
    expect(list).not.toContain('St TeresaÃ');
  });

  it('takes out the invisible characters of a file decoded the wrong way before, and says where they were', async () => {
    const { bot, files } = await rootsWithFiles();
    expect(await send(bot, files.url('/misread.csv'), LEAD, '/school import')).toContain(
      'An invisible character was taken out: line 2 (U+0092, read as ’).',
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain(
      'St Bartholomew’s CofE Primary School',
    );
  });

  it('reads term dates and performance files too, from what the message says or from the file itself', async () => {
    const { bot, files } = await rootsWithFiles();
    await send(bot, files.url('/gias.csv'), LEAD);
    expect(await send(bot, files.url('/terms.csv'), LEAD, '/terms 2026-27')).toContain(
      'Term dates for **2026-27** are set',
    );
    expect(await send(bot, files.url('/terms.csv'), LEAD)).toContain('Term dates for **2026-27** are set');
    const performance = await send(bot, files.url('/performance.csv'), LEAD);
    expect(performance).toContain('Read **DfE KS2 school performance (Explore Education Statistics)**.');
    expect(performance).toContain('None of the rows was for a school of this cluster');
  });

  it('can be uploaded instead: /upload in the personal chat answers with the link to the page there', async () => {
    const { bot } = await rootsWithFiles();
    const [reply] = await bot.send(personalMessage('/upload terms 2026-27', LEAD));
    const card = cardOf(reply) as { actions?: Array<{ title: string; url: string }> } | undefined;
    expect(cardText(card)).toContain('Upload term dates for Roots');
    expect(card?.actions?.[0]).toMatchObject({ title: 'Choose the file' });
    expect(card?.actions?.[0]?.url).toMatch(
      /^http:\/\/localhost:3978\/uploads\/terms\?tenant=.+&option=2026-27&expires=\d+&sig=/,
    );
  });

  it('answers "still reading" for a file that takes long, and sends what it did when it is done', async () => {
    const bot = await startBotHarness('2026-11-10T08:00:00Z', createLogger('silent'), {
      answerFileWithinMs: 100,
    });
    await say(bot, '/setup Roots');
    const connector = await startConnectorRecorder();
    await bot.send({ ...botAddedToPersonalChat(LEAD), serviceUrl: connector.serviceUrl });
    const files = await startFileServer({ '/gias.csv': GIAS_FILE }, { '/gias.csv': 600 });
    try {
      expect(await send(bot, files.url('/gias.csv'), LEAD)).toBe(
        "That's a large file: I'm still reading it, and I'll tell you here what was imported when it's done.",
      );
      const [done] = await connector.waitFor(1);
      expect(done?.path).toBe(`/v3/conversations/${personalConversationId(LEAD)}/activities`);
      expect(done?.body.text).toContain('Imported 3 school(s)');
    } finally {
      await connector.close();
    }
  });

  it('is refused, saying why and that nothing was imported, when it cannot be placed, read or opened', async () => {
    const { bot, files } = await rootsWithFiles();
    expect(await send(bot, files.url('/gias.csv'), HEAD_OF_EARLSDON)).toContain(
      'You are not linked to a cluster yet',
    );
    await send(bot, files.url('/gias.csv'), LEAD);
    await say(bot, '/join Earlsdon', HEAD_OF_EARLSDON);
    expect(await send(bot, files.url('/terms.csv'), HEAD_OF_EARLSDON, '/terms 2026-27')).toContain(
      'Sorry, only a cluster lead of Roots can do that. Nothing was changed.',
    );
    expect(await send(bot, files.url('/letter.txt'), LEAD)).toContain("I couldn't tell what this file is.");
    expect(await send(bot, files.url('/schools.xlsx'), LEAD)).toContain('That is an Excel workbook');
    expect(await send(bot, files.url('/schools.xlsx'), LEAD, '/school import')).toBe(
      'That is an Excel workbook (or another Office file), not a CSV. Open it in Excel, choose File, Save As, "CSV UTF-8", and send that file. Nothing was imported.',
    );
    expect(await send(bot, files.url('/gias.csv'), LEAD, 'our schools')).toContain(
      'with **/school import [network]**, **/terms 2026-27** or **/performance import [year]** as its message',
    );
    expect(await send(bot, files.url('/missing.csv'), LEAD)).toBe(
      'I could not open that file from Teams. Please send it again. Nothing was imported.',
    );
    expect(await send(bot, 'http://files.example.org/gias.csv', LEAD)).toBe(
      'I could not open that file from Teams. Please send it again. Nothing was imported.',
    );
  });
});
