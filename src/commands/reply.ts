import type { AdaptiveCard } from '../cards/adaptive-card';

/**
 * What a command answers with, independent of the chat SDK. The Teams edge turns it into an
 * activity; a future SDK would do the same in its own folder.
 */
export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard; summary: string };

export const textReply = (text: string): Reply => ({ kind: 'text', text });
export const cardReply = (card: AdaptiveCard, summary: string): Reply => ({ kind: 'card', card, summary });
