import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, sendInChat, usePlayground, waitForText } from './playground-harness';

const playground = usePlayground('E2eHelp', 'help');

describe('Clusterbot in Agents Playground', () => {
  it('welcomes the person, and answers /help with the help card', async () => {
    const page = await playground().browser.newPage();
    await page.goto(playground().url, { waitUntil: 'domcontentloaded' });

    // Playground installs the bot in a personal chat on start: the welcome card arrives first.
    await waitForText(page, "Hello, I'm Clusterbot");
    await sendInChat(page, '/help');

    const help = await waitForText(page, 'What Clusterbot can do');
    expect(await help.isVisible()).toBe(true);
    await waitForText(page, 'Shows what Clusterbot can do, who can use each command, and examples.');
    await page.screenshot({ path: join(SCREENSHOTS, 'help-card.png') });
  });

  it('answers an unknown command with a pointer to /help', async () => {
    const page = await playground().browser.newPage();
    await page.goto(playground().url, { waitUntil: 'domcontentloaded' });
    await waitForText(page, "Hello, I'm Clusterbot");

    await sendInChat(page, '/hlep');

    expect(await (await waitForText(page, 'Did you mean /help?')).isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'unknown-command.png') });
  });
});
