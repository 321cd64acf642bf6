import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openGeneralChannel,
  postMentioningBot,
  SCREENSHOTS,
  saveTermDatesOnCard,
  usePlayground,
  waitForText,
} from './playground-harness';

/** A valid Unique Pupil Number: pupil data that must never be stored. */
const UPN = 'B801200005001';

const playground = usePlayground('E2eMinutes', 'minutes');

describe('the chair and minute-taker in Agents Playground (Mon 23 Nov 2026)', () => {
  it('publishes an agenda, writes and publishes minutes with two actions, refuses a UPN, and an action is marked done', async () => {
    const page = await openGeneralChannel(playground());

    await postMentioningBot(page, '/setup Roots; Tuesday of week 3, 13:30-15:30');
    await waitForText(page, 'is set up, and you are its cluster lead.');
    await postMentioningBot(page, '/school add Cannon Park, 103700, Ray Patel');
    await waitForText(page, 'has joined the cluster');
    await postMentioningBot(page, '/school add Earlsdon, 103704, Jo Smith');
    await waitForText(page, /Earlsdon.* has joined the cluster/);
    await postMentioningBot(page, '/join Cannon Park');
    await waitForText(page, 'as its head teacher.');
    await saveTermDatesOnCard(page);

    // The agenda of the next meeting (Spring 1): proposed, accepted and published in the channel.
    await postMentioningBot(page, '/agenda add Year 6 writing moderation');
    await waitForText(page, 'Year 6 writing moderation. The chair will accept or drop it.');
    await postMentioningBot(page, '/agenda accept P1');
    await waitForText(page, 'is on the agenda as item');
    await postMentioningBot(page, '/agenda publish');
    await waitForText(page, 'The agenda is published in the channel.');
    await waitForText(page, 'Agenda: Roots, Spring 1 meeting');

    // The minutes of Autumn 2 (Tue 17 Nov) are written in the personal chat.
    await postMentioningBot(page, '/minutes');
    await waitForText(page, 'in our personal chat');
    await page.getByText('Personal Chat', { exact: true }).first().click();
    await waitForText(page, 'Notes on the agenda');
    const notes = page.getByLabel('1. Welcome and apologies').last();
    // Type as a person would: the card takes a moment to settle after it arrives.
    await notes.click();
    await page.keyboard.type(`Welcome. Discussed ${UPN}.`);
    await page.getByRole('button', { name: 'Publish', exact: true }).last().click();
    await waitForText(page, /Nothing was saved: the note on item 1 contains a Unique Pupil Number \(UPN\)/);
    expect(await page.getByLabel('1. Welcome and apologies').last().inputValue()).toBe(
      `Welcome. Discussed ${UPN}.`,
    );

    await page.getByLabel('1. Welcome and apologies').last().fill('Welcome. Earlsdon sent apologies.');
    await page.getByLabel('Decisions (one per line)').last().fill('Adopt the shared moderation calendar');
    await page.getByLabel('New action 1').last().fill('Share the moderation timetable');
    await page.locator('input[placeholder="Choose a school"]').first().click();
    await page.getByRole('option', { name: 'Earlsdon' }).click();
    await page.getByLabel('New action 2').last().fill('Book the spring venue');
    await page.locator('input[placeholder="Choose a school"]').last().click();
    await page.getByRole('option', { name: 'Cannon Park' }).click();
    await page.screenshot({ path: join(SCREENSHOTS, 'minutes-card.png'), fullPage: true });
    await page.getByRole('button', { name: 'Publish', exact: true }).last().click();
    await waitForText(page, 'Published: the minutes are in the channel and their actions are on /actions.');

    await page.getByText('General').first().click();
    await waitForText(page, 'Minutes: Roots, Autumn 2 2026-27 meeting');
    await postMentioningBot(page, '/actions');
    await waitForText(page, 'Roots: all actions');
    await waitForText(page, 'A1 · Share the moderation timetable');
    await waitForText(page, 'A2 · Book the spring venue');
    await page.getByRole('button', { name: 'Mark done' }).first().click();
    await waitForText(page, /is now done \(updated by Alex Wilber\)\./);
    await page.screenshot({ path: join(SCREENSHOTS, 'minutes-actions.png'), fullPage: true });
  });
});
