import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { cardOf, cardText, say, startBotHarness } from '../support/bot-harness';
import { choiceValue, inputIdLabelled, inputValues, invokeAnswer, pressButton } from '../support/card-inputs';
import { COVENTRY_ROSTER } from '../support/fixtures';
import { TERM_DATES_CSV_2026_27 } from '../support/sample-calendar';
import { cardAction, HEAD_OF_EARLSDON } from '../support/teams-activities';

const UPN = 'B801200005001';
const REFUSAL = `Pupil data is shared only live in meetings and is never stored, so nothing was saved. Please take it out and try again`;

async function roots() {
  const bot = await startBotHarness('2026-11-10T08:00:00Z');
  await say(bot, '/setup Roots');
  await say(bot, `/school import Roots\n${COVENTRY_ROSTER}`);
  await say(bot, `/terms 2026-27\n${TERM_DATES_CSV_2026_27}`);
  await say(bot, '/join Cannon Park', HEAD_OF_EARLSDON);
  const rota = cardOf(await say(bot, '/rota ics'));
  const url = new URL(String((rota?.actions as Array<{ url?: string }> | undefined)?.[0]?.url));
  const meeting = {
    clusterId: decodeURIComponent(url.pathname.split('/')[2] ?? ''),
    meetingId: '2026-27#2',
    meetingDate: '2026-11-17',
  };
  return { bot, meeting };
}

function invokeCard(replies: Partial<Activity>[]): unknown {
  const value = replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: unknown } };
  return value.body.value;
}

describe('the pupil-data guard at every entry point', () => {
  it('refuses apologies whose reason holds a UPN, stores nothing, and gives the text back in the card', async () => {
    const { bot, meeting } = await roots();
    const reason = `Exclusion meeting for ${UPN}`;
    const card = invokeCard(
      await bot.send(
        cardAction('rsvp', { ...meeting, answer: 'apologies', reason }, HEAD_OF_EARLSDON, 'channel'),
      ),
    );
    expect(cardText(card)).toContain(
      `The reason contains a Unique Pupil Number (UPN): "${UPN}". ${REFUSAL}.`,
    );
    expect(JSON.stringify(card)).toContain(`"value":"${reason}"`);
    const view = invokeCard(await bot.send(cardAction('rsvpRefresh', meeting, HEAD_OF_EARLSDON, 'channel')));
    expect(cardText(view)).toContain('Your school (Cannon Park) has not answered yet.');
  });

  it('refuses a deputy described with a date of birth', async () => {
    const { bot, meeting } = await roots();
    const card = invokeCard(
      await bot.send(
        cardAction(
          'rsvp',
          { ...meeting, answer: 'deputy', deputyName: 'Sam (DOB 12/03/2015)', deputyRole: 'Deputy head' },
          HEAD_OF_EARLSDON,
          'channel',
        ),
      ),
    );
    expect(cardText(card)).toContain(
      'The deputy\'s name contains a date of birth, which identifies a pupil: "DOB 12/03/2015".',
    );
    expect(JSON.stringify(card)).toContain('"value":"Sam (DOB 12/03/2015)"');
  });

  it('refuses a guest request that holds a UPN, and asks no host', async () => {
    const { bot, meeting } = await roots();
    const replies = await bot.send(
      cardAction(
        'guestRequest',
        { ...meeting, guestName: UPN, guestRole: 'Parent' },
        HEAD_OF_EARLSDON,
        'channel',
      ),
    );
    expect(cardText(invokeCard(replies))).toContain(
      `Sorry, the guest's name contains a Unique Pupil Number (UPN): "${UPN}".`,
    );
    expect(replies.filter((r) => r.type === 'message')).toEqual([]);
  });

  it('refuses a venue, a cluster name, a school and a roster row that hold pupil data', async () => {
    const { bot } = await roots();
    expect((await say(bot, `/rota venue spring 1 at Room 4 with ${UPN}`))?.text).toBe(
      `Sorry, the venue contains a Unique Pupil Number (UPN): "${UPN}". ${REFUSAL}. Nothing was changed.`,
    );
    const rota = cardText(cardOf(await say(bot, '/rota')));
    expect(rota).not.toContain(UPN);

    const other = await startBotHarness('2026-11-10T08:00:00Z');
    expect((await say(other, `/setup Roots ${UPN}`))?.text).toContain(
      'the cluster name contains a Unique Pupil Number',
    );

    expect((await say(bot, `/school add Pupil ${UPN}`))?.text).toContain(
      'the school name contains a Unique Pupil Number',
    );
    expect((await say(bot, `/school import\nschool,urn,head\nNew School,,born 3 May 2016`))?.text).toContain(
      "the head's name on line 2 contains a date of birth",
    );
    expect(cardText(cardOf(await say(bot, '/school list')))).toContain('17 members');
  });

  it("refuses the minutes' notes, decisions, guests, deputies and actions that hold pupil data, keeping what was typed", async () => {
    const { bot } = await roots();
    bot.clock.set('2026-11-23T10:00:00Z');
    const card = cardOf(await say(bot, '/minutes', HEAD_OF_EARLSDON)); // Cannon Park chaired Autumn 2
    const earlsdon = inputIdLabelled(card, 'Earlsdon');
    const attempts: Array<[Record<string, string>, string]> = [
      [{ 'note-0': `Welcome; ${UPN} discussed` }, 'the note on item 1 contains a Unique Pupil Number'],
      [{ decisions: `Agreed\nRefer pupil ${UPN}` }, 'decision 2 contains a Unique Pupil Number'],
      [{ guests: `Parent of ${UPN}` }, 'guest 1 contains a Unique Pupil Number'],
      [
        { [earlsdon]: 'deputy', [earlsdon.replace('mark-', 'deputy-')]: 'Sam, DOB 12/03/2015' },
        'contains a date of birth',
      ],
      [
        {
          'action-0-title': `Follow up ${UPN}`,
          'action-0-school': choiceValue(card, 'action-0-school', 'Earlsdon'),
        },
        'action 1 contains a Unique Pupil Number',
      ],
    ];
    for (const [edits, problem] of attempts) {
      const answer = invokeAnswer(await pressButton(bot, card, 'Save draft', HEAD_OF_EARLSDON, edits));
      expect(cardText(answer.card)).toContain(problem);
      for (const [id, typed] of Object.entries(edits)) expect(inputValues(answer.card)[id]).toBe(typed);
    }
    const reopened = cardOf(await say(bot, '/minutes', HEAD_OF_EARLSDON));
    expect(cardText(reopened)).toContain('Not saved yet.');
    expect(JSON.stringify(reopened)).not.toContain(UPN);
  });
});

describe('a name next to a school-age date ("Sam Pupil3 04/04/2016")', () => {
  const PUPIL = 'Sam Pupil3 04/04/2016';
  const FOUND = `a name next to a date that would make them of school age (a pupil's date of birth): "${PUPIL}"`;

  it('is refused in answers, deputies, guests, venues, names, rosters and minutes, and nothing of it is stored', async () => {
    const { bot, meeting } = await roots();
    const clicks: Array<[Record<string, string>, string, string]> = [
      [{ answer: 'apologies', reason: `Meeting about ${PUPIL}` }, 'rsvp', 'The reason contains'],
      [
        { answer: 'deputy', deputyName: PUPIL, deputyRole: 'Deputy head' },
        'rsvp',
        "The deputy's name contains",
      ],
      [{ guestName: PUPIL, guestRole: 'Parent' }, 'guestRequest', "the guest's name contains"],
    ];
    for (const [data, verb, field] of clicks) {
      const card = invokeCard(
        await bot.send(cardAction(verb, { ...meeting, ...data }, HEAD_OF_EARLSDON, 'channel')),
      );
      expect(cardText(card)).toContain(`${field} ${FOUND}`);
    }
    const typed: Array<[string, string]> = [
      [`/rota venue spring 1 at Room 4 with ${PUPIL}`, 'the venue contains'],
      [`/school add ${PUPIL}`, 'the school name contains'],
      [`/school import\nschool,urn,head\nNew School,,${PUPIL}`, "the head's name on line 2 contains"],
    ];
    for (const [text, field] of typed) expect((await say(bot, text))?.text).toContain(`${field} ${FOUND}`);

    bot.clock.set('2026-11-23T10:00:00Z');
    const minutes = cardOf(await say(bot, '/minutes', HEAD_OF_EARLSDON));
    const saved = invokeAnswer(
      await pressButton(bot, minutes, 'Save draft', HEAD_OF_EARLSDON, { 'note-0': `Welcome; ${PUPIL}` }),
    );
    expect(cardText(saved.card)).toContain(`the note on item 1 contains ${FOUND}`);
    for (const command of ['/rota', '/school list', '/minutes'])
      expect(JSON.stringify(cardOf(await say(bot, command, HEAD_OF_EARLSDON)))).not.toContain('Pupil3');
  });
});
