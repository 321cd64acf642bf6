import { describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness } from '../support/bot-harness';
import { channelMessage, personalMessage } from '../support/teams-activities';

describe('asking Clusterbot for help', () => {
  it('answers @Clusterbot /help in a channel with the help card', async () => {
    const bot = await startBotHarness();
    const [reply, ...rest] = await bot.send(channelMessage('/help'));

    expect(rest).toEqual([]);
    const card = cardOf(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardText(card)).toContain('What Clusterbot can do');
    expect(cardText(card)).toContain('/help [command]');
    // Placeholders show as ‹name›: "<name>" is taken for an HTML tag by some clients and vanishes.
    expect(cardText(card)).toContain('/setup ‹name›');
    expect(JSON.stringify(card)).not.toMatch(/<[a-z][^>]*>/);
    expect(cardText(card)).toContain('Anyone');
    expect(reply?.summary).toBe('Clusterbot commands');
  });

  it('understands help typed in a personal chat without the slash, in any case', async () => {
    const bot = await startBotHarness();
    for (const text of ['help', 'HELP', '/Help', ' help ']) {
      const [reply] = await bot.send(personalMessage(text));
      expect(cardText(cardOf(reply))).toContain('What Clusterbot can do');
    }
  });

  it('explains one command when asked /help <command>', async () => {
    const bot = await startBotHarness();
    const [reply] = await bot.send(personalMessage('/help /HELP'));
    expect(cardText(cardOf(reply))).toContain('How to use this command:');
  });

  it('says so when asked about a command that does not exist', async () => {
    const bot = await startBotHarness();
    const [reply] = await bot.send(personalMessage('/help teleport'));
    expect(reply?.text).toBe('There is no command called **/teleport**. Type **/help** to see them all.');
  });

  it('points an unknown command at /help, with a suggestion when it was a slip', async () => {
    const bot = await startBotHarness();
    const [unknown] = await bot.send(channelMessage('/weather'));
    expect(unknown?.text).toBe(
      "I don't know the command **/weather**. Type **/help** to see everything I can do.",
    );
    const [slip] = await bot.send(channelMessage('/hlep'));
    expect(slip?.text).toBe(
      "I don't know the command **/hlep**. Did you mean **/help**? Type **/help** to see everything I can do.",
    );
  });

  it('greets a bare mention with a pointer to /help', async () => {
    const bot = await startBotHarness();
    const [reply] = await bot.send(channelMessage(''));
    expect(reply?.text).toBe('Hello! Type **/help** to see what I can do.');
  });
});
