import template from '../../cards/board-overview.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface BoardOverviewCardData {
  title: string;
  subtitle: string;
  clusters: Array<{
    name: string;
    colour: 'Attention' | 'Good';
    /** Why this cluster needs attention; '' when it does not. */
    concerns: string;
    /** '' when only the name is shown (a board too large for every figure in one card). */
    figures: string;
    minutesTitle: string;
    /** The latest published minutes; '' when none are published. */
    minutesUrl: string;
  }>;
  footer: string;
  csvUrl: string;
}

export function renderBoardOverviewCard(data: BoardOverviewCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
