import template from '../../cards/actions.json';
import type { AdaptiveCard } from './adaptive-card';
import { CARD_BUDGET_BYTES, cardBytes } from './card-budget';
import { REFRESH_ROOM_BYTES } from './card-refresh';
import { renderTemplate } from './render-template';

export interface ActionsCardData {
  title: string;
  summary: string;
  actions: Array<{
    id: string;
    heading: string;
    /** 'Attention' for overdue actions. */
    colour: 'Default' | 'Attention' | 'Good';
    owner: string;
    due: string;
    status: string;
    /** Open and in-progress actions get Mark done / In progress buttons. */
    open: boolean;
    verb: string;
  }>;
  footer: string;
  /** What /actions was asked for ("", "mine", "overdue", …), so a button can show the same list again. */
  filter: string;
}

/**
 * Every action, if they fit in a card Teams accepts (with room for its refresh list); otherwise
 * as many as fit, overdue first as given, and the footer says how to see the rest.
 */
export function renderActionsCard(data: ActionsCardData): AdaptiveCard {
  const budget = CARD_BUDGET_BYTES - REFRESH_ROOM_BYTES;
  const render = (shown: number) =>
    renderTemplate(template, {
      ...data,
      actions: data.actions.slice(0, shown),
      footer:
        shown < data.actions.length
          ? `Showing the first ${shown} of ${data.actions.length}: see the rest with /actions overdue, /actions mine or /actions school <name>. ${data.footer}`
          : data.footer,
    });
  const all = render(data.actions.length);
  if (cardBytes(all) <= budget) return all;
  let fits = 0;
  let tooMany = data.actions.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (cardBytes(render(middle)) <= budget) fits = middle;
    else tooMany = middle;
  }
  return render(fits);
}
