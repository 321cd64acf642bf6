import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';
import { type LocalAzurite, startLocalAzurite } from '../../src/storage/local-azurite';

/**
 * As a person would: the real bot on Azurite, Microsoft 365 Agents Playground in front of it, and
 * Debian's Chromium driving the Playground UI. Screenshots go to test-results/e2e/ (git-ignored).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'e2e');
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

let azurite: LocalAzurite;
let bot: RunningClusterbot;
let playground: ChildProcess;
let playgroundUrl: string;
let browser: BrowserContext;
let profileDir: string;

async function startPlayground(endpoint: string): Promise<{ child: ChildProcess; url: string }> {
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

async function lastBotMessageContaining(page: Page, text: string) {
  const locator = page.getByText(text, { exact: false }).last();
  await locator.waitFor({ state: 'visible', timeout: 30_000 });
  return locator;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's Chromium with:\n` +
        '  apt-get update && apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  azurite = await startLocalAzurite({ port: 0 });
  const config = loadConfig({ TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'E2e' });
  bot = await startClusterbot({ ...config, port: 0, host: '127.0.0.1' }, createLogger('silent'));
  const port = new URL(bot.url).port;
  const started = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
  playground = started.child;
  playgroundUrl = started.url;
  profileDir = mkdtempSync(join(tmpdir(), 'clusterbot-chromium-'));
  // A fresh, throwaway profile each run.
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  playground?.kill();
  await bot?.stop();
  await azurite?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('Clusterbot in Agents Playground', () => {
  it('welcomes the person, and answers /help with the help card', async () => {
    const page = await browser.newPage();
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });

    // Playground installs the bot in a personal chat on start: the welcome card arrives first.
    await lastBotMessageContaining(page, "Hello, I'm Clusterbot");

    const messageBox = page.locator('[data-lexical-editor="true"]').first();
    await messageBox.click();
    await page.keyboard.type('/help');
    await page.keyboard.press('Enter');

    const help = await lastBotMessageContaining(page, 'What Clusterbot can do');
    await expect(help.isVisible()).resolves.toBe(true);
    await lastBotMessageContaining(
      page,
      'Shows what Clusterbot can do, who can use each command, and examples.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'help-card.png') });
    expect(existsSync(join(SCREENSHOTS, 'help-card.png'))).toBe(true);
  });

  it('answers an unknown command with a pointer to /help', async () => {
    const page = await browser.newPage();
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    await lastBotMessageContaining(page, "Hello, I'm Clusterbot");

    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('/hlep');
    await page.keyboard.press('Enter');

    await lastBotMessageContaining(page, 'Did you mean /help?');
    await page.screenshot({ path: join(SCREENSHOTS, 'unknown-command.png') });
  });
});
