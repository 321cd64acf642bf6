import type { AdaptiveCard } from './adaptive-card';

/** Teams refreshes a card automatically for at most 60 people; others can refresh it by hand. */
const MOST_REFRESHED = 60;

export interface CardRefresh {
  verb: string;
  /** What the refresh sends back: which view to draw again, and its filter. */
  data: Record<string, string>;
  /** Who sees it redrawn as it now stands when they look at it (Teams ids). */
  userIds: readonly string[];
}

/**
 * A card others see too (the actions list, the agenda) stays true: whenever one of the cluster's
 * people looks at it, Teams asks for it again (Universal Actions `refresh`), so a change made
 * elsewhere (another click, a typed command) shows without anyone posting it anew.
 */
export function withRefresh(card: AdaptiveCard, refresh: CardRefresh): AdaptiveCard {
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', title: 'Refresh', verb: refresh.verb, data: refresh.data },
      userIds: refresh.userIds.slice(0, MOST_REFRESHED),
    },
  };
}
