import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  type Playground,
  postMentioningBot,
  SCREENSHOTS,
  startPlayground,
  waitForText,
} from './playground-harness';

let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground('E2eRota');
});

afterEach(async (context) => {
  // On failure, keep a picture of what the person would have seen.
  if (context.task.result?.state === 'fail') {
    for (const [i, page] of (playground?.browser.pages() ?? []).entries()) {
      await page.screenshot({ path: join(SCREENSHOTS, `failure-rota-${i}.png`), fullPage: true });
    }
  }
});

afterAll(async () => {
  await playground?.stop();
});

describe('a cluster lead in Agents Playground', () => {
  it('sets up Roots, imports its schools and term dates on cards, changes the rota and gets the ICS file', async () => {
    const page = await playground.browser.newPage();
    await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    await waitForText(page, "Hello, I'm Clusterbot");
    await page.getByText('General').first().click();

    await postMentioningBot(page, '/setup Roots; Tuesday of week 3, 13:30-15:30');
    await waitForText(page, 'is set up, and you are its cluster lead.');

    await postMentioningBot(page, '/school import');
    await waitForText(page, 'Import member schools');
    await page.getByLabel('Network (only for files that list several networks)').first().fill('Roots');
    await page.locator('textarea').first().fill(COVENTRY_ROSTER);
    await page.getByRole('button', { name: 'Import schools' }).first().click();
    await waitForText(page, /Imported 17 school\(s\) of Roots\./);

    await postMentioningBot(page, '/terms 2026-27');
    await waitForText(page, 'No dates are set for 2026-27 yet.');
    // Playground's date pickers take clicks only; the card's paste box takes the council's CSV.
    await page.locator('textarea').first().fill(TERM_DATES_CSV_2026_27); // channel posts are newest first
    await page.getByRole('button', { name: 'Save term dates' }).first().click();
    await waitForText(page, 'are set: 6 meetings are on the rota.');

    await postMentioningBot(page, '/rota swap spring 1 and spring 2');
    await waitForText(page, /Swapped hosts: Allesley now hosts Spring 1 2026-27/);

    await postMentioningBot(page, '/school leave Charter');
    await waitForText(page, 'has left the cluster.');

    await postMentioningBot(page, '/rota');
    await waitForText(page, 'Roots rota · 2026-27');
    await waitForText(page, 'Next meeting');
    await page.screenshot({ path: join(SCREENSHOTS, 'rota-card.png'), fullPage: true });

    await postMentioningBot(page, '/rota ics');
    await waitForText(page, 'Roots meetings calendar');
    // Note where the button sends the browser, then fetch that address as a calendar program would.
    type Browser = { open: (url?: unknown) => null; openedUrls: string[] };
    await page.evaluate(() => {
      const browser = globalThis as unknown as Browser;
      browser.openedUrls = [];
      browser.open = (url) => {
        browser.openedUrls.push(String(url));
        return null;
      };
    });
    await page.getByText('Download calendar (.ics)', { exact: true }).first().click();
    const opened = await page.waitForFunction(() => (globalThis as unknown as Browser).openedUrls[0]);
    const ics = await fetch(String(await opened.jsonValue())).then((r) => r.text());
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("SUMMARY:Roots heads' meeting (Spring 1) at Allesley");
    expect(ics).toContain("SUMMARY:Roots heads' meeting (Summer 2) at Eastern Green");
  });
});
