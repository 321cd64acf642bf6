import { describe, expect, it } from 'vitest';
import { privacyExportDownload } from '../../src/http/privacy-downloads';
import type { ExportSubject } from '../../src/http/signed-links';
import { TABLES } from '../../src/storage/table-names';
import { type BotHarness, cardOf, cardText, say, TEST_LINK_SECRET } from '../support/bot-harness';
import { invokeAnswer, pressButton } from '../support/card-inputs';
import { privateChats } from '../support/private-chats';
import { rootsWithAnApology } from '../support/roots-with-an-apology';
import {
  channelMessageMentioning,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  JO_SMITH,
  LEE_EVANS,
  type Person,
} from '../support/teams-activities';

const REASON = 'Governors visit that afternoon';

/** Roots, with Priya Shah linked as head of Cannon Park, who sends apologies with a reason. */
const roots = () =>
  rootsWithAnApology(REASON, [
    [HEAD_OF_EARLSDON, 'Cannon Park'],
    [JO_SMITH, 'Earlsdon'],
  ]);

/** Opens the export card's link the way a browser would, through the signed download. */
async function openExport(bot: BotHarness, card: unknown, format: 'json' | 'html') {
  const action = (card as { actions: Array<{ url: string }> }).actions[format === 'html' ? 0 : 1];
  const url = new URL(String(action?.url));
  const [, , kind, first, second] = url.pathname.split('/').map(decodeURIComponent);
  const subject = (
    kind === 'school'
      ? { kind, clusterId: first, schoolId: second }
      : { kind, tenantId: first, userId: second }
  ) as ExportSubject;
  const download = privacyExportDownload(bot.privacyExports, TEST_LINK_SECRET, bot.clock);
  return download(subject, format, url.searchParams.get('expires') ?? '', url.searchParams.get('sig') ?? '');
}

/** Every row of every table, as text. */
async function everyRow(bot: BotHarness): Promise<string> {
  const rows: string[] = [];
  for (const table of Object.keys(TABLES) as Array<keyof typeof TABLES>)
    for await (const row of bot.tables.table(table).listEntities()) rows.push(JSON.stringify(row));
  return rows.join('\n');
}

/** Export links go to the person's own chat, never the channel: the card sent there. */
async function privately(bot: BotHarness, text: string, from: Person) {
  const { reply, card } = await (await privateChats(bot)).ask(text, from);
  expect(reply).toMatch(
    /^I've sent you the links to everything stored about .+ in our personal chat: they work for an hour\.$/,
  );
  return card;
}

const traceOf = (person: Person) => [person.id, person.aadObjectId, person.name].filter(Boolean) as string[];

describe('/privacy export', () => {
  it("gives a school's head everything stored about the school: memberships, links, answers and reasons, change log", async () => {
    const { bot } = await roots();
    const card = await privately(bot, '/privacy export Cannon Park', HEAD_OF_EARLSDON);
    expect(cardText(card)).toContain('What Clusterbot holds about Cannon Park');
    const json = await openExport(bot, card, 'json');
    expect(json.status).toBe(200);
    const exported = JSON.parse(json.status === 200 ? json.body : '{}');
    const titles = exported.sections.map((s: { title: string }) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Memberships',
        'Links to schools',
        'Answers to meeting invitations (with reasons and deputies)',
        'Change-log entries',
      ]),
    );
    expect(JSON.stringify(exported)).toContain(REASON);
    expect(JSON.stringify(exported)).not.toContain('Earlsdon Primary');
    const html = await openExport(bot, card, 'html');
    expect(html.status === 200 && html.body).toContain('What Clusterbot holds about Cannon Park');
  });

  it('gives anyone what is stored about themselves, and nobody else', async () => {
    const { bot } = await roots();
    const json = await openExport(bot, await privately(bot, '/privacy export me', HEAD_OF_EARLSDON), 'json');
    const text = json.status === 200 ? json.body : '';
    expect(text).toContain(REASON);
    expect(text).toContain(HEAD_OF_EARLSDON.id);
    expect(text).not.toContain(JO_SMITH.id);
    // Without a personal chat to send them to, the links are not shown in the channel either.
    const noChat = await say(bot, '/privacy export me', JO_SMITH);
    expect(noChat?.text).toContain(
      'these links open everything stored about you, so they are never posted here',
    );
    expect(cardOf(noChat)).toBeUndefined();
  });

  it("refuses a school's export to someone who is neither a lead nor its head, and a link that was tampered with", async () => {
    const { bot } = await roots();
    expect((await say(bot, '/privacy export Cannon Park', JO_SMITH))?.text).toContain(
      'only a cluster lead, or the head of Cannon Park, can export',
    );
    const card = (await privately(bot, '/privacy export Cannon Park', HEAD_OF_EARLSDON)) as {
      actions: Array<{ url: string }>;
    };
    const first = card.actions[1];
    if (first) first.url = first.url.replace('sig=', 'sig=x');
    expect((await openExport(bot, card, 'json')).status).toBe(403);
  });
});

describe('/privacy erase and forget', () => {
  it('erases a school that has left only after a confirm click, leaving nothing of its head in any table', async () => {
    const { bot } = await roots();
    expect((await say(bot, '/privacy erase Cannon Park'))?.text).toContain('Cannon Park is still a member');
    await say(bot, '/school leave Cannon Park');
    const plan = cardOf(await say(bot, '/privacy erase Cannon Park'));
    expect(cardText(plan)).toContain('What will be removed');
    expect(cardText(plan)).toContain("Published minutes keep the school's name");
    expect(await everyRow(bot)).toContain(REASON); // nothing happens before the click
    const done = invokeAnswer(await pressButton(bot, plan, 'Erase Cannon Park', JO_SMITH));
    expect(done.message).toContain('only a cluster lead of Roots can do that');
    const erased = invokeAnswer(await pressButton(bot, plan, 'Erase Cannon Park', HEAD_OF_BROAD_HEATH));
    expect(cardText(erased.card)).toContain('Done:');
    const rows = await everyRow(bot);
    for (const trace of [...traceOf(HEAD_OF_EARLSDON), REASON]) expect(rows).not.toContain(trace);
    expect(rows).toContain('Cannon Park');
    expect(rows).toContain('Erased the personal data held about a school that has left');
    const after = await openExport(
      bot,
      await privately(bot, '/privacy export Cannon Park', HEAD_OF_BROAD_HEATH),
      'json',
    );
    expect(after.status === 200 && after.body).toContain('Former head');
  });

  it('forgets a person who asks, everywhere, and refuses to forget someone else for a non-lead', async () => {
    const { bot } = await roots();
    await say(bot, '/join Allesley', LEE_EVANS);
    const refused = await bot.send(channelMessageMentioning('/privacy forget', HEAD_OF_EARLSDON, LEE_EVANS));
    expect(refused.find((r) => r.type === 'message')?.text).toContain(
      'only a cluster lead of Roots, or Priya Shah themselves, can do that',
    );
    const plan = cardOf(await say(bot, '/privacy forget me', HEAD_OF_EARLSDON));
    expect(cardText(plan)).toContain('Forget Priya Shah');
    const done = invokeAnswer(await pressButton(bot, plan, 'Forget me', HEAD_OF_EARLSDON));
    expect(cardText(done.card)).toContain('Done:');
    const rows = await everyRow(bot);
    for (const trace of traceOf(HEAD_OF_EARLSDON)) expect(rows).not.toContain(trace);
    expect(rows).toContain('Forgot a person on request');
    const after = await openExport(
      bot,
      await privately(bot, '/privacy export Cannon Park', HEAD_OF_BROAD_HEATH),
      'json',
    );
    expect(after.status === 200 && after.body).toContain('Former head');
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain('Cannon Park');
  });
});
