import type { AdaptiveCard } from '../cards/adaptive-card';

/** A message the bot starts (not a reply): a card or text, optionally @mentioning people. */
export interface OutgoingMessage {
  card?: AdaptiveCard;
  text?: string;
  /** Shown in notifications and the chat list. */
  summary: string;
  mentions?: Array<{ userId: string; name: string }>;
}
