import { describe, expect, inject, it } from 'vitest';
import { minutesLinks, rotaLink } from '../../src/http/signed-links';
import { createLogger } from '../../src/logging/logger';
import { startClusterbot } from '../../src/start-clusterbot';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { startLocalAzurite } from '../../src/storage/local-azurite';
import { TableStorage } from '../../src/storage/table-storage';
import { startConnectorRecorder } from '../support/connector-recorder';
import { fakeClock } from '../support/fake-clock';
import { postActivity } from '../support/post-activity';
import { startServer, stopAfterTest, testConfig } from '../support/running-clusterbot';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import {
  botAddedToTeam,
  cardAction,
  channelMessage,
  HEAD_OF_BROAD_HEATH,
  TEAM_ID,
  TENANT_ID,
} from '../support/teams-activities';

const running = { push: stopAfterTest };
const start = startServer;

describe('the HTTP endpoint', () => {
  it('in local mode, answers a Teams message by posting the reply to its serviceUrl', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const bot = await start(testConfig());

    const message = { ...channelMessage('/help'), serviceUrl: connector.serviceUrl };
    const response = await postActivity(bot.url, message);

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const [reply] = await connector.waitFor(1);
    expect(reply?.method).toBe('POST');
    expect(reply?.path).toBe(`/v3/conversations/${message.conversation?.id}/activities/${message.id}`);
    expect(reply?.body).toMatchObject({
      type: 'message',
      replyToId: message.id,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
  });

  it('with an app id configured, rejects an unsigned request with 401 and processes nothing', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const config = testConfig({
      MicrosoftAppId: '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    const bot = await start(config);

    const install = { ...botAddedToTeam(), serviceUrl: connector.serviceUrl };
    const response = await postActivity(bot.url, install);

    expect(response.status).toBe(401);
    const tables = new TableStorage({
      connectionString: inject('tablesConnectionString'),
      tablePrefix: config.tablePrefix,
    });
    const stored = await new ConversationRepository(tables.table('conversations')).find({
      tenantId: TENANT_ID,
      conversationId: TEAM_ID,
    });
    expect(stored).toBeUndefined();
    expect(connector.requests).toEqual([]);
  });

  it('reports storage as reachable on /healthz', async () => {
    const bot = await start(testConfig());
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'reachable', auth: 'local' });
  });

  it('reports 503 on /healthz when storage stops answering', async () => {
    const azurite = await startLocalAzurite({ port: 0 });
    const bot = await start(testConfig({ TABLES_CONNECTION_STRING: azurite.connectionString }));
    await azurite.stop();

    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', storage: 'unreachable', auth: 'local' });
  });

  it('serves the privacy and terms pages the Teams manifest links to', async () => {
    const bot = await start(testConfig());
    const privacy = await fetch(`${bot.url}/privacy`);
    expect(privacy.status).toBe(200);
    expect(await privacy.text()).toContain('Information about individual pupils is never stored');
    expect((await fetch(`${bot.url}/terms`)).status).toBe(200);
  });

  it('answers malformed JSON with a clear 400', async () => {
    const bot = await start(testConfig());
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'The request body is not a JSON object this bot can read.',
    });
  });

  it('refuses to start when Table storage cannot be reached, saying which setting to check', async () => {
    const config = testConfig({
      TABLES_CONNECTION_STRING:
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Zm9v;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
    });
    await expect(startClusterbot(config, createLogger('silent'))).rejects.toThrow(
      /^Cannot reach Table storage \(http:\/\/127\.0\.0\.1:9\/devstoreaccount1 with a connection string\)\. Check TABLES_CONNECTION_STRING/,
    );
  });
});

describe('starting twice on one port', () => {
  it('explains that the port is taken instead of crashing', async () => {
    const first = await start(testConfig());
    const port = Number(new URL(first.url).port);
    await expect(startClusterbot({ ...testConfig(), port }, createLogger('silent'))).rejects.toThrow(
      `Port ${port} is already in use (is Clusterbot already running?). Stop it, or set PORT to a free port.`,
    );
  });
});

describe('the rota calendar download', () => {
  it('serves the ICS for a signed link and refuses a forged one', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const config = testConfig();
    const bot = await start(config);
    await postActivity(bot.url, { ...channelMessage('/setup Roots'), serviceUrl: connector.serviceUrl });
    const [reply] = await connector.waitFor(1);
    expect(String(reply?.body.text)).toContain('**Roots** is set up');

    const tables = new TableStorage({
      connectionString: inject('tablesConnectionString'),
      tablePrefix: config.tablePrefix,
    });
    const links = tables.table('clusterLinks');
    let clusterId = '';
    for await (const link of links.listEntities<{ clusterId: string }>()) clusterId = link.clusterId;
    expect(clusterId).toMatch(/^c[0-9a-f]{16}$/);

    const url = rotaLink(bot.url, config.linkSigningSecret, clusterId, new Date());
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Roots-rota.ics"');
    expect(await response.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);

    const forged = await fetch(url.replace(/sig=[^&]+/, 'sig=forged'));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe(
      'This calendar link is not valid. Ask Clusterbot for a new one with /rota ics.',
    );
  });
});

describe('answering on a card over HTTP', () => {
  it('returns the personal card in the HTTP response to the invoke, as Teams expects', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const config = testConfig();
    const bot = await start(config, fakeClock('2026-11-10T09:00:00Z'));
    const send = (activity: object) =>
      postActivity(bot.url, { ...activity, serviceUrl: connector.serviceUrl });
    await send(channelMessage('/setup Roots'));
    await send(channelMessage('/school add Earlsdon, 103704, Jo Smith'));
    await send(channelMessage('/join Earlsdon'));
    await send(channelMessage(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`));
    const links = new TableStorage({
      connectionString: inject('tablesConnectionString'),
      tablePrefix: config.tablePrefix,
    });
    let clusterId = '';
    for await (const link of links.table('clusterLinks').listEntities<{ clusterId: string }>())
      clusterId = link.clusterId;

    const response = await send(
      cardAction(
        'rsvp',
        { clusterId, meetingId: '2026-27#6', meetingDate: '2027-06-22', answer: 'attending' },
        HEAD_OF_BROAD_HEATH,
        'channel',
      ),
    );

    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain(
      'Your school (Earlsdon): attending. Answered by Alex Morgan',
    );
  });
});

describe('the minutes downloads', () => {
  it('serves published minutes as a printable page and a Markdown file, and nothing else', async () => {
    const connector = await startConnectorRecorder();
    running.push(connector);
    const config = testConfig();
    const clock = fakeClock('2026-11-23T10:00:00Z');
    const bot = await start(config, clock);
    const send = (activity: object) =>
      postActivity(bot.url, { ...activity, serviceUrl: connector.serviceUrl });
    await send(botAddedToTeam());
    await send(channelMessage('/setup Roots'));
    await send(channelMessage('/school add Earlsdon, 103704, Jo Smith'));
    await send(channelMessage(`/terms 2026-27\n${TERM_DATES_CSV_2026_27}`));
    const tables = new TableStorage({
      connectionString: inject('tablesConnectionString'),
      tablePrefix: config.tablePrefix,
    });
    let clusterId = '';
    for await (const link of tables.table('clusterLinks').listEntities<{ clusterId: string }>())
      clusterId = link.clusterId;
    const published = await send(
      cardAction(
        'minutesPublish',
        { clusterId, meetingId: '2026-27#2', 'mark-urn-103704': 'present', 'note-0': 'Welcome <b>all</b>' },
        HEAD_OF_BROAD_HEATH,
        'channel',
      ),
    );
    expect(JSON.stringify(await published.json())).toContain('Published: the minutes are in the channel');

    const links = minutesLinks(bot.url, config.linkSigningSecret, clusterId, '2026-27#2', clock());
    const page = await fetch(links.html);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-disposition')).toBe(
      'inline; filename="Roots-Autumn-2-2026-27-meeting-minutes.html"',
    );
    const html = await page.text();
    expect(html).toContain('<dt>Present</dt><dd>Earlsdon</dd>');
    expect(html).toContain('<p>Welcome &lt;b&gt;all&lt;/b&gt;</p>');

    const markdown = await fetch(links.markdown);
    expect(markdown.headers.get('content-disposition')).toBe(
      'attachment; filename="Roots-Autumn-2-2026-27-meeting-minutes.md"',
    );
    expect(await markdown.text()).toMatch(/^# Minutes: Roots, Autumn 2 2026-27 meeting\n/);

    const draft = minutesLinks(bot.url, config.linkSigningSecret, clusterId, '2026-27#1', clock());
    expect((await fetch(draft.html)).status).toBe(404);
    expect((await fetch(links.html.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    const boardCsv = await fetch(`${bot.url}/boards/b123/overview.csv?expires=1&sig=forged`);
    expect(boardCsv.status).toBe(403);
    expect(await boardCsv.text()).toBe(
      'This board figures link is not valid. Ask Clusterbot for a new one with /board csv.',
    );
    clock.set('2029-11-23T10:00:01Z'); // minutes links last three years
    const expired = await fetch(links.html);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toBe(
      'This minutes link has expired. Ask Clusterbot for a new one with /minutes.',
    );
  });
});
