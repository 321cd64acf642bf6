import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { cardOf, cardText, say } from '../support/bot-harness';
import { inputIdLabelled, inputValues } from '../support/card-inputs';
import { rootsWithAnApology } from '../support/roots-with-an-apology';
import { cardAction, HEAD_OF_EARLSDON, JO_SMITH, LEE_EVANS } from '../support/teams-activities';

function invokeCard(replies: Partial<Activity>[]): unknown {
  const value = replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: unknown } };
  return value.body.value;
}

describe('asking to bring a guest', () => {
  it('counts the school as attending: on its card, in the tally, and in the minutes it pre-fills', async () => {
    // Jo Smith (Earlsdon) sends apologies; Priya Shah (Allesley) only asks to bring a guest; Lee Evans hosts.
    const { bot, clusterId } = await rootsWithAnApology('Training day', [
      [JO_SMITH, 'Earlsdon'],
      [HEAD_OF_EARLSDON, 'Allesley'],
      [LEE_EVANS, 'Cannon Park'],
    ]);
    const meeting = { clusterId, meetingId: '2026-27#2', meetingDate: '2026-11-17' };
    const card = invokeCard(
      await bot.send(
        cardAction(
          'guestRequest',
          { ...meeting, guestName: 'Dr Ruth Ade', guestRole: 'Adviser' },
          HEAD_OF_EARLSDON,
          'channel',
        ),
      ),
    );
    expect(cardText(card)).toContain('Your request to bring Dr Ruth Ade is with the host');
    const own = invokeCard(await bot.send(cardAction('rsvpRefresh', meeting, HEAD_OF_EARLSDON, 'channel')));
    expect(cardText(own)).toContain('Your school (Allesley): attending, since you asked to bring a guest');
    const chair = invokeCard(await bot.send(cardAction('rsvpRefresh', meeting, LEE_EVANS, 'channel')));
    expect(cardText(chair)).toContain('Attending: Allesley.');
    expect(cardText(chair)).toMatch(/No answer yet: (?![^.]*Allesley,)/);

    bot.clock.set('2026-11-23T10:00:00Z');
    const minutes = cardOf(await say(bot, '/minutes', LEE_EVANS)); // Cannon Park chaired Autumn 2
    expect(inputValues(minutes)[inputIdLabelled(minutes, 'Allesley')]).toBe('present');
    expect(inputValues(minutes)[inputIdLabelled(minutes, 'Earlsdon')]).toBe('apologies');
  });
});
