import type { AdaptiveCard } from './adaptive-card';

/**
 * Teams refuses a message over about 28 KB, and the person gets nothing at all. Cards that grow
 * with a cluster (people, actions, schools) keep under this, leaving room for the activity around
 * the card, by dropping what is a command away rather than failing.
 */
export const CARD_BUDGET_BYTES = 27_000;

export const cardBytes = (card: AdaptiveCard | object) => Buffer.byteLength(JSON.stringify(card), 'utf8');
