import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVENTRY_ROSTER } from '../support/fixtures';
import {
  addressOpenedBy,
  openGeneralChannel,
  postMentioningBot,
  SCREENSHOTS,
  saveTermDatesOnCard,
  usePlayground,
  waitForText,
} from './playground-harness';

const playground = usePlayground('E2eRota', 'rota');

describe('a cluster lead in Agents Playground', () => {
  it('sets up Roots, imports its schools and term dates on cards, changes the rota and gets the ICS file', async () => {
    const page = await openGeneralChannel(playground());

    await postMentioningBot(page, '/setup Roots; Tuesday of week 3, 13:30-15:30');
    await waitForText(page, 'is set up, and you are its cluster lead.');

    await postMentioningBot(page, '/school import');
    await waitForText(page, 'Import member schools');
    await page.getByLabel('Network (only for files that list several networks)').first().fill('Roots');
    await page.locator('textarea').first().fill(COVENTRY_ROSTER);
    await page.getByRole('button', { name: 'Import schools' }).first().click();
    await waitForText(page, /Imported 17 school\(s\) of Roots\./);

    await saveTermDatesOnCard(page);

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
    const opened = await addressOpenedBy(
      page,
      page.getByText('Download calendar (.ics)', { exact: true }).first(),
    );
    const ics = await fetch(opened).then((r) => r.text());
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("SUMMARY:Roots heads' meeting (Spring 1) at Allesley");
    expect(ics).toContain("SUMMARY:Roots heads' meeting (Summer 2) at Eastern Green");
  });
});
