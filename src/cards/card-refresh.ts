import type { AdaptiveCard } from './adaptive-card';
import { CARD_BUDGET_BYTES, cardBytes } from './card-budget';

/** Teams refreshes a card automatically for at most 60 people; others can refresh it by hand. */
const MOST_REFRESHED = 60;

/** What a full refresh list takes (60 Teams ids): a card that carries one leaves this much room. */
export const REFRESH_ROOM_BYTES = 6_000;

const REFRESHED_FIRST: readonly string[] = ['cluster-lead', 'head', 'staff', 'observer'];

/** A cluster's people in the order a refresh list takes them: leads and heads first. */
export function peopleToRefresh(people: ReadonlyArray<{ userId: string; role: string }>): string[] {
  const rank = (role: string) => REFRESHED_FIRST.indexOf(role);
  return [...people].sort((a, b) => rank(a.role) - rank(b.role)).map((p) => p.userId);
}

export interface CardRefresh {
  verb: string;
  /** What the refresh sends back: which view to draw again, and its filter. */
  data: Record<string, string>;
  /** Who sees it redrawn as it now stands when they look at it (Teams ids), most important first. */
  userIds: readonly string[];
}

/**
 * A card others see too (the actions list, the agenda) stays true: whenever one of the cluster's
 * people looks at it, Teams asks for it again (Universal Actions `refresh`), so a change made
 * elsewhere (another click, a typed command) shows without anyone posting it anew.
 */
export function withRefresh(card: AdaptiveCard, refresh: CardRefresh): AdaptiveCard {
  const action = { type: 'Action.Execute', title: 'Refresh', verb: refresh.verb, data: refresh.data };
  // The list counts towards the card's size: those who do not fit can still refresh it by hand.
  let room = CARD_BUDGET_BYTES - cardBytes({ ...card, refresh: { action, userIds: [] } });
  const userIds: string[] = [];
  for (const id of refresh.userIds.slice(0, MOST_REFRESHED)) {
    room -= Buffer.byteLength(JSON.stringify(id)) + 1;
    if (room < 0) break;
    userIds.push(id);
  }
  return { ...card, refresh: { action, userIds } };
}
