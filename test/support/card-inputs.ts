import type { Activity } from 'botbuilder';
import type { BotHarness } from './bot-harness';
import { cardAction, type Person } from './teams-activities';

type Json = Record<string, unknown>;

/** Every input on a card, as Teams would send it back if nothing were changed: id → value. */
export function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (
        typeof element.type === 'string' &&
        element.type.startsWith('Input.') &&
        typeof element.id === 'string'
      ) {
        values[element.id] = typeof element.value === 'string' ? element.value : '';
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return values;
}

/** The id of the input with this label (e.g. a school's attendance choice). */
export function inputIdLabelled(card: unknown, label: string): string {
  let found: string | undefined;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element.label === label && typeof element.id === 'string') found = element.id;
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
}

/** The choice value whose title is `title` on the input `id`. */
export function choiceValue(card: unknown, id: string, title: string): string {
  let found: string | undefined;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element.id === id && Array.isArray(element.choices)) {
        found = (element.choices as Array<{ title: string; value: string }>).find(
          (c) => c.title === title,
        )?.value;
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  if (!found) throw new Error(`no choice ${title} on ${id}`);
  return found;
}

/**
 * Presses a button on a card the way Teams does: the action's data plus every input's value,
 * after the person changed `edits`. Returns everything the bot sent back.
 */
export async function pressButton(
  bot: BotHarness,
  card: unknown,
  title: string,
  from: Person,
  edits: Record<string, string> = {},
  where: 'personal' | 'channel' = 'channel',
): Promise<Partial<Activity>[]> {
  return bot.send(buttonPress(card, title, from, edits, where));
}

/** The invoke Teams sends when `title` is pressed on `card` (for tests that adjust it, e.g. its team). */
export function buttonPress(
  card: unknown,
  title: string,
  from: Person,
  edits: Record<string, string> = {},
  where: 'personal' | 'channel' = 'channel',
): Partial<Activity> {
  const action = findButton(card, title);
  if (!action) throw new Error(`no button ${title} on the card`);
  return cardAction(action.verb, { ...action.data, ...inputValues(card), ...edits }, from, where);
}

/** The first Action.Execute titled `title`, in the card's actions or any ActionSet. */
function findButton(node: unknown, title: string): { verb: string; data?: Json } | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findButton(child, title);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    const element = node as Json;
    if (element.type === 'Action.Execute' && element.title === title)
      return element as { verb: string; data?: Json };
    return findButton(Object.values(element), title);
  }
  return undefined;
}

/** The card (or message) the bot answered an Action.Execute with. */
export function invokeAnswer(replies: Partial<Activity>[]): { card?: Json; message?: string } {
  const value = replies.find((r) => r.type === 'invokeResponse')?.value as
    | { body?: { type: string; value: unknown } }
    | undefined;
  if (value?.body?.type === 'application/vnd.microsoft.card.adaptive')
    return { card: value.body.value as Json };
  return { message: String(value?.body?.value ?? '') };
}
