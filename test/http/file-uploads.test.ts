import { describe, expect, it } from 'vitest';
import { attachedCard, startConnectorRecorder } from '../support/connector-recorder';
import { fakeClock } from '../support/fake-clock';
import { giasExport, windows1252 } from '../support/fixtures';
import { postActivity } from '../support/post-activity';
import { startServer, stopAfterTest, testConfig } from '../support/running-clusterbot';
import {
  botAddedToPersonalChat,
  botAddedToTeam,
  CHANNEL_ID,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  HEAD_OF_EARLSDON,
  personalConversationId,
} from '../support/teams-activities';

const LEAD = HEAD_OF_BROAD_HEATH;
const GIAS_FILE = windows1252(
  giasExport([
    { urn: '103692', name: 'Broad Heath Primary School' },
    { urn: '103711', name: 'St Teresa’s Catholic Primary School\u0081' },
  ]),
);

async function rootsOverHttp() {
  const connector = stopAfterTest(await startConnectorRecorder());
  const clock = fakeClock('2026-11-10T09:00:00Z');
  const bot = await startServer(testConfig(), clock);
  const send = (activity: object) => postActivity(bot.url, { ...activity, serviceUrl: connector.serviceUrl });
  await send(botAddedToTeam());
  await send(channelMessage('/setup Roots'));
  await send(botAddedToPersonalChat(LEAD));
  connector.requests.splice(0);
  return { bot, connector, clock, send };
}

/** The "Choose the file" link on the card Clusterbot sent to the lead's personal chat. */
function uploadLinkSentTo(connector: Awaited<ReturnType<typeof startConnectorRecorder>>) {
  const sent = connector.requests.find(
    (r) => r.path === `/v3/conversations/${personalConversationId(LEAD)}/activities` && r.body.attachments,
  );
  const card = attachedCard(sent) as { actions?: Array<{ url?: string }> } | undefined;
  return card?.actions?.[0]?.url ?? '';
}

const upload = (url: string, body: Uint8Array) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });

describe('uploading a file as downloaded, through the link on the import card', () => {
  it('sends the lead a link privately; the page takes the GIAS file as it came and imports it as them', async () => {
    const { connector, send } = await rootsOverHttp();
    await send(channelMessage('/upload roster'));
    await connector.waitFor(2);
    const inChannel = connector.requests.find((r) => r.path.startsWith(`/v3/conversations/${CHANNEL_ID}`));
    expect(inChannel?.body.text).toBe(
      "I've sent you an upload link in our personal chat: it is yours alone and works for an hour.",
    );
    const url = uploadLinkSentTo(connector);
    expect(url).toMatch(/\/uploads\/roster\?tenant=.+&sig=/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    expect(await page.text()).toContain('<h1>Upload a roster for Roots</h1>');

    connector.requests.splice(0);
    const response = await upload(url, GIAS_FILE);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { imported: boolean; message: string };
    expect(answer.imported).toBe(true);
    expect(answer.message).toContain('Imported 2 school(s)');
    expect(answer.message).toContain(
      'An invisible character was taken out: line 3 (the control character U+0081).',
    );
    expect(answer.message).not.toContain('**');
    const [copy] = await connector.waitFor(1);
    expect(copy?.path).toBe(`/v3/conversations/${personalConversationId(LEAD)}/activities`);
    expect(copy?.body.text).toContain('From the file you uploaded: Imported 2 school(s)');

    connector.requests.splice(0);
    await send(channelMessage('/school list'));
    const [list] = await connector.waitFor(1);
    expect(JSON.stringify(list?.body)).toContain('St Teresa’s Catholic Primary School');
  });

  it('refuses a forged or expired link before reading the file, and a file that is wrong with what to fix', async () => {
    const { bot, connector, clock, send } = await rootsOverHttp();
    await send(channelMessage('/upload terms 2026-27'));
    await connector.waitFor(2);
    const url = uploadLinkSentTo(connector);

    const wrong = await upload(url, Buffer.from('half term,start,end\nAutumn 1,03/09/2026,31/02/2026\n'));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { message: string }).message).toContain('Nothing was changed');

    const huge = await upload(url, Buffer.alloc(6 * 1024 * 1024, 'Autumn 1,03/09/2026,23/10/2026\n'));
    expect(huge.status).toBe(422);
    expect(((await huge.json()) as { message: string }).message).toBe(
      'That file is larger than 5 MB, more than any roster or term-dates file should be. Nothing was imported.',
    );

    const forged = await upload(url.replace(/user=[^&]+/, 'user=29%3Asomeone-else'), GIAS_FILE);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toBe(
      'This upload link is not valid. Ask Clusterbot for a new one with /upload.',
    );
    expect((await fetch(`${bot.url}/uploads/roster?tenant=t`)).status).toBe(403);
    clock.set('2026-11-10T10:00:01Z');
    expect((await fetch(url)).status).toBe(410);
    expect((await upload(url, GIAS_FILE)).status).toBe(410);
  });

  it('gives upload links to cluster leads only', async () => {
    const { connector, send } = await rootsOverHttp();
    await send(channelMessage('/upload roster', HEAD_OF_EARLSDON));
    const [reply] = await connector.waitFor(1);
    expect(reply?.body.text).toContain('**/upload** is only for: cluster leads');
    expect(connector.requests.some((r) => r.path.includes(personalConversationId(LEAD)))).toBe(false);
  });
});
