import template from '../../cards/actions.json';
import type { AdaptiveCard } from './adaptive-card';
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

export function renderActionsCard(data: ActionsCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
