import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { type RunningClusterbot, startClusterbot } from '../../src/start-clusterbot';
import { type LocalAzurite, startLocalAzurite } from '../../src/storage/local-azurite';
import { attachedCard, startConnectorRecorder } from '../support/connector-recorder';
import { GIAS_BROAD_HEATH_AND_ST_TERESAS } from '../support/fixtures';
import { postActivity } from '../support/post-activity';
import {
  botAddedToPersonalChat,
  botAddedToTeam,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  personalConversationId,
} from '../support/teams-activities';
import { launchChromium, SCREENSHOTS, waitForText } from './playground-harness';

let azurite: LocalAzurite;
let bot: RunningClusterbot;
let connector: Awaited<ReturnType<typeof startConnectorRecorder>>;

beforeAll(async () => {
  azurite = await startLocalAzurite({ port: 0 });
  connector = await startConnectorRecorder();
  const config = loadConfig({
    TABLES_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'E2eUpload',
  });
  bot = await startClusterbot(
    { ...config, port: 0, host: '127.0.0.1', schedulerCron: 'off' },
    createLogger('silent'),
    () => new Date('2026-11-23T09:00:00Z'),
  );
});

afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  await azurite?.stop();
});

describe('the upload page in a browser', () => {
  it('takes the file a lead chooses, as downloaded, and says what was imported', async () => {
    const send = (activity: object) =>
      postActivity(bot.url, { ...activity, serviceUrl: connector.serviceUrl });
    await send(botAddedToTeam());
    await send(channelMessage('/setup Roots'));
    await send(botAddedToPersonalChat(HEAD_OF_BROAD_HEATH));
    connector.requests.splice(0);
    await send(channelMessage('/upload roster'));
    await connector.waitFor(2);
    const sent = connector.requests.find(
      (r) => r.path === `/v3/conversations/${personalConversationId(HEAD_OF_BROAD_HEATH)}/activities`,
    );
    const url = (attachedCard(sent) as { actions: Array<{ url: string }> }).actions[0]?.url ?? '';

    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitForText(page, 'Upload a roster for Roots');
      await page.locator('#file').setInputFiles({
        name: 'edubasealldata20261123.csv',
        mimeType: 'text/csv',
        buffer: GIAS_BROAD_HEATH_AND_ST_TERESAS,
      });
      await page.getByRole('button', { name: 'Import' }).click();
      const result = await waitForText(page, /Imported 2 school\(s\)/);
      expect(await result.textContent()).toContain('St Teresa’s Catholic Primary School');
      await page.screenshot({ path: join(SCREENSHOTS, 'upload-page.png') });
    } finally {
      await chromium.stop();
    }
  });
});
