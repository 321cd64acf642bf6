import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SAMPLES } from '../support/card-samples';

const CARDS_DIR = join(__dirname, '..', '..', 'cards');
const templates = readdirSync(CARDS_DIR).filter((name) => name.endsWith('.json'));

/** Every action in a card, wherever it sits (card actions, action sets, select actions). */
function actionsIn(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(actionsIn);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') ? [record] : [];
  return [...own, ...Object.values(record).flatMap(actionsIn)];
}

describe('card templates', () => {
  it('has sample data for every template in cards/', () => {
    expect(templates.length).toBeGreaterThan(0);
    expect(Object.keys(CARD_SAMPLES).sort()).toEqual([...templates].sort());
  });

  it.each(templates)('%s is an Adaptive Card 1.5 template', (name) => {
    const template = JSON.parse(readFileSync(join(CARDS_DIR, name), 'utf8'));
    expect(template).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it.each(templates)('%s renders with sample data and leaves nothing unfilled', (name) => {
    const render = CARD_SAMPLES[name];
    if (!render) throw new Error(`no sample data for ${name}`);
    const rendered = JSON.stringify(render());
    expect(rendered).not.toMatch(/\$\{[^}]*\}/);
    expect(rendered).not.toContain('"$data"');
  });

  it.each(templates)(
    '%s stays within the size Teams accepts for a message (28 KB) with the largest realistic data',
    (name) => {
      const render = CARD_SAMPLES[name];
      if (!render) throw new Error(`no sample data for ${name}`);
      expect(Buffer.byteLength(JSON.stringify(render()), 'utf8')).toBeLessThan(28_000);
    },
  );

  it.each(templates)('%s uses only Universal Actions for buttons that reach the bot', (name) => {
    const render = CARD_SAMPLES[name];
    if (!render) throw new Error(`no sample data for ${name}`);
    for (const action of actionsIn(render())) {
      expect(['Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']).toContain(
        action.type,
      );
    }
  });
});
