import type { AdaptiveCard } from '../cards/adaptive-card';

/**
 * What a command answers with, independent of the chat SDK. The Teams edge turns it into an
 * activity; a future SDK would do the same in its own folder.
 */
export type Reply =
  | { kind: 'text'; text: string; refused?: true }
  | { kind: 'card'; card: AdaptiveCard; summary: string };

export const textReply = (text: string): Reply => ({ kind: 'text', text });
/** A reply that explains why nothing was done (so a card button can say "not done"). */
export const refusalReply = (text: string): Reply => ({ kind: 'text', text, refused: true });
export const cardReply = (card: AdaptiveCard, summary: string): Reply => ({ kind: 'card', card, summary });
