import { describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness } from '../support/bot-harness';
import {
  BOT_ID,
  botAddedToPersonalChat,
  botAddedToTeam,
  botRemovedFromTeam,
  cardAction,
  HEAD_OF_BROAD_HEATH,
  installationUpdate,
  personAddedToTeam,
  personalConversationId,
  SERVICE_URL,
  TEAM_ID,
  TENANT_ID,
} from '../support/teams-activities';

describe('installing Clusterbot', () => {
  it('stores the team conversation reference and posts a welcome card when added to a team', async () => {
    const bot = await startBotHarness('2026-11-23T09:00:00Z');
    const [welcome, ...rest] = await bot.send(botAddedToTeam());

    expect(rest).toEqual([]);
    const card = cardOf(welcome);
    expect(cardText(card)).toContain("Hello, I'm Clusterbot");
    expect(cardText(card)).toContain('@Clusterbot /help');
    expect(cardText(card)).toContain('never store information about individual pupils');
    expect(card?.actions).toEqual([
      { type: 'Action.Execute', title: 'Show commands', verb: 'showHelp', data: {} },
    ]);

    const stored = await bot.conversations.find({ tenantId: TENANT_ID, conversationId: TEAM_ID });
    expect(stored?.value).toMatchObject({
      scope: 'channel',
      teamId: TEAM_ID,
      status: 'active',
      installedAt: new Date('2026-11-23T09:00:00Z'),
      reference: {
        bot: { id: BOT_ID, name: 'Clusterbot' },
        conversation: { id: TEAM_ID, conversationType: 'channel' },
        serviceUrl: SERVICE_URL,
        channelId: 'msteams',
      },
    });
  });

  it('welcomes a head who installs it personally, pointing at the 1:1 chat for reminders', async () => {
    const bot = await startBotHarness();
    const [welcome] = await bot.send(botAddedToPersonalChat());

    expect(cardText(cardOf(welcome))).toContain('reminders meant for you personally will arrive here');
    const stored = await bot.conversations.find({
      tenantId: TENANT_ID,
      conversationId: personalConversationId(HEAD_OF_BROAD_HEATH),
    });
    expect(stored?.value.scope).toBe('personal');
  });

  it('does not greet or record anything when a person (not the bot) joins the team', async () => {
    const bot = await startBotHarness();
    expect(await bot.send(personAddedToTeam(HEAD_OF_BROAD_HEATH))).toEqual([]);
    expect(await bot.conversations.find({ tenantId: TENANT_ID, conversationId: TEAM_ID })).toBeUndefined();
  });

  it('marks the team inactive, silently, when the bot is removed', async () => {
    const bot = await startBotHarness('2026-11-23T09:00:00Z');
    await bot.send(botAddedToTeam());

    bot.clock.set('2026-12-01T16:30:00Z');
    expect(await bot.send(botRemovedFromTeam())).toEqual([]);

    const stored = await bot.conversations.find({ tenantId: TENANT_ID, conversationId: TEAM_ID });
    expect(stored?.value).toMatchObject({
      status: 'inactive',
      deactivationReason: 'bot-removed',
      deactivatedAt: new Date('2026-12-01T16:30:00Z'),
    });
  });

  it('records installationUpdate add and remove without a second welcome', async () => {
    const bot = await startBotHarness();
    const key = { tenantId: TENANT_ID, conversationId: personalConversationId(HEAD_OF_BROAD_HEATH) };

    expect(await bot.send(installationUpdate('add'))).toEqual([]);
    expect((await bot.conversations.find(key))?.value.status).toBe('active');

    expect(await bot.send(installationUpdate('remove'))).toEqual([]);
    expect((await bot.conversations.find(key))?.value).toMatchObject({
      status: 'inactive',
      deactivationReason: 'app-uninstalled',
    });
  });

  it('posts the help card when "Show commands" is pressed on the welcome card', async () => {
    const bot = await startBotHarness();
    const replies = await bot.send(cardAction('showHelp'));

    const helpMessage = replies.find((r) => r.type === 'message');
    expect(cardText(cardOf(helpMessage))).toContain('What Clusterbot can do');
    const invokeResponse = replies.find((r) => r.type === 'invokeResponse');
    expect(invokeResponse?.value).toMatchObject({ status: 200 });
  });
});
