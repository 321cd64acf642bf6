import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GIAS_BROAD_HEATH_AND_ST_TERESAS } from '../support/fixtures';
import {
  addressOpenedBy,
  openGeneralChannel,
  postMentioningBot,
  SCREENSHOTS,
  usePlayground,
  waitForText,
} from './playground-harness';

const playground = usePlayground('E2eUpload', 'upload');

describe('a cluster lead uploading a file in Agents Playground', () => {
  it('asks on the import card, gets the link in the personal chat, and the page imports the GIAS file', async () => {
    const page = await openGeneralChannel(playground());
    await postMentioningBot(page, '/setup Roots');
    await waitForText(page, 'is set up, and you are its cluster lead.');
    await postMentioningBot(page, '/school import');
    await waitForText(page, 'Import member schools');
    await page.getByRole('button', { name: 'Upload the file instead' }).first().click();
    await waitForText(page, "I've sent you an upload link in our personal chat");

    await page.getByText('Personal Chat', { exact: true }).first().click();
    await waitForText(page, 'Upload a roster for Roots');
    // Note where the button sends the browser, then open that address as the browser would.
    const opened = await addressOpenedBy(page, page.getByText('Choose the file', { exact: true }).last());

    const upload = await playground().browser.newPage();
    await upload.goto(opened, { waitUntil: 'domcontentloaded' });
    await upload.locator('#file').setInputFiles({
      name: 'edubasealldata.csv',
      mimeType: 'text/csv',
      buffer: GIAS_BROAD_HEATH_AND_ST_TERESAS,
    });
    await upload.getByRole('button', { name: 'Import' }).click();
    const result = await waitForText(upload, /Imported 2 school\(s\)/);
    expect(await result.textContent()).toContain('St Teresa’s Catholic Primary School');

    // Teams has the record of it too.
    await waitForText(page, 'From the file you uploaded: Imported 2 school(s)');
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-in-personal-chat.png'), fullPage: true });
  });
});
