import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';
import { type LocalAzurite, startLocalAzurite } from '../../src/storage/local-azurite';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';

/**
 * As a person would: the real bot on Azurite, Microsoft 365 Agents Playground in front of it, and
 * Debian's Chromium driving the Playground UI. Screenshots go to test-results/e2e/ (git-ignored).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'e2e');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Playground {
  browser: BrowserContext;
  url: string;
  stop(): Promise<void>;
}

async function startPlaygroundProcess(endpoint: string): Promise<{ child: ChildProcess; url: string }> {
  const packageDir = dirname(require.resolve('@microsoft/m365agentsplayground/package.json'));
  const child = spawn(
    process.execPath,
    [join(packageDir, 'cli.js'), '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', '0'],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Agents Playground exited (${code}): ${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/` };
}

/**
 * Starts Azurite, the bot and Playground, and a headless Chromium with a fresh profile. The bot's
 * clock is pinned (default Monday 23 November 2026), so what the test expects does not depend on
 * the day it runs.
 */
export async function startPlayground(
  tablePrefix: string,
  now = '2026-11-23T09:00:00Z',
): Promise<Playground> {
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const azurite: LocalAzurite = await startLocalAzurite({ port: 0 });
    stops.push(() => azurite.stop());
    const config = loadConfig({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: tablePrefix,
    });
    const bot: RunningClusterbot = await startClusterbot(
      { ...config, port: 0, host: '127.0.0.1', schedulerCron: 'off' },
      createLogger('silent'),
      () => new Date(now),
    );
    stops.push(() => bot.stop());
    const playground = await startPlaygroundProcess(`http://127.0.0.1:${new URL(bot.url).port}/api/messages`);
    stops.push(() => void playground.child.kill());
    const chromium = await launchChromium();
    stops.push(() => chromium.stop());
    return { browser: chromium.browser, url: playground.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Debian's headless Chromium with a fresh profile, removed again by stop(). */
export async function launchChromium(): Promise<{ browser: BrowserContext; stop(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's Chromium with:\n` +
        '  apt-get update && apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'clusterbot-chromium-'));
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 1000 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    async stop() {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function waitForText(page: Page, text: string | RegExp, timeout = 30_000) {
  const locator = page.getByText(text).last();
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * Clicks a card's link button (Action.OpenUrl) and returns the address it would open: Playground
 * opens links with window.open, which is noted instead, so the test can fetch or visit it.
 */
export async function addressOpenedBy(page: Page, button: Locator): Promise<string> {
  type Browser = { open: (url?: unknown) => null; openedUrls: string[] };
  await page.evaluate(() => {
    const browser = globalThis as unknown as Browser;
    browser.openedUrls = [];
    browser.open = (url) => {
      browser.openedUrls.push(String(url));
      return null;
    };
  });
  await button.click();
  const opened = await page.waitForFunction(() => (globalThis as unknown as Browser).openedUrls[0]);
  return String(await opened.jsonValue());
}

/** Types a message in the open chat (personal chat composer). */
export async function sendInChat(page: Page, text: string) {
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Starts a new channel post that @mentions the bot (channel bots only see mentions). */
export async function postMentioningBot(page: Page, command: string) {
  const editor = page.locator('[data-lexical-editor="true"]').first();
  await editor.click();
  await page.keyboard.type('@');
  // Wait for Playground's mention picker (its mock colleagues are listed under the bot).
  await page.getByText('Megan Bowen', { exact: true }).last().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('ArrowDown'); // the bot is first in the picker
  await page.keyboard.press('Enter');
  await editor.locator('.mention').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(` ${command}`);
  await page.keyboard.press('Enter');
}

/**
 * One Playground for a test file: started before its tests, stopped after, and on a failure a
 * picture of every page (what the person would have seen) kept as failure-<name>-<n>.png.
 */
export function usePlayground(tablePrefix: string, name: string): () => Playground {
  let playground: Playground | undefined;
  beforeAll(async () => {
    playground = await startPlayground(tablePrefix);
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [i, page] of (playground?.browser.pages() ?? []).entries()) {
      await page.screenshot({ path: join(SCREENSHOTS, `failure-${name}-${i}.png`), fullPage: true });
    }
  });
  afterAll(async () => {
    await playground?.stop();
  });
  return () => {
    if (!playground) throw new Error('Playground has not started');
    return playground;
  };
}

/** A new page on Playground, in the team's General channel once the bot has said hello. */
export async function openGeneralChannel(playground: Playground): Promise<Page> {
  const page = await playground.browser.newPage();
  await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
  await waitForText(page, "Hello, I'm Clusterbot");
  await page.getByText('General').first().click();
  return page;
}

/**
 * Sets the 2026-27 term dates on the card. Playground's date pickers take clicks only, so the
 * card's paste box takes the council's CSV (channel posts are newest first).
 */
export async function saveTermDatesOnCard(page: Page): Promise<void> {
  await postMentioningBot(page, '/terms 2026-27');
  await waitForText(page, 'No dates are set for 2026-27 yet.');
  await page.locator('textarea').first().fill(TERM_DATES_CSV_2026_27);
  await page.getByRole('button', { name: 'Save term dates' }).first().click();
  await waitForText(page, 'are set: 6 meetings are on the rota.');
}
